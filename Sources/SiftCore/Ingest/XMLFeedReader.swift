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
        let parser = XMLPushParser(fileName: input.name, handler: collector)
        collector.parser = parser
        defer { collector.parser = nil }
        var buffer = [UInt8](repeating: 0, count: max(chunkSize, 8))
        // libxml2 stops a UTF-8 document at its first invalid byte: such bytes are read as Windows-1252 instead,
        // as the CSV readers do, so that one bad byte does not cost the rest of the file.
        var repair = Self.isUTF8(try input.prefix(1024)) ? UTF8Repair() : nil
        var carried = 0  // bytes of a sequence split by the chunk end, waiting at the buffer's start
        var going = true
        while going {
            let n = try buffer.withUnsafeMutableBytes { try input.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[carried...])) }
            let total = carried + n, last = n == 0
            var keep = 0
            going = buffer.withUnsafeBytes { raw in
                let bytes = UnsafeRawBufferPointer(rebasing: raw[0..<total])
                guard repair != nil else { return parser.feed(bytes, last: last) }
                keep = last ? 0 : UTF8Repair.incompleteTail(bytes)
                let ready = UnsafeRawBufferPointer(rebasing: bytes[0..<(total - keep)])
                guard let repaired = repair!.repair(ready) else { return parser.feed(ready, last: last) }
                return repaired.withUnsafeBytes { parser.feed($0, last: last) }
            } && !last
            if keep > 0 { buffer.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[(total - keep)..<total])) } }
            carried = keep
            try collector.drain(emit)
            if let error = collector.stopError { throw error }
        }
        if let repair, let first = repair.firstReplaced {
            try emit(.diagnostic(Diagnostic(.warning, at: RecordOrigin(file: input.name, byteOffset: first),
                "\(repair.replaced) bytes of invalid UTF-8 (the first here) were read as Windows-1252")))
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

    /// Whether the document is UTF-8 by the XML rules: no UTF-16 or UTF-32 byte-order mark or zero bytes, and no
    /// other encoding declared.
    static func isUTF8(_ prefix: [UInt8]) -> Bool {
        guard TextEncoding.sniff(prefix).encoding == .utf8, !prefix.prefix(4).contains(0) else { return false }
        let start = prefix.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard prefix[start...].starts(with: Array("<?xml".utf8)) else { return true }
        let declaration = prefix[start...].prefix(while: { $0 != UInt8(ascii: ">") })
        let text = String(decoding: declaration, as: UTF8.self).lowercased()
        guard let range = text.range(of: "encoding") else { return true }
        let value = text[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        return value.hasPrefix("utf-8") || value.hasPrefix("utf8")
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
