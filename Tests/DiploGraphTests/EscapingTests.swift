import DiploGraph
import Foundation
import Testing

/// The escapers, one per grammar, each against its rules: what must change, what must not, and
/// that nothing they write can be read as markup, a formula or another field.
@Suite struct EscapingTests {
  // MARK: XML

  @Test func xmlTextEscapesOnlyWhatCharacterDataNeeds() {
    #expect(XMLEscaping.text("a<b>&c") == "a&lt;b&gt;&amp;c")
    // Quotes are plain in character data; a carriage return is kept as a reference.
    #expect(XMLEscaping.text("\"q\" 'r'\r\n\t") == "\"q\" 'r'&#13;\n\t")
    #expect(XMLEscaping.text("Côte d’Ivoire 🇷🇺") == "Côte d’Ivoire 🇷🇺")
  }

  @Test func xmlAttributeEscapesQuotesAndWhitespace() {
    #expect(
      XMLEscaping.attribute("a<b>&\"c\"'d'\r\ne\tf")
        == "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;&#13;&#10;e&#9;f")
    #expect(
      XMLEscaping.attribute("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
  }

  @Test(arguments: [0x0, 0x1, 0x8, 0xB, 0xC, 0x1F, 0x7F, 0x80, 0x85, 0x9F, 0xFFFE, 0xFFFF])
  func charactersXMLOrHTMLCannotCarryBecomeReplacements(_ value: UInt32) {
    let scalar = Unicode.Scalar(value)!
    #expect(!XMLEscaping.isAllowed(scalar))
    let text = "a" + String(Character(scalar)) + "b"
    #expect(XMLEscaping.text(text) == "a\u{FFFD}b")
    #expect(XMLEscaping.attribute(text) == "a\u{FFFD}b")
  }

  @Test(arguments: [0x9, 0xA, 0xD, 0x20, 0x7E, 0xA0, 0xD7FF, 0xE000, 0xFFFD, 0x10000, 0x10FFFF])
  func charactersXMLCarries(_ value: UInt32) {
    #expect(XMLEscaping.isAllowed(Unicode.Scalar(value)!))
  }

  // MARK: Markdown

  @Test func markdownInlineEscapesWhatMarkdownReadsAnywhere() {
    #expect(
      MarkdownEscaping.inline("a*b_c [x](y) <b> | ~ & \\ `z`")
        == "a\\*b\\_c \\[x\\](y) \\<b\\> \\| \\~ \\& \\\\ \\`z\\`")
    // Inside a line, a leading minus or hash opens nothing: a balance stays "-50".
    #expect(MarkdownEscaping.inline("-50") == "-50")
    #expect(MarkdownEscaping.inline("# 1. x") == "# 1. x")
    #expect(MarkdownEscaping.inline("two\nlines\tand\r\nmore") == "two lines and  more")
  }

  @Test func markdownLineEscapesWhatWouldOpenABlock() {
    #expect(MarkdownEscaping.line("# 1. a") == "\\# 1. a")
    #expect(MarkdownEscaping.line("12. item") == "12\\. item")
    #expect(MarkdownEscaping.line("3) item") == "3\\) item")
    #expect(MarkdownEscaping.line("0.877") == "0.877")
    #expect(MarkdownEscaping.line("2018.") == "2018\\.")
    #expect(MarkdownEscaping.line("- x\ny") == "\\- x y")
    #expect(MarkdownEscaping.line("+ x") == "\\+ x")
    #expect(MarkdownEscaping.line("=== ") == "\\=== ")
    #expect(MarkdownEscaping.line("a - b") == "a - b")
    #expect(MarkdownEscaping.line("---") == "\\---")
    #expect(MarkdownEscaping.line("###### six") == "\\###### six")
    #expect(MarkdownEscaping.line("####### seven") == "####### seven")
    // What opens no block is left as it is.
    #expect(MarkdownEscaping.line("-50 diplomats") == "-50 diplomats")
    #expect(MarkdownEscaping.line("#n is the action at index n") == "#n is the action at index n")
    #expect(MarkdownEscaping.line("=x") == "=x")
  }

  @Test func markdownReplacesWhatHTMLCannotCarry() {
    #expect(MarkdownEscaping.inline("a\u{0}b\u{85}c") == "a\u{FFFD}b\u{FFFD}c")
  }

  // MARK: CSV

  @Test func csvFieldsAreQuotedOnlyWhenTheyMustBe() {
    #expect(CSVEscaping.field("plain") == "plain")
    #expect(CSVEscaping.field("") == "")
    #expect(CSVEscaping.field("a,b") == "\"a,b\"")
    #expect(CSVEscaping.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(CSVEscaping.field("two\nlines") == "\"two\nlines\"")
    #expect(CSVEscaping.field("cr\r") == "\"cr\r\"")
    #expect(CSVEscaping.field(" padded") == "\" padded\"")
    #expect(CSVEscaping.field("padded\t") == "\"padded\t\"")
    #expect(CSVEscaping.field("a;b", delimiter: UInt8(ascii: ";")) == "\"a;b\"")
    #expect(CSVEscaping.field("a,b", delimiter: UInt8(ascii: ";")) == "a,b")
  }

  @Test func csvFormulasAreMadeInertOnlyWhenAsked() {
    let formula = "=HYPERLINK(\"http://example.org\",\"x\")"
    #expect(CSVEscaping.field(formula) == "\"=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\")\"")
    #expect(
      CSVEscaping.field(formula, guardingFormulas: true)
        == "\"'=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\")\"")
    for start in ["=", "+", "-", "@"] {
      #expect(CSVEscaping.field(start + "1+1", guardingFormulas: true) == "'" + start + "1+1")
    }
    // A leading tab is guarded, and then needs no quotes for the sake of the edge.
    #expect(CSVEscaping.field("\tcmd", guardingFormulas: true) == "'\tcmd")
    #expect(CSVEscaping.field("\rcmd", guardingFormulas: true) == "\"'\rcmd\"")
    #expect(CSVEscaping.field("a=b", guardingFormulas: true) == "a=b")
    #expect(CSVEscaping.field("", guardingFormulas: true) == "")
  }

  /// Every field reads back, through a plain RFC 4180 split, as the text written (with the
  /// guard's apostrophe in front when it applies).
  @Test func csvFieldsReadBack() {
    let texts = ["", "a", "a,b", "\"", "\"\"", "x\ny", " ", "=1", "-", "é,\"ü\"", "\r\n", "a\tb"]
    for text in texts {
      for guarding in [false, true] {
        let field = CSVEscaping.field(text, guardingFormulas: guarding)
        var read = field
        if field.hasPrefix("\"") {
          #expect(field.hasSuffix("\"") && field.count >= 2)
          read = String(field.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
        } else {
          #expect(!field.contains(",") && !field.contains("\"") && !field.contains("\n"))
        }
        let first = text.unicodeScalars.first
        let guarded = guarding && first.map { "=+-@\t\r".unicodeScalars.contains($0) } == true
        #expect(read == (guarded ? "'" + text : text), "\(text.debugDescription)")
      }
    }
  }
}
