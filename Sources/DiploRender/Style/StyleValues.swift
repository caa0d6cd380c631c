// The small typed values a ``Style`` is made of. Each one can only hold text that is safe to
// hand to Graphviz, so a style read from a file or a command line can never smuggle markup
// or a path into the DOT text: colours are `#RRGGBB`, fonts a list of plain family names,
// shapes and line styles a closed set.

import Foundation

/// An opaque sRGB colour, written `#RRGGBB`.
public struct RGBColor: Hashable, Sendable, CustomStringConvertible {
  public var red: UInt8
  public var green: UInt8
  public var blue: UInt8

  public init(red: UInt8, green: UInt8, blue: UInt8) {
    self.red = red
    self.green = green
    self.blue = blue
  }

  /// Parses `#RRGGBB` or `RRGGBB` (hexadecimal digits in either case).
  ///
  /// - Throws: ``DiploRenderError`` with code `style` for anything else.
  public init(hex: String) throws {
    var digits = Substring(hex)
    if digits.hasPrefix("#") { digits = digits.dropFirst() }
    guard digits.utf8.count == 6, let value = UInt32(digits, radix: 16),
      digits.utf8.allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") })
    else {
      throw DiploRenderError(.style, "'\(hex)' is not a colour: expected #RRGGBB, e.g. #0072B2")
    }
    self.init(
      red: UInt8((value >> 16) & 0xFF), green: UInt8((value >> 8) & 0xFF), blue: UInt8(value & 0xFF)
    )
  }

  /// `#RRGGBB`, upper-case.
  public var hex: String {
    let digits = Array("0123456789ABCDEF")
    var s = "#"
    for byte in [red, green, blue] {
      s.append(digits[Int(byte >> 4)])
      s.append(digits[Int(byte & 0xF)])
    }
    return s
  }

  public var description: String { hex }

  /// WCAG 2 relative luminance, 0 (black) … 1 (white).
  public var relativeLuminance: Double {
    func channel(_ c: UInt8) -> Double {
      let v = Double(c) / 255
      return v <= 0.039_28 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
  }

  /// Black or white, whichever has the higher WCAG contrast ratio on this colour.
  public var readableTextColor: RGBColor {
    let l = relativeLuminance
    let onBlack = (l + 0.05) / 0.05
    let onWhite = 1.05 / (l + 0.05)
    return onBlack >= onWhite ? .black : .white
  }

  public static let black = RGBColor(red: 0, green: 0, blue: 0)
  public static let white = RGBColor(red: 255, green: 255, blue: 255)
}

/// A font family list for Graphviz's `fontname` (`Helvetica,Arial,sans-serif`).
///
/// Graphviz copies `fontname` into the SVG unescaped, so only letters, digits, spaces,
/// hyphens, underscores and commas are accepted, at most 100 characters.
public struct FontName: Hashable, Sendable, CustomStringConvertible {
  public let rawValue: String

  /// - Throws: ``DiploRenderError`` with code `style` when `name` is empty, too long or holds
  ///   another character.
  public init(_ name: String) throws {
    let allowed = name.unicodeScalars.allSatisfy {
      ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0)
        || $0 == " " || $0 == "-" || $0 == "_" || $0 == ","
    }
    guard !name.isEmpty, name.utf8.count <= 100, allowed,
      name.contains(where: { $0 != " " && $0 != "," })
    else {
      throw DiploRenderError(
        .style,
        "'\(name)' is not a font name: use letters, digits, spaces, '-', '_' and ',' only"
          + " (e.g. Helvetica,Arial,sans-serif)")
    }
    rawValue = name
  }

  private init(trusted: String) { rawValue = trusted }

  /// `Helvetica,Arial,sans-serif`: present or substituted everywhere.
  public static let sansSerif = FontName(trusted: "Helvetica,Arial,sans-serif")

  public var description: String { rawValue }
}

/// Node shapes (a subset of Graphviz's polygon shapes that read well with a label inside).
public enum NodeShape: String, Hashable, Sendable, CaseIterable {
  case ellipse, circle, box, hexagon, octagon, diamond, house, note, tab, cylinder
}

/// Edge line styles.
public enum LineStyle: String, Hashable, Sendable, CaseIterable {
  case solid, dashed, dotted, bold
}

/// How an action kind is drawn.
public struct EdgeLook: Hashable, Sendable {
  public var color: RGBColor
  public var line: LineStyle

  public init(color: RGBColor, line: LineStyle) {
    self.color = color
    self.line = line
  }
}

/// How counts map to pen widths.
///
/// With w_max the largest edge weight in the diagram and [p_min, p_max] the pen range:
/// `linear`: p = p_min + (p_max − p_min) · w / w_max;
/// `log`: p = p_min + (p_max − p_min) · ln(1 + w) / ln(1 + w_max).
/// Edges without a count (weight 0) get p_min; so do all edges when w_max = 0.
public enum PenWidthScale: String, Hashable, Sendable, CaseIterable {
  case linear
  case log

  /// The pen width for weight `w` when the largest weight is `maximum`.
  public func width(for w: Int64, maximum: Int64, range: ClosedRange<Double>) -> Double {
    guard maximum > 0, w > 0 else { return range.lowerBound }
    let fraction: Double
    switch self {
    case .linear: fraction = Double(w) / Double(maximum)
    case .log: fraction = log1p(Double(w)) / log1p(Double(maximum))
    }
    return range.lowerBound + (range.upperBound - range.lowerBound) * min(1, fraction)
  }
}

/// What a node's label says.
public enum NodeLabel: String, Hashable, Sendable, CaseIterable {
  /// The display name (`United Kingdom`).
  case name
  /// The id (`GBR`): compact, for large diagrams.
  case id
  /// The name, and the id in small type under it when it differs.
  case nameAndID = "name-and-id"
}
