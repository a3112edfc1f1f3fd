/// Renders `report.json`: the whole result, versioned, for other tools to load.
///
/// Byte-identical for the same input: no wall-clock time, dictionaries written in key order.
public enum ReportJSON {
    public static func render(_ report: AnalysisReport) -> [UInt8] {
        var json = JSONWriter(reserving: 1 << 16)
        json.beginObject()
        json.field("schema_version", AnalysisReport.schemaVersion)
        json.field("tool", "sift")
        accounting(report, into: &json)
        overview(report.overview, into: &json)

        let findings = report.findings
        json.beginArray(key: "pain_points")
        for (index, p) in (findings?.painPoints ?? []).enumerated() { painPoint(p, rank: index + 1, into: &json) }
        json.endArray()
        json.beginArray(key: "strengths")
        for p in findings?.strengths ?? [] { painPoint(p, rank: nil, into: &json) }
        json.endArray()
        json.beginArray(key: "mixed")
        for p in findings?.mixed ?? [] { painPoint(p, rank: nil, into: &json) }
        json.endArray()
        json.beginArray(key: "uncovered")
        for p in findings?.uncovered ?? [] { json.value(p.id) }
        json.endArray()

        json.key("timeline")
        if let findings, let buckets = findings.buckets {
            json.beginObject()
            json.field("bucket_width", buckets.width.rawValue)
            json.beginArray(key: "buckets")
            for i in 0..<buckets.count {
                json.beginObject()
                json.field("start", UTCDate.day(buckets.bucketStart(i)))
                json.field("records", i < findings.totals.count ? findings.totals[i] : 0)
                json.field("negative", i < findings.negativeTotals.count ? findings.negativeTotals[i] : 0)
                json.endObject()
            }
            json.endArray()
            json.endObject()
        } else {
            json.null()
        }

        json.key("roadmap")
        if report.roadmapFile != nil || !(findings?.evidence.isEmpty ?? true) {
            json.beginObject()
            json.field("file", report.roadmapFile)
            json.beginArray(key: "items")
            for e in findings?.evidence ?? [] { evidence(e, into: &json) }
            json.endArray()
            json.endObject()
        } else {
            json.null()
        }

        json.key("surge")
        if let surge = findings?.surge {
            json.beginObject()
            json.field("start", UTCDate.day(surge.start))
            json.field("negative_per_bucket_before", surge.rateBefore, digits: 2)
            json.field("negative_per_bucket_after", surge.rateAfter, digits: 2)
            json.field("negative_share_before", surge.negativeShareBefore)
            json.field("negative_share_after", surge.negativeShareAfter)
            versions(surge.versionsAfter, key: "versions_after", into: &json)
            json.beginArray(key: "rising_terms")
            for t in surge.risingTerms {
                json.beginObject()
                json.field("term", t.term)
                json.field("before", t.before)
                json.field("after", t.after)
                json.field("z", t.z, digits: 2)
                json.endObject()
            }
            json.endArray()
            quotes(surge.quotes, into: &json)
            json.endObject()
        } else {
            json.null()
        }

        json.beginArray(key: "resolved")
        for theme in findings?.resolved ?? [] {
            json.beginObject()
            json.field("label", theme.label)
            json.beginArray(key: "terms")
            for t in theme.terms { json.value(t) }
            json.endArray()
            json.endObject()
        }
        json.endArray()

        json.key("run")
        if let run = report.run {
            json.beginObject()
            json.field("number", run.number)
            json.field("new_records", run.newRecords)
            json.field("previous_run_at", run.previousRunAt.map(UTCDate.iso8601))
            json.endObject()
        } else {
            json.null()
        }

        let w = report.weights
        json.beginObject(key: "weights")
        // Key order.
        json.field("negativity", w.negativity)
        json.field("rating_impact", w.ratingImpact)
        json.field("reach", w.reach)
        json.field("recency", w.recency)
        json.field("severity", w.severity)
        json.field("trend", w.trend)
        json.field("volume", w.volume)
        json.endObject()

        json.endObject()
        return json.bytes + [UInt8(ascii: "\n")]
    }

    static func accounting(_ report: AnalysisReport, into json: inout JSONWriter) {
        json.beginObject(key: "accounting")
        json.field("read", report.totalRead)
        json.field("accepted", report.totalAccepted)
        json.field("rejected", report.totalRejected)
        json.field("warnings", report.warnings)
        json.field("outside_window", report.overview.outsideWindow)
        json.field("filtered_out", report.overview.filteredOut)
        json.field("analysed", report.overview.records)
        json.beginArray(key: "inputs")
        for a in report.accounts {
            json.beginObject()
            json.field("file", a.file)
            json.field("format", a.format)
            json.field("read", a.read)
            json.field("accepted", a.accepted)
            json.field("rejected", a.rejected)
            if let note = a.note { json.field("note", note) }
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }

    static func overview(_ o: Overview, into json: inout JSONWriter) {
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
    }

    /// One pain point, strength or mixed theme; `rank` only for pain points.
    static func painPoint(_ p: PainPoint, rank: Int?, into json: inout JSONWriter) {
        json.beginObject()
        json.field("id", p.id)
        json.field("rank", rank)
        json.field("label", p.label)
        json.field("nature", p.nature.rawValue)
        json.field("records", p.records)
        json.field("share", p.share)
        json.field("new_records", p.newRecords)
        json.beginObject(key: "priority")
        json.field("value", p.priority.value, digits: 2)
        json.beginArray(key: "components")
        for c in p.priority.components {
            json.beginObject()
            json.field("name", c.name)
            json.field("value", c.value)
            json.field("unit", c.unit)
            // Six digits, so the contributions add up to the value as written.
            json.field("score", c.score, digits: 6)
            json.field("weight", c.weight, digits: 6)
            json.field("contribution", c.contribution, digits: 6)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.field("negative_share", p.negativeShare)
        json.field("mean_compound", p.meanCompound)
        severity(p.severity, into: &json)
        json.beginObject(key: "kinds")
        for (kind, n) in p.kinds.sorted(by: { $0.key.rawValue < $1.key.rawValue }) { json.field(kind.rawValue, n) }
        json.endObject()
        json.field("mean_rating", p.meanRating, digits: 3)
        json.field("rating_with_all", p.ratingWithAll, digits: 3)
        json.field("rating_without", p.ratingWithout, digits: 3)
        json.field("reach", p.reach, digits: 2)
        json.beginArray(key: "timeline")
        for n in p.timeline { json.value(n) }
        json.endArray()
        json.field("growth", p.growth, digits: 3)
        json.key("spike")
        if let s = p.spike {
            json.beginObject()
            json.field("start", UTCDate.day(s.start))
            json.field("count", s.count)
            json.field("baseline", s.baseline, digits: 3)
            json.field("share_ratio", s.shareRatio, digits: 3)
            json.endObject()
        } else {
            json.null()
        }
        versions(p.versions, key: "versions", into: &json)
        json.field("emerged_after_version", p.emergedAfterVersion)
        json.field("first_seen", p.firstSeen.map(UTCDate.iso8601))
        json.field("last_seen", p.lastSeen.map(UTCDate.iso8601))
        json.beginArray(key: "links")
        for l in p.links {
            json.beginObject()
            json.field("item_id", l.itemID)
            json.field("confidence", l.confidence, digits: 3)
            json.beginArray(key: "matched_terms")
            for t in l.matchedTerms { json.value(t) }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.field("covered", p.isCovered)
        quotes(p.quotes, into: &json)
        json.field("status", p.status?.rawValue)
        json.endObject()
    }

    static func evidence(_ e: RoadmapEvidence, into json: inout JSONWriter) {
        let item = e.item
        json.beginObject()
        json.field("id", item.id)
        json.field("title", item.title)
        json.field("status", item.status)
        json.field("target", item.target)
        json.field("owner", item.owner)
        json.field("url", item.url)
        json.beginArray(key: "pain_points")
        for id in e.painPoints { json.value(id) }
        json.endArray()
        json.field("records", e.records)
        json.field("mean_compound", e.meanCompound)
        severity(e.severity, into: &json)
        quotes(e.quotes, into: &json)
        json.field("unasked", e.isUnasked)
        json.endObject()
    }

    /// Every severity, zero included, so the object has one shape; names in key order.
    static func severity(_ counts: [Severity: Int], into json: inout JSONWriter) {
        json.beginObject(key: "severity")
        for s in Severity.allCases.sorted(by: { $0.rawValue < $1.rawValue }) { json.field(s.rawValue, counts[s] ?? 0) }
        json.endObject()
    }

    static func versions(_ versions: [VersionCount], key: String, into json: inout JSONWriter) {
        json.beginArray(key: key)
        for v in versions {
            json.beginObject()
            json.field("version", v.version)
            json.field("records", v.records)
            json.field("share", v.share)
            json.endObject()
        }
        json.endArray()
    }

    static func quotes(_ quotes: [Quote], into json: inout JSONWriter) {
        json.beginArray(key: "quotes")
        for q in quotes {
            json.beginObject()
            json.field("record_id", q.recordID)
            json.field("text", q.text)
            json.field("rating", q.rating, digits: 2)
            json.field("date", q.date.map(UTCDate.iso8601))
            json.endObject()
        }
        json.endArray()
    }
}
