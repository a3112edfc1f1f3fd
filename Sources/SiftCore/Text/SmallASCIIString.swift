/// Strings of at most 15 ASCII bytes made straight from the two 64-bit words that hold their bytes.
///
/// A new word's folded form and stem are such strings: `String(unsafeUninitializedCapacity:)` validated and copied
/// the bytes through a closure, 90–240 instructions a string for words the analyzer already holds as two words. The
/// standard library keeps a string this short inline, as its bytes in the two words of the `String` (little-endian,
/// from the first word's low byte) with the count and flags in the top byte; `isFound` checks that layout once
/// against strings made the usual way, and callers make their strings the usual way where it does not hold.
enum SmallASCIIString {
    /// The most bytes such a string holds.
    static let capacity = 15

    /// Whether `make` gives the same strings as the standard library on this platform, bit for bit.
    static let isFound: Bool = {
        guard MemoryLayout<String>.size == 16 else { return false }
        let letters: [UInt8] = Array("abcdefghijklmnoz~!0A".utf8)
        for count in 0...capacity {
            let bytes = Array(letters[0..<count])
            let usual = String(decoding: bytes, as: UTF8.self)
            let (low, high) = bytes.withUnsafeBufferPointer { words($0) }
            guard unsafeBitCast(usual, to: (UInt64, UInt64).self) == rawWords(low, high, count: count) else { return false }
        }
        return true
    }()

    /// The string whose bytes are the `count` low bytes of `low` then `high` (little-endian), each below 0x80, with
    /// every byte past `count` zero; only when `isFound` and `count <= capacity`.
    @inline(__always)
    static func make(_ low: UInt64, _ high: UInt64, count: Int) -> String {
        var words = rawWords(low, high, count: count)
        // A String is these two words: an inline string owns no memory, so nothing is retained or released for it.
        // Moved out of the words' memory, not bit-cast: a bit-cast String is borrowed, and returning it retained it (a
        // call of ~14 instructions for every new word's folded form and stem). Safe: the two words are a whole String
        // (`isFound`), taken once, and the tuple they were is trivial, so nothing is destroyed twice.
        return withUnsafeMutableBytes(of: &words) { $0.baseAddress.unsafelyUnwrapped.bindMemory(to: String.self, capacity: 1).move() }
    }

    /// The words of `string` as `make` takes them (its bytes, zero after them) and its byte count, when it is an
    /// inline ASCII string; nil for any other string. Only when `isFound`.
    @inline(__always)
    static func words(of string: String) -> (low: UInt64, high: UInt64, count: Int)? {
        let (first, second) = unsafeBitCast(string, to: (UInt64, UInt64).self)
        // The top four bits 1110: immortal, ASCII, inline (a string in memory of its own is never marked inline).
        guard second >> 60 == 0xE else { return nil }
        return (first, second & 0x00FF_FFFF_FFFF_FFFF, Int(truncatingIfNeeded: (second >> 56) & 0xF))
    }

    /// The words of an inline ASCII string: its bytes, then the flags (immortal, ASCII, small: 0xE0) and the count in
    /// the top byte.
    @inline(__always)
    private static func rawWords(_ low: UInt64, _ high: UInt64, count: Int) -> (UInt64, UInt64) {
        (low, high | (0xE0 | UInt64(truncatingIfNeeded: count)) << 56)
    }

    /// The string of `bytes`, made from their words, when they are at most `capacity` ASCII bytes; nil for any other
    /// bytes. Only when `isFound`.
    @inline(__always)
    static func make(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.count <= capacity else { return nil }
        let (low, high) = words(bytes)
        // A byte outside ASCII has its top bit set, in its word.
        return (low | high) & 0x8080_8080_8080_8080 == 0 ? make(low, high, count: bytes.count) : nil
    }

    /// The words holding `bytes` (at most 16) as `make` reads them.
    @inline(__always)
    static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var low: UInt64 = 0, high: UInt64 = 0
        for k in 0..<bytes.count {
            if k < 8 { low |= UInt64(bytes[k]) << (8 * UInt64(k)) } else { high |= UInt64(bytes[k]) << (8 * UInt64(k - 8)) }
        }
        return (low, high)
    }
}
