import Testing
@testable import SiftCore

/// A scratch's run is read through the optional's memory (`SentimentScorer.compoundScore(utf8:…)`), which holds only
/// when the optional stores a run as the run itself; and a scratch made afresh, reused or copied scores as a new run.
struct SentimentScratchTests {
    static let scorer = try! SentimentScorer()

    @Test func anOptionalRunIsLaidOutAsTheRun() {
        #expect(MemoryLayout<ScoringRun?>.size == MemoryLayout<ScoringRun>.size)
        #expect(MemoryLayout<ScoringRun?>.stride == MemoryLayout<ScoringRun>.stride)
        #expect(MemoryLayout<ScoringRun?>.alignment == MemoryLayout<ScoringRun>.alignment)
    }

    static func utf8Score(_ text: String, scratch: inout SentimentScratch, worker: TextAnalyzerWorker) -> SentimentScore {
        var analyzed = AnalyzedText(text: "", tokens: [], sentences: [], language: "und", languageConfidence: 0)
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            scorer.compoundScore(utf8: UnsafeBufferPointer(buffer), analyzer: worker, languageHint: nil, analyzed: &analyzed,
                                 reusing: &scratch)
        }
    }

    @Test func aNewReusedOrCopiedScratchScoresAsANewRun() {
        let texts = ["Love it, works great", "App is NOT working!!!", "no me gusta nada", "Is it worth it?", "", "😍"]
        let worker = TextAnalyzer().makeWorker()
        let expected = texts.map { Self.scorer.compoundScore(worker.analyze($0, languageHint: nil)) }
        var reused = SentimentScratch()
        for (text, score) in zip(texts, expected) {
            var fresh = SentimentScratch()
            #expect(Self.utf8Score(text, scratch: &fresh, worker: worker) == score)
            #expect(Self.utf8Score(text, scratch: &reused, worker: worker) == score)
            var copy = reused
            #expect(Self.utf8Score(text, scratch: &copy, worker: worker) == score)
        }
    }
}
