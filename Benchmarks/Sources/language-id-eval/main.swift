// Measures language identification on a labelled set of short texts (scripts/data/language-id-reviews.tsv):
// per engine, accuracy per language and overall, how often it answers `und`, and accuracy on texts of at most
// three words. Usage: language-id-eval [TSV]
import Foundation
import SiftCore

let path = CommandLine.arguments.dropFirst().first
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("scripts/data/language-id-reviews.tsv").path
let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
let samples: [(language: String, text: String)] = lines.compactMap { line in
    guard !line.hasPrefix("#"), let tab = line.firstIndex(of: "\t") else { return nil }
    return (String(line[..<tab]), String(line[line.index(after: tab)...]))
}
let languages = Array(Set(samples.map(\.language))).sorted()
print("\(samples.count) texts, \(languages.count) languages: \(path)")

struct Tally {
    var right = 0, total = 0, und = 0, shortRight = 0, shortTotal = 0
    var percent: String { total == 0 ? "-" : String(format: "%.1f", 100 * Double(right) / Double(total)) }
}

/// An engine as measured: the library alone, or with sift's script fallback for what it cannot tell.
struct Setup: Hashable {
    var engine: LanguageIdentifierEngine
    var scriptFallback: Bool
    var name: String { engine.rawValue + (scriptFallback ? "+script" : "") }
}
let setups = LanguageIdentifierEngine.allCases.flatMap { [Setup(engine: $0, scriptFallback: false), Setup(engine: $0, scriptFallback: true)] }
var results: [Setup: [String: Tally]] = [:]
var confusions: [Setup: [String: Int]] = [:]
for engine in setups {
    guard let identifier = LanguageIdentifier(engine: engine.engine, scriptFallback: engine.scriptFallback) else {
        print("\(engine.name): cannot open")
        continue
    }
    var tallies: [String: Tally] = [:]
    let start = DispatchTime.now().uptimeNanoseconds
    for sample in samples {
        let guess = identifier.identify(sample.text)
        let short = sample.text.split(separator: " ").count <= 3
        for key in [sample.language, "all"] {
            var t = tallies[key, default: Tally()]
            t.total += 1
            if guess.language == sample.language { t.right += 1 }
            if guess.language == "und" { t.und += 1 }
            if short {
                t.shortTotal += 1
                if guess.language == sample.language { t.shortRight += 1 }
            }
            tallies[key] = t
        }
        if guess.language != sample.language { confusions[engine, default: [:]]["\(sample.language)→\(guess.language)", default: 0] += 1 }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    results[engine] = tallies
    print("\(engine.name): \(String(format: "%.0f", Double(samples.count) / seconds)) texts/s")
}

let engines = setups.filter { results[$0] != nil }
print("\n| language | " + engines.map { "\($0.name) accuracy %" }.joined(separator: " | ") + " |")
print("|---|" + engines.map { _ in "---:" }.joined(separator: "|") + "|")
for language in languages + ["all"] {
    print("| \(language) | " + engines.map { results[$0]![language]!.percent }.joined(separator: " | ") + " |")
}
for engine in engines {
    let all = results[engine]!["all"]!
    print("\(engine.name): und answers \(all.und)/\(all.total); right when answering \(all.right)/\(all.total - all.und); texts of ≤ 3 words right \(all.shortRight)/\(all.shortTotal)")
    let worst = confusions[engine, default: [:]].sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(8)
    print("  most frequent errors: " + worst.map { "\($0.key) ×\($0.value)" }.joined(separator: ", "))
}
