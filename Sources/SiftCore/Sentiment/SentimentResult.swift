/// What the scorer found in one text: the record score, each sentence's score and each scored token's part.
public struct SentimentResult: Sendable, Hashable {
    public var score: SentimentScore
    public var sentences: [SentenceSentiment]
    /// The words, phrases, emoji and punctuation that moved the score, in text order.
    public var contributions: [SentimentContribution]
    /// Things a reader of the explanation should know, such as a language with no lexicon.
    public var notes: [String]

    public init(score: SentimentScore, sentences: [SentenceSentiment], contributions: [SentimentContribution], notes: [String]) {
        self.score = score
        self.sentences = sentences
        self.contributions = contributions
        self.notes = notes
    }
}

/// One scored piece of a text: its valence from the lexicon, its valence after the rules, and the rules applied.
public struct SentimentContribution: Sendable, Hashable {
    /// The text as written ("NOT working", "😡", "!!!").
    public var text: String
    /// 0-based sentence index.
    public var sentence: Int
    /// Valence from the lexicon (−4…4); 0 for a word that only matters through a rule, such as a negated "load".
    public var base: Double
    /// Valence after every rule, as it enters the sentence sum.
    public var final: Double
    /// Where the base valence came from and each rule that changed it, in the order applied.
    public var rules: [String]

    public init(text: String, sentence: Int, base: Double, final: Double, rules: [String]) {
        self.text = text
        self.sentence = sentence
        self.base = base
        self.final = final
        self.rules = rules
    }
}

extension SentimentResult {
    /// A plain-text table of the scores and every contribution, for people deciding whether to trust a score.
    public func explanation() -> String {
        func fixed(_ value: Double) -> String {
            let rounded = (value * 100).rounded() / 100
            let sign = rounded > 0 ? "+" : ""
            var text = "\(sign)\(rounded)"
            if let dot = text.firstIndex(of: ".") {
                let decimals = text.distance(from: dot, to: text.endIndex) - 1
                if decimals < 2 { text += String(repeating: "0", count: 2 - decimals) }
            } else {
                text += ".00"
            }
            return text
        }
        func pad(_ text: String, _ width: Int) -> String {
            text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
        }
        var lines: [String] = []
        lines.append("compound \(fixed(score.compound))  positive \(fixed(score.positive))  negative \(fixed(score.negative))  neutral \(fixed(score.neutral))")
        for note in notes { lines.append("note: \(note)") }
        if contributions.isEmpty {
            lines.append("no word, phrase, emoji or emoticon in this text carries sentiment")
            return lines.joined(separator: "\n")
        }
        let width = max(5, min(32, contributions.map(\.text.count).max() ?? 5))
        lines.append("")
        lines.append("\(pad("token", width))  sentence  lexicon   final  why")
        for item in contributions {
            let why = item.rules.joined(separator: "; ")
            lines.append("\(pad(item.text, width))  \(pad(String(item.sentence + 1), 8))  \(pad(fixed(item.base), 7))  \(pad(fixed(item.final), 5))  \(why)")
        }
        for (index, sentence) in sentences.enumerated() {
            lines.append("sentence \(index + 1): \(fixed(sentence.score.compound))")
        }
        return lines.joined(separator: "\n")
    }
}
