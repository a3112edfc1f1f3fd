import Testing
@testable import SiftCore

/// Scoring a pipe's lines on several threads gives each line the score one thread gives it, in the lines' order.
struct SentimentBatchScorerTests {
    static let scorer = try! SentimentScorer()

    /// Reviews of every shape a pipe carries: praise, complaints, requests, other languages, emoji, empty lines, and
    /// the same words again (the memos kept from batch to batch must not change a later score).
    static let texts: [String] = {
        let shapes = [
            "Love it, works great", "The app is great but it crashes constantly", "App is NOT working!!!",
            "kind of slow", "Kindly fix the login bug", "", "😍😍😍", "no me gusta nada, muy lenta",
            "aplikasi nya bagus banget", "There is no option to export my notes", "Worst update ever. Uninstalling.",
            "Good app. 4 stars", "مش حلو", "It doesn't crash anymore, thanks for the fix!",
        ]
        // More texts than one thread takes at a time, in an order that repeats no pattern of the runs.
        return (0..<500).map { i in shapes[(i * 7 + i / 13) % shapes.count] + (i % 5 == 0 ? " really" : "") }
    }()

    static func serialScores(_ texts: [String]) -> [SentimentScore] {
        let worker = TextAnalyzer().makeWorker()
        var scratch = SentimentScratch()
        var analyzed = AnalyzedText(text: "", tokens: [], sentences: [], language: "und", languageConfidence: 0)
        return texts.map { text in
            worker.analyze(text, languageHint: nil, into: &analyzed)
            return scorer.compoundScore(analyzed, reusing: &scratch)
        }
    }

    @Test(arguments: [1, 2, 3, 8])
    func everyThreadCountGivesTheSerialScoresInOrder(threads: Int) {
        let analyzer = TextAnalyzer()
        let batch = SentimentBatchScorer(scorer: Self.scorer, threads: threads) { analyzer.makeWorker() }
        let expected = Self.serialScores(Self.texts)
        // Two batches through the same scorer: the second runs on memos the first filled.
        #expect(batch.scores(Self.texts) == expected)
        #expect(batch.scores(Array(Self.texts.reversed())) == Array(expected.reversed()))
    }

    @Test func twoCallersAtOnceEachGetTheSerialScores() async {
        // A library caller may score from two tasks at once: no analyzer worker may serve both.
        let analyzer = TextAnalyzer()
        let batch = SentimentBatchScorer(scorer: Self.scorer, threads: 2) { analyzer.makeWorker() }
        let expected = Self.serialScores(Self.texts)
        async let first = Task.detached { batch.scores(Self.texts) }.value
        async let second = Task.detached { batch.scores(Self.texts) }.value
        let (a, b) = await (first, second)
        #expect(a == expected)
        #expect(b == expected)
    }

    @Test func noTextsNoScores() {
        let analyzer = TextAnalyzer()
        let batch = SentimentBatchScorer(scorer: Self.scorer, threads: 2) { analyzer.makeWorker() }
        #expect(batch.scores([]).isEmpty)
        #expect(batch.scores(["Great app"]) == Self.serialScores(["Great app"]))
    }
}

/// A line's bytes scored where they lie give the score of the String made from them: plainly English lines analyzed
/// from the bytes, other languages through language identification, invalid UTF-8 repaired as the String does.
struct SentimentScorerBytesTests {
    static let scorer = try! SentimentScorer()

    static let lines: [[UInt8]] = SentimentBatchScorerTests.texts.prefix(40).map { Array($0.utf8) } + [
        Array("bad \u{FFFD} app".utf8), [0x62, 0x61, 0x64, 0x20, 0xFF, 0x20, 0x61, 0x70, 0x70],  // "bad \xFF app"
        [0x67, 0x6F, 0x6F, 0x64, 0x20, 0xE2, 0x80],  // "good " and a cut-off sequence
        [0xC0, 0xAF, 0x20, 0x6C, 0x6F, 0x76, 0x65],  // an overlong "/" then " love"
        Array("great app 👍".utf8), [], Array("Árbol muy bonito, me encanta".utf8),
    ]

    @Test(arguments: [nil, "en", "es"] as [String?])
    func bytesScoreAsTheirString(languageHint: String?) {
        let fromStrings = TextAnalyzer().makeWorker(), fromBytes = TextAnalyzer().makeWorker()
        for worker in [fromStrings, fromBytes] {
            worker.plainEnglishStopwords = TextAnalyzerWorker.sentimentPlainEnglishStopwords
            worker.plainEnglishKnownShare = TextAnalyzerWorker.sentimentPlainEnglishKnownShare
        }
        var scratch = SentimentScratch(), bytesScratch = SentimentScratch()
        var analyzed = AnalyzedText(text: "", tokens: [], sentences: [], language: "und", languageConfidence: 0)
        var bytesAnalyzed = analyzed
        // Twice: the second time on memos the first filled.
        for line in Self.lines + Self.lines {
            let text = String(decoding: line, as: UTF8.self)
            fromStrings.analyze(text, languageHint: languageHint, into: &analyzed)
            let expected = Self.scorer.compoundScore(analyzed, reusing: &scratch)
            let score = line.withUnsafeBufferPointer { bytes in
                Self.scorer.compoundScore(utf8: bytes, analyzer: fromBytes, languageHint: languageHint,
                                          analyzed: &bytesAnalyzed, reusing: &bytesScratch)
            }
            #expect(score == expected, "\(text)")
            #expect(bytesAnalyzed.language == analyzed.language, "\(text)")
            #expect(bytesAnalyzed.tokens.map(\.folded) == analyzed.tokens.map(\.folded), "\(text)")
        }
    }
}
