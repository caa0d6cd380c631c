import DiploGraph
import Foundation
import TestSupport
import Testing

/// Holds docs/diplograph.schema.json and the reader to the same keys, so the two cannot drift.
@Suite struct SchemaTests {
  static func schema() throws -> JSONNode {
    let url = Fixtures.packageRoot.appendingPathComponent("docs/diplograph.schema.json")
    let bytes = [UInt8](try Data(contentsOf: url))
    return try JSON.parse(bytes, file: url.path)
  }

  /// The object schema of `keys`: the top level for the document, else its `$defs` entry.
  static func objectSchema(_ keys: CanonicalJSON.ObjectKeys, in schema: JSONNode) -> JSONNode? {
    guard let name = keys.schemaName else { return schema }
    return schema["$defs"]?[name]
  }

  static func strings(_ node: JSONNode?) -> [String]? {
    node?.elements?.map { $0.string ?? "<not a string>" }
  }

  @Test func schemaIsJSONOfTheRightDialect() throws {
    let schema = try Self.schema()
    #expect(schema["$schema"]?.string == "https://json-schema.org/draft/2020-12/schema")
  }

  @Test(arguments: CanonicalJSON.ObjectKeys.all)
  func schemaNamesEveryKeyTheReaderAccepts(keys: CanonicalJSON.ObjectKeys) throws {
    let schema = try Self.schema()
    let object = try #require(Self.objectSchema(keys, in: schema))
    #expect(object["type"]?.string == "object")
    if case .bool(false) = object["additionalProperties"]?.value {
    } else {
      Issue.record(
        "\(keys.what): additionalProperties must be false, as the reader rejects unknown keys")
    }
    #expect(object["properties"]?.members?.map(\.key) == keys.keys)
    #expect(Set(Self.strings(object["required"]) ?? []) == keys.required)
  }

  @Test func enumsMatchTheModel() throws {
    let defs = try #require(try Self.schema()["$defs"])
    func values(_ node: JSONNode?) -> [String] { node?.elements?.compactMap(\.string) ?? [] }
    #expect(
      values(defs["actor"]?["properties"]?["kind"]?["enum"]) == ActorKind.allCases.map(\.rawValue))
    #expect(
      values(defs["figure"]?["properties"]?["measure"]?["enum"]) == Measure.allCases.map(\.rawValue)
    )
    #expect(values(defs["qualifier"]?["enum"]) == Qualifier.allCases.map(\.rawValue))
    #expect(
      values(defs["selection"]?["properties"]?["side"]?["enum"])
        == Selection.Side.allCases.map(\.rawValue))
  }

  /// Every `$ref` points at a definition that exists.
  @Test func referencesResolve() throws {
    let schema = try Self.schema()
    let defined = Set(schema["$defs"]?.members?.map(\.key) ?? [])
    var pending = [schema]
    var references = 0
    while let node = pending.popLast() {
      switch node.value {
      case .object(let members):
        for member in members {
          if member.key == "$ref", let target = member.value.string {
            references += 1
            #expect(target.hasPrefix("#/$defs/"))
            #expect(defined.contains(String(target.dropFirst("#/$defs/".count))), "\(target)")
          }
          pending.append(member.value)
        }
      case .array(let elements): pending.append(contentsOf: elements)
      default: break
      }
    }
    #expect(references > 20)
  }

  /// The writer puts the keys of every object in the order the table gives.
  @Test func writerFollowsTheKeyOrder() throws {
    let root = try JSON.parse(CanonicalJSON.write(CanonicalSamples.full))
    func check(_ node: JSONNode?, _ keys: CanonicalJSON.ObjectKeys) {
      let written = node?.members?.map(\.key) ?? []
      #expect(!written.isEmpty)
      #expect(written == keys.keys.filter { written.contains($0) }, "\(keys.what)")
    }
    check(root, .document)
    for source in root["sources"]?.elements ?? [] { check(source, .source) }
    for actor in root["actors"]?.elements ?? [] { check(actor, .actor) }
    for bloc in root["blocs"]?.elements ?? [] { check(bloc, .bloc) }
    for action in root["actions"]?.elements ?? [] {
      check(action, .action)
      for claim in action["claims"]?.elements ?? [] { check(claim, .claim) }
    }
    for figure in root["figures"]?.elements ?? [] {
      check(figure, .figure)
      if let scope = figure["scope"] { check(scope, .selection) }
    }
  }
}
