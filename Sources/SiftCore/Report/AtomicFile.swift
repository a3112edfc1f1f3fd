#if canImport(Glibc)
import Glibc
#endif

/// A file written in full beside its final name and renamed into place on `commit()`, so a crash never
/// leaves a half-written report. Writes are buffered.
public final class AtomicFile {
    public let path: String
    private let temporaryPath: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private var committed = false

    public init(path: String) throws(ReportError) {
        self.path = path
        temporaryPath = path + ".tmp-\(getpid())"
        fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw ReportError("cannot write \(path): \(String(cString: strerror(errno)))") }
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        if !committed {
            if fd >= 0 { close(fd) }
            unlink(temporaryPath)
        }
    }

    public func write(_ bytes: some Collection<UInt8>) throws(ReportError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes a large block without copying it into the buffer first.
    public func write(block: [UInt8]) throws(ReportError) {
        guard block.count >= 1 << 20 else { return try write(block) }
        try flush()
        if let failure = block.withUnsafeBytes(writeAll) { throw failure }
    }

    public func write(_ string: String) throws(ReportError) { try write(string.utf8) }

    private func flush() throws(ReportError) {
        if let failure = buffer.withUnsafeBytes(writeAll) { throw failure }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes all of `bytes`; the error, if the system refused.
    private func writeAll(_ bytes: UnsafeRawBufferPointer) -> ReportError? {
        var written = 0
        while written < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
            if n < 0 {
                if errno == EINTR { continue }
                return ReportError("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            written += n
        }
        return nil
    }

    /// Flushes, syncs and renames the file into place.
    public func commit() throws(ReportError) {
        try flush()
        fsync(fd)
        close(fd)
        fd = -1
        guard rename(temporaryPath, path) == 0 else {
            throw ReportError("cannot move \(temporaryPath) to \(path): \(String(cString: strerror(errno)))")
        }
        committed = true
    }

    /// Writes `contents` to `path` atomically.
    public static func write(_ contents: some Collection<UInt8>, to path: String) throws(ReportError) {
        let file = try AtomicFile(path: path)
        try file.write(contents)
        try file.commit()
    }
}

public struct ReportError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
