import Testing
@testable import SiftCore

struct PhraseFinderTests {
    /// Review-like sentences written for this test: "dark mode", "log in" (also as "logging in", "logged in")
    /// and "customer service" recur among varied words, beside frequent loose pairs such as "the app".
    static let corpus: [String] = {
        let templates = [
            "please add dark mode to the app", "I can't log in since the update", "the app needs a dark mode",
            "logging in takes forever on the app", "customer service never replied", "the app is slow today",
            "dark mode would save my eyes", "I logged in and the app froze", "customer service was rude",
            "the app drains my battery", "where is the dark mode option", "log in fails with an error",
            "the app crashed twice", "worst customer service ever", "I love the app design",
            "no dark mode yet", "the app keeps asking me to log in", "the app works fine otherwise",
        ]
        let fillers = ["really", "honestly", "again", "sadly", "finally", "still"]
        var texts: [String] = []
        for round in 0..<6 {
            for (k, template) in templates.enumerated() { texts.append(template + " " + fillers[(k + round) % fillers.count]) }
        }
        return texts
    }()

    func findPhrases(_ texts: [String], order: [Int]? = nil) -> [Phrase] {
        let worker = TextAnalyzer().makeWorker()
        var finder = PhraseFinder(minimumCount: 5)
        for k in order ?? Array(texts.indices) { finder.add(worker.analyze(texts[k], languageHint: "en")) }
        return finder.phrases()
    }

    @Test func findsCollocationsNotLoosePairs() {
        let phrases = findPhrases(Self.corpus)
        let texts = phrases.map(\.text)
        #expect(texts.contains("dark mode"))
        #expect(texts.contains("customer service"))
        #expect(!texts.contains("the app"))
        #expect(!texts.contains { $0.hasPrefix("no ") })
        for phrase in phrases {
            #expect(phrase.count >= 5)
            #expect(phrase.logLikelihood >= 10.83)
            #expect(phrase.stems.count <= 3)
        }
    }

    @Test func inflectionsMergeIntoOnePhrase() throws {
        let phrases = findPhrases(Self.corpus)
        let logIn = try #require(phrases.first { $0.stems == ["log", "in"] })
        // Five templates say it ("log in" ×3, "logging in", "logged in"), six rounds each.
        #expect(logIn.count == 30)
        #expect(logIn.text == "log in")
    }

    @Test func theResultDoesNotDependOnOrder() {
        let forward = findPhrases(Self.corpus)
        let backward = findPhrases(Self.corpus, order: Array(Self.corpus.indices.reversed()))
        #expect(forward == backward)
    }

    @Test func matchesFindPhrasesInAText() throws {
        let phrases = PhraseSet(findPhrases(Self.corpus))
        let analyzed = TextAnalyzer().makeWorker().analyze("Logging in is slow, and no dark mode.", languageHint: "en")
        let found = phrases.matches(in: analyzed).map { ($0.phrase.text, $0.tokens) }
        #expect(found.map(\.0) == ["log in", "dark mode"])
        #expect(found.map(\.1) == [0..<2, 7..<9])
    }

    @Test func associationIsZeroForIndependentWords() {
        // 100 positions, each word at half of them, together at a quarter: exactly what chance predicts.
        let (g2, npmi) = PhraseFinder.association(25, 50, 50, 100)
        #expect(abs(g2) < 1e-9)
        #expect(abs(npmi) < 1e-9)
        #expect(PhraseFinder.association(20, 20, 20, 1000).g2 > 100)
    }
}
