/// Everything one run found, in the shape the report writers render.
public struct AnalysisReport: Sendable {
    /// Version of the report.json schema (`Schemas/report.schema.json`); bumped on any breaking change.
    public static let schemaVersion = "1.0"

    public var accounts: [InputAccount]
    public var overview: Overview
    /// How many problems were reported that did not cost a record (repaired encodings, skipped columns).
    public var warnings: Int

    public init(accounts: [InputAccount], overview: Overview, warnings: Int) {
        self.accounts = accounts
        self.overview = overview
        self.warnings = warnings
    }

    public var totalRead: Int { accounts.reduce(0) { $0 + $1.read } }
    public var totalAccepted: Int { accounts.reduce(0) { $0 + $1.accepted } }
    public var totalRejected: Int { accounts.reduce(0) { $0 + $1.rejected } }
}
