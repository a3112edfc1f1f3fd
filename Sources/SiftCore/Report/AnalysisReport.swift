public import Foundation

/// Everything one run found, in the shape the report writers render.
public struct AnalysisReport: Sendable {
    /// Version of the report.json schema (`Sources/SiftCore/Report/report.schema.json`); 1.1 added the accounting of records left out (`outside_window`, `filtered_out`, `analysed`).
    public static let schemaVersion = "1.2"

    public var accounts: [InputAccount]
    public var overview: Overview
    /// How many problems were reported that did not cost a record (repaired encodings, skipped columns).
    public var warnings: Int
    /// Pain points, strengths, timeline and roadmap evidence; nil until themes exist.
    public var findings: PainPointReport?
    /// The weights the priorities were computed with.
    public var weights: PriorityWeights
    /// The roadmap file the links come from, if one was given.
    public var roadmapFile: String?
    /// With a state store: this run against the ones before it.
    public var run: RunContext?

    public init(accounts: [InputAccount], overview: Overview, warnings: Int, findings: PainPointReport? = nil,
                weights: PriorityWeights = .standard, roadmapFile: String? = nil, run: RunContext? = nil) {
        self.accounts = accounts
        self.overview = overview
        self.warnings = warnings
        self.findings = findings
        self.weights = weights
        self.roadmapFile = roadmapFile
        self.run = run
    }

    public var totalRead: Int { accounts.reduce(0) { $0 + $1.read } }
    public var totalAccepted: Int { accounts.reduce(0) { $0 + $1.accepted } }
    public var totalRejected: Int { accounts.reduce(0) { $0 + $1.rejected } }
}

/// Where this run stands among the runs on one state store.
public struct RunContext: Sendable, Hashable {
    /// 1 for the first run on the state.
    public var number: Int
    /// Records this run saw for the first time.
    public var newRecords: Int
    public var previousRunAt: Date?

    public init(number: Int, newRecords: Int, previousRunAt: Date?) {
        self.number = number
        self.newRecords = newRecords
        self.previousRunAt = previousRunAt
    }
}
