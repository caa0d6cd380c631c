// The canonical data-set format: one JSON document per data set.
//
// Spec: docs/format.md (version 1), with the JSON Schema docs/diplograph.schema.json.
//
// Reading is in two layers. The strict JSON parser (JSON.swift) rejects malformed bytes with a
// located `syntax` error (or a `limit` error past the nesting limit); the read streams
// (CanonicalStream.swift): it walks the document's top level, reads the actions one by one
// into the action table and makes no tree of the whole document. The mapping to the model
// (CanonicalReader.swift) then collects every problem of type or shape (a missing or
// unknown key, a wrong type, a bad enum value, a negative, fractional or too large count, an
// impossible date) as a located Diagnostic and goes on reading, leaving the field empty or
// skipping the element, so that `validate` can list them all at once.
//
// Writing (CanonicalWriter.swift) follows the output rules of docs/format.md exactly:
// keys in the documented order, optional keys omitted, short arrays of strings on one line, two-space
// indentation, minimal escaping, non-ASCII as UTF-8, a final newline; so write → read → write
// gives the same bytes.
//
// Limits: counts and figures are integers in 0...Int64.max; dates are days of the years
// 1...9999; nesting is bounded by `JSON.Limits.maxDepth` (512 by default), while a data set
// needs 5 levels (document, actions, action, claims, claim).

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
    try read(bytes, file: file, options: ReadOptions(json: limits))
  }

  /// Bounds on what is read.
  public struct ReadOptions: Hashable, Sendable {
    /// The JSON parser's limits (nesting depth, number of values).
    public var json: JSON.Limits
    /// The most actions; more is a `limit` error located at the first action past it.
    public var maxActions: Int
    /// The most distinct actors, declared or named by an action; more is a `limit` error.
    public var maxActors: Int

    public init(
      json: JSON.Limits = JSON.Limits(), maxActions: Int = DataSetFile.Limits.defaultMaxActions,
      maxActors: Int = DataSetFile.Limits.defaultMaxActors
    ) {
      self.json = json
      self.maxActions = max(0, min(maxActions, Int(Int32.max)))
      self.maxActors = max(0, min(maxActors, Int(Int32.max)))
    }
  }

  /// Reads a data set under `options`' limits (see the other `read`).
  ///
  /// - Throws: as the other `read`, and `limit` for more actions or actors than `options`
  ///   allow.
  public static func read(_ bytes: [UInt8], file: String? = nil, options: ReadOptions) throws
    -> Document
  {
    try bytes.withUnsafeBufferPointer { buffer in
      var stream = CanonicalStream(buffer, file: file, options: options)
      return try stream.read()
    }
  }

  /// Reads a data set through a tree of the whole document: the read before streaming, kept
  /// as the oracle the streaming read is tested against (same data set, same messages).
  package static func readThroughTree(
    _ bytes: [UInt8], file: String? = nil, options: ReadOptions = ReadOptions()
  ) throws -> Document {
    let root = try JSON.parse(bytes, file: file, limits: options.json)
    var reader = CanonicalReader(file: file, root: root.position)
    reader.maxActions = options.maxActions
    reader.maxActors = options.maxActors
    return try reader.readDocument(root)
  }

  /// Reads a data set held in a string (see the byte-array `read`).
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

extension CanonicalJSON {
  /// The keys one kind of object of the format accepts, in output order, and which of them are
  /// required. The reader accepts exactly these (any other key is an error) and asks this table
  /// which are required, the writer writes them in this order, and a test holds the JSON Schema
  /// `docs/diplograph.schema.json` to them.
  public struct ObjectKeys: Hashable, Sendable {
    /// How messages name such an object: `an action`.
    public let what: String
    /// The name of its definition in the JSON Schema (`$defs`), `nil` for the document.
    public let schemaName: String?
    /// Every key, in output order.
    public let keys: [String]
    /// The keys that must be present (and not `null`).
    public let required: Set<String>

    public static let document = ObjectKeys(
      what: "the data set", schemaName: nil,
      keys: [
        "format", "version", "title", "description", "notes", "sources", "actors", "blocs",
        "actions", "figures",
      ], required: ["format", "version", "title"])
    public static let source = ObjectKeys(
      what: "a source", schemaName: "source",
      keys: ["id", "title", "publisher", "date", "url", "note"], required: ["id", "title"])
    public static let actor = ObjectKeys(
      what: "an actor", schemaName: "actor", keys: ["id", "name", "kind", "note"],
      required: ["id", "name", "kind"])
    public static let bloc = ObjectKeys(
      what: "a bloc", schemaName: "bloc", keys: ["id", "name", "members", "note"],
      required: ["id", "name", "members"])
    public static let action = ObjectKeys(
      what: "an action", schemaName: "action",
      keys: [
        "id", "actor", "target", "kind", "count", "date", "respondsTo", "sources", "claims",
        "note",
      ], required: ["actor", "target", "kind", "sources"])
    public static let claim = ObjectKeys(
      what: "a claim", schemaName: "claim", keys: ["source", "count", "qualifier", "quote"],
      required: ["source"])
    public static let figure = ObjectKeys(
      what: "a figure", schemaName: "figure",
      keys: ["source", "label", "measure", "value", "qualifier", "scope", "quote", "note"],
      required: ["source", "label", "measure", "value"])
    public static let selection = ObjectKeys(
      what: "a selection", schemaName: "selection",
      keys: ["kinds", "since", "until", "blocs", "actors", "side"], required: [])

    /// Every kind of object of the format.
    public static let all: [ObjectKeys] = [
      .document, .source, .actor, .bloc, .action, .claim, .figure, .selection,
    ]
  }
}
