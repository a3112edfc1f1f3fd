/// What the lexicons say about one word of a text scored with one lexicon, resolved once: the scorer's per-thread
/// memo of words as the analyzer folded and stemmed them (`SentimentScratch`), one for each lexicon met.
///
/// Resolving a word probes the text's lexicon by form and stem, the multilingual list (and English, for another
/// lexicon), then tries the word without a doubled last letter and as laughter: 3–5 probes of tables of several MB for
/// the many words no list knows. Review vocabularies repeat, so one probe of this smaller table replaces them. Only
/// runs without explanations use it (explanations name the stem's lexicon term, which is not kept here).
struct ScorerWordMemo {
    private struct Word {
        /// The stem the word was resolved with: a token whose stem differs (another language's rules) is resolved
        /// afresh.
        var stem: String
        var stemHash: Int
        /// The word's facts, `memoIndex` set to this resolution's index.
        var facts: TokenFacts
        /// The expressions starting with the word, when its facts mark `hasPhrases`, keyed by their second words: its
        /// `PhraseCandidates.keyed` at `keyedStart..<keyedEnd` of `keyedCandidates`, and `PhraseCandidates.single`.
        var keyedStart: Int32
        var keyedEnd: Int32
        var single: Int
    }

    // Each resolution beside its key in one table: on a large review set the probe slot, the key and the record are
    // cache misses, and one entry holding key and record saves one of three.
    // Sized for the vocabulary of some 20,000 reviews (12,800 words in gp.txt): growing from room for 4,096 words
    // rehashed the table twice and copied its entries fifteen times (4 M instructions on gp.txt), and moving the
    // words once to a larger table when the small one filled 2.7 M. The entries are reserved, not touched, until
    // words come; clearing the probes is 0.2 M instructions a thread.
    private var table: WordTable<Word>
    /// Resolutions by the analyzer's word id (`Token.wordID`), each with its facts, for the memo of words as written
    /// named by its `space`: for a word met before, one read of half a cache line instead of a hashed probe, two
    /// string compares and a read of the record.
    private var byID: [IDSlot] = []
    /// Every word's `PhraseCandidates.keyed`, one after another, each after the `SecondWordFilter` of its second
    /// words' hashes (words without keyed candidates have neither).
    // One array for all words: reading an array held by each word retained and released it on every match.
    private var keyedCandidates: [Int] = []

    /// One word id's facts (their `memoIndex` is the resolution's index in `table`, for the word's expressions).
    struct IDSlot {
        var facts: TokenFacts
        var space: Int
    }
    static let initialCapacity = 16_384
    /// The room a memo for another lexicon than English starts with: such words are fewer (~1 % of gp.txt's), and
    /// clearing the probes of 16,384 cost 0.2 M instructions a memo.
    static let otherLexiconCapacity = 512
    /// The room the memo starts with, and starts over with.
    private let capacity: Int
    /// The words a memo for another lexicon reserves entry storage for, beyond its probes' room: reserved storage is
    /// not touched until words fill it, where each growth copied every entry (one such memo on gp.txt grew from 512
    /// words to 2,048 and 8,192, copying 225 KB).
    static let otherLexiconEntryCapacity = 8_192
    /// The words the memo's entry storage is reserved for, at least `capacity`.
    private let entryCapacity: Int
    /// The memo starts over past this many words, so memory stays bounded on any input.
    static let limit = 50_000

    /// `idCapacity`: the room reserved for slots by word id, which run to the size of the analyzer's English memo of
    /// words as written (only the English memo keeps them).
    // Reserved at that size, not the memo's: ids past 16,384 grew the slots into a new array, copying 0.9 MB and
    // touching its pages (~160 page faults on gp.txt). Reserved, not written: a short run touches none of it.
    /// `entryCapacity`: the words to reserve entry storage for, when more than `capacity`.
    init(capacity: Int = ScorerWordMemo.initialCapacity, idCapacity: Int = TextAnalyzerWorker.englishWrittenWordCapacity,
         entryCapacity: Int = 0) {
        self.capacity = capacity
        // `WordTable` reserves at least `capacity` entries whatever this says.
        self.entryCapacity = entryCapacity
        table = WordTable(capacity: capacity, reservingEntries: self.entryCapacity)
        byID.reserveCapacity(idCapacity)
    }

    /// The memo of runs that have none lent to them, never read or written: one shared value, so such a run
    /// allocates no table.
    static let unused = ScorerWordMemo(capacity: 0, idCapacity: 0)

    /// Where a token's form stands in the memo.
    enum Place: Equatable {
        /// Resolved with the token's stem, as resolution `k`.
        case resolved(Int)
        /// Kept with another stem (another language's rules): the token is resolved afresh and not remembered.
        case otherStem
        /// Not met yet.
        case absent
    }

    /// Where a token's form stands in the memo: one probe tells a new word (`insert(absent:…)` adds it without
    /// probing again) from a known one.
    @inline(__always)
    func place(folded: String, foldedHash: Int, stem: String, stemHash: Int) -> Place {
        guard let k = table.entryIndex(folded, hash: foldedHash) else { return .absent }
        return table.withEntries { entries in
            entries[k].value.stemHash == stemHash && entries[k].value.stem == stem ? .resolved(k) : .otherStem
        }
    }

    /// The facts of the word with analyzer id `id` in the memo named `space`, when recorded; nil for an id of -1 and
    /// for space 0 (no memo: no slot is ever in it).
    @inline(__always)
    func find(id: Int32, space: Int) -> TokenFacts? {
        let i = Int(id)
        return byID.withUnsafeBufferPointer { slots in
            // One unsigned compare for both ends: a negative id is past any count.
            UInt(bitPattern: i) < UInt(bitPattern: slots.count) && slots[i].space == space ? slots[i].facts : nil
        }
    }

    /// Records that the word with analyzer id `id` (not -1) in the memo named `space` (not 0) has resolution `k`.
    mutating func remember(id: Int32, space: Int, _ k: Int) {
        assert(id >= 0 && space != 0, "a word id and a memo's space")
        let i = Int(id)
        let slot = IDSlot(facts: facts(k), space: space)
        if i < byID.count {
            byID[i] = slot
            return
        }
        // Ids come about in the order words are first met, so slots are appended, into the room reserved with the
        // memo: doubling the slots into a new array filled at once copied every slot each time (0.65 M instructions
        // of `memmove` on gp.txt). The slots between are in no space (-1, never a memo's: those are positive, and 0
        // is a text's without one), so `find` misses them.
        while byID.count < i { byID.append(IDSlot(facts: TokenFacts(), space: -1)) }
        byID.append(slot)
    }

    /// The facts of resolution `k`, read in place.
    @inline(__always)
    func facts(_ k: Int) -> TokenFacts {
        table.withEntries { $0[k].value.facts }
    }

    /// `body` with the expressions starting with the word of resolution `k` (`PhraseCandidates.keyed`, read in
    /// place, and `single`) and the `SecondWordFilter` of the keyed ones' second words (meaningless when there are
    /// none).
    @inline(__always)
    func withPhrases<R>(_ k: Int, _ body: (UnsafeBufferPointer<Int>, Int, SecondWordFilter) -> R) -> R {
        table.withEntries { entries in
            let keyed = Int(entries[k].value.keyedStart)..<Int(entries[k].value.keyedEnd)
            return keyedCandidates.withUnsafeBufferPointer { pool in
                // The filter's words lie just before the candidates (`insert`); a word without candidates has none.
                let filter = SecondWordFilter(words: keyed.isEmpty ? nil : pool.baseAddress! + keyed.lowerBound - SecondWordFilter.wordCount)
                return body(UnsafeBufferPointer(rebasing: pool[keyed]), entries[k].value.single, filter)
            }
        }
    }

    /// Records the resolution of a word whose form is not in the memo (`place` said `.absent`), with the expressions
    /// starting with it (nil for none); returns its index.
    // The strings are taken, as `WordTable.append` takes them: the caller's copies are the ones kept.
    mutating func insert(absent folded: consuming String, foldedHash: Int, stem: consuming String, stemHash: Int, facts: TokenFacts,
                         phrases: PhraseCandidates?) -> Int {
        if table.count >= Self.limit {
            table = WordTable(capacity: capacity, reservingEntries: entryCapacity)
            byID.removeAll(keepingCapacity: true)
            keyedCandidates.removeAll(keepingCapacity: true)
        }
        var facts = facts
        facts.memoIndex = Int32(truncatingIfNeeded: table.count)
        // Most words start no expression: appending their empty candidates was a call of ~65 instructions each.
        var keyedStart = Int32(truncatingIfNeeded: keyedCandidates.count)
        if let keyed = phrases?.keyed, !keyed.isEmpty {
            let filterStart = keyedCandidates.count
            keyedCandidates.append(contentsOf: repeatElement(0, count: SecondWordFilter.wordCount))
            for j in stride(from: 0, to: keyed.count, by: 2) {
                let slot = SecondWordFilter.slot(keyed[j])
                keyedCandidates[filterStart + slot.word] |= slot.bit
            }
            keyedStart = Int32(truncatingIfNeeded: keyedCandidates.count)
            keyedCandidates.append(contentsOf: keyed)
        }
        return table.append(folded, Word(stem: stem, stemHash: stemHash, facts: facts, keyedStart: keyedStart,
                                         keyedEnd: Int32(truncatingIfNeeded: keyedCandidates.count), single: phrases?.single ?? -1),
                            hash: foldedHash)
    }
}

/// Which hashes the second words of a word's keyed expressions may have: a bit for each, on bits 6–13 of the hash
/// (256 bits, in four words of the memo's candidate pool). `TokenFacts.follows` holds bits 0–5, and a word with dozens
/// of expressions ("not", "no", "a") sets so many of its 64 bits that four in ten of the expression searches it let
/// through found none; this filter, asked before the search, turns most of those away.
struct SecondWordFilter {
    static let wordCount = 4
    /// The filter's words; nil only for a word with no keyed expressions, whose filter is never asked.
    let words: UnsafePointer<Int>?

    /// The word and bit of the filter for a hash.
    @inline(__always)
    static func slot(_ hash: Int) -> (word: Int, bit: Int) {
        let index = (UInt(bitPattern: hash) &>> 6) & 255
        return (Int(index &>> 6), Int(bitPattern: 1 &<< (index & 63)))
    }

    /// Whether a second word with hash `hash` may be among the keyed expressions': false only when none has it.
    @inline(__always)
    func mayHold(_ hash: Int) -> Bool {
        guard let words else { return true }
        let slot = Self.slot(hash)
        return words[slot.word] & slot.bit != 0
    }
}

/// The expressions starting with one word, as the memo keeps them for matching: each expression of two or more
/// words beside the hash of its second word, in the lexicon's order, up to the first one-word expression.
struct PhraseCandidates {
    /// Pairs of (the second word's hash, the expression's index in its lookup's `phrases`), flattened: matching
    /// reads the hashes in one array and spells out only expressions whose second word is there.
    var keyed: [Int] = []
    /// The index of the first one-word expression (it matches wherever the word stands), -1 for none.
    var single = -1

    init() {}

    /// The candidates for the expressions `phrases` (a word's, in order) of `lookup`.
    init(_ phrases: [Int], in lookup: LexiconLookup) {
        keyed.reserveCapacity(2 * phrases.count)
        for index in phrases {
            let hashes = lookup.phrases[index].hashes
            // Candidates after a one-word expression are never reached: it matches first.
            guard hashes.count >= 2 else {
                single = index
                return
            }
            keyed.append(hashes[1])
            keyed.append(index)
        }
    }
}

/// What the rules ask about one token, as plain values: the unit a word starts as (its lexicon entry after every
/// fallback, `ScoringRun.resolveWord`) and which of the rules' own words it is. Made once per distinct English word
/// (`ScorerWordMemo`) and its marks read per token from `ScoringRun.marks`, so the rules test a bit instead of comparing
/// strings or probing word sets token by token.
// 32 bytes, as plain values.
struct TokenFacts {
    /// The valence the word's unit starts with (its entry's, else its stem's), 0 for none.
    var base: Double = 0
    var boosterScalar: Double = 0
    /// For a word that starts expressions, a bit (`followBit`) for the hash of each expression's second word; all
    /// bits when not known (or when an expression has one word).
    var follows: UInt64 = ~0
    /// The word's resolution in the thread's `ScorerWordMemo`, -1 for none.
    var memoIndex: Int32 = -1
    /// The role of the word's unit; `.clauseBreak` for punctuation that ends a clause, `.other` for other tokens.
    var role: ScoredUnit.Role = .other
    /// Where `base` came from, when the entry itself has a valence.
    var source: ValenceSource = .general
    var marks: Marks = []

    struct Marks: OptionSet {
        let rawValue: UInt16
        /// Expressions start with the word.
        static let hasPhrases = Marks(rawValue: 1 << 0)
        /// The entry came from the multilingual list, whose expressions its phrase indices point into.
        static let fromFallback = Marks(rawValue: 1 << 1)
        /// `base` is the entry's own valence (explanations name its source).
        static let ownValence = Marks(rawValue: 1 << 2)
        /// `base` is the stem's valence (explanations name the stem's term).
        static let stemValence = Marks(rawValue: 1 << 3)
        /// The entry only starts expressions: no valence, booster or contrast, no stem valence.
        static let phrasesOnly = Marks(rawValue: 1 << 4)
        // The rules' own words, by the token's folded form (`ScoringTables.ruleWords`).
        /// "need", "needs" (`ScoringRun.needWords`).
        static let need = Marks(rawValue: 1 << 5)
        /// "have", "has", "got" (`ScoringRun.reliefVerbs`).
        static let reliefVerb = Marks(rawValue: 1 << 6)
        /// A word after a negator that hedges rather than states a failure (`ScoringRun.notProblemWords`).
        static let notProblem = Marks(rawValue: 1 << 7)
        /// A word `applyPastPraise` starts from ("used", "until", "would", "if", …).
        static let pastPraiseMarker = Marks(rawValue: 1 << 8)
        /// A word that ends a rating ("stars", "*").
        static let ratingNoun = Marks(rawValue: 1 << 9)
        static let only = Marks(rawValue: 1 << 10)
        static let least = Marks(rawValue: 1 << 11)
        /// "at" or "very" ("at least", "very least" are not the reversing "least").
        static let atOrVery = Marks(rawValue: 1 << 12)
        /// A word opening a sentence about the present state ("now", "lately").
        static let presentState = Marks(rawValue: 1 << 13)
        /// "since", "after", "ever": the present state when an update follows.
        static let stateChangeOpener = Marks(rawValue: 1 << 14)
        /// A word by which writers call their complaint small ("sometimes", "slightly": `ScoringRun.selfHedges`).
        static let selfHedge = Marks(rawValue: 1 << 15)
        /// The rules' word marks, without the resolution's.
        static let ruleWords = Marks(rawValue: 0xFFE0)
    }

    init() {}

    /// The bit of `follows` for a word hash.
    @inline(__always)
    static func followBit(_ hash: Int) -> UInt64 {
        1 << (UInt64(truncatingIfNeeded: hash) & 63)
    }

    /// `follows` for the expressions `phrases` of `lookup`: a bit per second word's hash (the hash `matchPhrase`
    /// compares a token's with).
    static func followFilter(_ phrases: [Int], in lookup: LexiconLookup) -> UInt64 {
        var filter: UInt64 = 0
        for index in phrases {
            let hashes = lookup.phrases[index].hashes
            guard hashes.count >= 2 else { return ~0 }
            filter |= followBit(hashes[1])
        }
        return filter
    }

    /// The facts of a word whose resolution is `entry` (after the fallbacks) and `stemValence`, with the rule marks
    /// of its folded form.
    init(_ entry: LexiconEntry?, fromFallback: Bool, stemValence: Double?, ruleMarks: Marks) {
        self.init(entry.map { EntryFields(valence: $0.valence, source: $0.source, booster: $0.booster, contrast: $0.contrast,
                                          hasPhrases: !$0.phrases.isEmpty) },
                  fromFallback: fromFallback, stemValence: stemValence, ruleMarks: ruleMarks)
    }

    /// The facts of a word resolved as `resolved` (its entry and stem read in place), with the rule marks of its
    /// folded form.
    @inline(__always)
    init(_ resolved: WordResolution, fromFallback: Bool, ruleMarks: Marks) {
        let fields = resolved.entryIndex >= 0
            ? resolved.entryLookup.fields(ofEntry: resolved.entryIndex, dropsPhrases: resolved.dropsPhrases) : nil
        let stemValence = resolved.stemIndex >= 0 ? resolved.active.valence(ofStem: resolved.stemIndex) : nil
        self.init(fields, fromFallback: fromFallback, stemValence: stemValence, ruleMarks: ruleMarks)
    }

    /// The fields of a lexicon entry the facts read, as plain values.
    struct EntryFields {
        var valence: Double?
        var source: ValenceSource
        var booster: Double?
        var contrast: ContrastSide?
        var hasPhrases: Bool
    }

    @inline(__always)
    private init(_ entry: EntryFields?, fromFallback: Bool, stemValence: Double?, ruleMarks: Marks) {
        role = .word
        marks = ruleMarks
        if let entry {
            if let side = entry.contrast { role = .contrast(side) }
            if let v = entry.valence {
                base = v
                source = entry.source
                marks.insert(.ownValence)
            }
            if let s = entry.booster {
                boosterScalar = s
                if entry.valence == nil, entry.contrast == nil { role = .booster }
            }
            if entry.hasPhrases {
                marks.insert(.hasPhrases)
                if entry.valence == nil, entry.booster == nil, entry.contrast == nil, stemValence == nil { marks.insert(.phrasesOnly) }
            }
        }
        if let stemValence {
            base = stemValence
            marks.insert(.stemValence)
        }
        if fromFallback { marks.insert(.fromFallback) }
    }
}

/// Storage one thread's scoring reuses from text to text, and its memo of resolved words: pass the same value to
/// `SentimentScorer.compoundScore(_:reusing:)` for every text a thread scores.
public struct SentimentScratch {
    /// The thread's scoring state, kept from text to text: its unit and sentence buffers, per-token facts and word
    /// memo are reused, and no run is built or destroyed per text.
    var run: ScoringRun?
    /// The tables `run` and its memo were made for: a scorer with other lexicons starts a new run.
    var tables: ScoringTables?

    public init() {}

    /// Makes `run` ready for a text scored with `tables`.
    @inline(__always)
    mutating func prepare(for tables: ScoringTables) {
        if self.tables !== tables {
            self.tables = tables
            run = ScoringRun(tables: tables, explain: false, wordMemo: ScorerWordMemo())
        }
    }
}

/// What the lexicons say about one word (`ScoringRun.resolve`), as places in the lookups' tables: plain values, so
/// making, passing and dropping one copies no entry and retains nothing.
struct WordResolution {
    /// The lookup whose expressions the entry's phrase indices point into, and whose stems `stemIndex` indexes.
    unowned(unsafe) var active: LexiconLookup
    /// The lookup whose `entries` hold the word's entry.
    unowned(unsafe) var entryLookup: LexiconLookup
    /// The entry's index in `entryLookup.entries`, -1 for none.
    var entryIndex = -1
    /// The entry is another word's (the word without a doubled letter, "haha"): its expressions are not the word's.
    var dropsPhrases = false
    /// The index of the stem's valence in `active.stems`, -1 for none.
    var stemIndex = -1
    /// `active` is not the text's own lookup (its lexicon, else the multilingual list) but a fallback's: told by the
    /// resolution, where the caller's identity test of `active` retained and released two references a new word.
    var activeIsNotTexts = false

    /// No entry yet, in `lookup`.
    @inline(__always)
    init(_ lookup: LexiconLookup) {
        active = lookup
        entryLookup = lookup
    }

    /// No entry yet, in a lookup lent unretained (`ScoringRun.resolve`).
    @inline(__always)
    init(_ lookup: Unmanaged<LexiconLookup>) {
        self = lookup._withUnsafeGuaranteedRef { WordResolution($0) }
    }
}

// A lookup lent unretained (`ScoringRun.resolve`) probed through a guaranteed reference: no retain and release
// around each probe. Most words resolved are in no table: the probe is called only when the word's first slot is
// taken (`LaidOutWords.mayHold`).
extension Unmanaged where Instance == LexiconLookup {
    @inline(__always)
    func entryIndex(_ word: String, hash: Int) -> Int? {
        _withUnsafeGuaranteedRef { $0.entries.keys.mayHold(hash: hash) ? $0.entryIndex(word, hash: hash) : nil }
    }

    @inline(__always)
    func stemIndex(_ stem: String, hash: Int) -> Int? {
        _withUnsafeGuaranteedRef { $0.stems.keys.mayHold(hash: hash) ? $0.stemIndex(stem, hash: hash) : nil }
    }

    @inline(__always)
    func valence(ofEntry k: Int) -> Double? { _withUnsafeGuaranteedRef { $0.valence(ofEntry: k) } }
}

// The places `WordResolution` holds, found and read through the lookup: a method reads its tables through `self`
// without copying (retaining) them, where probing `lookup.entries` in the caller retained and released the table's
// arrays for each probe.
extension LexiconLookup {
    /// The index of `word`'s entry in `entries`, whose `hash` is `WordHash.of(word)`.
    func entryIndex(_ word: String, hash: Int) -> Int? { entries.keys.index(word, hash: hash) }

    /// The index of `stem`'s valence in `stems`, whose `hash` is `WordHash.of(stem)`.
    func stemIndex(_ stem: String, hash: Int) -> Int? { stems.keys.index(stem, hash: hash) }

    /// The valence of entry `k`.
    func valence(ofEntry k: Int) -> Double? { entries.values.withUnsafeBufferPointer { $0[k].valence } }

    /// The fields of entry `k` the facts read; without its expressions when `dropsPhrases`.
    func fields(ofEntry k: Int, dropsPhrases: Bool) -> TokenFacts.EntryFields {
        entries.values.withUnsafeBufferPointer { entries in
            TokenFacts.EntryFields(valence: entries[k].valence, source: entries[k].source, booster: entries[k].booster,
                                   contrast: entries[k].contrast, hasPhrases: !dropsPhrases && !entries[k].phrases.isEmpty)
        }
    }

    /// The expressions starting with entry `k`'s word.
    func phrases(ofEntry k: Int) -> [Int] { entries.values[k].phrases }

    /// The valence of stem `k`.
    func valence(ofStem k: Int) -> Double { stems.values.withUnsafeBufferPointer { $0[k].valence } }

    /// Stem `k`'s valence with the term that lends it, for explanations.
    func stemValence(_ k: Int) -> StemValence {
        let target = stems.values[k]
        return StemValence(valence: target.valence, term: entries.key(at: Int(target.term)))
    }

    /// The index and length in tokens of the first of a word's candidates as the memo keeps them
    /// (`PhraseCandidates`) that the tokens from `start` spell: only the expressions whose second word is the next
    /// token, or the word after a joining hyphen, are spelled out, in the lexicon's order, so the expression
    /// `ScoringRun.matchPhrase` finds matches.
    @inline(__always)
    static func matchPhrase(_ phrases: UnsafeBufferPointer<LexiconPhrase>, keyed: UnsafeBufferPointer<Int>, single: Int,
                            secondWords: SecondWordFilter, at start: Int, end: Int,
                            tokens: UnsafeBufferPointer<Token>) -> (index: Int, length: Int)? {
        if start + 1 < end, !keyed.isEmpty {
            let next = tokens[start + 1].foldedHash
            // `matchPhrase` reads a second word across a hyphen joining it ("hassle-free").
            let joined = start + 2 < end && ScoringRun.joinsWords(start + 1, tokens: tokens) ? tokens[start + 2].foldedHash : next
            // The filter first: a word with many expressions is mostly followed by none of their second words, and
            // the search read every candidate (~9 instructions each).
            var j = secondWords.mayHold(next) || secondWords.mayHold(joined) ? 0 : keyed.count
            while j + 1 < keyed.count {
                if keyed[j] == next || keyed[j] == joined,
                   let length = ScoringRun.matchLength(phrases, keyed[j + 1], at: start, end: end, tokens: tokens) {
                    return (keyed[j + 1], length)
                }
                j += 2
            }
        }
        // A one-word expression matches wherever its word stands.
        return single >= 0 ? (single, 1) : nil
    }
}
