import Foundation

/// The output directory of `sift analyze`: every file written atomically; rejections streamed as they come.
public final class ReportDirectory {
    public let path: String
    private let rejects: AtomicFile
    private var json = JSONWriter()

    public init(path: String) throws(ReportError) {
        self.path = path
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw ReportError("cannot create the output directory \(path): \(error.localizedDescription)")
        }
        rejects = try AtomicFile(path: path + "/rejects.jsonl")
    }

    /// Appends one rejection to `rejects.jsonl`.
    public func reject(_ rejection: Rejection) throws(ReportError) {
        json.reset()
        RecordLines.write(rejection, to: &json)
        try rejects.write(json.bytes)
        try rejects.write(CollectionOfOne(UInt8(ascii: "\n")))
    }

    /// Writes every report of the run and moves them into place.
    public func finish(_ report: AnalysisReport, corpus: Corpus) throws(ReportError) {
        try rejects.commit()
        let records = try AtomicFile(path: path + "/records.jsonl")
        for record in corpus.records {
            json.reset()
            RecordLines.write(record, to: &json)
            try records.write(json.bytes)
            try records.write(CollectionOfOne(UInt8(ascii: "\n")))
        }
        try records.commit()
        try AtomicFile.write(ReportJSON.render(report), to: path + "/report.json")
        try AtomicFile.write(Array(ReportMarkdown.render(report).utf8), to: path + "/report.md")
        try AtomicFile.write(Array(PainPointsCSV.render(report).utf8), to: path + "/pain-points.csv")
        try AtomicFile.write(Array(ReportHTML.render(report).utf8), to: path + "/report.html")
    }
}
