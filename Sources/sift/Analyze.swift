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
        let sources = try input.sources()
        let directory: ReportDirectory
        do { directory = try ReportDirectory(path: out) } catch {
            printError("sift: \(error)")
            throw SiftExit.input
        }
        var warnings = 0
        let corpus: Corpus
        do {
            corpus = try pipeline.run(sources) { event in
                switch event {
                case .rejected(let rejection):
                    printError("\(rejection.origin): rejected: \(rejection.reason)")
                    try directory.reject(rejection)
                case .diagnostic(let diagnostic):
                    warnings += 1
                    printError(diagnostic.description)
                case .record:
                    break
                }
            }
        } catch let error as IngestError {
            printError("sift: \(error)")
            throw SiftExit.input
        }
        let report = AnalysisReport(accounts: corpus.accounts, overview: Overview(corpus.records), warnings: warnings)
        do { try directory.finish(report, corpus: corpus) } catch {
            printError("sift: \(error)")
            throw SiftExit.input
        }
        let stdout = StreamWriter.standardOutput
        stdout.write(Summary.render(report, directory: out))
        stdout.flush()
    }
}

/// The short summary `analyze` prints: accounting per input, then the top findings.
enum Summary {
    static func render(_ report: AnalysisReport, directory: String) -> String {
        var s = ""
        for a in report.accounts {
            s += "\(a.file) [\(a.format)]: read \(a.read) = accepted \(a.accepted) + rejected \(a.rejected)\n"
        }
        s += "all inputs: read \(report.totalRead) = accepted \(report.totalAccepted) + rejected \(report.totalRejected)\n"
        s += "reports in \(directory)/\n"
        return s
    }
}
