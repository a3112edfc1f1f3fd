/// Renders `report.md`: readable in a terminal and in a pull request.
public enum ReportMarkdown {
    /// How many pain points get a full section; the rest are listed in one line each.
    static let detailed = 10

    public static func render(_ report: AnalysisReport) -> String {
        var md = "# sift report\n\n"
        let o = report.overview
        var when = ""
        if let first = o.firstDate, let last = o.lastDate { when = ", \(UTCDate.day(first)) to \(UTCDate.day(last))" }
        md += "\(o.records) records from \(o.sources.count) input\(o.sources.count == 1 ? "" : "s")\(when)."
        if let run = report.run {
            md += " Run \(run.number) on this state: \(run.newRecords) new records"
            md += run.previousRunAt.map { " since \(UTCDate.day($0))." } ?? "."
        }
        md += "\n\n"
        // A file left out is said at the top: the figures below do not count it.
        let skipped = report.accounts.filter(\.isSkipped)
        if !skipped.isEmpty {
            md += "**\(skipped.count) input\(skipped.count == 1 ? " was" : "s were") skipped** (found in a directory, could not be read; "
                + "not counted below): " + skipped.map { "\(inline($0.file)) (\($0.note ?? "unreadable"))" }.joined(separator: "; ") + ".\n\n"
        }
        if let findings = report.findings {
            md += summary(findings)
            if let surge = findings.surge { md += Self.surge(surge, width: findings.buckets?.width) }
            md += painPoints(findings)
            md += uncovered(findings)
            md += strengths(findings)
            md += roadmap(findings, file: report.roadmapFile)
            if report.run != nil || !findings.resolved.isEmpty { md += resolved(findings) }
        }
        md += accounting(report)
        md += overview(o)
        return md
    }

    static func surge(_ s: Surge, width: TimeBuckets.Width?) -> String {
        let per = width == .week ? "week" : "day"
        var md = "## Unhappy feedback rose from \(UTCDate.day(s.start))\n\n"
        md += "Negative feedback went from \(JSONWriter.format(s.rateBefore, digits: 1)) to "
        md += "\(JSONWriter.format(s.rateAfter, digits: 1)) records a \(per) "
        md += "(\(Int((s.negativeShareBefore * 100).rounded())) % → \(Int((s.negativeShareAfter * 100).rounded())) % of all feedback)"
        if !s.versionsAfter.isEmpty {
            md += "; after it, most is about version " + s.versionsAfter.map { "\(inline($0.version)) (\(Int(($0.share * 100).rounded())) %)" }.joined(separator: ", ")
        }
        md += ".\n\n"
        if !s.risingTerms.isEmpty {
            md += "What it is about — words the unhappy feedback uses far more since then (records before → after):\n\n"
            for t in s.risingTerms { md += "- **\(inline(t.term))** \(t.before) → \(t.after)\n" }
            md += "\n"
        }
        for q in s.quotes { md += "> \(inline(q.text))\n>\n" }
        if !s.quotes.isEmpty { md += "\n" }
        return md
    }

    static func summary(_ f: PainPointReport) -> String {
        let spikes = f.painPoints.filter { $0.spike != nil }.count
        var parts = ["\(f.painPoints.count) pain point\(f.painPoints.count == 1 ? "" : "s")"]
        if !f.evidence.isEmpty { parts.append("\(f.uncovered.count) not covered by the roadmap") }
        if spikes > 0 { parts.append("\(spikes) spiking") }
        parts.append("\(f.strengths.count) strength\(f.strengths.count == 1 ? "" : "s")")
        return parts.joined(separator: " · ") + ".\n\n"
    }

    // MARK: Pain points

    static func painPoints(_ f: PainPointReport) -> String {
        var md = "## Top pain points\n\n"
        guard !f.painPoints.isEmpty else { return md + "No theme is mostly problems.\n\n" }
        for (index, p) in f.painPoints.prefix(detailed).enumerated() {
            md += "### \(index + 1). \(inline(p.label)) — priority \(fixed(p.priority.value, 1))\n\n"
            var facts = "- **\(p.records) records** (\(percent(p.share)) of feedback), \(percent(p.negativeShare)) negative"
            if let rating = p.meanRating { facts += ", mean \(fixed(rating, 1))★" }
            if let status = p.status { facts += ", **\(status.rawValue)** since the last run" }
            md += facts + "\n"
            md += "- Trend: \(trend(p))\n"
            if let version = p.emergedAfterVersion { md += "- Appeared or grew after version **\(inline(version))**\n" }
            if p.links.isEmpty {
                md += "- Roadmap: **uncovered** — no item addresses it\n"
            } else {
                let links = p.links.prefix(3).map { l in
                    "\(inline(l.itemID)) (confidence \(fixed(l.confidence, 2)); matched \(l.matchedTerms.map(inline).joined(separator: ", ")))"
                }
                md += "- Roadmap: " + links.joined(separator: "; ") + "\n"
            }
            md += "\n" + components(p.priority)
            for q in p.quotes.prefix(2) { md += quote(q) }
        }
        if f.painPoints.count > detailed {
            md += "Also: " + f.painPoints.dropFirst(detailed).map { "\(inline($0.label)) (\(fixed($0.priority.value, 1)))" }.joined(separator: " · ") + "\n\n"
        }
        return md
    }

    /// The priority as a table of its components, so a reader sees why it ranks where it does.
    static func components(_ priority: Priority) -> String {
        var md = "| component | measured | score | weight | points |\n|---|---:|---:|---:|---:|\n"
        for c in priority.components {
            md += "| \(c.name.replacingOccurrences(of: "_", with: " ")) | \(measured(c)) | \(fixed(c.score, 2)) | \(fixed(c.weight, 2)) | \(fixed(100 * c.contribution, 1)) |\n"
        }
        return md + "\n"
    }

    /// A component's measured value in the words of its unit.
    static func measured(_ c: PriorityComponent) -> String {
        switch c.name {
        case "volume", "negativity": percent(c.value)
        case "trend": "×\(fixed(c.value, 2))"
        case "severity": fixed(c.value, 2)
        case "reach": fixed(c.value, 0)
        case "rating_impact": "+\(fixed(c.value, 2))★"
        case "recency": "\(fixed(c.value, 0)) days"
        default: "\(fixed(c.value, 2)) \(cell(c.unit))"
        }
    }

    static func trend(_ p: PainPoint) -> String {
        var s = "\(arrow(p.growth)) ×\(fixed(p.growth, 2)) recent share against the window before"
        if let spike = p.spike {
            s += "; **spike** from \(UTCDate.day(spike.start)) (\(spike.count) in a bucket against a baseline of \(fixed(spike.baseline, 1)), \(fixed(spike.shareRatio, 1))× its usual share)"
        }
        return s
    }

    static func arrow(_ growth: Double) -> String { ReportFormat.arrow(growth) }

    static func quote(_ q: Quote) -> String {
        var source: [String] = []
        if let r = q.rating { source.append("\(fixed(r, 0))★") }
        if let d = q.date { source.append(UTCDate.day(d)) }
        source.append("record \(inline(q.recordID))")
        return "> \(inline(clip(q.text, 280)))\n> — \(source.joined(separator: ", "))\n\n"
    }

    // MARK: Other sections

    static func uncovered(_ f: PainPointReport) -> String {
        var md = "## Uncovered pain points\n\n"
        let list = f.uncovered
        if f.evidence.isEmpty, list.count == f.painPoints.count, !list.isEmpty {
            md += "No roadmap was given (`--roadmap`), so every pain point is uncovered.\n\n"
        }
        guard !list.isEmpty else { return md + "Every pain point has a roadmap item.\n\n" }
        let ranks = Dictionary(uniqueKeysWithValues: f.painPoints.enumerated().map { ($0.element.id, $0.offset + 1) })
        for p in list {
            var line = "- **\(inline(p.label))** — rank \(ranks[p.id] ?? 0), priority \(fixed(p.priority.value, 1)), \(p.records) records (\(percent(p.share))), \(arrow(p.growth)) ×\(fixed(p.growth, 2))"
            if p.spike != nil { line += ", spiking" }
            if let v = p.emergedAfterVersion { line += ", after \(inline(v))" }
            md += line + "\n"
        }
        return md + "\n"
    }

    static func strengths(_ f: PainPointReport) -> String {
        var md = "## Strengths\n\n"
        guard !f.strengths.isEmpty else { return md + "No theme is mostly praise.\n\n" }
        for p in f.strengths {
            var line = "- **\(inline(p.label))** — \(p.records) records (\(percent(p.share)))"
            if let r = p.meanRating { line += ", mean \(fixed(r, 1))★" }
            if let q = p.quotes.first { line += ": “\(inline(clip(q.text, 120)))”" }
            md += line + "\n"
        }
        if !f.mixed.isEmpty {
            md += "\nMixed (as much praise as complaint): " + f.mixed.map { "\(inline($0.label)) (\($0.records))" }.joined(separator: " · ") + "\n"
        }
        return md + "\n"
    }

    static func roadmap(_ f: PainPointReport, file: String?) -> String {
        var md = "## Roadmap coverage\n\n"
        guard !f.evidence.isEmpty else {
            return md + (file == nil ? "No roadmap given; pass one with `--roadmap FILE`.\n\n" : "The roadmap has no items.\n\n")
        }
        if let file { md += "From `\(file.replacingOccurrences(of: "`", with: "'"))`.\n\n" }
        let labels = Dictionary(uniqueKeysWithValues: f.painPoints.map { ($0.id, $0.label) })
        md += "| item | status | target | feedback behind it |\n|---|---|---|---|\n"
        for e in f.evidence {
            let item = e.item
            let title = "\(inline(item.id)) \(inline(item.title))"
            var evidence = "nobody asks for this"
            if !e.isUnasked {
                evidence = "\(e.records) records"
                if let c = e.meanCompound { evidence += ", sentiment \(fixed(c, 2))" }
                evidence += ", " + severityText(e.severity)
                evidence += "; " + e.painPoints.map { inline(labels[$0] ?? $0) }.joined(separator: ", ")
            }
            md += "| \(title) | \(inline(item.status ?? "")) | \(inline(item.target ?? "")) | \(evidence) |\n"
        }
        return md + "\n"
    }

    static func severityText(_ counts: [Severity: Int]) -> String {
        let parts = Severity.allCases.reversed().filter { $0 != .none && (counts[$0] ?? 0) > 0 }.map { "\(counts[$0]!) \($0.rawValue)" }
        return parts.isEmpty ? "no severe reports" : parts.joined(separator: " / ")
    }

    static func resolved(_ f: PainPointReport) -> String {
        var md = "## Resolved since last run\n\n"
        guard !f.resolved.isEmpty else { return md + "Every pain point of the last run is still reported.\n\n" }
        for theme in f.resolved { md += "- \(inline(theme.label)) (had \(theme.count) records)\n" }
        return md + "\n"
    }

    static func accounting(_ report: AnalysisReport) -> String {
        var md = "## Record accounting\n\n| input | format | read | accepted | rejected |\n|---|---|---:|---:|---:|\n"
        for a in report.accounts {
            md += "| \(inline(a.file)) | \(cell(a.formatAndNote)) | \(a.read) | \(a.accepted) | \(a.rejected) |\n"
        }
        md += "| **all** | | **\(report.totalRead)** | **\(report.totalAccepted)** | **\(report.totalRejected)** |\n\n"
        if report.totalRejected > 0 { md += "Rejected records, with file, line and reason, are in `rejects.jsonl`.\n\n" }
        let o = report.overview
        if o.outsideWindow > 0 || o.filteredOut > 0 {
            var parts: [String] = []
            if o.outsideWindow > 0 { parts.append("\(o.outsideWindow) dated before the run's window (`--since`)") }
            if o.filteredOut > 0 { parts.append("\(o.filteredOut) left out by the kind and severity filter (`--kind`, `--min-severity`)") }
            md += "Of the accepted records, \(parts.joined(separator: " and ")) were not analysed further; \(o.records) were.\n\n"
        }
        return md
    }

    static func overview(_ o: Overview) -> String {
        var md = "## Overview\n\n"
        let rated = o.ratingCounts.reduce(0, +)
        if rated > 0 {
            md += "Ratings (\(rated) rated, mean \(JSONWriter.format(o.meanRating ?? 0, digits: 2))★): "
            md += o.ratingCounts.enumerated().map { "\($0.offset + 1)★ \($0.element)" }.joined(separator: " · ") + "\n\n"
        }
        if o.negative + o.neutral + o.positive > 0 {
            md += "Sentiment: \(o.negative) negative · \(o.neutral) neutral · \(o.positive) positive\n\n"
        }
        if !o.languages.isEmpty {
            md += "Languages: " + o.languages.prefix(8).map { "\($0.code) \($0.records)" }.joined(separator: " · ") + "\n\n"
        }
        if !o.kinds.isEmpty {
            md += "Kinds: " + o.kinds.map { "\($0.kind.rawValue) \($0.records)" }.joined(separator: " · ") + "\n\n"
        }
        return md
    }

    // MARK: Text

    /// A table cell: pipes escaped, newlines folded.
    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// User text as literal inline Markdown: one line, with the characters that would start markup, links or
    /// HTML backslash-escaped, so a review can neither format the report nor inject HTML into a rendered page.
    static func inline(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        for ch in s {
            switch ch {
            case "\n", "\r", "\r\n", "\t": out.append(" ")
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&":
                out.append("\\")
                out.append(ch)
            default: out.append(ch)
            }
        }
        return out
    }

    static func fixed(_ d: Double, _ digits: Int) -> String { ReportFormat.fixed(d, digits) }
    static func percent(_ share: Double) -> String { ReportFormat.percent(share) }
    static func clip(_ s: String, _ limit: Int) -> String { ReportFormat.clip(s, limit) }
}
