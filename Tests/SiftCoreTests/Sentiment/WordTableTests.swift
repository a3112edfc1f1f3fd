import Testing
@testable import SiftCore

struct WordTableTests {
    @Test func findsEveryWordItHoldsAfterGrowing() {
        var table = WordTable<Int>()
        let words = (0..<5_000).map { "w\($0)" } + ["crash", "crashes", "😡", "don't", "très"]
        for (i, word) in words.enumerated() { table[word] = i }
        #expect(table.count == words.count)
        for (i, word) in words.enumerated() {
            #expect(table.value(word, hash: WordHash.of(word)) == i)
        }
        #expect(table["w5000"] == nil)
        #expect(table["crashe"] == nil)
    }

    /// A table whose entry storage is reserved beyond its probes' room (`init(capacity:reservingEntries:)`, as the
    /// scorer's memos for other lexicons are made) finds every word once past both.
    @Test func aTableWithEntriesReservedBeyondItsProbesFindsEveryWord() {
        var table = WordTable<Int>(capacity: 16, reservingEntries: 100)
        let words = (0..<500).map { "w\($0)" }
        for (i, word) in words.enumerated() { table.append(word, i, hash: WordTable<Int>.hash(word)) }
        #expect(table.count == words.count)
        for (i, word) in words.enumerated() { #expect(table.value(word, hash: WordTable<Int>.hash(word)) == i) }
        #expect(table.value("w500", hash: WordTable<Int>.hash("w500")) == nil)
        #expect(WordTable<Int>(capacity: 64, reservingEntries: 8).count == 0)
    }

    @Test func aLaterValueReplacesAnEarlierOne() {
        var table = WordTable<Double>()
        table["laggy"] = -1
        table["laggy"] = -2
        #expect(table.count == 1)
        #expect(table["laggy"] == -2)
    }

    @Test func aWrongHashMissesInsteadOfMatchingAnotherWord() {
        var table = WordTable<Int>()
        table["good"] = 1
        // The key is compared as well as the hash: a probe that lands on another word's slot finds nothing.
        #expect(table.value("bad", hash: WordHash.of("good")) == nil)
    }

    @Test func tokensCarryTheHashesOfTheirFormsAfterAnEdit() {
        var token = Token(kind: .word, utf8Range: 0..<7, folded: "crashes", stem: "crash")
        #expect(token.foldedHash == WordHash.of("crashes"))
        #expect(token.stemHash == WordHash.of("crash"))
        #expect(token.hasOwnStem)
        token.stem = "crashes"
        #expect(token.stemHash == WordHash.of("crashes"))
        #expect(!token.hasOwnStem)
    }

    @Test func aSetOfLinesHoldsEachLineOnceAndNothingElse() {
        let set = WordSet(lines: "crash\n\ncrashes\n😡\ncrash\ntrès\ndon't")
        #expect(set.count == 5)
        for word in ["crash", "crashes", "😡", "très", "don't"] { #expect(set.contains(word, hash: WordHash.of(word)), "\(word)") }
        for word in ["cras", "crashe", "", "tres", "crash\ncrashes", "a-very-long-word-beyond-a-small-string"] {
            #expect(!set.contains(word, hash: WordHash.of(word)), "\(word)")
        }
        // A wrong hash misses instead of matching another word.
        #expect(!set.contains("crashes", hash: WordHash.of("crash")))
        #expect(WordSet(lines: "").isEmpty)
        let distinct = WordSet(lines: "crash\ncrashes\n😡", distinct: true)
        #expect(distinct.count == 3 && distinct.contains("😡", hash: WordHash.of("😡")))
        #expect(!distinct.contains("cras", hash: WordHash.of("cras")))
    }

    @Test func linesAreCountedAtEveryPlaceOfAnEightByteBlock() {
        for length in 0..<20 {
            for place in 0..<length {
                var bytes = Array(repeating: UInt8(ascii: "a"), count: length)
                bytes[place] = UInt8(ascii: "\n")
                if place + 2 < length { bytes[place + 2] = 0x8A }  // a byte that differs from a line feed only in its top bit
                if place > 0 { bytes[place - 1] = 0x0B }
                #expect(bytes.withUnsafeBufferPointer { LaidOutWords.lineCount($0) } == 2, "\(length) \(place)")
            }
        }
        // Blocks of eight line feeds: the most one block can add.
        for length in [8, 16, 17, 23] {
            let feeds = [UInt8](repeating: UInt8(ascii: "\n"), count: length)
            #expect(feeds.withUnsafeBufferPointer { LaidOutWords.lineCount($0) } == length + 1)
        }
        let text = Array("a\n\nbc\nd\n\n\n\n\nefghijklmnop\nq\n".utf8)
        #expect(text.withUnsafeBufferPointer { LaidOutWords.lineCount($0) } == text.filter { $0 == 0x0A }.count + 1)
    }

    @Test func laidOutWordsHoldEveryLineWhateverCountTheCallerGives() {
        let words = (0..<40).map { "w\($0)" }
        let text = words.joined(separator: "\n")
        for count in [nil, 0, 1, 39, 40, 41, 1_000] {
            let laidOut = LaidOutWords(lines: text, count: count, distinct: true)
            #expect(laidOut.count == words.count, "\(String(describing: count))")
            for (i, word) in words.enumerated() { #expect(laidOut.index(word, hash: WordHash.of(word)) == i) }
            #expect(laidOut.index("w40", hash: WordHash.of("w40")) == nil)
        }
        // Without `distinct`, a repeated line is held once, at its first index.
        let repeated = LaidOutWords(lines: "b\na\nb\n\na", count: 2)
        #expect(repeated.count == 2 && repeated.word(at: 0) == "b" && repeated.word(at: 1) == "a")
    }

    @Test func theEmbeddedWordTablesHoldWhatTheRuntimeLaysOutOfTheSameTexts() throws {
        // scripts/embed-lexicons lays out the keys and stems of each laid-out lexicon and the plain-English lists into
        // the binary (LexiconTables.h); read where they are, they must find every word at the index the runtime's
        // layout of the same text gives it, and nothing else.
        var texts: [(String, String)] = [("englishVocabulary", EmbeddedLexicons.englishVocabulary),
                                         ("otherLanguageWords", EmbeddedLexicons.otherLanguageWords)]
        for (name, sections) in EmbeddedLexicons.laidOutLexicons {
            texts += [("\(name):keys", sections[0]), ("\(name):stems", sections[3])]
        }
        #expect(texts.count == 8)
        for (name, text) in texts {
            let embedded = try #require(LaidOutWords(lines: text, embedded: name), "\(name)")
            let laidOut = LaidOutWords(lines: text, distinct: true)
            #expect(embedded.count == laidOut.count && (embedded.count > 100 || name.hasSuffix("multilingual.tsv:stems")), "\(name)")
            for index in 0..<laidOut.count {
                let word = laidOut.word(at: index)
                #expect(embedded.word(at: index) == word && embedded.index(word, hash: WordHash.of(word)) == index, "\(name): \(word)")
                #expect(embedded.index(word + "zz", hash: WordHash.of(word + "zz")) == nil, "\(name): \(word)")
            }
            // A table is taken only for the text it was laid out of.
            #expect(LaidOutWords(lines: text + "\nzzword", embedded: name) == nil, "\(name)")
            #expect(LaidOutWords(lines: "zz" + text.dropFirst(2), embedded: name) == nil, "\(name)")
        }
        #expect(LaidOutWords(lines: EmbeddedLexicons.englishVocabulary, embedded: "otherLanguageWords") == nil)
        #expect(LaidOutWords(lines: "", embedded: "no such table") == nil)
    }

    /// `mayHold` never turns away a word a table holds (embedded or laid out at run time), and turns away most words
    /// it lacks: it is asked before the probe of a lexicon's keys and stems (`ScoringRun.resolve`).
    @Test func aFirstSlotCheckNeverTurnsAwayAHeldWord() throws {
        var tables = [LaidOutWords(lines: (0..<3_000).map { "w\($0)" }.joined(separator: "\n"), distinct: true),
                      LaidOutWords(lines: "", distinct: true)]
        for (name, sections) in EmbeddedLexicons.laidOutLexicons {
            tables += [try #require(LaidOutWords(lines: sections[0], embedded: "\(name):keys")),
                       try #require(LaidOutWords(lines: sections[3], embedded: "\(name):stems"))]
        }
        let absent = (0..<2_000).map { "zz\($0)q" }
        for table in tables {
            for index in 0..<table.count {
                let word = table.word(at: index)
                #expect(table.mayHold(hash: WordHash.of(word)), "\(word)")
            }
            let turnedAway = absent.filter { !table.mayHold(hash: WordHash.of($0)) }
            #expect(turnedAway.allSatisfy { table.index($0, hash: WordHash.of($0)) == nil })
            #expect(turnedAway.count > absent.count / 2)
        }
    }

    @Test func aLaidOutTableFindsWhatItsWordTableFinds() {
        var table = WordTable<Int>()
        let words = (0..<3_000).map { "w\($0)" } + ["a-very-long-word-beyond-a-small-string", "😡", "très"]
        for (i, word) in words.enumerated() { table[word] = i }
        let laidOut = LaidOutTable(table)
        #expect(laidOut.count == words.count)
        for (i, word) in words.enumerated() {
            #expect(laidOut.value(word, hash: WordHash.of(word)) == i && laidOut.key(at: i) == word)
        }
        #expect(laidOut["w3000"] == nil && laidOut["tre"] == nil)
    }

    @Test func wordSetContainsOnlyItsWords() {
        let set = WordSet(["until", "till"])
        #expect(set.contains("until", hash: WordHash.of("until")))
        #expect(!set.contains("untill", hash: WordHash.of("untill")))
    }
}

/// The scorer reads `LanguageLexicon.lookup`, built once loading is done: what the shipped files and a user's overlay
/// put in a lexicon must be in the tables it probes.
struct WordTableLexiconTests {
    static let lexicons = try! SentimentLexicons(store: .shipped, overlays: ["laggyish\t-2\nsuper smooth\t3\n"])

    @Test func shippedAndOverlaidTermsReachTheScorersLookup() throws {
        let english = try #require(Self.lexicons.languages["en"]?.lookup)
        #expect(english.entries["laggyish"]?.valence == -2)
        #expect(english.entries["super"]?.phrases.contains { english.phrases[$0].words == ["super", "smooth"] } == true)
        #expect((english.entries["great"]?.valence ?? 0) > 2)
        #expect((english.entries["crashing"]?.valence ?? 0) < -2)
        // A form no file spells finds its valence by its stem ("crash").
        #expect((english.stems[SnowballStemmer(language: "en")!.stem("crashings")]?.valence ?? 0) < 0)
        #expect(english.failures["access"] != nil)
        let multilingual = Self.lexicons.multilingual.lookup
        #expect(multilingual.entries.count > 1_000)
    }

    @Test func emojiEmoticonAndStopwordTablesHoldTheirEntries() {
        // Every line of the files, the last line of a key winning.
        var emoji: [String: Double] = [:], emoticons: [String: Double] = [:]
        for (line, valence) in SentimentLexicons.pairs(.shipped, "emoji/emoji.tsv") { emoji[SentimentLexicons.emojiKey(line)] = valence }
        for (line, valence) in SentimentLexicons.pairs(.shipped, "common/emoticons.tsv", folding: false) {
            emoticons[line] = valence
            emoticons[SentimentLexicons.emoticonKey(line)] = valence
        }
        #expect(emoji.count > 500 && emoticons.count > 80)
        #expect(Self.lexicons.emojiTable.count == emoji.count)
        for (emoji, valence) in emoji { #expect(Self.lexicons.emojiTable[emoji] == valence) }
        #expect(Self.lexicons.emoticonTable.count == emoticons.count)
        for (face, valence) in emoticons { #expect(Self.lexicons.emoticonTable[face] == valence, "\(face)") }
        #expect(Self.lexicons.stopwordTables.map(\.language) == Self.lexicons.stopwordLists.map(\.language))
        for ((_, table), (language, words)) in zip(Self.lexicons.stopwordTables, Self.lexicons.stopwordLists) {
            for word in words { #expect(table.contains(word, hash: WordHash.of(word)), "\(language): \(word)") }
        }
    }

    @Test func theTableHashesAWordAsTheAnalyzerDoes() {
        // Tokens are probed with `WordHash.of` their bytes; the table hashes its keys through their UTF-8 buffer.
        for word in ["", "a", "crash", "wasn't", "café", "😍", "ñandú", "fifteen-letters", "a much longer word than fits inline", "日本語のテキスト"] {
            var copy = word
            #expect(WordTable<Int>.hash(word) == WordHash.of(word) && WordTable<Int>.hash(word) == copy.withUTF8 { WordHash.of($0) }, "\(word)")
        }
    }
}
