/// Renders `pain-points.csv`: one row per theme for spreadsheets, pain points first in rank order, then mixed
/// themes and strengths (no rank). RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted.
public enum PainPointsCSV {
    /// The priority components, in the order the finder computes them; one `score_<name>` column each.
    static let componentNames = ["volume", "negativity", "severity", "trend", "reach", "rating_impact", "recency"]

    public static func render(_ report: AnalysisReport) -> String {
        var header = ["rank", "id", "label", "nature", "priority"]
        header += componentNames.map { "score_" + $0 }
        header += ["records", "share", "negative_share", "mean_rating", "growth", "spike_start", "emerged_after_version",
                   "covered", "linked_items", "top_quote"]
        var csv = header.joined(separator: ",") + "\r\n"
        guard let f = report.findings else { return csv }
        let rows = f.painPoints.enumerated().map { ($0.offset + 1 as Int?, $0.element) }
            + f.mixed.map { (nil as Int?, $0) } + f.strengths.map { (nil as Int?, $0) }
        for (rank, p) in rows {
            var fields = [rank.map(String.init) ?? "", p.id, text(p.label), p.nature.rawValue, number(p.priority.value, 2)]
            for name in componentNames {
                fields.append(p.priority.components.first { $0.name == name }.map { number($0.score, 4) } ?? "")
            }
            fields += [
                String(p.records), number(p.share, 4), number(p.negativeShare, 4), p.meanRating.map { number($0, 2) } ?? "",
                number(p.growth, 3), p.spike.map { UTCDate.day($0.start) } ?? "", text(p.emergedAfterVersion ?? ""),
                p.isCovered ? "true" : "false", text(p.links.map(\.itemID).joined(separator: ";")),
                text(p.quotes.first?.text ?? ""),
            ]
            csv += fields.map(quoted).joined(separator: ",") + "\r\n"
        }
        return csv
    }

    static func number(_ d: Double, _ digits: Int) -> String { JSONWriter.format(d, digits: digits) }

    /// Text from feedback, defused: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula,
    /// so such text gets a leading apostrophe (the OWASP advice for CSV injection).
    static func text(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return s }
        return "'" + s
    }

    /// A field, quoted when it holds a comma, a double quote or a line break; inner quotes doubled.
    static func quoted(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
