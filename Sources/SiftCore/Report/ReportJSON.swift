/// Renders `report.json`: the whole result, versioned, for other tools to load.
public enum ReportJSON {
    public static func render(_ report: AnalysisReport) -> [UInt8] {
        var json = JSONWriter(reserving: 1 << 16)
        json.beginObject()
        json.field("schema_version", AnalysisReport.schemaVersion)
        json.field("tool", "sift")

        json.beginObject(key: "accounting")
        json.field("read", report.totalRead)
        json.field("accepted", report.totalAccepted)
        json.field("rejected", report.totalRejected)
        json.field("warnings", report.warnings)
        json.beginArray(key: "inputs")
        for a in report.accounts {
            json.beginObject()
            json.field("file", a.file)
            json.field("format", a.format)
            json.field("read", a.read)
            json.field("accepted", a.accepted)
            json.field("rejected", a.rejected)
            json.endObject()
        }
        json.endArray()
        json.endObject()

        let o = report.overview
        json.beginObject(key: "overview")
        json.field("records", o.records)
        json.beginArray(key: "sources")
        for s in o.sources {
            json.beginObject()
            json.field("source", s.source)
            json.field("format", s.format)
            json.field("records", s.records)
            json.endObject()
        }
        json.endArray()
        json.beginObject(key: "ratings")
        for (i, n) in o.ratingCounts.enumerated() { json.field(String(i + 1), n) }
        json.endObject()
        json.field("mean_rating", o.meanRating, digits: 3)
        json.beginObject(key: "dates")
        json.field("first", o.firstDate.map(UTCDate.iso8601))
        json.field("last", o.lastDate.map(UTCDate.iso8601))
        json.field("undated_records", o.undatedRecords)
        json.endObject()
        json.beginObject(key: "languages")
        for l in o.languages { json.field(l.code, l.records) }
        json.endObject()
        json.beginObject(key: "sentiment")
        json.field("negative", o.negative)
        json.field("neutral", o.neutral)
        json.field("positive", o.positive)
        json.endObject()
        json.beginObject(key: "kinds")
        for k in o.kinds { json.field(k.kind.rawValue, k.records) }
        json.endObject()
        json.beginObject(key: "severity")
        for s in o.severities { json.field(s.severity.rawValue, s.records) }
        json.endObject()
        json.endObject()

        json.endObject()
        return json.bytes + [UInt8(ascii: "\n")]
    }
}
