import DiploGraph
import DiploRender

/// The style-file reader on arbitrary bytes (`render --style`, `report --style`).
///
/// Checked: the bytes give a style or a `style` error located in the file with a line and
/// column (the shape every message has); a style read writes as a style file that reads back as
/// the same style, writing that again gives the same bytes, and the DOT writer draws a small
/// diagram with it. (Layouts stay in the `render` target, whose input chooses the style options.)
enum StyleFuzz {
  static let file = "style.json"

  /// A small data set every style draws: two states in a bloc, an organisation, three kinds.
  static let network: Network = {
    var data = DataSet(
      actors: [
        Actor(id: "AAA", name: "Aland", kind: .state),
        Actor(id: "BBB", name: "Borduria", kind: .state),
        Actor(id: "ORG", name: "Organisation", kind: .organisation),
      ],
      blocs: [Bloc(id: "B1", name: "Bloc one", members: ["AAA", "ORG"])])
    data.actions.append(Action(actor: "AAA", target: "BBB", kind: .expulsion, count: 4))
    data.actions.append(Action(actor: "BBB", target: "AAA", kind: .expulsion, count: 4))
    data.actions.append(Action(actor: "ORG", target: "BBB", kind: "cameo:161"))
    data.actions.append(Action(actor: "BBB", target: "ORG", kind: .ambassadorRecall, count: 1))
    return try! Network(data)
  }()

  static func check(_ bytes: [UInt8]) throws {
    let style: Style
    do {
      style = try StyleFile.read(bytes, file: file)
    } catch let error as DiploRenderError {
      guard error.code == .style else { throw FuzzFinding("not a style error: \(error)") }
      guard let location = error.location, location.file == file, let line = location.line,
        line >= 1, (location.column ?? 1) >= 1
      else { throw FuzzFinding("a style error without its place: \(error)") }
      guard error.description.hasPrefix(file), error.description.contains(": error: ") else {
        throw FuzzFinding("a style error not in the shape FILE:LINE:COLUMN: error: \(error)")
      }
      return
    } catch {
      throw FuzzFinding("the style reader threw something other than its error: \(error)")
    }
    let text = StyleFile.write(style)
    let again: Style
    do {
      again = try StyleFile.read(Array(text.utf8), file: "again.json")
    } catch {
      throw FuzzFinding("the style file written does not read back: \(error)\n\(text)")
    }
    guard again == style else { throw FuzzFinding("the style file written reads back as another") }
    guard StyleFile.write(again) == text else {
      throw FuzzFinding("writing the style file twice gives different bytes")
    }
    do {
      _ = try DOTWriter(style: style).document(for: network)
    } catch {
      throw FuzzFinding("a style read without error does not draw: \(error)")
    }
  }
}
