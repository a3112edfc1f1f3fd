import Foundation

/// Stable 64-bit FNV-1a hashes, the same on every machine and run (Swift's `Hasher` is seeded per process).
public struct ContentHash: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
    }

    public mutating func combine(_ string: String?) {
        if var string {
            // Contiguous UTF-8 hashes several times faster than walking the UTF8View generically.
            string.withUTF8 { combine($0) }
        }
        // A separator that no UTF-8 text contains, so ("ab","c") and ("a","bc") differ.
        combine(CollectionOfOne(0xff))
    }

    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

extension FeedbackRecord {
    /// The id an input without ids gets: a hash of what the user wrote and when, so the same feedback in
    /// tomorrow's dump gets the same id (the state store counts it once), whichever file carries it.
    public var contentHashID: String {
        var hash = ContentHash()
        hash.combine(text)
        hash.combine(title)
        hash.combine(author)
        hash.combine(date.map { String(Int64($0.timeIntervalSince1970)) })
        hash.combine(rating.map { String($0) })
        return "h" + hash.hex
    }
}
