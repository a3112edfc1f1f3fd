import Testing
@testable import SiftCore

struct ThemeWordsTests {
    @Test func packedWordsReadBackAsWritten() {
        let analyzed = TextAnalyzer().makeWorker().analyze(
            "Tunely drains my battery. Verification code never arrives, ÉNORME problème", languageHint: "en")
        let words = analyzed.contentWords()
        struct Read { var stem: String; var folded: String; var startsRun: Bool; var capitalised: Bool }
        var packed: [Read] = []
        ThemeWords(words).forEachWord { stem, folded, startsRun, capitalised in
            packed.append(Read(stem: String(decoding: stem, as: UTF8.self), folded: String(decoding: folded, as: UTF8.self),
                               startsRun: startsRun, capitalised: capitalised))
        }
        #expect(packed.count == words.count)
        for (word, read) in zip(words, packed) {
            #expect(read.stem == word.stem)
            #expect(read.folded == word.folded)
            #expect(read.capitalised == word.capitalised)
        }
        for i in words.indices.dropFirst() { #expect(packed[i].startsRun == (words[i].run != words[i - 1].run)) }
        #expect(packed.contains { $0.capitalised })
        #expect(packed.contains { !$0.startsRun })
    }

    /// Packing a text's content words straight from its tokens gives the bytes packing the made words gives,
    /// with one buffer reused across texts of every shape.
    @Test func packingFromTheTokensMatchesPackingTheWords() {
        let worker = TextAnalyzer().makeWorker()
        var scratch: [UInt8] = []
        let texts = [
            "Tunely drains my battery. Verification code never arrives, ÉNORME problème",
            "", "ok", "I can't log in!!! The app CRASHES every time #bug @support",
            "La aplicación es muy lenta y consume mucha batería", "a b c 1 2 3 ?? ...", "Dark mode, please. DARK MODE",
        ]
        for text in texts {
            let analyzed = worker.analyze(text, languageHint: nil)
            let packed = ThemeWords(contentWordsOf: analyzed, scratch: &scratch)
            #expect(packed == ThemeWords(analyzed.contentWords()), "\(text)")
            #expect(packed.wordCount == analyzed.contentWords().count, "\(text)")
        }
        #expect(ThemeWords(contentWordsOf: worker.analyze(texts[0], languageHint: "en"), scratch: &scratch).wordCount > 5)
    }

    /// Each record keeps its own packed bytes at their size, not the buffer they were packed in: a million records
    /// each holding a buffer as long as the longest text so far took gigabytes.
    @Test func packedWordsDoNotKeepTheScratchBuffer() {
        let worker = TextAnalyzer().makeWorker()
        var scratch: [UInt8] = []
        let long = worker.analyze(String(repeating: "Battery drains fast while charging overnight. ", count: 60), languageHint: "en")
        #expect(ThemeWords(contentWordsOf: long, scratch: &scratch).bytes.count > 1_000)
        let short = ThemeWords(contentWordsOf: worker.analyze("battery drains", languageHint: "en"), scratch: &scratch)
        #expect(short.wordCount == 2)
        #expect(short.bytes.capacity < 64)
        #expect(scratch.capacity > 1_000)
    }

    /// Label candidates are every word and every two adjacent, different words of one run, spelled as written.
    @Test func phrasesPairAdjacentWordsWithinARunOnly() throws {
        let analyzed = TextAnalyzer().makeWorker().analyze("Battery drains fast. Verification codes never arrive", languageHint: "en")
        var phrases: [String] = []
        var spellings: [String] = []
        ThemeWords(analyzed.contentWords()).forEachPhrase { first, second, firstFolded, secondFolded in
            phrases.append(ThemeWords.phrase(first, second))
            spellings.append(ThemeWords.phrase(firstFolded, secondFolded))
        }
        let pair = try #require(spellings.firstIndex(of: "verification codes"))
        #expect(phrases[pair].split(separator: " ").count == 2)
        #expect(spellings.contains("battery drains"))
        // The sentence break ends the run: no phrase spans it.
        #expect(!spellings.contains { $0.hasSuffix(" verification") })
        #expect(phrases.count == spellings.count)
        #expect(ThemeWords(analyzed.contentWords()).wordCount == analyzed.contentWords().count)
    }

    /// The theme stage reads the words the per-record stage packed; it must find exactly what it finds when it
    /// analyses every text itself.
    @Test func themesFromHandedOnWordsEqualThemesFromAnalysingAgain() throws {
        var records = WrittenReviews.planted
            + WrittenReviews.records(WrittenReviews.battery.map { $0 + " on my Pixel" }, language: nil, prefix: "nohint")
            + WrittenReviews.records(["El código de verificación nunca llega", "No puedo iniciar sesión, el código no llega",
                                      "Código de verificación caducado"], language: "es", prefix: "es")
        records[0].title = "Login hell"
        let analyzed = Pipeline(recordStages: [try RecordAnalysisStage()], threads: 2).analyze(records)
        #expect(analyzed.filter { $0.analysis?.themeWords != nil }.count == records.count - 1)
        var stripped = analyzed
        for i in stripped.indices { stripped[i].analysis?.themeWords = nil }

        var handedOn = Corpus(records: analyzed)
        ThemeStage(threads: 2).run(&handedOn)
        var again = Corpus(records: stripped)
        ThemeStage(threads: 2).run(&again)
        #expect(!handedOn.themes.isEmpty)
        #expect(handedOn.themes == again.themes)
        #expect(handedOn.records == again.records)
        #expect(handedOn.records.allSatisfy { $0.analysis?.themeWords == nil })
    }
}
