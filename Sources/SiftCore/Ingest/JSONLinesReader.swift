#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads JSON Lines (one object per line) in chunks, so memory stays flat whatever the file's size.
///
/// Fields are the object's keys, nested objects flattened to dotted names; without a `--map` the text, date,
/// id and reach fields are guessed from common names in the first object. A line that is not a JSON object is
/// rejected with its line number and the parse error; blank lines are skipped.
public struct JSONLinesReader: RecordReader {
    public let format: InputFormat
    public let map: FieldMap
    /// Bytes read per call; a longer line grows the buffer.
    public var chunkSize = 1 << 20

    public init(format: InputFormat = .jsonl, map: FieldMap) {
        self.format = format
        self.map = map
    }

    public func read(_ input: InputSource, emit: (IngestEvent) throws -> Void) throws {
        var state = LineState(reader: self, file: input.name)
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var filled = 0
        var consumedBefore = 0
        var lineNumber = 0
        var firstChunk = true
        while true {
            if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
            let n = try buffer.withUnsafeMutableBytes { b in
                try input.read(into: UnsafeMutableRawBufferPointer(rebasing: b[filled...]))
            }
            let atEnd = n == 0
            filled += n
            var start = 0
            if firstChunk, filled >= 3 || atEnd {
                firstChunk = false
                if filled >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
            } else if firstChunk {
                continue
            }
            try buffer.withUnsafeBytes { raw in
                while start < filled {
                    let base = raw.baseAddress! + start
                    let newline = memchr(base, 0x0A, filled - start)
                    let end: Int
                    if let newline {
                        end = UnsafeRawPointer(newline) - raw.baseAddress!
                    } else if atEnd {
                        end = filled
                    } else {
                        break
                    }
                    lineNumber += 1
                    var lineEnd = end
                    if lineEnd > start, raw[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                    try state.line(UnsafeRawBufferPointer(rebasing: raw[start..<lineEnd]), number: lineNumber,
                                   offset: consumedBefore + start, emit: emit)
                    start = end + 1
                }
            }
            if atEnd { break }
            // Keep the unfinished last line at the front of the buffer.
            let rest = filled - min(start, filled)
            if rest > 0, start > 0 {
                buffer.withUnsafeMutableBytes { b in
                    _ = memmove(b.baseAddress!, b.baseAddress! + start, rest)
                }
            }
            consumedBefore += min(start, filled)
            filled = rest
        }
    }

    /// What one input's lines share: the builder, made from the first object's keys.
    struct LineState {
        let reader: JSONLinesReader
        let file: String
        var builder: RecordBuilder?
        var fields: [(name: String, value: String)] = []
        var columns = ColumnFields()
        var reportedInvalidUTF8 = false

        init(reader: JSONLinesReader, file: String) {
            self.reader = reader
            self.file = file
            fields.reserveCapacity(32)
        }

        mutating func line(_ bytes: UnsafeRawBufferPointer, number: Int, offset: Int,
                           emit: (IngestEvent) throws -> Void) throws {
            var parser = JSONParser(bytes: bytes)
            guard let first = parser.peek() else { return }
            let origin = RecordOrigin(file: file, line: number, byteOffset: offset)
            fields.removeAll(keepingCapacity: true)
            do {
                try parser.parseFlattened(into: &fields)
                if parser.peek() != nil { throw parser.error("unexpected text after the object") }
            } catch {
                try emit(.rejected(Rejection(origin: origin, reason: "invalid JSON: \(error)",
                                             raw: String(decoding: bytes, as: UTF8.self))))
                return
            }
            guard first == UInt8(ascii: "{") else {
                try emit(.rejected(Rejection(origin: origin, reason: "a JSON Lines record must be an object",
                                             raw: String(decoding: bytes, as: UTF8.self))))
                return
            }
            if parser.sawInvalidUTF8, !reportedInvalidUTF8 {
                reportedInvalidUTF8 = true
                try emit(.diagnostic(Diagnostic(.warning, at: origin,
                    "invalid UTF-8 in a string was replaced with U+FFFD (this and any later lines)")))
            }
            if builder == nil {
                let names = fields.map(\.name)
                try JSONFieldGuess.checkUserMap(reader.map, against: names, file: file)
                builder = RecordBuilder(format: reader.format, source: file,
                                        map: JSONFieldGuess.map(forNames: names, user: reader.map))
            }
            switch builder!.build(fields: fields, columns: &columns, origin: origin,
                                   raw: String(decoding: bytes, as: UTF8.self)) {
            case .success(let record): try emit(.record(record))
            case .failure(let rejection): try emit(.rejected(rejection))
            }
        }
    }
}
