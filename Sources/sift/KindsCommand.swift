import ArgumentParser
import Foundation
import SiftCore
#if canImport(Glibc)
import Glibc
#endif

/// `sift kinds`: the kind and severity of each text, one JSON line in, one out.
struct Kinds: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kinds",
        abstract: "Tell the kinds and severity of texts.",
        discussion: """
            Reads JSON Lines with a "text" field (and optional "id" and "language"), or plain lines of text (a \
            line that is not valid JSON is a text, even one starting with "{"), and writes one JSON line per input \
            line: id, kinds with confidences, severity and, with --cues, the cues that matched.
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

    @Option(help: "Threads (default: all cores); the output is the same for any number.")
    var threads: Int?

    func run() throws {
        let threads = try threadCount(threads)
        let fd: Int32
        if input == "-" {
            fd = 0
        } else {
            fd = open(input, O_RDONLY)
            guard fd >= 0 else {
                printError("sift: cannot read \(input): \(String(cString: strerror(errno)))")
                throw SiftExit.input
            }
            // A directory opens, and only its first read fails.
            var status = stat()
            if fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                close(fd)
                printError("sift: cannot read \(input): it is a directory; give a file of texts, one a line")
                throw SiftExit.input
            }
        }
        defer { if fd != 0 { close(fd) } }
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
        let analyzer = TextAnalyzer(lexicons: .shipped)
        let batch = ParallelBatch(threads: threads) { [classifier] in
            KindsLine.Slot(analyzer: analyzer.makeWorker(), kinds: classifier.makeWorker())
        }
        let options = KindsLine.Options(source: input, cues: cues, features: features, scorer: scorer)
        let out = StreamWriter.standardOutput
        // Lines in batches, each classified on every core and written in input order: memory holds a batch, not
        // the input.
        let batchSize = 2048 * threads
        var pending: [(number: Int, text: String)] = []
        pending.reserveCapacity(batchSize)
        func flush() {
            for line in batch.map(pending, { slot, line in KindsLine.classify(line.text, number: line.number, options, &slot) }) {
                switch line {
                case .json(let bytes):
                    out.write(bytes)
                    out.write(CollectionOfOne(UInt8(ascii: "\n")))
                case .skipped(let message):
                    printError(message)
                }
            }
            pending.removeAll(keepingCapacity: true)
        }
        var lineNumber = 0
        let failure = forEachLine(of: fd) { line, _ in
            lineNumber += 1
            let text = String(decoding: line, as: UTF8.self)
            if text.utf8.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { return }
            pending.append((lineNumber, text))
            if pending.count == batchSize { flush() }
        }
        flush()
        out.flush()
        if let failure {
            printError("sift: reading \(input) failed after line \(lineNumber): \(String(cString: strerror(failure))); the lines before it are written")
            throw SiftExit.input
        }
    }
}

/// One input line of `sift kinds`: a JSON object with a "text" field or a plain text, classified into one JSON line.
enum KindsLine {
    /// What one thread classifies with, kept from batch to batch.
    struct Slot {
        let analyzer: TextAnalyzerWorker
        var kinds: KindClassifier.Worker
        var sentimentScratch = SentimentScratch()
    }

    struct Options: Sendable {
        let source: String
        let cues: Bool
        let features: Bool
        let scorer: SentimentScorer?
    }

    enum Output {
        case json([UInt8])
        /// Not a JSON object with a "text" string: the message says where.
        case skipped(String)
    }

    static func classify(_ line: String, number: Int, _ options: Options, _ slot: inout Slot) -> Output {
        var id: String?
        var text = line
        var language: String?
        // A line that is not JSON is a text, even one opening with a brace ("{ Continue with Google } option is
        // bad…" was skipped, and its review lost).
        if line.utf8.first == UInt8(ascii: "{"), let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] {
            guard let value = object["text"] as? String else {
                return .skipped("\(options.source):\(number): a JSON object with no \"text\" string; skipped")
            }
            text = value
            id = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue
            language = object["language"] as? String
        }
        let analyzed = slot.analyzer.analyze(text, languageHint: language)
        let result = slot.kinds.classify(analyzed, sentiment: options.scorer?.compoundScore(analyzed, reusing: &slot.sentimentScratch))
        // A writer per line: its bytes wait in the batch until the lines before them are written.
        var json = JSONWriter()
        json.beginObject()
        json.field("line", number)
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
        if options.features {
            json.beginArray(key: "features")
            for feature in KindFeatures.features(of: analyzed) { json.value(feature) }
            json.endArray()
            json.beginObject(key: "cue_confidences")
            for kind in FeedbackKind.allCases {
                if let confidence = result.cueConfidences[kind] { json.field(kind.rawValue, confidence, digits: 4) }
            }
            json.endObject()
        }
        if options.cues {
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
        return .json(json.bytes)
    }
}
