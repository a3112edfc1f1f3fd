/// The per-record stage that sets each record's kinds and severity; it analyzes the text itself until the
/// per-record stages share one analysis.
public struct KindStage: RecordStage {
    public var analyzer: TextAnalyzer
    public var classifier: KindClassifier
    /// Scores the text's sentiment for the classifier when set; topic words then count in negative records.
    public var scorer: SentimentScorer?

    public init(analyzer: TextAnalyzer = TextAnalyzer(), classifier: KindClassifier = KindClassifier(), scorer: SentimentScorer? = nil) {
        self.analyzer = analyzer
        self.classifier = classifier
        self.scorer = scorer
    }

    public func makeWorker() -> any RecordWorker {
        Worker(analyzer: analyzer.makeWorker(), classifier: classifier, scorer: scorer)
    }

    /// The text a record is judged by: its title, when it has one, then its body.
    public static func classifiedText(of record: FeedbackRecord) -> String {
        guard let title = record.title, !title.isEmpty, !record.text.hasPrefix(title) else { return record.text }
        let ends = title.last.map { ".!?".contains($0) } ?? false
        return title + (ends ? " " : ". ") + record.text
    }

    struct Worker: RecordWorker {
        var analyzer: TextAnalyzerWorker
        let classifier: KindClassifier
        let scorer: SentimentScorer?

        mutating func process(_ record: inout FeedbackRecord) {
            let text = analyzer.analyze(KindStage.classifiedText(of: record), languageHint: record.language)
            var analysis = record.analysis ?? Analysis(language: text.language, languageConfidence: text.languageConfidence)
            let result = classifier.classify(text, sentiment: scorer?.compoundScore(text))
            analysis.kinds = result.kinds
            analysis.severity = result.severity
            record.analysis = analysis
        }
    }
}
