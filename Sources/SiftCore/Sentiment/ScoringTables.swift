/// The lookups scoring reads for every record, behind one reference: starting a `ScoringRun` retains this object
/// instead of every dictionary and table of `SentimentLexicons` (those copies were a tenth of `sift sentiment -`).
final class ScoringTables: Sendable {
    let lexicons: SentimentLexicons
    /// Each language's lookup in a short array: a record's lexicon is found by comparing two-letter codes, without
    /// hashing the code into a Dictionary.
    let languages: [(language: String, lookup: LexiconLookup)]
    let english: LexiconLookup?
    let multilingual: LexiconLookup
    let emoji: WordTable<Double>
    let emoticons: WordTable<Double>
    let stopwords: [(language: String, words: WordSet)]

    init(_ lexicons: SentimentLexicons) {
        self.lexicons = lexicons
        languages = lexicons.languages.sorted { $0.key < $1.key }.map { ($0.key, $0.value.lookup) }
        english = lexicons.languages["en"]?.lookup
        multilingual = lexicons.multilingual.lookup
        emoji = lexicons.emojiTable
        emoticons = lexicons.emoticonTable
        stopwords = lexicons.stopwordTables
    }

    /// The lookup of a language's lexicon, nil for a language sift has no lexicon for.
    @inline(__always)
    func lookup(_ language: String) -> LexiconLookup? {
        for entry in languages where entry.language == language { return entry.lookup }
        return nil
    }
}
