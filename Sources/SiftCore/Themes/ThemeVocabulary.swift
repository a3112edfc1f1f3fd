/// Words a theme label or keyphrase should not lead with: what every review says ("app", "please", "good").
/// Read from `Lexicons/<lang>/theme-boilerplate.txt`; the app's own name is added per run.
public struct Boilerplate: Sendable {
    /// Stems and folded forms, per language; `und` texts use English.
    private var words: [String: Set<String>]

    public init(lexicons: LexiconStore = .shipped) {
        var words: [String: Set<String>] = [:]
        for path in lexicons.paths where path.hasSuffix("/theme-boilerplate.txt") {
            let language = String(path.prefix { $0 != "/" })
            words[language] = Set(lexicons.lines(path).map { $0.lowercased() })
        }
        self.words = words
    }

    /// Whether `form` (a folded word or its stem) is boilerplate in `language`.
    public func contains(_ form: String, language: String) -> Bool {
        words[language == "und" ? "en" : language]?.contains(form) ?? false
    }
}

/// One content word of a text as the theme stage reads it: stem for matching, folded form for display.
struct ContentWord: Sendable {
    var stem: String
    var folded: String
    /// Index of the run of adjacent content words it belongs to (a stopword, punctuation or sentence end breaks runs).
    var run: Int
    var sentence: Int
    /// Capitalised in the middle of a sentence, or in capitals: a name or an emphasis.
    var capitalised: Bool
}

extension AnalyzedText {
    /// The words that carry content: words and hashtags that are not stopwords, not one letter, not numbers.
    func contentWords() -> [ContentWord] {
        var out: [ContentWord] = []
        var run = 0
        var lastWasContent = false
        let bytes = Array(text.utf8)
        for token in tokens {
            let isWord = token.kind == .word || token.kind == .hashtag
            // Negators ("can't", "never") carry mood, not topic: a theme about "can't" is no theme.
            let content = isWord && !token.flags.contains(.stopword) && !token.flags.contains(.negator)
                && token.folded.unicodeScalars.count > 1
                && token.folded.unicodeScalars.contains { $0.properties.isAlphabetic }
            if content {
                if !lastWasContent || token.flags.contains(.sentenceStart) { run += 1 }
                let first = token.utf8Range.lowerBound < bytes.count ? bytes[token.utf8Range.lowerBound] : 0
                let upper = (first >= 65 && first <= 90 && !token.flags.contains(.sentenceStart)) || token.flags.contains(.allCaps)
                out.append(ContentWord(stem: token.stem, folded: token.folded, run: run, sentence: token.sentence, capitalised: upper))
            }
            lastWasContent = content
        }
        return out
    }
}
