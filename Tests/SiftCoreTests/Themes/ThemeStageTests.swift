import Testing
@testable import SiftCore

/// Reviews written for these tests: three recurring problems, some noise, and records with no words at all.
enum WrittenReviews {
    static let login = [
        "Can't log in, the verification code never arrives",
        "Verification code not received so I cannot login",
        "Login fails every time, no verification code by SMS",
        "I keep getting logged out and the verification code email never comes",
        "The login screen rejects my password and the code never arrives",
        "Stuck at login waiting for the verification code",
        "No verification code, no login. Useless",
        "Logged out again and the code does not arrive",
        "Login broken since the update, verification code missing",
        "Why does the verification code take an hour? Cannot log in",
        "Password reset and verification code both fail, can't login",
        "login loop after update, verification code expired instantly",
    ]
    static let battery = [
        "Battery drain is terrible, phone gets hot",
        "Drains my battery in two hours and the phone heats up",
        "Huge battery drain since last update",
        "The app kills my battery, phone is hot in my pocket",
        "Battery usage at 40 percent, phone overheating",
        "Phone gets really hot and the battery drains fast",
        "Battery drain overnight even when closed",
        "Massive battery drain, please fix the overheating",
        "My battery dies by noon because of this, phone hot",
        "Overheating phone and battery drain with the new version",
        "battery drains while idle, device warm",
        "Battery life ruined, the phone is always hot",
    ]
    static let upload = [
        "Upload stuck at 99 percent processing forever",
        "Video upload stuck on processing",
        "My uploads never finish, stuck processing",
        "Uploading a video takes forever and stays processing",
        "Upload fails at processing every single time",
        "Stuck on processing after upload, lost my video",
        "Upload progress freezes, processing never ends",
        "Videos stuck uploading for hours",
        "Upload stuck again, processing bar not moving",
        "Processing takes forever after every upload",
        "Cannot upload videos, stuck processing",
        "upload stuck processing since the update",
    ]
    static let empty = ["👍", "!!!", "🙂🙂", "..."]

    static func records(_ texts: [String], language: String? = "en", prefix: String = "r") -> [FeedbackRecord] {
        texts.enumerated().map { i, text in
            FeedbackRecord(
                id: "\(prefix)\(i)", source: "test.csv", format: "csv", text: text, language: language,
                origin: RecordOrigin(file: "test.csv", line: i + 2))
        }
    }

    static var planted: [FeedbackRecord] {
        records(login, prefix: "login") + records(battery, prefix: "battery") + records(upload, prefix: "upload")
            + records(empty, prefix: "empty")
    }
}

struct ThemeStageTests {
    func themed(_ records: [FeedbackRecord], threads: Int = 2) -> Corpus {
        var corpus = Corpus(records: records)
        ThemeStage(threads: threads).run(&corpus)
        return corpus
    }

    func themeByID(_ corpus: Corpus) -> [String: Int?] {
        Dictionary(uniqueKeysWithValues: corpus.records.map { ($0.id, $0.analysis?.theme) })
    }

    @Test func contentOrderIsTheSameOnOneCoreAndOnTwo() {
        // Over 65,536 records two cores sort halves and merge them; repeated texts make the ids decide.
        let records = (0..<70_000).map { i in
            FeedbackRecord(
                id: "r\(i)", source: "test.csv", format: "csv", text: "text \(i % 997)", language: "en",
                origin: RecordOrigin(file: "test.csv", line: i + 2))
        }
        let one = ThemeStage(threads: 1).contentOrder(records)
        let two = ThemeStage(threads: 2).contentOrder(records)
        #expect(one == two)
        #expect(Set(two).count == records.count)
        #expect(stableHash(records[two[0]].text.utf8) <= stableHash(records[two[1]].text.utf8))
    }

    @Test func theVocabularyNumbersEveryThreadsStemsInStringOrder() {
        // Two threads' stems, overlapping; "café" written precomposed by one and decomposed by the other.
        let first = ["drain", "battery", "caf\u{E9}", "login"]
        let second = ["login", "zoom", "cafe\u{301}", "battery", "app"]
        let (vocabulary, ids) = SortedVocabulary.numbering([first, second])
        #expect(vocabulary.strings == ["app", "battery", "caf\u{E9}", "drain", "login", "zoom"])
        // The spelling kept is the first thread's.
        #expect(vocabulary.strings[2].unicodeScalars.count == 4)
        for (table, numbered) in zip([first, second], ids) {
            for (string, id) in zip(table, numbered) { #expect(vocabulary.strings[Int(id)] == string) }
        }
        #expect(vocabulary.id("login") == 4)
        #expect(vocabulary.id("cafe\u{301}") == 2)
        #expect(vocabulary.id("crash") == nil)
        #expect(SortedVocabulary.numbering([]).vocabulary.strings.isEmpty)
    }

    @Test func problemsAmongManyRecordsOfWordsSeenOnceAreStillNamedThemes() {
        // Spam around the planted problems: strings of random letters, nearly every word new.
        var rng = SplitMix64(seed: 5)
        func word() -> String {
            String((0..<(5 + Int(rng.next() % 4))).map { _ in Character(UnicodeScalar(UInt8(97 + rng.next() % 26))) })
        }
        let spam = (0..<400).map { _ in (0..<(3 + Int(rng.next() % 8))).map { _ in word() }.joined(separator: " ") }
        expectThePlantedProblemsAreNamedThemes(themed(WrittenReviews.planted + WrittenReviews.records(spam, prefix: "spam")))
    }

    /// Each planted group of records (login, battery, upload) is one theme, and some theme is named after each.
    func expectThePlantedProblemsAreNamedThemes(_ corpus: Corpus) {
        let byID = themeByID(corpus)
        for group in ["login", "battery", "upload"] {
            let themes = Set(byID.filter { $0.key.hasPrefix(group) }.map(\.value))
            #expect(themes.count == 1, "\(group) records are spread over \(themes)")
            #expect(!themes.contains(nil))
        }
        let titles = corpus.themes.map(\.title)
        #expect(titles.contains { $0.contains("verification code") || $0.contains("login") })
        #expect(titles.contains { $0.contains("battery") })
        #expect(titles.contains { $0.contains("upload") || $0.contains("processing") })
    }

    @Test func plantedProblemsBecomeSeparateNamedThemes() {
        let corpus = themed(WrittenReviews.planted)
        expectThePlantedProblemsAreNamedThemes(corpus)
        for theme in corpus.themes {
            #expect(theme.quotes.count == 3)
            #expect(Set(theme.quotes.map(\.recordID)).count == 3)
            #expect((2...4).contains(theme.label.count) || theme.label.count >= 1)
        }
    }

    @Test func fillerSaidAcrossProblemsLeadsNoLabelAndMergesNothing() {
        // The same asides follow every problem, as they do in real reviews.
        let asides = [
            " Hey devs, this started a couple of weeks ago.", " I reinstalled twice and my friends have the same problem.",
            " Tried clearing the cache, no luck.", " Hey devs, this started a couple of weeks ago.",
        ]
        func dressed(_ texts: [String]) -> [String] { texts.enumerated().map { $0.element + asides[$0.offset % asides.count] } }
        let records = WrittenReviews.records(dressed(WrittenReviews.login), prefix: "login")
            + WrittenReviews.records(dressed(WrittenReviews.battery), prefix: "battery")
            + WrittenReviews.records(dressed(WrittenReviews.upload), prefix: "upload")
        let corpus = themed(records)
        let byID = themeByID(corpus)
        var themeOf: [String: Int] = [:]
        for group in ["login", "battery", "upload"] {
            let counts = Dictionary(grouping: byID.filter { $0.key.hasPrefix(group) }.compactMap(\.value), by: { $0 })
            let dominant = counts.max { $0.value.count != $1.value.count ? $0.value.count < $1.value.count : $0.key > $1.key }
            #expect((dominant?.value.count ?? 0) >= 8, "\(group) records are spread over \(counts.keys.sorted())")
            themeOf[group] = dominant?.key
        }
        #expect(Set(themeOf.values).count == 3, "distinct problems share a theme: \(themeOf)")
        let filler: Set<String> = ["hey", "devs", "couple", "weeks", "ago", "reinstalled", "friends", "tried", "cache", "clearing", "luck"]
        for theme in corpus.themes {
            let lead = theme.label.first ?? ""
            #expect(!lead.split(separator: " ").contains { filler.contains(String($0)) }, "label \(theme.label) leads with filler")
        }
    }

    @Test func sameThemesWhateverTheInputOrderAndThreadCount() {
        let records = WrittenReviews.planted
        let reference = themed(records, threads: 1)
        var rng = SplitMix64(seed: 42)
        for threads in [1, 2, 3] {
            let shuffled = records.shuffled(using: &rng)
            let other = themed(shuffled, threads: threads)
            #expect(themeByID(other) == themeByID(reference))
            #expect(other.themes == reference.themes)
        }
    }

    @Test func recordsWithoutWordsAreOutliersAndCounted() {
        let corpus = themed(WrittenReviews.planted)
        for record in corpus.records where record.id.hasPrefix("empty") {
            #expect(record.analysis?.theme == nil)
        }
        let summary = corpus.themeSummary
        #expect(summary.outliers >= WrittenReviews.empty.count)
        #expect(summary.records == corpus.themes.reduce(0) { $0 + $1.size } + summary.outliers)
    }

    @Test func spanishAndEnglishComplaintsAreNeverMerged() {
        let spanish = [
            "No puedo iniciar sesión, el código de verificación nunca llega",
            "El código de verificación no llega y no puedo entrar",
            "Inicio de sesión roto, sin código de verificación",
            "Nunca recibo el código de verificación por SMS",
            "Me cierra la sesión y el código de verificación no llega",
            "Código de verificación caducado, no puedo iniciar sesión",
        ]
        let records = WrittenReviews.records(WrittenReviews.login, language: "en", prefix: "en")
            + WrittenReviews.records(spanish, language: "es", prefix: "es")
        let corpus = themed(records)
        for theme in corpus.themes {
            let languages = Set(corpus.records.filter { $0.analysis?.theme == theme.id }.map { $0.id.prefix(2) })
            #expect(languages.count == 1, "theme \(theme.title) mixes \(languages)")
        }
        #expect(corpus.themes.contains { $0.language == "es" })
        #expect(corpus.themes.contains { $0.language == "en" })
    }

    @Test func aPairMostUsesOfItsWordsComeInLabelsTheThemeAsOnePhrase() {
        let dark = [
            "Please add dark mode", "Dark mode would save my eyes", "No dark mode in 2024?", "dark mode please",
            "Need a dark mode for night use", "When is dark mode coming", "dark mode missing", "add dark mode already",
        ]
        let corpus = themed(WrittenReviews.records(dark, prefix: "dark") + WrittenReviews.records(WrittenReviews.battery))
        let theme = corpus.themes.first { $0.label.contains("dark mode") }
        #expect(theme != nil, "\(corpus.themes.map(\.title))")
        #expect(theme.map { !$0.label.contains("dark") && !$0.label.contains("mode") } ?? false)
    }

    @Test func theAppsOwnNameIsNoThemeWord() {
        let texts = WrittenReviews.battery.map { "Tunely " + $0 } + WrittenReviews.upload.map { $0 + " in Tunely" }
        let corpus = themed(WrittenReviews.records(texts))
        for theme in corpus.themes { #expect(!theme.title.lowercased().contains("tunely")) }
    }
}
