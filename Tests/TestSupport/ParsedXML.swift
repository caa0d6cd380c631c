import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An SVG (or any XML) parsed with Foundation's XMLParser: elements in document order with
/// their attributes and text, or the parser's error.
public final class ParsedXML: NSObject, XMLParserDelegate {
  public struct Element {
    public var name: String
    public var attributes: [String: String]
    public var text = ""
    public var depth: Int
  }

  public private(set) var elements: [Element] = []
  private var stack: [Int] = []
  public private(set) var error: Error?

  public init(_ text: String) {
    super.init()
    let parser = XMLParser(data: Data(text.utf8))
    parser.shouldResolveExternalEntities = false
    parser.delegate = self
    if !parser.parse() { error = parser.parserError ?? CocoaError(.coderReadCorrupt) }
  }

  public var isWellFormed: Bool { error == nil }

  public func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
  ) {
    stack.append(elements.count)
    elements.append(Element(name: elementName, attributes: attributeDict, depth: stack.count))
  }

  public func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?
  ) {
    stack.removeLast()
  }

  public func parser(_ parser: XMLParser, foundCharacters string: String) {
    if let i = stack.last { elements[i].text += string }
  }

  public func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
    error = parseError
  }

  /// Every value of attribute `name`, in document order.
  public func values(of name: String) -> [String] { elements.compactMap { $0.attributes[name] } }
}
