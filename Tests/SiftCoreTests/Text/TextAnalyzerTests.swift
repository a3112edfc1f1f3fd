import Testing
@testable import SiftCore

/// One expected token: its original text, kind and folded form, found somewhere in the analyzed text.
struct ExpectedToken: CustomTestStringConvertible, Sendable {
    var text: String
    var language: String?
    var original: String
    var kind: Token.Kind
    var folded: String
    var testDescription: String { "\(original) in \(text)" }

    init(_ text: String, _ language: String? = "en", _ original: String, _ kind: Token.Kind, _ folded: String? = nil) {
        self.text = text
        self.language = language
        self.original = original
        self.kind = kind
        self.folded = folded ?? original.lowercased()
    }
}

struct TextAnalyzerTests {
    @Test func aChangedStemIsTheWordOnlyWhenCanonicallyEquivalent() {
        // Below U+0300 the quick check asks ICU nothing: every such code point passes it in this ICU.
        #expect(TokenFolder.nfcUnstableBelowCombiningMarks == nil)
        // The bytes decide for texts that pass the quick check, and for the same bytes.
        #expect(TokenFolder.bytesDecideEquivalence("приложение", "приложения") == false)
        #expect(TokenFolder.bytesDecideEquivalence("strasse", "straße") == false)
        #expect(TokenFolder.bytesDecideEquivalence("cafe\u{301}", "cafe\u{301}") == true)
        // Not past a combining mark, a singleton decomposition (the Angstrom sign), an unassigned code point (U+0378).
        #expect(TokenFolder.bytesDecideEquivalence("cafe\u{301}", "cafe\u{300}") == nil)
        #expect(TokenFolder.bytesDecideEquivalence("\u{212B}", "A\u{30A}") == nil)
        #expect(TokenFolder.bytesDecideEquivalence("a\u{378}", "a\u{379}") == nil)
        #expect(!WordRules.isEquivalent("gross", "groß"))
        #expect(!WordRules.isEquivalent("happi", "happy"))
        #expect(WordRules.isEquivalent("çalışmıyor", "çalışmıyor"))
        #expect(WordRules.isEquivalent("приложение", "приложение"))
        #expect(!WordRules.isEquivalent("приложения", "приложение"))
        // Other bytes, the same text: the Angstrom sign and A with a combining ring (three bytes each), a composed
        // and a decomposed "é".
        #expect(WordRules.isEquivalent("\u{212B}", "A\u{30A}"))
        #expect(WordRules.isEquivalent("caf\u{E9}", "cafe\u{301}"))
        #expect(!WordRules.isEquivalent("\u{212B}", "B\u{30A}"))
    }

    static let analyzer = TextAnalyzer()

    func analyze(_ text: String, _ language: String? = "en") -> AnalyzedText {
        Self.analyzer.makeWorker().analyze(text, languageHint: language)
    }

    func originals(_ analyzed: AnalyzedText) -> [String] {
        analyzed.tokens.map { String(analyzed.original($0)) }
    }

    static let kindCases: [ExpectedToken] = [
        // English
        ExpectedToken("I don't like it", "en", "don't", .word),
        ExpectedToken("I can't log in", "en", "can't", .word),
        ExpectedToken("it's broken", "en", "it's", .word),
        ExpectedToken("y'all fix this", "en", "y'all", .word),
        ExpectedToken("it’s broken", "en", "it’s", .word, "it's"),
        ExpectedToken("love it 👍🏽 great", "en", "👍🏽", .emoji, "👍"),
        ExpectedToken("family plan 👨‍👩‍👧 please", "en", "👨‍👩‍👧", .emoji),
        ExpectedToken("made in 🇩🇪!", "en", "🇩🇪", .emoji),
        ExpectedToken("love it ❤️", "en", "❤️", .emoji, "❤"),
        ExpectedToken("nice :)", "en", ":)", .emoticon),
        ExpectedToken("crashes again :-(", "en", ":-(", .emoticon, ":("),
        ExpectedToken("meh :/ whatever", "en", ":/", .emoticon),
        ExpectedToken("it deleted my photos :'(", "en", ":'(", .emoticon),
        ExpectedToken("love this app <3", "en", "<3", .emoticon),
        ExpectedToken("so funny xD", "en", "xD", .emoticon, "xd"),
        ExpectedToken("thanks ^^", "en", "^^", .emoticon),
        ExpectedToken("so cute :3", "en", ":3", .emoticon),
        ExpectedToken("haha :))", "en", ":))", .emoticon),
        ExpectedToken("wait what o_O", "en", "o_O", .emoticon, "o_O"),
        ExpectedToken("lost it again :'-(", "en", ":'-(", .emoticon),
        ExpectedToken("stop it &gt;:-(", "en", "&gt;:-(", .emoticon, ">:("),
        ExpectedToken("miss you &lt;3", "en", "&lt;3", .emoticon, "<3"),
        ExpectedToken("see https://example.com/help?id=3.", "en", "https://example.com/help?id=3", .url),
        ExpectedToken("go to www.example.org now", "en", "www.example.org", .url),
        ExpectedToken("mail Support@Example.com please", "en", "Support@Example.com", .email, "support@example.com"),
        ExpectedToken("thanks @DevTeam for the fix", "en", "@DevTeam", .mention, "@devteam"),
        ExpectedToken("another #bug today", "en", "#bug", .hashtag, "bug"),
        ExpectedToken("broken since v2.3.1", "en", "v2.3.1", .version),
        ExpectedToken("after the 2.3.1 update", "en", "2.3.1", .version),
        ExpectedToken("on iOS 12.0 it crashes", "en", "12.0", .version),
        ExpectedToken("worth $4.99?", "en", "$4.99", .price),
        ExpectedToken("rated 4.5 out of 5", "en", "4.5", .number),
        ExpectedToken("over 1,000 photos lost", "en", "1,000", .number),
        ExpectedToken("battery at 50% already", "en", "50%", .number),
        ExpectedToken("this is sooo slow", "en", "sooo", .word, "so"),
        ExpectedToken("noooo my streak", "en", "noooo", .word, "no"),
        ExpectedToken("goooood app", "en", "goooood", .word, "good"),
        ExpectedToken("why!!!", "en", "!!!", .punctuation, "!"),
        ExpectedToken("what???", "en", "???", .punctuation, "?"),
        ExpectedToken("This is the WORST update", "en", "WORST", .word, "worst"),
        // Spanish
        ExpectedToken("La aplicación no funciona", "es", "aplicación", .word),
        ExpectedToken("¡Pésima! cuesta 4,99€", "es", "4,99€", .price),
        ExpectedToken("Muy buena 😍😍", "es", "😍", .emoji),
        ExpectedToken("se cierra #error", "es", "#error", .hashtag, "error"),
        ExpectedToken("Es buenísimaaaa", "es", "buenísimaaaa", .word, "buenísima"),
        // German
        ExpectedToken("Die App stürzt ständig ab", "de", "stürzt", .word),
        ExpectedToken("Kostet 2,99 € im Monat, 5€ wären ok", "de", "5€", .price),
        ExpectedToken("Seit Version 5.2 geht nichts", "de", "5.2", .version),
        ExpectedToken("Straße", "de", "Straße", .word, "straße"),
        ExpectedToken("Schlecht :( gar nicht gut", "de", ":(", .emoticon),
        // Chinese (ICU dictionary word break)
        ExpectedToken("这个应用很好用", nil, "应用", .word),
        ExpectedToken("更新到3.2版本后更糟糕了", nil, "版本", .word),
        ExpectedToken("更新到3.2版本后更糟糕了", nil, "糟糕", .word),
        ExpectedToken("太棒了👍", nil, "👍", .emoji),
        // Japanese
        ExpectedToken("アプリが落ちる", nil, "アプリ", .word),
        ExpectedToken("アプリが落ちる", nil, "落ちる", .word),
        ExpectedToken("ログインできない😡", nil, "😡", .emoji),
        ExpectedToken("ｆｕｌｌ幅のＡＢＣ", nil, "ＡＢＣ", .word, "abc"),
        // Thai
        ExpectedToken("แอพค้างบ่อย", nil, "ค้าง", .word),
        // Hinglish (Hindi in Latin letters)
        ExpectedToken("app bahut slow hai yaar, fix karo", "en", "bahut", .word),
        ExpectedToken("app bahut slow hai yaar, fix karo", "en", "karo", .word),
        ExpectedToken("bekaar app hai 😡😡", "en", "😡", .emoji),
        ExpectedToken("bohot accha hai yaaar", "en", "yaaar", .word, "yar"),
    ]

    @Test(arguments: kindCases)
    func tokenKinds(_ expected: ExpectedToken) {
        let analyzed = analyze(expected.text, expected.language)
        let match = analyzed.tokens.first { String(analyzed.original($0)) == expected.original }
        #expect(match != nil, "tokens: \(originals(analyzed))")
        #expect(match?.kind == expected.kind)
        #expect(match?.folded == expected.folded)
    }

    static let splitCases: [(String, String?, [String])] = [
        ("I don't like it's new update!!!", "en", ["I", "don't", "like", "it's", "new", "update", "!!!"]),
        ("great:) but slow", "en", ["great", ":)", "but", "slow"]),
        ("at 10:30 it froze", "en", ["at", "10", ":", "30", "it", "froze"]),
        ("Note:Done", "en", ["Note", ":", "Done"]),
        ("log-in fails", "en", ["log", "-", "in", "fails"]),
        ("4k video, 5g", "en", ["4k", "video", ",", "5g"]),
        ("👍👍👍", "en", ["👍", "👍", "👍"]),
        ("🇺🇸🇫🇷", "en", ["🇺🇸", "🇫🇷"]),
        ("cr\u{200B}ash", "en", ["cr\u{200B}ash"]),
        ("这个应用很好用", nil, ["这个", "应用", "很好", "用"]),
        ("アプリが落ちる。", nil, ["アプリ", "が", "落ちる", "。"]),
        ("¿Por qué? No sé", "es", ["¿", "Por", "qué", "?", "No", "sé"]),
        ("app bahut slow hai yaar, fix karo", "en", ["app", "bahut", "slow", "hai", "yaar", ",", "fix", "karo"]),
    ]

    @Test(arguments: splitCases)
    func tokenBoundaries(_ text: String, _ language: String?, _ expected: [String]) {
        #expect(originals(analyze(text, language)) == expected)
    }

    @Test func offsetsAreUTF8BytesIntoTheOriginal() {
        let text = "Ünïcödé 👨‍👩‍👧 “quotes” 应用 x@y.io\nnew line"
        let analyzed = analyze(text, nil)
        let utf8 = Array(text.utf8)
        var previousEnd = 0
        for token in analyzed.tokens {
            #expect(token.utf8Range.lowerBound >= previousEnd)
            previousEnd = token.utf8Range.upperBound
            let bytes = Array(utf8[token.utf8Range])
            #expect(String(decoding: bytes, as: UTF8.self) == String(analyzed.original(token)))
        }
        #expect(originals(analyzed) == ["Ünïcödé", "👨‍👩‍👧", "“", "quotes", "”", "应用", "x@y.io", "new", "line"])
    }

    @Test func inflectionsShareAStem() {
        let english = analyze("crash crashes crashed crashing", "en").tokens.map(\.stem)
        #expect(Set(english).count == 1)
        let spanish = analyze("funciona funcionar funcionando", "es").tokens.map(\.stem)
        #expect(Set(spanish).count == 1)
        let german = analyze("Benachrichtigung Benachrichtigungen", "de").tokens.map(\.stem)
        #expect(Set(german).count == 1)
        // Spanish words are not stemmed by English rules: "funciona" would stay whole in English.
        #expect(analyze("aplicaciones", "es").tokens[0].stem != analyze("aplicaciones", "en").tokens[0].stem)
    }

    @Test func foldingNormalizes() {
        #expect(analyze("ﬁx", "en").tokens.map(\.folded) == ["fix"])
        #expect(analyze("cr\u{200B}ash", "en").tokens.map(\.folded) == ["crash"])
        #expect(analyze("ＣＲＡＳＨ", "en").tokens.map(\.folded) == ["crash"])
        #expect(analyze("ΣΟΦΟΣ", "el").tokens.map(\.folded) == ["σοφοσ"])
    }

    static let negationCases: [(String, String, [String], [String])] = [
        // text, language, negated tokens, negators
        ("no dark mode", "en", ["dark", "mode"], ["no"]),
        ("dark mode please", "en", [], []),
        ("I don't like the new update at all", "en", ["like", "the", "new", "update"], ["don't"]),
        ("not fast but reliable", "en", ["fast"], ["not"]),
        ("it doesn't sync, photos are gone", "en", ["sync"], ["doesn't"]),
        ("never again. Great support though", "en", ["again"], ["never"]),
        ("No funciona la cámara", "es", ["funciona", "la", "cámara"], ["No"]),
        ("Keine Benachrichtigungen mehr", "de", ["Benachrichtigungen", "mehr"], ["Keine"]),
        ("ça ne marche pas", "fr", ["marche"], ["ne", "pas"]),
        ("não abre o app", "pt", ["abre", "o", "app"], ["não"]),
    ]

    @Test(arguments: negationCases)
    func negationScope(_ text: String, _ language: String, _ negated: [String], _ negators: [String]) {
        let analyzed = analyze(text, language)
        let flagged = analyzed.tokens.filter { $0.flags.contains(.negated) }.map { String(analyzed.original($0)) }
        let opened = analyzed.tokens.filter { $0.flags.contains(.negator) }.map { String(analyzed.original($0)) }
        #expect(flagged == negated)
        #expect(opened == negators)
    }

    /// Analyzing into a reused value (the storage of the text before) gives what analyzing afresh gives, whatever
    /// came before: English, Spanish, Chinese, emoji, empty text.
    @Test func analyzingIntoAReusedValueGivesTheSameTokens() {
        let texts = [
            "The app is GREAT but it crashes constantly!!! 😡", "", "La aplicación no funciona, muy lenta.", "很好用的应用",
            "Kindly fix the login bug. Version 4.2 is worse", "👍👍", "ok", "No dark mode :( please add it",
        ]
        let fresh = Self.analyzer.makeWorker()
        let reusing = Self.analyzer.makeWorker()
        var analyzed = AnalyzedText(text: "", tokens: [], sentences: [], language: "und", languageConfidence: 0)
        for text in texts + texts.reversed() {
            for hint in [nil, "en"] as [String?] {
                let expected = fresh.analyze(text, languageHint: hint)
                reusing.analyze(text, languageHint: hint, into: &analyzed)
                #expect(analyzed.text == expected.text)
                #expect(analyzed.tokens == expected.tokens, "\(text)")
                #expect(analyzed.sentences == expected.sentences, "\(text)")
                #expect(analyzed.language == expected.language && analyzed.languageConfidence == expected.languageConfidence, "\(text)")
            }
        }
    }

    /// The same with the settings of `sift sentiment -` (the plain-English attempt first, then language
    /// identification for the texts it leaves): a text with fewer tokens or sentences than the one before, one the
    /// attempt leaves to CLD2, and one tokenized again in another language all come out as analyzed afresh.
    @Test func analyzingIntoAReusedValueGivesTheSameTokensWithThePlainEnglishAttempt() {
        let texts = [
            "The app is GREAT but it crashes constantly!!! 😡 Second sentence. Third one?", "ok", "",
            "La aplicación no funciona, muy lenta. No me gusta nada.", "Nyc game", "很好用的应用", "ممتاز جدا",
            "Kindly fix the login bug.\nVersion 4.2 is worse than update 4.1", "👍👍", "No dark mode :( please add it",
            // Words longer than 15 bytes have strings that own memory; the tokens around them do not.
            "Internationalization and uncharacteristically slow synchronization, but ok", "Supercalifragilisticexpialidocious!",
        ]
        func worker() -> TextAnalyzerWorker {
            let worker = Self.analyzer.makeWorker()
            worker.plainEnglishStopwords = TextAnalyzerWorker.sentimentPlainEnglishStopwords
            worker.plainEnglishKnownShare = TextAnalyzerWorker.sentimentPlainEnglishKnownShare
            return worker
        }
        let reusing = worker()
        var analyzed = AnalyzedText(text: "", tokens: [], sentences: [], language: "und", languageConfidence: 0)
        for text in texts + texts.reversed() + texts {
            let expected = worker().analyze(text)
            reusing.analyze(text, into: &analyzed)
            #expect(analyzed.text == expected.text)
            #expect(analyzed.tokens == expected.tokens, "\(text)")
            #expect(analyzed.sentences == expected.sentences, "\(text)")
            #expect(analyzed.language == expected.language && analyzed.languageConfidence == expected.languageConfidence, "\(text)")
        }
    }

    /// A fresh worker, set as `sift sentiment -` sets it when `plainEnglish` (the plain-English attempt before
    /// language identification).
    static func worker(plainEnglish: Bool) -> TextAnalyzerWorker {
        let worker = analyzer.makeWorker()
        if plainEnglish {
            worker.plainEnglishStopwords = TextAnalyzerWorker.sentimentPlainEnglishStopwords
            worker.plainEnglishKnownShare = TextAnalyzerWorker.sentimentPlainEnglishKnownShare
        }
        return worker
    }

    /// Tokens other than words, which a worker remembers by their bytes as written (`otherTokens`), come out as a
    /// fresh worker makes them however often and wherever they were seen before: after a line break or not, marks
    /// repeated or not, strings that own memory (a long link) or not, on both the plain-English attempt's path and
    /// language identification's.
    @Test func tokensOtherThanWordsSeenBeforeAreMadeAsAfresh() {
        let texts = [
            "Great app!!! 👍👍 5 stars... $4.99 :) @dev_team", "5 stars\n👍\n!!! bad :(", "...", "👍",
            "see https://example.com/a/very/long/path/to/a/page?query=1 and www.example.com — ok??", "—— 2.0 ❤️ 💯💯 !?",
            "Version 4.2 is worse... 4.2 4.2", "La app es buena!!! 👍 100%", "很好用123的应用！！ 👍", "ممتاز 👍👍 !!!",
        ]
        for plainEnglish in [false, true] {
            func worker() -> TextAnalyzerWorker { Self.worker(plainEnglish: plainEnglish) }
            let seeing = worker()
            for text in texts + texts.reversed() + texts {
                let expected = worker().analyze(text)
                let analyzed = seeing.analyze(text)
                #expect(analyzed.tokens == expected.tokens, "\(text)")
                #expect(analyzed.tokens.allSatisfy { $0.kind == .word || $0.kind == .hashtag || $0.wordID == -1 }, "\(text)")
            }
        }
    }

    /// Words the memo of words as written holds besides ASCII words of Latin-script text (`addWrittenFoldedWord`):
    /// words with letters beyond ASCII, and every word of a text in a language not written in Latin letters, which
    /// takes English rules for its Latin-letter words. Seen again, they come out as a fresh worker makes them, and
    /// still count as words beyond ASCII for the plain-English attempt (a text with one goes to language
    /// identification).
    @Test func wordsBeyondASCIIAndWordsOfNonLatinTextsSeenBeforeAreMadeAsAfresh() {
        let texts: [(String, String?)] = [
            ("the app is great, café", nil), ("Très BIEN, l’application est géniale", nil), ("I don’t like it", nil),
            ("NIÑO niño Niñooooo", "es"), ("Приложение не работает, very bad app", "ru"), ("Приложение не работает, very bad app", nil),
            ("bahut accha app hai, not bad at all", "hi"), ("यह ऐप बहुत अच्छा है but CRASHES often", "hi"),
            ("the app is great, café", "en"), ("Straße über Größe", "de"),
        ]
        for plainEnglish in [false, true] {
            func worker() -> TextAnalyzerWorker { Self.worker(plainEnglish: plainEnglish) }
            let seeing = worker()
            for (text, hint) in texts + texts.reversed() + texts {
                let expected = worker().analyze(text, languageHint: hint)
                let analyzed = seeing.analyze(text, languageHint: hint)
                #expect(analyzed.tokens == expected.tokens, "\(text)")
                #expect(analyzed.sentences == expected.sentences, "\(text)")
                #expect(analyzed.language == expected.language && analyzed.languageConfidence == expected.languageConfidence, "\(text)")
            }
        }
        // A text with a word beyond ASCII after folding is never plain English, however often its words were seen:
        // it gets the language and confidence language identification gives.
        let attempting = Self.analyzer.makeWorker()
        attempting.plainEnglishStopwords = TextAnalyzerWorker.sentimentPlainEnglishStopwords
        attempting.plainEnglishKnownShare = TextAnalyzerWorker.sentimentPlainEnglishKnownShare
        let identifying = Self.analyzer.makeWorker()
        for text in Array(repeating: ["the app is the best in the café", "the app is the best, NIÑO", "the app is good"], count: 3).joined() {
            let attempted = attempting.analyze(text), identified = identifying.analyze(text)
            let isPlainEnglish = !attempted.tokens.contains { $0.folded.utf8.contains { $0 >= 0x80 } }
            #expect(isPlainEnglish == (attempted.languageConfidence != identified.languageConfidence), "\(text)")
            #expect(isPlainEnglish || attempted.language == identified.language, "\(text)")
        }
    }

    /// A remembered token other than a word is taken only for bytes scanned the same way: another kind, or marks
    /// repeated otherwise, are made anew (`WrittenOtherToken.Scanned`).
    @Test func aRememberedOtherTokenIsTakenOnlyForBytesScannedAlike() {
        typealias Scanned = TextAnalyzerWorker.WrittenOtherToken.Scanned
        let remembered = Scanned(ScannedToken(kind: .punctuation, range: 4..<6, repeated: true))
        #expect(remembered == Scanned(ScannedToken(kind: .punctuation, range: 0..<2, repeated: true, afterLineBreak: true)))
        #expect(remembered != Scanned(ScannedToken(kind: .punctuation, range: 4..<6, repeated: false)))
        #expect(remembered != Scanned(ScannedToken(kind: .punctuation, range: 4..<6, repeated: true, isASCII: false)))
        #expect(remembered != Scanned(ScannedToken(kind: .emoticon, range: 4..<6, repeated: true)))
    }

    /// Tokens a caller put into the reused value (with strings of its own) are replaced as a fresh analysis would
    /// make them, however many there were.
    @Test func analyzingIntoAValueWithTheCallersOwnTokensGivesTheSameTokens() {
        let worker = Self.analyzer.makeWorker()
        worker.plainEnglishStopwords = TextAnalyzerWorker.sentimentPlainEnglishStopwords
        worker.plainEnglishKnownShare = TextAnalyzerWorker.sentimentPlainEnglishKnownShare
        var analyzed = AnalyzedText(text: "", tokens: [], sentences: [], language: "und", languageConfidence: 0)
        for (text, extra) in [("The update is great, thanks", 2), ("Bad", 30), ("Internationalization is uncharacteristically slow", 0)] {
            let callers = (0..<(5 + extra)).map { k in
                Token(kind: .word, utf8Range: k..<(k + 1), folded: String(repeating: "caller", count: 4) + "\(k)", stem: "caller's own stem \(k)")
            }
            analyzed.tokens = TokenList(callers)
            worker.analyze(text, into: &analyzed)
            #expect(analyzed.tokens == worker.analyze(text).tokens, "\(text)")
            #expect(callers.count == 5 + extra && callers[0].folded.hasPrefix("callercaller"))
        }
    }

    /// Texts of more words than a `WordCounts` lane holds (255) are counted in full: the share of stopwords given
    /// as the plain-English confidence, and capitals on every word, which then are no emphasis.
    @Test func longTextsAreCountedInFull() {
        let worker = Self.analyzer.makeWorker()
        worker.plainEnglishStopwords = TextAnalyzerWorker.sentimentPlainEnglishStopwords
        worker.plainEnglishKnownShare = TextAnalyzerWorker.sentimentPlainEnglishKnownShare
        for repeats in [63, 64, 65, 200, 1_000] {
            // Four words, two of them stopwords ("the", "is").
            let plain = worker.analyze(String(repeating: "the app is slow ", count: repeats))
            #expect(plain.language == "en" && plain.languageConfidence == 0.5, "\(repeats)")
            let shouted = worker.analyze(String(repeating: "THE APP IS SLOW ", count: repeats))
            #expect(shouted.tokens.count == 4 * repeats && !shouted.tokens.contains { $0.flags.contains(.allCaps) }, "\(repeats)")
            let mixed = worker.analyze(String(repeating: "the APP is slow ", count: repeats))
            #expect(mixed.tokens.filter { $0.flags.contains(.allCaps) }.count == repeats, "\(repeats)")
        }
    }

    /// One word's counts come out of their lanes, and 255 words' counts stay in theirs.
    @Test func wordCountsKeepTheirLanes() {
        let one = WordCounts(isStopword: true, isHindiMarker: false, isKnownEnglish: true, isOtherLanguage: false,
                             isCapsCandidate: true, isCaps: false)
        let other = WordCounts(isStopword: false, isHindiMarker: true, isKnownEnglish: false, isOtherLanguage: true,
                               isCapsCandidate: true, isCaps: true, isNonASCII: true)
        var counts = WordCounts()
        for k in 0..<WordCounts.laneLimit { counts.add(k % 2 == 0 ? one : other) }
        #expect([counts.words, counts.stopwords, counts.hindiMarkers, counts.knownWords, counts.otherLanguageWords,
                 counts.capsCandidates, counts.capsWords, counts.nonASCIIWords] == [255, 128, 127, 128, 127, 255, 127, 127])
    }

    /// The marks tokenizing puts on tokens for the passes after (line breaks, sentence and clause ends) are gone
    /// from every token analyzed.
    @Test func noTokenKeepsTheMarksOfTokenizing() {
        let texts = ["Crashes on start. Please fix!!! Otherwise great :)\nSecond line", "Why?? no… ok; (fine), \"quoted\" 。end",
                     "很好用。但是经常闪退！", "No dark mode :( please add it!\n\nThanks", "On iOS 12.0 it is 5 stars, not 4.5"]
        for text in texts {
            for language in ["en", nil] as [String?] {
                let flags = analyze(text, language).tokens.map(\.flags)
                #expect(flags.allSatisfy { $0.isDisjoint(with: .whileTokenizing) }, "\(text)")
            }
        }
    }

    @Test func sentencesAreRecorded() {
        let text = "Crashes on start. Please fix!!! Otherwise great :)\nSecond line"
        let analyzed = analyze(text)
        #expect(analyzed.sentences.count == 4)
        let sentenceTexts = analyzed.sentences.map { String(decoding: Array(text.utf8)[$0], as: UTF8.self) }
        #expect(sentenceTexts == ["Crashes on start.", "Please fix!!!", "Otherwise great :)", "Second line"])
        let starts = analyzed.tokens.filter { $0.flags.contains(.sentenceStart) }.map { String(analyzed.original($0)) }
        #expect(starts == ["Crashes", "Please", "Otherwise", "Second"])
        #expect(analyzed.tokens.last?.sentence == 3)
        #expect(analyze("这个应用很好用。但是经常闪退！", nil).sentences.count == 2)
    }

    @Test func capitalsAreEmphasisOnlyAgainstLowerCase() {
        let mixed = analyze("This is the WORST app EVER")
        #expect(mixed.tokens.filter { $0.flags.contains(.allCaps) }.map(\.folded) == ["worst", "ever"])
        let shouting = analyze("THIS APP IS BAD")
        #expect(!shouting.tokens.contains { $0.flags.contains(.allCaps) })
        #expect(!analyze("I like it").tokens.contains { $0.flags.contains(.allCaps) })
    }

    @Test func elongationIsRecorded() {
        let analyzed = analyze("sooo slow!!! cool")
        #expect(analyzed.tokens.map(\.folded) == ["so", "slow", "!", "cool"])
        #expect(analyzed.tokens.map { $0.flags.contains(.elongated) } == [true, false, true, false])
    }

    /// Every spelling of a word gets the stem and word flags of the word alone, whichever spelling a worker saw first
    /// (a capitalized spelling reuses the facts of the lower-case one when that came first).
    @Test func everySpellingOfAWordGetsTheSameStemAndFlags() {
        let alone = Dictionary(uniqueKeysWithValues: ["crashing", "the", "not"].map { ($0, analyze($0).tokens[0]) })
        #expect(alone["crashing"]?.stem == "crash")
        #expect(alone["the"]?.flags.contains(.stopword) == true)
        #expect(alone["not"]?.flags.contains(.negator) == true)
        for text in ["not Not NOT crashing Crashing CRASHING the The THE", "CRASHING Crashing crashing THE The the NOT Not not"] {
            let tokens = Self.analyzer.makeWorker().analyze(text, languageHint: "en").tokens
            for (word, token) in alone {
                let spellings = tokens.filter { $0.folded == word }
                #expect(spellings.count == 3, "\(text): \(word)")
                for spelling in spellings {
                    #expect(spelling.stem == token.stem && spelling.stemHash == token.stemHash && spelling.foldedHash == token.foldedHash)
                    #expect(spelling.flags.intersection([.stopword, .negator]) == token.flags.intersection([.stopword, .negator]))
                }
            }
        }
    }

    /// Spellings of a word met after its folded form ("Good", "GOOD" after "good") share its word id, by which the
    /// scorer's memo reads a word's facts (those follow from the folded form and stem, which they share); other
    /// words do not.
    @Test func spellingsOfAWordMetAfterItsFoldedFormShareItsWordID() {
        let tokens = Self.analyzer.makeWorker().analyze("good Good GOOD gOOd good bad Bad", languageHint: "en").tokens
        let ids = tokens.map(\.wordID)
        #expect(ids[0] >= 0 && ids[0..<5].allSatisfy { $0 == ids[0] }, "\(ids)")
        #expect(ids[5] >= 0 && ids[5] != ids[0] && ids[6] == ids[5], "\(ids)")
        #expect(tokens.map(\.stem) == ["good", "good", "good", "good", "good", "bad", "bad"])
    }

    /// A folded form is beyond ASCII when any byte of it is, inline or in memory of its own.
    @Test func aFoldedFormIsBeyondASCIIByAnyOfItsBytes() {
        for word in ["", "good", "a word well past fifteen bytes", "don't"] {
            #expect(!TextAnalyzerWorker.isBeyondASCII(word), "\(word)")
        }
        for word in ["café", "é", "naïve and long enough to own memory", "नमस्ते", "good👍"] {
            #expect(TextAnalyzerWorker.isBeyondASCII(word), "\(word)")
        }
    }

    @Test func stopwordsFollowTheLanguage() {
        let english = analyze("the app is slow", "en")
        #expect(english.tokens.filter { $0.flags.contains(.stopword) }.map(\.folded) == ["the", "is"])
        let spanish = analyze("la app es lenta", "es")
        #expect(spanish.tokens.filter { $0.flags.contains(.stopword) }.map(\.folded) == ["la", "es"])
        for language in ["en", "es", "de", "fr", "pt", "it", "nl"] {
            #expect(!LexiconStore.shipped.lines("\(language)/stopwords.txt").isEmpty, "\(language)")
        }
    }

    @Test func languageHintsAreNormalized() {
        #expect(analyze("hola", "es-MX").language == "es")
        #expect(analyze("hola", "PT_br").language == "pt")
    }

}

/// The shortcut `sift sentiment -` takes: plain English text skips language identification.
struct TextAnalyzerPlainEnglishTests {
    func plainWorker() -> TextAnalyzerWorker {
        let worker = TextAnalyzer().makeWorker()
        worker.plainEnglishStopwords = TextAnalyzerWorker.sentimentPlainEnglishStopwords
        worker.plainEnglishKnownShare = TextAnalyzerWorker.sentimentPlainEnglishKnownShare
        return worker
    }

    @Test(arguments: [
        "The app keeps crashing when I open it",
        "Great game",
        "I love this app so much 😍😍",
        "It’s not working, please fix it!!!",
    ])
    func englishTextGetsTheSameTokensAsWithIdentification(_ text: String) {
        let plain = plainWorker().analyze(text)
        let identified = TextAnalyzer().makeWorker().analyze(text)
        #expect(plain.language == "en")
        #expect(plain.tokens == identified.tokens)
        #expect(plain.sentences == identified.sentences)
    }

    @Test(arguments: [
        "No funciona, muy mala la aplicación, la desinstalo",
        "app bahut slow hai yaar, kuch nahi chalta",
        "Das ist eine sehr gute App, ich bin zufrieden",
        "这个应用很好用",
    ])
    func otherTextStillGoesThroughIdentification(_ text: String) {
        let plain = plainWorker().analyze(text)
        let identified = TextAnalyzer().makeWorker().analyze(text)
        #expect(plain.language != "en")
        #expect(plain.language == identified.language)
        #expect(plain.languageConfidence == identified.languageConfidence)
        #expect(plain.tokens == identified.tokens)
    }

    /// Reviews in ASCII letters in languages app stores see most, each with a word of sift's other word lists
    /// (stopwords, negators, the multilingual and Spanish lexicons): they reach language identification as before.
    @Test(arguments: [
        "aplikasi nya bagus banget",  // Indonesian
        "sangat membantu",
        "gak bisa login dari kemarin",
        "maganda ang app",  // Tagalog
        "hindi gumagana ang app",
        "tak boleh buka langsung",  // Malay
        "muy buena app",  // Spanish
        "no funciona la aplicacion",
        "me encanta esta app",
        "muito bom aplicativo",  // Portuguese
        "nao funciona mais",
        "sehr gut",  // German
        "funktioniert nicht mehr",
        "tres bien application",  // French
        "application nulle, ne marche pas",
    ])
    func asciiTextWithAWordOfAnotherLanguageGoesThroughIdentification(_ text: String) {
        let plain = plainWorker().analyze(text)
        let identified = TextAnalyzer().makeWorker().analyze(text)
        #expect(plain.language == identified.language)
        #expect(plain.languageConfidence == identified.languageConfidence)
        #expect(plain.tokens == identified.tokens)
    }

    /// Text in ASCII letters with no word of another language sift knows is English, however few of its words sift's
    /// English lists know: CLD2 calls such short reviews English, undetermined or, misreading them, something else.
    @Test(arguments: ["Good app", "Nice game", "Fantastic app", "Duolingo streak freeze", "Netflix subtitles desync"])
    func asciiTextWithNoWordOfAnotherLanguageIsEnglish(_ text: String) {
        let plain = plainWorker().analyze(text)
        #expect(plain.language == "en")
        #expect(plain.tokens == TextAnalyzer().makeWorker().analyze(text, languageHint: "en").tokens)
    }

    @Test func embeddedWordListsAreWhatTheRuntimeBuildsFromTheFiles() {
        // scripts/embed-lexicons writes both lists ahead of time; its folding and splitting must give, word for word,
        // what the analyzer makes of the shipped files, or an edited lexicon would change what passes as English.
        let lexicons = TextLexicons(.shipped)
        let embedded = LexiconStore.shipped.plainEnglishLists
        #expect(embedded != nil)
        let vocabulary = Set((embedded?.englishVocabulary ?? "").split(separator: "\n").map(String.init))
        let other = Set((embedded?.otherLanguageWords ?? "").split(separator: "\n").map(String.init))
        let computedVocabulary = lexicons.computedEnglishVocabulary(), computedOther = lexicons.computedOtherLanguageWords()
        #expect(vocabulary.count > 9_000 && other.count > 1_000)
        #expect(vocabulary.subtracting(computedVocabulary).sorted() == [])
        #expect(computedVocabulary.subtracting(vocabulary).sorted() == [])
        #expect(other.subtracting(computedOther).sorted() == [])
        #expect(computedOther.subtracting(other).sorted() == [])
        // And the set the workers probe holds every word of the embedded text.
        let lists = lexicons.plainEnglish.lists(lexicons)
        #expect(lists.englishVocabulary.count == vocabulary.count && lists.otherLanguageWords.count == other.count)
        #expect(vocabulary.allSatisfy { lists.englishVocabulary.contains($0, hash: WordHash.of($0)) })
        #expect(other.allSatisfy { lists.otherLanguageWords.contains($0, hash: WordHash.of($0)) })
    }

    @Test func aLanguagesWordListsAreItsFilesFoldedLines() {
        // Read when a worker first makes a language's rules: each list is its file's lines, folded, in order.
        let store = LexiconStore.shipped.overlaid(by: ["de/stopwords.txt": "ZQWORT\nund\n# note\nund", "zz/negators.txt": "NEIN"])
        let lexicons = TextLexicons(store)
        for language in ["en", "es", "de", "zz"] {
            let lists = lexicons.wordLists(language)
            for (list, file) in [(lists.stopwords, "stopwords.txt"), (lists.negators, "negators.txt"), (lists.contrast, "contrast.txt")] {
                #expect(list == store.lines("\(language)/\(file)").map { lexicons.folder.unicodeFolded(String($0)) })
            }
        }
        #expect(lexicons.wordLists("de").stopwords == ["zqwort", "und", "und"])
        #expect(lexicons.wordLists("en").negators.contains("not"))
        #expect(lexicons.wordLists("zz").negators == ["nein"] && lexicons.wordLists("zz").stopwords == [])
        // A language sift has no lists for, or a code that is no language, has empty lists.
        for code in ["xx", "", "en/", "/en"] {
            let lists = lexicons.wordLists(code)
            #expect(lists.stopwords.isEmpty && lists.negators.isEmpty && lists.contrast.isEmpty)
        }
        #expect(lexicons.wordListLanguages().isSuperset(of: ["en", "es", "de", "zz", "fr", "hi"]))
        #expect(!TextLexicons(.shipped).wordListLanguages().contains("zz"))
    }

    @Test func aReplacedWordListIsReadFromTheFiles() {
        // A directory of the user's own replacing a stopword list must not get the lists made from the shipped one.
        let store = LexiconStore.shipped.overlaid(by: ["de/stopwords.txt": "zqwort\nund"])
        #expect(store.plainEnglishLists == nil)
        let lexicons = TextLexicons(store)
        let lists = lexicons.plainEnglish.lists(lexicons)
        #expect(lists.otherLanguageWords.contains("zqwort", hash: WordHash.of("zqwort")))
        #expect(!TextLexicons(.shipped).computedOtherLanguageWords().contains("zqwort"))
        #expect(LexiconStore.shipped.overlaid(by: [:]).plainEnglishLists != nil)
    }

    @Test func aWorkerLeftAloneIdentifiesEveryText() {
        // `sift analyze` writes the identified language in records: the shortcut must be something a caller asks
        // for. CLD2 takes these English words for Czech; the shortcut, which only picks a lexicon, for English.
        let text = "privacy ultra pro max"
        let worker = TextAnalyzer().makeWorker()
        #expect(worker.plainEnglishStopwords == 0 && worker.plainEnglishKnownShare == 0)
        #expect(worker.analyze(text).language != "en")
        #expect(plainWorker().analyze(text).language == "en")
        // Basque to CLD2; English words sift's lists do not know, and no word of another language.
        #expect(worker.analyze("Duolingo streak freeze").language != "en")
    }

    /// Texts of random characters from many scripts, marks, emoji parts and apostrophes: every one is analyzed to
    /// tokens that are non-empty, in order and inside the text, in both tokenizing routes. Random text found the lone
    /// "ʼ" that made the scanner loop forever.
    @Test func randomTextsEndWithWellFormedTokens() {
        let pools: [ClosedRange<UInt32>] = [
            0x20...0x7E, 0xA0...0x2FF, 0x300...0x36F, 0x370...0x52F, 0x590...0x6FF, 0x900...0x97F, 0xE00...0xE7F,
            0x2000...0x206F, 0x2190...0x2BFF, 0x3000...0x30FF, 0x4E00...0x4E80, 0xAC00...0xAC80, 0xFE00...0xFE0F,
            0xFF00...0xFFEF, 0x1F300...0x1F6FF, 0x1F900...0x1F9FF, 0x1F1E6...0x1F1FF, 0xE0020...0xE007F,
        ]
        let marks: [UInt32] = [0x2019, 0x2BC, 0x2018, 0x200D, 0x200B, 0xFE0F, 0x1F3FB, 0x27, 0x21, 0x3F, 0x2E, 0x2C, 0x23,
                               0x40, 0x3A, 0x29, 0x28, 0x3C, 0x33, 0x2D, 0x24, 0x20AC, 0x30, 0x20, 0x0A]
        // A fixed linear congruential sequence: the same texts on every run.
        var state: UInt64 = 0x5eed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let workers = [TextAnalyzerTests.analyzer.makeWorker(), plainWorker()]
        for n in 0..<3_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<(1 + next(12)) {
                let value: UInt32
                if next(10) < 4 {
                    value = marks[next(marks.count)]
                } else {
                    let pool = pools[next(pools.count)]
                    value = pool.lowerBound + UInt32(next(Int(pool.upperBound - pool.lowerBound) + 1))
                }
                if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
            }
            let text = String(scalars)
            let analyzed = workers[n % 2].analyze(text)
            let ranges = analyzed.tokens.map(\.utf8Range)
            #expect(ranges.allSatisfy { !$0.isEmpty && $0.upperBound <= text.utf8.count }, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound <= $1.lowerBound }, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
