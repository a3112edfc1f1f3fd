import ArgumentParser
import SiftCore

/// `sift tokens`: shows what the text chain makes of a text, one token per line; a debugging aid.
struct Tokens: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Print the tokens of a text with kind, byte offsets, folded form, stem and flags.")

    @Argument(help: "The text to analyze; - reads standard input.")
    var text: String

    @Flag(help: "One JSON object per token: text, kind, start, end (UTF-8 byte offsets), folded, stem, flags, sentence.")
    var json = false

    @Option(help: "Analyze in this language (ISO 639-1) instead of detecting it.")
    var language: String?

    func run() throws {
        let input = text == "-" ? readStandardInput() : text
        let analyzed = TextAnalyzer().makeWorker().analyze(input, languageHint: language)
        let out = StreamWriter.standardOutput
        if json {
            var writer = JSONWriter()
            for token in analyzed.tokens {
                writer.reset()
                writer.beginObject()
                writer.field("text", String(analyzed.original(token)))
                writer.field("kind", token.kind.rawValue)
                writer.field("start", token.utf8Range.lowerBound)
                writer.field("end", token.utf8Range.upperBound)
                writer.field("folded", token.folded)
                writer.field("stem", token.stem)
                writer.beginArray(key: "flags")
                for name in token.flags.names { writer.value(name) }
                writer.endArray()
                writer.field("sentence", token.sentence)
                writer.endObject()
                out.write(writer.bytes)
                out.write("\n")
            }
        } else {
            out.write("# language \(analyzed.language) (confidence \(JSONWriter.format(analyzed.languageConfidence, digits: 2))), \(analyzed.tokens.count) tokens, \(analyzed.sentences.count) sentences\n")
            for token in analyzed.tokens {
                let original = String(analyzed.original(token)).replacingNewlines()
                let flags = token.flags.names.joined(separator: ",")
                out.write("\(token.sentence)\t\(token.kind.rawValue)\t\(token.utf8Range.lowerBound)-\(token.utf8Range.upperBound)\t\(original)\t\(token.folded)\t\(token.stem)\t\(flags.isEmpty ? "-" : flags)\n")
            }
        }
        out.flush()
    }

    private func readStandardInput() -> String {
        var bytes: [UInt8] = []
        while let line = readLine(strippingNewline: false) { bytes.append(contentsOf: line.utf8) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        String(unicodeScalars.map { $0 == "\n" || $0 == "\t" || $0 == "\r" ? " " : Character($0) })
    }
}
