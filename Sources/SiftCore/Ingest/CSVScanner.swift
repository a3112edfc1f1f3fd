/// A byte-level RFC 4180 scanner that reads CSV rows one at a time from a UTF-8 stream in chunks.
///
/// It takes CRLF, LF and CR-only line ends, quoted fields holding delimiters, line ends and doubled quotes, and
/// any one-byte delimiter (comma, tab, semicolon). Blank lines are skipped. Each row knows the 1-based physical
/// line it starts on. A row's fields point into the scanner's buffer, so they are valid until the next
/// `nextRow()`; Strings are made only when a reader asks for a field. A quote the input never closes ends its row
/// at the line end after the quote, with `unterminatedQuote` set, and scanning goes on at the next line: one stray
/// quote costs one row, not every row after it.
public final class CSVScanner {
    public let delimiter: UInt8
    private let input: UTF8Input
    // The scanner is used from one thread and never hands out access to its state, so the dynamic exclusivity
    // checks on these properties (a tenth of CSV ingest, one per byte-loop step and per field) are switched off.
    @exclusivity(unchecked) private var buffer: UnsafeMutableRawBufferPointer
    /// Start of the current row, end of the bytes read, and the scan position, all indexes into `buffer`.
    @exclusivity(unchecked) private var start = 0
    @exclusivity(unchecked) private var end = 0
    @exclusivity(unchecked) private var pos = 0
    @exclusivity(unchecked) private var atEOF = false
    /// The physical line of the byte at `pos`.
    @exclusivity(unchecked) private var line = 1
    /// The previous row ended on CR: an LF right after it belongs to that line end.
    @exclusivity(unchecked) private var skipLF = false

    /// The current row's field bounds, in one buffer reused from row to row: three arrays appended per field
    /// paid a uniqueness check and a possible copy each.
    @exclusivity(unchecked) private var fields: UnsafeMutablePointer<FieldBounds>
    @exclusivity(unchecked) private var fieldCapacity = 32
    @exclusivity(unchecked) public private(set) var fieldCount = 0
    /// The values `strings` returned for the previous row, for sharing repeated values.
    private var previousRow: [String] = []
    @exclusivity(unchecked) private var rowEnd = 0

    /// The 1-based line the current row starts on.
    @exclusivity(unchecked) public private(set) var rowLine = 0
    /// The current row opened a quote that the input never closed, or that closed only lines later right before
    /// more text (`strayQuote`): either way the row was cut at the quote's own line end.
    @exclusivity(unchecked) public private(set) var unterminatedQuote = false
    /// The current row's quote was closed lines later by a quote followed by text, not by a delimiter or a line end:
    /// that quote opened another field, so the first one was stray.
    @exclusivity(unchecked) public private(set) var strayQuote = false

    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    public init(_ input: UTF8Input, delimiter: UInt8 = UInt8(ascii: ","), chunkSize: Int = 1 << 20) {
        self.input = input
        self.delimiter = delimiter
        buffer = .allocate(byteCount: max(chunkSize, 16), alignment: 8)
        fields = .allocate(capacity: fieldCapacity)
    }

    deinit {
        buffer.deallocate()
        fields.deallocate()
    }

    /// Moves the current row to the front of the buffer (growing it when the row fills it) and reads more.
    /// Returns false at the end of the input.
    private func refill() throws -> Bool {
        if atEOF { return false }
        if start > 0 {
            let keep = end - start
            if keep > 0 { buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: keep) }
            pos -= start
            end = keep
            start = 0
        }
        if end == buffer.count {
            let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 8)
            grown.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: end)
            buffer.deallocate()
            buffer = grown
        }
        let n = try input.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
        if n == 0 {
            atEOF = true
            return false
        }
        end += n
        return true
    }

    /// Moves `pos` to the next delimiter or line end in the bytes read; false when it ran out of bytes first.
    /// Works on locals (class properties in a byte loop pay for exclusivity checks on every access) and tests
    /// eight bytes at a time: most fields are plain text far longer than a word.
    @inline(__always)
    private func scanToFieldEnd() -> Bool {
        let base = buffer.baseAddress!
        let limit = end
        let delimiters = SWAR.splat(delimiter)
        var p = pos
        while p + 8 <= limit {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: p, as: UInt64.self))
            let hits = SWAR.zeroBytes(word ^ delimiters) | SWAR.zeroBytes(word ^ SWAR.crs) | SWAR.zeroBytes(word ^ SWAR.lfs)
            if hits != 0 {
                pos = p + SWAR.firstByte(hits)
                return true
            }
            p += 8
        }
        let bytes = base.assumingMemoryBound(to: UInt8.self), delimiter = self.delimiter
        while p < limit {
            let c = bytes[p]
            if c == delimiter || c == Self.cr || c == Self.lf {
                pos = p
                return true
            }
            p += 1
        }
        pos = p
        return false
    }

    /// Moves `pos` to the next quote in the bytes read, counting the line ends it passes; false when it ran out.
    @inline(__always)
    private func scanToQuote() -> Bool {
        let base = buffer.baseAddress!
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        let limit = end
        var p = pos, lines = 0
        defer {
            pos = p
            line += lines
        }
        while true {
            // Eight bytes at a time up to the next quote or line end; line ends inside quotes are rare.
            while p + 8 <= limit {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: p, as: UInt64.self))
                let hits = SWAR.zeroBytes(word ^ SWAR.quotes) | SWAR.zeroBytes(word ^ SWAR.crs) | SWAR.zeroBytes(word ^ SWAR.lfs)
                if hits != 0 {
                    p += SWAR.firstByte(hits)
                    break
                }
                p += 8
            }
            guard p < limit else { return false }
            let c = bytes[p]
            if c == Self.quote { return true }
            // The opening quote precedes p, so p - 1 is inside the buffer.
            if c == Self.cr || (c == Self.lf && bytes[p - 1] != Self.cr) { lines += 1 }
            p += 1
        }
    }

    @inline(__always)
    private func addField(_ from: Int, _ to: Int, escaped: Bool) {
        if fieldCount == fieldCapacity {
            let grown = UnsafeMutablePointer<FieldBounds>.allocate(capacity: fieldCapacity * 2)
            grown.moveInitialize(from: fields, count: fieldCount)
            fields.deallocate()
            fields = grown
            fieldCapacity *= 2
        }
        (fields + fieldCount).initialize(to: FieldBounds(start: from - start, end: to - start, escaped: escaped))
        fieldCount += 1
    }

    /// Ends the row at the first line end after a quote that opened its last field at `fieldStart` (on line
    /// `lineAtOpen`): the field runs to there, the row is marked `unterminatedQuote`, and scanning goes on at the next
    /// line. False, changing nothing, when no line end follows in the buffer.
    private func cutAtLineEnd(fieldStart: Int, lineAtOpen: Int) -> Bool {
        let bytes = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        var cut = fieldStart
        while cut < end, bytes[cut] != Self.cr, bytes[cut] != Self.lf { cut += 1 }
        guard cut < end else { return false }
        addField(fieldStart, cut, escaped: false)
        unterminatedQuote = true
        rowEnd = cut - start
        line = lineAtOpen + 1
        skipLF = bytes[cut] == Self.cr
        pos = cut + 1
        return true
    }

    /// Scans the next row; returns false when the input has no more rows.
    public func nextRow() throws -> Bool {
        fieldCount = 0
        unterminatedQuote = false
        strayQuote = false
        // Skip line ends left by the previous row and blank lines.
        while true {
            start = pos
            if pos == end, try !refill() { return false }
            let b = buffer[pos]
            if b == Self.lf {
                if skipLF { skipLF = false } else { line += 1 }
                pos += 1
            } else if b == Self.cr {
                skipLF = true
                line += 1
                pos += 1
            } else {
                skipLF = false
                break
            }
        }
        rowLine = line
        let delimiter = self.delimiter
        while true {
            // At the start of a field.
            if pos == end, try !refill() {
                addField(pos, pos, escaped: false)
                rowEnd = pos - start
                return true
            }
            if buffer[pos] == Self.quote {
                pos += 1
                let open = pos - start
                let lineAtOpen = line
                var escaped = false
                var close = -1
                while true {
                    if !scanToQuote() {
                        if try refill() { continue }
                        // The rest of the input is in the buffer now: cut the row at the quote's own line end.
                        if !cutAtLineEnd(fieldStart: start + open, lineAtOpen: lineAtOpen) {
                            unterminatedQuote = true
                            addField(start + open, pos, escaped: escaped)
                            rowEnd = pos - start
                        }
                        return true
                    }
                    // At a quote: a doubled one is an escaped quote, a single one closes the field.
                    if pos + 1 == end, try !refill() {
                        close = pos - start
                        pos += 1
                        break
                    }
                    if buffer[pos + 1] == Self.quote {
                        escaped = true
                        pos += 2
                        continue
                    }
                    close = pos - start
                    pos += 1
                    break
                }
                // Text after the closing quote is not RFC 4180; keep the field as written rather than lose it.
                let afterClose = pos - start
                while true {
                    if pos == end, try !refill() { break }
                    let c = buffer[pos]
                    if c == delimiter || c == Self.cr || c == Self.lf { break }
                    pos += 1
                }
                if pos - start == afterClose {
                    addField(start + open, start + close, escaped: escaped)
                } else if line > lineAtOpen, buffer[(start + afterClose)..<pos].contains(where: { $0 != 0x20 && $0 != 0x09 }) {
                    // A quote that closes lines later before more text ("…,"Excellent,5" and, 15 lines on,
                    // "…,"Easy, quick",5") is a stray one meeting the opening quote of another field: reading it as
                    // one field cost every row in between. The row is cut at the stray quote's line end instead.
                    _ = cutAtLineEnd(fieldStart: start + open, lineAtOpen: lineAtOpen)
                    strayQuote = true
                    return true
                } else {
                    addField(start + open - 1, pos, escaped: false)
                }
            } else {
                let open = pos - start
                while !scanToFieldEnd(), try refill() {}
                addField(start + open, pos, escaped: false)
            }
            // After a field: a delimiter, a line end, or the end of the input.
            if pos == end, try !refill() {
                rowEnd = pos - start
                return true
            }
            let c = buffer[pos]
            if c == delimiter {
                pos += 1
                continue
            }
            rowEnd = pos - start
            line += 1
            skipLF = c == Self.cr
            pos += 1
            return true
        }
    }

    /// The bytes of field `i` as they stand in the buffer (doubled quotes undone only once `unescapedBytes` ran).
    @inline(__always)
    public func withFieldBytes<R>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        precondition(i >= 0 && i < fieldCount, "field \(i) of a row with \(fieldCount)")
        return try body(UnsafeRawBufferPointer(rebasing: buffer[(start + fields[i].start)..<(start + fields[i].end)]))
    }

    /// The bytes of field `i` with doubled quotes undone, valid until the next `nextRow()`.
    ///
    /// A field with doubled quotes is unescaped in place, in the buffer (its text only gets shorter), so that no
    /// copy is made; `rawRow` must therefore be taken before this is called on such a field.
    @inline(__always)
    func unescapedBytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        precondition(i >= 0 && i < fieldCount, "field \(i) of a row with \(fieldCount)")
        let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + start
        if fields[i].escaped {
            var read = fields[i].start, write = read
            let limit = fields[i].end
            while read < limit {
                base[write] = base[read]
                read += base[read] == Self.quote && read + 1 < limit && base[read + 1] == Self.quote ? 2 : 1
                write += 1
            }
            fields[i].end = write
            fields[i].escaped = false
        }
        return UnsafeBufferPointer(start: base + fields[i].start, count: fields[i].end - fields[i].start)
    }

    /// Whether the whole current row is valid UTF-8.
    public var rowIsValidUTF8: Bool {
        isValidUTF8(UnsafeRawBufferPointer(rebasing: buffer[start..<(start + rowEnd)]))
    }

    /// Field `i` as text: UTF-8, or Windows-1252 when `windows1252` (a row that is not valid UTF-8).
    public func string(_ i: Int, windows1252: Bool = false) -> String {
        withFieldBytes(i) { bytes in
            if !fields[i].escaped {
                return windows1252
                    ? Windows1252.decode(bytes)
                    : String(decoding: bytes.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
            }
            var unescaped: [UInt8] = []
            unescaped.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                unescaped.append(bytes[i])
                i += bytes[i] == Self.quote && i + 1 < bytes.count && bytes[i + 1] == Self.quote ? 2 : 1
            }
            return windows1252 ? Windows1252.decode(unescaped) : String(decoding: unescaped, as: UTF8.self)
        }
    }

    /// Every field of the current row as text.
    public func strings(windows1252: Bool = false) -> [String] {
        var out: [String] = []
        out.reserveCapacity(fieldCount)
        for i in 0..<fieldCount {
            if !windows1252, !fields[i].escaped, i < previousRow.count, let same = sameAsPrevious(i) {
                out.append(same)
            } else {
                out.append(string(i, windows1252: windows1252))
            }
        }
        previousRow = out
        return out
    }

    /// The previous row's value of column `i` when this row has the same bytes there and the value is long enough to
    /// live on the heap: a column repeated on every row ("com.example.app") is then one string shared by all
    /// records, not a million copies.
    private func sameAsPrevious(_ i: Int) -> String? {
        var previous = previousRow[i]
        let length = previous.utf8.count
        guard length > 15 else { return nil }
        let equal = withFieldBytes(i) { bytes -> Bool in
            bytes.count == length && previous.withUTF8 { old in old.elementsEqual(bytes) }
        }
        return equal ? previous : nil
    }

    /// The current row exactly as the input has it, without its line end.
    public func rawRow(windows1252: Bool = false) -> String {
        let bytes = UnsafeRawBufferPointer(rebasing: buffer[start..<(start + rowEnd)])
        return windows1252 ? Windows1252.decode(bytes) : String(decoding: bytes.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
    }
}

/// Where one field of the current row lies, relative to the row's start.
struct FieldBounds {
    var start: Int
    var end: Int
    /// The field holds doubled quotes still to undo.
    var escaped: Bool
}

/// Byte tests eight at a time in a 64-bit word ("SIMD within a register").
enum SWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080
    static let quotes = splat(UInt8(ascii: "\""))
    static let crs = splat(UInt8(ascii: "\r"))
    static let lfs = splat(UInt8(ascii: "\n"))

    @inline(__always) static func splat(_ byte: UInt8) -> UInt64 { UInt64(byte) &* ones }

    /// The high bit set in each zero byte of `word`. Bytes above the first zero byte may be marked wrongly (a
    /// borrow runs up), never the bytes below it, so the lowest mark is exact.
    @inline(__always) static func zeroBytes(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }

    /// The offset of the first marked byte (the input is read little-endian).
    @inline(__always) static func firstByte(_ marks: UInt64) -> Int { marks.trailingZeroBitCount >> 3 }
}
