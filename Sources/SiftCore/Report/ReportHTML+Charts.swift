/// The inline SVG charts and the stylesheet of `report.html`.
extension ReportHTML {
    /// One restrained colour per priority component; unknown names fall back to grey.
    static func colour(_ component: String) -> String {
        switch component {
        case "volume": "#2f5d8a"
        case "negativity": "#c0504d"
        case "severity": "#7b2d26"
        case "trend": "#d9912b"
        case "reach": "#5b8c6a"
        case "rating_impact": "#7a5ea8"
        case "recency": "#a3acb5"
        default: "#888f96"
        }
    }

    static func display(_ component: String) -> String { component.replacingOccurrences(of: "_", with: " ") }

    /// A coordinate with one decimal.
    static func n(_ x: Double) -> String { JSONWriter.format(x, digits: 1) }

    static func legend(_ names: [String]) -> String {
        "<div class=\"legend\">" + names.map { "<span><i style=\"background:\(colour($0))\"></i>\(escape(display($0)))</span>" }
            .joined() + "</div>\n"
    }

    /// A bar on the 0…100 scale, one segment per component, each as long as the points it adds.
    static func priorityBar(_ priority: Priority) -> String {
        let width = 300.0, height = 14.0
        var svg = "<svg class=\"bar\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" "
        svg += "aria-label=\"priority \(ReportFormat.fixed(priority.value, 1)) of 100\">"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#eef1f4\" rx=\"2\"/>"
        var x = 0.0
        for c in priority.components where c.contribution > 0 {
            let w = c.contribution * width
            svg += "<rect x=\"\(n(x))\" y=\"0\" width=\"\(n(max(w, 0.5)))\" height=\"\(n(height))\" fill=\"\(colour(c.name))\">"
            svg += "<title>\(escape(display(c.name))): \(ReportFormat.fixed(100 * c.contribution, 1)) points "
            svg += "(score \(ReportFormat.fixed(c.score, 2)) × weight \(ReportFormat.fixed(c.weight, 2)); measured \(ReportFormat.fixed(c.value, 2)) \(escape(c.unit)))</title></rect>"
            x += w
        }
        return svg + "</svg>"
    }

    /// One pain point's records per bucket as a filled line on its own scale, with its spike marked.
    static func smallMultiple(_ p: PainPoint, buckets: TimeBuckets) -> String {
        let width = 300.0, height = 96.0, left = 4.0, right = 4.0, top = 14.0, bottom = 18.0
        let plotW = width - left - right, plotH = height - top - bottom
        let counts = p.timeline
        let peak = Double(max(1, counts.max() ?? 1))
        func x(_ i: Int) -> Double { left + (counts.count > 1 ? Double(i) / Double(counts.count - 1) * plotW : plotW / 2) }
        func y(_ v: Int) -> Double { top + plotH - Double(v) / peak * plotH }
        var svg = "<svg class=\"wide\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" "
        svg += "aria-label=\"records per \(buckets.width.rawValue)\">"
        svg += "<line x1=\"\(n(left))\" y1=\"\(n(top + plotH))\" x2=\"\(n(width - right))\" y2=\"\(n(top + plotH))\" stroke=\"#d0d7de\"/>"
        if !counts.isEmpty {
            let points = counts.indices.map { "\(n(x($0))),\(n(y(counts[$0])))" }.joined(separator: " ")
            svg += "<polygon points=\"\(n(x(0))),\(n(top + plotH)) \(points) \(n(x(counts.count - 1))),\(n(top + plotH))\" fill=\"#2f5d8a\" fill-opacity=\"0.14\"/>"
            svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"#2f5d8a\" stroke-width=\"1.5\" stroke-linejoin=\"round\"/>"
        }
        svg += "<text x=\"\(n(left))\" y=\"10\" class=\"axis\">max \(Int(peak)) per \(buckets.width.rawValue)</text>"
        if let spike = p.spike, spike.bucket < counts.count {
            let sx = x(spike.bucket)
            svg += "<line x1=\"\(n(sx))\" y1=\"\(n(top - 2))\" x2=\"\(n(sx))\" y2=\"\(n(top + plotH))\" stroke=\"#c0392b\" stroke-dasharray=\"3 2\"/>"
            svg += "<circle cx=\"\(n(sx))\" cy=\"\(n(y(counts[spike.bucket])))\" r=\"3.5\" fill=\"#c0392b\"/>"
            // About 6 px a character at 10 px: flip the label left of the marker when it would run off.
            let anchor = sx + 5 + 6 * 17 > width ? "end" : "start"
            let tx = anchor == "end" ? sx - 5 : sx + 5
            svg += "<text x=\"\(n(tx))\" y=\"10\" text-anchor=\"\(anchor)\" class=\"axis spike\">spike \(UTCDate.day(spike.start))</text>"
        }
        svg += "<text x=\"\(n(left))\" y=\"\(n(height - 4))\" class=\"axis\">\(UTCDate.day(buckets.start))</text>"
        svg += "<text x=\"\(n(width - right))\" y=\"\(n(height - 4))\" text-anchor=\"end\" class=\"axis\">\(UTCDate.day(buckets.bucketStart(buckets.count - 1)))</text>"
        return svg + "</svg>"
    }

    /// Negative share per bucket as a line over grey bars of all records, with the top pain points' spikes marked.
    static func sentimentChart(_ f: PainPointReport, buckets: TimeBuckets) -> String {
        let width = 960.0, height = 220.0, left = 40.0, right = 12.0, top = 26.0, bottom = 24.0
        let plotW = width - left - right, plotH = height - top - bottom
        let count = min(f.totals.count, f.negativeTotals.count)
        let slot = plotW / Double(max(1, count))
        let peak = Double(max(1, f.totals.max() ?? 1))
        func cx(_ i: Int) -> Double { left + (Double(i) + 0.5) * slot }
        var svg = "<svg class=\"wide\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"negative share of feedback over time\">"
        for pct in [0, 25, 50, 75, 100] {
            let gy = top + plotH - Double(pct) / 100 * plotH
            svg += "<line x1=\"\(n(left))\" y1=\"\(n(gy))\" x2=\"\(n(width - right))\" y2=\"\(n(gy))\" stroke=\"#eef1f4\"/>"
            svg += "<text x=\"\(n(left - 6))\" y=\"\(n(gy + 3.5))\" text-anchor=\"end\" class=\"axis\">\(pct)%</text>"
        }
        // Volume bars in the lower half, so they never hide the line.
        for i in 0..<count where f.totals[i] > 0 {
            let h = Double(f.totals[i]) / peak * plotH * 0.5
            svg += "<rect x=\"\(n(left + Double(i) * slot + slot * 0.15))\" y=\"\(n(top + plotH - h))\" width=\"\(n(slot * 0.7))\" height=\"\(n(h))\" fill=\"#d8dee4\">"
            svg += "<title>\(UTCDate.day(buckets.bucketStart(i))): \(f.totals[i]) records, \(f.negativeTotals[i]) negative</title></rect>"
        }
        for (rank, p) in f.painPoints.prefix(charted).enumerated() {
            guard let spike = p.spike, spike.bucket < count else { continue }
            let sx = cx(spike.bucket)
            svg += "<line x1=\"\(n(sx))\" y1=\"\(n(top - 4))\" x2=\"\(n(sx))\" y2=\"\(n(top + plotH))\" stroke=\"#c0392b\" stroke-dasharray=\"4 3\"/>"
            let anchor = sx > width * 0.6 ? "end" : "start"
            svg += "<text x=\"\(n(anchor == "end" ? sx - 5 : sx + 5))\" y=\"\(n(top - 8 + Double(rank % 2) * 0))\" text-anchor=\"\(anchor)\" class=\"axis spike\">"
            svg += "spike: \(escape(ReportFormat.clip(p.label, 40))), \(UTCDate.day(spike.start))</text>"
        }
        var points: [String] = []
        for i in 0..<count where f.totals[i] > 0 {
            let share = Double(f.negativeTotals[i]) / Double(f.totals[i])
            points.append("\(n(cx(i))),\(n(top + plotH - share * plotH))")
        }
        if !points.isEmpty {
            svg += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"#c0504d\" stroke-width=\"2\" stroke-linejoin=\"round\"/>"
        }
        let labels = max(1, count / 6)
        for i in stride(from: 0, to: count, by: labels) {
            svg += "<text x=\"\(n(cx(i)))\" y=\"\(n(height - 6))\" text-anchor=\"middle\" class=\"axis\">\(UTCDate.day(buckets.bucketStart(i)))</text>"
        }
        return svg + "</svg>\n"
    }

    /// Mean compound sentiment (−1…1) as a short diverging bar with its value.
    static func compoundBar(_ compound: Double) -> String {
        let half = 40.0, c = max(-1, min(1, compound))
        let w = abs(c) * half
        let x = c < 0 ? half - w : half
        var svg = "<svg width=\"\(n(2 * half))\" height=\"10\" viewBox=\"0 0 \(n(2 * half)) 10\" class=\"inline\">"
        svg += "<rect x=\"0\" y=\"4\" width=\"\(n(2 * half))\" height=\"2\" fill=\"#eef1f4\"/>"
        svg += "<rect x=\"\(n(x))\" y=\"1\" width=\"\(n(max(w, 1)))\" height=\"8\" fill=\"\(c < 0 ? "#c0504d" : "#5b8c6a")\"/>"
        svg += "<line x1=\"\(n(half))\" y1=\"0\" x2=\"\(n(half))\" y2=\"10\" stroke=\"#8c959f\"/></svg>"
        return svg + " <span class=\"small\">\(ReportFormat.fixed(compound, 2))</span>"
    }

    /// Critical, major and minor records as one stacked bar, with counts.
    static func severityBar(_ counts: [Severity: Int]) -> String {
        let levels: [(Severity, String)] = [(.critical, "#7b2d26"), (.major, "#c0504d"), (.minor, "#e6a5a3")]
        let total = Double(max(1, counts.values.reduce(0, +)))
        let width = 80.0
        var svg = "<svg width=\"\(n(width))\" height=\"10\" viewBox=\"0 0 \(n(width)) 10\" class=\"inline\"><rect width=\"\(n(width))\" height=\"10\" fill=\"#eef1f4\"/>"
        var x = 0.0
        for (level, fill) in levels {
            let k = counts[level] ?? 0
            guard k > 0 else { continue }
            let w = Double(k) / total * width
            svg += "<rect x=\"\(n(x))\" width=\"\(n(w))\" height=\"10\" fill=\"\(fill)\"><title>\(k) \(level.rawValue)</title></rect>"
            x += w
        }
        let text = levels.compactMap { (level, _) in (counts[level] ?? 0) > 0 ? "\(counts[level]!) \(level.rawValue)" : nil }
        return svg + "</svg> <span class=\"small muted\">\(text.isEmpty ? "—" : text.joined(separator: ", "))</span>"
    }

    static let style = """

        :root{--ink:#1f2328;--muted:#59636e;--line:#d8dee4;--soft:#f6f8fa;--accent:#2f5d8a;--alert:#c0392b}
        *{box-sizing:border-box}
        body{margin:0;background:#fff;color:var(--ink);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;-webkit-font-smoothing:antialiased}
        main{max-width:1040px;margin:0 auto;padding:32px 28px 48px}
        h1{font-size:26px;margin:0 0 4px;letter-spacing:-.01em}
        h2{font-size:18px;margin:40px 0 6px;padding-top:16px;border-top:1px solid var(--line)}
        h3{font-size:14px;margin:0 0 8px}
        p{margin:4px 0 12px}
        code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--soft);padding:1px 4px;border-radius:3px}
        a{color:var(--accent);text-decoration:none}
        .lede{color:var(--muted);margin-bottom:16px}
        .muted{color:var(--muted)}
        .small{font-size:12px}
        .tiles{display:flex;flex-wrap:wrap;gap:10px;margin:8px 0 16px}
        .tile{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:112px}
        .tile b{display:block;font-size:22px;font-variant-numeric:tabular-nums}
        .tile span{color:var(--muted);font-size:12px}
        .tile.alert b{color:var(--alert)}
        table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
        th{font-weight:600;font-size:12px;color:var(--muted);text-align:left;border-bottom:1px solid var(--line);padding:6px 8px}
        td{border-bottom:1px solid #eef1f4;padding:7px 8px;vertical-align:middle}
        .n{text-align:right;white-space:nowrap}
        table.accounts{width:auto;font-size:13px}
        table.accounts td{padding:3px 8px}
        tr.total td{font-weight:600}
        .ranked .rank{color:var(--muted);width:28px}
        .ranked .label{font-weight:600}
        .ranked .score{font-weight:600;font-size:15px}
        .ranked .trend{color:var(--muted)}
        .badges{margin-top:3px}
        .badge{display:inline-block;font-size:11px;line-height:16px;padding:0 6px;border-radius:8px;background:var(--soft);color:var(--muted);border:1px solid var(--line);margin:0 3px 2px 0}
        .badge.spike{background:#fbeae8;color:#a12c22;border-color:#f1c4bf}
        .badge.status{background:#fdf3e2;color:#8a5a12;border-color:#f0d9ad}
        .badge.link{background:#eaf1f8;color:var(--accent);border-color:#c7d8ea}
        .badge.uncovered{background:#fff;color:#a12c22;border-color:#e4a29b}
        .legend{display:flex;flex-wrap:wrap;gap:14px;font-size:12px;color:var(--muted);margin:0 0 6px}
        .legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px;vertical-align:-1px}
        .key{display:inline-block;width:14px;height:3px;vertical-align:middle;margin:0 2px}
        .key.spike{background:var(--alert);height:8px;width:8px;border-radius:50%}
        .key.neg{background:#c0504d}
        .key.vol{background:#d8dee4;height:8px}
        svg{display:block}
        svg.inline{display:inline-block;vertical-align:middle}
        svg.wide{width:100%;height:auto}
        svg text.axis{font-size:10px;fill:#6e7781}
        svg text.spike{fill:#a12c22;font-weight:600}
        .multiples{display:grid;grid-template-columns:repeat(3,1fr);gap:14px 18px}
        figure{margin:0;border:1px solid #eef1f4;border-radius:6px;padding:8px 8px 4px}
        figcaption{font-size:12px;font-weight:600;margin-bottom:2px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
        table.heat td{border-bottom:2px solid #fff}
        table.heat td:not(:first-child){border-left:2px solid #fff;min-width:64px}
        .emerged{font-size:10px}
        .quotes{display:grid;grid-template-columns:repeat(2,1fr);gap:12px 24px}
        blockquote{margin:0 0 10px;padding:6px 12px;border-left:3px solid var(--line);background:var(--soft);border-radius:0 4px 4px 0}
        blockquote p{margin:0 0 2px}
        blockquote footer{font-size:11px;color:var(--muted)}
        .stars{color:#d9912b;letter-spacing:1px}
        .stars .off{color:#d0d7de}
        ul.plain,ol.plain{list-style:none;padding:0;margin:0}
        ul.plain li,ol.plain li{padding:6px 0;border-bottom:1px solid #eef1f4}
        span.rank{color:var(--muted);font-variant-numeric:tabular-nums;display:inline-block;min-width:28px}
        .say{color:var(--muted);font-style:italic;font-size:13px}
        .pill{font-size:11px;padding:1px 7px;border-radius:8px;background:var(--soft);border:1px solid var(--line);white-space:nowrap}
        tr.unasked td{background:#fafbfc}
        footer.page{margin-top:40px;padding-top:12px;border-top:1px solid var(--line);font-size:12px;color:var(--muted)}
        @media print{main{padding:0}h2{break-after:avoid}}
        @media (max-width:760px){.multiples,.quotes{grid-template-columns:1fr}}

        """
}
