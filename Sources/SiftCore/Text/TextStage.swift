/// The record stage of the text chain: finds each record's language (and, for later stages, its tokens).
public struct TextStage: RecordStage {
    public var analyzer: TextAnalyzer

    public init(analyzer: TextAnalyzer = TextAnalyzer()) {
        self.analyzer = analyzer
    }

    public func makeWorker() -> any RecordWorker {
        Worker(analyzer: analyzer.makeWorker())
    }

    struct Worker: RecordWorker {
        let analyzer: TextAnalyzerWorker

        mutating func process(_ record: inout FeedbackRecord) {
            let analyzed = analyzer.analyze(record.text, languageHint: record.language)
            var analysis = record.analysis ?? Analysis()
            analysis.language = analyzed.language
            analysis.languageConfidence = analyzed.languageConfidence
            record.analysis = analysis
        }
    }
}
