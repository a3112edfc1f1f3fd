import ArgumentParser
import Foundation
import SiftCore
#if canImport(Glibc)
import Glibc
#endif

/// `sift sentiment`: scores one text, or one text per line of standard input.
struct SentimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment",
        abstract: "Score the sentiment of a text (compound -1…1 and positive/negative/neutral shares).",
        discussion: "With -, reads one text per line from standard input and writes one JSON line per text.")

    @Argument(help: "The text to score; - reads one text per line from standard input.")
    var text: String

    @Flag(help: "Show each word's valence and the rule that changed it.")
    var explain = false

    @Option(name: .customLong("lexicon"), help: "Overlay your own lexicon: a file of 'term<TAB>valence' lines (repeatable).")
    var lexicons: [String] = []

    @Option(help: "Score in this language (ISO 639-1) instead of detecting it.")
    var language: String?

    func run() throws {
        var overlays: [String] = []
        for path in lexicons {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("cannot read lexicon file '\(path)'")
            }
            overlays.append(String(decoding: data, as: UTF8.self))
        }
        let scorer: SentimentScorer
        do { scorer = try SentimentScorer(overlays: overlays) } catch { throw ValidationError(String(describing: error)) }
        let analyzer = TextAnalyzer().makeWorker()
        let out = StreamWriter.standardOutput
        if text == "-" {
            var json = JSONWriter()
            forEachStandardInputLine { line in
                let score = scorer.compoundScore(analyzer.analyze(line, languageHint: language))
                json.reset()
                json.beginObject()
                json.field("compound", score.compound)
                json.field("positive", score.positive, digits: 3)
                json.field("negative", score.negative, digits: 3)
                json.field("neutral", score.neutral, digits: 3)
                json.endObject()
                out.write(json.bytes)
                out.write(CollectionOfOne(UInt8(ascii: "\n")))
            }
        } else {
            let result = scorer.score(analyzer.analyze(text, languageHint: language))
            if explain {
                out.write(result.explanation() + "\n")
            } else {
                let s = result.score
                out.write("compound \(JSONWriter.format(s.compound, digits: 4))  positive \(JSONWriter.format(s.positive, digits: 3))  negative \(JSONWriter.format(s.negative, digits: 3))  neutral \(JSONWriter.format(s.neutral, digits: 3))\n")
            }
        }
        out.flush()
    }

    /// Calls `body` with each line of standard input (without its line ending), reading in large blocks.
    private func forEachStandardInputLine(_ body: (String) -> Void) {
        var pending: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 16)
        func emit(_ line: ArraySlice<UInt8>) {
            var line = line
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            body(String(decoding: line, as: UTF8.self))
        }
        while true {
            let n = block.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress!, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            pending.append(contentsOf: block[0..<n])
            var start = 0
            while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                emit(pending[start..<newline])
                start = newline + 1
            }
            pending.removeFirst(start)
        }
        if !pending.isEmpty { emit(pending[...]) }
    }
}
