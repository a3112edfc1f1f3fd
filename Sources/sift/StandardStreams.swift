#if canImport(Glibc)
import Glibc
#endif

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
