/// The per-record analysis: each record's text is analyzed once (tokens, stems, language), and sentiment and
/// kind read that same analysis. Separate stages would tokenize each record once per stage.
public struct RecordAnalysisStage: RecordStage {
    public var text: TextAnalyzer
    public var sentiment: SentimentScorer
    public var kinds: KindClassifier
    /// Whether `analysis.sentences` is filled. A run whose later stages read no per-sentence score leaves it
    /// empty: a million records' sentence lists took about 100 MB.
    public var keepsSentenceScores: Bool

    public init(text: TextAnalyzer, sentiment: SentimentScorer, kinds: KindClassifier, keepsSentenceScores: Bool = true) {
        self.text = text
        self.sentiment = sentiment
        self.kinds = kinds
        self.keepsSentenceScores = keepsSentenceScores
    }

    /// The stage with the shipped lexicons, plus the user's sentiment overlays (`term<TAB>valence` texts).
    public init(lexicons: LexiconStore = .shipped, sentimentOverlays: [String] = []) throws {
        self.init(
            text: TextAnalyzer(lexicons: lexicons),
            sentiment: try SentimentScorer(lexicons: lexicons, overlays: sentimentOverlays),
            kinds: KindClassifier(lexicons: lexicons))
    }

    public func makeWorker() -> any RecordWorker {
        Worker(text: text.makeWorker(), sentiment: sentiment, kinds: kinds, keepsSentenceScores: keepsSentenceScores)
    }

    /// The text a record is judged by: its title, when it has one the body does not start with, then its body.
    public static func analyzedText(of record: FeedbackRecord) -> String {
        guard let title = record.title, !title.isEmpty, !record.text.hasPrefix(title) else { return record.text }
        let ends = title.last.map { ".!?".contains($0) } ?? false
        return title + (ends ? " " : ". ") + record.text
    }

    struct Worker: RecordWorker {
        let text: TextAnalyzerWorker
        let sentiment: SentimentScorer
        let kinds: KindClassifier
        let keepsSentenceScores: Bool
        /// This worker's memo of written forms for kind classification.
        var kindMemo = KindMemo()
        /// This worker's scoring buffers and memo of resolved words: without it, every word of every record was
        /// resolved afresh through the lexicons (sentiment took twice the instructions).
        var sentimentScratch = SentimentScratch()
        /// The buffer a record's theme words are packed in.
        var themeScratch: [UInt8] = []

        mutating func process(_ record: inout FeedbackRecord) {
            let judged = RecordAnalysisStage.analyzedText(of: record)
            let analyzed = text.analyze(judged, languageHint: record.language)
            var analysis = record.analysis ?? Analysis()
            if keepsSentenceScores {
                let scored = sentiment.scoreWithoutExplanation(analyzed, reusing: &sentimentScratch)
                analysis.sentiment = scored.score
                // A one-sentence record's sentence score is its own score; a million of them kept twice cost 150 MB.
                analysis.sentences = scored.sentences.count > 1 ? scored.sentences : []
            } else {
                // The record's score alone: no sentence list is built at all.
                analysis.sentiment = sentiment.compoundScore(analyzed, reusing: &sentimentScratch)
                analysis.sentences = []
            }
            let kind = kinds.kindsAndSeverity(analyzed, sentiment: analysis.sentiment, memo: &kindMemo)
            analysis.language = analyzed.language
            analysis.languageConfidence = analyzed.languageConfidence
            analysis.kinds = kind.kinds
            analysis.severity = kind.severity
            analysis.side = kind.side
            // Themes are found from the body alone; when that is all that was analysed, its words are handed on.
            if judged.utf8.count == record.text.utf8.count {
                analysis.themeWords = ThemeWords(contentWordsOf: analyzed, scratch: &themeScratch)
            }
            record.analysis = analysis
        }
    }
}
