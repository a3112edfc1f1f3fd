import CLibXML2

/// Reads XML feeds streaming through libxml2's SAX2 push parser: the App Store customer-reviews Atom feed
/// (`appstore-xml`) and any XML with one element per record (`xml`, `--map record=ELEMENT`).
///
/// Fields are named by their path below the record element (`title`, `author/name`) and attributes with `@`
/// (`@id`, `link/@href`). A malformed element (an undefined entity, a mismatched tag) is rejected with the line
/// and reading goes on after it; when libxml2 cannot go on (a document cut short, an encoding it cannot decode),
/// the records before the break are kept, the open one is rejected, and a diagnostic says where reading stopped.
public struct XMLFeedReader: RecordReader {
    public let format: InputFormat
    public let map: FieldMap
    public var chunkSize = 256 * 1024

    public init(format: InputFormat, map: FieldMap) {
        self.format = format
        self.map = map
    }

    static let appStoreMap = FieldMap([
        .id: "id", .title: "title", .text: "content", .rating: "im:rating", .version: "im:version",
        .author: "author/name", .date: "updated", .reach: "im:voteSum",
    ])

    public func read(_ input: InputSource, emit: (IngestEvent) throws -> Void) throws {
        let recordName: String
        if let named = map.record {
            recordName = named
        } else if format == .appStoreXML {
            recordName = "entry"
        } else {
            recordName = try Self.guessRecordElement(try input.prefix(FormatDetector.sniffLength), file: input.name)
        }
        let collector = XMLRecordCollector(reader: self, file: input.name, recordName: recordName)
        var parser = XMLPushParser(fileName: input.name, handler: collector)
        collector.parser = parser
        defer { collector.parser = nil }
        var buffer = [UInt8](repeating: 0, count: max(chunkSize, 8))
        // libxml2 stops a UTF-8 document at its first invalid byte: such bytes are read as Windows-1252 instead,
        // as the CSV readers do, so that one bad byte does not cost the rest of the file.
        let declaration = try input.prefix(1024)
        var repair = Self.isUTF8(declaration) ? UTF8Repair() : nil
        // A declared single-byte encoding (ISO-8859-1, Windows-1252): one byte is one character, so an error's line
        // and column place it in the bytes as well.
        let singleByte = repair == nil && Self.isSingleByte(declaration)
        // Until the first invalid byte, every byte read was valid UTF-8: characters are its lead bytes.
        let countCharacters = { (bytes: ArraySlice<UInt8>) in
            singleByte ? bytes.count : Self.characters(in: bytes, repaired: repair?.firstReplaced != nil)
        }
        // The document's opening through the root's start tag. After an error libxml2 cannot go on from (an element
        // name that is not a name), a new parser is fed it and then the text from the next record's start tag, so
        // the error costs its record and not the rest of the file. UTF-8 and single-byte encodings only: there the
        // tag is found in the bytes.
        let opening = repair == nil && !singleByte ? nil : Self.documentOpening(try input.prefix(64 * 1024), recordName: recordName)
        let openingLines = opening.map { Self.lineEnds(in: $0[...]) } ?? 0
        var resync = XMLResync()
        var carried = 0  // bytes kept at the buffer's start: a split UTF-8 sequence, or the tail of a search
        // Where `buffer[0]` lies in the input, and how many characters of its line come before it as the current
        // parser counts them (libxml2 gives columns in characters).
        var bufferOffset = 0, bufferLine = 1, lineCharacters = 0
        let openingTail = opening.map { countCharacters($0[(($0.lastIndex(of: 0x0A) ?? -1) + 1)...]) } ?? 0
        // The bytes before `buffer[0]` that the last chunk passed to the parser, where they lie and what line and count
        // of characters they start on: libxml2 holds the tail of a chunk it cannot parse yet (a start tag cut by the
        // chunk's end, text) and may report an error there only when the next chunk comes. The two buffers trade
        // places after each chunk, so keeping the last one costs no copy.
        var previous = [UInt8](repeating: 0, count: buffer.count)
        var previousCount = 0, previousOffset = 0, previousLine = 1, previousCharacters = 0
        var going = true
        while going {
            let n = try buffer.withUnsafeMutableBytes { try input.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[carried...])) }
            var total = carried + n
            let last = n == 0
            var keep = 0
            var from = 0
            chunk: while true {
                if let seek = resync.seekFrom {
                    let searchStart = max(from, seek - bufferOffset)
                    guard let p = Self.recordStart(named: recordName, in: buffer[searchStart..<total]) else {
                        // A start tag may straddle the chunk's end: the tail is searched again with the next chunk.
                        keep = last ? 0 : min(total - searchStart, 512)
                        if last { resync.skippedToEnd(buffer[searchStart..<total], recordName: recordName, collector: collector) }
                        break chunk
                    }
                    let line = bufferLine + Self.lineEnds(in: buffer[0..<p])
                    resync.skipped(buffer[searchStart..<p], recordName: recordName, resumeLine: line, collector: collector)
                    parser = XMLPushParser(fileName: input.name, handler: collector)
                    parser.lineOffset = line - (openingLines + 1)
                    collector.restart(with: parser)
                    opening!.withUnsafeBytes { _ = parser.feed($0, last: false) }
                    resync.parserStart = bufferOffset + p
                    resync.parserStartLine = line
                    resync.parserOpening = opening!.count
                    resync.openingTail = openingTail
                    from = p
                }
                let fed = buffer.withUnsafeBytes { raw in
                    let bytes = UnsafeRawBufferPointer(rebasing: raw[from..<total])
                    guard repair != nil else { return parser.feed(bytes, last: last) }
                    keep = last ? 0 : UTF8Repair.incompleteTail(bytes)
                    let ready = UnsafeRawBufferPointer(rebasing: bytes[0..<(bytes.count - keep)])
                    guard let repaired = repair!.repair(ready, at: bufferOffset + from) else { return parser.feed(ready, last: last) }
                    return repaired.withUnsafeBytes { parser.feed($0, last: last) }
                }
                if fed { break chunk }
                // Read on from the next record when libxml2 stopped at an error that can be placed in the input.
                guard !last, opening != nil, let fatal = parser.fatalProblem, !parser.stopped, collector.stopError == nil
                else { going = false; break chunk }
                var stop = Self.position(of: fatal, in: buffer[0..<total], bufferOffset: bufferOffset,
                                         anchor: resync.parserStart >= bufferOffset
                                             ? (resync.parserStart - bufferOffset, resync.parserStartLine, resync.openingTail)
                                             : (0, bufferLine, lineCharacters),
                                         bytesAreCharacters: singleByte)
                if stop == nil, previousCount > 0, resync.parserStart < bufferOffset {
                    // An error in bytes libxml2 held from the last chunk: reading goes on from there, so the buffer
                    // takes those bytes back at its start.
                    var joined = Array(previous[0..<previousCount])
                    joined.append(contentsOf: buffer[0..<total])
                    if let held = Self.position(of: fatal, in: joined[...], bufferOffset: previousOffset,
                                                anchor: resync.parserStart >= previousOffset
                                                    ? (resync.parserStart - previousOffset, resync.parserStartLine, resync.openingTail)
                                                    : (0, previousLine, previousCharacters),
                                                bytesAreCharacters: singleByte),
                       held < bufferOffset {
                        let cut = held - previousOffset
                        let before = joined[0..<cut]
                        if let lf = before.lastIndex(of: 0x0A) {
                            lineCharacters = countCharacters(joined[(lf + 1)..<cut])
                        } else {
                            lineCharacters = previousCharacters + countCharacters(before)
                        }
                        bufferLine = previousLine + Self.lineEnds(in: before)
                        bufferOffset = held
                        buffer = Array(joined[cut...])
                        total = buffer.count
                        // Room to read on into, as the buffer had.
                        if buffer.count < previous.count { buffer += [UInt8](repeating: 0, count: previous.count - buffer.count) }
                        from = 0
                        stop = held
                    }
                }
                guard let stop, stop >= resync.parserStart else { going = false; break chunk }
                resync.abandon(parser, at: fatal, collector: collector)
                // Past where this parser began, at least: a parser that fails at once is not started there again.
                resync.seekFrom = max(stop, resync.parserStart + 1)
                keep = 0
            }
            if last { going = false }
            let passed = total - keep
            previousCount = passed
            previousOffset = bufferOffset
            previousLine = bufferLine
            previousCharacters = lineCharacters
            let parserHere = resync.parserStart >= bufferOffset && resync.parserStart <= bufferOffset + passed && resync.parserOpening > 0
            let anchor = parserHere ? resync.parserStart - bufferOffset : 0
            if let lf = buffer[anchor..<passed].lastIndex(of: 0x0A) {
                lineCharacters = countCharacters(buffer[(lf + 1)..<passed])
            } else {
                lineCharacters = (parserHere ? resync.openingTail : lineCharacters) + countCharacters(buffer[anchor..<passed])
            }
            bufferLine += Self.lineEnds(in: buffer[0..<passed])
            bufferOffset += passed
            swap(&buffer, &previous)
            if buffer.count < previous.count { buffer = [UInt8](repeating: 0, count: previous.count) }
            if keep > 0 {
                previous.withUnsafeBytes { from in
                    buffer.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: from[passed..<total])) }
                }
            }
            carried = keep
            try collector.drain(emit)
            if let error = collector.stopError { throw error }
        }
        if let repair, let first = repair.firstReplaced {
            try emit(.diagnostic(Diagnostic(.warning, at: RecordOrigin(file: input.name, byteOffset: first),
                "\(repair.replaced) bytes of invalid UTF-8 (the first here) were read as Windows-1252")))
        }
        for event in resync.diagnostics(file: input.name) { try emit(event) }
        if resync.seekFrom != nil {
            // The last error had no record after it: the parser that stopped there said all there is to say.
            try collector.drain(emit)
            return
        }
        for problem in parser.problems {
            try emit(.diagnostic(Diagnostic(.warning, at: RecordOrigin(file: input.name, line: problem.line), problem.message)))
        }
        for problem in parser.recovered {
            try emit(.diagnostic(Diagnostic(.error, at: RecordOrigin(file: input.name, line: problem.line),
                "malformed XML (\(problem.message)); a record around it is rejected, reading went on after it")))
        }
        // A record still open here was cut off: by the end of the input, or where libxml2 gave up.
        if let open = parser.fatalProblem ?? parser.recovered.last {
            collector.rejectOpenRecord(open)
        } else {
            collector.rejectOpenRecord(XMLProblem(line: parser.line, message: "the document ends inside this record", fatal: true))
        }
        try collector.drain(emit)
        if let fatal = parser.fatalProblem {
            try emit(.diagnostic(Diagnostic(.error, at: RecordOrigin(file: input.name, line: fatal.line),
                "malformed XML (\(fatal.message)); the records before line \(fatal.line) were read, the rest of the file was not")))
        }
    }

    /// Where in the input libxml2 stopped at `problem` (its line, and its column in characters as the parser counts
    /// them), nil when that cannot be told from `buffer`. `anchor` is a place in the buffer whose line and count of
    /// characters already on that line are known: the buffer's start, or where the current parser began.
    static func position(of problem: XMLProblem, in buffer: ArraySlice<UInt8>, bufferOffset: Int,
                         anchor: (index: Int, line: Int, characters: Int), bytesAreCharacters: Bool = false) -> Int? {
        guard problem.column > 0, problem.line >= anchor.line else { return nil }
        var start = anchor.index
        var characters = problem.column - 1
        if problem.line == anchor.line {
            characters -= anchor.characters
            // Before the anchor: everything from the anchor on comes after the error.
            if characters < 0 { return bufferOffset + anchor.index }
        } else {
            var line = anchor.line
            while line < problem.line {
                guard let lf = buffer[start...].firstIndex(of: 0x0A) else { return nil }
                start = lf + 1
                line += 1
            }
        }
        if bytesAreCharacters { return bufferOffset + min(start + characters, buffer.endIndex) }
        // Characters as the parser saw them: a byte of invalid UTF-8 was repaired into one.
        let i = buffer[start...].withUnsafeBytes { raw in
            var i = 0
            while characters > 0, i < raw.count {
                i += max(utf8SequenceLength(raw, at: i), 1)
                characters -= 1
            }
            return i
        }
        return bufferOffset + start + i
    }

    /// How many characters `bytes` hold as the parser reads them: UTF-8 lead bytes, and, when they may hold invalid
    /// UTF-8 (`repaired`), one for each invalid byte.
    static func characters(in bytes: ArraySlice<UInt8>, repaired: Bool = true) -> Int {
        bytes.withUnsafeBytes { raw in
            if repaired, !isValidUTF8(raw) { return UTF8Repair.characters(in: raw) }
            // Bytes that are not continuation bytes (10xxxxxx), eight at a time: a document on one line passes
            // every chunk here.
            var count = 0, i = 0
            while i + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                count += 8 - (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                i += 8
            }
            while i < raw.count {
                if raw[i] & 0xC0 != 0x80 { count += 1 }
                i += 1
            }
            return count
        }
    }

    /// How many line feeds `bytes` hold.
    static func lineEnds(in bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBytes { lineFeedCount($0) }
    }

    /// The index of the first start tag of a record element (`<entry`, `<atom:entry`, followed by a space, `>` or
    /// `/`) in `bytes`, outside CDATA sections and comments (a review quoting "<entry>"), nil when there is none.
    static func recordStart(named name: String, in bytes: ArraySlice<UInt8>) -> Int? {
        let wanted = Array(name.utf8)
        let cdata = Array("<![CDATA[".utf8), cdataEnd = Array("]]>".utf8), comment = Array("<!--".utf8), commentEnd = Array("-->".utf8)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            guard let lt = bytes[i...].firstIndex(of: UInt8(ascii: "<")) else { return nil }
            for (open, close) in [(cdata, cdataEnd), (comment, commentEnd)] where bytes[lt...].starts(with: open) {
                guard let end = firstRange(of: close, in: bytes[(lt + open.count)...]) else { return nil }
                i = end + close.count
                break
            }
            if i > lt { continue }
            var j = lt + 1
            while j < bytes.endIndex, bytes[j].isXMLNameByte { j += 1 }
            guard j < bytes.endIndex else { return nil }
            let tag = bytes[(lt + 1)..<j]
            let next = bytes[j]
            if next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == UInt8(ascii: ">") || next == UInt8(ascii: "/"),
               tag.elementsEqual(wanted) || !name.contains(":") && tag.count > wanted.count && tag.suffix(wanted.count).elementsEqual(wanted)
                   && tag[tag.endIndex - wanted.count - 1] == UInt8(ascii: ":") {
                return lt
            }
            i = lt + 1
        }
        return nil
    }

    /// The document's bytes through the end of its root element's start tag (declaration, comments and doctype
    /// before it), nil when the root is not in `prefix`, or is itself the record element (nothing to read on to).
    static func documentOpening(_ prefix: [UInt8], recordName: String) -> [UInt8]? {
        var i = 0
        while i < prefix.count {
            guard let lt = prefix[i...].firstIndex(of: UInt8(ascii: "<")), lt + 1 < prefix.count else { return nil }
            let next = prefix[lt + 1]
            if next == UInt8(ascii: "?") || next == UInt8(ascii: "!") {
                // A declaration, processing instruction, comment or doctype: skip to its end.
                let close: [UInt8] = next == UInt8(ascii: "?") ? Array("?>".utf8) : prefix[lt...].starts(with: Array("<!--".utf8)) ? Array("-->".utf8) : Array(">".utf8)
                guard let end = firstRange(of: close, in: prefix[(lt + 2)...]) else { return nil }
                i = end + close.count
                continue
            }
            guard next.isXMLNameByte else { return nil }
            if recordStart(named: recordName, in: prefix[lt...]) == lt { return nil }
            // The start tag ends at the first '>' outside a quoted attribute value.
            var quote: UInt8 = 0
            var j = lt + 1
            while j < prefix.count {
                let b = prefix[j]
                if quote != 0 { if b == quote { quote = 0 } } else if b == 0x22 || b == 0x27 { quote = b } else if b == UInt8(ascii: ">") {
                    return prefix[j - 1] == UInt8(ascii: "/") ? nil : Array(prefix[0...j])
                }
                j += 1
            }
            return nil
        }
        return nil
    }

    /// Where `needle` first starts in `bytes`.
    static func firstRange(of needle: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        while i + needle.count <= bytes.endIndex {
            guard let hit = bytes[i...].firstIndex(of: needle[0]) else { return nil }
            if hit + needle.count <= bytes.endIndex, bytes[hit..<(hit + needle.count)].elementsEqual(needle) { return hit }
            i = hit + 1
        }
        return nil
    }

    /// Whether the document is UTF-8 by the XML rules: no UTF-16 or UTF-32 byte-order mark or zero bytes, and no
    /// other encoding declared.
    static func isUTF8(_ prefix: [UInt8]) -> Bool {
        guard TextEncoding.sniff(prefix).encoding == .utf8, !prefix.prefix(4).contains(0) else { return false }
        guard let value = declaredEncoding(prefix) else { return true }
        return value.hasPrefix("utf-8") || value.hasPrefix("utf8")
    }

    /// Whether the document declares an encoding of one byte per character that libxml2 reads itself (ISO-8859-x,
    /// Windows-125x, ASCII), with no byte-order mark or zero bytes that would say otherwise.
    static func isSingleByte(_ prefix: [UInt8]) -> Bool {
        guard !prefix.prefix(4).contains(0), !prefix.starts(with: [0xFF, 0xFE]), !prefix.starts(with: [0xFE, 0xFF]),
              !prefix.starts(with: [0xEF, 0xBB, 0xBF]), let value = declaredEncoding(prefix)
        else { return false }
        return ["iso-8859-", "iso8859-", "latin1", "latin-1", "windows-125", "cp125", "us-ascii", "ascii"].contains { value.hasPrefix($0) }
    }

    /// The encoding named in the XML declaration, lower-cased; nil when there is none.
    static func declaredEncoding(_ prefix: [UInt8]) -> Substring? {
        let start = prefix.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard prefix[start...].starts(with: Array("<?xml".utf8)) else { return nil }
        let declaration = prefix[start...].prefix(while: { $0 != UInt8(ascii: ">") })
        let text = String(decoding: declaration, as: UTF8.self).lowercased()
        guard let range = text.range(of: "encoding") else { return nil }
        return text[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
    }

    /// The most repeated child of the root in the first bytes (or grandchild, when the root wraps one list).
    static func guessRecordElement(_ prefix: [UInt8], file: String) throws -> String {
        let survey = XMLSurvey()
        let parser = XMLPushParser(fileName: file, handler: survey)
        _ = prefix.withUnsafeBytes { parser.feed($0, last: false) }
        for level in [2, 3] {
            let counts = survey.counts[level] ?? [:]
            if let best = survey.order[level]?.max(by: { counts[$0, default: 0] < counts[$1, default: 0] }), counts[best, default: 0] > 1 {
                return best
            }
        }
        throw IngestError(file: file, "cannot tell which element is one record; name it with --map record=ELEMENT")
    }
}

/// Counts element names by depth, in first-seen order, to guess the record element.
final class XMLSurvey: XMLEventHandler {
    var depth = 0
    var counts: [Int: [String: Int]] = [:]
    var order: [Int: [String]] = [:]

    func startElement(_ name: String, attributes: XMLAttributes) {
        depth += 1
        guard depth <= 3 else { return }
        if counts[depth, default: [:]][name] == nil { order[depth, default: []].append(name) }
        counts[depth, default: [:]][name, default: 0] += 1
    }
    func endElement() { depth -= 1 }
    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}
    func malformed(_ problem: XMLProblem) {}
}

/// Hands the parser's events to an `XMLRecordState`: one exclusive access per event instead of one per field
/// touched (the dynamic exclusivity checks on class properties cost about a tenth of the XML ingest time).
final class XMLRecordCollector: XMLEventHandler {
    var state: XMLRecordState
    /// The parser feeding this collector; cleared after reading to break the cycle between the two.
    var parser: XMLPushParser?

    init(reader: XMLFeedReader, file: String, recordName: String) {
        state = XMLRecordState(reader: reader, file: file, recordName: recordName)
    }

    var stopError: IngestError? { state.stopError }

    func drain(_ emit: (IngestEvent) throws -> Void) throws {
        for event in state.pending { try emit(event) }
        state.pending.removeAll(keepingCapacity: true)
    }

    func rejectOpenRecord(_ problem: XMLProblem) { state.rejectOpenRecord(problem) }

    /// Whether a record element is open.
    var inRecord: Bool { state.inRecord }

    /// Rejects a record no parser could read (its start tag was broken) with the text passed over.
    func rejectUnparsed(_ problem: XMLProblem, raw: String) { state.rejectUnparsed(problem, raw: raw) }

    /// Takes events from a new parser that starts again at the document's opening (see `XMLRecordState.restart`).
    func restart(with parser: XMLPushParser) {
        self.parser = parser
        state.restart()
    }

    func startElement(_ name: String, attributes: XMLAttributes) {
        state.startElement(name, attributes: attributes, parser: parser)
    }

    func endElement() {
        state.endElement()
        if state.stopError != nil { parser?.stop() }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) { state.characters(bytes) }

    func malformed(_ problem: XMLProblem) { state.malformed(problem) }
}

/// Gathers each record element's fields as the parser streams by and turns them into events.
struct XMLRecordState {
    let reader: XMLFeedReader
    let file: String
    let recordName: String
    let isAppStore: Bool
    var stopError: IngestError?

    var pending: [IngestEvent] = []
    private var builder: RecordBuilder?
    private var depth = 0
    private var recordDepth: Int?
    private var skipDepth: Int?
    private var elementIndex = 0
    private var recordLine = 0
    /// The first well-formedness error inside the open record: the record is rejected for it when it ends.
    private var brokenBy: XMLProblem?
    private var frames: [(path: String, textStart: Int, hasChild: Bool)] = []
    private var text: [UInt8] = []
    private var fields: [(name: String, value: String)] = []
    private var columns = ColumnFields()

    init(reader: XMLFeedReader, file: String, recordName: String) {
        self.reader = reader
        self.file = file
        self.recordName = recordName
        isAppStore = reader.format == .appStoreXML
        text.reserveCapacity(16 * 1024)
    }

    private func matchesRecord(_ name: String) -> Bool {
        if name == recordName { return true }
        // `entry` matches `atom:entry`: prefixes vary between producers of the same feed.
        if let colon = name.lastIndex(of: ":"), !recordName.contains(":") { return name[name.index(after: colon)...] == recordName }
        return false
    }

    mutating func startElement(_ name: String, attributes: XMLAttributes, parser: XMLPushParser?) {
        depth += 1
        guard skipDepth == nil else { return }
        guard let recordDepth else {
            guard matchesRecord(name) else { return }
            beginRecord(name, attributes: attributes, parser: parser)
            return
        }
        if brokenBy != nil, matchesRecord(name) {
            // libxml2 recovers from a broken tag by nesting what follows inside it: a record element within a
            // broken record is the next record, not a field of the broken one.
            self.recordDepth = nil
            finishRecord()
            beginRecord(name, attributes: attributes, parser: parser)
            return
        }
        if isAppStore, depth == recordDepth + 1, name == "content", attributes.value(of: "type") == "html" {
            // The feed carries each review twice, as text and as HTML; the text one is the review.
            skipDepth = depth
            return
        }
        frames[frames.count - 1].hasChild = true
        let path = depth == recordDepth + 1 ? name : frames[frames.count - 1].path + "/" + name
        frames.append((path, text.count, false))
        if !attributes.isEmpty { attributes.forEach { fields.append((path + "/@" + $0, $1)) } }
    }

    private mutating func beginRecord(_ name: String, attributes: XMLAttributes, parser: XMLPushParser?) {
        recordDepth = depth
        elementIndex += 1
        recordLine = parser?.line ?? 0
        brokenBy = nil
        fields.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
        frames = [(name, 0, false)]
        attributes.forEach { fields.append(("@" + $0, $1)) }
    }

    mutating func endElement() {
        defer { depth -= 1 }
        if let skip = skipDepth {
            if depth == skip { skipDepth = nil }
            return
        }
        guard let recordDepth else { return }
        let frame = frames.removeLast()
        let own = text[frame.textStart...]
        if !frame.hasChild || own.contains(where: { $0 > 0x20 }) {
            fields.append((frame.path, String(decoding: own, as: UTF8.self)))
        }
        text.removeSubrange(frame.textStart...)
        if depth == recordDepth {
            self.recordDepth = nil
            finishRecord()
        }
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard recordDepth != nil, skipDepth == nil else { return }
        text.append(contentsOf: bytes)
    }

    private var origin: RecordOrigin { RecordOrigin(file: file, line: recordLine, element: elementIndex) }

    private mutating func finishRecord() {
        if let broken = brokenBy {
            brokenBy = nil
            pending.append(.rejected(Rejection(origin: RecordOrigin(file: file, line: broken.line, element: elementIndex),
                                               reason: "malformed XML: \(broken.message)", raw: Self.rawText(fields))))
            return
        }
        if isAppStore, elementIndex == 1, !fields.contains(where: { $0.name == "im:rating" || $0.name == "content" }) {
            // The feed's first entry can describe the app itself: not a review, not counted.
            return
        }
        if builder == nil {
            let names = fields.map(\.name)
            do {
                try JSONFieldGuess.checkUserMap(reader.map, against: names, file: file)
            } catch {
                stopError = error as? IngestError
                return
            }
            let map = isAppStore
                ? XMLFeedReader.appStoreMap.overlaid(by: reader.map)
                : JSONFieldGuess.map(forNames: names, user: reader.map)
            builder = RecordBuilder(format: reader.format, source: file, map: map)
        }
        let fields = self.fields
        switch builder!.build(fields: fields, columns: &columns, origin: origin, raw: Self.rawText(fields)) {
        case .success(let record): pending.append(.record(record))
        case .failure(let rejection): pending.append(.rejected(rejection))
        }
    }

    /// A well-formedness error: the open record, if any, is broken (errors between records only get a diagnostic).
    mutating func malformed(_ problem: XMLProblem) {
        if recordDepth != nil, brokenBy == nil { brokenBy = problem }
    }

    var inRecord: Bool { recordDepth != nil }

    /// Counts and rejects a record whose start tag broke, with the raw text passed over.
    mutating func rejectUnparsed(_ problem: XMLProblem, raw: String) {
        elementIndex += 1
        pending.append(.rejected(Rejection(origin: RecordOrigin(file: file, line: problem.line, element: elementIndex),
                                           reason: "malformed XML: \(problem.message)", raw: raw)))
    }

    /// Forgets the element nesting before a new parser replays the document's opening: the record numbering and the
    /// builder go on.
    mutating func restart() {
        depth = 0
        recordDepth = nil
        skipDepth = nil
        brokenBy = nil
        frames.removeAll()
        text.removeAll(keepingCapacity: true)
    }

    /// The record that was open when the document broke becomes a rejection with what it held so far.
    mutating func rejectOpenRecord(_ problem: XMLProblem) {
        guard recordDepth != nil else { return }
        recordDepth = nil
        let problem = brokenBy ?? problem
        brokenBy = nil
        let at = RecordOrigin(file: file, line: problem.line, element: elementIndex)
        pending.append(.rejected(Rejection(origin: at, reason: "malformed XML: \(problem.message)", raw: Self.rawText(fields))))
    }

    /// A record's fields as one JSON object, for a rejection (the element itself is gone once streamed past).
    static func rawText(_ fields: [(name: String, value: String)]) -> String {
        var w = JSONWriter()
        w.beginObject()
        for (name, value) in fields { w.field(name, value) }
        w.endObject()
        return w.string
    }
}

/// Reading on past errors libxml2 cannot recover from: where the current parser's input begins, the search for the
/// next record's start tag, and what the parsers given up on reported.
struct XMLResync {
    /// Where in the input to look for the next record's start tag; nil while a parser reads.
    var seekFrom: Int?
    /// Where the current parser's input begins in the file, after the `parserOpening` bytes of the document's
    /// opening it was fed first.
    var parserStart = 0
    var parserOpening = 0
    /// The file's line at `parserStart`, and the characters of the opening's last line the parser counted on it.
    var parserStartLine = 1
    var openingTail = 0
    /// Each error read past, with the line reading went on from (nil: no record came after it).
    private var breaks: [(problem: XMLProblem, resumeLine: Int?)] = []
    private var problems: [XMLProblem] = []
    private var recovered: [XMLProblem] = []
    /// Whether a record was open when the last parser stopped (it was rejected then).
    private var stoppedInRecord = false

    /// Gives up `parser`, stopped at `fatal`: keeps what it reported and rejects the record it had open.
    mutating func abandon(_ parser: XMLPushParser, at fatal: XMLProblem, collector: XMLRecordCollector) {
        problems += parser.problems
        recovered += parser.recovered
        stoppedInRecord = collector.inRecord
        collector.rejectOpenRecord(fatal)
        breaks.append((fatal, nil))
    }

    /// The bytes passed over up to the next record's start tag, on `resumeLine`.
    mutating func skipped(_ bytes: ArraySlice<UInt8>, recordName: String, resumeLine: Int, collector: XMLRecordCollector) {
        rejectIfARecordEnds(in: bytes, recordName: recordName, collector: collector)
        breaks[breaks.count - 1].resumeLine = resumeLine
        seekFrom = nil
    }

    /// The bytes passed over up to the end of the input, where no record started again.
    mutating func skippedToEnd(_ bytes: ArraySlice<UInt8>, recordName: String, collector: XMLRecordCollector) {
        rejectIfARecordEnds(in: bytes, recordName: recordName, collector: collector)
    }

    /// When the error broke a record's own start tag, no record was open, yet the text passed over holds the
    /// record's end tag: that record is rejected with the text, so the accounting still counts it.
    private mutating func rejectIfARecordEnds(in bytes: ArraySlice<UInt8>, recordName: String, collector: XMLRecordCollector) {
        guard !stoppedInRecord, let problem = breaks.last?.problem else { return }
        stoppedInRecord = true  // once per error
        let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
        guard text.contains("</" + recordName + ">") || text.contains(":" + recordName + ">") else { return }
        collector.rejectUnparsed(problem, raw: text)
    }

    /// What the parsers given up on reported, and where reading went on after each error.
    func diagnostics(file: String) -> [IngestEvent] {
        var events: [IngestEvent] = problems.map { .diagnostic(Diagnostic(.warning, at: RecordOrigin(file: file, line: $0.line), $0.message)) }
        for problem in recovered {
            events.append(.diagnostic(Diagnostic(.error, at: RecordOrigin(file: file, line: problem.line),
                "malformed XML (\(problem.message)); a record around it is rejected, reading went on after it")))
        }
        for (problem, resumeLine) in breaks {
            let after = resumeLine.map { "reading went on at the next record, line \($0)" } ?? "no record came after it"
            events.append(.diagnostic(Diagnostic(.error, at: RecordOrigin(file: file, line: problem.line),
                "malformed XML (\(problem.message)); the record there is rejected and \(after)")))
        }
        return events
    }
}

extension UInt8 {
    /// A byte of an XML name as the record search reads it: ASCII letters, digits, `_ : . -`, and any byte of a
    /// multi-byte UTF-8 character.
    var isXMLNameByte: Bool {
        self >= 0x80 || isASCIILetter || isASCIIDigit || self == UInt8(ascii: "_") || self == UInt8(ascii: ":")
            || self == UInt8(ascii: ".") || self == UInt8(ascii: "-")
    }
}
