/// The chains per pair of actors (``ResponseChains/pairs``), most chains first: compact rows by
/// node index, each made into a ``PairChains`` as it is read.
///
/// A data set of millions of actions has millions of pairs with chains; a summary prints none
/// of them. The rows are 16 bytes a pair, where the values were 48 (two ids and two counts),
/// and nothing is made per pair before a caller reads it.
public struct ChainPairList: RandomAccessCollection, Hashable, Sendable,
  ExpressibleByArrayLiteral
{
  /// One pair, by node index.
  struct Row: Hashable, Sendable {
    var lower: Int32
    var higher: Int32
    var chains: Int32
    var longest: Int32
  }

  /// The pairs; empty when they are `materialized`.
  let rows: [Row]
  let materialized: [PairChains]?
  /// The actor id of each node.
  let actorIDs: [ActorID]

  /// A list of the given pairs.
  public init(_ pairs: [PairChains]) {
    rows = []
    materialized = pairs
    actorIDs = []
  }

  public init(arrayLiteral elements: PairChains...) { self.init(elements) }

  /// A list of rows by node index, in their order, with the actor id of each node.
  init(rows: [Row], actorIDs: [ActorID]) {
    self.rows = rows
    materialized = nil
    self.actorIDs = actorIDs
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { materialized?.count ?? rows.count }

  public subscript(position: Int) -> PairChains {
    if let materialized { return materialized[position] }
    let row = rows[position]
    return PairChains(
      lower: actorIDs[Int(row.lower)], higher: actorIDs[Int(row.higher)],
      chains: Int(row.chains), longest: Int(row.longest))
  }

  public static func == (lhs: Self, rhs: Self) -> Bool { lhs.sameValues(as: rhs) }
  public func hash(into hasher: inout Hasher) { hashValues(into: &hasher) }
}

extension ChainPairList: Codable {
  /// Reads a JSON array of pairs.
  public init(from decoder: any Decoder) throws { self.init(try [PairChains](from: decoder)) }

  /// Writes a JSON array of pairs.
  public func encode(to encoder: any Encoder) throws { try encodeValues(to: encoder) }
}
