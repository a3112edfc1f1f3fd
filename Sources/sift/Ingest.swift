import ArgumentParser
import SiftCore

/// `sift ingest`: normalized records as JSON Lines on stdout; problems and accounting on stderr.
struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read feedback exports and write normalized records as JSON Lines to standard output.")

    @OptionGroup var input: InputOptions

    /// Bytes of JSON Lines gathered before each write to standard output.
    static let outputChunk = 1 << 18

    func run() throws {
        let ingestor = try input.makeIngestor()
        let out = StreamWriter.standardOutput
        // Records are encoded one after another into one buffer that goes out whole: no copy per record.
        var json = JSONWriter(reserving: Self.outputChunk + 64 * 1024)
        let accounts: [InputAccount]
        do {
            // Reading and building records runs on a second thread; this one encodes and writes them.
            accounts = try ingestor.ingestConcurrently(try input.sources()) { events in
                for event in events {
                    switch event {
                    case .record(let record):
                        RecordLines.write(record, to: &json)
                        json.newline()
                        if json.bytes.count >= Self.outputChunk {
                            out.writeNow(json.bytes)
                            json.reset()
                        }
                    case .rejected(let rejection):
                        printError("\(rejection.origin): rejected: \(rejection.reason)")
                    case .diagnostic(let diagnostic):
                        printError(diagnostic.description)
                    }
                }
            }
        } catch let error as IngestError {
            out.writeNow(json.bytes)
            printError("sift: \(error)")
            throw SiftExit.input
        }
        out.writeNow(json.bytes)
        for account in accounts {
            printError("\(account.file) [\(account.formatAndNote)]: read \(account.read) = accepted \(account.accepted) + rejected \(account.rejected)")
        }
    }
}
