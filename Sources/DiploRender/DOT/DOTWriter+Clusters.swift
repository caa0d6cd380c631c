import DiploGraph

/// The bloc boxes of a diagram drawn with ``Style/clusters``.
///
/// Graphviz clusters nest but cannot overlap, and blocs do (a state in the EU and in NATO).
/// The rule: every colouring bloc is boxed, and an actor sits in nested boxes of all of its
/// colouring blocs, the bloc listed first outermost. A bloc that overlaps one listed before it
/// is therefore drawn as more than one box, all with its name and colour: one inside the
/// earlier bloc's box for the members of both, one outside it for its other members (NATO: a
/// box inside the EU's for the EU's NATO members, and one outside for the rest). A bloc whose
/// members all belong to an earlier bloc is one box inside that bloc's box.
///
/// - Complexity: O(K·B) for K drawn actors and B colouring blocs.
struct BlocBoxes {
  /// One box: its blocs from the outermost down (the box is the last one's), its actors and
  /// the boxes inside it.
  struct Box {
    var path: [Int]
    var members: [Int] = []
    var children: [Box] = []
  }

  /// The outermost boxes, in the order of their first bloc; actors in no colouring bloc stay
  /// outside every box (`loose`).
  let boxes: [Box]
  let loose: [Int]

  init(_ model: DiagramModel) {
    var pathOf: [[Int]] = []
    var loose: [Int] = []
    for n in model.nodes {
      let ids = Set(model.blocsOf[n].map(\.id))
      let path = model.colourBlocs.indices.filter { ids.contains(model.colourBlocs[$0].id) }
      if path.isEmpty { loose.append(n) } else { pathOf.append(path + [-1 - n]) }
    }
    // The trie of the paths, built by sorting them (a node's actors follow its boxes' order).
    func build(_ paths: ArraySlice<[Int]>, depth: Int, prefix: [Int]) -> Box {
      var box = Box(path: prefix)
      var i = paths.startIndex
      while i < paths.endIndex {
        let head = paths[i][depth]
        var j = i
        while j < paths.endIndex && paths[j][depth] == head { j += 1 }
        if head < 0 {
          box.members.append(-1 - head)
        } else {
          box.children.append(build(paths[i..<j], depth: depth + 1, prefix: prefix + [head]))
        }
        i = j
      }
      return box
    }
    let sorted = pathOf.sorted { $0.lexicographicallyPrecedes($1) }
    boxes = build(sorted[...], depth: 0, prefix: []).children
    self.loose = loose
  }

  /// Every bloc that has a box.
  var boxedBlocs: Set<Int> {
    var seen = Set<Int>()
    func visit(_ box: Box) {
      if let last = box.path.last { seen.insert(last) }
      box.children.forEach(visit)
    }
    boxes.forEach(visit)
    return seen
  }
}

extension DOTWriter {
  /// The bloc boxes and their actors as DOT subgraphs (see ``BlocBoxes``), and the actors in
  /// no box.
  func clusterStatements(_ model: DiagramModel, pinned: PinnedLayout, into out: inout String) {
    let boxes = BlocBoxes(model)
    func write(_ box: BlocBoxes.Box, indent: String) {
      let index = box.path.last!
      let bloc = model.colourBlocs[index]
      var attributes = DOTAttributes()
      let name = [bloc.name, bloc.id.rawValue].first { !DOTEscaping.visibleLines($0).isEmpty }
      if let name { attributes.set(.label, .text(name)) }
      attributes.set(.fontsize, .number(style.fontSize))
      attributes.set(.style, .keyword("rounded,dashed"))
      attributes.set(.color, .color(style.palette[index % style.palette.count]))
      attributes.set(.penwidth, .number(1.5))
      attributes.set(.margin, .number(12))
      attributes.set(.class, .keyword("bloc bloc-" + DOTEscaping.classToken(bloc.id.rawValue)))
      out += indent + "subgraph \"cluster_\(box.path.map(String.init).joined(separator: "_"))\" {\n"
      out += indent + "  graph \(attributes.dot);\n"
      for n in box.members { out += indent + "  " + nodeStatement(n, model, pinned: pinned) + "\n" }
      for child in box.children { write(child, indent: indent + "  ") }
      out += indent + "}\n"
    }
    for box in boxes.boxes { write(box, indent: "  ") }
    for n in boxes.loose { out += "  " + nodeStatement(n, model, pinned: pinned) + "\n" }
  }
}
