/// A byte-level RFC 4180 scanner that reads CSV rows one at a time from a UTF-8 stream in chunks.
///
/// It takes CRLF, LF and CR-only line ends, quoted fields holding delimiters, line ends and doubled quotes, and
/// any one-byte delimiter (comma, tab, semicolon). Blank lines are skipped. Each row knows the 1-based physical
/// line it starts on. A row's fields point into the scanner's buffer, so they are valid until the next
/// `nextRow()`; Strings are made only when a reader asks for a field. A quote left open at the end of the input
/// ends the last row with `unterminatedQuote` set instead of failing.
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

    /// Field bounds relative to `start`, and whether the field holds doubled quotes to undo.
    @exclusivity(unchecked) private var fieldStarts: [Int] = []
    /// The values `strings` returned for the previous row, for sharing repeated values.
    private var previousRow: [String] = []
    @exclusivity(unchecked) private var fieldEnds: [Int] = []
    @exclusivity(unchecked) private var fieldEscaped: [Bool] = []
    @exclusivity(unchecked) private var rowEnd = 0

    /// The 1-based line the current row starts on.
    @exclusivity(unchecked) public private(set) var rowLine = 0
    /// The current row opened a quote that the input never closed.
    @exclusivity(unchecked) public private(set) var unterminatedQuote = false
    public var fieldCount: Int { fieldStarts.count }

    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    public init(_ input: UTF8Input, delimiter: UInt8 = UInt8(ascii: ","), chunkSize: Int = 1 << 20) {
        self.input = input
        self.delimiter = delimiter
        buffer = .allocate(byteCount: max(chunkSize, 16), alignment: 8)
    }

    deinit { buffer.deallocate() }

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
    /// Works on locals: class properties in a byte loop pay for exclusivity checks on every access.
    @inline(__always)
    private func scanToFieldEnd() -> Bool {
        let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let limit = end, delimiter = self.delimiter
        var p = pos
        while p < limit {
            let c = base[p]
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
        let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let limit = end
        var p = pos, lines = 0
        defer {
            pos = p
            line += lines
        }
        while p < limit {
            let c = base[p]
            if c == Self.quote { return true }
            // The opening quote precedes p, so p - 1 is inside the buffer.
            if c == Self.cr || (c == Self.lf && base[p - 1] != Self.cr) { lines += 1 }
            p += 1
        }
        return false
    }

    @inline(__always)
    private func addField(_ from: Int, _ to: Int, escaped: Bool) {
        fieldStarts.append(from - start)
        fieldEnds.append(to - start)
        fieldEscaped.append(escaped)
    }

    /// Scans the next row; returns false when the input has no more rows.
    public func nextRow() throws -> Bool {
        fieldStarts.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        fieldEscaped.removeAll(keepingCapacity: true)
        unterminatedQuote = false
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
                var escaped = false
                var close = -1
                while true {
                    if !scanToQuote() {
                        if try refill() { continue }
                        unterminatedQuote = true
                        addField(start + open, pos, escaped: escaped)
                        rowEnd = pos - start
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

    /// The bytes of field `i` as they stand in the input (doubled quotes not yet undone).
    @inline(__always)
    public func withFieldBytes<R>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(rebasing: buffer[(start + fieldStarts[i])..<(start + fieldEnds[i])]))
    }

    /// Whether the whole current row is valid UTF-8.
    public var rowIsValidUTF8: Bool {
        isValidUTF8(UnsafeRawBufferPointer(rebasing: buffer[start..<(start + rowEnd)]))
    }

    /// Field `i` as text: UTF-8, or Windows-1252 when `windows1252` (a row that is not valid UTF-8).
    public func string(_ i: Int, windows1252: Bool = false) -> String {
        withFieldBytes(i) { bytes in
            if !fieldEscaped[i] {
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
            if !windows1252, !fieldEscaped[i], i < previousRow.count, let same = sameAsPrevious(i) {
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
