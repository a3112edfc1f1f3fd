import Foundation

/// Appends JSON to a byte buffer, by hand: records.jsonl is written once per record, and Foundation's
/// encoders allocate a dictionary and a string per value on that path.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// One flag per open object or array: whether it has a member yet (the next one needs a comma).
    private var hasMember: [Bool] = []
    /// A key was just written: the value that follows takes no comma.
    private var afterKey = false

    public init(reserving capacity: Int = 512) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        hasMember.removeAll(keepingCapacity: true)
        afterKey = false
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func beforeValue() {
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
    public mutating func value(_ n: Int?) {
        guard let n else { return null() }
        beforeValue(); bytes.append(contentsOf: String(n).utf8)
    }
    public mutating func value(_ d: Double?, digits: Int = 4) {
        guard let d, d.isFinite else { return null() }
        beforeValue(); bytes.append(contentsOf: Self.format(d, digits: digits).utf8)
    }
    public mutating func value(_ b: Bool) {
        beforeValue(); bytes.append(contentsOf: (b ? "true" : "false").utf8)
    }
    public mutating func null() { beforeValue(); bytes.append(contentsOf: "null".utf8) }

    /// A value already encoded as JSON.
    public mutating func raw(_ json: some Sequence<UInt8>) { beforeValue(); bytes.append(contentsOf: json) }

    public mutating func beginObject(key name: String) { key(name); beginObject() }
    public mutating func beginArray(key name: String) { key(name); beginArray() }
    public mutating func field(_ name: String, _ s: String?) { key(name); value(s) }
    public mutating func field(_ name: String, _ n: Int?) { key(name); value(n) }
    public mutating func field(_ name: String, _ d: Double?, digits: Int = 4) { key(name); value(d, digits: digits) }
    public mutating func field(_ name: String, _ b: Bool) { key(name); value(b) }

    /// Shortest decimal with at most `digits` after the point, no exponent, no trailing zeros; `-0` is `0`.
    public static func format(_ d: Double, digits: Int) -> String {
        let scale = pow(10.0, Double(digits))
        let rounded = (d * scale).rounded() / scale
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        var s = String(format: "%.\(digits)f", rounded)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    mutating func appendQuoted(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
            case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            case 0..<0x20:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(Self.hex[Int(byte >> 4)])
                bytes.append(Self.hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
