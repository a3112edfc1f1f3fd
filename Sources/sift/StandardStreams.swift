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
        var written = 0
        while written < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if n <= 0 {
                if n < 0, errno == EINTR { continue }
                break
            }
            written += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// One line to standard error, unbuffered: diagnostics must show even if the run dies after them.
func printError(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress!, $0.count) }
}
