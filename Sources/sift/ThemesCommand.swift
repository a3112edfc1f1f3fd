import ArgumentParser
import Foundation
import SiftCore

/// `sift themes`: cluster the inputs' records into named themes and print them.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "Cluster feedback into named themes with quotes; the number of themes is inferred.")

    @OptionGroup var input: InputOptions

    @Flag(help: "Print one JSON object: the themes, the outlier count and each record's theme.")
    var json = false

    @Option(help: "Themes to print (text output).")
    var top: Int = 15

    @Option(help: "Treat records that declare no language as this one (ISO 639-1), instead of detecting it per record.")
    var language: String?

    func run() throws {
        let sources = try input.sources()
        let names = AnalysisRun.appNames(sources)
        let pipeline = Pipeline(
            ingestor: try input.makeIngestor(),
            recordStages: (language.map { [DeclaredLanguage(code: $0)] } ?? []) + [try RecordAnalysisStage()],
            corpusStages: [ThemeStage(names: names)])
        let corpus: Corpus
        do {
            corpus = try pipeline.run(sources) { event in
                if case .rejected(let rejection) = event { printError("\(rejection.origin): rejected: \(rejection.reason)") }
            }
        } catch let error as IngestError {
            printError("sift: \(error)")
            throw SiftExit.input
        }
        let out = StreamWriter.standardOutput
        let summary = corpus.themeSummary
        if json {
            var w = JSONWriter()
            w.beginObject()
            w.field("records", summary.records)
            w.field("outliers", summary.outliers)
            w.beginArray(key: "themes")
            for theme in corpus.themes { write(theme, to: &w) }
            w.endArray()
            w.beginArray(key: "assignments")
            for record in corpus.records {
                w.beginObject()
                w.field("id", record.id)
                w.field("line", record.origin.line)
                w.field("theme", record.analysis?.theme)
                w.endObject()
            }
            w.endArray()
            w.endObject()
            out.write(String(decoding: w.bytes, as: UTF8.self) + "\n")
        } else {
            out.write("\(summary.records) records, \(corpus.themes.count) themes, \(summary.outliers) outliers (\(percent(summary.outlierShare)))\n")
            for theme in corpus.themes.prefix(top) {
                let mood = theme.sentiment
                let rating = theme.meanRating.map { String(format: " · %.1f★", $0) } ?? ""
                out.write("\n#\(theme.id) [\(theme.language)] \(theme.title) — \(theme.size) records (\(percent(theme.share)))\(rating) · +\(mood.positive)/=\(mood.neutral)/−\(mood.negative)\n")
                for quote in theme.quotes {
                    let text = quote.text.replacingOccurrences(of: "\n", with: " ")
                    out.write("   “\(text.count > 160 ? String(text.prefix(157)) + "…" : text)” (\(quote.recordID))\n")
                }
            }
        }
        out.flush()
    }

    private func percent(_ share: Double) -> String { String(format: "%.1f %%", share * 100) }

    private func write(_ theme: Theme, to w: inout JSONWriter) {
        w.beginObject()
        w.field("id", theme.id)
        w.field("language", theme.language)
        w.beginArray(key: "label")
        for phrase in theme.label { w.value(phrase) }
        w.endArray()
        w.field("size", theme.size)
        w.field("share", theme.share)
        w.beginArray(key: "quotes")
        for quote in theme.quotes {
            w.beginObject()
            w.field("id", quote.recordID)
            w.field("text", quote.text)
            w.endObject()
        }
        w.endArray()
        w.beginObject(key: "sentiment")
        w.field("positive", theme.sentiment.positive)
        w.field("neutral", theme.sentiment.neutral)
        w.field("negative", theme.sentiment.negative)
        w.endObject()
        w.beginObject(key: "kinds")
        for kind in theme.kinds { w.field(kind.name, kind.count) }
        w.endObject()
        w.beginObject(key: "versions")
        for version in theme.versions { w.field(version.name, version.count) }
        w.endObject()
        w.field("first_seen", theme.firstSeen.map(UTCDate.iso8601))
        w.field("last_seen", theme.lastSeen.map(UTCDate.iso8601))
        w.field("mean_rating", theme.meanRating, digits: 2)
        w.endObject()
    }
}

/// Gives records without a declared language the one the user named, so short texts are not mis-detected.
private struct DeclaredLanguage: RecordStage, RecordWorker {
    let code: String
    func makeWorker() -> any RecordWorker { self }
    mutating func process(_ record: inout FeedbackRecord) {
        if record.language == nil { record.language = code }
    }
}
