/// A colour as CSS writes it: `#RRGGBB`, upper-case.
public struct CSSColour: Hashable, Sendable, CustomStringConvertible {
  /// `#RRGGBB`, upper-case hexadecimal digits.
  public let hex: String

  /// The colour of `#RRGGBB` or `RRGGBB` (hexadecimal digits in either case); `nil` for
  /// anything else.
  public init?(hex: String) {
    let digits = hex.hasPrefix("#") ? hex.dropFirst() : Substring(hex)
    guard digits.utf8.count == 6, digits.utf8.allSatisfy({ $0 < 0x80 && $0.isHexDigit }) else {
      return nil
    }
    self.hex = "#" + digits.uppercased()
  }

  /// A colour this module spells itself, known to be valid.
  @usableFromInline init(trusted hex: String) { self.hex = hex }

  public var description: String { hex }

  static let white = CSSColour(trusted: "#FFFFFF")
  static let black = CSSColour(trusted: "#000000")
}

extension UInt8 {
  fileprivate var isHexDigit: Bool {
    (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
  }
}
