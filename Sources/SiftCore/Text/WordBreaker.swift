import CICUShim

/// ICU dictionary word break for scripts written without spaces (Chinese, Japanese, Thai); one per worker.
final class WordBreaker {
    private let handle: OpaquePointer

    init?() {
        guard let handle = sift_wordbreak_open("") else { return nil }
        self.handle = handle
    }

    deinit { sift_wordbreak_close(handle) }

    /// The word segments of `bytes` as byte ranges relative to its start; spaces and punctuation are left out.
    func segments(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
        let status = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            sift_wordbreak_set_utf8(handle, $0, Int32(bytes.count))
        }
        guard status == 0 else { return [0..<bytes.count] }
        var ranges: [Range<Int>] = []
        var start = 0
        while true {
            let next = Int(sift_wordbreak_next(handle))
            if next < 0 { break }
            if next > start {
                ranges.append(start..<next)
            }
            start = next
        }
        return ranges
    }
}
