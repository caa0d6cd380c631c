import DiploGraph

/// The small network the graph writers' tests share (GraphML, GEXF, node-link, Cytoscape).
public enum GraphFixtures {
  /// GBR 23 → RUS (2018-03-14), RUS 23 + 50 → GBR (2018-03-17, 2018-03-30), FRA 4 → RUS
  /// (undated), RUS self-loop without a count (undated; odd but kept), JPN declared without
  /// actions; one bloc, EU = {FRA}.
  public static func small() -> DataSet {
    var actions = ActionTable()
    actions.append(
      Action(
        id: "gb", actor: "GBR", target: "RUS", kind: .expulsion, count: 23,
        date: Day(year: 2018, month: 3, day: 14), sources: ["aj"]))
    actions.append(
      Action(
        actor: "RUS", target: "GBR", kind: .retaliation, count: 23,
        date: Day(year: 2018, month: 3, day: 17), respondsTo: ["gb"], sources: ["aj", "bbc"],
        note: "in kind & <at once>"))
    actions.append(
      Action(
        actor: "RUS", target: "GBR", kind: .staffCut, count: 50,
        date: Day(year: 2018, month: 3, day: 30), sources: ["bbc"]))
    actions.append(Action(actor: "FRA", target: "RUS", kind: .expulsion, count: 4))
    actions.append(Action(actor: "RUS", target: "RUS", kind: .consulateClosure))
    return DataSet(
      title: "GraphML \"test\"",
      actors: [
        Actor(id: "GBR", name: "United Kingdom"), Actor(id: "RUS", name: "Russia"),
        Actor(id: "FRA", name: "France"), Actor(id: "JPN", name: "Japan", note: "line1\nline2\r"),
      ],
      blocs: [Bloc(id: "EU", name: "EU", members: ["FRA"])],
      actions: actions)
  }
}
