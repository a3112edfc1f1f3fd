/// Why a JSON text could not be parsed, and where: `offset` is 0-based in the bytes handed to the parser.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public var offset: Int
    public var message: String
    public init(offset: Int, _ message: String) {
        self.offset = offset
        self.message = message
    }
    public var description: String { "\(message) at byte \(offset)" }
}

/// A byte-level JSON parser over borrowed bytes: parses one value at a time into a `JSONValue`, or skips
/// values without building anything, so a large document is walked, not materialized.
///
/// Foundation's decoders run at 24–32 MB/s here and need the whole document as a tree; this one reads
/// strings without escapes straight from the bytes.
public struct JSONParser {
    /// Nesting deeper than this is refused rather than risking the stack on hostile input.
    public static let maximumDepth = 512

    public let bytes: UnsafeRawBufferPointer
    /// The next byte to read.
    public var index: Int
    /// Set once a string held bytes that are not UTF-8 (they were decoded as U+FFFD).
    public private(set) var sawInvalidUTF8 = false

    public init(bytes: UnsafeRawBufferPointer, index: Int = 0) {
        self.bytes = bytes
        self.index = index
    }

    @inline(__always) var atEnd: Bool { index >= bytes.count }
    @inline(__always) var current: UInt8 { bytes[index] }

    /// JSON's white space: space, line feed, carriage return, tab.
    @inline(__always) static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    @inline(__always) public mutating func skipWhitespace() {
        while index < bytes.count, Self.isWhitespace(bytes[index]) { index += 1 }
    }

    /// The next non-space byte, without consuming it; nil at the end.
    public mutating func peek() -> UInt8? {
        skipWhitespace()
        return atEnd ? nil : current
    }

    func error(_ message: String, at offset: Int? = nil) -> JSONParseError {
        JSONParseError(offset: offset ?? index, message)
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(JSONParseError) {
        skipWhitespace()
        guard !atEnd else { throw error("unexpected end of input, expected \(what)") }
        guard current == byte else { throw error("expected \(what), found \(describe(current))") }
        index += 1
    }

    func describe(_ byte: UInt8) -> String {
        if byte >= 0x21, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16)
    }

    /// Parses the value at the current position.
    public mutating func parseValue() throws(JSONParseError) -> JSONValue {
        try parseValue(depth: 0)
    }

    mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        guard !atEnd else { throw error("unexpected end of input, expected a value") }
        switch current {
        case UInt8(ascii: "{"):
            guard depth < Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth)") }
            index += 1
            var members: [JSONMember] = []
            if peek() == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard !atEnd else { throw error("unexpected end of input inside an object") }
                guard current == UInt8(ascii: "\"") else { throw error("expected a key string, found \(describe(current))") }
                let key = try parseString()
                try expect(UInt8(ascii: ":"), "':' after a key")
                let value = try parseValue(depth: depth + 1)
                members.append(JSONMember(key, value))
                skipWhitespace()
                guard !atEnd else { throw error("unexpected end of input inside an object") }
                if current == UInt8(ascii: ",") { index += 1; continue }
                if current == UInt8(ascii: "}") { index += 1; return .object(members) }
                throw error("expected ',' or '}' in an object, found \(describe(current))")
            }
        case UInt8(ascii: "["):
            guard depth < Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth)") }
            index += 1
            var items: [JSONValue] = []
            if peek() == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            while true {
                items.append(try parseValue(depth: depth + 1))
                skipWhitespace()
                guard !atEnd else { throw error("unexpected end of input inside an array") }
                if current == UInt8(ascii: ",") { index += 1; continue }
                if current == UInt8(ascii: "]") { index += 1; return .array(items) }
                throw error("expected ',' or ']' in an array, found \(describe(current))")
            }
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = index
            try scanNumber()
            return .number(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        default:
            throw error("expected a value, found \(describe(current))")
        }
    }

    /// Parses the value at the current position straight into `(dotted name, text)` fields, the same ones
    /// `JSONValue.flatten` gives, without building the value: the JSON Lines hot path.
    public mutating func parseFlattened(into fields: inout [(name: String, value: String)], prefix: String = "",
                                        depth: Int = 0) throws(JSONParseError) {
        skipWhitespace()
        guard !atEnd else { throw error("unexpected end of input, expected a value") }
        switch current {
        case UInt8(ascii: "{"):
            guard depth < Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth)") }
            index += 1
            if peek() == UInt8(ascii: "}") { index += 1; return }
            while true {
                skipWhitespace()
                guard !atEnd else { throw error("unexpected end of input inside an object") }
                guard current == UInt8(ascii: "\"") else { throw error("expected a key string, found \(describe(current))") }
                let key = try parseString()
                try expect(UInt8(ascii: ":"), "':' after a key")
                try parseFlattened(into: &fields, prefix: prefix.isEmpty ? key : prefix + "." + key, depth: depth + 1)
                skipWhitespace()
                guard !atEnd else { throw error("unexpected end of input inside an object") }
                if current == UInt8(ascii: ",") { index += 1; continue }
                if current == UInt8(ascii: "}") { index += 1; return }
                throw error("expected ',' or '}' in an object, found \(describe(current))")
            }
        case UInt8(ascii: "["):
            guard depth < Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth)") }
            index += 1
            if peek() == UInt8(ascii: "]") { index += 1; return }
            var n = 0
            while true {
                n += 1
                try parseFlattened(into: &fields, prefix: prefix.isEmpty ? String(n) : prefix + "." + String(n), depth: depth + 1)
                skipWhitespace()
                guard !atEnd else { throw error("unexpected end of input inside an array") }
                if current == UInt8(ascii: ",") { index += 1; continue }
                if current == UInt8(ascii: "]") { index += 1; return }
                throw error("expected ',' or ']' in an array, found \(describe(current))")
            }
        default:
            fields.append((prefix, try parseValue(depth: depth).scalarText ?? ""))
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONParseError) {
        let start = index
        let n = word.utf8CodeUnitCount
        guard bytes.count - index >= n,
              memcmp(bytes.baseAddress! + index, word.utf8Start, n) == 0
        else { throw error("expected \(word)", at: start) }
        index += n
    }

    /// Checks the number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func scanNumber() throws(JSONParseError) {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        func digits(_ p: inout JSONParser) -> Int {
            let s = p.index
            while p.index < p.bytes.count, p.bytes[p.index] &- 48 < 10 { p.index += 1 }
            return p.index - s
        }
        guard !atEnd, current &- 48 < 10 else { throw error("a number needs digits", at: start) }
        if current == UInt8(ascii: "0") { index += 1 } else { _ = digits(&self) }
        if !atEnd, current == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw error("a number needs digits after '.'", at: start) }
        }
        if !atEnd, current | 0x20 == UInt8(ascii: "e") {
            index += 1
            if !atEnd, current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard digits(&self) > 0 else { throw error("a number needs digits in its exponent", at: start) }
        }
    }

    /// Parses a string starting at its opening quote; escapes decoded, invalid UTF-8 replaced by U+FFFD.
    public mutating func parseString() throws(JSONParseError) -> String {
        let open = index
        index += 1
        let start = index
        var high: UInt8 = 0
        // Fast path: most strings have no escapes and are made straight from the bytes.
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                let slice = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
                index += 1
                return makeString(slice, checkUTF8: high >= 0x80)
            }
            if b == UInt8(ascii: "\\") { break }
            high |= b
            index += 1
        }
        guard index < bytes.count else { throw error("unterminated string", at: open) }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(index - start + 32)
        buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                return buffer.withUnsafeBytes { makeString($0, checkUTF8: high >= 0x80) }
            }
            if b != UInt8(ascii: "\\") {
                high |= b
                buffer.append(b)
                index += 1
                continue
            }
            let escapeStart = index
            index += 1
            guard index < bytes.count else { break }
            let e = bytes[index]
            index += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(e)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(at: escapeStart)
                if scalar >= 0xD800, scalar < 0xDC00 {
                    // A high surrogate pairs with a following \uDC00–\uDFFF; alone it is U+FFFD.
                    if bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                        let save = index
                        index += 2
                        let low = try hex4(at: save)
                        if low >= 0xDC00, low < 0xE000 {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            index = save
                            scalar = 0xFFFD
                        }
                    } else {
                        scalar = 0xFFFD
                    }
                } else if scalar >= 0xDC00, scalar < 0xE000 {
                    scalar = 0xFFFD
                }
                let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                buffer.append(contentsOf: UTF8.encode(s)!)
            default:
                throw error("invalid escape '\\\(Character(Unicode.Scalar(e)))'", at: escapeStart)
            }
        }
        throw error("unterminated string", at: open)
    }

    mutating func hex4(at escapeStart: Int) throws(JSONParseError) -> UInt32 {
        guard bytes.count - index >= 4 else { throw error("\\u needs four hex digits", at: escapeStart) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[index]
            let d: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - 48
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - 87
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - 55
            default: throw error("\\u needs four hex digits", at: escapeStart)
            }
            v = v << 4 | UInt32(d)
            index += 1
        }
        return v
    }

    mutating func makeString(_ slice: UnsafeRawBufferPointer, checkUTF8: Bool) -> String {
        if checkUTF8 {
            if let valid = String(validating: slice, as: UTF8.self) { return valid }
            sawInvalidUTF8 = true
        }
        return String(decoding: slice, as: UTF8.self)
    }

    /// Skips the value at the current position without building it.
    public mutating func skipValue() throws(JSONParseError) {
        skipWhitespace()
        guard !atEnd else { throw error("unexpected end of input, expected a value") }
        var depth = 0
        repeat {
            skipWhitespace()
            guard !atEnd else { throw error("unexpected end of input inside a value") }
            switch current {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                index += 1
                continue
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard depth > 0 else { throw error("unexpected \(describe(current))") }
                depth -= 1
                index += 1
            case UInt8(ascii: ","), UInt8(ascii: ":"):
                guard depth > 0 else { throw error("unexpected \(describe(current))") }
                index += 1
                continue
            case UInt8(ascii: "\""):
                try skipString()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try scanNumber()
            default: throw error("expected a value, found \(describe(current))")
            }
        } while depth > 0
    }

    mutating func skipString() throws(JSONParseError) {
        let open = index
        index += 1
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") { index += 1; return }
            index += b == UInt8(ascii: "\\") ? 2 : 1
        }
        throw error("unterminated string", at: open)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
