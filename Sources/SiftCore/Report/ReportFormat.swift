/// Number and text formatting shared by the human-readable reports.
enum ReportFormat {
    /// `d` with exactly `digits` decimals (so columns line up); `-0` is `0`.
    static func fixed(_ d: Double, _ digits: Int) -> String {
        let s = JSONWriter.format(d, digits: digits)
        guard digits > 0 else { return s }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        let decimals = parts.count > 1 ? parts[1].count : 0
        return (parts.count > 1 ? s : s + ".") + String(repeating: "0", count: digits - decimals)
    }

    /// A share as a percentage: one decimal under 10%, none above.
    static func percent(_ share: Double) -> String {
        let p = share * 100
        let small = fixed(p, 1)
        return (p > 0 && small.count < 4 ? small : fixed(p, 0)) + "%"
    }

    /// ↑ for growth of a quarter or more, ↓ for a fifth less or more, → between.
    static func arrow(_ growth: Double) -> String { growth >= 1.25 ? "↑" : growth <= 0.8 ? "↓" : "→" }

    /// At most `limit` characters, cut at a word with an ellipsis.
    static func clip(_ s: String, _ limit: Int) -> String {
        guard s.count > limit else { return s }
        var cut = String(s.prefix(limit))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 { cut = String(cut[..<space]) }
        return cut + "…"
    }
}
