import DiploGraph

/// What a diagram's widths, node sizes and edge labels measure.
///
/// The hook where a chosen weight plugs in: today the diagram measures diplomats (the summed
/// counts) when any drawn action has a count, and events (the number of actions) when none
/// does, as in event data; a `--weight count|events|mentions` option of the core would pick
/// the case here instead.
enum DiagramWeighting: String, Hashable, Sendable {
  /// w = the summed counts of the edge's actions.
  case diplomats
  /// w = the number of the edge's actions.
  case events

  /// `diplomats` when at least one edge has a count, else `events`.
  ///
  /// - Complexity: O(L) for L edges.
  static func choose(for edges: [DiagramModel.Edge]) -> DiagramWeighting {
    edges.contains(where: \.hasCount) ? .diplomats : .events
  }

  /// The unit in words, for the legend and the caption (`diplomats`, `events`).
  var unit: String { rawValue }
}

/// The look and the display name of every kind a diagram draws.
///
/// A kind with a look in ``Style/actionLooks`` keeps it. The other kinds (event data's CAMEO or
/// PLOVER codes) take, heaviest first (by summed weight, then by number of actions, then by
/// name), the next of the ``Style/eventLooks`` that no styled kind of the diagram already
/// uses, so that up to eight of them are drawn apart; any kind beyond shares
/// ``Style/otherActionLook`` and the legend's one "other kinds" entry. Kinds are never merged
/// into one edge: edges of two "other" kinds look alike but keep their own counts.
///
/// - Complexity: O(L + k log k) for L edges and k kinds.
struct KindLooks: Sendable {
  /// The kinds drawn with a look of their own, in legend order.
  let distinct: [ActionKind]
  /// The kinds drawn with ``Style/otherActionLook`` (beyond the palette), in legend order.
  let others: [ActionKind]
  private let looks: [ActionKind: EdgeLook]
  private let otherLook: EdgeLook

  init(style: Style, edges: [DiagramModel.Edge]) {
    var weight: [ActionKind: (Int64, Int)] = [:]
    for edge in edges {
      for total in edge.kinds {
        let (w, n) = weight[total.kind] ?? (0, 0)
        weight[total.kind] = (w &+ total.weight, n + total.actions)
      }
    }
    var looks: [ActionKind: EdgeLook] = [:]
    var unstyled: [ActionKind] = []
    for kind in weight.keys {
      if let look = style.actionLooks[kind] { looks[kind] = look } else { unstyled.append(kind) }
    }
    unstyled.sort { a, b in
      let (wa, na) = weight[a]!
      let (wb, nb) = weight[b]!
      return wa != wb ? wa > wb : (na != nb ? na > nb : a < b)
    }
    let used = Set(looks.values)
    var free = style.eventLooks.filter { !used.contains($0) }[...]
    var others: [ActionKind] = []
    for kind in unstyled {
      if let look = free.popFirst() { looks[kind] = look } else { others.append(kind) }
    }
    self.looks = looks
    self.otherLook = style.otherActionLook
    self.distinct = looks.keys.sorted(by: DiagramModel.kindPrecedes)
    self.others = others.sorted(by: DiagramModel.kindPrecedes)
  }

  /// The look of `kind`.
  func look(of kind: ActionKind) -> EdgeLook { looks[kind] ?? otherLook }
}

/// Display names of action kinds: the data set's own names (`staff_cut` → `staff cut`), a
/// style's ``Style/kindNames``, and CAMEO event codes named from ``EventKindNames/cameo``.
///
/// The hook where the CAMEO/PLOVER tables of an event-data reader plug in: a reader that knows
/// more names fills ``Style/kindNames``, which wins over this table.
enum EventKindNames {
  /// Names of the CAMEO 1.1b3 event codes: the core's complete table (``EventCodes/cameoNames``,
  /// Schrodt 2012).
  static var cameo: [String: String] { EventCodes.cameoNames }

  /// The display name of `kind`: the style's name, a CAMEO code's name (`cameo_174`, `CAMEO
  /// 174`, `cameo:174` → `expel or deport individuals (CAMEO 174)`), a PLOVER type and mode's
  /// (`plover:sanction/expel` → `sanction: expel (…) (PLOVER)`), else the kind with
  /// underscores as spaces.
  static func name(of kind: ActionKind, style: Style) -> String {
    if let name = style.kindNames[kind] { return name }
    let raw = kind.rawValue
    if let code = cameoCode(raw) {
      return cameo[code].map { "\($0) (CAMEO \(code))" } ?? "CAMEO \(code)"
    }
    if let name = PLOVERCodes.name(of: kind) { return "\(name) (PLOVER)" }
    return raw.replacingUnderscores
  }

  /// The digits of `cameo_174`, `cameo 174`, `CAMEO:174`; `nil` for anything else.
  static func cameoCode(_ raw: String) -> String? { EventCodes.cameoCode(of: ActionKind(raw)) }
}
