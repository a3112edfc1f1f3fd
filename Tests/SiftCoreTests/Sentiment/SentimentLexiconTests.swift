import Testing
@testable import SiftCore

struct SentimentLexiconTests {
    func entries(_ path: String) -> [(String, Double)] {
        SentimentLexicons.pairs(LexiconStore.shipped.lines(path))
    }

    @Test(arguments: [("en/sentiment.tsv", 7000), ("en/domain.tsv", 300), ("emoji/emoji.tsv", 500), ("es/sentiment.tsv", 500),
                      ("en/idioms.tsv", 150), ("en/boosters.tsv", 60), ("common/emoticons.tsv", 40)])
    func shippedLexiconsAreLargeEnoughAndWellFormed(path: String, minimum: Int) throws {
        let text = try #require(LexiconStore.shipped.text(path))
        #expect(text.hasPrefix("#"), "\(path) starts with a format header")
        let lines = LexiconStore.shipped.lines(path)
        #expect(entries(path).count == lines.count, "every line of \(path) is term<TAB>value")
        #expect(lines.count >= minimum, "\(path) has \(lines.count) entries")
        #expect(entries(path).allSatisfy { abs($0.1) <= 4 })
    }

    @Test func overlayAddsAndReplacesTerms() throws {
        let analyzer = TextAnalyzer().makeWorker()
        let text = analyzer.analyze("the frobnicator is great", languageHint: nil)
        let shipped = try SentimentScorer()
        let overlaid = try SentimentScorer(overlays: ["# mine\nfrobnicator\t-3\tignored field\n", "great\t0\n"])
        #expect(shipped.score(text).score.compound > 0.05)
        let result = overlaid.score(text)
        #expect(result.score.compound < -0.05)
        #expect(result.contributions.contains { $0.text == "frobnicator" && $0.rules.contains("your lexicon") })
        let phrase = try SentimentScorer(overlays: ["dark mode\t2\n"])
        #expect(phrase.score(analyzer.analyze("finally dark mode", languageHint: nil)).score.compound > 0.05)
    }

    @Test func malformedOverlayNamesTheLine() {
        #expect(throws: SentimentLexiconError(overlay: 1, line: 2, text: "laggy minus two")) {
            try SentimentScorer(overlays: ["ok\t1\nlaggy minus two\n"])
        }
    }
}
