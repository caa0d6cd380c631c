import DiploGraph

// The pieces of DOT text the writer is allowed to produce, and how text from a data set is
// escaped to reach them.
//
// Graphviz 2.43 reads text in four different ways, measured on this machine:
// - a quoted ID (node names): the lexer turns `\"` into `"` and keeps every other backslash,
//   including `\\` as two; a backslash right before the closing quote swallows the quote;
// - an escString (`label`): after the lexer, `\\` becomes `\`, `\n` a line break and `\N`, `\G`
//   … the object's name, and entities are decoded, so every backslash is doubled and every
//   `&` written `&amp;`;
// - a tooltip: the same, unescaped twice, so every backslash is written four times, and what
//   looks like an entity is copied into the SVG unescaped, so every `&` is written `&amp;`;
// - an HTML-like label `<…>`: XML text (entities), then the escString rules, so `&`, `<`, `>`
//   become entities and every backslash is doubled.
// Text is also cleaned of what XML 1.0 cannot carry (control characters, U+FFFE, U+FFFF),
// which Graphviz would otherwise copy into the SVG and break it.
//
// No attribute whose value Graphviz passes to the SVG unescaped or acts on (fontname, URL,
// href, image, stylesheet, …) ever receives text from a data set: the writer sets `fontname`
// only from a validated ``FontName``, and never sets the others.

/// The attributes the DOT writer sets, by their Graphviz names.
enum DOTAttribute: String, CaseIterable {
  case arrowsize, charset, `class`, color, fillcolor, fixedsize, fontcolor, fontname, fontsize
  case headlabel, height, label, labelangle, labeldistance, labeljust, labelloc, margin, minlen
  case nodesep, outputorder, overlap, pad, pos, taillabel
  case penwidth, ranksep, root, sep, shape, splines, style, tooltip, width
}

/// A value of an attribute, each case escaped its own way (see the file comment).
enum DOTValue {
  /// A label or other escString, from any text.
  case text(String)
  /// A tooltip, from any text.
  case tooltip(String)
  /// An HTML-like label, built by ``HTMLLabel`` (which escapes the text inside it).
  case html(HTMLLabel)
  /// A number, written with at most two decimals.
  case number(Double)
  /// A colour.
  case color(RGBColor)
  /// A value made by the writer from a closed set (shape names, style keywords, CSS class
  /// tokens made by ``DOTEscaping/classToken(_:)``, a validated font name).
  case keyword(String)
  /// A node's name (an actor id), written as the node statements write it.
  case nodeID(String)

  /// The value as DOT text, quoted.
  var dot: String {
    switch self {
    case .text(let s): return "\"" + DOTEscaping.escString(s) + "\""
    case .tooltip(let s): return "\"" + DOTEscaping.tooltip(s) + "\""
    case .html(let label): return "<" + label.markup + ">"
    case .number(let x): return "\"" + DOTEscaping.number(x) + "\""
    case .color(let c): return "\"" + c.hex + "\""
    case .keyword(let k), .nodeID(let k): return "\"" + DOTEscaping.quotedID(k) + "\""
    }
  }
}

/// An attribute list, written in the order it was built (the writer's order is fixed, so the
/// text is deterministic).
struct DOTAttributes {
  private(set) var pairs: [(DOTAttribute, DOTValue)] = []

  /// Sets `name`: replaces its value where it is already set, else appends it.
  mutating func set(_ name: DOTAttribute, _ value: DOTValue) {
    if let i = pairs.firstIndex(where: { $0.0 == name }) {
      pairs[i].1 = value
    } else {
      pairs.append((name, value))
    }
  }

  var isEmpty: Bool { pairs.isEmpty }

  /// `[a="1", b="2"]`.
  var dot: String {
    "[" + pairs.map { "\($0.0.rawValue)=\($0.1.dot)" }.joined(separator: ", ") + "]"
  }
}

/// Escaping of data-set text for each way Graphviz reads it.
enum DOTEscaping {
  /// `text` with line ends made `\n`, tabs made spaces and every character XML cannot carry
  /// replaced by U+FFFD. Used for labels and tooltips (which need not be injective).
  static func cleaned(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      defer { previousWasCR = scalar == "\r" }
      switch scalar {
      case "\r": out.append("\n")
      case "\n": if !previousWasCR { out.append("\n") }
      case "\t": out.append(" ")
      default: out.append(XMLEscaping.isAllowed(scalar) ? scalar : "\u{FFFD}")
      }
    }
    return String(out)
  }

  /// The inside of a quoted DOT ID whose parsed value is `id` when `id` has no backslash, no
  /// control character (tab and newline included) and does not start with `%`, and otherwise a
  /// value made injectively from it: backslashes doubled, control characters, noncharacters
  /// and a leading `%` written `\xHH` / `\uHHHH` (a lone backslash).
  static func quotedID(_ id: String) -> String {
    var out = ""
    out.reserveCapacity(id.utf8.count + 2)
    for (i, scalar) in id.unicodeScalars.enumerated() {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      // cgraph takes a name starting with `%` for an internal id and drops it.
      case "%" where i == 0: out += "\\x25"
      default:
        if XMLEscaping.isAllowed(scalar) && scalar != "\r" && scalar != "\n" && scalar != "\t" {
          out.unicodeScalars.append(scalar)
        } else if scalar.value < 0x100 {
          out += "\\x" + hex(scalar.value, width: 2)
        } else {
          out += "\\u" + hex(scalar.value, width: 4)
        }
      }
    }
    return out
  }

  /// The lines of `text` worth drawing: cleaned, blank lines dropped.
  static func visibleLines(_ text: String) -> [Substring] {
    cleaned(text).split(separator: "\n", omittingEmptySubsequences: true)
      .filter { !$0.allSatisfy { $0 == " " } }
  }

  /// The inside of a quoted escString label that Graphviz displays as `text` (blank lines
  /// dropped). Graphviz decodes entities in such labels, so every `&` is written `&amp;`.
  static func escString(_ text: String) -> String {
    replacing(visibleLines(text).joined(separator: "\n"), escStringReplacements)
  }

  /// The inside of a quoted tooltip that Graphviz writes into the SVG as `text`: every
  /// backslash four times, and every `&` as `&amp;` (Graphviz copies what looks like an entity
  /// into the SVG as it is).
  static func tooltip(_ text: String) -> String {
    replacing(cleaned(text), tooltipReplacements)
  }

  /// Text inside an HTML-like label.
  ///
  /// Blank lines are dropped (a cluster label made of line breaks only makes Graphviz 2.43's
  /// neato abort), `]` is written `&#93;` (a line starting with `]` loses its line break).
  static func htmlText(_ text: String) -> String {
    replacing(visibleLines(text).joined(separator: "\n"), htmlReplacements)
  }

  // What each of the three escapers above writes instead of a scalar; every other scalar stays.
  private static let escStringReplacements: [Unicode.Scalar: String] = [
    "\\": #"\\"#, "\"": #"\""#, "\n": #"\n"#, "&": "&amp;",
  ]
  private static let tooltipReplacements: [Unicode.Scalar: String] = [
    "\\": #"\\\\"#, "\"": #"\""#, "\n": #"\n"#, "&": "&amp;",
  ]
  private static let htmlReplacements: [Unicode.Scalar: String] = [
    "]": "&#93;", "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "\\": #"\\"#,
    "\n": "<BR/>",
  ]

  /// `text` with each scalar that `replacements` holds written as its replacement.
  private static func replacing(_ text: String, _ replacements: [Unicode.Scalar: String])
    -> String
  {
    var out = ""
    for scalar in text.unicodeScalars {
      if let replacement = replacements[scalar] {
        out += replacement
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// A CSS class token made injectively from `name`: ASCII letters, digits and `_` stay, any
  /// other character becomes `-HEX-` (its code point), so `non-EU` gives `non-2D-EU`.
  static func classToken(_ name: String) -> String {
    var out = ""
    for scalar in name.unicodeScalars {
      let v = scalar.value
      let keep =
        (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        || v == 0x5F
      if keep {
        out.unicodeScalars.append(scalar)
      } else {
        out += "-" + hex(v, width: 1) + "-"
      }
    }
    return out
  }

  /// `x` rounded to two decimals, without trailing zeros, never in exponent form, the same on
  /// every locale.
  static func number(_ x: Double) -> String {
    guard x.isFinite else { return "0" }
    let hundredths = Int64((x * 100).rounded())
    let sign = hundredths < 0 ? "-" : ""
    let magnitude = hundredths.magnitude
    let whole = magnitude / 100
    let fraction = magnitude % 100
    if fraction == 0 { return sign + String(whole) }
    if fraction % 10 == 0 { return sign + "\(whole).\(fraction / 10)" }
    return sign + "\(whole)." + (fraction < 10 ? "0" : "") + String(fraction)
  }

  static func hex(_ value: UInt32, width: Int) -> String {
    let s = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - s.count)) + s
  }
}

/// Markup for an HTML-like label. Text enters only through ``text(_:)``, which escapes it;
/// everything else is fixed markup with typed attribute values.
struct HTMLLabel {
  fileprivate(set) var markup: String

  private init(markup: String) { self.markup = markup }

  static let empty = HTMLLabel(markup: "")

  var isEmpty: Bool { markup.isEmpty }

  /// The escaped text of the first of `candidates` with something visible, else a no-break
  /// space (a label with no width upsets Graphviz's layouts).
  static func firstVisible(_ candidates: String...) -> HTMLLabel {
    for candidate in candidates {
      let label = text(candidate)
      if !label.isEmpty { return label }
    }
    return HTMLLabel(markup: "&#160;")
  }

  /// Escaped text; newlines become line breaks, blank lines are dropped.
  static func text(_ s: String) -> HTMLLabel { HTMLLabel(markup: DOTEscaping.htmlText(s)) }

  static let lineBreak = HTMLLabel(markup: "<BR/>")

  /// Three no-break spaces: room after a legend entry, whose text a browser may draw wider
  /// than Graphviz measured it.
  static let gap = HTMLLabel(markup: "&#160;&#160;&#160;")

  static func + (lhs: HTMLLabel, rhs: HTMLLabel) -> HTMLLabel {
    HTMLLabel(markup: lhs.markup + rhs.markup)
  }

  static func bold(_ inner: HTMLLabel) -> HTMLLabel { HTMLLabel(markup: "<B>\(inner.markup)</B>") }

  static func font(_ inner: HTMLLabel, color: RGBColor? = nil, pointSize: Double? = nil)
    -> HTMLLabel
  {
    var attributes = ""
    if let color { attributes += " COLOR=\"\(color.hex)\"" }
    if let pointSize { attributes += " POINT-SIZE=\"\(DOTEscaping.number(pointSize))\"" }
    return HTMLLabel(markup: "<FONT\(attributes)>\(inner.markup)</FONT>")
  }

  /// A table cell.
  struct Cell {
    var content: HTMLLabel
    var background: RGBColor? = nil
    var border: Int? = nil
    /// The colour of the border (Graphviz's default: black).
    var borderColor: RGBColor? = nil
    /// A fixed square of this many points (a colour swatch).
    var square: Int? = nil
    var alignLeft = false
    var alignRight = false
  }

  /// A borderless table, each inner array a row.
  static func table(_ rows: [[Cell]], cellSpacing: Int = 2, cellPadding: Int = 2) -> HTMLLabel {
    var m = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"\(cellSpacing)\""
    m += " CELLPADDING=\"\(cellPadding)\">"
    for row in rows {
      m += "<TR>"
      for cell in row {
        m += "<TD"
        if let background = cell.background { m += " BGCOLOR=\"\(background.hex)\"" }
        if let border = cell.border { m += " BORDER=\"\(border)\"" }
        if let color = cell.borderColor { m += " COLOR=\"\(color.hex)\"" }
        if let square = cell.square {
          m += " FIXEDSIZE=\"TRUE\" WIDTH=\"\(square)\" HEIGHT=\"\(square)\""
        }
        if cell.alignLeft { m += " ALIGN=\"LEFT\"" }
        if cell.alignRight { m += " ALIGN=\"RIGHT\"" }
        m += ">" + cell.content.markup + "</TD>"
      }
      m += "</TR>"
    }
    return HTMLLabel(markup: m + "</TABLE>")
  }
}
