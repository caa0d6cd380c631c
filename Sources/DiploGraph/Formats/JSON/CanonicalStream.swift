// The canonical JSON read streaming (issue 15): no tree of the whole document.
//
// The top-level object is walked key by key with the strict parser's own steps (JSONParser),
// so every syntax and limit error is the one the tree parser gives, at the same place. The
// `actions` array, the bulk, is read element by element into the columnar ActionTable: an
// action of the usual shape is scanned straight from the bytes (CanonicalStream+Action.swift),
// its actor, target, kind and source names interned from bytes; any other element (a problem
// to report, claims, escapes, a syntax error) is parsed again, from its first byte, into a
// small tree and mapped by the same code as before (CanonicalReader.readAction), so that every
// message is the same. The other sections are small: each is parsed into a tree and mapped as
// before. Diagnostics of the actions are kept aside (capped) and merged after those of the
// sections that come before them in the reader's order, whatever the order of the keys.
//
// Limits: as the tree read (JSON.Limits, maxActions, maxActors); past `maxActions` the rest of
// the array is only checked for syntax and counted, for the message.

/// The actions of a document, read streaming, waiting to be joined to the rest.
struct StreamedActions {
  /// Where the `actions` array starts.
  var position: JSONPosition
  /// The rows read (the first `maxActions` elements, less those skipped for errors).
  var table = ActionTable()
  /// The places of the rows read.
  var elements = JSONSourceMap.ElementList()
  /// The problems found in the actions, in order, capped.
  var capped = CappedDiagnostics<Diagnostic>(limit: maxListedDiagnostics)
  /// Where every element of the array starts, past the limit included.
  var elementPositions: [JSONPosition] = []
  /// How many elements the array has.
  var total: Int { elementPositions.count }

  init(position: JSONPosition) { self.position = position }
}

/// The streaming walk of one canonical JSON document.
struct CanonicalStream {
  var parser: JSONParser
  var reader: CanonicalReader
  let maxActions: Int
  /// The bytes of a string seen before → its symbol, per symbol table of the action table.
  var endpointNames = ByteInterner()
  var kindNames = ByteInterner()
  var sourceNames = ByteInterner()
  /// The fast path's record of one action's fields, reused from one action to the next.
  var scratch = ActionScratch()
  /// The source map's codes of the action keys, in ``CanonicalJSON/ObjectKeys/action`` order.
  var keyCodes: [Int32] = []

  init(_ bytes: UnsafeBufferPointer<UInt8>, file: String?, options: CanonicalJSON.ReadOptions) {
    parser = JSONParser(bytes, file: file, limits: options.json)
    reader = CanonicalReader(file: file, root: JSONPosition(line: 1, column: 1))
    reader.maxActions = options.maxActions
    reader.maxActors = options.maxActors
    maxActions = options.maxActions
  }

  /// Reads the document.
  ///
  /// - Throws: as ``CanonicalJSON/read(_:file:options:)``.
  /// - Complexity: O(n) in the size of the input; memory O(actions) for the table and the
  ///   source map, O(size of one element) beyond that.
  mutating func read() throws -> Document {
    parser.skipWhitespace()
    let rootPosition = parser.position
    reader = CanonicalReader(file: reader.file, root: rootPosition, from: reader)
    guard parser.peek == UInt8(ascii: "{") else {
      // Not a data set: the tree read gives the syntax error or the `schema` one.
      let root = try parser.parseValue(.top, whole: true)
      return try reader.readDocument(root)
    }
    try parser.countValue()
    try parser.checkDepth(0)
    parser.advance()
    parser.skipWhitespace()
    var members: [JSONMember] = []
    var keyPositions: [String: JSONPosition] = [:]
    var streamed: StreamedActions?
    if parser.peek == UInt8(ascii: "}") {
      parser.advance()
    } else {
      var afterComma = false
      while true {
        let (key, keyPosition) = try parser.readMemberKey(afterComma: afterComma) {
          keyPositions[$0]
        }
        keyPositions[key] = keyPosition
        parser.skipWhitespace()
        let value: JSONNode
        if key == DataPath.Collection.actions.rawValue, parser.peek == UInt8(ascii: "[") {
          value = JSONNode(.array([]), at: parser.position)
          streamed = try readActions()
        } else {
          parser.depthBase = 1
          value = try parser.parseValue(.afterColon)
          parser.depthBase = 0
        }
        members.append(JSONMember(key: key, keyPosition: keyPosition, value: value))
        parser.skipWhitespace()
        if parser.peek == UInt8(ascii: ",") {
          parser.advance()
          afterComma = true
          continue
        }
        guard parser.peek == UInt8(ascii: "}") else {
          throw parser.error(
            "expected ',' or '}' after a member, found \(parser.found)\(parser.hint)")
        }
        parser.advance()
        break
      }
    }
    parser.skipWhitespace()
    guard parser.index == parser.bytes.count else {
      throw parser.error(
        "expected the end of the input after the top-level value, found \(parser.found)")
    }
    return try reader.readDocument(
      JSONNode(.object(members), at: rootPosition), streamed: streamed)
  }

  /// Reads the `actions` array, the parser at its `[`.
  private mutating func readActions() throws -> StreamedActions {
    var result = StreamedActions(position: parser.position)
    try parser.countValue()
    try parser.checkDepth(1)
    parser.advance()
    parser.skipWhitespace()
    if parser.peek == UInt8(ascii: "]") {
      parser.advance()
      return result
    }
    // The reader reports into the actions' own list while they are read.
    let before = reader.capped
    reader.capped = result.capped
    defer { reader.capped = before }
    let estimate = min(maxActions, parser.bytes.count / 128)
    result.table.reserveCapacity(estimate)
    result.elements.reserveCapacity(estimate, fields: 6)
    result.elementPositions.reserveCapacity(estimate)
    var context = JSONParser.ValueContext.afterOpenBracket
    while true {
      parser.skipWhitespace()
      let index = result.total
      result.elementPositions.append(parser.position)
      if index >= maxActions {
        // Past the limit (a `limit` error once the document is read): checked, not mapped.
        parser.depthBase = 2
        _ = try parser.parseValue(context)
        parser.depthBase = 0
      } else if !readAction(index, into: &result) {
        parser.depthBase = 2
        let node = try parser.parseValue(context)
        parser.depthBase = 0
        if let (action, element) = reader.readAction(
          node, path: "$.actions[\(index)]", index: index)
        {
          result.table.append(action)
          result.elements.append(element)
        }
      }
      parser.skipWhitespace()
      if parser.peek == UInt8(ascii: ",") {
        parser.advance()
        context = .afterComma
        continue
      }
      guard parser.peek == UInt8(ascii: "]") else {
        throw parser.error(
          "expected ',' or ']' after an array element, found \(parser.found)\(parser.hint)")
      }
      parser.advance()
      result.capped = reader.capped
      return result
    }
  }
}

extension CanonicalReader {
  /// A reader for a document whose root is at `root`, with `other`'s settings.
  init(file: String?, root: JSONPosition, from other: CanonicalReader) {
    self.init(file: file, root: root)
    maxActions = other.maxActions
    maxActors = other.maxActors
  }
}
