/// A one-bit-a-hash filter over the `WordHash`es of some word sets: a clear bit proves a word is in none of them, so
/// a new word on none of a language's lists is answered by one bit instead of a probe of each list.
///
/// A set bit only says "maybe": the lists are probed then. Bits are chosen by the hash's lower 32 bits, the part a
/// `TaggedProbes` slot keeps, so the filter is made from the sets' probe slots without hashing any word again.
struct WordHashFilter: Sendable {
    private var bits: [UInt64]
    /// The number of bits less one (a power of two less one, below 2^32).
    private let mask: Int

    /// An empty filter with at least 16 bits a word for about `words` words (a few words in a hundred then share
    /// their bit with a listed word by chance).
    init(words: Int) {
        var count = 64
        while count < words * 16 { count *= 2 }
        bits = [UInt64](repeating: 0, count: count / 64)
        mask = count - 1
    }

    /// The bit of a hash or of a probe slot's tag (the hash's lower half).
    @inline(__always)
    private func bit(_ hash: Int) -> Int { Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: hash)) & mask }

    /// Marks the words of `set` (their hashes, read from its probe slots).
    mutating func insert(_ set: WordSet) {
        let mask = mask
        bits.withUnsafeMutableBufferPointer { bits in
            set.forEachHashTag { tag in
                let bit = Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: tag)) & mask
                bits[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
    }

    /// False when the word with `hash` is in none of the sets inserted.
    @inline(__always)
    func mayContain(hash: Int) -> Bool {
        let bit = bit(hash)
        return bits.withUnsafeBufferPointer { $0[bit >> 6] } & (1 << UInt64(bit & 63)) != 0
    }
}
