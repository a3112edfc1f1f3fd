import ArgumentParser
import Foundation
import SiftCore

/// `sift kinds`: the kind and severity of each text, one JSON line in, one out.
struct Kinds: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kinds",
        abstract: "Tell the kinds and severity of texts.",
        discussion: """
            Reads JSON Lines with a "text" field (and optional "id" and "language"), or plain lines of text, and \
            writes one JSON line per input line: id, kinds with confidences, severity and, with --cues, the cues \
            that matched.
            """)

    @Argument(help: "A JSON Lines or text file; - reads standard input.")
    var input: String = "-"

    @Flag(help: "Also print the cues that matched.")
    var cues = false

    @Flag(help: "Classify without the sentiment score (topic words then need a bug cue beside them).")
    var noSentiment = false

    @Flag(help: "Print the learned model's features of each text, and the kinds the cues alone give (for scripts/train-kinds).")
    var features = false

    @Flag(inversion: .prefixedNo, help: "Blend the learned model (Lexicons/model/kinds.tsv) with the cues (--no-model: the cues alone).")
    var model = true

    @Option(help: ArgumentHelp("A kind model file to use instead of the shipped one (for scripts/train-kinds).", visibility: .hidden))
    var modelFile: String?

    func run() throws {
        let data: Data
        if input == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let read = FileManager.default.contents(atPath: input) else {
                printError("sift: cannot read \(input)")
                throw SiftExit.input
            }
            data = read
        }
        let analyzer = TextAnalyzer(lexicons: .shipped).makeWorker()
        var classifier = KindClassifier(useModel: model && !features)
        if let modelFile, model, !features {
            guard let text = try? String(contentsOfFile: modelFile, encoding: .utf8), let loaded = KindModel(text: text) else {
                printError("sift: \(modelFile) is not a readable kind model")
                throw SiftExit.input
            }
            classifier.model = loaded
        }
        let scorer: SentimentScorer?
        do { scorer = noSentiment ? nil : try SentimentScorer() } catch {
            printError("sift: \(error)")
            throw SiftExit.input
        }
        var kindWorker = classifier.makeWorker()
        var sentimentScratch = SentimentScratch()
        let out = StreamWriter.standardOutput
        var json = JSONWriter()
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let bytes = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            if bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
            var id: String?
            var text = String(decoding: bytes, as: UTF8.self)
            var language: String?
            if bytes.first == UInt8(ascii: "{") {
                guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
                    let value = object["text"] as? String
                else {
                    printError("\(input):\(lineNumber): not a JSON object with a \"text\" string; skipped")
                    continue
                }
                text = value
                id = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue
                language = object["language"] as? String
            }
            let analyzed = analyzer.analyze(text, languageHint: language)
            let result = kindWorker.classify(analyzed, sentiment: scorer?.compoundScore(analyzed, reusing: &sentimentScratch))
            json.reset()
            json.beginObject()
            json.field("line", lineNumber)
            json.field("id", id)
            json.field("language", analyzed.language)
            json.beginArray(key: "kinds")
            for kind in result.kinds {
                json.beginObject()
                json.field("kind", kind.kind.rawValue)
                json.field("confidence", kind.confidence, digits: 3)
                json.endObject()
            }
            json.endArray()
            json.field("severity", result.severity.rawValue)
            json.field("side", result.side.rawValue)
            if features {
                json.beginArray(key: "features")
                for feature in KindFeatures.features(of: analyzed) { json.value(feature) }
                json.endArray()
                json.beginObject(key: "cue_confidences")
                for kind in FeedbackKind.allCases {
                    if let confidence = result.cueConfidences[kind] { json.field(kind.rawValue, confidence, digits: 4) }
                }
                json.endObject()
            }
            if cues {
                json.beginArray(key: "cues")
                for cue in result.cues {
                    json.beginObject()
                    json.field("cue", cue.cue)
                    json.field("kind", cue.kind.rawValue)
                    json.endObject()
                }
                json.endArray()
                json.field("severity_cue", result.severityCue)
            }
            json.endObject()
            out.write(json.bytes)
            out.write(CollectionOfOne(UInt8(ascii: "\n")))
        }
        out.flush()
    }
}
