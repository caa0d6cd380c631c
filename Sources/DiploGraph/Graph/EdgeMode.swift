/// How the actions between one ordered pair of actors become edges in an exported graph
/// (DOT, GraphML).
public enum EdgeMode: String, Hashable, Sendable, CaseIterable, Codable {
  /// One edge per ordered pair with at least one selected action, weighted by the summed
  /// count w_ij (the links of ``Network``): the graph the analytics measure.
  case aggregated
  /// One edge per selected action: the multigraph as recorded, parallel edges kept.
  case perAction = "per-action"
}
