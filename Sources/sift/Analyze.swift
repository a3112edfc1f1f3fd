import ArgumentParser
import Foundation
import Logging
import SiftCore

/// `sift analyze`: the main job, end to end, into a report directory.
struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyze feedback end to end and write the reports into a directory.",
        discussion: """
            Exit codes: 0 success; 3 a --fail-on condition was met (reports are written); 64 bad flags or config; \
            66 an input, the roadmap, the state or the output could not be used.
            """)

    @Argument(help: "Input files or directories; - reads standard input. May come from --config instead.")
    var inputs: [String] = []

    @Option(help: "Read every input as this format instead of detecting it: \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: String?

    @Option(help: "Map canonical fields to input columns: text=Review,rating=Stars,date=When,id=ReviewID (XML and nested JSON: record=ELEMENT).")
    var map: String?

    @Option(help: "Directory for the reports (default: sift-report).")
    var out: String?

    @Option(help: "Roadmap file (YAML, JSON or CSV) to link pain points to.")
    var roadmap: String?

    @Option(help: "SQLite state file for nightly runs: records already seen are not counted twice; runs are compared.")
    var state: String?

    @Option(help: "Seconds to wait for another run that holds the state (default 0: exit at once).")
    var lockWait: Double?

    @Option(help: "Leave out feedback dated before this day (YYYY-MM-DD).")
    var since: String?

    @Option(help: "Exit with code 3 when met: priority>=N, new-critical, spike, uncovered>=N (comma-separated or repeated).")
    var failOn: [String] = []

    @Option(help: "Analyse only records of these kinds: \(FeedbackKind.allCases.map(\.rawValue).joined(separator: ", ")) (comma-separated or repeated).")
    var kind: [String] = []

    @Option(help: "Analyse only records at least this severe: none, minor, major, critical.")
    var minSeverity: String?

    @Option(help: "Config file (YAML): inputs, format, map, roadmap, out, state, since, kinds, min_severity, weights, fail_on. Flags override it.")
    var config: String?

    @Option(help: "An extra sentiment lexicon (term<TAB>valence), laid over the shipped one; repeatable.")
    var lexicon: [String] = []

    @Option(help: "Threads for the per-record stages (default: all cores).")
    var threads: Int?

    @Flag(help: "Print only errors.")
    var quiet = false

    @Flag(help: "Print every diagnostic and each stage's progress.")
    var verbose = false

    @Option(help: "Log format on standard error: text or json.")
    var logFormat: String = "text"

    func run() throws {
        guard let logFormat = SiftLogging.Format(rawValue: logFormat) else {
            throw ValidationError("--log-format must be text or json")
        }
        SiftLogging.bootstrap(format: logFormat, level: quiet ? .error : verbose ? .debug : .info)
        let log = Logger(label: "sift")

        var file = SiftConfig()
        if let config {
            do { file = try SiftConfig.load(path: config) } catch {
                log.error("\(error.description)")
                throw SiftExit.usage
            }
        }
        let inputs = self.inputs.isEmpty ? (file.inputs ?? []) : self.inputs
        guard !inputs.isEmpty else { throw ValidationError("name at least one input (a file, a directory, or -), or give inputs in --config") }
        let ingestor = try InputOptions.makeIngestor(format: format ?? file.format, map: map ?? file.mapSpec)
        let rules: [AlertRule]
        do {
            rules = try (failOn.isEmpty ? (file.failOn ?? []) : failOn)
                .flatMap { $0.split(separator: ",").map(String.init) }
                .map { rule throws(AlertRuleError) in try AlertRule(parsing: rule) }
        } catch { throw ValidationError(error.description) }
        var sinceDate: Date?
        if let since = since ?? file.since {
            guard let d = ValueParsing.date(since) else { throw ValidationError("--since '\(since)': write a date as YYYY-MM-DD") }
            sinceDate = d
        }
        let roadmap = roadmap ?? file.roadmap
        var options = AnalysisOptions(
            ingestor: ingestor, roadmapPath: roadmap, statePath: state ?? file.state, lockWait: lockWait ?? 0,
            since: sinceDate, weights: file.weights ?? .standard)
        if let threads { options.threads = try threadCount(threads) }
        do {
            options.filter.kinds = try RecordFilter.kinds(parsing: kind.isEmpty ? (file.kinds ?? []) : kind)
            if let minimum = minSeverity ?? file.minSeverity { options.filter.minimumSeverity = try RecordFilter.severity(parsing: minimum) }
        } catch { throw ValidationError(error.description) }
        for path in lexicon.isEmpty ? (file.lexicons ?? []) : lexicon {
            guard let data = FileManager.default.contents(atPath: path) else {
                log.error("--lexicon \(path): cannot read the file; check the path")
                throw SiftExit.input
            }
            options.sentimentOverlays.append(String(decoding: data, as: UTF8.self))
        }
        let outDirectory = out ?? file.out ?? "sift-report"

        let sources: [InputSource]
        do {
            sources = try InputExpansion.sources(inputs, excluding: Set([roadmap].compactMap { $0 }))
        } catch let error as IngestError {
            log.error("\(error.description)")
            throw SiftExit.input
        }
        let report: AnalysisReport
        do {
            let directory = try ReportDirectory(path: outDirectory)
            var shown = 0
            let progress = ProgressLine(sources: sources, enabled: !quiet)
            defer { progress.finish() }
            let stages = StageTimer(log: log)
            defer { stages.finish() }
            report = try AnalysisRun(options: options).run(
                sources, output: directory, onProgress: progress.update(records:), onStage: stages.start
            ) { event in
                switch event {
                case .rejected(let rejection):
                    // Every rejection is in rejects.jsonl; the terminal shows the first few unless --verbose.
                    shown += 1
                    if verbose || shown <= 20 { log.warning("\(rejection.origin): rejected: \(rejection.reason)") }
                    if !verbose && shown == 21 { log.warning("more rejections: see \(outDirectory)/rejects.jsonl") }
                case .diagnostic(let diagnostic):
                    shown += 1
                    if verbose || shown <= 20 { log.warning("\(diagnostic.description)") }
                case .record:
                    break
                }
            }
        } catch let error as IngestError {
            log.error("\(error.description)")
            throw SiftExit.input
        } catch let error as RunError {
            log.error("\(error.description)")
            throw SiftExit.input
        } catch let error as ReportError {
            log.error("\(error.description)")
            throw SiftExit.input
        }
        if !quiet {
            let stdout = StreamWriter.standardOutput
            stdout.write(Summary.render(report, directory: outDirectory))
            stdout.flush()
        }
        let alerts = rules.flatMap { rule in rule.matches(in: report).map { "\(rule): \($0)" } }
        if !alerts.isEmpty {
            for alert in alerts { log.error("alert: \(alert)") }
            throw SiftExit.alert
        }
    }
}

/// The short summary `analyze` prints: accounting per input, then the top findings.
enum Summary {
    static func render(_ report: AnalysisReport, directory: String) -> String {
        var s = ""
        for a in report.accounts {
            s += "\(a.file) [\(a.formatAndNote)]: read \(a.read) = accepted \(a.accepted) + rejected \(a.rejected)\n"
        }
        s += "all inputs: read \(report.totalRead) = accepted \(report.totalAccepted) + rejected \(report.totalRejected)\n"
        let o = report.overview
        if o.outsideWindow > 0 || o.filteredOut > 0 {
            s += "analysed \(o.records) = accepted \(report.totalAccepted) − \(o.outsideWindow) before --since − \(o.filteredOut) left out by --kind/--min-severity\n"
        }
        if let run = report.run {
            s += "run \(run.number) on this state: \(run.newRecords) new records\n"
        }
        if let findings = report.findings {
            s += "\ntop pain points:\n"
            for (rank, p) in findings.painPoints.prefix(5).enumerated() {
                var line = "\(rank + 1). \(p.label) — priority \(JSONWriter.format(p.priority.value, digits: 1)), \(p.records) records"
                if p.spike != nil { line += ", spiking" }
                if let status = p.status { line += ", \(status.rawValue)" }
                line += p.links.first.map { ", → \($0.itemID)" } ?? ", uncovered"
                s += line + "\n"
            }
        }
        s += "reports in \(directory)/\n"
        return s
    }
}
