import Foundation
import TestSupport
import Testing

@testable import DiploGraph

/// `.gz` and single-file `.zip` inputs: every format read through them as from the plain file,
/// the files written by Python's own gzip and zipfile (an independent implementation), and
/// truncated, damaged, multi-file, encrypted and bomb inputs refused.
@Suite struct CompressedInputTests {
  /// Writes `name.gz`, `name.zip` (deflated) and `name.stored.zip` beside each named file.
  static let compress = """
    import gzip, os, sys, zipfile
    for path in sys.argv[1:]:
        data = open(path, "rb").read()
        name = os.path.basename(path)
        open(path + ".gz", "wb").write(gzip.compress(data))
        with zipfile.ZipFile(path + ".zip", "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr(name, data)
        with zipfile.ZipFile(path + ".stored.zip", "w", zipfile.ZIP_STORED) as z:
            z.writestr(name, data)
    """

  static let gdelt = GDELTSamples.file([
    .init(1, "20180326", "GBR", "RUS", mentions: 4), .init(2, "20180327", "RUS", "GBR"),
    .init(3, "20180327", "FRA", "RUS", "0211"),
  ])

  func inFolder<R>(_ body: (URL) throws -> R) throws -> R {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
  }

  @Test func everyFormatReadsThroughGzipAndZip() throws {
    try inFolder { folder in
      let files: [(String, [UInt8])] = [
        ("20180326.export.CSV", Array(Self.gdelt.utf8)),
        ("events.tab", Array(ICEWSSamples.file(ICEWSSamples.worked).utf8)),
        ("polecat.txt", Array(POLECATSamples.file(POLECATSamples.worked).utf8)),
        ("actions.csv", CSVSamples.actions(rows: 200, seed: 7)),
        ("skripal-2018.json", Array(try Data(contentsOf: Fixtures.graph("skripal-2018.json")))),
      ]
      var paths: [String] = []
      for (name, bytes) in files {
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        paths.append(path)
      }
      _ = try PythonTools.run(Self.compress, arguments: paths)
      for path in paths {
        let plain = try DataSetFile.read(path)
        #expect(!plain.hasErrors)
        for suffix in [".gz", ".zip", ".stored.zip"] {
          let compressed = try DataSetFile.read(path + suffix)
          #expect(compressed.dataSet.actions == plain.dataSet.actions, "\(path)\(suffix)")
          #expect(compressed.dataSet.actors == plain.dataSet.actors, "\(path)\(suffix)")
          #expect(compressed.diagnostics.count == plain.diagnostics.count)
        }
      }
    }
  }

  @Test func concatenatedGzipMembersAreOneFile() throws {
    try inFolder { folder in
      let path = folder.appendingPathComponent("events.gz").path
      let lines = Self.gdelt.split(separator: "\n", omittingEmptySubsequences: false)
      let first = lines.prefix(2).joined(separator: "\n") + "\n"
      let rest = lines.dropFirst(2).joined(separator: "\n")
      _ = try PythonTools.run(
        "import gzip, sys; open(sys.argv[1], 'wb').write(gzip.compress(sys.argv[2].encode()) "
          + "+ gzip.compress(sys.argv[3].encode()))", arguments: [path, first, rest])
      let document = try DataSetFile.read(path, events: .init(codes: .all))
      #expect(document.dataSet.actions.map(\.id?.rawValue) == ["1", "2", "3"])
    }
  }

  /// A bad record in a compressed file is located in the file, by row and column.
  @Test func errorsNameTheCompressedFile() throws {
    try inFolder { folder in
      let path = folder.appendingPathComponent("events").path
      let bad = Self.gdelt.replacingOccurrences(of: "\t20180327\t", with: "\t2018-03-27\t")
      try Data(bad.utf8).write(to: URL(fileURLWithPath: path))
      _ = try PythonTools.run(Self.compress, arguments: [path])
      let document = try DataSetFile.read(path + ".zip")
      #expect(
        document.diagnostics.filter { $0.severity == .error }.map(\.description) == [
          "\(path).zip:2:3 (row 2, column \"SQLDATE\"): error: expected a day as YYYYMMDD, "
            + "found \"2018-03-27\""
        ])
    }
  }

  func refusal(_ path: String, limits: DataSetFile.Limits = .init()) -> DiploGraphError? {
    do {
      _ = try DataSetFile.read(path, limits: limits)
      return nil
    } catch {
      return error as? DiploGraphError
    }
  }

  @Test func truncatedGzipIsRefused() throws {
    try inFolder { folder in
      let path = folder.appendingPathComponent("events").path
      try Data(Self.gdelt.utf8).write(to: URL(fileURLWithPath: path))
      _ = try PythonTools.run(Self.compress, arguments: [path])
      let whole = try Data(contentsOf: URL(fileURLWithPath: path + ".gz"))
      for cut in [4, 12, whole.count / 2] {
        let truncated = folder.appendingPathComponent("cut\(cut).gz").path
        try whole.prefix(whole.count - cut).write(to: URL(fileURLWithPath: truncated))
        let error = try #require(refusal(truncated))
        #expect(error.code == .syntax)
        #expect(error.message.hasPrefix("found a truncated gzip stream"))
        #expect(error.location?.file == truncated)
      }
      // A damaged byte in the middle: zlib's reason, or the CRC check.
      var damaged = [UInt8](whole)
      damaged[damaged.count / 2] ^= 0xFF
      let damagedPath = folder.appendingPathComponent("damaged.gz").path
      try Data(damaged).write(to: URL(fileURLWithPath: damagedPath))
      #expect(refusal(damagedPath)?.code == .syntax)
    }
  }

  /// 64 MiB of zeros compress to about 64 KiB: with a limit of 1 MiB, both bombs stop there.
  @Test func bombsStopAtTheByteLimit() throws {
    try inFolder { folder in
      let gz = folder.appendingPathComponent("bomb.gz").path
      let zip = folder.appendingPathComponent("bomb.zip").path
      _ = try PythonTools.run(
        """
        import gzip, sys, zipfile
        data = b"\\0" * (64 << 20)
        open(sys.argv[1], "wb").write(gzip.compress(data))
        with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("events.tsv", data)
        """, arguments: [gz, zip])
      for path in [gz, zip] {
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count < 1 << 20)
        let error = try #require(refusal(path, limits: .init(maxBytes: 1 << 20)))
        #expect(error.code == .limit)
        #expect(error.limit?.name == .maxBytes)
        #expect(error.message.hasPrefix("found more than 1048576 bytes once decompressed"))
      }
    }
  }

  @Test func onlySingleFileUnencryptedZipsAreRead() throws {
    try inFolder { folder in
      let two = folder.appendingPathComponent("two.zip").path
      let locked = folder.appendingPathComponent("locked.zip").path
      let withFolder = folder.appendingPathComponent("folder.zip").path
      _ = try PythonTools.run(
        """
        import sys, zipfile
        with zipfile.ZipFile(sys.argv[1], "w") as z:
            z.writestr("a.csv", "x"); z.writestr("b.csv", "y")
        with zipfile.ZipFile(sys.argv[2], "w") as z:
            z.writestr("events.tsv", sys.argv[4])
        data = bytearray(open(sys.argv[2], "rb").read())
        for signature, flags in ((b"PK\\x03\\x04", 6), (b"PK\\x01\\x02", 8)):
            data[data.index(signature) + flags] |= 1
        open(sys.argv[2], "wb").write(data)
        with zipfile.ZipFile(sys.argv[3], "w") as z:
            z.writestr("export/", ""); z.writestr("export/events.tsv", sys.argv[4])
        """, arguments: [two, locked, withFolder, Self.gdelt])
      #expect(
        refusal(two)?.description
          == "\(two): error: found a zip archive of 2 files (\"a.csv\", \"b.csv\"); expected "
          + "one file, as GDELT ships its exports")
      #expect(
        refusal(locked)?.description
          == "\(locked): error: found the encrypted zip entry \"events.tsv\"; expected an "
          + "unencrypted archive")
      #expect(try DataSetFile.read(withFolder).dataSet.actions.count == 2)
      // Not an archive at all, though named .zip: read as what it is.
      let plain = folder.appendingPathComponent("plain.zip").path
      try Data(Self.gdelt.utf8).write(to: URL(fileURLWithPath: plain))
      #expect(try DataSetFile.read(plain).dataSet.actions.count == 2)
    }
  }
}
