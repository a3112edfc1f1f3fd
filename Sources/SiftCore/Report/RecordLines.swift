import Foundation

/// The JSON Lines forms of records and rejections (`records.jsonl`, `rejects.jsonl`, `sift ingest`).
public enum RecordLines {
    /// One record as one JSON object; with its analysis when the record has one.
    public static func write(_ record: FeedbackRecord, to json: inout JSONWriter) {
        let block = LineBlock(capacity: record.text.utf8.count * 6 + 1024)
        var names = InputNames()
        withUnsafePointer(to: record) { append(recordAt: $0, to: &block.bytes, names: &names) }
        json.raw(block.bytes.bytes)
    }

    /// Appends the record at `record` as one JSON object, read where it lies, written straight into `out`: the
    /// keys and their order are fixed, so no writer state is kept, and no string is made for an id or a date.
    static func append(recordAt record: UnsafePointer<FeedbackRecord>, to out: inout LineBytes, names: inout InputNames) {
        out.append("{\"id\":")
        if let hash = FeedbackRecord.contentHashOfID(at: record) {
            out.reserve(19)
            out.appendUnchecked(UInt8(ascii: "\""))
            ContentHash.writePrefixedHex(hash, into: UnsafeMutableRawBufferPointer(start: out.end, count: 17))
            out.advance(17)
            out.appendUnchecked(UInt8(ascii: "\""))
        } else {
            out.appendQuoted(record.pointee.id)
        }
        names.append(recordAt: record, to: &out)
        let origin = record.pointee.origin
        if let line = origin.line {
            out.append(",\"line\":")
            out.appendInteger(line)
        }
        if let element = origin.element {
            out.append(",\"element\":")
            out.appendInteger(element)
        }
        if let offset = origin.byteOffset {
            out.append(",\"byte_offset\":")
            out.appendInteger(offset)
        }
        out.append(",\"text\":")
        out.appendQuoted(record.pointee.text)
        out.append(",\"title\":")
        out.appendQuoted(record.pointee.title)
        let (seconds, rating) = FeedbackRecord.dateSecondsAndRating(at: record)
        out.append(",\"rating\":")
        out.appendNumber(rating, digits: 4)
        out.append(",\"score\":")
        out.appendNumber(record.pointee.score, digits: 4)
        out.append(",\"date\":")
        if let seconds {
            let date = Date(timeIntervalSinceReferenceDate: seconds)
            out.reserve(22)
            out.appendUnchecked(UInt8(ascii: "\""))
            if UTCDate.writeISO8601(date, into: out.end) {
                out.advance(20)
            } else {
                var text: [UInt8] = []
                UTCDate.appendISO8601(date, to: &text)
                text.withUnsafeBufferPointer { out.append($0) }
                out.reserve(1)
            }
            out.appendUnchecked(UInt8(ascii: "\""))
        } else {
            out.append("null")
        }
        out.append(",\"author\":")
        out.appendQuoted(record.pointee.author)
        out.append(",\"version\":")
        out.appendQuoted(record.pointee.version)
        out.append(",\"device\":")
        out.appendQuoted(record.pointee.device)
        out.append(",\"country\":")
        out.appendQuoted(record.pointee.country)
        out.append(",\"reach\":")
        out.appendNumber(record.pointee.reach, digits: 4)
        out.append(",\"language\":")
        if let analysis = FeedbackRecord.analysis(at: record) {
            out.appendQuoted(analysis.pointee.language)
            out.append(",\"language_confidence\":")
            out.appendNumber(analysis.pointee.languageConfidence, digits: 3)
            out.append(",\"sentiment\":{\"compound\":")
            out.appendNumber(analysis.pointee.sentiment.compound, digits: 4)
            out.append(",\"positive\":")
            out.appendNumber(analysis.pointee.sentiment.positive, digits: 3)
            out.append(",\"negative\":")
            out.appendNumber(analysis.pointee.sentiment.negative, digits: 3)
            out.append(",\"neutral\":")
            out.appendNumber(analysis.pointee.sentiment.neutral, digits: 3)
            out.append("},\"kinds\":[")
            analysis.pointee.kinds.withUnsafeBufferPointer { kinds in
                for (i, kind) in kinds.enumerated() {
                    out.append(i == 0 ? "{\"kind\":" : ",{\"kind\":")
                    out.appendQuoted(kind.kind.rawValue)
                    out.append(",\"confidence\":")
                    out.appendNumber(kind.confidence, digits: 3)
                    out.append("}")
                }
            }
            out.append("],\"severity\":")
            out.appendQuoted(analysis.pointee.severity.rawValue)
            out.append(",\"side\":")
            out.appendQuoted(analysis.pointee.side.rawValue)
            out.append(",\"theme\":")
            if let theme = analysis.pointee.theme { out.appendInteger(theme) } else { out.append("null") }
            out.append(",\"pain_point\":")
            out.appendQuoted(analysis.pointee.painPoint)
        } else {
            out.appendQuoted(record.pointee.language)
        }
        out.append(",\"extras\":{")
        var first = true
        record.pointee.extras.forEachRaw { name, value in
            if !first { out.append(",") }
            first = false
            out.appendQuoted(name)
            out.append(":")
            out.appendQuoted(value)
        }
        out.append("}}")
    }

    /// The `source` and `format` members of the records of one input, encoded once per run of its records: every
    /// record of an input shares those strings, and retaining them from every core at once was a contended write.
    struct InputNames {
        private var first: UnsafePointer<FeedbackRecord>?
        private var encoded: [UInt8] = []

        mutating func append(recordAt record: UnsafePointer<FeedbackRecord>, to out: inout LineBytes) {
            if first == nil || !FeedbackRecord.sharesInput(first!, record) {
                first = record
                let block = LineBlock(capacity: 256)
                block.bytes.append(",\"source\":")
                block.bytes.appendQuoted(record.pointee.source)
                block.bytes.append(",\"format\":")
                block.bytes.appendQuoted(record.pointee.format)
                encoded = Array(block.bytes.bytes)
            }
            encoded.withUnsafeBufferPointer { out.append($0) }
        }
    }

    /// One rejection as one JSON object: where, why, and the record as it stood.
    public static func write(_ rejection: Rejection, to json: inout JSONWriter) {
        json.beginObject()
        writeOrigin(rejection.origin, to: &json, includeFile: true)
        json.field("reason", rejection.reason)
        json.field("raw", rejection.raw)
        json.endObject()
    }

    private static func writeOrigin(_ origin: RecordOrigin, to json: inout JSONWriter, includeFile: Bool) {
        if includeFile { json.field("file", origin.file) }
        if let line = origin.line { json.field("line", line) }
        if let element = origin.element { json.field("element", element) }
        if let offset = origin.byteOffset { json.field("byte_offset", offset) }
    }
}
