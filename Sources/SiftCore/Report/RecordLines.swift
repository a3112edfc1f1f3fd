/// The JSON Lines forms of records and rejections (`records.jsonl`, `rejects.jsonl`, `sift ingest`).
public enum RecordLines {
    /// One record as one JSON object; with its analysis when the record has one.
    public static func write(_ record: FeedbackRecord, to json: inout JSONWriter) {
        json.beginObject()
        json.field("id", record.id)
        json.field("source", record.source)
        json.field("format", record.format)
        writeOrigin(record.origin, to: &json, includeFile: false)
        json.field("text", record.text)
        json.field("title", record.title)
        json.field("rating", record.rating)
        json.field("score", record.score)
        json.field("date", iso8601: record.date)
        json.field("author", record.author)
        json.field("version", record.version)
        json.field("device", record.device)
        json.field("country", record.country)
        json.field("reach", record.reach)
        if let analysis = record.analysis {
            json.field("language", analysis.language)
            json.field("language_confidence", analysis.languageConfidence, digits: 3)
            json.beginObject(key: "sentiment")
            json.field("compound", analysis.sentiment.compound)
            json.field("positive", analysis.sentiment.positive, digits: 3)
            json.field("negative", analysis.sentiment.negative, digits: 3)
            json.field("neutral", analysis.sentiment.neutral, digits: 3)
            json.endObject()
            json.beginArray(key: "kinds")
            for kind in analysis.kinds {
                json.beginObject()
                json.field("kind", kind.kind.rawValue)
                json.field("confidence", kind.confidence, digits: 3)
                json.endObject()
            }
            json.endArray()
            json.field("severity", analysis.severity.rawValue)
            json.field("theme", analysis.theme)
            json.field("pain_point", analysis.painPoint)
        } else {
            json.field("language", record.language)
        }
        json.beginObject(key: "extras")
        for extra in record.extras { json.field(extra.name, extra.value) }
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
        if let line = origin.line { json.field("line", line) }
        if let element = origin.element { json.field("element", element) }
        if let offset = origin.byteOffset { json.field("byte_offset", offset) }
    }
}
