import DiploGraph

/// A small seeded generator (SplitMix64, Steele et al. 2014), so that every run of a test sees
/// the same "random" data.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  public var state: UInt64
  public init(seed: UInt64) { state = seed }
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Generated CSV files for differential tests: well-formed ones full of hostile text, and
/// damaged copies of them.
public enum CSVSamples {
  /// Text that CSV must carry: quotes, commas, every line break, spaces at the edges, tabs,
  /// NUL, a byte-order mark inside text, non-Latin scripts, emoji, markup.
  public static let hostile: [String] = [
    "plain", "with space", " lead", "trail ", "a,b", "say \"no\"", "\"", "\"\"", "line\nbreak",
    "cr\rlone", "crlf\r\nend", "tab\there", "nul\u{0}byte", "\u{FEFF}bom", "Côte d’Ivoire",
    "Россия", "日本", "😀👍🏽", "<script>alert(1)</script>", "back\\slash", "semi;colon",
    "≥ 0", "'single'", "=SUM(A1)", "-", "0", "2018-03-14",
  ]

  /// Ids: short codes most of the time, hostile text (without `;`, which separates ids in
  /// lists) sometimes.
  static func id(_ prefix: String, _ rng: inout SplitMix64) -> String {
    if Int.random(in: 0..<6, using: &rng) == 0 {
      return hostile.filter { !$0.contains(";") }.randomElement(using: &rng)!
    }
    return prefix + String(Int.random(in: 0..<12, using: &rng))
  }

  /// A field as a spreadsheet might write it: quoted when it must be, sometimes when it need
  /// not be.
  static func field(_ text: String, _ rng: inout SplitMix64) -> String {
    let must =
      text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
    if must || Int.random(in: 0..<5, using: &rng) == 0 {
      return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
    return text
  }

  /// A well-formed `actions.csv` with `rows` rows: columns in a random order (optional ones
  /// sometimes left out, an unknown one sometimes added), LF or CRLF line ends, a byte-order
  /// mark, blank lines and a final line end or not.
  public static func actions(rows: Int, seed: UInt64) -> [UInt8] {
    var rng = SplitMix64(seed: seed)
    var columns = ["actor", "target", "kind"]
    for optional in ["count", "date", "source", "id", "responds_to", "note", "extra"]
    where Bool.random(using: &rng) {
      columns.append(optional)
    }
    columns.shuffle(using: &rng)
    let lineEnd = Bool.random(using: &rng) ? "\n" : "\r\n"
    var text = Bool.random(using: &rng) ? "\u{FEFF}" : ""
    text += columns.map { field(Bool.random(using: &rng) ? $0.uppercased() : $0, &rng) }
      .joined(separator: ",")
    for row in 0..<rows {
      text += lineEnd
      if Int.random(in: 0..<20, using: &rng) == 0 { text += lineEnd }
      let values = columns.map { column -> String in
        let blank = Int.random(in: 0..<5, using: &rng) == 0
        switch column {
        case "actor": return id("A", &rng)
        case "target": return id("T", &rng)
        case "kind":
          return ActionKind.known.map(\.rawValue).randomElement(using: &rng)!
        case "count": return blank ? "" : String(Int.random(in: 0...100_000, using: &rng))
        case "date":
          return blank
            ? ""
            : Day(daysSinceEpoch: Int32.random(in: -5000...25_000, using: &rng))
              .description
        case "source", "responds_to":
          return blank
            ? ""
            : (0..<Int.random(in: 1...3, using: &rng)).map { _ in id("S", &rng) }
              .joined(separator: ";")
        case "id": return blank ? "" : "a\(row)"
        default: return blank ? "" : hostile.randomElement(using: &rng)!
        }
      }
      text += values.map { field($0, &rng) }.joined(separator: ",")
    }
    if Bool.random(using: &rng) { text += lineEnd }
    return Array(text.utf8)
  }

  /// A well-formed `actors.csv` for actors `A0`…`A11`, with blocs.
  public static func actors(seed: UInt64) -> [UInt8] {
    var rng = SplitMix64(seed: seed)
    var text = "id,name,kind,blocs\n"
    for i in 0..<12 {
      let blocs = ["EU", "NATO", "G7", hostile[i % 5]].filter { _ in Bool.random(using: &rng) }
      text += "A\(i),\(field(hostile.randomElement(using: &rng)!, &rng)),"
      text += Bool.random(using: &rng) ? "state" : "organisation"
      text += "," + field(blocs.filter { !$0.contains(";") }.joined(separator: ";"), &rng) + "\n"
    }
    return Array(text.utf8)
  }

  /// `bytes` with a few random edits: bytes replaced, inserted or deleted, favouring the bytes
  /// CSV gives meaning to and bytes that are not UTF-8.
  public static func damaged(_ bytes: [UInt8], seed: UInt64) -> [UInt8] {
    var rng = SplitMix64(seed: seed)
    var out = bytes
    let alphabet: [UInt8] = [34, 44, 10, 13, 59, 0xFF, 0xC3, 0x80, 0x2D, 0x2E, 0x30, 0x39, 0x41, 0]
    for _ in 0..<Int.random(in: 1...6, using: &rng) {
      guard !out.isEmpty else { break }
      let at = Int.random(in: 0..<out.count, using: &rng)
      let byte = alphabet.randomElement(using: &rng)!
      switch Int.random(in: 0..<3, using: &rng) {
      case 0: out[at] = byte
      case 1: out.insert(byte, at: at)
      default: out.remove(at: at)
      }
    }
    return out
  }
}
