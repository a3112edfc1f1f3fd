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

    /// The decimal digits of `n` (as `String(n)` writes them), then the separator.
    public mutating func combine(decimal n: Int64) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var end = buffer.count
            var magnitude = n.magnitude
            repeat {
                end -= 1
                buffer[end] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if n < 0 {
                end -= 1
                buffer[end] = UInt8(ascii: "-")
            }
            combine(UnsafeRawBufferPointer(rebasing: buffer[end...]))
        }
        combine(CollectionOfOne(0xff))
    }

    /// `String(d)`'s text for `d`, then the separator; whole numbers such as ratings skip the float formatting.
    public mutating func combine(number d: Double) {
        if d == d.rounded(), abs(d) < 1e15 {
            var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
            withUnsafeMutableBytes(of: &digits) { buffer in
                var end = buffer.count - 2
                buffer[end] = UInt8(ascii: ".")
                buffer[end + 1] = UInt8(ascii: "0")
                var magnitude = Int64(d).magnitude
                repeat {
                    end -= 1
                    buffer[end] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                    magnitude /= 10
                } while magnitude > 0
                // `String(-0.0)` is "-0.0".
                if d.sign == .minus {
                    end -= 1
                    buffer[end] = UInt8(ascii: "-")
                }
                combine(UnsafeRawBufferPointer(rebasing: buffer[end...]))
            }
            combine(CollectionOfOne(0xff))
        } else {
            combine(String(d))
        }
    }

    init(value: UInt64) { self.value = value }

    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// `h` and the 16 hex digits of the hash: the form of a content-hash id.
    var prefixedHex: String {
        String(unsafeUninitializedCapacity: 17) { buffer in
            Self.writePrefixedHex(value, into: UnsafeMutableRawBufferPointer(buffer))
            return 17
        }
    }

    /// Writes `h` and the 16 hex digits of `value` into the first 17 bytes of `buffer`.
    static func writePrefixedHex(_ value: UInt64, into buffer: UnsafeMutableRawBufferPointer) {
        let hexDigits: StaticString = "0123456789abcdef"
        buffer[0] = UInt8(ascii: "h")
        for i in 0..<16 { buffer[16 - i] = hexDigits.utf8Start[Int((value >> (UInt64(i) * 4)) & 0xF)] }
    }
}

extension FeedbackRecord {
    /// The id an input without ids gets: a hash of what the user wrote and when, so the same feedback in
    /// tomorrow's dump gets the same id (the state store counts it once), whichever file carries it.
    public var contentHashID: String { ContentHash(value: contentHash).prefixedHex }

    /// The hash `contentHashID` writes out.
    var contentHash: UInt64 {
        var hash = ContentHash()
        hash.combine(text)
        hash.combine(title)
        hash.combine(author)
        if let date { hash.combine(decimal: Int64(date.timeIntervalSince1970)) } else { hash.combine(nil as String?) }
        if let rating { hash.combine(number: rating) } else { hash.combine(nil as String?) }
        return hash.value
    }
}
