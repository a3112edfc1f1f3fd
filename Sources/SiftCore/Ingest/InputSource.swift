#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input to read: a file, standard input, or bytes in memory (tests). Read once, front to back, in chunks,
/// so memory stays flat whatever the input's size; the first bytes can be looked at first to detect the format.
public final class InputSource: @unchecked Sendable {
    /// The name diagnostics and accounting use: the path as given, or `-`.
    public let name: String
    private enum Backing { case file(String), descriptor(Int32), memory([UInt8]) }
    private let backing: Backing
    private var fd: Int32 = -1
    private var ownsDescriptor = false
    private var memoryOffset = 0
    /// Bytes read ahead for `prefix`, handed out again before reading on.
    private var lookahead: [UInt8] = []
    private var opened = false
    /// Bytes read from the backing file so far, for progress.
    public private(set) var bytesRead = 0
    /// Found by expanding a directory the user named, not named itself: when it cannot be read at all it is skipped
    /// with an error instead of stopping the run (a README, a settings file or a broken export among a night's dumps).
    public var foundInDirectory = false

    /// The input's size in bytes when it is a regular file (nil for standard input or a pipe).
    public var size: Int? {
        switch backing {
        case .memory(let bytes): return bytes.count
        case .descriptor: return nil
        case .file(let path):
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            return Int(info.st_size)
        }
    }

    public init(path: String) {
        name = path
        backing = path == "-" ? .descriptor(0) : .file(path)
    }

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        backing = .memory(bytes)
    }

    deinit {
        if ownsDescriptor, fd >= 0 { close(fd) }
    }

    private func openIfNeeded() throws {
        guard !opened else { return }
        opened = true
        switch backing {
        case .file(let path):
            fd = open(path, O_RDONLY)
            guard fd >= 0 else {
                let reason = String(cString: strerror(errno))
                throw IngestError(file: name, "cannot open (\(reason)); check the path and its permissions")
            }
            ownsDescriptor = true
            var info = stat()
            if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                throw IngestError(file: name, "is a directory; name the files inside it")
            }
        case .descriptor(let descriptor):
            fd = descriptor
        case .memory:
            break
        }
    }

    /// Up to `count` bytes from the start, without consuming them.
    public func prefix(_ count: Int) throws -> [UInt8] {
        try openIfNeeded()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while lookahead.count < count {
            let n = try rawRead(into: &chunk, count: min(chunk.count, count - lookahead.count))
            if n == 0 { break }
            lookahead.append(contentsOf: chunk[0..<n])
        }
        return Array(lookahead.prefix(count))
    }

    /// Reads the next bytes into `buffer[offset...]`, up to its end; returns how many, 0 at the end of input.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        try openIfNeeded()
        guard buffer.count > 0 else { return 0 }
        if !lookahead.isEmpty {
            let n = min(buffer.count, lookahead.count)
            lookahead.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: n) }
            lookahead.removeFirst(n)
            return n
        }
        return try rawRead(into: buffer)
    }

    /// Reads the whole rest of the input. For formats that cannot be streamed record by record.
    public func readAll() throws -> [UInt8] {
        var all: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = try chunk.withUnsafeMutableBytes { b in try read(into: b) }
            if n == 0 { break }
            all.append(contentsOf: chunk[0..<n])
        }
        return all
    }

    private func rawRead(into array: inout [UInt8], count: Int) throws -> Int {
        try array.withUnsafeMutableBytes { b in
            try rawRead(into: UnsafeMutableRawBufferPointer(rebasing: b[0..<count]))
        }
    }

    private func rawRead(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        switch backing {
        case .memory(let bytes):
            let n = min(buffer.count, bytes.count - memoryOffset)
            if n > 0 {
                bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + memoryOffset, byteCount: n) }
                memoryOffset += n
                bytesRead += n
            }
            return n
        case .file, .descriptor:
            while true {
                let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
                if n >= 0 {
                    bytesRead += n
                    return n
                }
                if errno == EINTR { continue }
                throw IngestError(file: name, "read failed (\(String(cString: strerror(errno))))")
            }
        }
    }
}
