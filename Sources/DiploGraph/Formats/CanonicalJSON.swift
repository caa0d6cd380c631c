// The canonical data-set format: one JSON document per data set.
//
// Spec: docs/format.md (version 1), with the JSON Schema docs/diplograph.schema.json.
//
// Reading is in two layers. The strict JSON parser (JSON.swift) rejects malformed bytes with a
// located `syntax` error (or a `limit` error past the nesting limit). The mapping to the model
// (CanonicalJSON+Reading.swift) then collects every problem of type or shape (a missing or
// unknown key, a wrong type, a bad enum value, a negative, fractional or too large count, an
// impossible date) as a located Diagnostic and goes on reading, leaving the field empty or
// skipping the element, so that `validate` can list them all at once.
//
// Writing (CanonicalJSON+Writing.swift) follows the output rules of docs/format.md exactly:
// keys in the documented order, optional keys omitted, arrays of strings on one line, two-space
// indentation, minimal escaping, non-ASCII as UTF-8, a final newline; so write → read → write
// gives the same bytes.
//
// Limits: counts and figures are integers in 0...Int64.max; dates are days of the years
// 1...9999; nesting is bounded by `JSON.Limits.maxDepth` (512 by default), and the document
// itself needs only 4 levels below a selection.

/// Reads and writes the canonical JSON format of a data set (see `docs/format.md`).
public enum CanonicalJSON {
  /// The value of the `format` key.
  public static let formatName = "diplograph"

  /// Reads a data set.
  ///
  /// - Parameters:
  ///   - bytes: the document, UTF-8 (a leading byte order mark is skipped).
  ///   - file: the file name every location carries.
  ///   - limits: the parser's limits.
  /// - Returns: the data set, a ``JSONSourceMap`` of where each part came from, and the
  ///   problems found while mapping JSON to the model (each located; when any is an error the
  ///   data set is a best effort and should not be analysed).
  /// - Throws: ``DiploGraphError`` with code `syntax` for malformed JSON or UTF-8, `limit` past
  ///   the nesting limit, `schema` when the top-level value is not an object.
  /// - Complexity: O(n) in the size of the input.
  public static func read(
    _ bytes: [UInt8], file: String? = nil, limits: JSON.Limits = JSON.Limits()
  ) throws -> Document {
    let root = try JSON.parse(bytes, file: file, limits: limits)
    var reader = CanonicalReader(file: file, root: root.position)
    return try reader.readDocument(root)
  }

  /// Reads a data set held in a string (see ``read(_:file:limits:)-([UInt8],_,_)``).
  public static func read(
    _ text: String, file: String? = nil, limits: JSON.Limits = JSON.Limits()
  ) throws -> Document {
    try read(Array(text.utf8), file: file, limits: limits)
  }

  /// Writes a data set in the canonical layout, UTF-8, ending with a newline.
  ///
  /// The output reads back to an equal data set, and writing that gives the same bytes.
  ///
  /// - Complexity: O(size of the data set), plus O(s log s) to sort the s ids of each
  ///   figure's scope.
  public static func write(_ dataSet: DataSet) -> [UInt8] {
    var writer = CanonicalWriter()
    writer.write(dataSet)
    return writer.out
  }

  /// The canonical text of a data set (see ``write(_:)``).
  public static func string(_ dataSet: DataSet) -> String {
    String(decoding: write(dataSet), as: UTF8.self)
  }
}

/// The keys of each object of the format, in output order. The reader accepts exactly these,
/// the writer writes them in this order, and a test holds the JSON Schema to them.
enum CanonicalKeys {
  static let document = [
    "format", "version", "title", "description", "notes", "sources", "actors", "blocs",
    "actions", "figures",
  ]
  static let source = ["id", "title", "publisher", "date", "url", "note"]
  static let actor = ["id", "name", "kind", "note"]
  static let bloc = ["id", "name", "members", "note"]
  static let action = [
    "id", "actor", "target", "kind", "count", "date", "respondsTo", "sources", "claims", "note",
  ]
  static let claim = ["source", "count", "qualifier", "quote"]
  static let figure = [
    "source", "label", "measure", "value", "qualifier", "scope", "quote", "note",
  ]
  static let selection = ["kinds", "since", "until", "blocs", "actors", "side"]
}
