import Foundation

/// A phrase that sums up a text or a set of texts, as its readers wrote it.
public struct Keyphrase: Sendable, Hashable {
    /// The most frequent written form, folded ("battery drain").
    public var text: String
    /// Its stems, space-separated: inflections share one key ("crash", "crashes", "crashing" → "crash").
    public var key: String
    /// Lower is better (YAKE's convention).
    public var score: Double
    /// Occurrences across the texts.
    public var count: Int
}

/// Finds keyphrases with a statistical scorer of the YAKE class (Campos et al., 2020) adapted to short texts:
/// each word is scored from its case, position, frequency, relatedness to its neighbours and spread over
/// texts; a phrase of up to `maxWords` adjacent content words scores from the geometric mean of its words
/// and its own frequency.
public struct KeyphraseExtractor: Sendable {
    public var maxWords: Int
    public var boilerplate: Boilerplate
    /// Folded names to drop from phrases altogether (the app's own name).
    public var names: Set<String>

    public init(maxWords: Int = 3, boilerplate: Boilerplate = Boilerplate(), names: Set<String> = []) {
        self.maxWords = max(1, maxWords)
        self.boilerplate = boilerplate
        self.names = names
    }

    /// The best `limit` keyphrases of one text.
    public func keyphrases(in text: AnalyzedText, limit: Int = 5) -> [Keyphrase] {
        keyphrases(in: [text], limit: limit)
    }

    /// The best `limit` keyphrases of a set of texts taken as one corpus; spread counts texts, not sentences.
    public func keyphrases(in texts: [AnalyzedText], limit: Int = 10) -> [Keyphrase] {
        let perText = texts.map { text in
            (text.contentWords().filter { !names.contains($0.folded) && !names.contains($0.stem) }, text.language)
        }
        let single = texts.count == 1
        // Word statistics.
        struct WordStats { var count = 0; var upper = 0; var sentences: [Int] = []; var units = Set<Int>(); var left = Set<String>(); var right = Set<String>(); var leftN = 0; var rightN = 0 }
        var stats: [String: WordStats] = [:]
        var units = 0
        for (t, (words, _)) in perText.enumerated() {
            units += single ? (words.map(\.sentence).max().map { $0 + 1 } ?? 0) : 1
            for (i, w) in words.enumerated() {
                var s = stats[w.stem] ?? WordStats()
                s.count += 1
                if w.capitalised { s.upper += 1 }
                s.sentences.append(w.sentence)
                s.units.insert(single ? w.sentence : t)
                if i > 0, words[i - 1].run == w.run { s.left.insert(words[i - 1].stem); s.leftN += 1 }
                if i + 1 < words.count, words[i + 1].run == w.run { s.right.insert(words[i + 1].stem); s.rightN += 1 }
                stats[w.stem] = s
            }
        }
        guard !stats.isEmpty else { return [] }
        let counts = stats.values.map { Double($0.count) }
        let mean = counts.reduce(0, +) / Double(counts.count)
        let std = (counts.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(counts.count)).squareRoot()
        let maxCount = counts.max() ?? 1
        var wordScore: [String: Double] = [:]
        for (stem, s) in stats {
            let tf = Double(s.count)
            let caseWeight = Double(s.upper) / (1 + Foundation.log(tf))
            let sorted = s.sentences.sorted()
            let position = Foundation.log(Foundation.log(3 + Double(sorted[sorted.count / 2])))
            let frequency = tf / (mean + std + 1e-9)
            let dl = s.leftN == 0 ? 0 : Double(s.left.count) / Double(s.leftN)
            let dr = s.rightN == 0 ? 0 : Double(s.right.count) / Double(s.rightN)
            let relatedness = 1 + (dl + dr) * tf / maxCount
            let spread = Double(s.units.count) / Double(max(1, units))
            wordScore[stem] = relatedness * position / (caseWeight + frequency / relatedness + spread / relatedness + 1e-9)
        }
        // Candidate phrases: runs of adjacent content words, up to maxWords, not starting or ending with boilerplate.
        var phraseCount: [String: Int] = [:]
        var surfaces: [String: [String: Int]] = [:]
        var phraseStems: [String: [String]] = [:]
        for (words, language) in perText {
            var i = 0
            while i < words.count {
                for n in 1...maxWords where i + n <= words.count {
                    let slice = words[i..<(i + n)]
                    guard slice.first!.run == slice.last!.run else { break }
                    if boilerplate.contains(slice.first!.stem, language: language) || boilerplate.contains(slice.last!.stem, language: language)
                        || boilerplate.contains(slice.first!.folded, language: language) || boilerplate.contains(slice.last!.folded, language: language) {
                        continue
                    }
                    let stems = slice.map(\.stem)
                    if Set(stems).count < stems.count { continue }
                    let key = stems.joined(separator: " ")
                    phraseCount[key, default: 0] += 1
                    surfaces[key, default: [:]][slice.map(\.folded).joined(separator: " "), default: 0] += 1
                    phraseStems[key] = stems
                }
                i += 1
            }
        }
        var candidates: [Keyphrase] = phraseCount.map { key, count in
            let stems = phraseStems[key]!
            // YAKE multiplies word scores, which favours long phrases seen once ("crashed twice today" over
            // "crash" seen four times) — in short texts most phrases are seen once. The geometric mean keeps the
            // word evidence length-neutral; a slight bonus per word prefers the longer of two equally frequent phrases.
            let product = stems.reduce(1.0) { $0 * (wordScore[$1] ?? 1) }
            let mean = Foundation.pow(product, 1 / Double(stems.count))
            let score = mean / (Double(count) * (1 + 0.25 * Double(stems.count - 1)))
            let surface = surfaces[key]!.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!.key
            return Keyphrase(text: surface, key: key, score: score, count: count)
        }
        candidates.sort { $0.score != $1.score ? $0.score < $1.score : $0.key < $1.key }
        return Self.distinct(candidates, limit: limit)
    }

    /// The first `limit` phrases that are not near-duplicates of a phrase kept before them: sharing half their
    /// stems ("crash on start" after "crash"), or written almost the same ("log in" / "login").
    static func distinct(_ ranked: [Keyphrase], limit: Int) -> [Keyphrase] {
        var kept: [Keyphrase] = []
        var keptStems: [Set<String>] = []
        for candidate in ranked where kept.count < limit {
            let stems = Set(candidate.key.split(separator: " ").map(String.init))
            let squeezed = candidate.key.replacingOccurrences(of: " ", with: "")
            let duplicate = zip(kept, keptStems).contains { other, otherStems in
                let shared = stems.intersection(otherStems).count
                if Double(shared) / Double(min(stems.count, otherStems.count)) >= 0.5 { return true }
                return squeezed == other.key.replacingOccurrences(of: " ", with: "")
            }
            if !duplicate {
                kept.append(candidate)
                keptStems.append(stems)
            }
        }
        return kept
    }
}
