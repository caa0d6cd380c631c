import DiploGraph
import Foundation

/// Writes CSV tables into a folder, one `<name>.csv` per table, as one output: every file is
/// written and flushed before any is renamed into place (``AtomicFile``), so a failure leaves
/// the folder as it was. The folder is made when it is missing (not its parents: a path into a
/// folder that does not exist is refused), and removed again when the writing fails; files of
/// the folder that are not among the tables are left alone.
///
/// - Throws: ``DiploGraphError`` with code `io`, located at the folder or the file: a missing
///   parent folder, a file where the folder is wanted, a table's file that cannot be replaced.
func writeTableFolder(
  _ tables: [(name: String, text: String)], to folder: String, protecting inputs: [String]
) throws {
  var isFolder: ObjCBool = false
  var made = false
  if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
    guard isFolder.boolValue else {
      throw DiploGraphError(
        .io, "is a file, not a folder; expected a folder for one CSV file per table",
        at: SourceLocation(file: folder))
    }
  } else {
    do {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: false)
      made = true
    } catch {
      let parent = (folder as NSString).deletingLastPathComponent
      throw DiploGraphError(
        .io,
        "cannot make the folder (\(parent.isEmpty ? "." : parent) must be an existing folder)",
        at: SourceLocation(file: folder))
    }
  }
  do {
    try AtomicFile.write(
      tables.map {
        (Array($0.text.utf8), (folder as NSString).appendingPathComponent($0.name + ".csv"))
      },
      protecting: inputs)
  } catch {
    if made { try? FileManager.default.removeItem(atPath: folder) }
    throw error
  }
}
