import Testing
@testable import SiftCore

/// Long reviews written for these tests: three distinct browser problems, each told amid the same generic words
/// ("since the update the browser does not work") that every reviewer says whatever went wrong.
enum PervasiveWordReviews {
    static let openers = [
        "Since the last update the browser just does not work anymore.",
        "After I updated the browser to the new version nothing works right, the update broke it.",
        "The browser update made things worse and it still does not work properly after the update.",
    ]
    static let closers = [
        "Please fix the browser, this update does not work for me.",
        "Really disappointed with this update, the browser used to work.",
        "",
    ]
    static let sync = [
        "My bookmarks no longer sync between my laptop and my phone.",
        "Sync lost all my bookmarks and saved passwords.",
        "Bookmarks sync fails with an account error every time.",
        "Passwords and bookmarks will not sync to my other computer.",
        "The sync account logs me out and my bookmarks are gone.",
        "Bookmark sync duplicates every folder on my desktop.",
        "Saved passwords vanished after sync, bookmarks too.",
        "Sync never finishes and my bookmarks are missing on the phone.",
        "I cannot sync bookmarks with my account any more.",
        "Sync overwrote my bookmarks with an old copy and lost passwords.",
    ]
    static let video = [
        "Videos on YouTube freeze and the sound stutters.",
        "Video playback is choppy and the sound drops out.",
        "YouTube videos show a black screen with sound only.",
        "Every video stutters, full screen playback freezes.",
        "Videos will not play, the player spins forever on YouTube.",
        "Sound and video are out of sync during playback.",
        "Netflix video playback freezes after a minute.",
        "Embedded videos show a black player and no sound.",
        "Full screen video playback crashes the tab with the sound still playing.",
        "Video streams buffer endlessly and the player freezes.",
    ]
    static let memory = [
        "Memory usage climbs to eight gigabytes with three tabs open.",
        "It eats all my RAM and the computer slows to a crawl.",
        "Memory leak, RAM usage keeps growing until the computer freezes.",
        "Three tabs use more memory than all my other programs together.",
        "High memory usage makes my laptop fan spin constantly.",
        "RAM usage is insane, memory never gets released when tabs close.",
        "The memory leak forces me to restart the computer daily.",
        "Memory usage grows every hour until the laptop runs out of RAM.",
        "Huge RAM consumption, task manager shows two gigabytes per tab.",
        "Memory keeps leaking, my computer becomes unusable with few tabs.",
    ]

    /// Each record tells two sentences of one problem between an opener and a closer, so no two records say the
    /// same thing but each problem's words recur across its records: 90 records, 30 per problem.
    static var records: [FeedbackRecord] {
        var out: [FeedbackRecord] = []
        for (problem, sentences) in [("sync", sync), ("video", video), ("memory", memory)] {
            for (s, sentence) in sentences.enumerated() {
                for (o, opener) in openers.enumerated() {
                    let closer = closers[(s + o) % closers.count]
                    let second = sentences[(s + o + 1) % sentences.count]
                    let text = [opener, sentence, second, closer].filter { !$0.isEmpty }.joined(separator: " ")
                    out.append(FeedbackRecord(
                        id: "\(problem)-\(s)-\(o)", source: "test.csv", format: "csv", text: text, language: "en",
                        origin: RecordOrigin(file: "test.csv", line: out.count + 2)))
                }
            }
        }
        return out
    }
}

struct CatchAllSplitTests {
    func themed(_ records: [FeedbackRecord], stage: ThemeStage = ThemeStage(threads: 2)) -> Corpus {
        var corpus = Corpus(records: records)
        stage.run(&corpus)
        return corpus
    }

    /// For each planted problem, the share of its records in the theme that holds most of them.
    func purity(_ corpus: Corpus) -> [String: Double] {
        var counts: [String: [Int?: Int]] = [:]
        for record in corpus.records {
            let problem = String(record.id.split(separator: "-")[0])
            counts[problem, default: [:]][record.analysis?.theme, default: 0] += 1
        }
        return counts.mapValues { Double($0.values.max()!) / Double($0.values.reduce(0, +)) }
    }

    @Test func aWordSaidAboutEveryProblemDoesNotMakeOneCatchAllTheme() {
        let corpus = themed(PervasiveWordReviews.records)
        let shares = corpus.themes.map { Double($0.size) / Double(corpus.records.count) }
        #expect(corpus.themes.count == 3, "themes: \(corpus.themes.map { "\($0.title) \($0.size)" })")
        #expect(shares.allSatisfy { $0 <= 0.5 }, "shares: \(shares)")
        for (problem, share) in purity(corpus) {
            #expect(share >= 0.8, "\(problem): only \(share) of its records share a theme")
        }
    }

    @Test func theSplitIsTheSameWhateverTheOrderAndThreads() {
        let records = PervasiveWordReviews.records
        let reference = themed(records, stage: ThemeStage(threads: 1))
        var shuffler = SplitMix64(seed: 7)
        let shuffled = records.shuffled(using: &shuffler)
        let other = themed(shuffled, stage: ThemeStage(threads: 4))
        func byID(_ c: Corpus) -> [String: String] {
            let titles = Dictionary(uniqueKeysWithValues: c.themes.map { ($0.id, $0.title) })
            return Dictionary(uniqueKeysWithValues: c.records.map { ($0.id, $0.analysis?.theme.flatMap { titles[$0] } ?? "-") })
        }
        #expect(byID(reference) == byID(other))
        #expect(reference.themes.map(\.title) == other.themes.map(\.title))
    }

    @Test func withoutSplittingTheCorpusHasACatchAllTheme() {
        // Guards the test corpus: the plain mixture must lump the problems, or the first test proves nothing.
        var stage = ThemeStage(threads: 2)
        stage.catchAllRounds = 0
        let corpus = themed(PervasiveWordReviews.records, stage: stage)
        let largest = corpus.themes.map(\.size).max() ?? 0
        #expect(Double(largest) / Double(corpus.records.count) > 0.5)
    }
}
