/// The compact lists of ``ResponseAnalysis``: exchanges and action references held as row
/// numbers over the action table, each value made when it is read.

/// The exchanges of a ``ResponseAnalysis``, in order.
///
/// A random-access collection of ``Exchange``: read it, loop over it, map it as an array. It
/// holds the rows of each exchange's original and answer (8 bytes per exchange) and the action
/// table's columns (shared, not copied); subscripting makes the ``Exchange``, in O(1) (O(m) for
/// an explicit exchange of m actions, which is kept whole). Equality and hashing compare the
/// exchanges, not how they are stored.
public struct ExchangeList: RandomAccessCollection, Hashable, Sendable, ExpressibleByArrayLiteral {
  /// Per exchange: the row of its single original, or −1 − the index of the exchange in
  /// `materialized`.
  let original: [Int32]
  /// Per exchange of a single original: the row of its window answer, or −1.
  let answer: [Int32]
  /// Exchanges kept whole: the explicit ones, or every one when built from values.
  let materialized: [Exchange]
  /// The table the rows point into; `nil` when every exchange is materialized.
  let reader: ActionReader?
  /// The window, the data's last date and the selection, which the outcomes depend on.
  let rules: ExchangeRules

  init(
    original: [Int32], answer: [Int32], materialized: [Exchange], reader: ActionReader?,
    rules: ExchangeRules
  ) {
    precondition(original.count == answer.count, "one answer slot per exchange")
    self.original = original
    self.answer = answer
    self.materialized = materialized
    self.reader = reader
    self.rules = rules
  }

  /// A list of the given exchanges.
  public init(_ exchanges: [Exchange]) {
    self.init(
      original: (0..<Int32(exchanges.count)).map { -1 - $0 },
      answer: [Int32](repeating: -1, count: exchanges.count), materialized: exchanges,
      reader: nil, rules: ExchangeRules(windowDays: 0, lastDay: ActionTable.noDate))
  }

  public init(arrayLiteral elements: Exchange...) { self.init(elements) }

  public var startIndex: Int { 0 }
  public var endIndex: Int { original.count }

  public subscript(position: Int) -> Exchange {
    let o = Int(original[position])
    if o < 0 { return materialized[-1 - o] }
    let a = Int(answer[position])
    return Exchange(original: o, answer: a >= 0 ? a : nil, reader: reader!, rules: rules)
  }

  public static func == (lhs: Self, rhs: Self) -> Bool { lhs.sameValues(as: rhs) }
  public func hash(into hasher: inout Hasher) { hashValues(into: &hasher) }
}

extension Exchange.Outcome {
  /// The index of the outcome in `allCases`.
  var ordinal: Int {
    switch self {
    case .inKind: return 0
    case .more: return 1
    case .less: return 2
    case .unanswered: return 3
    case .pending: return 4
    case .undated: return 5
    case .declined: return 6
    case .notComparable: return 7
    }
  }
}

extension ExchangeList: Codable {
  /// Reads a JSON array of exchanges.
  public init(from decoder: any Decoder) throws {
    self.init(try [Exchange](from: decoder))
  }

  /// Writes a JSON array of exchanges, each made as it is written.
  public func encode(to encoder: any Encoder) throws { try encodeValues(to: encoder) }
}

/// Actions cited by an analysis, in order: a random-access collection of ``ActionReference``
/// made when read from rows of the action table (4 bytes per action held).
public struct ActionReferenceList: RandomAccessCollection, Hashable, Sendable,
  ExpressibleByArrayLiteral
{
  /// Rows, or −1 − an index into `materialized`.
  let rows: [Int32]
  let materialized: [ActionReference]
  let reader: ActionReader?

  init(rows: [Int32], reader: ActionReader) {
    self.rows = rows
    self.materialized = []
    self.reader = reader
  }

  /// A list of the given references.
  public init(_ references: [ActionReference]) {
    rows = (0..<Int32(references.count)).map { -1 - $0 }
    materialized = references
    reader = nil
  }

  public init(arrayLiteral elements: ActionReference...) { self.init(elements) }

  public var startIndex: Int { 0 }
  public var endIndex: Int { rows.count }

  public subscript(position: Int) -> ActionReference {
    let r = Int(rows[position])
    return r < 0 ? materialized[-1 - r] : reader!.reference(r)
  }

  public static func == (lhs: Self, rhs: Self) -> Bool { lhs.sameValues(as: rhs) }
  public func hash(into hasher: inout Hasher) { hashValues(into: &hasher) }
}

extension ActionReferenceList: Codable {
  /// Reads a JSON array of action references.
  public init(from decoder: any Decoder) throws { self.init(try [ActionReference](from: decoder)) }

  /// Writes a JSON array of action references, each made as it is written.
  public func encode(to encoder: any Encoder) throws { try encodeValues(to: encoder) }
}
