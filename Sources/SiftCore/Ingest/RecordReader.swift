/// What a reader hands on, in input order.
public enum IngestEvent: Sendable {
    case record(FeedbackRecord)
    case rejected(Rejection)
    /// A problem that did not cost a record (a repaired encoding, an unknown column kept as an extra).
    case diagnostic(Diagnostic)
}

/// Reads one input of one format, streaming, and sends every record or rejection to `emit` as it goes.
///
/// A reader throws only for what stops the whole input (an unreadable file, a `--map` naming a missing column);
/// a bad record is a `.rejected` event and reading goes on.
public protocol RecordReader: Sendable {
    func read(_ input: InputSource, emit: (IngestEvent) throws -> Void) throws
}

/// An error that stops reading an input. Its description is one line: what went wrong and what to do.
public struct IngestError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String
    public init(file: String, _ message: String) {
        self.file = file
        self.message = message
    }
    public var description: String { "\(file): \(message)" }
}
