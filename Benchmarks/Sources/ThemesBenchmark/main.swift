import Foundation
import SiftCore

// Themes benchmarks, release build:
//   ThemesBenchmark speed N [DATA_DIR]   — N records synthesised from googleplay-top20-app-reviews texts
//                                            (each 1–2 reviews of one app joined), themed by ThemeStage
//                                            (text analysis + clustering + naming); prints seconds and peak RSS.
//   ThemesBenchmark gsdmm FILE.jsonl     — the clustering core alone on pre-split words (development check).
let args = CommandLine.arguments

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

if args.count >= 3, args[1] == "speed" {
    let count = Int(args[2])!
    let dataDir = args.count >= 4 ? args[3] : "/work/shared/data/googleplay-top20-app-reviews"
    let files = try FileManager.default.contentsOfDirectory(atPath: dataDir).filter { $0.hasSuffix(".csv") }.sorted()
    var byApp: [[String]] = []
    for file in files {
        var texts: [String] = []
        _ = try Ingestor().ingest([InputSource(path: dataDir + "/" + file)]) { event in
            if case .record(let r) = event, !r.text.isEmpty { texts.append(r.text) }
        }
        byApp.append(texts)
    }
    var state: UInt64 = 20_240_601
    func next() -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(truncatingIfNeeded: state >> 33)
    }
    var records: [FeedbackRecord] = []
    records.reserveCapacity(count)
    for i in 0..<count {
        let app = byApp[next() % byApp.count]
        var text = app[next() % app.count]
        if next() % 2 == 0 { text += " " + app[next() % app.count] }
        records.append(FeedbackRecord(id: "s\(i)", source: "synthetic", format: "csv", text: text, language: "en",
                                      origin: RecordOrigin(file: "synthetic", line: i + 1)))
    }
    let before = peakMemoryMB()
    var corpus = Corpus(records: records)
    let start = Date()
    ThemeStage(threads: 2).run(&corpus)
    let seconds = Date().timeIntervalSince(start)
    let summary = corpus.themeSummary
    print(String(format: "records %d themes %d outliers %.1f %% time %.2f s peak RSS %.0f MB (before theming %.0f MB)",
                 count, corpus.themes.count, summary.outlierShare * 100, seconds, peakMemoryMB(), before))
} else if args.count >= 3, args[1] == "gsdmm" {
    let data = try String(contentsOfFile: args[2], encoding: .utf8)
    var vocab: [String: UInt32] = [:]
    var docs: [[UInt32]] = []
    for line in data.split(separator: "\n") {
        let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        docs.append((obj["text"] as! String).split(separator: " ").map { w in
            if let id = vocab[String(w)] { return id }
            let id = UInt32(vocab.count); vocab[String(w)] = id; return id
        })
    }
    let start = Date()
    let (assign, _) = DirichletMixture().cluster(docs, vocabularySize: vocab.count, threads: 2)
    print("docs \(docs.count) clusters \(Set(assign.map { $0 ?? -1 }).count) time \(String(format: "%.2f", Date().timeIntervalSince(start)))s")
    try assign.map { String($0 ?? -1) }.joined(separator: "\n").write(toFile: "/tmp/themes-pred.txt", atomically: true, encoding: .utf8)
} else {
    print("usage: ThemesBenchmark speed N [DATA_DIR] | gsdmm FILE.jsonl")
}
