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
    /// Whole pages waiting for a write that bypasses the page cache; nil when the file is written through it.
    private var pages: PageStaging?

    /// Opens the temporary file; `bypassingCache` writes it around the page cache (`O_DIRECT`) where the file
    /// system allows, for one large file written once: copying 800 MB into the cache cost the writing thread
    /// about a second of CPU, and `commit`'s sync then waited for all of it to reach the disk.
    public init(path: String, bypassingCache: Bool = false) throws(ReportError) {
        self.path = path
        temporaryPath = path + ".tmp-\(getpid())"
        fd = -1
        if bypassingCache, openDirect != 0 {
            fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | openDirect, 0o644)
            if fd >= 0 { pages = PageStaging() }
        }
        if fd < 0 { fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        guard fd >= 0 else { throw ReportError("cannot write \(path): \(String(cString: strerror(errno)))") }
        if pages == nil { buffer.reserveCapacity(1 << 20) }
    }

    deinit {
        if !committed {
            if fd >= 0 { close(fd) }
            unlink(temporaryPath)
        }
    }

    public func write(_ bytes: some Collection<UInt8>) throws(ReportError) {
        if pages != nil {
            let failure: ReportError? = Array(bytes).withUnsafeBytes { raw in
                do throws(ReportError) { try stage(raw) } catch { return error }
                return nil
            }
            if let failure { throw failure }
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes a large block without copying it into the buffer first.
    func write(block: UnsafeRawBufferPointer) throws(ReportError) {
        if pages != nil { return try stage(block) }
        guard block.count >= 1 << 20 else { return try write(block) }
        try flush()
        if let failure = writeAll(block) { throw failure }
    }

    public func write(_ string: String) throws(ReportError) { try write(string.utf8) }

    /// Copies `bytes` into the page staging, writing it out whenever it fills.
    private func stage(_ bytes: UnsafeRawBufferPointer) throws(ReportError) {
        var from = 0
        while from < bytes.count {
            from += pages!.take(bytes, from: from)
            if pages!.isFull {
                if let failure = writeAll(pages!.bytes) { throw failure }
                pages!.removeAll()
            }
        }
    }

    private func flush() throws(ReportError) {
        if let staged = pages {
            // The last, partial page goes through the cache: a write around it takes whole pages only.
            let whole = staged.count / PageStaging.pageSize * PageStaging.pageSize
            if whole > 0, let failure = writeAll(UnsafeRawBufferPointer(rebasing: staged.bytes[..<whole])) { throw failure }
            stopBypassingCache()
            if let failure = writeAll(UnsafeRawBufferPointer(rebasing: staged.bytes[whole...])) { throw failure }
            pages = nil
            return
        }
        if let failure = buffer.withUnsafeBytes(writeAll) { throw failure }
        buffer.removeAll(keepingCapacity: true)
    }

    private func stopBypassingCache() {
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0, flags & openDirect != 0 { _ = fcntl(fd, F_SETFL, flags & ~openDirect) }
    }

    /// Writes all of `bytes`; the error, if the system refused.
    private func writeAll(_ bytes: UnsafeRawBufferPointer) -> ReportError? {
        var written = 0
        while written < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
            if n < 0 {
                if errno == EINTR { continue }
                // A file system may refuse writes around the cache, or these sizes for them: write through it.
                if errno == EINVAL, fcntl(fd, F_GETFL) & openDirect != 0 {
                    stopBypassingCache()
                    continue
                }
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

/// Linux's `O_DIRECT`, which Glibc's module does not export; its value differs between architectures.
#if arch(x86_64) || arch(i386)
private let openDirect: Int32 = 0o40000
#elseif arch(arm64) || arch(arm)
private let openDirect: Int32 = 0o200000
#else
private let openDirect: Int32 = 0
#endif

/// Page-aligned memory that collects bytes for writes around the page cache, which take whole pages from
/// page-aligned memory.
private final class PageStaging {
    static let pageSize = 4096
    private static let capacity = 8 << 20
    private let base = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: pageSize)
    private(set) var count = 0

    deinit { base.deallocate() }

    var isFull: Bool { count == Self.capacity }
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
    func removeAll() { count = 0 }

    /// Copies as much of `bytes[from...]` as fits; how many bytes that was.
    func take(_ bytes: UnsafeRawBufferPointer, from: Int) -> Int {
        let n = min(Self.capacity - count, bytes.count - from)
        (base + count).copyMemory(from: bytes.baseAddress! + from, byteCount: n)
        count += n
        return n
    }
}
