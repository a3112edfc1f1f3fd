import Testing
@testable import SiftCore

struct SentimentLexiconTests {
    func entries(_ path: String) -> [(String, Double)] {
        SentimentLexicons.pairs(.shipped, path)
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

    @Test func everyShippedPairReadsAsCharacterLevelParsingReadIt() {
        // Lines are read on bytes, with simple numbers parsed without a String: every shipped term and valence must
        // be what trimming, folding and `Double(String)` give.
        for path in LexiconStore.shipped.paths where path.hasSuffix(".tsv") && !path.hasPrefix("model/") {
            let lines = LexiconStore.shipped.lines(path)
            var expected: [(String, Double)] = []
            for line in lines {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count >= 2, let value = Double(fields[1].trimmedFields) else { continue }
                let term = path == "common/emoticons.tsv" ? String(fields[0].trimmedFields) : SentimentLexicons.folded(fields[0])
                expected.append((term, value))
            }
            let read = SentimentLexicons.pairs(.shipped, path, folding: path != "common/emoticons.tsv")
            #expect(read.map(\.0) == expected.map(\.0), "\(path)")
            #expect(read.map(\.1.bitPattern) == expected.map(\.1.bitPattern), "\(path)")
        }
    }

    @Test(arguments: ["muy útil", "não funciona", "très-bien", "a \u{301}b", "e\u{301} x", "x-\u{200D}y", "\u{600} z",
                      "good - bad", "-left right-", "日本 語", "🙂 ok", "ok \u{FE0F}x", "a  b"])
    func termsSplitIntoWordsAsCharactersSplit(term: String) {
        // Terms are split on bytes; a separator a joining scalar clings to must split as Characters do.
        #expect(LanguageLexicon.words(term) == term.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init), "\(term)")
    }

    @Test func everyShippedTermSplitsIntoWordsAsCharactersSplit() {
        for path in LexiconStore.shipped.paths where path.hasSuffix(".tsv") && !path.hasPrefix("model/") {
            for line in LexiconStore.shipped.lines(path) {
                let term = SentimentLexicons.folded(line.prefix { $0 != "\t" })
                #expect(LanguageLexicon.words(term) == term.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init), "\(path): \(term)")
            }
        }
    }

    @Test func aReplacedFileIsFoldedAtRunTime() throws {
        // Shipped sentiment files whose terms are their own folded forms are read without folding
        // (`EmbeddedLexicons.foldedAsWritten`); a user's file replacing one must still be folded.
        #expect(LexiconStore.shipped.isFoldedAsWritten("es/sentiment.tsv") && LexiconStore.shipped.isFoldedAsWritten("emoji/emoji.tsv"))
        let store = LexiconStore.shipped.overlaid(by: ["es/sentiment.tsv": "# mine\nMUY Malo\t-3\nÓptimo\t3\nfatal\t-2"])
        #expect(!store.isFoldedAsWritten("es/sentiment.tsv") && store.isFoldedAsWritten("en/sentiment.tsv"))
        #expect(SentimentLexicons.pairs(store, "es/sentiment.tsv").map(\.0) == ["muy malo", "óptimo", "fatal"])
        let spanish = try #require(try SentimentLexicons(store: store, overlays: []).languages["es"])
        #expect(spanish.entries["óptimo"]?.valence == 3 && spanish.entries["Óptimo"] == nil)
    }

    @Test(arguments: ["2", "-2", "0.5", "-0.25", "-0", "1.1", "3.3", "-1.7", "007", " 1.5 ", "0.1234567890123", "123456789012345",
                      "1234567890123456", "12345678901234567890123456789", "-0.0000000000000000000001", "1.", ".5", "+1", "1e2", "-", "", "1.2.3", "inf", "nan", "0x10", "2\r"])
    func simpleNumbersReadAsDoubleReadsThem(text: String) {
        var text = text
        let fast = text.withUTF8 { SentimentLexicons.decimal($0) }
        if let fast {
            #expect(fast.bitPattern == Double(text.trimmedFields)?.bitPattern, "\(text)")
        } else {
            #expect(!(text.trimmedFields.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-" || $0 == ".") }
                      && text.trimmedFields.filter(\.isNumber).count <= 15 && Double(text.trimmedFields) != nil
                      && !text.hasSuffix(".") && !text.trimmedFields.hasPrefix(".")), "\(text) is simple yet not read")
        }
    }

    @Test func stemIndexPicksWhatASortedWalkWithTheStemmerPicks() throws {
        // A term that is its own stem wins, then the shortest inflection, then the first in String order: the index
        // is built without sorting, and must pick what walking the sorted terms did.
        let lexicons = try SentimentLexicons(store: .shipped, overlays: ["laggyish\t-2\nlaggier\t-1\n"])
        for (code, lexicon) in lexicons.languages {
            let stemmer = SnowballStemmer(language: code)
            var terms: [(String, Double)] = []
            lexicon.entries.forEach { term, entry in if let valence = entry.valence { terms.append((term, valence)) } }
            func length(_ word: String) -> Int { word.count }
            var chosen: [String: (valence: Double, term: String)] = [:]
            for (term, valence) in terms.sorted(by: { $0.0 < $1.0 }) where term.split(separator: " ").count == 1 {
                let key = stemmer?.stem(term) ?? term
                guard term == key || (length(term) - length(key) <= 3
                                      && LanguageLexicon.inflectionSuffixes.contains(where: { term.hasSuffix($0) })) else { continue }
                if let current = chosen[key], current.term == key || (term != key && length(current.term) <= length(term)) { continue }
                chosen[key] = (valence, term)
            }
            #expect(chosen.count > 100, "\(code)")
            #expect(lexicon.stemValences.count == chosen.count, "\(code)")
            for (key, hit) in chosen {
                #expect(lexicon.stemValences[key]?.term == hit.term && lexicon.stemValences[key]?.valence == hit.valence, "\(code): \(key)")
            }
        }
    }

    @Test func embeddedStemsAreWhatTheRuntimeStemmerGives() throws {
        // scripts/embed-lexicons stems the shipped terms ahead of time; a changed lexicon, folding or libstemmer must
        // not leave them disagreeing with the stemmer the analyzer runs on every text.
        let store = LexiconStore.shipped
        #expect(Set(EmbeddedLexicons.stems.keys) == ["en/sentiment.tsv", "en/domain.tsv", "en/idioms.tsv", "es/sentiment.tsv"])
        var checked = 0
        for path in EmbeddedLexicons.stems.keys.sorted() {
            let code = String(path.prefix { $0 != "/" })
            let stemmer = try #require(SnowballStemmer(language: code))
            let lines = store.lines(path)
            let stemmed = store.withStems(path, lines: lines.count) { bytes, ranges in
                ranges.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
            }
            let stems = try #require(stemmed, "\(path): one stem a line")
            for (line, stem) in zip(lines, stems) {
                let term = SentimentLexicons.folded(line.prefix { $0 != "\t" })
                guard !term.isEmpty, !term.contains(" ") else { continue }
                #expect((stem == "=" ? term : stem) == stemmer.stem(term), "\(path): \(term)")
                checked += 1
            }
            var pairs: [(term: String, stem: String?)] = []
            let stemsText = try #require(store.stemsText(path))
            SentimentLexicons.forEachStemmedPair(store, path) { term, _, stem in
                pairs.append((term, stem.map { SentimentLexicons.stemString($0, term: term, in: stemsText) }))
            }
            #expect(pairs.count > 500 && pairs.allSatisfy { $0.stem != nil }, "\(path)")
            #expect(pairs.allSatisfy { $0.stem == stemmer.stem($0.term) || $0.term.contains(" ") })
        }
        #expect(checked > 9_000)
    }

    @Test func embeddedStemIndexIsWhatIndexStemsBuilds() throws {
        // scripts/embed-lexicons chooses each stem's term ahead of time; an edited lexicon or a changed rule must not
        // leave it disagreeing with what `indexStems` chooses from the entries the runtime loads.
        #expect(Set(EmbeddedLexicons.stemIndexes.keys) == ["en", "es"])
        // The shipped files and stems, without the embedded index: every stem chosen at run time.
        let store = LexiconStore(files: EmbeddedLexicons.files, stems: EmbeddedLexicons.stems,
                                 foldedAsWritten: EmbeddedLexicons.foldedAsWritten)
        #expect(store.stemIndex("en") == nil && LexiconStore.shipped.stemIndex("en") != nil)
        let computed = SentimentLexicons(store: store, parsedOverlays: [])
        let shipped = SentimentLexicons(store: .shipped, parsedOverlays: [])
        for code in EmbeddedLexicons.stemIndexes.keys.sorted() {
            let lexicon = try #require(computed.languages[code])
            let text = try #require(EmbeddedLexicons.stemIndexes[code])
            let embedded = try #require(lexicon.embeddedStemValences(text), "\(code): a term of the index has no valence")
            #expect(embedded.count == lexicon.stemValences.count, "\(code)")
            lexicon.stemValences.forEach { stem, chosen in
                let read = embedded[stem]
                #expect(read?.term == chosen.term && read?.valence == chosen.valence, "\(code): \(stem)")
            }
            // The shipped lexicons probe the laid-out index (`LaidOutLexicon`).
            let laidOut = try #require(shipped.languages[code]).lookup
            #expect(laidOut.stems.count == lexicon.stemValences.count, "\(code)")
            lexicon.stemValences.forEach { stem, chosen in
                let read = laidOut.stems[stem]
                #expect(read.map { laidOut.entries.key(at: Int($0.term)) } == chosen.term && read?.valence == chosen.valence, "\(code): \(stem)")
            }
            #expect(lexicon.stemValences.count > 100, "\(code)")
        }
    }

    @Test func anEmojiKeyIsTheTextItselfOnlyWithoutADroppedScalar() {
        // `emojiKey` returns the text as it is when its bytes show none of the scalars it drops; walking the scalars
        // must give the same key for every shipped emoji and for texts with each dropped scalar.
        func walked(_ text: String) -> String {
            let kept = text.unicodeScalars.filter { ![0xFE0E, 0xFE0F, 0x200D, 0x2640, 0x2642].contains($0.value) && !(0x1F3FB...0x1F3FF).contains($0.value) }
            let gendered = text.unicodeScalars.contains { $0.value == 0x2640 || $0.value == 0x2642 }
            return gendered && kept.isEmpty ? text : String(String.UnicodeScalarView(kept))
        }
        let shipped = SentimentLexicons.pairs(.shipped, "emoji/emoji.tsv").map(\.0)
        #expect(shipped.count > 300)
        for text in shipped + ["👍🏽", "🤦‍♂️", "🤦‍♀", "♀", "♂️", "❤️", "☺︎", "🏀", "🏿", "a\u{200D}b", "x", "", "👩‍👩‍👧"] {
            #expect(SentimentLexicons.emojiKey(text) == walked(text), "\(text)")
            #expect(SentimentLexicons.emojiKey(Substring(text)) == walked(text), "\(text)")
        }
        #expect(SentimentLexicons.emojiKey("👍🏽") == "👍" && SentimentLexicons.emojiKey("♀") == "♀")
    }

    @Test func laidOutLexiconsAreWhatTheRuntimeBuildsFromTheFiles() throws {
        // scripts/embed-lexicons lays out each language's entries, expressions and stem index (and the multilingual
        // list's) as the runtime would build them from the shipped files; an edited lexicon or a changed loading rule
        // must not leave the two apart, entry by entry and in the same order.
        #expect(Set(EmbeddedLexicons.laidOutLexicons.keys) == ["en", "es", "common/multilingual.tsv"])
        let store = LexiconStore(files: EmbeddedLexicons.files, stems: EmbeddedLexicons.stems,
                                 foldedAsWritten: EmbeddedLexicons.foldedAsWritten, stemIndexes: EmbeddedLexicons.stemIndexes)
        #expect(store.laidOutLexicon("en") == nil && LexiconStore.shipped.laidOutLexicon("en") != nil)
        let computed = SentimentLexicons(store: store, parsedOverlays: [])
        let shipped = SentimentLexicons(store: .shipped, parsedOverlays: [])
        var pairs = [(computed.multilingual.lookup, shipped.multilingual.lookup, "multilingual")]
        for code in ["en", "es"] {
            pairs.append((try #require(computed.languages[code]).lookup, try #require(shipped.languages[code]).lookup, code))
            let sections = try #require(EmbeddedLexicons.laidOutLexicons[code])
            // A runtime stemmer that stems the sample otherwise than the embedded index gets the lexicon built anew.
            let stemmer = try #require(SnowballStemmer(language: code))
            #expect(LaidOutLexicon(sections)?.stemsAgree { stemmer.stem($0) } == true, "\(code)")
            #expect(LaidOutLexicon(sections)?.stemsAgree { _ in "zzstem" } == false, "\(code)")
        }
        for (built, laidOut, name) in pairs {
            #expect(built !== laidOut && built.entries.count == laidOut.entries.count && built.entries.count > 500, "\(name)")
            for index in 0..<min(built.entries.count, laidOut.entries.count) {
                let word = built.entries.key(at: index)
                #expect(laidOut.entries.key(at: index) == word, "\(name): \(index)")
                let (a, b) = (built.entries.values[index], laidOut.entries.values[index])
                #expect(a.valence?.bitPattern == b.valence?.bitPattern && a.source == b.source && a.booster == b.booster
                        && a.contrast == b.contrast && a.phrases == b.phrases, "\(name): \(word)")
                #expect(laidOut.entries[word] != nil && (laidOut.entries[word + "x"] == nil) == (built.entries[word + "x"] == nil), "\(name): \(word)")
            }
            #expect(built.phrases.count == laidOut.phrases.count && (name != "en" || built.phrases.count > 1_000), "\(name)")
            for (a, b) in zip(built.phrases, laidOut.phrases) {
                #expect(a.words == b.words && a.hashes == b.hashes, "\(name): \(a.words)")
                switch (a.kind, b.kind) {
                case (.valence(let x, let s), .valence(let y, let t)): #expect(x.bitPattern == y.bitPattern && s == t, "\(a.words)")
                case (.booster(let x), .booster(let y)): #expect(x.bitPattern == y.bitPattern, "\(a.words)")
                case (.contrast(let x), .contrast(let y)): #expect(x == y, "\(a.words)")
                default: Issue.record("\(name): \(a.words) is \(a.kind), laid out \(b.kind)")
                }
            }
            #expect(built.stems.count == laidOut.stems.count, "\(name)")
            built.stems.forEach { stem, target in
                let read = laidOut.stems[stem]
                #expect(read?.valence == target.valence && read.map { laidOut.entries.key(at: Int($0.term)) }
                        == built.entries.key(at: Int(target.term)), "\(name): \(stem)")
            }
        }
        // The numbers scripts/embed-lexicons read into the binary are those of the numbers section.
        for (name, sections) in EmbeddedLexicons.laidOutLexicons {
            #expect(LaidOutLexicon.embeddedNumbers(name) == LaidOutLexicon.numbers(sections[1]), "\(name)")
        }
        #expect(LaidOutLexicon.embeddedNumbers("no such lexicon") == nil)
        // With the user's file or overlay, the lexicons are built from the files again.
        #expect(LexiconStore.shipped.overlaid(by: ["en/domain.tsv": "zwobbled\t-2"]).laidOutLexicon("en") == nil)
        #expect(LaidOutLexicon(["a", "1 0 0 0 0 0 0 0", "", "", ""]) == nil)
    }

    @Test func aLaidOutEntryNamingAnExpressionPastTheLastIsRefused() {
        // One entry ("good", no valence) starting expression `index`, one expression ("good app", a contrast after),
        // no stems or values; each number below 32 packed as one byte (0x50 + the number).
        func sections(expressionIndex index: Int) -> [String] {
            let numbers = [1, 1, 0, 0, 0, 0, 0, 1, index, 2, 1, 0]
            return ["good", String(decoding: numbers.map { UInt8(0x50 + $0) }, as: UTF8.self), "good app", "", ""]
        }
        let laidOut = LaidOutLexicon(sections(expressionIndex: 0))
        #expect(laidOut?.entries.values.map(\.phrases) == [[0]])
        #expect(laidOut?.phrases.map(\.words) == [["good", "app"]])
        #expect(LaidOutLexicon(sections(expressionIndex: 1)) == nil)
    }

    @Test func eachWordsExpressionsAreLongestFirstThenInFileOrder() throws {
        // Matching tries a word's expressions in this order and takes the first that matches: "not bad at all"
        // before "not bad", and of two of one length the one the files list first.
        let lexicons = try SentimentLexicons(store: .shipped, overlays: ["not bad at all really truly honestly\t2\nnot bad\t1.7\n"])
        var checked = 0
        // The tables the scorer probes: the multilingual list's are laid out by scripts/embed-lexicons.
        for lexicon in (Array(lexicons.languages.values) + [lexicons.multilingual]).map(\.lookup) {
            lexicon.entries.forEach { word, entry in
                let lists = entry.phrases.map { lexicon.phrases[$0] }
                #expect(lists.allSatisfy { $0.words[0] == word }, "\(word)")
                for (a, b) in zip(entry.phrases, entry.phrases.dropFirst()) {
                    let (first, second) = (lexicon.phrases[a].words, lexicon.phrases[b].words)
                    #expect(first.count > second.count || first.count == second.count && a < b, "\(word): \(first) \(second)")
                    #expect(first != second, "\(word)")
                }
                checked += entry.phrases.count
            }
        }
        #expect(checked > 1_500)
        let not = try #require(lexicons.languages["en"]?.entries["not"])
        let notBad = try #require(not.phrases.first { lexicons.languages["en"]!.phrases[$0].words == ["not", "bad"] })
        guard case .valence(let valence, let source) = lexicons.languages["en"]!.phrases[notBad].kind else {
            Issue.record("not bad is not a valence")
            return
        }
        #expect(valence == 1.7 && source == .user)
        #expect(lexicons.languages["en"]!.phrases[not.phrases[0]].words == ["not", "bad", "at", "all", "really", "truly", "honestly"])
    }

    @Test func theUsersFilesTakeTheEmbeddedStemIndexAway() throws {
        // The index is of the shipped files: with a file of the user's the lexicons are no longer the shared ones.
        let store = LexiconStore.shipped.overlaid(by: ["en/domain.tsv": "zwobbled\t-2"])
        #expect(store.stemIndex("en") == nil && !store.isShipped)
        #expect(LexiconStore.shipped.overlaid(by: [:]).isShipped)
        let lexicons = try SentimentLexicons(store: store, overlays: [])
        let english = try #require(lexicons.languages["en"])
        #expect(english.stemValences[SnowballStemmer(language: "en")!.stem("zwobbled")]?.term == "zwobbled")
        #expect(english.entries["hassle"] != nil && english.entries["laggy"]?.source == .general)
    }

    @Test func aReplacedShippedFileIsStemmedAtRunTime() throws {
        // The embedded stems belong to the shipped text: a user's directory replacing the file must not use them,
        // even when the replacement has as many lines as the shipped file (the stems would line up with its lines).
        let shippedLines = LexiconStore.shipped.lines("en/sentiment.tsv").count
        let mine = ["# mine", "wobbling\t-2", "good\t1"] + (2..<shippedLines).map { "zqword\($0)\t1" }
        let store = LexiconStore.shipped.overlaid(by: ["en/sentiment.tsv": mine.joined(separator: "\n")])
        #expect(store.lines("en/sentiment.tsv").count == shippedLines)
        #expect(store.withStems("en/sentiment.tsv", lines: shippedLines) { _, _ in true } == nil)
        #expect(store.withStems("en/domain.tsv", lines: store.lines("en/domain.tsv").count) { _, _ in true } == true)
        let lexicons = try SentimentLexicons(store: store, overlays: [])
        let english = try #require(lexicons.languages["en"])
        #expect(english.stemValences["wobbling"] == nil)
        #expect(english.stemValences[SnowballStemmer(language: "en")!.stem("wobbling")]?.term == "wobbling")
    }

    @Test func embeddedStemsThatDisagreeWithTheRuntimeStemmerAreMadeAgain() throws {
        // As if scripts/embed-lexicons had run with another Snowball version: every embedded stem differs from what
        // this binary's stemmer gives, so none may be used.
        var stems = EmbeddedLexicons.stems
        let path = "en/sentiment.tsv"
        stems[path] = try #require(stems[path]).split(separator: "\n", omittingEmptySubsequences: false).map { _ in "zzstem" }
            .joined(separator: "\n")
        let drifted = try SentimentLexicons(store: LexiconStore(files: EmbeddedLexicons.files, stems: stems), overlays: [])
        let shipped = try SentimentLexicons(store: .shipped, overlays: [])
        let english = try #require(drifted.languages["en"]), reference = try #require(shipped.languages["en"])
        #expect(english.stemValences["zzstem"] == nil)
        let laidOut = reference.lookup
        #expect(english.stemValences.count == laidOut.stems.count)
        laidOut.stems.forEach { stem, hit in
            #expect(english.stemValences[stem]?.term == laidOut.entries.key(at: Int(hit.term)), "\(stem)")
        }
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
