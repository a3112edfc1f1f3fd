#if canImport(Glibc)
import Glibc
#endif

/// The text encodings feedback exports come in, told from the first bytes.
public enum TextEncoding: String, Sendable, Hashable {
    case utf8
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"

    /// The encoding of an input and the length of its byte-order mark, from its first bytes.
    ///
    /// Without a BOM, UTF-16 is recognised by its zero bytes: text that is mostly ASCII has a zero in every
    /// other byte, at odd offsets for little-endian and even offsets for big-endian. UTF-8 never holds zeros.
    public static func sniff(_ prefix: [UInt8]) -> (encoding: TextEncoding, bomLength: Int) {
        if prefix.count >= 3, prefix[0] == 0xEF, prefix[1] == 0xBB, prefix[2] == 0xBF { return (.utf8, 3) }
        if prefix.count >= 2, prefix[0] == 0xFF, prefix[1] == 0xFE { return (.utf16LE, 2) }
        if prefix.count >= 2, prefix[0] == 0xFE, prefix[1] == 0xFF { return (.utf16BE, 2) }
        let sample = prefix.prefix(1024)
        let pairs = sample.count / 2
        guard pairs >= 2 else { return (.utf8, 0) }
        var zerosEven = 0, zerosOdd = 0
        for (i, byte) in sample.enumerated() where byte == 0 {
            if i % 2 == 0 { zerosEven += 1 } else { zerosOdd += 1 }
        }
        if zerosOdd * 10 >= pairs * 4, zerosEven * 10 < pairs { return (.utf16LE, 0) }
        if zerosEven * 10 >= pairs * 4, zerosOdd * 10 < pairs { return (.utf16BE, 0) }
        return (.utf8, 0)
    }
}

/// An input's bytes as UTF-8, whatever its encoding: a BOM is skipped and UTF-16 is transcoded chunk by chunk,
/// so memory stays flat. Invalid UTF-8 passes through untouched; readers repair it per record (see `Windows1252`).
public final class UTF8Input {
    public let source: InputSource
    public let encoding: TextEncoding
    private var raw: [UInt8] = []
    /// A UTF-16 code unit split across reads (one byte).
    private var carryByte: UInt8?
    private var decoder: UTF16Decoder
    private var atEnd = false
    /// Bytes of the input consumed before the current chunk (the BOM included).
    private var consumed = 0

    /// Byte offsets in the input (BOM included) where UTF-16 text was found one byte off — a byte inserted or lost —
    /// and decoding realigned, the first `UTF16Decoder.realignmentsKept` of them.
    public var realignments: [Int] { decoder.realignments }
    /// How many times decoding realigned, all of them.
    public var realignmentCount: Int { decoder.realignmentCount }

    public init(_ source: InputSource) throws {
        self.source = source
        let (encoding, bomLength) = TextEncoding.sniff(try source.prefix(1024))
        self.encoding = encoding
        decoder = UTF16Decoder(bigEndian: encoding == .utf16BE)
        if bomLength > 0 {
            var skip = [UInt8](repeating: 0, count: bomLength)
            var skipped = 0
            while skipped < bomLength {
                let n = try skip.withUnsafeMutableBytes { b in
                    try source.read(into: UnsafeMutableRawBufferPointer(rebasing: b[skipped...]))
                }
                if n == 0 { break }
                skipped += n
            }
            consumed = skipped
        }
    }

    /// Transcoded UTF-8 not yet handed out: `out[outPos..<outCount]` (the array is sized for a whole chunk).
    private var out: [UInt8] = []
    private var outPos = 0
    private var outCount = 0

    /// Reads the next UTF-8 bytes into `buffer`; returns how many, 0 at the end of input.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if encoding == .utf8 { return try source.read(into: buffer) }
        while outPos == outCount {
            if atEnd { return 0 }
            try transcodeNextChunk()
        }
        let n = min(buffer.count, outCount - outPos)
        out.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + outPos, byteCount: n) }
        outPos += n
        return n
    }

    /// Reads up to 64 KiB of UTF-16 and transcodes it into `out`, keeping a split unit or surrogate for later.
    private func transcodeNextChunk() throws {
        let want = 64 * 1024
        if raw.count < want { raw = [UInt8](repeating: 0, count: want) }
        var have = 0
        if let carryByte {
            raw[0] = carryByte
            have = 1
            self.carryByte = nil
        }
        let n = try raw.withUnsafeMutableBytes { b in
            try source.read(into: UnsafeMutableRawBufferPointer(rebasing: b[have..<want]))
        }
        if n == 0 { atEnd = true }
        // Where `raw[0]` lies in the input: a carried byte was read with the chunk before.
        let chunkStart = consumed - have
        consumed += n
        have += n
        // Decoded on local values: the loop reading this class's stored properties went through a runtime
        // exclusivity check at every unit (40 % of the instructions of ingesting a UTF-16 Play export).
        let room = UTF16Decoder.maximumOutput(have)
        if out.count < room { out = [UInt8](repeating: 0, count: room) }
        var decoder = decoder
        let atEnd = atEnd
        let (count, carry) = raw.withUnsafeBufferPointer { raw in
            out.withUnsafeMutableBufferPointer { out in
                decoder.decode(UnsafeBufferPointer(rebasing: raw[0..<have]), at: chunkStart, last: atEnd, into: out.baseAddress!)
            }
        }
        self.decoder = decoder
        carryByte = carry
        outPos = 0
        outCount = count
    }
}

/// UTF-16 to UTF-8, chunk by chunk: the state one chunk leaves for the next (a high surrogate waiting for its low
/// half) and the places where the text was found one byte off and decoding realigned.
struct UTF16Decoder {
    let bigEndian: Bool
    var pendingHigh: UInt16?
    /// Where decoding realigned (byte offsets in the input), the first `realignmentsKept` of them.
    var realignments: [Int] = []
    var realignmentCount = 0
    static let realignmentsKept = 10
    /// Units in a row that read as ASCII shifted by one byte (`isShiftedASCII`), with at least three different ones
    /// among them, before decoding realigns. Both conditions matter: a run of one character, such as ideographic
    /// spaces (U+3000, bytes 00 30), reads as "000…" one byte off just as well, so it is no evidence either way.
    static let shiftedRunToRealign = 8

    init(bigEndian: Bool) {
        self.bigEndian = bigEndian
    }

    /// Whether a UTF-16 unit is what ASCII text decodes to when the bytes are one off: its low byte zero (the high
    /// byte of one character) and its high byte a printable ASCII character, a tab or a line end (the low byte of the
    /// next) — "a" as U+6100. Eight different-looking ones in a row do not happen in real text (a CJK character has a
    /// zero low byte 1 time in 256), so such a run means a byte was inserted or lost.
    @inline(__always)
    static func isShiftedASCII(_ unit: UInt16) -> Bool {
        guard unit & 0xFF == 0 else { return false }
        let high = unit >> 8
        return high >= 0x20 && high < 0x7F || high == 0x09 || high == 0x0A || high == 0x0D
    }

    /// The most UTF-8 bytes `decode` writes for `count` bytes of UTF-16: three for a unit (four for a surrogate pair,
    /// two units), and three for a surrogate and a byte left at the end.
    static func maximumOutput(_ count: Int) -> Int { count / 2 * 3 + 6 }

    /// Decodes `raw` (which starts at byte `offset` of the input) into `out`, which has room for
    /// `maximumOutput(raw.count)` bytes; returns how many it wrote and the byte left over when the chunk ends inside
    /// a unit and more follows. With `last`, what cannot complete becomes U+FFFD.
    mutating func decode(_ raw: UnsafeBufferPointer<UInt8>, at offset: Int, last: Bool,
                         into out: UnsafeMutablePointer<UInt8>) -> (count: Int, carry: UInt8?) {
        let have = raw.count
        var n = 0
        // The current run of shifted-looking units: where its first unit starts in `raw` and in `out`.
        var shiftedRun = 0, runStart = 0, runOut = 0
        // The first two different units of the run, and whether a third one came.
        var runFirst: UInt16 = 0, runSecond: UInt16 = 0, runVaried = false
        var i = 0
        while i + 1 < have {
            let unit = bigEndian ? UInt16(raw[i]) << 8 | UInt16(raw[i + 1]) : UInt16(raw[i + 1]) << 8 | UInt16(raw[i])
            // ASCII, most units, first: it ends any run.
            if unit < 0x80, pendingHigh == nil {
                out[n] = UInt8(unit)
                n += 1
                shiftedRun = 0
                i += 2
                continue
            }
            if Self.isShiftedASCII(unit) {
                if shiftedRun == 0 {
                    runStart = i; runOut = n
                    runFirst = unit; runSecond = unit; runVaried = false
                } else if !runVaried, unit != runFirst {
                    if runSecond == runFirst { runSecond = unit } else if unit != runSecond { runVaried = true }
                }
                shiftedRun += 1
                if shiftedRun >= Self.shiftedRunToRealign, runVaried {
                    // Decode the run again one byte later: the text from there reads as it was written.
                    n = runOut
                    pendingHigh = nil
                    realignmentCount += 1
                    if realignments.count < Self.realignmentsKept { realignments.append(offset + runStart) }
                    i = runStart + 1
                    shiftedRun = 0
                    continue
                }
            } else {
                shiftedRun = 0
            }
            i += 2
            if let high = pendingHigh {
                pendingHigh = nil
                if unit >= 0xDC00, unit <= 0xDFFF {
                    Self.put(0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00), into: out, at: &n)
                    continue
                }
                Self.put(0xFFFD, into: out, at: &n)
            }
            if unit >= 0xD800, unit <= 0xDBFF {
                pendingHigh = unit
            } else if unit >= 0xDC00, unit <= 0xDFFF {
                Self.put(0xFFFD, into: out, at: &n)
            } else {
                Self.put(UInt32(unit), into: out, at: &n)
            }
        }
        // A byte left over (an odd read, or a realignment) waits for the next chunk, or is not a character at the end.
        guard last else { return (n, i < have ? raw[i] : nil) }
        // A high surrogate or a single byte left at the end is not a character; mark it rather than drop it.
        if pendingHigh != nil {
            pendingHigh = nil
            Self.put(0xFFFD, into: out, at: &n)
        }
        if i < have { Self.put(0xFFFD, into: out, at: &n) }
        return (n, nil)
    }

    @inline(__always)
    static func put(_ scalar: UInt32, into out: UnsafeMutablePointer<UInt8>, at n: inout Int) {
        switch scalar {
        case ..<0x80:
            out[n] = UInt8(scalar)
            n += 1
        case ..<0x800:
            out[n] = UInt8(0xC0 | (scalar >> 6))
            out[n + 1] = UInt8(0x80 | (scalar & 0x3F))
            n += 2
        case ..<0x10000:
            out[n] = UInt8(0xE0 | (scalar >> 12))
            out[n + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            out[n + 2] = UInt8(0x80 | (scalar & 0x3F))
            n += 3
        default:
            out[n] = UInt8(0xF0 | (scalar >> 18))
            out[n + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
            out[n + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            out[n + 3] = UInt8(0x80 | (scalar & 0x3F))
            n += 4
        }
    }
}

/// Decoding of bytes that are not valid UTF-8 as Windows-1252, what spreadsheet tools on Windows write.
public enum Windows1252 {
    /// The code points of bytes 0x80–0x9F; the five bytes Windows-1252 leaves undefined map to C1 controls.
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    public static func decode(_ bytes: some Sequence<UInt8>) -> String {
        var s = String.UnicodeScalarView()
        for b in bytes {
            let code: UInt32 = (b >= 0x80 && b < 0xA0) ? high[Int(b - 0x80)] : UInt32(b)
            s.append(Unicode.Scalar(code)!)
        }
        return String(s)
    }
}

/// How many line feeds `bytes` hold (memchr from one to the next).
func lineFeedCount(_ bytes: UnsafeRawBufferPointer) -> Int {
    guard var p = bytes.baseAddress else { return 0 }
    var remaining = bytes.count, count = 0
    while remaining > 0, let hit = memchr(p, 0x0A, remaining) {
        count += 1
        let next = UnsafeRawPointer(hit) + 1
        remaining -= next - p
        p = next
    }
    return count
}

/// Whether bytes are valid UTF-8 (well-formed as Unicode defines it: no overlong forms, surrogates or code points
/// past U+10FFFF), skipping ASCII up to 32 bytes at a time; a row with one emoji no longer sends all of it through
/// the standard library's validation.
public func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
    let count = bytes.count
    let highBits: UInt64 = 0x8080_8080_8080_8080
    @inline(__always) func highBitsOfWord(at offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) & highBits
    }
    var i = 0
    while i < count {
        // A word's high bits say where its first non-ASCII byte is, so ASCII before a sequence is skipped whole; the
        // last bytes are read as the input's last word, its bytes before `i` (checked already) shifted out: checked
        // byte by byte, they were a large part of a short line's check. A run of lines is read 64 bytes a step while
        // they are ASCII (32 a step cost 0.5 instructions a byte).
        while count &- i >= 64, highBitsOfWord(at: i) | highBitsOfWord(at: i &+ 8) | highBitsOfWord(at: i &+ 16)
            | highBitsOfWord(at: i &+ 24) | highBitsOfWord(at: i &+ 32) | highBitsOfWord(at: i &+ 40)
            | highBitsOfWord(at: i &+ 48) | highBitsOfWord(at: i &+ 56) == 0 {
            i &+= 64
        }
        if count &- i >= 32, highBitsOfWord(at: i) | highBitsOfWord(at: i &+ 8) | highBitsOfWord(at: i &+ 16)
            | highBitsOfWord(at: i &+ 24) == 0 {
            i &+= 32
            continue
        }
        if count &- i >= 16 {
            let first = highBitsOfWord(at: i), second = highBitsOfWord(at: i &+ 8)
            if first | second == 0 { i &+= 16; continue }
            i &+= first != 0 ? first.trailingZeroBitCount &>> 3 : 8 &+ second.trailingZeroBitCount &>> 3
        } else if count &- i >= 8 {
            let high = highBitsOfWord(at: i)
            if high == 0 { i &+= 8; continue }
            i &+= high.trailingZeroBitCount &>> 3
        } else if count >= 8 {
            let high = highBitsOfWord(at: count &- 8) &>> UInt64((8 &- (count &- i)) &* 8)
            if high == 0 { return true }
            i &+= high.trailingZeroBitCount &>> 3
        }
        // Sequences in a row (words in Arabic or Hindi letters) are checked one after the other without the words'
        // checks between them.
        repeat {
            // Two-byte sequences (Latin letters with marks, Greek, Cyrillic, Arabic, Hebrew) need only their lead's
            // range and one continuation byte checked.
            if bytes[i] &- 0xC2 < 0x1E, i &+ 1 < count, bytes[i &+ 1] & 0xC0 == 0x80 {
                i &+= 2
                continue
            }
            let length = utf8SequenceLength(bytes, at: i)
            guard length > 0 else { return false }
            i &+= length
        } while i < count && bytes[i] >= 0x80
    }
    return true
}

/// The length of the well-formed UTF-8 sequence at `i`, or 0 when the byte there does not start one.
@inline(__always)
func utf8SequenceLength(_ bytes: UnsafeRawBufferPointer, at i: Int) -> Int {
    let lead = bytes[i]
    if lead < 0x80 { return 1 }
    // The range the second byte must fall in, and how many continuation bytes follow the lead.
    var low: UInt8 = 0x80, high: UInt8 = 0xBF
    let continuations: Int
    switch lead {
    case 0xC2...0xDF: continuations = 1
    case 0xE0: continuations = 2; low = 0xA0
    case 0xE1...0xEC, 0xEE, 0xEF: continuations = 2
    case 0xED: continuations = 2; high = 0x9F
    case 0xF0: continuations = 3; low = 0x90
    case 0xF1...0xF3: continuations = 3
    case 0xF4: continuations = 3; high = 0x8F
    default: return 0
    }
    // `i` indexes `bytes`: the sums below cannot overflow (checked, they were a tenth of a line's check).
    guard i &+ continuations < bytes.count, bytes[i &+ 1] >= low, bytes[i &+ 1] <= high else { return 0 }
    var k = 2
    while k <= continuations {
        guard bytes[i &+ k] & 0xC0 == 0x80 else { return 0 }
        k &+= 1
    }
    return continuations &+ 1
}

/// Streaming repair of UTF-8 for readers that hand bytes to a parser which stops at the first invalid byte
/// (libxml2): each byte that is not part of a well-formed sequence becomes its Windows-1252 character.
struct UTF8Repair {
    /// Invalid bytes replaced so far.
    private(set) var replaced = 0
    /// Where the first one was, counted over all the bytes repaired.
    private(set) var firstReplaced: Int?
    private var seen = 0

    /// How many bytes at the end of `bytes` begin a sequence that the next chunk may complete (0–3).
    static func incompleteTail(_ bytes: UnsafeRawBufferPointer) -> Int {
        let count = bytes.count
        for back in 1...3 where back <= count {
            let b = bytes[count - back]
            if b & 0xC0 == 0x80 { continue }  // a continuation byte: look further back for its lead
            let needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            return needed > back ? back : 0
        }
        return 0
    }

    /// `bytes`, which begin at `offset` in the input, with every invalid byte replaced, or nil when they are valid
    /// UTF-8 already (nothing is copied). Bytes repaired again (a new parser fed them after an error) are counted once.
    mutating func repair(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> [UInt8]? {
        defer { seen = max(seen, offset + bytes.count) }
        if isValidUTF8(bytes) { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var i = 0
        while i < bytes.count {
            let length = utf8SequenceLength(bytes, at: i)
            if length > 0 {
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[i..<(i + length)]))
                i += length
            } else {
                if offset + i >= seen {
                    if firstReplaced == nil { firstReplaced = offset + i }
                    replaced += 1
                }
                out.append(contentsOf: Array(Windows1252.decode(CollectionOfOne(bytes[i])).utf8))
                i += 1
            }
        }
        return out
    }

    /// How many characters `bytes` become once repaired: one for each well-formed sequence and each invalid byte.
    static func characters(in bytes: UnsafeRawBufferPointer) -> Int {
        var count = 0, i = 0
        while i < bytes.count {
            i += max(utf8SequenceLength(bytes, at: i), 1)
            count += 1
        }
        return count
    }
}
