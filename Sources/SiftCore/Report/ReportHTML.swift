/// Renders `report.html`: one self-contained page a PM can forward — no scripts, no fonts, no network; charts
/// are inline SVG drawn here. Every piece of feedback text goes through `escape`.
public enum ReportHTML {
    /// How many pain points get charts, quotes and a row in the version table.
    static let charted = 6

    public static func render(_ report: AnalysisReport) -> String {
        let o = report.overview
        var html = "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>\(escape(title(report)))</title>\n<style>\(style)</style>\n</head>\n<body>\n<main>\n"
        html += header(report)
        if let f = report.findings {
            if let surge = f.surge { html += Self.surge(surge, width: f.buckets?.width) }
            html += painPoints(f)
            html += volume(f)
            html += sentiment(f)
            html += versions(f)
            html += quotes(f)
            html += uncovered(f)
            html += strengths(f)
            html += roadmap(f, file: report.roadmapFile)
            if report.run != nil || !f.resolved.isEmpty { html += resolved(f) }
        } else {
            html += "<section id=\"pain-points\"><h2>Pain points</h2><p class=\"muted\">No themes were found in this run.</p></section>\n"
        }
        html += footer(report, o)
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    static func title(_ report: AnalysisReport) -> String {
        var t = "sift report — \(report.overview.records) records"
        if let first = report.overview.firstDate, let last = report.overview.lastDate {
            t += ", \(UTCDate.day(first)) to \(UTCDate.day(last))"
        }
        return t
    }

    // MARK: Sections

    static func header(_ report: AnalysisReport) -> String {
        let o = report.overview
        var html = "<header id=\"accounting\">\n<h1>What hurts users most</h1>\n<p class=\"lede\">"
        var lede = ["\(o.records) records"]
        if let first = o.firstDate, let last = o.lastDate { lede.append("\(UTCDate.day(first)) to \(UTCDate.day(last))") }
        lede.append(o.sources.map { escape($0.source) }.joined(separator: ", "))
        if let run = report.run {
            var r = "run \(run.number), \(run.newRecords) new records"
            if let at = run.previousRunAt { r += " since \(UTCDate.day(at))" }
            lede.append(r)
        }
        html += lede.joined(separator: " · ") + "</p>\n<div class=\"tiles\">\n"
        func tile(_ value: String, _ label: String, _ cls: String = "") -> String {
            "<div class=\"tile \(cls)\"><b>\(value)</b><span>\(label)</span></div>\n"
        }
        if let f = report.findings {
            html += tile(String(f.painPoints.count), "pain points")
            if !f.evidence.isEmpty { html += tile(String(f.uncovered.count), "not on the roadmap", f.uncovered.isEmpty ? "" : "alert") }
            let spiking = f.painPoints.filter { $0.spike != nil }.count
            html += tile(String(spiking), "spiking", spiking > 0 ? "alert" : "")
            html += tile(String(f.strengths.count), "strengths")
        }
        let polar = o.negative + o.neutral + o.positive
        if polar > 0 { html += tile(ReportFormat.percent(Double(o.negative) / Double(polar)), "negative") }
        if let mean = o.meanRating { html += tile(ReportFormat.fixed(mean, 2) + "★", "mean rating") }
        html += "</div>\n<table class=\"accounts\"><thead><tr><th>input</th><th>format</th><th class=\"n\">read</th>"
        html += "<th class=\"n\">accepted</th><th class=\"n\">rejected</th></tr></thead><tbody>\n"
        for a in report.accounts {
            html += "<tr><td>\(escape(a.file))</td><td>\(escape(a.formatAndNote))</td><td class=\"n\">\(a.read)</td>"
            html += "<td class=\"n\">\(a.accepted)</td><td class=\"n\">\(a.rejected)</td></tr>\n"
        }
        if report.accounts.count > 1 {
            html += "<tr class=\"total\"><td>all</td><td></td><td class=\"n\">\(report.totalRead)</td>"
            html += "<td class=\"n\">\(report.totalAccepted)</td><td class=\"n\">\(report.totalRejected)</td></tr>\n"
        }
        html += "</tbody></table>\n"
        var note = "Every record read is either accepted or rejected"
        if report.totalRejected > 0 { note += "; rejected ones, with file, line and reason, are in <code>rejects.jsonl</code>" }
        if report.warnings > 0 { note += "; \(report.warnings) warning\(report.warnings == 1 ? "" : "s") cost no record" }
        let skipped = report.accounts.count(where: \.isSkipped)
        if skipped > 0 { note += "; <b>\(skipped) input\(skipped == 1 ? " was" : "s were") skipped</b> (found in a directory, could not be read: see the table)" }
        let left = report.overview
        if left.outsideWindow > 0 { note += "; \(left.outsideWindow) dated before the window were not analysed" }
        if left.filteredOut > 0 { note += "; \(left.filteredOut) left out by the kind and severity filter; \(left.records) analysed" }
        html += "<p class=\"muted small\">\(note).</p>\n</header>\n"
        return html
    }

    static func painPoints(_ f: PainPointReport) -> String {
        var html = "<section id=\"pain-points\">\n<h2>Pain points by priority</h2>\n"
        guard !f.painPoints.isEmpty else { return html + "<p class=\"muted\">No theme is mostly problems.</p></section>\n" }
        html += "<p class=\"muted\">Priority runs from 0 to 100: the weighted sum of seven measured components. "
        html += "Each bar shows how many points each component adds.</p>\n"
        html += legend(f.painPoints[0].priority.components.map(\.name))
        html += "<table class=\"ranked\"><thead><tr><th class=\"n\">#</th><th>pain point</th><th class=\"n\">records</th>"
        html += "<th class=\"n\">trend</th><th>priority</th><th class=\"n\"></th></tr></thead><tbody>\n"
        for (index, p) in f.painPoints.enumerated() {
            html += "<tr><td class=\"n rank\">\(index + 1)</td><td><div class=\"label\">\(escape(p.label))</div>"
            html += "<div class=\"badges\">\(badges(p))</div></td>"
            html += "<td class=\"n\">\(p.records)<div class=\"muted small\">\(ReportFormat.percent(p.share))</div></td>"
            html += "<td class=\"n trend\">\(ReportFormat.arrow(p.growth)) ×\(ReportFormat.fixed(p.growth, 1))</td>"
            html += "<td>\(priorityBar(p.priority))</td><td class=\"n score\">\(ReportFormat.fixed(p.priority.value, 1))</td></tr>\n"
        }
        return html + "</tbody></table>\n</section>\n"
    }

    static func badges(_ p: PainPoint) -> String {
        var out: [String] = []
        if let s = p.spike { out.append("<span class=\"badge spike\">spike from \(UTCDate.day(s.start))</span>") }
        if let status = p.status, status != .steady { out.append("<span class=\"badge status\">\(status.rawValue)</span>") }
        if let v = p.emergedAfterVersion { out.append("<span class=\"badge\">after \(escape(v))</span>") }
        if let l = p.links.first {
            let title = "confidence \(ReportFormat.fixed(l.confidence, 2)); matched: \(l.matchedTerms.joined(separator: ", "))"
            out.append("<span class=\"badge link\" title=\"\(escape(title))\">→ \(escape(l.itemID)) · \(ReportFormat.fixed(l.confidence, 2))</span>")
        } else {
            out.append("<span class=\"badge uncovered\">no roadmap item</span>")
        }
        return out.joined(separator: " ")
    }

    static func volume(_ f: PainPointReport) -> String {
        var html = "<section id=\"volume-over-time\">\n<h2>Theme volume over time</h2>\n"
        guard let buckets = f.buckets else { return html + "<p class=\"muted\">No record has a date.</p></section>\n" }
        html += "<p class=\"muted\">Records per \(buckets.width.rawValue) for the top pain points, each on its own scale; "
        html += "<span class=\"key spike\"></span> marks where a spike starts.</p>\n<div class=\"multiples\">\n"
        for p in f.painPoints.prefix(charted) {
            html += "<figure><figcaption>\(escape(p.label))</figcaption>\(smallMultiple(p, buckets: buckets))</figure>\n"
        }
        return html + "</div>\n</section>\n"
    }

    static func sentiment(_ f: PainPointReport) -> String {
        var html = "<section id=\"sentiment-over-time\">\n<h2>Sentiment over time</h2>\n"
        guard let buckets = f.buckets else { return html + "<p class=\"muted\">No record has a date.</p></section>\n" }
        html += "<p class=\"muted\"><span class=\"key neg\"></span> share of feedback that is negative, per \(buckets.width.rawValue); "
        html += "<span class=\"key vol\"></span> all records; dashed lines mark spikes.</p>\n"
        return html + sentimentChart(f, buckets: buckets) + "</section>\n"
    }

    static func versions(_ f: PainPointReport) -> String {
        var html = "<section id=\"versions\">\n<h2>Pain points by app version</h2>\n"
        let top = Array(f.painPoints.prefix(charted + 2))
        let columns = Array(Set(top.flatMap { $0.versions.map(\.version) }).sorted(by: VersionOrder.less).suffix(8))
        guard !columns.isEmpty else { return html + "<p class=\"muted\">No record names an app version.</p></section>\n" }
        html += "<p class=\"muted\">Share of each version's feedback that falls in the pain point; darker is more. "
        html += "▲ marks the version after which it appeared or grew. Blank: not among its five largest versions.</p>\n"
        let maxShare = top.flatMap { $0.versions.map(\.share) }.max() ?? 1
        html += "<table class=\"heat\"><thead><tr><th>pain point</th>"
        for v in columns { html += "<th class=\"n\">\(escape(v))</th>" }
        html += "</tr></thead><tbody>\n"
        for p in top {
            html += "<tr><td>\(escape(p.label))</td>"
            for v in columns {
                let mark = p.emergedAfterVersion == v ? "<span class=\"emerged\">▲</span> " : ""
                if let c = p.versions.first(where: { $0.version == v }) {
                    let alpha = 0.08 + 0.8 * c.share / max(maxShare, 1e-9)
                    let ink = alpha > 0.5 ? "#fff" : "#1f2328"
                    html += "<td class=\"n\" style=\"background:rgba(192,57,43,\(ReportFormat.fixed(alpha, 2)));color:\(ink)\" "
                    html += "title=\"\(c.records) records\">\(mark)\(ReportFormat.percent(c.share))</td>"
                } else if p.versions.count < 5 {
                    // The list holds every version the theme has: this one has none of its records.
                    html += "<td class=\"n muted\">\(mark)0%</td>"
                } else {
                    html += "<td class=\"n muted\">\(mark)</td>"
                }
            }
            html += "</tr>\n"
        }
        return html + "</tbody></table>\n</section>\n"
    }

    static func quotes(_ f: PainPointReport) -> String {
        var html = "<section id=\"quotes\">\n<h2>In users' words</h2>\n<div class=\"quotes\">\n"
        var any = false
        for p in f.painPoints.prefix(charted) where !p.quotes.isEmpty {
            any = true
            html += "<div class=\"quote-group\"><h3>\(escape(p.label))</h3>\n"
            for q in p.quotes.prefix(2) { html += quote(q) }
            html += "</div>\n"
        }
        if !any { html += "<p class=\"muted\">No quotes.</p>\n" }
        return html + "</div>\n</section>\n"
    }

    static func quote(_ q: Quote) -> String {
        var meta: [String] = []
        if let r = q.rating {
            let stars = max(0, min(5, Int(r.rounded())))
            meta.append("<span class=\"stars\" title=\"\(ReportFormat.fixed(r, 1)) stars\">" + String(repeating: "★", count: stars)
                + "<span class=\"off\">" + String(repeating: "★", count: 5 - stars) + "</span></span>")
        }
        if let d = q.date { meta.append(UTCDate.day(d)) }
        meta.append("record " + escape(q.recordID))
        return "<blockquote><p>\(escape(ReportFormat.clip(q.text, 400)))</p><footer>\(meta.joined(separator: " · "))</footer></blockquote>\n"
    }

    static func uncovered(_ f: PainPointReport) -> String {
        var html = "<section id=\"uncovered\">\n<h2>Uncovered pain points</h2>\n"
        let list = f.uncovered
        guard !list.isEmpty else { return html + "<p class=\"muted\">Every pain point has a roadmap item.</p></section>\n" }
        html += f.evidence.isEmpty
            ? "<p class=\"muted\">No roadmap was given, so no pain point is covered.</p>\n"
            : "<p class=\"muted\">No roadmap item addresses these: the list to take to planning.</p>\n"
        let ranks = Dictionary(uniqueKeysWithValues: f.painPoints.enumerated().map { ($0.element.id, $0.offset + 1) })
        html += "<ol class=\"plain\">\n"
        for p in list {
            html += "<li><span class=\"rank\">#\(ranks[p.id] ?? 0)</span> <b>\(escape(p.label))</b> "
            html += "<span class=\"muted\">priority \(ReportFormat.fixed(p.priority.value, 1)) · \(p.records) records (\(ReportFormat.percent(p.share))) · "
            html += "\(ReportFormat.arrow(p.growth)) ×\(ReportFormat.fixed(p.growth, 1))</span>"
            if p.spike != nil || p.emergedAfterVersion != nil { html += " " + badges(p) }
            html += "</li>\n"
        }
        return html + "</ol>\n</section>\n"
    }

    static func strengths(_ f: PainPointReport) -> String {
        var html = "<section id=\"strengths\">\n<h2>Strengths</h2>\n"
        guard !f.strengths.isEmpty else { return html + "<p class=\"muted\">No theme is mostly praise.</p></section>\n" }
        html += "<ul class=\"plain\">\n"
        for p in f.strengths {
            html += "<li><b>\(escape(p.label))</b> <span class=\"muted\">\(p.records) records (\(ReportFormat.percent(p.share)))"
            if let r = p.meanRating { html += " · mean \(ReportFormat.fixed(r, 1))★" }
            html += "</span>"
            if let q = p.quotes.first { html += "<div class=\"say\">“\(escape(ReportFormat.clip(q.text, 160)))”</div>" }
            html += "</li>\n"
        }
        html += "</ul>\n"
        if !f.mixed.isEmpty {
            html += "<p class=\"muted\">Mixed, as much praise as complaint: "
            html += f.mixed.map { "\(escape($0.label)) (\($0.records))" }.joined(separator: " · ") + "</p>\n"
        }
        return html + "</section>\n"
    }

    static func roadmap(_ f: PainPointReport, file: String?) -> String {
        var html = "<section id=\"roadmap\">\n<h2>Roadmap coverage</h2>\n"
        guard !f.evidence.isEmpty else {
            return html + "<p class=\"muted\">\(file == nil ? "No roadmap was given (<code>--roadmap FILE</code>)." : "The roadmap has no items.")</p></section>\n"
        }
        if let file { html += "<p class=\"muted\">Items of <code>\(escape(file))</code> with the feedback linked to them.</p>\n" }
        let labels = Dictionary(uniqueKeysWithValues: f.painPoints.map { ($0.id, $0.label) })
        html += "<table class=\"roadmap\"><thead><tr><th>item</th><th>status</th><th>target</th><th>feedback behind it</th>"
        html += "<th class=\"n\">records</th><th>sentiment</th><th>severity</th></tr></thead><tbody>\n"
        for e in f.evidence {
            let item = e.item
            var name = "<b>\(escape(item.id))</b> \(escape(item.title))"
            if let url = item.url, isWebLink(url) { name = "<a href=\"\(escape(url))\">\(name)</a>" }
            if let owner = item.owner { name += "<div class=\"muted small\">\(escape(owner))</div>" }
            html += "<tr\(e.isUnasked ? " class=\"unasked\"" : "")><td>\(name)</td>"
            html += "<td>\(item.status.map { "<span class=\"pill\">\(escape($0))</span>" } ?? "")</td>"
            html += "<td>\(escape(item.target ?? ""))</td>"
            if e.isUnasked {
                html += "<td colspan=\"4\" class=\"muted\"><i>Nobody asks for this</i></td></tr>\n"
                continue
            }
            html += "<td>" + e.painPoints.map { escape(labels[$0] ?? $0) }.joined(separator: "<br>") + "</td>"
            html += "<td class=\"n\">\(e.records)</td><td>\(e.meanCompound.map(compoundBar) ?? "")</td>"
            html += "<td>\(severityBar(e.severity))</td></tr>\n"
        }
        return html + "</tbody></table>\n</section>\n"
    }

    static func surge(_ s: Surge, width: TimeBuckets.Width?) -> String {
        let per = width == .week ? "week" : "day"
        var html = "<section id=\"surge\">\n<h2>Unhappy feedback rose from \(UTCDate.day(s.start))</h2>\n<p>"
        html += "Negative feedback went from <b>\(JSONWriter.format(s.rateBefore, digits: 1))</b> to "
        html += "<b>\(JSONWriter.format(s.rateAfter, digits: 1))</b> records a \(per) "
        html += "(\(Int((s.negativeShareBefore * 100).rounded())) % → \(Int((s.negativeShareAfter * 100).rounded())) % of all feedback)"
        if !s.versionsAfter.isEmpty {
            html += "; after it, most is about version " + s.versionsAfter.map { "\(escape($0.version)) (\(Int(($0.share * 100).rounded())) %)" }.joined(separator: ", ")
        }
        html += ".</p>\n"
        if !s.risingTerms.isEmpty {
            html += "<p class=\"muted\">What it is about: words the unhappy feedback uses far more since then (records before → after)</p>\n<ul>\n"
            for t in s.risingTerms { html += "<li><b>\(escape(t.term))</b> <span class=\"muted\">\(t.before) → \(t.after)</span></li>\n" }
            html += "</ul>\n"
        }
        for q in s.quotes { html += "<blockquote>\(escape(q.text))</blockquote>\n" }
        return html + "</section>\n"
    }

    static func resolved(_ f: PainPointReport) -> String {
        var html = "<section id=\"resolved\">\n<h2>Resolved since the last run</h2>\n"
        guard !f.resolved.isEmpty else { return html + "<p class=\"muted\">Every pain point of the last run is still reported.</p></section>\n" }
        html += "<ul class=\"plain\">\n"
        for t in f.resolved { html += "<li><b>\(escape(t.label))</b> <span class=\"muted\">had \(t.count) records</span></li>\n" }
        return html + "</ul>\n</section>\n"
    }

    static func footer(_ report: AnalysisReport, _ o: Overview) -> String {
        let w = report.weights
        let weights = [("volume", w.volume), ("negativity", w.negativity), ("severity", w.severity), ("trend", w.trend),
                       ("reach", w.reach), ("rating impact", w.ratingImpact), ("recency", w.recency)]
        var html = "<footer class=\"page\">Priority weights: "
        html += weights.map { "\($0.0) \(ReportFormat.fixed($0.1, 2))" }.joined(separator: " · ")
        html += ". Generated by sift, report schema \(AnalysisReport.schemaVersion); the same data in <code>report.json</code>, "
        html += "<code>pain-points.csv</code> and <code>report.md</code>.</footer>\n"
        return html
    }

    // MARK: Text

    /// Text for HTML content and attribute values: `& < > " '` become entities, so feedback can never open a tag,
    /// close an attribute or start a script.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Only plain web links become anchors: a `javascript:` or `data:` URL from a roadmap file stays text.
    static func isWebLink(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }
}
