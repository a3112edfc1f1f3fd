#if canImport(Glibc)
import Glibc
#endif
import SiftCore

/// Buffered writing to a file descriptor; the executable owns all printing.
final class StreamWriter {
    private let fd: Int32
    private var buffer: [UInt8] = []

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(1 << 16)
    }

    nonisolated(unsafe) static let standardOutput = StreamWriter(fd: 1)

    func write(_ bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    func write(_ s: String) { write(s.utf8) }

    func flush() {
        buffer.withUnsafeBytes { writeFully($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered, then `bytes` straight from the caller's storage (no copy into the buffer).
    func writeNow(_ bytes: [UInt8]) {
        flush()
        bytes.withUnsafeBytes { writeFully($0) }
    }

    /// Writes what is buffered, then `bytes` straight from the caller's storage.
    func writeNow(_ bytes: UnsafeRawBufferPointer) {
        flush()
        writeFully(bytes)
    }

    private func writeFully(_ bytes: UnsafeRawBufferPointer) {
        var written = 0
        while written < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
            if n <= 0 {
                if n < 0, errno == EINTR { continue }
                break
            }
            written += n
        }
    }
}

/// One line to standard error, unbuffered: diagnostics must show even if the run dies after them.
func printError(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress!, $0.count) }
}

/// Calls `body` with the bytes of each line read from `fd` (without its line ending, valid only during the call) and,
/// when `checkingUTF8`, whether they are known to be valid UTF-8 (else false), reading in large blocks and finding line
/// ends with `memchr`: memory holds one block and the longest line, whatever the size of the input. Returns nil at the
/// end of the input, or the `errno` of a read that failed (the lines before it were passed on).
func forEachLine(of fd: Int32, checkingUTF8: Bool = false, _ body: (UnsafeBufferPointer<UInt8>, _ isValidUTF8: Bool) -> Void) -> Int32? {
    var capacity = 1 << 16
    var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    defer { buffer.deallocate() }
    var filled = 0
    func emit(_ start: UnsafeMutablePointer<UInt8>, _ count: Int, _ isValidUTF8: Bool) {
        var count = count
        if count > 0, start[count - 1] == UInt8(ascii: "\r") { count -= 1 }
        body(UnsafeBufferPointer(start: start, count: count), isValidUTF8)
    }
    while true {
        if filled == capacity {
            // A line longer than the buffer: grow it.
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            grown.update(from: buffer, count: filled)
            buffer.deallocate()
            buffer = grown
            capacity *= 2
        }
        let n = Glibc.read(fd, buffer + filled, capacity - filled)
        if n < 0 {
            if errno == EINTR { continue }
            return errno
        }
        if n == 0 { break }
        let end = filled + n
        // The lines this read completes end at the last line end among the new bytes; they are checked for UTF-8 in
        // one go (each line on its own was ~150 instructions a review of `sift sentiment -`, the run ~75), and one by
        // one by their reader only when the run holds an invalid byte. The bytes after them wait for the next read.
        // A reader that makes a String of each line does not ask: the String checks.
        var linesEnd = end
        var linesAreValid = false
        if checkingUTF8 {
            while linesEnd > filled, buffer[linesEnd - 1] != UInt8(ascii: "\n") { linesEnd -= 1 }
            linesAreValid = linesEnd > filled && isValidUTF8(UnsafeRawBufferPointer(start: buffer, count: linesEnd))
        }
        var start = 0
        // Only the new bytes can hold a line end; the pending ones were searched already.
        var searchFrom = filled
        // Offsets within the buffer: the arithmetic below cannot overflow (checked, it was ~3 instructions a line).
        while searchFrom < linesEnd, let found = memchr(buffer + searchFrom, Int32(UInt8(ascii: "\n")), linesEnd &- searchFrom) {
            let newline = buffer.distance(to: found.assumingMemoryBound(to: UInt8.self))
            emit(buffer + start, newline &- start, linesAreValid)
            start = newline &+ 1
            searchFrom = start
        }
        filled = end - start
        if start > 0, filled > 0 { memmove(buffer, buffer + start, filled) }
    }
    if filled > 0 { emit(buffer, filled, false) }
    return nil
}
