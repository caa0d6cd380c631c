import DiploGraph
import Foundation
import TestSupport
import Testing

/// Output files are replaced whole or not at all, and never over an input.
@Suite struct AtomicFileTests {
  struct Simulated: Error {}

  func contents(_ url: URL) -> String? {
    FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
  }

  func names(in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  @Test func writesANewFileAndReplacesAnOldOneWhole() throws {
    let folder = try Fixtures.temporaryDirectory()
    let out = folder.appendingPathComponent("out.txt")
    try AtomicFile.write(Array("first\n".utf8), to: out.path)
    #expect(contents(out) == "first\n")
    try AtomicFile.write(Array("second\n".utf8), to: out.path)
    #expect(contents(out) == "second\n")
    #expect(try names(in: folder) == ["out.txt"])
  }

  /// A streamed output longer than a few stretches sent to disk ahead of the flush, in pieces
  /// that straddle the stretches' ends, arrives whole and in order.
  @Test func aLongStreamedOutputArrivesWhole() throws {
    let folder = try Fixtures.temporaryDirectory()
    let out = folder.appendingPathComponent("long.bin")
    let piece = (0..<1_000_003).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    let pieces = 3 * AtomicFile.writebackStretch / piece.count + 2
    try AtomicFile.write(to: out.path) { sink in
      for n in 0..<pieces {
        var shifted = piece
        shifted[0] = UInt8(truncatingIfNeeded: n)
        try shifted.withUnsafeBytes { try sink($0) }
      }
    }
    let read = try #require(FileManager.default.contents(atPath: out.path))
    #expect(read.count == pieces * piece.count)
    for n in [0, 8, pieces - 1] {
      let at = n * piece.count
      #expect(read[at] == UInt8(truncatingIfNeeded: n))
      #expect(read[(at + 1)..<(at + piece.count)].elementsEqual(piece.dropFirst()))
    }
    #expect(try names(in: folder) == ["long.bin"])
  }

  @Test func aFailureAfterTheTemporaryFileIsWrittenLeavesTheOldFileAndNoTrace() throws {
    let folder = try Fixtures.temporaryDirectory()
    let out = folder.appendingPathComponent("out.txt")
    try AtomicFile.write(Array("earlier output\n".utf8), to: out.path)
    var temporarySeen: [String] = []
    #expect(throws: Simulated.self) {
      try AtomicFile.write(Array("new output\n".utf8), to: out.path) {
        // The complete temporary file is there, beside the destination, at this moment.
        temporarySeen = try names(in: folder).filter { $0.hasPrefix(".out.txt.tmp-") }
        throw Simulated()
      }
    }
    #expect(temporarySeen.count == 1)
    #expect(contents(out) == "earlier output\n")
    #expect(try names(in: folder) == ["out.txt"])

    // No earlier file: none appears.
    let fresh = folder.appendingPathComponent("fresh.txt")
    #expect(throws: Simulated.self) {
      try AtomicFile.write(Array("x".utf8), to: fresh.path) { throw Simulated() }
    }
    #expect(!FileManager.default.fileExists(atPath: fresh.path))
    #expect(try names(in: folder) == ["out.txt"])
  }

  @Test func severalFilesAreReplacedTogetherOrNotAtAll() throws {
    let folder = try Fixtures.temporaryDirectory()
    let a = folder.appendingPathComponent("actions.csv")
    let b = folder.appendingPathComponent("actors.csv")
    try AtomicFile.write([(Array("a1".utf8), a.path), (Array("b1".utf8), b.path)])
    #expect(contents(a) == "a1" && contents(b) == "b1")
    #expect(throws: Simulated.self) {
      try AtomicFile.write([(Array("a2".utf8), a.path), (Array("b2".utf8), b.path)]) {
        throw Simulated()
      }
    }
    #expect(contents(a) == "a1" && contents(b) == "b1")
    #expect(try names(in: folder) == ["actions.csv", "actors.csv"])
    // The second file cannot be written (its folder is missing): the first is left as it was.
    let missing = folder.appendingPathComponent("no-such-folder/actors.csv")
    #expect(throws: DiploGraphError.self) {
      try AtomicFile.write([(Array("a3".utf8), a.path), (Array("b3".utf8), missing.path)])
    }
    #expect(contents(a) == "a1")
    #expect(try names(in: folder) == ["actions.csv", "actors.csv"])
  }

  @Test func theInputIsNeverOverwrittenWhateverTheSpelling() throws {
    let folder = try Fixtures.temporaryDirectory()
    let input = folder.appendingPathComponent("data.json")
    try Data("the input\n".utf8).write(to: input)
    let link = folder.appendingPathComponent("link.json")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: input)
    let hard = folder.appendingPathComponent("hard.json")
    try FileManager.default.linkItem(at: input, to: hard)
    let dotted = folder.path + "/./data.json"
    for output in [input.path, link.path, hard.path, dotted] {
      do {
        try AtomicFile.write(Array("output".utf8), to: output, protecting: [input.path])
        Issue.record("wrote over the input through \(output)")
      } catch let error as DiploGraphError {
        #expect(error.code == .io)
        #expect(
          error.description
            == "\(output): error: refusing to overwrite the input file \(input.path) (the same "
            + "file); expected another output path")
      }
      // And the other way round: the input named through the link.
      #expect(throws: DiploGraphError.self) {
        try AtomicFile.write(Array("output".utf8), to: input.path, protecting: [output])
      }
    }
    #expect(contents(input) == "the input\n")
    #expect(try names(in: folder) == ["data.json", "hard.json", "link.json"])
  }

  @Test func anUnwritableDestinationIsALocatedIOError() throws {
    let folder = try Fixtures.temporaryDirectory()
    let out = folder.appendingPathComponent("missing/out.txt")
    do {
      try AtomicFile.write(Array("x".utf8), to: out.path)
      Issue.record("wrote into a missing folder")
    } catch let error as DiploGraphError {
      #expect(error.code == .io)
      #expect(error.location?.file == out.path)
      #expect(error.message.hasPrefix("cannot create a temporary file in \(folder.path)/missing: "))
    }
  }
}
