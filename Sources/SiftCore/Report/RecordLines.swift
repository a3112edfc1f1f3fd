/// The JSON Lines forms of records and rejections (`records.jsonl`, `rejects.jsonl`, `sift ingest`).
public enum RecordLines {
    /// The keys every record line has, encoded once.
    private enum Key {
        static let id = JSONKey("id")
        static let source = JSONKey("source")
        static let format = JSONKey("format")
        static let text = JSONKey("text")
        static let title = JSONKey("title")
        static let rating = JSONKey("rating")
        static let score = JSONKey("score")
        static let date = JSONKey("date")
        static let author = JSONKey("author")
        static let version = JSONKey("version")
        static let device = JSONKey("device")
        static let country = JSONKey("country")
        static let reach = JSONKey("reach")
        static let language = JSONKey("language")
        static let extras = JSONKey("extras")
        static let line = JSONKey("line")
        static let element = JSONKey("element")
        static let byteOffset = JSONKey("byte_offset")
        static let languageConfidence = JSONKey("language_confidence")
        static let sentiment = JSONKey("sentiment")
        static let compound = JSONKey("compound")
        static let positive = JSONKey("positive")
        static let negative = JSONKey("negative")
        static let neutral = JSONKey("neutral")
        static let kinds = JSONKey("kinds")
        static let kind = JSONKey("kind")
        static let confidence = JSONKey("confidence")
        static let severity = JSONKey("severity")
        static let theme = JSONKey("theme")
        static let painPoint = JSONKey("pain_point")
    }

    /// One record as one JSON object; with its analysis when the record has one.
    public static func write(_ record: FeedbackRecord, to json: inout JSONWriter) {
        json.beginObject()
        json.field(Key.id, record.id)
        json.field(Key.source, record.source)
        json.field(Key.format, record.format)
        writeOrigin(record.origin, to: &json, includeFile: false)
        json.field(Key.text, record.text)
        json.field(Key.title, record.title)
        json.field(Key.rating, record.rating)
        json.field(Key.score, record.score)
        json.field(Key.date, iso8601: record.date)
        json.field(Key.author, record.author)
        json.field(Key.version, record.version)
        json.field(Key.device, record.device)
        json.field(Key.country, record.country)
        json.field(Key.reach, record.reach)
        if let analysis = record.analysis {
            json.field(Key.language, analysis.language)
            json.field(Key.languageConfidence, analysis.languageConfidence, digits: 3)
            json.key(Key.sentiment)
            json.beginObject()
            json.field(Key.compound, analysis.sentiment.compound)
            json.field(Key.positive, analysis.sentiment.positive, digits: 3)
            json.field(Key.negative, analysis.sentiment.negative, digits: 3)
            json.field(Key.neutral, analysis.sentiment.neutral, digits: 3)
            json.endObject()
            json.key(Key.kinds)
            json.beginArray()
            for kind in analysis.kinds {
                json.beginObject()
                json.field(Key.kind, kind.kind.rawValue)
                json.field(Key.confidence, kind.confidence, digits: 3)
                json.endObject()
            }
            json.endArray()
            json.field(Key.severity, analysis.severity.rawValue)
            json.field(Key.theme, analysis.theme)
            json.field(Key.painPoint, analysis.painPoint)
        } else {
            json.field(Key.language, record.language)
        }
        json.key(Key.extras)
        json.beginObject()
        record.extras.forEachRaw { name, value in
            json.key(name)
            json.value(utf8: value)
        }
        json.endObject()
        json.endObject()
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
        if let line = origin.line { json.field(Key.line, line) }
        if let element = origin.element { json.field(Key.element, element) }
        if let offset = origin.byteOffset { json.field(Key.byteOffset, offset) }
    }
}
