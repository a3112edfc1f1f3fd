@testable import SiftCore
import Testing

/// Kinds and severity of realistic feedback, through the real text analyzer.
struct KindClassifierTests {
    // The cue rules alone: the learned model (on by default) is tested in KindModelTests.
    static let classifier = KindClassifier(useModel: false)
    static let analyzer = TextAnalyzer()

    static func classify(_ text: String, language: String? = nil, sentiment: SentimentScore? = nil) -> KindResult {
        let worker = analyzer.makeWorker()
        return classifier.classify(worker.analyze(text, languageHint: language), sentiment: sentiment)
    }

    static func kinds(_ text: String, language: String? = nil) -> Set<FeedbackKind> {
        Set(classify(text, language: language).kinds.map(\.kind))
    }

    @Test func mixedReviewIsPraiseBugAndRequestOfMajorSeverity() {
        let result = Self.classify("love it but it crashes since the update, please add dark mode")
        #expect(Set(result.kinds.map(\.kind)) == [.praise, .bug, .featureRequest])
        #expect(result.severity == .major)
        #expect(result.cues.contains { $0.kind == .featureRequest && $0.cue == "please add" })
    }

    @Test(arguments: [
        ("The app crashes every time I try to upload a photo.", FeedbackKind.bug),
        ("Can't log in since yesterday, it just says error 500.", .bug),
        ("Stopped working after the latest update.", .bug),
        ("Videos won't load anymore, just a black screen.", .bug),
        ("Please add an option to export my notes as PDF.", .featureRequest),
        ("I wish there was a way to sort playlists by date.", .featureRequest),
        ("Would be nice if it synced with my calendar.", .featureRequest),
        ("Bring back the old layout!", .featureRequest),
        ("There is no option to turn off autoplay.", .featureRequest),
        ("No way to delete a playlist once it's made.", .featureRequest),
        ("So slow, every page takes forever to load.", .performance),
        ("Lags and freezes constantly during video calls.", .performance),
        ("Keeps showing a memory error when I open big files.", .performance),
        ("Takes up too much space on my phone for a simple notes app.", .performance),
        ("Drains my battery in a few hours.", .battery),
        ("My phone overheats whenever the app is open.", .battery),
        ("My account got hacked and someone changed my password.", .securityPrivacy),
        ("Why does a flashlight app need permission to read my contacts?", .securityPrivacy),
        ("The subscription price doubled and I want a refund.", .pricing),
        ("Way too many ads between every song.", .pricing),
        ("The new menu is confusing and the settings are hard to find.", .usability),
        ("Love this app, it works perfectly!", .praise),
        ("Best app ever, thank you developers.", .praise),
        ("How do I change my username?", .question),
        ("Is there a way to use it offline?", .question),
    ])
    func findsTheKind(text: String, kind: FeedbackKind) {
        let result = Self.classify(text)
        #expect(result.kinds.contains { $0.kind == kind && $0.confidence >= KindClassifier.threshold }, "\(text) → \(result.kinds)")
    }

    @Test(arguments: [
        "Why can't I pin a chat to the top?",
        "No dark mode in 2025? Seriously.",
        "It's been a year and still no offline mode.",
        "The editor could really use a word counter.",
        "A way to filter by date would be really useful.",
        "You removed the list view, please put it back.",
        "Any chance of a Dutch translation?",
        "Would give five stars if it had a sleep timer.",
        "Let me choose the start page, that's all I ask.",
    ])
    func requestPhrasingsAreFeatureRequests(text: String) {
        // Asked as a question, a wish is both a question and a request; it must not be a problem.
        let result = Self.classify(text)
        #expect(result.kinds.contains { $0.kind == .featureRequest }, "\(text) → \(result.kinds)")
        #expect(!result.kinds.contains { KindClassifier.problemKinds.contains($0.kind) }, "\(text) → \(result.kinds)")
    }

    /// Words that share a cue's stem but not its meaning: "ads" (stem of "adding"), "kind of" ("kindly"), "improved"
    /// ("improvement"), "preferences" ("prefer"), "solved" ("solve"), "keeping track" (the privacy cue "track"),
    /// "expenses" ("expensive"), "wondering" ("wonderful"); session 6: "get the hang of it" ("hangs", "hanging"),
    /// "memories" ("memory"), "close to perfect" ("closes"), an imperative "stop" ("stops", "stopped"), "skip"
    /// ("skips", "skipping").
    @Test(arguments: [
        ("Way too many ads, one after every level.", FeedbackKind.featureRequest, "=adding"),
        ("An ad pops up every 30 seconds.", .featureRequest, "=adding"),
        ("It's kind of boring after the first week.", .featureRequest, "=kindly"),
        ("The sound got much better, it has improved a lot since last year.", .featureRequest, "=improvement"),
        ("I turned the autoplay off in preferences and now it's perfect.", .featureRequest, "=prefer"),
        ("This app solved my problem with tracking my expenses.", .bug, "=solve"),
        ("Great for keeping track of my expenses and my runs.", .securityPrivacy, "track"),
        ("Great for keeping track of my expenses and my runs.", .pricing, "=expensive"),
        ("I was wondering if the sleep stories will get longer.", .praise, "=wonderful"),
        ("Confusing at first, but once you get the hang of it it's great.", .performance, "=hangs"),
        ("All my memories from the trip in one place, beautiful.", .performance, "=memory"),
        ("Pretty close to perfect, my favourite reader.", .bug, "=closes"),
        ("Stop sending me emails every day about offers.", .bug, "=stopped"),
        ("You can only skip six songs an hour on the free plan.", .bug, "=skips"),
    ])
    func wordsSharingACueStemAreNoCue(text: String, kind: FeedbackKind, cue: String) {
        let result = Self.classify(text)
        let written = cue.hasPrefix("=") ? String(cue.dropFirst()) : cue
        #expect(!result.cues.contains { $0.cue.hasSuffix(written) }, "\(text) → \(result.cues.map(\.cue))")
        #expect(!result.kinds.contains { $0.kind == kind }, "\(text) → \(result.kinds)")
    }

    @Test(arguments: [
        "This app tracks you everywhere and sells what it learns.",
        "Full of ad tracking, I checked with a blocker.",
        "Way too many trackers for a flashlight app.",
        "Finally a search app that doesn't track me.",
    ])
    func trackingAsSurveillanceIsPrivacy(text: String) {
        #expect(Self.kinds(text).contains(.securityPrivacy), "\(text) → \(Self.kinds(text))")
    }

    @Test(arguments: [
        ("It hangs for a few seconds on every page.", FeedbackKind.performance),
        ("The app closes as soon as I open a chat.", .bug),
        ("Notifications stopped after the update.", .bug),
        ("The music skips every few seconds on bluetooth.", .bug),
    ])
    func exactFormsStillReportAProblem(text: String, kind: FeedbackKind) {
        #expect(Self.kinds(text).contains(kind), "\(text) → \(Self.kinds(text))")
    }

    @Test(arguments: [
        "Please add more levels, I finished them all.",
        "It would be even better if you kindly added a sleep timer.",
        "Please improve the search, it never finds anything.",
        "I would prefer a list view to the grid.",
    ])
    func exactFormsStillAsk(text: String) {
        #expect(Self.kinds(text).contains(.featureRequest), "\(text) → \(Self.kinds(text))")
    }

    @Test(arguments: [
        "It never crashes, and it is quick.",
        "No bugs so far, great job.",
        "Doesn't drain the battery at all, works great.",
    ])
    func negatedProblemIsNoBug(text: String) {
        let found = Self.kinds(text)
        #expect(!found.contains(.bug) && !found.contains(.battery), "\(text) → \(found)")
    }

    @Test func requestPhrasedWithPraiseWordIsNotPraise() {
        // "great" sits inside "would be great", which asks for something.
        #expect(Self.kinds("It would be great to have a widget.") == [.featureRequest])
    }

    @Test func textWithoutCuesIsOther() {
        let result = Self.classify("I use it on my commute to work.")
        #expect(result.kinds.map(\.kind) == [.other])
        #expect(result.severity == .none)
    }

    @Test func questionAboutAProblemIsBoth() {
        let found = Self.kinds("Why can't I find the settings after the redesign?")
        #expect(found.contains(.question))
        #expect(found.contains(.usability))
    }

    @Test func kindsAreSortedByConfidence() {
        let result = Self.classify("Great app but crashes, crashes on every song, error after error. Please add lyrics.")
        let confidences = result.kinds.map(\.confidence)
        #expect(confidences == confidences.sorted(by: >))
        #expect(result.kinds.count >= 3)
        #expect(Self.classify("Great app but crashes, crashes on every song, error after error. Please add lyrics.") == result)
    }

    @Test(arguments: [
        ("Crashes on startup, I can't use it at all.", Severity.critical),
        ("I was charged twice and never got premium.", .critical),
        ("Lost all my notes after the update.", .critical),
        ("Someone hacked my account and I'm locked out.", .critical),
        ("Video upload is broken, it fails every time.", .major),
        ("Notifications stopped working.", .major),
        ("A bit slow to load sometimes.", .minor),
        ("Minor glitch: the icon is misaligned on the home tab.", .minor),
        ("The layout is cluttered and confusing.", .minor),
        ("Great app, thanks!", .none),
        ("Please add a dark mode.", .none),
    ])
    func severity(text: String, severity: Severity) {
        let result = Self.classify(text)
        #expect(result.severity == severity, "\(text) → \(result.severity) by \(result.severityCue ?? "kinds")")
    }

    /// Speed words are performance topic words: praise of speed names no performance kind by the cues alone.
    @Test(arguments: ["Fast, smooth and simple, love it.", "Quick to set up and very responsive."])
    func speedPraiseIsNoPerformanceKindByTheCues(text: String) {
        let result = Self.classify(text)
        #expect(result.cues.contains { $0.kind == .performance }, "\(text) → \(result.cues.map(\.cue))")
        #expect(!Self.kinds(text).contains(.performance), "\(text) → \(Self.kinds(text))")
    }

    @Test func topicWordCountsInANegativeRecordOnly() {
        let text = "The menu is a mess."
        #expect(!Self.kinds(text).contains(.usability))
        let negative = SentimentScore(compound: -0.6, positive: 0, negative: 0.5, neutral: 0.5)
        #expect(Self.classify(text, sentiment: negative).kinds.contains { $0.kind == .usability })
    }

    @Test(arguments: [
        ("La aplicación no funciona, se cierra sola.", FeedbackKind.bug),
        ("Por favor agreguen modo oscuro.", .featureRequest),
        ("Me encanta, excelente aplicación.", .praise),
    ])
    func spanishCues(text: String, kind: FeedbackKind) {
        #expect(Self.kinds(text, language: "es").contains(kind))
        // Without a language hint the Spanish lexicon still wins over the English one.
        #expect(Self.kinds(text).contains(kind))
    }
}

/// The choice among many cue matches (`KindClassifier.keepMany`) is the pairwise one (`keepFew`), made in O(n log n).
struct KindClassifierKeepTests {
    @Test func manyMatchesAreKeptAsThePairwiseChoiceKeepsThem() {
        // A fixed linear congruential sequence: the same match sets on every run.
        var state: UInt64 = 0xC0FFEE
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<300 {
            let patterns = 1 + next(12)
            // Few distinct weights and labels, short overlapping spans with repeats: ties and nesting everywhere.
            let rule = KindClassifier.KeepRule(weight: (0..<patterns).map { _ in Double(next(3)) },
                                               label: (0..<patterns).map { _ in UInt8(next(3)) },
                                               keepsNegated: Array(repeating: true, count: patterns))
            let live = (0..<(2 + next(80))).map { _ -> CueLexicon.Match in
                let start = next(30)
                return CueLexicon.Match(pattern: next(patterns), tokens: start..<(start + 1 + next(4)))
            }
            var few: [CueLexicon.Match] = []
            var order: [Int] = []
            KindClassifier.keepFew(live, rule: rule, into: &few, order: &order)
            var many: [CueLexicon.Match] = []
            KindClassifier.keepMany(live, rule: rule, into: &many)
            #expect(few.map(\.pattern) == many.map(\.pattern))
            #expect(few.map(\.tokens) == many.map(\.tokens))
        }
    }

    /// A review of one cue said thousands of times (pasted, or a bot) is classified like a short one; pairwise
    /// choice made it take over 30 s.
    @Test func aLongRepetitiveReviewIsStillABug() {
        let text = Array(repeating: "the app crashes", count: 3_000).joined(separator: " ")
        #expect(KindClassifierTests.kinds(text).contains(.bug))
    }
}
