@testable import SiftCore
import Testing

/// The learned kind model: its file format, and that the shipped one sways the cues the way a reader would.
struct KindModelTests {
    static let analyzer = TextAnalyzer()

    @Test func parsesWeightsAndScoresAText() throws {
        let model = try #require(KindModel(text: """
            # a toy model
            kinds\tbug\tfeature_request
            blend\t0.6
            language\ten
            bias\t-1\t-1
            crash\t3\t-1
            cue:feature_request\t0\t4
            """))
        #expect(model.kinds == [.bug, .featureRequest])
        #expect(model.blend == 0.6)
        let text = Self.analyzer.makeWorker().analyze("It crashes.")
        let plain = model.probabilities(text, cueConfidences: [:])
        #expect(plain[.bug]! > 0.8)
        #expect(plain[.featureRequest]! < 0.2)
        let asked = model.probabilities(text, cueConfidences: [.featureRequest: 1])
        #expect(asked[.featureRequest]! > 0.8)
    }

    @Test func aFeatureSpelledLikeAHeaderIsAFeature() throws {
        // "biased" has the stem "bias": its row must not replace the bias line read before it.
        let model = try #require(KindModel(text: """
            kinds\tbug\tfeature_request
            blend\t0.5
            language\ten
            bias\t-4\t-4
            crash\t6\t0
            bias\t0\t5
            """))
        let worker = Self.analyzer.makeWorker()
        let crash = model.probabilities(worker.analyze("It crashes."), cueConfidences: [:])
        #expect(crash[.bug]! > 0.8)
        #expect(crash[.featureRequest]! < 0.2)
        let biased = model.probabilities(worker.analyze("The reviews are biased."), cueConfidences: [:])
        #expect(biased[.featureRequest]! > 0.5)
        #expect(biased[.bug]! < 0.2)
    }

    @Test func readsOneBlendPerKind() throws {
        let model = try #require(KindModel(text: "kinds\tbug\tpricing\nblend\t0.8\t0\nbias\t0\t0\n"))
        #expect(model.blend(for: .bug) == 0.8)
        // A blend of 0 leaves the cues alone for that kind.
        #expect(model.blend(for: .pricing) == 0)
    }

    @Test func readsOneReportingThresholdPerKind() throws {
        let model = try #require(KindModel(text: """
            kinds\tbug\tusability
            blend\t1\t1
            threshold\t0.5\t0.9
            bias\t0\t0
            crash\t2\t0
            menu\t0\t2
            """))
        #expect(model.thresholdOfKind == [.bug: 0.5, .usability: 0.9])
        // Both heads give the same probability (σ(2) ≈ 0.88); only bug is reported, because usability is reported
        // from 0.9.
        let classifier = KindClassifier(useModel: false)
        var withModel = classifier
        withModel.model = model
        let analyzed = Self.analyzer.makeWorker().analyze("crash menu")
        let result = withModel.classify(analyzed, sentiment: nil)
        #expect(result.confidence(.bug) > 0.85)
        #expect(result.kinds.map(\.kind).contains(.bug))
        #expect(!result.kinds.map(\.kind).contains(.usability), "\(result.kinds)")
    }

    /// A toy decision step: bug confidence speaks for the problem side, request confidence for the request side,
    /// positive sentiment for neither.
    static let sidedModel = """
        kinds\tbug\tfeature_request
        blend\t1\t1
        bias\t-2\t-2
        crash\t4\t0
        add\t0\t4
        side:sides\tproblem\tfeature_request\tother
        side:bias\t0\t0\t0.5
        side:conf:bug\t3\t0\t0
        side:conf:feature_request\t0\t3\t0
        side:positive\t-4\t0\t4
        """

    @Test func readsADecisionStepAndPutsARecordOnASide() throws {
        let model = try #require(KindModel(text: Self.sidedModel))
        var classifier = KindClassifier(useModel: false)
        classifier.model = model
        let worker = Self.analyzer.makeWorker()
        let crash = classifier.classify(worker.analyze("crash crash"), sentiment: nil)
        #expect(crash.side == .problem, "\(crash.kinds)")
        #expect(classifier.classify(worker.analyze("add add"), sentiment: nil).side == .featureRequest)
        #expect(classifier.classify(worker.analyze("hello"), sentiment: nil).side == .other)
        // The same words in a glowing record: the step reads the sentiment and puts it on neither side, while the
        // bug kind, which the step does not change, is still reported.
        let glowing = SentimentScore(compound: 0.9, positive: 0.8, negative: 0, neutral: 0.2)
        let praised = classifier.classify(worker.analyze("crash crash"), sentiment: glowing)
        #expect(praised.side == .other)
        #expect(praised.kinds.map(\.kind).contains(.bug))
    }

    @Test func withoutADecisionStepTheSideIsTheMaxRule() throws {
        let model = try #require(KindModel(text: "kinds\tbug\tfeature_request\nblend\t1\t1\nbias\t-2\t-2\ncrash\t4\t0\nadd\t0\t5\n"))
        #expect(model.sideStep == nil)
        var classifier = KindClassifier(useModel: false)
        classifier.model = model
        let worker = Self.analyzer.makeWorker()
        // Both kinds reported; the request is more confident, so the max rule says request.
        let both = classifier.classify(worker.analyze("crash add"), sentiment: nil)
        #expect(both.side == .featureRequest, "\(both.kinds)")
        #expect(KindSide(maxRuleOf: [KindScore(kind: .usability, confidence: 0.7), KindScore(kind: .featureRequest, confidence: 0.7)]) == .problem)
        #expect(KindSide(maxRuleOf: [KindScore(kind: .praise, confidence: 0.9)]) == .other)
    }

    @Test(arguments: [
        "side:conf:bug\t1\t0\t0\nside:sides\tproblem\tfeature_request\tother\nside:bias\t0\t0\t0\n",  // weights before the sides
        "side:sides\tproblem\tfeature_request\tother\nside:bias\t0\t0\t0\nside:conf:bug\t1\t0\n",  // a row too short
        "side:sides\tproblem\tfeature_request\tother\nside:bias\t0\t0\t0\nside:loudness\t1\t0\t0\n",  // no such feature
        "side:sides\tproblem\tbug\tother\nside:bias\t0\t0\t0\n",  // no such side
        "side:sides\tproblem\tfeature_request\tother\n",  // no bias
    ])
    func rejectsABrokenDecisionStep(lines: String) {
        #expect(KindModel(text: "kinds\tbug\tfeature_request\nbias\t0\t0\n" + lines) == nil)
    }

    @Test func rescaleMovesTheThresholdOntoTheCommonOneAndKeepsTheOrder() {
        #expect(KindModel.rescale(0.6, threshold: 0.6) == KindClassifier.threshold)
        #expect(KindModel.rescale(0, threshold: 0.3) == 0)
        #expect(KindModel.rescale(1, threshold: 0.7) == 1)
        let values = stride(from: 0.0, through: 1.0, by: 0.05).map { KindModel.rescale($0, threshold: 0.35) }
        #expect(values == values.sorted())
        #expect(KindModel.rescale(0.34, threshold: 0.35) < 0.5 && KindModel.rescale(0.36, threshold: 0.35) > 0.5)
    }

    @Test func rejectsAThresholdOutsideZeroAndOne() {
        #expect(KindModel(text: "kinds\tbug\nthreshold\t1.2\nbias\t0\n") == nil)
        #expect(KindModel(text: "kinds\tbug\tpricing\nthreshold\t0.5\nbias\t0\t0\n") == nil)
    }

    @Test func rejectsAFileWithoutKinds() {
        #expect(KindModel(text: "bias\t1\n") == nil)
        #expect(KindModel(text: "kinds\tbug\tnot_a_kind\nbias\t0\t0\n") == nil)
    }

    @Test func shippedModelIsLoadedAndSpeaksForTheRequestAndProblemKinds() throws {
        let model = try #require(KindClassifier(useModel: true).model)
        #expect(Set(model.kinds).isSuperset(of: [.bug, .featureRequest, .performance, .battery]))
    }

    /// Reviews in the voices users write in; the blended model must put each on the right side of the three-way
    /// split (a problem kind, feature_request, or neither), as a PM triaging them would.
    @Test(arguments: [
        ("pages take like a minute to load now, unusable", "problem"),
        ("great app but the new version logs me out every single day", "problem"),
        ("phone gets hot and the battery is dead by lunch since i installed this", "problem"),
        ("i'd really love an option to hide the shorts tab", "feature_request"),
        ("it's missing a way to share a shopping list with my partner", "feature_request"),
        ("been using it for my morning runs for two years now", "other"),
        ("absolutely love it, best purchase this year", "other"),
    ])
    func blendedModelPutsAReviewOnTheRightSide(text: String, side: String) {
        let result = KindClassifier(useModel: true).classify(Self.analyzer.makeWorker().analyze(text), sentiment: nil)
        let problem = KindClassifier.problemKinds.map { result.confidence($0) }.max() ?? 0
        let request = result.confidence(.featureRequest)
        let found = problem == 0 && request == 0 ? "other" : problem >= request ? "problem" : "feature_request"
        #expect(found == side, "\(text) → \(result.kinds)")
    }

    static let scorer = try! SentimentScorer()

    /// The shipped decision step at the boundaries it was trained for (none of these is a training example):
    /// a capability the app never had is a request even when the review says "can't" or "won't let me"; something
    /// that worked and fails is a problem; praise of a topic ("easy to use", "smooth") and usage stories are neither.
    @Test(arguments: [
        ("there's no way to set a reminder for a single task, please add one", KindSide.featureRequest),
        ("why can't i mark a whole album as played? that should be a thing", .featureRequest),
        ("it won't let me choose a different color for each calendar, add that please", .featureRequest),
        ("no landscape mode on my tablet, that's all it needs", .featureRequest),
        ("5 stars as soon as you add a dark theme", .featureRequest),
        ("More puzzles please!!", .featureRequest),
        ("it used to sync my notes but since the update it fails with an error every time", .problem),
        ("can't log in since yesterday, it keeps saying my password is wrong when it isn't", .problem),
        ("the app freezes for ten seconds whenever i open a photo", .problem),
        ("so easy to use and the interface looks great, love it", .other),
        ("smooth and fast even on my old phone", .other),
        ("i use it every evening to read the news with my coffee", .other),
        ("it's ok, got a bit boring after a week", .other),
    ])
    func shippedDecisionStepPutsAReviewOnTheRightSide(text: String, side: KindSide) throws {
        let analyzed = Self.analyzer.makeWorker().analyze(text)
        let result = KindClassifier().classify(analyzed, sentiment: Self.scorer.compoundScore(analyzed))
        #expect(result.side == side, "\(text) → \(result.kinds)")
    }

    /// A bug that is fixed or a topic that is praised sits on the other side: no level unless a severity cue names
    /// one. A problem the same record still has keeps its level.
    @Test(arguments: [
        ("It doesn't crash anymore, thanks for the fix!", Severity.none),
        ("They fixed the login bug fast, great support.", .none),
        ("Bugs get fixed quickly, love the developers.", .none),
        ("smooth and fast even on my old phone, love it", .none),
        ("so easy to use and the interface looks great", .none),
        ("the app freezes for ten seconds whenever i open a photo", .major),
        ("it used to sync my notes but since the update it fails with an error every time", .major),
    ])
    func severityFollowsTheSide(text: String, severity: Severity) {
        let analyzed = Self.analyzer.makeWorker().analyze(text)
        let result = KindClassifier().classify(analyzed, sentiment: Self.scorer.compoundScore(analyzed))
        #expect(result.severity == severity, "\(text) → \(result.severity), side \(result.side), \(result.kinds)")
    }

    /// The mixed review, through the default classifier (cues and model): three kinds, major.
    @Test func mixedReviewWithTheModelIsPraiseBugAndRequest() {
        let analyzed = Self.analyzer.makeWorker().analyze("love it but it crashes since the update, please add dark mode")
        let result = KindClassifier().classify(analyzed, sentiment: nil)
        #expect(Set(result.kinds.map(\.kind)) == [.praise, .bug, .featureRequest], "\(result.kinds)")
        #expect(result.severity == .major)
    }

    /// One review per kind, in the voices users write in (none of these is a training example), with the
    /// severity a PM would give it.
    @Test(arguments: [
        ("ever since the last update it force closes the moment i open a chat", FeedbackKind.bug, Severity.major),
        ("App won't even start anymore, crashes on launch every time", .bug, .critical),
        ("Paid for premium yesterday and it still says free account. Charged without getting anything", .pricing, .critical),
        ("the search button does nothing when i tap it", .bug, .major),
        ("PLEASE add a way to export my recipes, would be 5 stars", .featureRequest, .none),
        ("it really needs a sleep timer, i fall asleep and it keeps playing", .featureRequest, .none),
        ("every screen takes ages to load and scrolling is choppy", .performance, .minor),
        ("this app eats my battery, 30 percent gone in an hour of use", .battery, .minor),
        ("my phone gets really hot after a few minutes of using it", .battery, .minor),
        ("someone got into my account and changed my email, i'm locked out", .securityPrivacy, .critical),
        ("an ad after every single article, and premium costs way too much", .pricing, .minor),
        ("can't find where the settings went after the redesign, so confusing", .usability, .minor),
    ])
    func findsTheKindAndSeverityWithTheModel(text: String, kind: FeedbackKind, severity: Severity) {
        let result = KindClassifier().classify(Self.analyzer.makeWorker().analyze(text), sentiment: nil)
        #expect(result.confidence(kind) >= KindClassifier.threshold, "\(text) → \(result.kinds)")
        #expect(result.severity == severity, "\(text) → \(result.severity)")
    }

    /// Usage stories and bare ratings are neither a problem nor a request, even when they name a feature.
    @Test(arguments: [
        "I use it every evening to video call my parents, they finally figured it out on their own",
        "5 stars, nothing else to say",
        "been on this app since 2015 and it's still where all my friends are",
    ])
    func usageStoriesAndRatingsAreNeitherProblemNorRequest(text: String) {
        let result = KindClassifier().classify(Self.analyzer.makeWorker().analyze(text), sentiment: nil)
        let problem = KindClassifier.problemKinds.map { result.confidence($0) }.max() ?? 0
        #expect(problem < KindClassifier.threshold && result.confidence(.featureRequest) < KindClassifier.threshold,
                "\(text) → \(result.kinds)")
        #expect(result.severity == .none)
    }

    /// Slowness is performance and minor; a freeze that blocks the user is a bug and major.
    @Test(arguments: [
        ("Lags a bit when scrolling.", FeedbackKind.performance, Severity.minor),
        ("Takes forever to load the feed.", .performance, .minor),
        ("The game freezes on level 12 and I can't continue.", .bug, .major),
    ])
    func performanceAndBugBoundary(text: String, kind: FeedbackKind, severity: Severity) {
        let result = KindClassifier(useModel: true).classify(Self.analyzer.makeWorker().analyze(text), sentiment: nil)
        #expect(result.kinds.first?.kind == kind, "\(text) → \(result.kinds)")
        #expect(result.severity == severity)
        if kind == .performance { #expect(result.confidence(.bug) < KindClassifier.threshold) }
    }

    @Test func modelBacksAPlainRequestMoreThanTheCuesAlone() {
        let cuesOnly = KindClassifier(useModel: false)
        let analyzed = Self.analyzer.makeWorker().analyze("Really wish it could show my step count on the lock screen.")
        let blended = KindClassifier(useModel: true).classify(analyzed, sentiment: nil).confidence(.featureRequest)
        let cues = cuesOnly.classify(analyzed, sentiment: nil).confidence(.featureRequest)
        #expect(blended > cues, "model \(blended) vs cues \(cues)")
        #expect(blended >= KindClassifier.threshold)
    }
}

/// The model reads features as hashes; they must be exactly the hashes of the features it was trained on.
struct KindFeatureHashTests {
    @Test(arguments: [
        "Please add a dark mode, I can't find the option?",
        "App crashes after update 5.2.1 — not working!!! Refund my $4.99 https://x.io",
        "no option to export. Why?",
        "",
    ])
    func hashesAreTheFeaturesHashed(text: String) {
        let analyzed = TextAnalyzer().makeWorker().analyze(text, languageHint: "en")
        var hashes: [UInt64] = []
        KindFeatures.featureHashes(of: analyzed, into: &hashes)
        let expected = Set(KindFeatures.features(of: analyzed).map { KindFeatures.hash($0.utf8) }).sorted()
        #expect(hashes == expected)
        #expect(!text.isEmpty || hashes.isEmpty)
    }
}
