/// Which analysed records a run keeps: a PM triaging crashes runs `--kind bug --min-severity major` and gets pain
/// points of those records alone. Records left out are still read and accounted for.
public struct RecordFilter: Sendable, Hashable {
    /// Keep records with at least one of these kinds; empty keeps every kind.
    public var kinds: Set<FeedbackKind>
    /// Keep records at least this severe.
    public var minimumSeverity: Severity

    public init(kinds: Set<FeedbackKind> = [], minimumSeverity: Severity = .none) {
        self.kinds = kinds
        self.minimumSeverity = minimumSeverity
    }

    /// Whether the filter keeps everything.
    public var keepsAll: Bool { kinds.isEmpty && minimumSeverity == .none }

    public func keeps(_ record: FeedbackRecord) -> Bool {
        guard let analysis = record.analysis else { return keepsAll }
        if analysis.severity < minimumSeverity { return false }
        return kinds.isEmpty || analysis.kinds.contains { kinds.contains($0.kind) }
    }

    /// Kinds written as `bug,feature_request` (any number of lists); the error names the unknown one.
    public static func kinds(parsing lists: [String]) throws(FilterError) -> Set<FeedbackKind> {
        var out: Set<FeedbackKind> = []
        for list in lists {
            for name in list.split(separator: ",").map({ $0.trimmingSpaces.lowercased() }) where !name.isEmpty {
                guard let kind = FeedbackKind(rawValue: name) else {
                    throw FilterError("unknown kind '\(name)': use \(FeedbackKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                out.insert(kind)
            }
        }
        return out
    }

    /// A severity written as `none`, `minor`, `major` or `critical`.
    public static func severity(parsing text: String) throws(FilterError) -> Severity {
        guard let severity = Severity(rawValue: text.trimmingSpaces.lowercased()) else {
            throw FilterError("unknown severity '\(text)': use \(Severity.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return severity
    }
}

public struct FilterError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
