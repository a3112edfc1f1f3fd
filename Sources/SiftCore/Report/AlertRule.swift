/// A condition under which a run should page someone (`--fail-on`); the CLI exits with the alert code when met.
public enum AlertRule: Sendable, Hashable, CustomStringConvertible {
    /// Some pain point's priority is at least this (0…100).
    case priorityAtLeast(Double)
    /// A pain point the previous run did not have, with critical records among it.
    case newCritical
    /// A pain point spiking in the newest bucket of the timeline.
    case spike
    /// At least this many pain points no roadmap item covers.
    case uncoveredAtLeast(Int)

    /// Parses `priority>=70`, `new-critical`, `spike`, `uncovered>=3`.
    public init(parsing text: String) throws(AlertRuleError) {
        let t = text.trimmingSpaces.lowercased()
        if t == "new-critical" { self = .newCritical; return }
        if t == "spike" { self = .spike; return }
        if t.hasPrefix("priority>="), let n = Double(t.dropFirst("priority>=".count)), (0...100).contains(n) {
            self = .priorityAtLeast(n)
            return
        }
        if t.hasPrefix("uncovered>="), let n = Int(t.dropFirst("uncovered>=".count)), n >= 1 {
            self = .uncoveredAtLeast(n)
            return
        }
        throw AlertRuleError(rule: text)
    }

    public var description: String {
        switch self {
        case .priorityAtLeast(let n): "priority>=\(JSONWriter.format(n, digits: 1))"
        case .newCritical: "new-critical"
        case .spike: "spike"
        case .uncoveredAtLeast(let n): "uncovered>=\(n)"
        }
    }

    /// What in the report meets the rule, one line each; empty when it is not met.
    public func matches(in report: AnalysisReport) -> [String] {
        let pains = report.findings?.painPoints ?? []
        switch self {
        case .priorityAtLeast(let n):
            return pains.filter { $0.priority.value >= n }.map { "\($0.label): priority \(JSONWriter.format($0.priority.value, digits: 1)) ≥ \(JSONWriter.format(n, digits: 1))" }
        case .newCritical:
            return pains.filter { $0.status == .new && ($0.severity[.critical] ?? 0) > 0 }
                .map { "\($0.label): new pain point with \($0.severity[.critical]!) critical record(s)" }
        case .spike:
            let last = (report.findings?.buckets?.count ?? 0) - 1
            return pains.filter { p in p.spike.map { last - $0.bucket <= 1 } ?? false }
                .map { "\($0.label): spiking since \(UTCDate.day($0.spike!.start))" }
        case .uncoveredAtLeast(let n):
            let uncovered = pains.filter { !$0.isCovered }
            return uncovered.count >= n ? ["\(uncovered.count) uncovered pain points (≥ \(n))"] : []
        }
    }
}

public struct AlertRuleError: Error, Sendable, CustomStringConvertible {
    public var rule: String
    public var description: String {
        "--fail-on '\(rule)': rules are priority>=N (0–100), new-critical, spike, uncovered>=N"
    }
}
