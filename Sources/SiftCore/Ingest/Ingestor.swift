/// Reads every input, detecting each one's format unless one is forced, and keeps the record accounting.
public struct Ingestor: Sendable {
    /// The format every input is read as; nil to detect each from its content.
    public var format: InputFormat?
    /// The user's `--map`, laid over each format's own defaults.
    public var map: FieldMap

    public init(format: InputFormat? = nil, map: FieldMap = FieldMap()) {
        self.format = format
        self.map = map
    }

    /// Reads `inputs` in the order given, sending each event on; returns one account per input.
    /// - Throws: `IngestError` for an input that cannot be read at all (the inputs before it were read).
    public func ingest(_ inputs: [InputSource], emit: (IngestEvent) throws -> Void) throws -> [InputAccount] {
        var accounts: [InputAccount] = []
        for input in inputs {
            let format = try self.format ?? FormatDetector.detect(input)
            var account = InputAccount(file: input.name, format: format.rawValue)
            let reader = try format.makeReader(map: map)
            try reader.read(input) { event in
                switch event {
                case .record(let record):
                    account.read += 1
                    account.accepted += 1
                    // A reader that gave the record its id already is passed on as it came, without a copy.
                    if record.idIsEmpty {
                        var record = record
                        record.setContentHashID(record.contentHash)
                        try emit(.record(record))
                    } else {
                        try emit(event)
                    }
                case .rejected:
                    account.read += 1
                    account.rejected += 1
                    try emit(event)
                case .diagnostic:
                    try emit(event)
                }
            }
            accounts.append(account)
        }
        return accounts
    }
}
