/// The record stage that scores each record's sentiment and its sentences' sentiment.
public struct SentimentStage: RecordStage {
    public var scorer: SentimentScorer
    public var analyzer: TextAnalyzer

    public init(scorer: SentimentScorer, analyzer: TextAnalyzer = TextAnalyzer()) {
        self.scorer = scorer
        self.analyzer = analyzer
    }

    public func makeWorker() -> any RecordWorker {
        Worker(scorer: scorer, analyzer: analyzer.makeWorker())
    }

    /// Analyzes the text itself until the per-record stages share one analysis.
    struct Worker: RecordWorker {
        let scorer: SentimentScorer
        let analyzer: TextAnalyzerWorker

        mutating func process(_ record: inout FeedbackRecord) {
            let analyzed = analyzer.analyze(record.text, languageHint: record.language)
            var run = ScoringRun(scorer: scorer, text: analyzed, explain: false)
            let result = run.result()
            var analysis = record.analysis ?? Analysis(language: analyzed.language, languageConfidence: analyzed.languageConfidence)
            analysis.sentiment = result.score
            analysis.sentences = result.sentences
            record.analysis = analysis
        }
    }
}
