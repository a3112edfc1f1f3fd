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
        forEachContentWord { index, run, capitalised in
            out.append(ContentWord(
                stem: tokens[index].stem, folded: tokens[index].folded, run: run, sentence: tokens[index].sentence,
                capitalised: capitalised))
        }
        return out
    }

    /// Calls `body` with the token index of each of `contentWords()`, its run and whether it is capitalised, in
    /// text order, without making the words.
    func forEachContentWord(_ body: (_ token: Int, _ run: Int, _ capitalised: Bool) -> Void) {
        var run = 0
        var lastWasContent = false
        // Token fields are read through the buffers, and the text's bytes in place: a `for token in` loop copied
        // each token, and the text was copied into an array per record to read one byte of some words.
        var text = self.text
        text.withUTF8 { bytes in
            tokens.withUnsafeBufferPointer { tokens in
                for index in tokens.indices {
                    let kind = tokens[index].kind, flags = tokens[index].flags
                    let isWord = kind == .word || kind == .hashtag
                    // Negators ("can't", "never") carry mood, not topic: a theme about "can't" is no theme.
                    let content = isWord && !flags.contains(.stopword) && !flags.contains(.negator)
                        && Self.isContentForm(tokens[index].folded)
                    if content {
                        if !lastWasContent || flags.contains(.sentenceStart) { run += 1 }
                        let start = tokens[index].utf8Range.lowerBound
                        let first = start < bytes.count ? bytes[start] : 0
                        let upper = (first >= 65 && first <= 90 && !flags.contains(.sentenceStart)) || flags.contains(.allCaps)
                        body(index, run, upper)
                    }
                    lastWasContent = content
                }
            }
        }
    }

    /// Whether a folded word has more than one character and a letter among them; ASCII is read as bytes, where
    /// scalar properties were most of the cost.
    private static func isContentForm(_ folded: String) -> Bool {
        let ascii = folded.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            var letter = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") { letter = true }
            }
            return bytes.count > 1 && letter
        }
        if let ascii, let decided = ascii { return decided }
        return folded.unicodeScalars.count > 1 && folded.unicodeScalars.contains { $0.properties.isAlphabetic }
    }
}
