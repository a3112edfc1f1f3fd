/// Scores texts on several threads, in the order given: what `sift sentiment -` does with a long pipe on more than
/// one core. Each thread keeps its analyzer worker and scratch from batch to batch (`ParallelBatch`); their memos
/// only save work, so the scores are the same for any number of threads.
public final class SentimentBatchScorer: Sendable {
    /// What one thread scores with.
    struct Slot {
        let analyzer: TextAnalyzerWorker
        var scratch = SentimentScratch()
        var analyzed = AnalyzedText(text: "", tokens: [], sentences: [], language: "und", languageConfidence: 0)
    }

    let scorer: SentimentScorer
    let languageHint: String?
    private let batch: ParallelBatch<Slot>

    /// - Parameter makeAnalyzer: a new analyzer worker, set up as the caller scores (e.g. with the plain-English
    ///   shortcut); called once per thread, on its first batch.
    public init(scorer: SentimentScorer, threads: Int, languageHint: String? = nil,
                makeAnalyzer: @escaping @Sendable () -> TextAnalyzerWorker) {
        self.scorer = scorer
        self.languageHint = languageHint
        batch = ParallelBatch(threads: threads) { Slot(analyzer: makeAnalyzer()) }
    }

    /// The record score of each of `texts`, in their order.
    public func scores(_ texts: [String]) -> [SentimentScore] {
        let scorer = scorer, languageHint = languageHint
        return batch.map(texts) { slot, text in
            slot.analyzer.analyze(text, languageHint: languageHint, into: &slot.analyzed)
            return scorer.compoundScore(slot.analyzed, reusing: &slot.scratch)
        }
    }
}
