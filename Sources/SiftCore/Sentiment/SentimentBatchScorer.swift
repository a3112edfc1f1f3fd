import Foundation
import Synchronization

/// Scores texts on several threads, in the order given: what `sift sentiment -` does with a long pipe on more than
/// one core.
///
/// Each thread slot keeps its analyzer worker and scratch (with their memos of the words seen) from batch to batch.
/// Threads take short runs of texts from a shared counter, and each text is scored by exactly one of them; the memos
/// only save work, so the scores are the same for any number of threads.
public final class SentimentBatchScorer: @unchecked Sendable {
    /// What one thread scores with; used by one thread at a time.
    final class Slot {
        let analyzer: TextAnalyzerWorker
        var scratch = SentimentScratch()
        var analyzed = AnalyzedText(text: "", tokens: [], sentences: [], language: "und", languageConfidence: 0)
        init(analyzer: TextAnalyzerWorker) { self.analyzer = analyzer }
    }

    let scorer: SentimentScorer
    let languageHint: String?
    let threads: Int
    private let slots: UnsafeSlots<Slot?>
    private let makeAnalyzer: @Sendable () -> TextAnalyzerWorker

    /// - Parameter makeAnalyzer: a new analyzer worker, set up as the caller scores (e.g. with the plain-English
    ///   shortcut); called once per thread slot, on first use.
    public init(scorer: SentimentScorer, threads: Int, languageHint: String? = nil,
                makeAnalyzer: @escaping @Sendable () -> TextAnalyzerWorker) {
        self.scorer = scorer
        self.languageHint = languageHint
        self.threads = max(1, threads)
        self.makeAnalyzer = makeAnalyzer
        slots = UnsafeSlots(count: self.threads, initial: nil)
    }

    /// The record score of each of `texts`, in their order.
    public func scores(_ texts: [String]) -> [SentimentScore] {
        var scores = [SentimentScore](repeating: .neutral, count: texts.count)
        guard !texts.isEmpty else { return scores }
        let slices = min(threads, (texts.count + Self.run - 1) / Self.run)
        let next = Atomic<Int>(0)
        scores.withUnsafeMutableBufferPointer { buffer in
            let output = DisjointScores(buffer)
            DispatchQueue.concurrentPerform(iterations: slices) { slice in
                let slot = slots[slice] ?? Slot(analyzer: makeAnalyzer())
                slots[slice] = nil
                let base = output.buffer.baseAddress!
                while true {
                    let start = next.wrappingAdd(Self.run, ordering: .relaxed).oldValue
                    guard start < texts.count else { break }
                    for i in start..<min(texts.count, start + Self.run) {
                        slot.analyzer.analyze(texts[i], languageHint: languageHint, into: &slot.analyzed)
                        base[i] = scorer.compoundScore(slot.analyzed, reusing: &slot.scratch)
                    }
                }
                slots[slice] = slot
            }
        }
        return scores
    }

    /// Texts a thread takes at a time: texts differ in length, and fixed halves left one core idle at the end.
    static let run = 64
}

/// The scores array, written by several threads at disjoint indices.
struct DisjointScores: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<SentimentScore>
    init(_ buffer: UnsafeMutableBufferPointer<SentimentScore>) { self.buffer = buffer }
}
