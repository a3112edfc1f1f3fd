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
            // Only the lexicon depends on the language here: plain English text skips language identification.
            // On the Google Play reviews this changes 6 of 20,000 scores and no figure of scripts/eval-sentiment
            // for the worse (BENCHMARKS.md, "Speed of `sift sentiment -`").
            analyzer.plainEnglishStopwords = TextAnalyzerWorker.sentimentPlainEnglishStopwords
            analyzer.plainEnglishKnownShare = TextAnalyzerWorker.sentimentPlainEnglishKnownShare
            var jsonLine: [UInt8] = []
            let languageHint = language  // an option's getter per line showed in the profile
            forEachStandardInputLine { text in
                let score = scorer.compoundScore(analyzer.analyze(text, languageHint: languageHint))
                jsonLine.removeAll(keepingCapacity: true)
                jsonLine.append(contentsOf: #"{"compound":"#.utf8)
                Self.appendNumber(score.compound, digits: 4, to: &jsonLine)
                jsonLine.append(contentsOf: #","positive":"#.utf8)
                Self.appendNumber(score.positive, digits: 3, to: &jsonLine)
                jsonLine.append(contentsOf: #","negative":"#.utf8)
                Self.appendNumber(score.negative, digits: 3, to: &jsonLine)
                jsonLine.append(contentsOf: #","neutral":"#.utf8)
                Self.appendNumber(score.neutral, digits: 3, to: &jsonLine)
                jsonLine.append(contentsOf: "}\n".utf8)
                out.write(jsonLine)
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

    /// Appends `value` rounded to `digits` decimals, without trailing zeros ("0.25", "-1", "0"): JSON numbers
    /// written without Foundation's formatter, which dominated the time of a long pipe.
    static func appendNumber(_ value: Double, digits: Int, to bytes: inout [UInt8]) {
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        var scaled = Int((value * Double(scale)).rounded())
        if scaled < 0 { bytes.append(UInt8(ascii: "-")); scaled = -scaled }
        appendDigits(scaled / scale, width: 1, to: &bytes)
        var fraction = scaled % scale
        guard fraction != 0 else { return }
        var width = digits
        while fraction % 10 == 0 { fraction /= 10; width -= 1 }
        bytes.append(UInt8(ascii: "."))
        appendDigits(fraction, width: width, to: &bytes)
    }

    /// Appends the decimal digits of `value` (≥ 0), padded with leading zeros to `width`.
    static func appendDigits(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        var count = 1
        var limit = 10
        while value >= limit, count < 19 { count += 1; limit &*= 10 }
        count = max(count, width)
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        var rest = value
        var k = start + count - 1
        while rest > 0 {
            bytes[k] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            k -= 1
        }
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
