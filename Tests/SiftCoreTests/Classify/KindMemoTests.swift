@testable import SiftCore
import Testing

/// The per-worker memo of written forms gives exactly the kinds and severity that plain classification gives.
struct KindMemoTests {
    static let analyzer = TextAnalyzer()

    /// Mixed languages, negation, `word*` prefixes, questions, repeated words and words whose stem differs.
    static let texts: [(String, String?)] = [
        ("love it but it crashes since the update, please add dark mode", nil),
        ("The app crashes every time I try to upload a photo.", nil),
        ("Crashing on startup. Crashed again!!! crash crash", nil),
        ("There is no option to turn off autoplay.", nil),
        ("Not slow at all, never lags, no ads. Great app", nil),
        ("Why can't I log in? Is the server down???", nil),
        ("¿Por qué no puedo iniciar sesión? La app se cierra sola.", "es"),
        ("La aplicación es muy lenta y consume mucha batería", nil),
        ("Die App stürzt ständig ab, bitte beheben. Sehr ärgerlich!", "de"),
        ("L'application plante au démarrage, impossible de se connecter", nil),
        ("Ótimo aplicativo, mas trava muito depois da atualização", nil),
        ("great app, but it drains my battery and overheats my phone", nil),
        ("Too expensive, the subscription price doubled and I lost all my data", nil),
        ("Please bring back the old layout, the new one is confusing and unusable", nil),
        ("ok", nil),
        ("", nil),
        ("v2.3.1 broke sync: 100% CPU, $4.99 wasted, see https://example.com/bug", nil),
        ("app crashes app crashes app crashes; freezes; data loss; cannot pay", nil),
    ]

    @Test(arguments: [true, false])
    func memoGivesTheSameKindsAndSeverityAsPlainClassification(useModel: Bool) {
        let classifier = KindClassifier(useModel: useModel)
        let worker = Self.analyzer.makeWorker()
        var memo = KindMemo()
        var seenKinds: Set<FeedbackKind> = []
        var seenSeverities: Set<Severity> = []
        // Twice over, so that the second round reads every word from the memo.
        for round in 0..<2 {
            for (text, hint) in Self.texts {
                let analyzed = worker.analyze(text, languageHint: hint)
                for sentiment in [nil, SentimentScore(compound: -0.7, positive: 0, negative: 0.6, neutral: 0.4), SentimentScore(compound: 0.6, positive: 0.5, negative: 0, neutral: 0.5)] as [SentimentScore?] {
                    let plain = classifier.classify(analyzed, sentiment: sentiment)
                    let memoized = classifier.kindsAndSeverity(analyzed, sentiment: sentiment, memo: &memo)
                    #expect(memoized.kinds == plain.kinds, "round \(round): \(text)")
                    #expect(memoized.severity == plain.severity, "round \(round): \(text)")
                    seenKinds.formUnion(memoized.kinds.map(\.kind))
                    seenSeverities.insert(memoized.severity)
                }
            }
        }
        // The texts do exercise the cues: many kinds and levels come out, not "other" throughout.
        #expect(seenKinds.isSuperset(of: [.bug, .featureRequest, .performance, .battery, .pricing, .praise, .other]))
        #expect(seenSeverities.isSuperset(of: [.none, .minor, .major, .critical]))
    }

    /// A worker (what `sift kinds` classifies with) gives the whole result plain classification gives: kinds,
    /// severity, the cues that matched and the cues' own confidences.
    @Test(arguments: [true, false])
    func workerGivesTheWholeResultOfPlainClassification(useModel: Bool) {
        let classifier = KindClassifier(useModel: useModel)
        let analyzer = Self.analyzer.makeWorker()
        var worker = classifier.makeWorker()
        var cueCount = 0
        for round in 0..<2 {
            for (text, hint) in Self.texts {
                let analyzed = analyzer.analyze(text, languageHint: hint)
                for sentiment in [nil, SentimentScore(compound: -0.7, positive: 0, negative: 0.6, neutral: 0.4)] as [SentimentScore?] {
                    let plain = classifier.classify(analyzed, sentiment: sentiment)
                    #expect(worker.classify(analyzed, sentiment: sentiment) == plain, "round \(round): \(text)")
                    cueCount += plain.cues.count
                }
            }
        }
        #expect(cueCount > 20)
    }

    @Test func memoGivesTheModelTheSameFeatureHashes() {
        let classifier = KindClassifier()
        let worker = Self.analyzer.makeWorker()
        var memo = KindMemo()
        for (text, hint) in Self.texts {
            let analyzed = worker.analyze(text, languageHint: hint)
            var plain: [UInt64] = []
            KindFeatures.featureHashes(of: analyzed, into: &plain)
            var viaStems: [UInt64] = []
            KindFeatures.featureHashes(of: analyzed, into: &viaStems) { index, negated in
                let hashes = KindFeatures.stemHashes(analyzed.tokens[index].stem)
                return (negated ? hashes.negated : hashes.plain, hashes.pairStart)
            }
            #expect(viaStems == plain, "\(text)")
            #expect(plain == KindFeatures.features(of: analyzed).map { KindFeatures.hash($0.utf8) }.sorted().uniqued(), "\(text)")
            _ = classifier.kindsAndSeverity(analyzed, sentiment: nil, memo: &memo)
        }
    }
}

private extension Array where Element == UInt64 {
    func uniqued() -> [UInt64] {
        var out: [UInt64] = []
        for value in self where out.last != value { out.append(value) }
        return out
    }
}
