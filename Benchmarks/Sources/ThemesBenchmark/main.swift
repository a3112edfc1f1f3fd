import Foundation
import SiftCore

// Development check of the clustering core alone on pre-tokenized gold data: `ThemesBenchmark gsdmm FILE.jsonl`.
// The figures in BENCHMARKS.md come from scripts/eval-themes on the real analyzer, not from this.
let args = CommandLine.arguments
if args.count >= 3, args[1] == "gsdmm" {
    let data = try String(contentsOfFile: args[2], encoding: .utf8)
    var vocab: [String: UInt32] = [:]
    var docs: [[UInt32]] = []
    var gold: [Int] = []
    for line in data.split(separator: "\n") {
        let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        let words = (obj["text"] as! String).split(separator: " ").map(String.init)
        docs.append(words.map { w in
            if let id = vocab[w] { return id }
            let id = UInt32(vocab.count); vocab[w] = id; return id
        })
        gold.append(obj["cluster"] as! Int)
    }
    let start = Date()
    let (assign, _) = DirichletMixture().cluster(docs, vocabularySize: vocab.count, threads: 2)
    let elapsed = Date().timeIntervalSince(start)
    let labels = assign.map { $0 ?? -1 }
    print("docs \(docs.count) clusters \(Set(labels).count) time \(String(format: "%.2f", elapsed))s")
    let out = labels.map(String.init).joined(separator: "\n")
    try out.write(toFile: "/tmp/themes-pred.txt", atomically: true, encoding: .utf8)
}
