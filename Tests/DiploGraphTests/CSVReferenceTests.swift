import TestSupport
import Testing

@testable import DiploGraph

/// The fast reader against the plain reference reader of `TestSupport`: the same data set,
/// symbol for symbol, the same diagnostics, the same errors — on generated files full of
/// hostile text, on damaged copies of them, and on noise.
@Suite struct CSVReferenceTests {
  /// Reads `actions` (and `actors`) with both readers and compares everything.
  func compare(
    _ actions: [UInt8], actors: [UInt8]? = nil, parts: Int = 1, blockSize: Int = 1 << 17,
    _ comment: Comment, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> ReferenceCSV.Output? {
    let expected = Result {
      try ReferenceCSV.read(
        actions: actions, actors: actors, actionsFile: "actions.csv", actorsFile: "actors.csv")
    }
    let actual = Result {
      try readCSV(actions, actors: actors, parts: parts, blockSize: blockSize).document
    }
    switch (expected, actual) {
    case (.success(let e), .success(let a)):
      #expect(a.dataSet == e.dataSet, comment, sourceLocation: sourceLocation)
      #expect(a.diagnostics == e.diagnostics, comment, sourceLocation: sourceLocation)
      let x = a.dataSet.actions
      let y = e.dataSet.actions
      #expect(
        x.endpointSymbols == y.endpointSymbols && x.kindSymbols == y.kindSymbols
          && x.sourceSymbols == y.sourceSymbols && x.idSymbols == y.idSymbols
          && x.sourceSetTable == y.sourceSetTable && x.idColumn == y.idColumn,
        comment, sourceLocation: sourceLocation)
      return e
    case (.failure(let e), .failure(let a)):
      #expect("\(a)" == "\(e)", comment, sourceLocation: sourceLocation)
    case (.success, .failure(let a)):
      Issue.record("only the fast reader failed: \(a) — \(comment)", sourceLocation: sourceLocation)
    case (.failure(let e), .success):
      Issue.record(
        "only the reference failed: \(e) — \(comment)", sourceLocation: sourceLocation)
    }
    return nil
  }

  @Test func generatedFiles() {
    var rows = 0
    for seed in UInt64(0)..<120 {
      var rng = SplitMix64(seed: seed)
      let actions = CSVSamples.actions(rows: Int.random(in: 0...120, using: &rng), seed: seed)
      let actors = seed % 3 == 0 ? CSVSamples.actors(seed: seed) : nil
      let parts = Int.random(in: 1...4, using: &rng)
      let blockSize = [7, 64, 1000, 1 << 17].randomElement(using: &rng)!
      guard
        let output = compare(
          actions, actors: actors, parts: parts, blockSize: blockSize,
          "seed \(seed), \(parts) parts, blocks of \(blockSize)")
      else { continue }
      rows += output.dataSet.actions.count
      // Well-formed: the only diagnostic allowed is the unknown column's warning.
      #expect(
        output.diagnostics.allSatisfy {
          $0.severity == .warning && $0.message.lowercased().hasPrefix("unknown column \"extra\"")
        },
        "seed \(seed)")
    }
    #expect(rows > 5000)
  }

  @Test func damagedFiles() {
    for seed in UInt64(0)..<400 {
      let actions = CSVSamples.damaged(CSVSamples.actions(rows: 25, seed: seed), seed: seed)
      let actors =
        seed % 4 == 0 ? CSVSamples.damaged(CSVSamples.actors(seed: seed), seed: seed + 1) : nil
      _ = compare(
        actions, actors: actors, parts: 1 + Int(seed % 3), blockSize: seed % 2 == 0 ? 5 : 1 << 17,
        "seed \(seed)")
    }
  }

  /// Every text field quoted, as R's `write.csv` writes them, with the odd `""`, line break,
  /// non-ASCII text or junk after a quote; read with every small block size, so that each
  /// field boundary falls at a block's end somewhere.
  @Test func quotedEverywhere() {
    let lines = [
      #""actor","target","kind","count","date","source","note""#,
      #""GBR","RUS","expulsion",23,"2018-03-14","bbc;guardian","""#,
      #""RUS","GBR","retaliation","23","2018-03-17","bbc","say ""no""""#,
      "\"USA\",\"RUS\",\"expulsion\",60,\"2018-03-26\",\"s1\",\"two\nlines\"",
      #""FRA","RUS","expulsion",4,"2018-03-26","s1","Élysée""#,
      #""DEU","RUS","expulsion",4,"2018-03-26","s1","x"y"#,
      "\"POL\",\"RUS\",\"expulsion\",4,\"2018-03-26\",\"s1\",\"\r\"",
      #""UKR","RUS","expulsion",13,"2018-03-26","s1","end""#,
    ]
    let text = lines.joined(separator: "\n")
    let bytes = Array(text.replacing("\n", with: "\r\n").utf8)
    for blockSize in 1...60 {
      _ = compare(bytes, blockSize: blockSize, "block size \(blockSize)")
      _ = compare(Array(text.utf8), blockSize: blockSize, "LF, block size \(blockSize)")
    }
  }

  @Test func malformedValues() {
    let text = """
      actor,target,kind,count,date,source,id,responds_to,note
      A,B,x,2.5,2018-02-30,s;;t,,a;;b,
      ,B,,-1,18-03-14,,i,,"n"x
      A,"B"",x,1
      A,B,x,99999999999999999999,2018-13-01,s,,,"ok",extra
      A,B,x,1,,s,,,ab"c
      """
    var bytes = Array(text.utf8)
    bytes +=
      Array("\nA,B,x,".utf8) + [0xFF, 0x31] + Array(",,".utf8) + [0xC3] + Array(",,,".utf8)
      + [0xE2, 0x82, 0x28]
    guard let output = compare(bytes, "malformed values") else { return }
    #expect(output.diagnostics.count >= 14)
  }

  @Test func noise() {
    var rng = SplitMix64(seed: 99)
    let alphabet: [UInt8] = [34, 44, 10, 13, 59, 0xFF, 0xC3, 0xA9, 0x41, 0x31, 0x2D, 0x20]
    for seed in 0..<300 {
      var bytes = Array("actor,target,kind,count,date,source,note\n".utf8)
      for _ in 0..<Int.random(in: 0...300, using: &rng) {
        bytes.append(alphabet.randomElement(using: &rng)!)
      }
      _ = compare(bytes, parts: 1 + seed % 3, blockSize: 1 + seed % 50, "noise \(seed)")
      var raw: [UInt8] = []
      for _ in 0..<Int.random(in: 0...100, using: &rng) {
        raw.append(UInt8.random(in: 0...255, using: &rng))
      }
      _ = compare(raw, actors: raw, "raw noise \(seed)")
    }
  }
}
