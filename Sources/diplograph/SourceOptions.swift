import ArgumentParser
import DiploGraph

extension SourceListing: ExpressibleByArgument {
  /// Reads `full`, `auto`, or `top:N` (also `top N`, `top=N`, `topN`) with N ≥ 0.
  public init?(argument: String) {
    let text = argument.lowercased()
    switch text {
    case "full", "all": self = .full
    case "auto", "automatic": self = .automatic
    default:
      guard let n = DyadListing.topCount(text) else { return nil }
      self = .top(n)
    }
  }

  public var defaultValueDescription: String { "auto" }
}

/// `--sources full|top:N|auto`: how many sources `stats`, `sources` and `report` list.
struct SourceListingOptions: ParsableArguments {
  @Option(
    name: .customLong("sources"),
    help: ArgumentHelp(
      "List every source (full), the N that report the most actions (top:N), or every source up to 1,000 and else the 1,000 that report the most (auto): event data names one URL per event.",
      valueName: "full|top:N|auto"))
  var listing: SourceListing = .automatic

  /// Says on standard error how many sources were left out and how to list them all.
  func noteLeftOut(_ analysis: SourceAnalysis) {
    guard analysis.unlistedSources > 0 else { return }
    printError(
      "sources: \(analysis.sources.count) of \(analysis.sourceCount) listed (those that report "
        + "the most actions), \(analysis.unlistedSources) left out; --sources full lists them all")
  }
}
