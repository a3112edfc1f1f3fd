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
    ///
    /// An empty input (no bytes, or a byte-order mark alone: an export of a day with no feedback) has no records and
    /// a note. An input found in a directory that cannot be read at all is skipped with an error diagnostic and a
    /// note; the records it gave before failing stay counted.
    /// - Throws: `IngestError` for an input named by the user that cannot be read at all (the inputs before it were read).
    public func ingest(_ inputs: [InputSource], emit: (IngestEvent) throws -> Void) throws -> [InputAccount] {
        var accounts: [InputAccount] = []
        for input in inputs {
            var account = InputAccount(file: input.name, format: format?.rawValue ?? "unknown")
            do {
                if try Self.isEmpty(input) {
                    account.format = InputAccount.emptyFormat
                    account.note = "no records"
                    try emit(.diagnostic(Diagnostic(.note, at: RecordOrigin(file: input.name), "the file is empty: no records")))
                } else {
                    try read(input, into: &account, emit: emit)
                }
            } catch let error as IngestError where input.foundInDirectory {
                account.format = account.read > 0 ? account.format : InputAccount.skippedFormat
                account.note = error.message
                try emit(.diagnostic(Diagnostic(.error, at: RecordOrigin(file: input.name),
                    "\(error.message); skipped, the other inputs are read")))
            }
            accounts.append(account)
        }
        // Skipping is for a bad file among good ones; when nothing could be read the run has nothing to report.
        if let first = inputs.first, accounts.allSatisfy(\.isSkipped) {
            // Named by the directory the files were found in.
            let directory = first.name.lastIndex(of: "/").map { String(first.name[..<$0]) } ?? "."
            throw IngestError(file: directory, accounts.count == 1 ? "its one feedback file could not be read (see above)"
                : "none of the \(accounts.count) feedback files found could be read (see above); name a file with --format NAME to read it as that format")
        }
        return accounts
    }

    /// Whether an input holds nothing but, at most, a byte-order mark and white space (line ends of an export
    /// with no rows, in UTF-8 or UTF-16).
    static func isEmpty(_ input: InputSource) throws -> Bool {
        let limit = 4096
        let start = try input.prefix(limit)
        // A prefix shorter than asked for is the whole input.
        guard start.count < limit else { return false }
        var bytes = start[...]
        for bom: [UInt8] in [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]] where bytes.starts(with: bom) {
            bytes = bytes.dropFirst(bom.count)
            break
        }
        let utf16 = bytes.count != start.count && !start.starts(with: [0xEF, 0xBB, 0xBF])
        return bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || utf16 && $0 == 0 }
    }

    /// Reads one input, keeping its account.
    private func read(_ input: InputSource, into account: inout InputAccount, emit: (IngestEvent) throws -> Void) throws {
        let format = try self.format ?? FormatDetector.detect(input)
        account.format = format.rawValue
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
    }
}
