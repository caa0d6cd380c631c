// Compressed inputs: gzip (RFC 1952, one member or several concatenated) and the single-file
// zip archive (PKWARE APPNOTE 6.3: the end of central directory record, its Zip64 form, one
// central directory entry, its local file header; entries stored or deflated, RFC 1951),
// decompressed into memory with zlib so that every reader then runs on the bytes.
//
// Limits: what comes out is refused past a byte limit (a zip or gzip bomb stops there, with
// the memory it took so far); archives of several files, encrypted entries and methods other
// than stored and deflate are refused with one line; a truncated or damaged stream is an
// error, never a silent short read.

internal import CZlib

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Decompresses gzip and single-file zip inputs into memory (zlib behind this one type).
public enum Decompression {
  /// The compressed containers, recognised by their first bytes.
  public enum Kind: String, Hashable, Sendable {
    /// gzip: `1F 8B`.
    case gzip
    /// zip: `PK 03 04` (or `PK 05 06`, an empty archive).
    case zip

    /// The container whose first bytes are `magic`; `nil` for none.
    public init?(magic: some Collection<UInt8>) {
      let head = Array(magic.prefix(4))
      if head.starts(with: [0x1F, 0x8B]) {
        self = .gzip
      } else if head == [0x50, 0x4B, 0x03, 0x04] || head == [0x50, 0x4B, 0x05, 0x06] {
        self = .zip
      } else {
        return nil
      }
    }

    /// The container of the regular file at `path`, from its first four bytes; `nil` when it
    /// is none, or not a regular file (a pipe is not looked into), or cannot be read.
    public init?(ofFileAt path: String) {
      var info = stat()
      guard path != "-", stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
        return nil
      }
      let fd = open(path, O_RDONLY | O_CLOEXEC)
      guard fd >= 0 else { return nil }
      defer { close(fd) }
      var head = [UInt8](repeating: 0, count: 4)
      let n = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, 4, 0) }
      guard n == 4 else { return nil }
      self.init(magic: head)
    }
  }

  /// The file a compressed input holds: its name (the zip entry's, or the gzip file's name
  /// less `.gz`) and its bytes.
  public struct Entry: Hashable, Sendable {
    public var name: String
    public var bytes: [UInt8]
  }

  /// Decompresses `bytes` of container `kind`.
  ///
  /// - Parameters:
  ///   - file: the input's name, for messages and (gzip) the entry's name.
  ///   - limit: the most bytes that may come out.
  /// - Throws: ``DiploGraphError``: `limit` (``DiploGraphError/Limit/Name/maxBytes``) when
  ///   more than `limit` bytes come out; `syntax` for a truncated or damaged stream, an archive
  ///   of another number of files than one, an encrypted entry, an unsupported method.
  /// - Complexity: O(n + m) for n bytes in and m out; memory O(m).
  public static func decompress(_ bytes: [UInt8], kind: Kind, file: String, limit: Int) throws
    -> Entry
  {
    switch kind {
    case .gzip:
      let name = file.lowercased().hasSuffix(".gz") ? String(file.dropLast(3)) : file
      return Entry(name: name, bytes: try gunzip(bytes, file: file, limit: limit))
    case .zip:
      return try unzip(bytes, file: file, limit: limit)
    }
  }

  /// The bytes of a gzip stream (every member, when several are concatenated).
  static func gunzip(_ bytes: [UInt8], file: String, limit: Int) throws -> [UInt8] {
    try bytes.withUnsafeBufferPointer { input in
      try inflate(input, windowBits: 16 + 15, members: true, file: file, limit: limit, what: "gzip")
    }
  }

  /// Inflates `input` (gzip with `windowBits` 31, raw deflate with −15).
  private static func inflate(
    _ input: UnsafeBufferPointer<UInt8>, windowBits: Int32, members: Bool, file: String,
    limit: Int, what: String
  ) throws -> [UInt8] {
    var stream = z_stream()
    guard diplograph_inflate_init2(&stream, windowBits) == Z_OK else {
      throw DiploGraphError(.io, "cannot start zlib's inflate", at: SourceLocation(file: file))
    }
    defer { inflateEnd(&stream) }
    let chunk = 1 << 16
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunk)
    defer { buffer.deallocate() }
    var output: [UInt8] = []
    var fed = 0  // input bytes handed to zlib so far
    func feed() {
      guard stream.avail_in == 0, fed < input.count else { return }
      let n = min(input.count - fed, 1 << 30)
      stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + fed)
      stream.avail_in = UInt32(n)
      fed += n
    }
    while true {
      feed()
      stream.next_out = buffer
      stream.avail_out = UInt32(chunk)
      let status = CZlib.inflate(&stream, Z_NO_FLUSH)
      let produced = chunk - Int(stream.avail_out)
      if output.count + produced > limit { throw tooLarge(file, limit: limit) }
      output.append(contentsOf: UnsafeBufferPointer(start: buffer, count: produced))
      let left = Int(stream.avail_in) + (input.count - fed)
      switch status {
      case Z_STREAM_END:
        guard members, left > 0 else { return output }
        inflateReset(&stream)
      case Z_OK, Z_BUF_ERROR:
        if left == 0 && stream.avail_out > 0 {
          throw DiploGraphError(
            .syntax,
            "found a truncated \(what) stream (it ends after \(input.count) bytes, "
              + "\(output.count) decompressed); expected the whole file",
            at: SourceLocation(file: file))
        }
      default:
        let reason = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
        throw DiploGraphError(
          .syntax, "found damaged \(what) data (\(reason)); expected a whole compressed file",
          at: SourceLocation(file: file))
      }
    }
  }

  static func tooLarge(_ file: String, limit: Int) -> DiploGraphError {
    DiploGraphError(.init(.maxBytes, limit), at: SourceLocation(file: file)) {
      "found more than \(limit) bytes once decompressed; expected at most \(limit) bytes (\($0))"
    }
  }

  /// The one file of a zip archive.
  static func unzip(_ bytes: [UInt8], file: String, limit: Int) throws -> Entry {
    let zip = ZipDirectory(bytes: bytes, file: file)
    let entry = try zip.singleEntry()
    if entry.size > UInt64(limit) { throw tooLarge(file, limit: limit) }
    let start = try zip.dataStart(of: entry)
    guard start <= bytes.count, UInt64(bytes.count - start) >= entry.compressedSize else {
      throw zip.damaged("the entry's data runs past the end of the file")
    }
    let end = start + Int(entry.compressedSize)
    let data: [UInt8]
    switch entry.method {
    case 0:
      data = Array(bytes[start..<end])
    case 8:
      data = try bytes.withUnsafeBufferPointer { all in
        try inflate(
          UnsafeBufferPointer(rebasing: all[start..<end]), windowBits: -15, members: false,
          file: file, limit: limit, what: "zip entry")
      }
    default:
      throw DiploGraphError(
        .syntax,
        "found the zip entry \"\(entry.name)\" compressed with method \(entry.method); "
          + "expected stored (0) or deflate (8)", at: SourceLocation(file: file))
    }
    let crc = data.withUnsafeBufferPointer { buffer -> UInt32 in
      var crc = crc32(0, nil, 0)
      var offset = 0
      while offset < buffer.count {
        let n = min(buffer.count - offset, 1 << 30)
        crc = crc32(crc, buffer.baseAddress! + offset, UInt32(n))
        offset += n
      }
      return UInt32(truncatingIfNeeded: crc)
    }
    guard UInt64(data.count) == entry.size, crc == entry.crc else {
      throw zip.damaged("the entry \"\(entry.name)\" does not match its size or checksum")
    }
    return Entry(name: entry.name, bytes: data)
  }
}
