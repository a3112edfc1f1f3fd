public import Foundation

/// Appends JSON to a byte buffer, by hand: records.jsonl is written once per record, and Foundation's
/// encoders allocate a dictionary and a string per value on that path.
public struct JSONWriter: Sendable {
    public internal(set) var bytes: [UInt8] = []
    /// One flag per open object or array: whether it has a member yet (the next one needs a comma).
    private var hasMember: [Bool] = []
    /// A key was just written: the value that follows takes no comma.
    var afterKey = false

    public init(reserving capacity: Int = 512) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        hasMember.removeAll(keepingCapacity: true)
        afterKey = false
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func beforeValue() {
        if afterKey {
            afterKey = false
        } else if let last = hasMember.last {
            if last { bytes.append(UInt8(ascii: ",")) } else { hasMember[hasMember.count - 1] = true }
        }
    }

    public mutating func beginObject() { beforeValue(); bytes.append(UInt8(ascii: "{")); hasMember.append(false) }
    public mutating func endObject() { hasMember.removeLast(); bytes.append(UInt8(ascii: "}")) }
    public mutating func beginArray() { beforeValue(); bytes.append(UInt8(ascii: "[")); hasMember.append(false) }
    public mutating func endArray() { hasMember.removeLast(); bytes.append(UInt8(ascii: "]")) }

    /// Writes an object key; the next value (or object, or array) is its value.
    public mutating func key(_ name: String) {
        beforeValue()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    public mutating func value(_ s: String?) {
        guard let s else { return null() }
        beforeValue(); appendQuoted(s)
    }
    /// A string value given as UTF-8 bytes.
    mutating func value(utf8: UnsafeBufferPointer<UInt8>) {
        beforeValue()
        bytes.append(UInt8(ascii: "\""))
        appendEscaped(utf8)
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func value(_ n: Int?) {
        guard let n else { return null() }
        beforeValue(); Self.appendInteger(Int64(n), to: &bytes)
    }
    public mutating func value(_ d: Double?, digits: Int = 4) {
        guard let d, d.isFinite else { return null() }
        beforeValue(); Self.appendNumber(d, digits: digits, to: &bytes)
    }
    public mutating func value(_ b: Bool) {
        beforeValue(); bytes.append(contentsOf: (b ? "true" : "false").utf8)
    }
    public mutating func null() { beforeValue(); bytes.append(contentsOf: "null".utf8) }
    /// A date as an ISO 8601 UTC string (`"2026-11-28T09:30:00Z"`), or null.
    public mutating func value(iso8601 date: Date?) {
        guard let date else { return null() }
        beforeValue()
        bytes.append(UInt8(ascii: "\""))
        UTCDate.appendISO8601(date, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }
    /// A line end between top-level values (JSON Lines).
    public mutating func newline() { bytes.append(UInt8(ascii: "\n")) }

    /// A value already encoded as JSON.
    public mutating func raw(_ json: some Sequence<UInt8>) { beforeValue(); bytes.append(contentsOf: json) }

    public mutating func beginObject(key name: String) { key(name); beginObject() }
    public mutating func beginArray(key name: String) { key(name); beginArray() }
    public mutating func field(_ name: String, _ s: String?) { key(name); value(s) }
    public mutating func field(_ name: String, _ n: Int?) { key(name); value(n) }
    public mutating func field(_ name: String, _ d: Double?, digits: Int = 4) { key(name); value(d, digits: digits) }
    public mutating func field(_ name: String, _ b: Bool) { key(name); value(b) }
    public mutating func field(_ name: String, iso8601 date: Date?) { key(name); value(iso8601: date) }

    /// Shortest decimal with at most `digits` after the point, no exponent, no trailing zeros; `-0` is `0`.
    /// Written by hand: `String(format:)` costs microseconds, and records.jsonl writes several numbers per record.
    public static func format(_ d: Double, digits: Int) -> String {
        var bytes: [UInt8] = []
        appendNumber(d, digits: digits, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func appendNumber(_ d: Double, digits: Int, to bytes: inout [UInt8]) {
        let scale = pow(10.0, Double(digits))
        let scaled = (d * scale).rounded()
        guard abs(scaled) < 9e15 else {
            bytes.append(contentsOf: String(d).utf8)
            return
        }
        var n = Int64(scaled)
        if n == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        if n < 0 {
            bytes.append(UInt8(ascii: "-"))
            n = -n
        }
        let unit = Int64(scale)
        appendInteger(n / unit, to: &bytes)
        var fraction = n % unit
        guard fraction != 0 else { return }
        var width = digits
        while fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        bytes.append(UInt8(ascii: "."))
        var divisor: Int64 = 1
        for _ in 1..<max(1, width) { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
            divisor /= 10
        }
    }

    static func appendInteger(_ value: Int64, to bytes: inout [UInt8]) {
        var v = value
        if v < 0 {
            bytes.append(UInt8(ascii: "-"))
            v = -v
        }
        if v < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(v))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while v > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                count += 1
            }
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[i]) }
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    mutating func appendQuoted(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { appendEscaped($0) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends UTF-8 text with JSON's escapes, without quotes.
    mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let base = utf8.baseAddress else { return }
        let count = utf8.count
        // Copy runs of bytes that need no escape in one go; most text has none. Eight bytes are tested at a
        // time: a byte below 0x20, a quote or a backslash sets its high bit in `special`.
        var runStart = 0
        var i = 0
        while i < count {
            if i + 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
                let control = (word &- ones &* 0x20) & ~word
                let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
                let special = (control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)) & highs
                if special == 0 {
                    i += 8
                    continue
                }
            }
            let byte = base[i]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                i += 1
                continue
            }
            if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: i - runStart)) }
            i += 1
            runStart = i
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            default:
                bytes.append(contentsOf: "u00".utf8)
                bytes.append(Self.hex[Int(byte >> 4)])
                bytes.append(Self.hex[Int(byte & 0xF)])
            }
        }
        if runStart < count { bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart)) }
    }
}

/// An object key encoded once (quoted, escaped, with its colon), for keys written on every record.
public struct JSONKey: Sendable {
    let encoded: [UInt8]

    public init(_ name: String) {
        var writer = JSONWriter(reserving: name.utf8.count + 3)
        writer.appendQuoted(name)
        writer.bytes.append(UInt8(ascii: ":"))
        encoded = writer.bytes
    }
}

extension JSONWriter {
    public mutating func key(_ key: JSONKey) {
        beforeValue()
        bytes.append(contentsOf: key.encoded)
        afterKey = true
    }

    public mutating func field(_ key: JSONKey, _ s: String?) { self.key(key); value(s) }
    public mutating func field(_ key: JSONKey, _ n: Int?) { self.key(key); value(n) }
    public mutating func field(_ key: JSONKey, _ d: Double?, digits: Int = 4) { self.key(key); value(d, digits: digits) }
    public mutating func field(_ key: JSONKey, iso8601 date: Date?) { self.key(key); value(iso8601: date) }
}
