import DiploGraph
import Foundation

/// Shared helpers for every test target.
public enum Fixtures {
  /// The package's root folder, found from this file's path.
  public static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        return url
      }
    }
    fatalError("Package.swift not found above \(#filePath)")
  }()

  /// A file under `Graphs/`.
  public static func graph(_ name: String) -> URL {
    packageRoot.appendingPathComponent("Graphs").appendingPathComponent(name)
  }

  /// A fresh, empty temporary folder.
  public static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("diplograph-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

/// Whether two doubles agree within `tolerance` (absolute).
public func approximatelyEqual(_ a: Double?, _ b: Double?, tolerance: Double = 1e-9) -> Bool {
  switch (a, b) {
  case (nil, nil): return true
  case (let x?, let y?): return abs(x - y) <= tolerance
  default: return false
  }
}

/// Whether two sequences hold the same elements the same number of times, in any order.
public func sameMultiset<T: Hashable>(_ a: some Sequence<T>, _ b: some Sequence<T>) -> Bool {
  var counts: [T: Int] = [:]
  for x in a { counts[x, default: 0] += 1 }
  for y in b { counts[y, default: 0] -= 1 }
  return counts.values.allSatisfy { $0 == 0 }
}

extension Fixtures {
  /// The 2018 data set, read and checked: no reading diagnostics, no validation errors.
  public static func skripal2018() throws -> DataSet {
    let url = graph("skripal-2018.json")
    let bytes = try [UInt8](Data(contentsOf: url))
    let document = try CanonicalJSON.read(bytes, file: url.path)
    let problems = Validator.validate(document)
    guard problems.isEmpty else {
      throw DiploGraphError(.invalid, "skripal-2018.json: \(problems.map(\.description))")
    }
    return document.dataSet
  }
}
