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
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: numberRoom) { room in
            if let written = writeNumber(d, digits: digits, into: room.baseAddress!) {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: room[..<written]))
            } else {
                bytes.append(contentsOf: String(d).utf8)
            }
        }
    }

    /// The most bytes `writeNumber` writes.
    static let numberRoom = 40

    /// 10^0 … 10^18, each exact in a Double (so equal to what `pow` returns), written out so that the table is
    /// laid down at compile time: a computed table was initialised lazily, a check on every number.
    private static let powersOfTen: [Double] = [
        1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    ]

    /// Writes `d` as `format` does into `out`; the byte count, or nil where it takes the general form (`String(d)`):
    /// beyond 9e15 once scaled.
    static func writeNumber(_ d: Double, digits: Int, into out: UnsafeMutablePointer<UInt8>) -> Int? {
        let scale = digits <= 18 ? powersOfTen[digits] : pow(10.0, Double(digits))
        let scaled = (d * scale).rounded()
        guard abs(scaled) < 9e15 else { return nil }
        var n = Int64(scaled)
        if n == 0 {
            out[0] = UInt8(ascii: "0")
            return 1
        }
        var written = 0
        if n < 0 {
            out[0] = UInt8(ascii: "-")
            written = 1
            n = -n
        }
        let unit = Int64(scale)
        written += writeInteger(n / unit, into: out + written)
        var fraction = n % unit
        guard fraction != 0 else { return written }
        var width = digits
        while fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        out[written] = UInt8(ascii: ".")
        written += 1
        // `width` digits, leading zeros included.
        for i in stride(from: width - 1, through: 0, by: -1) {
            out[written + i] = UInt8(ascii: "0") + UInt8(fraction % 10)
            fraction /= 10
        }
        return written + max(1, width)
    }

    static func appendInteger(_ value: Int64, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { room in
            let written = writeInteger(value, into: room.baseAddress!)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: room[..<written]))
        }
    }

    /// Writes `value` in decimal into `out` (at most 20 bytes); the byte count.
    static func writeInteger(_ value: Int64, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var written = 0
        if value < 0 {
            out[0] = UInt8(ascii: "-")
            written = 1
        }
        var v = value.magnitude
        var length = 1
        var limit: UInt64 = 10
        while length < 20, v >= limit {
            length += 1
            if length < 20 { limit &*= 10 }
        }
        for i in stride(from: length - 1, through: 0, by: -1) {
            out[written + i] = UInt8(ascii: "0") + UInt8(v % 10)
            v /= 10
        }
        return written + length
    }

    mutating func appendQuoted(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { appendEscaped($0) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends UTF-8 text with JSON's escapes, without quotes.
    mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let base = utf8.baseAddress else { return }
        // Runs of bytes that need no escape are copied in one go; most text has none.
        var runStart = 0
        while true {
            let special = Self.firstByteNeedingEscape(base, from: runStart, count: utf8.count)
            if runStart < special { bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: special - runStart)) }
            guard special < utf8.count else { return }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 6) { room in
                let written = Self.writeEscape(base[special], into: room.baseAddress!)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: room[..<written]))
            }
            runStart = special + 1
        }
    }

    /// The index of the first byte from `start` on that JSON must escape (below 0x20, a quote, a backslash), or
    /// `count`. Eight bytes are tested at a time: such a byte sets its high bit in `special`.
    @inline(__always)
    static func firstByteNeedingEscape(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        var i = start
        while i + 8 <= count {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            let control = (word &- ones &* 0x20) & ~word
            let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
            let special = (control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)) & highs
            if special != 0 { break }
            i += 8
        }
        while i < count {
            let byte = base[i]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return i }
            i += 1
        }
        return count
    }

    /// Writes the escape of `byte` (one `firstByteNeedingEscape` stops at) into `out`; the byte count, 2 or 6.
    static func writeEscape(_ byte: UInt8, into out: UnsafeMutablePointer<UInt8>) -> Int {
        out[0] = UInt8(ascii: "\\")
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out[1] = byte
        case 0x0A: out[1] = UInt8(ascii: "n")
        case 0x0D: out[1] = UInt8(ascii: "r")
        case 0x09: out[1] = UInt8(ascii: "t")
        default:
            let hex: StaticString = "0123456789abcdef"
            out[1] = UInt8(ascii: "u")
            out[2] = UInt8(ascii: "0")
            out[3] = UInt8(ascii: "0")
            out[4] = hex.utf8Start[Int(byte >> 4)]
            out[5] = hex.utf8Start[Int(byte & 0xF)]
            return 6
        }
        return 2
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
