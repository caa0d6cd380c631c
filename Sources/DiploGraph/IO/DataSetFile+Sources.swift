import Foundation

extension DataSetFile {
  /// `sources.csv` beside an actions file named `actions.csv` (so in a data set's folder too),
  /// when there is one: read with it, and protected from being overwritten by an output.
  static func siblingSources(of actions: String) -> String? {
    guard actions != "-", (actions as NSString).lastPathComponent == "actions.csv" else {
      return nil
    }
    let sibling = ((actions as NSString).deletingLastPathComponent as NSString)
      .appendingPathComponent("sources.csv")
    return FileManager.default.fileExists(atPath: sibling) ? sibling : nil
  }
}
