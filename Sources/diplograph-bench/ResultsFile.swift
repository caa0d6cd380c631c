import DiploGraph
import Foundation

/// The results file of `--json` and `--compare`: JSON written from the results' own stored
/// properties (by reflection, so no field is named twice), read back with the core's parser.
enum ResultsFile {
  /// `value` as pretty-printed JSON with sorted keys: structs as objects (`nil` properties left
  /// out), arrays, `[String: …]` dictionaries, numbers, strings and booleans.
  static func json(_ value: Any) -> String {
    var out = ""
    write(value, indent: "", to: &out)
    return out + "\n"
  }

  private static func write(_ value: Any, indent: String, to out: inout String) {
    let inner = indent + "  "
    func list(_ open: String, _ close: String, _ items: [(String?, Any)]) {
      guard !items.isEmpty else {
        out += open + close
        return
      }
      out += open + "\n"
      for (i, (key, item)) in items.enumerated() {
        out += inner + (key.map { JSON.quoted($0) + ": " } ?? "")
        write(item, indent: inner, to: &out)
        out += i + 1 < items.count ? ",\n" : "\n"
      }
      out += indent + close
    }
    switch value {
    case let text as String: out += JSON.quoted(text)
    case let flag as Bool: out += String(flag)
    case let number as Double: out += number.isFinite ? String(number) : "null"
    case let number as any BinaryInteger: out += String(describing: number)
    default:
      let mirror = Mirror(reflecting: value)
      switch mirror.displayStyle {
      case .optional:
        if let wrapped = mirror.children.first?.value {
          write(wrapped, indent: indent, to: &out)
        } else {
          out += "null"
        }
      case .collection, .set:
        list("[", "]", mirror.children.map { (nil, $0.value) })
      case .dictionary:
        let pairs = mirror.children.map { pair -> (String?, Any) in
          let parts = Array(Mirror(reflecting: pair.value).children)
          return (String(describing: parts[0].value), parts[1].value)
        }
        list("{", "}", pairs.sorted { $0.0! < $1.0! })
      default:
        let fields = mirror.children.filter { field in
          Mirror(reflecting: field.value).displayStyle != .optional
            || !Mirror(reflecting: field.value).children.isEmpty
        }
        list("{", "}", fields.map { ($0.label, $0.value) }.sorted { $0.0 ?? "" < $1.0 ?? "" })
      }
    }
  }

  /// The workloads of a results file, with what `--compare` prints against: the sizes, the
  /// phases' medians, the core sum and the end-to-end time.
  ///
  /// - Throws: ``DiploGraphError`` with the place in the file when it is not a results file.
  static func workloads(in path: String) throws -> [WorkloadResult] {
    let root = try JSON.parse(try DataSetFile.readBytes(path, limit: 1 << 26), file: path)
    func fail(_ node: JSONNode, _ expected: String) -> DiploGraphError {
      DiploGraphError(
        .schema, "expected \(expected), found \(node.kindDescription)",
        at: node.position.location(in: path))
    }
    func number(_ node: JSONNode?) -> Double? {
      if case .number(let n)? = node?.value { return n.double }
      return nil
    }
    func integer(_ node: JSONNode?) -> Int? {
      if case .number(let n)? = node?.value { return n.int64.flatMap { Int(exactly: $0) } }
      return nil
    }
    guard let list = root["workloads"], let items = list.elements else {
      throw fail(root["workloads"] ?? root, "an array \"workloads\"")
    }
    return try items.map { item in
      guard let actions = integer(item["actions"]), let actors = integer(item["actors"]),
        let core = number(item["core"]), let phases = item["phases"]?.members
      else { throw fail(item, "a workload (actions, actors, core, phases)") }
      var result = WorkloadResult(
        actions: actions, actors: actors, actionsFileBytes: 0, runs: 0, phases: [:],
        core: core, exchanges: 0, links: 0, blocMatrixSum: 0)
      for phase in phases { result.phases[phase.key] = number(phase.value) }
      result.endToEnd = number(item["endToEnd"])
      return result
    }
  }
}
