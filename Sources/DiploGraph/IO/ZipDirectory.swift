/// The directory of a zip archive (PKWARE APPNOTE 6.3, sections 4.3.6–4.3.16): the end of
/// central directory record (and its Zip64 form), the central directory's entries and the
/// local header where an entry's data starts. Only what reading the one file of an archive
/// needs; every offset is checked against the file's size.
struct ZipDirectory {
  let bytes: [UInt8]
  let file: String

  /// One central directory entry.
  struct Entry {
    var name: String
    var flags: UInt16
    var method: UInt16
    var crc: UInt32
    var compressedSize: UInt64
    var size: UInt64
    var localHeader: UInt64
  }

  /// A `syntax` error for a damaged archive.
  func damaged(_ what: String) -> DiploGraphError {
    DiploGraphError(
      .syntax, "found a damaged zip archive (\(what)); expected a whole zip file",
      at: SourceLocation(file: file))
  }

  private func u16(_ at: Int) throws -> UInt16 {
    guard at >= 0, at + 2 <= bytes.count else { throw damaged("a record past the end") }
    return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
  }

  private func u32(_ at: Int) throws -> UInt32 {
    guard at >= 0, at + 4 <= bytes.count else { throw damaged("a record past the end") }
    return (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) }
  }

  private func u64(_ at: Int) throws -> UInt64 {
    try UInt64(u32(at)) | UInt64(u32(at + 4)) << 32
  }

  private func offset(_ value: UInt64) throws -> Int {
    guard value < UInt64(bytes.count) else { throw damaged("an offset past the end") }
    return Int(value)
  }

  /// The central directory's offset and number of entries, from the end record.
  private func directory() throws -> (offset: Int, count: UInt64) {
    // The end record is 22 bytes plus a comment of up to 65,535 bytes, at the end.
    let lowest = max(0, bytes.count - 22 - 0xFFFF)
    var at = bytes.count - 22
    while at >= lowest {
      if bytes[at] == 0x50, try u32(at) == 0x0605_4B50 { break }
      at -= 1
    }
    guard at >= lowest else { throw damaged("no end of central directory record") }
    var count = UInt64(try u16(at + 10))
    var start = UInt64(try u32(at + 16))
    if count == 0xFFFF || start == 0xFFFF_FFFF {
      // Zip64: a locator just before the end record points at the Zip64 end record.
      guard try u32(at - 20) == 0x0706_4B50 else { throw damaged("no Zip64 locator") }
      let record = try offset(try u64(at - 20 + 8))
      guard try u32(record) == 0x0606_4B50 else { throw damaged("no Zip64 end record") }
      count = try u64(record + 32)
      start = try u64(record + 48)
    }
    return (try offset(start == 0 && count == 0 ? 0 : start), count)
  }

  /// The archive's one file (folders left out).
  ///
  /// - Throws: ``DiploGraphError`` `syntax` for an archive of no file or of several, an
  ///   encrypted entry, or a damaged directory.
  func singleEntry() throws -> Entry {
    let (start, count) = try directory()
    var at = start
    var files: [Entry] = []
    for _ in 0..<min(count, 100_000) {
      guard try u32(at) == 0x0201_4B50 else { throw damaged("a bad central directory entry") }
      let nameLength = Int(try u16(at + 28))
      let extraLength = Int(try u16(at + 30))
      let commentLength = Int(try u16(at + 32))
      guard at + 46 + nameLength + extraLength <= bytes.count else {
        throw damaged("a central directory entry past the end")
      }
      var entry = Entry(
        name: String(decoding: bytes[at + 46..<at + 46 + nameLength], as: UTF8.self),
        flags: try u16(at + 8), method: try u16(at + 10), crc: try u32(at + 16),
        compressedSize: UInt64(try u32(at + 20)), size: UInt64(try u32(at + 24)),
        localHeader: UInt64(try u32(at + 42)))
      try zip64(&entry, extra: at + 46 + nameLength, length: extraLength)
      if !entry.name.hasSuffix("/") { files.append(entry) }
      at += 46 + nameLength + extraLength + commentLength
    }
    guard files.count == 1 else {
      let names = files.prefix(3).map { "\"\($0.name)\"" }.joined(separator: ", ")
      throw DiploGraphError(
        .syntax,
        "found a zip archive of \(count < 100_000 ? "\(files.count)" : "100000 or more") files"
          + (files.isEmpty ? "" : " (\(names)\(files.count > 3 ? ", …" : ""))")
          + "; expected one file, as GDELT ships its exports", at: SourceLocation(file: file))
    }
    let entry = files[0]
    if entry.flags & 1 != 0 {
      throw DiploGraphError(
        .syntax,
        "found the encrypted zip entry \"\(entry.name)\"; expected an unencrypted archive",
        at: SourceLocation(file: file))
    }
    return entry
  }

  /// Reads the Zip64 extra field (id 1) of an entry whose sizes or offset are 0xFFFFFFFF.
  private func zip64(_ entry: inout Entry, extra: Int, length: Int) throws {
    guard
      entry.size == 0xFFFF_FFFF || entry.compressedSize == 0xFFFF_FFFF
        || entry.localHeader == 0xFFFF_FFFF
    else { return }
    var at = extra
    while at + 4 <= extra + length {
      let id = try u16(at)
      let size = Int(try u16(at + 2))
      if id == 1 {
        var field = at + 4
        if entry.size == 0xFFFF_FFFF {
          entry.size = try u64(field)
          field += 8
        }
        if entry.compressedSize == 0xFFFF_FFFF {
          entry.compressedSize = try u64(field)
          field += 8
        }
        if entry.localHeader == 0xFFFF_FFFF { entry.localHeader = try u64(field) }
        return
      }
      at += 4 + size
    }
    throw damaged("no Zip64 sizes for an entry that needs them")
  }

  /// Where `entry`'s data starts: after its local file header.
  func dataStart(of entry: Entry) throws -> Int {
    let at = try offset(entry.localHeader)
    guard try u32(at) == 0x0403_4B50 else { throw damaged("a bad local file header") }
    return at + 30 + Int(try u16(at + 26)) + Int(try u16(at + 28))
  }
}
