/// Renders `report.md`: readable in a terminal and in a pull request.
public enum ReportMarkdown {
    public static func render(_ report: AnalysisReport) -> String {
        var md = "# sift report\n\n"
        let o = report.overview
        var when = ""
        if let first = o.firstDate, let last = o.lastDate { when = ", \(UTCDate.day(first)) to \(UTCDate.day(last))" }
        md += "\(o.records) records from \(o.sources.count) input\(o.sources.count == 1 ? "" : "s")\(when).\n\n"
        md += accounting(report)
        md += overview(o)
        return md
    }

    static func accounting(_ report: AnalysisReport) -> String {
        var md = "## Record accounting\n\n| input | format | read | accepted | rejected |\n|---|---|---:|---:|---:|\n"
        for a in report.accounts {
            md += "| \(cell(a.file)) | \(a.format) | \(a.read) | \(a.accepted) | \(a.rejected) |\n"
        }
        md += "| **all** | | **\(report.totalRead)** | **\(report.totalAccepted)** | **\(report.totalRejected)** |\n\n"
        if report.totalRejected > 0 { md += "Rejected records, with file, line and reason, are in `rejects.jsonl`.\n\n" }
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

    /// A table cell: pipes escaped, newlines folded.
    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
