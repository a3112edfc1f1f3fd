// Measures the text chain on one core: tokens per second over the review texts of a directory of CSV exports.
// Usage: text-bench [DIR] [PASSES] [--analyze-only]   (default ../shared/data/googleplay-top20-app-reviews, 5 passes)
import Foundation
import SiftCore

let arguments = Array(CommandLine.arguments.dropFirst())
let directory = arguments.first ?? "/work/shared/data/googleplay-top20-app-reviews"
let passes = arguments.count > 1 ? Int(arguments[1]) ?? 5 : 5
let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".csv") }.sorted()
var texts: [String] = []
_ = try Ingestor().ingest(files.map { InputSource(path: directory + "/" + $0) }) { event in
    if case .record(let record) = event { texts.append(record.text) }
}
let bytes = texts.reduce(0) { $0 + $1.utf8.count }
print("\(texts.count) texts, \(bytes) bytes from \(files.count) files in \(directory)")

/// Runs `body` over every text `passes` times after one warm-up pass; returns (tokens per pass, best seconds).
@MainActor func measure(_ label: String, _ body: (String) -> Int) {
    var tokens = 0
    for text in texts { tokens += body(text) }
    var best = Double.infinity
    for _ in 0..<passes {
        let start = DispatchTime.now().uptimeNanoseconds
        var count = 0
        for text in texts { count += body(text) }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        precondition(count == tokens)
    }
    let perSecond = Double(tokens) / best
    print(String(format: "%@: %d tokens in %.3f s (best of %d) = %.2f M tokens/s, %.1f MB/s", label, tokens, best, passes,
        perSecond / 1e6, Double(bytes) / best / 1e6))
}

let worker = TextAnalyzer().makeWorker()
measure("analyze, language given (en)") { worker.analyze($0, languageHint: "en").tokens.count }
let analyzeOnly = arguments.contains("--analyze-only")
if analyzeOnly { exit(0) }
measure("analyze, language detected (CLD2)") { worker.analyze($0).tokens.count }
if let identifier = LanguageIdentifier(engine: .cld2) {
    measure("CLD2 identification alone (count = texts)") { _ = identifier.identify($0); return 1 }
}

// Phrases: what the collocation finder makes of the same corpus (deterministic; printed for review).
var finder = PhraseFinder()
let phraseStart = DispatchTime.now().uptimeNanoseconds
for text in texts { finder.add(worker.analyze(text, languageHint: "en")) }
let phrases = finder.phrases()
print(String(format: "phrases: %d found in %.2f s (analysis included)", phrases.count,
    Double(DispatchTime.now().uptimeNanoseconds - phraseStart) / 1e9))
print(phrases.prefix(60).map { "\($0.text) (\($0.count))" }.joined(separator: ", "))
