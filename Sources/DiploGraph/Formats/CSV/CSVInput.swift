// Byte input for the CSV reader: a file read with pread(2) or bytes already in memory, seen
// through a reusable block buffer so that no reader ever holds the whole file.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The bytes of one CSV file, readable at any offset from any thread.
///
/// A regular file is read with `pread`, so two parts of it can be parsed at once without sharing
/// a file position; anything else (a pipe, a terminal) is read to its end into memory once.
final class CSVInput: @unchecked Sendable {
  // Immutable after init; `pread` on one descriptor is safe from several threads.
  let size: Int
  /// The byte between fields: a comma unless told (``CSVDelimiter``).
  let delimiter: UInt8
  private let bytes: [UInt8]?
  private let descriptor: Int32

  /// Bytes already in memory.
  init(bytes: [UInt8], delimiter: UInt8 = CSVScanner.comma) {
    self.bytes = bytes
    self.size = bytes.count
    self.descriptor = -1
    self.delimiter = delimiter
  }

  /// The same bytes as `other` (its file opened once more, or its bytes shared) read with
  /// another delimiter.
  ///
  /// - Throws: ``DiploGraphError`` with code `io` when the file cannot be opened again.
  init(_ other: CSVInput, delimiter: UInt8) throws {
    self.bytes = other.bytes
    self.size = other.size
    self.delimiter = delimiter
    if other.descriptor >= 0 {
      let fd = dup(other.descriptor)
      guard fd >= 0 else { throw Self.ioError("cannot read", path: nil) }
      self.descriptor = fd
    } else {
      self.descriptor = -1
    }
  }

  /// Opens `path`.
  ///
  /// - Parameter maxBytes: the largest input accepted; a pipe is read only up to this many
  ///   bytes before being refused, so an endless one (`/dev/zero`) cannot exhaust memory.
  /// - Throws: ``DiploGraphError`` with code `io` when the file cannot be opened or read,
  ///   `limit` when it holds more than `maxBytes` bytes.
  init(path: String, maxBytes: Int = .max, delimiter: UInt8 = CSVScanner.comma) throws {
    self.delimiter = delimiter
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw Self.ioError("cannot open", path: path) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      let error = Self.ioError("cannot read", path: path)
      close(fd)
      throw error
    }
    if (info.st_mode & S_IFMT) == S_IFREG {
      guard Int(info.st_size) <= maxBytes else {
        close(fd)
        throw DataSetFile.tooLarge(path, limit: maxBytes)
      }
      self.descriptor = fd
      self.size = Int(info.st_size)
      self.bytes = nil
    } else {
      defer { close(fd) }
      self.bytes = try Self.readToEnd(fd, path: path, maxBytes: maxBytes)
      self.size = bytes?.count ?? 0
      self.descriptor = -1
    }
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
  }

  /// Copies up to `count` bytes at `offset` into `buffer`; returns how many (0 at the end).
  func read(at offset: Int, into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
    let wanted = max(0, min(count, size - offset))
    guard wanted > 0 else { return 0 }
    if let bytes {
      bytes.withUnsafeBufferPointer { source in
        buffer.update(from: source.baseAddress! + offset, count: wanted)
      }
      return wanted
    }
    var done = 0
    while done < wanted {
      let n = pread(descriptor, buffer + done, wanted - done, off_t(offset + done))
      if n < 0 {
        if errno == EINTR { continue }
        throw Self.ioError("cannot read", path: nil)
      }
      if n == 0 { break }  // the file shrank under us: read what is there
      done += n
    }
    return done
  }

  private static func readToEnd(_ fd: Int32, path: String, maxBytes: Int) throws -> [UInt8] {
    var result: [UInt8] = []
    let chunk = 1 << 16
    var scratch = [UInt8](repeating: 0, count: chunk)
    while true {
      let n = scratch.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress!, chunk) }
      if n < 0 {
        if errno == EINTR { continue }
        throw ioError("cannot read", path: path)
      }
      if n == 0 { return result }
      if result.count + n > maxBytes { throw DataSetFile.tooLarge(path, limit: maxBytes) }
      result.append(contentsOf: scratch[0..<n])
    }
  }

  static func ioError(_ what: String, path: String?) -> DiploGraphError {
    let reason = String(cString: strerror(errno))
    return DiploGraphError(.io, "\(what): \(reason)", at: path.map { SourceLocation(file: $0) })
  }
}

/// `read(2)`, named apart from ``CSVInput/read(at:into:count:)``.
@inline(__always)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(fd, buffer, count)
}
