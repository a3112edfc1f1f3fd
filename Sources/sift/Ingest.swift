import ArgumentParser
import SiftCore

/// `sift ingest`: normalized records as JSON Lines on stdout; problems and accounting on stderr.
struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read feedback exports and write normalized records as JSON Lines to standard output.")

    @OptionGroup var input: InputOptions

    func run() throws {
        let ingestor = try input.makeIngestor()
        let out = StreamWriter.standardOutput
        var json = JSONWriter()
        let accounts: [InputAccount]
        do {
            accounts = try ingestor.ingest(try input.sources()) { event in
                switch event {
                case .record(let record):
                    json.reset()
                    RecordLines.write(record, to: &json)
                    out.write(json.bytes)
                    out.write(CollectionOfOne(UInt8(ascii: "\n")))
                case .rejected(let rejection):
                    printError("\(rejection.origin): rejected: \(rejection.reason)")
                case .diagnostic(let diagnostic):
                    printError(diagnostic.description)
                }
            }
        } catch let error as IngestError {
            out.flush()
            printError("sift: \(error)")
            throw SiftExit.input
        }
        out.flush()
        for account in accounts {
            printError("\(account.file) [\(account.format)]: read \(account.read) = accepted \(account.accepted) + rejected \(account.rejected)")
        }
    }
}
