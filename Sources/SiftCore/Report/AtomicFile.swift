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

    public func write(_ string: String) throws(ReportError) { try write(string.utf8) }

    private func flush() throws(ReportError) {
        var written = 0
        while written < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ReportError("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            written += n
        }
        buffer.removeAll(keepingCapacity: true)
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
