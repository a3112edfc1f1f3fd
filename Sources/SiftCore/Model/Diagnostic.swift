/// A problem that does not stop the run: a rejected record, a repaired encoding, an ignored column.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case note, warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
        private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
    }

    public var severity: Severity
    public var origin: RecordOrigin
    public var message: String

    public init(_ severity: Severity, at origin: RecordOrigin, _ message: String) {
        self.severity = severity
        self.origin = origin
        self.message = message
    }

    public var description: String { "\(origin): \(severity.rawValue): \(message)" }
}

/// A record that could not be accepted, kept whole so nothing the user had is lost (`rejects.jsonl`).
public struct Rejection: Error, Sendable, Hashable {
    public var origin: RecordOrigin
    public var reason: String
    /// The record as it stood in the input (decoded to text; invalid bytes replaced), for the user to fix and resend.
    public var raw: String

    public init(origin: RecordOrigin, reason: String, raw: String) {
        self.origin = origin
        self.reason = reason
        self.raw = raw
    }
}

/// The record accounting of one input: every record read is either accepted or rejected.
public struct InputAccount: Sendable, Hashable, Codable {
    public var file: String
    public var format: String
    public var read: Int
    public var accepted: Int
    public var rejected: Int
    /// Why an input gave fewer records than it might: "empty", or the reason a file found in a directory was
    /// skipped; nil for an input read through.
    public var note: String?

    public init(file: String, format: String, read: Int = 0, accepted: Int = 0, rejected: Int = 0, note: String? = nil) {
        self.file = file
        self.format = format
        self.read = read
        self.accepted = accepted
        self.rejected = rejected
        self.note = note
    }

    /// The format of an input with no bytes but a byte-order mark and white space.
    public static let emptyFormat = "empty"
    /// The format of a file found in a directory that could not be read at all.
    public static let skippedFormat = "skipped"
    public var isSkipped: Bool { format == Self.skippedFormat }

    /// The format with the note, as the summary and the reports show it: "csv", "skipped: cannot tell the format…".
    public var formatAndNote: String { note.map { "\(format): \($0)" } ?? format }

    /// The invariant every run proves.
    public var balances: Bool { read == accepted + rejected }
}
