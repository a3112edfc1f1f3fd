/// Reads a JSON document that holds an array of records: a generic export, the App Store customer-reviews
/// feed (`feed.entry`), an App Store Connect `customerReviews` response (`data`) or Typeform responses (`items`).
///
/// The document's bytes are held, but only one record element at a time is parsed into values; everything
/// around the record array is skipped, not built.
public struct JSONDocumentReader: RecordReader {
    public let format: InputFormat
    public let map: FieldMap

    public init(format: InputFormat, map: FieldMap) {
        self.format = format
        self.map = map
    }

    /// The format's own map, which the user's `--map` overrides field by field.
    var defaultMap: FieldMap {
        switch format {
        case .appStoreJSON:
            FieldMap([.id: "id", .title: "title", .text: "content", .rating: "im:rating", .version: "im:version",
                      .author: "author.name", .date: "updated", .reach: "im:voteSum"])
        case .appStoreConnect:
            FieldMap([.id: "id", .text: "attributes.body", .title: "attributes.title", .rating: "attributes.rating",
                      .author: "attributes.reviewerNickname", .date: "attributes.createdDate",
                      .country: "attributes.territory"])
        case .typeformJSON:
            FieldMap([.id: "id", .text: "answer", .date: "submitted_at", .score: "score", .rating: "rating"])
        default:
            FieldMap()
        }
    }

    /// Where the record array sits when the user does not say (`record=path.to.array`).
    var defaultRecordPath: String? {
        switch format {
        case .appStoreJSON: "feed.entry"
        case .appStoreConnect: "data"
        case .typeformJSON: "items"
        default: nil
        }
    }

    public func read(_ input: InputSource, emit: (IngestEvent) throws -> Void) throws {
        let bytes = try input.readAll()
        try bytes.withUnsafeBytes { raw in
            var parser = JSONParser(bytes: raw)
            if raw.count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF { parser.index = 3 }
            var walk = DocumentWalk(reader: self, file: input.name, bytes: raw)
            try walk.run(&parser, emit: emit)
        }
    }

    /// One pass over one document: finds the record array, then parses and maps its elements one by one.
    struct DocumentWalk {
        let reader: JSONDocumentReader
        let file: String
        let bytes: UnsafeRawBufferPointer
        var builder: RecordBuilder?
        var lineCursor = 0
        var line = 1
        var reportedInvalidUTF8 = false
        /// The bytes between the first two records (a comma, a line end, the indentation), when they hold a line
        /// end: after a broken record, `}` + these + `{` marks where the next record starts. Until the second
        /// record, a comma and the bytes between the '[' and the first record stand for them.
        var recordSeparator: [UInt8]?
        /// The keys of the first record read whole: on a document without line ends between records, an object
        /// after a broken record is taken as the next record only when it shares most of them.
        var firstRecordKeys: Set<String>?
        /// How many objects enclose the record array (`{"data":[…]}`: 1): what must close after its `]` for the
        /// document to end there.
        var recordArrayDepth = 0

        init(reader: JSONDocumentReader, file: String, bytes: UnsafeRawBufferPointer) {
            self.reader = reader
            self.file = file
            self.bytes = bytes
        }

        /// The 1-based line of `offset`, counted on from the last call (offsets only grow).
        mutating func lineNumber(at offset: Int) -> Int {
            if offset > lineCursor {
                line += lineFeedCount(UnsafeRawBufferPointer(rebasing: bytes[lineCursor..<offset]))
                lineCursor = offset
            }
            return line
        }

        func stop(_ error: JSONParseError) -> IngestError {
            IngestError(file: file, "not valid JSON: \(error); check that the file is a complete \(reader.format.rawValue) export")
        }

        mutating func run(_ parser: inout JSONParser, emit: (IngestEvent) throws -> Void) throws {
            guard parser.peek() != nil else {
                throw IngestError(file: file, "is empty; expected a JSON document")
            }
            let path = reader.map.record ?? reader.defaultRecordPath
            if let path {
                recordArrayDepth = path.split(separator: ".").count
                do {
                    guard try descend(&parser, path: path) else {
                        if reader.map.record == nil, reader.format == .appStoreJSON {
                            // A feed for an app with no reviews has no `entry` at all.
                            try emit(.diagnostic(Diagnostic(.note, at: RecordOrigin(file: file),
                                "the feed has no '\(path)': no reviews in it")))
                            return
                        }
                        throw IngestError(file: file, "no '\(path)' in the document; name the record array with --map record=PATH")
                    }
                } catch let error as JSONParseError {
                    throw stop(error)
                }
            } else {
                do {
                    guard let depth = try findFirstArrayOfObjects(&parser, depth: 0) else {
                        throw IngestError(file: file, "no array of objects in the document; name it with --map record=PATH")
                    }
                    recordArrayDepth = depth
                } catch let error as JSONParseError {
                    throw stop(error)
                }
            }
            try readRecords(&parser, emit: emit)
        }

        /// Moves `parser` to the value at the dotted `path` of object keys; false when a step is missing.
        func descend(_ parser: inout JSONParser, path: String) throws -> Bool {
            for step in path.split(separator: ".") {
                guard parser.peek() == UInt8(ascii: "{") else { return false }
                parser.index += 1
                var found = false
                while let next = parser.peek(), next != UInt8(ascii: "}") {
                    if next == UInt8(ascii: ",") { parser.index += 1; continue }
                    guard next == UInt8(ascii: "\"") else { throw parser.error("expected a key string") }
                    let key = try parser.parseString()
                    try parser.expect(UInt8(ascii: ":"), "':' after a key")
                    if key == step { found = true; break }
                    try parser.skipValue()
                }
                if !found { return false }
            }
            return true
        }

        /// Moves `parser` to the first array whose first item is an object, depth first in document order; the
        /// number of objects around it, nil when there is none.
        func findFirstArrayOfObjects(_ parser: inout JSONParser, depth: Int) throws -> Int? {
            guard let first = parser.peek() else { return nil }
            guard depth < 64 else {
                // Too deep to hold the records: pass over it whole, or the caller would resume inside it.
                try parser.skipValue()
                return nil
            }
            if first == UInt8(ascii: "[") {
                let start = parser.index
                parser.index += 1
                if parser.peek() == UInt8(ascii: "{") {
                    parser.index = start
                    return depth
                }
                parser.index = start
                try parser.skipValue()
                return nil
            }
            guard first == UInt8(ascii: "{") else {
                try parser.skipValue()
                return nil
            }
            parser.index += 1
            while let next = parser.peek(), next != UInt8(ascii: "}") {
                if next == UInt8(ascii: ",") { parser.index += 1; continue }
                guard next == UInt8(ascii: "\"") else { throw parser.error("expected a key string") }
                _ = try parser.parseString()
                try parser.expect(UInt8(ascii: ":"), "':' after a key")
                if let found = try findFirstArrayOfObjects(&parser, depth: depth + 1) { return found }
            }
            if parser.peek() == UInt8(ascii: "}") { parser.index += 1 }
            return nil
        }

        /// Reads the array (or lone object) at the parser's position, one element at a time.
        mutating func readRecords(_ parser: inout JSONParser, emit: (IngestEvent) throws -> Void) throws {
            guard let first = parser.peek() else { return }
            if first == UInt8(ascii: "{") {
                _ = try element(&parser, index: 1, emit: emit)
                return
            }
            guard first == UInt8(ascii: "[") else {
                throw IngestError(file: file, "the records at '\(reader.map.record ?? reader.defaultRecordPath ?? "top level")' are not an array or an object")
            }
            parser.index += 1
            let arrayStart = parser.index
            var index = 0
            var previousEnd: Int?
            while true {
                guard let next = parser.peek() else {
                    try emit(.diagnostic(Diagnostic(.error, at: RecordOrigin(file: file, line: lineNumber(at: parser.index), byteOffset: parser.index),
                        "the document ends inside the record array; the records before this point were read")))
                    return
                }
                if next == UInt8(ascii: "]") { return }
                if next == UInt8(ascii: ",") { parser.index += 1; continue }
                index += 1
                // Before the second record, the bytes after the first; before the first, a comma and the bytes
                // after the '[' stand for them (exports indent every record alike).
                let between = index == 1 ? [UInt8(ascii: ",")] + Array(UnsafeRawBufferPointer(rebasing: bytes[arrayStart..<parser.index]))
                    : index == 2 && previousEnd != nil ? Array(UnsafeRawBufferPointer(rebasing: bytes[previousEnd!..<parser.index])) : nil
                if let between { recordSeparator = between.contains(UInt8(ascii: "\n")) ? between : nil }
                guard try element(&parser, index: index, emit: emit) else { return }
                previousEnd = parser.index
            }
        }

        /// Parses and maps one element; false when the document is broken here and reading must stop.
        mutating func element(_ parser: inout JSONParser, index: Int, emit: (IngestEvent) throws -> Void) throws -> Bool {
            let start = parser.index
            let origin = RecordOrigin(file: file, line: lineNumber(at: start), element: index, byteOffset: start)
            let value: JSONValue
            do {
                value = try parser.parseValue()
            } catch {
                let breakOffset = max(start, error.offset)
                let brokenKeys = topLevelKeys(at: start)
                if let next = nextRecordStart(after: start, like: brokenKeys) ?? nextRecordStartByKeys(after: breakOffset)
                    ?? (firstRecordKeys == nil ? nextRecordStartByRun(after: breakOffset, like: brokenKeys) : nil) {
                    // The broken record ends where the next one begins: it goes to the rejects whole, and
                    // reading goes on.
                    let raw = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<next]), as: UTF8.self)
                    try emit(.rejected(Rejection(origin: origin, reason: "invalid JSON: \(error)", raw: raw)))
                    parser.index = next
                    return true
                }
                let end = min(bytes.count, max(error.offset, start) + 1)
                let raw = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<min(end, start + 4096)]), as: UTF8.self)
                try emit(.rejected(Rejection(origin: origin, reason: "invalid JSON: \(error)", raw: raw)))
                try emit(.diagnostic(Diagnostic(.error, at: RecordOrigin(file: file, line: lineNumber(at: error.offset), byteOffset: error.offset),
                    "the document is broken here (\(error.message)); the \(bytes.count - error.offset) bytes after it were not read")))
                return false
            }
            if parser.sawInvalidUTF8, !reportedInvalidUTF8 {
                reportedInvalidUTF8 = true
                try emit(.diagnostic(Diagnostic(.warning, at: origin,
                    "invalid UTF-8 in a string was replaced with U+FFFD (this and any later elements)")))
            }
            guard case .object(let members) = value else {
                try emit(.rejected(Rejection(origin: origin, reason: "a record must be a JSON object", raw: value.jsonText)))
                return true
            }
            if firstRecordKeys == nil { firstRecordKeys = Set(members.map(\.key)) }
            switch reader.format {
            case .typeformJSON:
                try typeformResponse(value, origin: origin, emit: emit)
            case .appStoreJSON:
                let fields = Self.appStoreFields(value)
                if index == 1, !fields.contains(where: { $0.name == "im:rating" || $0.name == "content" }) {
                    // The feed's first entry can describe the app itself: not a review, not counted.
                    return true
                }
                try build(fields, origin: origin, raw: value, emit: emit)
            default:
                var fields: [(name: String, value: String)] = []
                value.flatten(into: &fields)
                try build(fields, origin: origin, raw: value, emit: emit)
            }
            return true
        }

        /// Where the record after a broken one ends (just after its `}`), found by the separator the first records
        /// had and by its keys (`brokenKeys`, see `resembles`): an array after the record array can be indented alike
        /// (the App Store feed's `link` list). Nil for a document on one line, where `},{` also joins objects nested
        /// inside a record.
        func nextRecordStart(after start: Int, like brokenKeys: Set<String>) -> Int? {
            guard let separator = recordSeparator else { return nil }
            let pattern = [UInt8(ascii: "}")] + separator + [UInt8(ascii: "{")]
            var i = start + 1
            let last = bytes.count - pattern.count
            while i <= last {
                guard let hit = memchr(bytes.baseAddress! + i, 0x7D, last - i + 1) else { return nil }
                i = UnsafeRawPointer(hit) - bytes.baseAddress!
                if pattern.indices.allSatisfy({ bytes[i + $0] == pattern[$0] }),
                   resembles(at: i + pattern.count - 1, brokenKeys) { return i + 1 }
                i += 1
            }
            return nil
        }

        /// Where the record after a broken one starts in a document with no line ends between records (a one-line
        /// API response): the first `{` after the break that follows a comma, parses as a whole object followed by
        /// `,` or `]`, and shares at least half of the first record's keys — an object nested inside a record
        /// (`"answers":[{…},{…}]`) has keys of its own. Nil before any record was read whole.
        func nextRecordStartByKeys(after offset: Int) -> Int? {
            guard let keys = firstRecordKeys, !keys.isEmpty else { return nil }
            var i = offset + 1
            while let k = objectAfterComma(from: i, after: offset) {
                i = k + 1
                var probe = JSONParser(bytes: bytes, index: k)
                guard case .object(let members)? = try? probe.parseValue(),
                      let after = probe.peek(), after == UInt8(ascii: ",") || after == UInt8(ascii: "]")
                else { continue }
                let shared = members.reduce(0) { $0 + (keys.contains($1.key) ? 1 : 0) }
                if shared * 2 >= keys.count { return k }
            }
            return nil
        }

        /// Where the record after a broken one starts in a one-line document before any record was read whole (no keys
        /// to compare yet): the first `{` after the break that follows a comma, parses as a whole object and begins a
        /// run of comma-separated elements that either meets another broken object or closes the record array where
        /// the document can end. An array of objects nested in the broken record fails that test: after its `]` the
        /// record is still open, so the document cannot end there.
        func nextRecordStartByRun(after offset: Int, like brokenKeys: Set<String>) -> Int? {
            var i = offset + 1
            candidates: while let k = objectAfterComma(from: i, after: offset) {
                i = k + 1
                var probe = JSONParser(bytes: bytes, index: k)
                guard (try? probe.skipValue()) != nil, resembles(at: k, brokenKeys) else { continue }
                while true {
                    switch probe.peek() {
                    case UInt8(ascii: ",")?:
                        probe.index += 1
                        let element = probe.peek()
                        guard (try? probe.skipValue()) != nil else {
                            // Another broken record: the run is records as far as it goes.
                            if element == UInt8(ascii: "{") { return k }
                            continue candidates
                        }
                    case UInt8(ascii: "]")?:
                        probe.index += 1
                        let arrayEnd = probe.index
                        if documentEnds(&probe) { return k }
                        // An array inside the broken record: the next record starts after it, if anywhere.
                        i = arrayEnd
                        continue candidates
                    default:
                        continue candidates
                    }
                }
            }
            return nil
        }

        /// The first `{` at or after `start` that follows a comma (white space between) lying after `offset`: where an
        /// element of the record array may begin, as the resyncs of a one-line document look for it.
        func objectAfterComma(from start: Int, after offset: Int) -> Int? {
            guard let base = bytes.baseAddress else { return nil }
            var i = start
            while i < bytes.count, let hit = memchr(base + i, 0x7B, bytes.count - i) {
                let k = UnsafeRawPointer(hit) - base
                i = k + 1
                var j = k - 1
                while j > 0, JSONParser.isWhitespace(bytes[j]) { j -= 1 }
                if j > offset, bytes[j] == UInt8(ascii: ",") { return k }
            }
            return nil
        }

        /// The keys of the object at `offset` whose values parse whole, up to its end or its first break.
        func topLevelKeys(at offset: Int) -> Set<String> {
            var parser = JSONParser(bytes: bytes, index: offset)
            var keys: Set<String> = []
            guard parser.peek() == UInt8(ascii: "{") else { return keys }
            parser.index += 1
            while let next = parser.peek(), next != UInt8(ascii: "}") {
                if next == UInt8(ascii: ",") { parser.index += 1; continue }
                guard next == UInt8(ascii: "\""), let key = try? parser.parseString(),
                      (try? parser.expect(UInt8(ascii: ":"), "':' after a key")) != nil, (try? parser.skipValue()) != nil
                else { break }
                keys.insert(key)
            }
            return keys
        }

        /// Whether the object at `offset` may be a record like the broken one whose keys before its break were
        /// `brokenKeys`: it shares at least half of them, or of its own (it may be broken early itself). With no keys
        /// on either side to compare, it may.
        func resembles(at offset: Int, _ brokenKeys: Set<String>) -> Bool {
            guard !brokenKeys.isEmpty else { return true }
            let keys = topLevelKeys(at: offset)
            guard !keys.isEmpty else { return true }
            return keys.intersection(brokenKeys).count * 2 >= min(keys.count, brokenKeys.count)
        }

        /// Whether the document can end after the record array's `]` at `parser`: the objects around the array close,
        /// with only members between, and nothing but white space follows.
        func documentEnds(_ parser: inout JSONParser) -> Bool {
            for _ in 0..<recordArrayDepth {
                members: while true {
                    switch parser.peek() {
                    case UInt8(ascii: "}")?:
                        parser.index += 1
                        break members
                    case UInt8(ascii: ",")?:
                        parser.index += 1
                        guard parser.peek() == UInt8(ascii: "\""), (try? parser.skipValue()) != nil,
                              (try? parser.expect(UInt8(ascii: ":"), "':' after a key")) != nil,
                              (try? parser.skipValue()) != nil
                        else { return false }
                    default:
                        return false
                    }
                }
            }
            return parser.peek() == nil
        }

        mutating func build(_ fields: [(name: String, value: String)], origin: RecordOrigin, raw: JSONValue,
                            emit: (IngestEvent) throws -> Void) throws {
            if builder == nil {
                let names = fields.map(\.name)
                try JSONFieldGuess.checkUserMap(reader.map, against: names, file: file)
                let map = reader.format == .json
                    ? JSONFieldGuess.map(forNames: names, user: reader.map)
                    : reader.defaultMap.overlaid(by: reader.map)
                builder = RecordBuilder(format: reader.format, source: file, map: map)
            }
            switch builder!.build(fields: fields, origin: origin, raw: raw.jsonText) {
            case .success(let record): try emit(.record(record))
            case .failure(let rejection): try emit(.rejected(rejection))
            }
        }

        /// An App Store feed entry's fields: `{"label": x}` wrappers unwrapped, attributes as `name.attribute`,
        /// and of the `content` twins only the plain-text one.
        static func appStoreFields(_ entry: JSONValue) -> [(name: String, value: String)] {
            var fields: [(name: String, value: String)] = []
            guard case .object(let members) = entry else { return fields }
            for member in members {
                if member.key == "content" {
                    let candidates: [JSONValue]
                    if case .array(let items) = member.value { candidates = items } else { candidates = [member.value] }
                    if let text = candidates.first(where: { ($0.value(atPath: "attributes.type")?.scalarText ?? "text") != "html" }),
                       let label = text["label"]?.scalarText {
                        fields.append(("content", label))
                    }
                    continue
                }
                unwrapLabels(member.value, prefix: member.key, into: &fields)
            }
            return fields
        }

        static func unwrapLabels(_ value: JSONValue, prefix: String, into fields: inout [(name: String, value: String)]) {
            switch value {
            case .object(let members):
                for m in members {
                    switch m.key {
                    case "label":
                        if let text = m.value.scalarText { fields.append((prefix, text)) }
                    case "attributes":
                        m.value.flatten(into: &fields, prefix: prefix)
                    default:
                        unwrapLabels(m.value, prefix: prefix + "." + m.key, into: &fields)
                    }
                }
            case .array(let items):
                for (i, item) in items.enumerated() { unwrapLabels(item, prefix: prefix + "." + String(i + 1), into: &fields) }
            default:
                fields.append((prefix, value.scalarText ?? ""))
            }
        }

        /// One Typeform response: each free-text answer becomes a record; a 0–10 scale answer is its score,
        /// a star rating its rating, every other answer and response field an extra.
        mutating func typeformResponse(_ item: JSONValue, origin: RecordOrigin, emit: (IngestEvent) throws -> Void) throws {
            guard case .object(let members) = item else { return }
            let token = (item["token"] ?? item["response_id"])?.scalarText ?? ""
            var texts: [(fieldID: String, question: String, text: String)] = []
            var shared: [(name: String, value: String)] = []
            var score: String?
            var rating: String?
            for member in members {
                switch member.key {
                case "token", "response_id":
                    continue
                case "answers":
                    guard case .array(let answers) = member.value else { continue }
                    for answer in answers {
                        let fieldType = answer.value(atPath: "field.type")?.scalarText ?? ""
                        let answerType = answer["type"]?.scalarText ?? ""
                        let fieldID = answer.value(atPath: "field.id")?.scalarText ?? ""
                        let question = answer.value(atPath: "field.ref")?.scalarText ?? fieldID
                        if answerType == "text" || fieldType == "long_text" || fieldType == "short_text" {
                            texts.append((fieldID, question, answer["text"]?.scalarText ?? ""))
                        } else if (fieldType == "opinion_scale" || fieldType == "nps"), score == nil,
                                  let n = answer["number"]?.scalarText {
                            score = n
                        } else if fieldType == "rating", rating == nil, let n = answer["number"]?.scalarText,
                                  let stars = Double(n), (1...5).contains(stars) {
                            rating = n
                        } else {
                            shared.append(("answers." + question, Self.answerText(answer, type: answerType)))
                        }
                    }
                default:
                    member.value.flatten(into: &shared, prefix: member.key)
                }
            }
            guard !texts.isEmpty else {
                try emit(.rejected(Rejection(origin: origin, reason: "response \(token) has no free-text answer", raw: item.jsonText)))
                return
            }
            for text in texts {
                var fields: [(name: String, value: String)] = [
                    ("id", token + "/" + text.fieldID), ("answer", text.text), ("question", text.question),
                ]
                if let score { fields.append(("score", score)) }
                if let rating { fields.append(("rating", rating)) }
                fields.append(contentsOf: shared)
                try build(fields, origin: origin, raw: item, emit: emit)
            }
        }

        /// An answer's value as text: a choice's label, several labels joined, a number, a date.
        static func answerText(_ answer: JSONValue, type: String) -> String {
            guard let value = answer[type] else { return "" }
            if let text = value.scalarText { return text }
            if let label = value["label"]?.scalarText { return label }
            if case .array(let labels)? = value["labels"] { return labels.compactMap(\.scalarText).joined(separator: "; ") }
            if case .array(let items) = value { return items.compactMap(\.scalarText).joined(separator: "; ") }
            return value.jsonText
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
