import CICUShim

/// ICU dictionary word break for scripts written without spaces (Chinese, Japanese, Thai); one per worker.
final class WordBreaker {
    private let handle: OpaquePointer
    /// The boundaries of the run being broken, reused from run to run (a new array a run was ~360 instructions);
    /// room for one a byte of the longest run so far.
    private var boundaries: [Int32] = []

    init?() {
        guard let handle = sift_wordbreak_open("") else { return nil }
        self.handle = handle
    }

    deinit { sift_wordbreak_close(handle) }

    /// The first code point the linked ICU gives Line_Break Complex_Context outside the blocks whose text is broken
    /// through UTF-8 for it (`sift_wordbreak_boundaries`); nil when there is none.
    static var complexContextOutsideBlocks: Int32? {
        let outside = sift_wordbreak_complex_context_outside()
        return outside < 0 ? nil : outside
    }

    /// Calls `body` with each word segment of `bytes`, in order, as a byte range relative to its start.
    func forEachSegment(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if boundaries.count < bytes.count {
            boundaries = [Int32](repeating: 0, count: Swift.max(bytes.count, 2 * boundaries.count))
        }
        boundaries.withUnsafeMutableBufferPointer { boundaries in
            let found = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                Int(sift_wordbreak_boundaries(handle, $0, Int32(bytes.count), boundaries.baseAddress))
            }
            guard found >= 0 else {
                body(0..<bytes.count)
                return
            }
            var start = 0
            for next in boundaries[..<found] {
                let end = Int(next)
                if end > start {
                    body(start..<end)
                }
                start = end
            }
        }
    }
}
