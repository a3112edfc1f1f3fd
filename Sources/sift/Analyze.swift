import ArgumentParser
import Foundation
import SiftCore

/// `sift analyze`: the main job, end to end, into a report directory.
struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyze feedback end to end and write the reports into a directory.")

    @OptionGroup var input: InputOptions

    @Option(help: "Directory for the reports.")
    var out: String = "sift-report"

    func run() throws {
        let pipeline = Pipeline(ingestor: try input.makeIngestor())
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            printError("sift: cannot create the output directory \(out): \(error.localizedDescription)")
            throw SiftExit.input
        }
        let rejects = try AtomicFile(path: out + "/rejects.jsonl")
        var json = JSONWriter()
        let corpus: Corpus
        do {
            corpus = try pipeline.run(try input.sources()) { event in
                switch event {
                case .rejected(let rejection):
                    printError("\(rejection.origin): rejected: \(rejection.reason)")
                    json.reset()
                    RecordLines.write(rejection, to: &json)
                    try rejects.write(json.bytes + [UInt8(ascii: "\n")])
                case .diagnostic(let diagnostic):
                    printError(diagnostic.description)
                case .record:
                    break
                }
            }
        } catch let error as IngestError {
            printError("sift: \(error)")
            throw SiftExit.input
        }
        try rejects.commit()
        let records = try AtomicFile(path: out + "/records.jsonl")
        for record in corpus.records {
            json.reset()
            RecordLines.write(record, to: &json)
            try records.write(json.bytes)
            try records.write(CollectionOfOne(UInt8(ascii: "\n")))
        }
        try records.commit()

        let out = StreamWriter.standardOutput
        for account in corpus.accounts {
            out.write("\(account.file) [\(account.format)]: read \(account.read) = accepted \(account.accepted) + rejected \(account.rejected)\n")
        }
        out.write("reports in \(self.out)/\n")
        out.flush()
    }
}
