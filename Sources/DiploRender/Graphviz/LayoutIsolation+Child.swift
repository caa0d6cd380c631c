import DiploGraph
import Foundation

// The child's side of ``LayoutIsolation``: the body of the `diplograph-layout` helper, and the
// one line of JSON that answers the parent (written here, read with the core's JSON parser).

extension LayoutIsolation {
  /// The child's answer: the drawing's warnings and length, or an error's code and message.
  struct Response: Hashable {
    var warnings: [String]?
    var length: Int?
    var code: String?
    var message: String?

    /// The answer as one line of JSON, without its line break: `{"warnings":[…],"length":n}`
    /// or `{"code":"…","message":"…"}`.
    var line: [UInt8] {
      var out: [UInt8] = [UInt8(ascii: "{")]
      func key(_ name: String) {
        if out.count > 1 { out.append(UInt8(ascii: ",")) }
        JSON.appendQuoted(name, to: &out)
        out.append(UInt8(ascii: ":"))
      }
      if let warnings {
        key("warnings")
        out.append(UInt8(ascii: "["))
        for (i, warning) in warnings.enumerated() {
          if i > 0 { out.append(UInt8(ascii: ",")) }
          JSON.appendQuoted(warning, to: &out)
        }
        out.append(UInt8(ascii: "]"))
      }
      if let length {
        key("length")
        out.append(contentsOf: String(length).utf8)
      }
      for (name, text) in [("code", code), ("message", message)] {
        guard let text else { continue }
        key(name)
        JSON.appendQuoted(text, to: &out)
      }
      out.append(UInt8(ascii: "}"))
      return out
    }

    init(warnings: [String]? = nil, length: Int? = nil, code: String? = nil, message: String? = nil)
    {
      self.warnings = warnings
      self.length = length
      self.code = code
      self.message = message
    }

    /// Reads an answer's line; `nil` when it is not one (not JSON, not an object, a key of
    /// another name or a value of another type). `null` stands for an absent key.
    init?(line: ArraySlice<UInt8>) {
      guard let answer = try? JSON.parse(Array(line)), let members = answer.members else {
        return nil
      }
      for member in members {
        let value = member.value
        if case .null = value.value { continue }
        switch member.key {
        case "warnings":
          let items = value.elements?.compactMap(\.string)
          guard let items, items.count == value.elements?.count else { return nil }
          warnings = items
        case "length":
          guard case .number(let number) = value.value, let n = number.int64, n >= 0,
            let length = Int(exactly: n)
          else { return nil }
          self.length = length
        case "code":
          guard let text = value.string else { return nil }
          code = text
        case "message":
          guard let text = value.string else { return nil }
          message = text
        default:
          return nil
        }
      }
    }
  }

  /// Serves one request on standard input and output: the body of the `diplograph-layout`
  /// helper. Returns the exit status (0 when an answer was written, even an error).
  package static func serveChild() -> Int32 {
    leashChild(environment: ProcessInfo.processInfo.environment)
    let input = FileHandle.standardInput
    var request: [UInt8] = []
    while true {
      guard let chunk = try? input.read(upToCount: 1 << 20), !chunk.isEmpty else { break }
      guard request.count + chunk.count <= maxRequestBytes else {
        return answer(
          Response(code: DiploRenderError.Code.limit.rawValue, message: "the request is too large"))
      }
      request.append(contentsOf: chunk)
    }
    let response: Response
    var body: [UInt8] = []
    do {
      guard let newline = request.firstIndex(of: 0x0A) else {
        throw DiploRenderError(.syntax, "not a layout request")
      }
      let header = String(decoding: request[..<newline], as: UTF8.self).split(separator: " ")
      guard header.count == 4, header[0...1].joined(separator: " ") == requestMagic,
        let engine = LayoutEngine(rawValue: String(header[2])),
        let format = RenderFormat(rawValue: String(header[3]))
      else { throw DiploRenderError(.syntax, "not a layout request") }
      let dot = String(decoding: request[(newline + 1)...], as: UTF8.self)
      try DOTGrammar.check(dot)
      try CharacterReferences.check(dot)
      let output = try Graphviz.render(dot: dot, engine: engine, format: format)
      body = output.bytes
      response = Response(warnings: output.warnings, length: body.count)
    } catch let error as DiploRenderError {
      response = Response(code: error.code.rawValue, message: error.message)
    } catch {
      response = Response(code: DiploRenderError.Code.layout.rawValue, message: "\(error)")
    }
    return answer(response, body: body)
  }

  private static func answer(_ response: Response, body: [UInt8] = []) -> Int32 {
    var out = response.line
    out.append(0x0A)
    out.append(contentsOf: body)
    do {
      try FileHandle.standardOutput.write(contentsOf: Data(out))
      return 0
    } catch {
      return 3
    }
  }
}
