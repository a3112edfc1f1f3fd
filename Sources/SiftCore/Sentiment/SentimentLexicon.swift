import CLexiconTables

/// A user's overlay file that does not follow the `term<TAB>valence` layout.
public struct SentimentLexiconError: Error, CustomStringConvertible, Sendable, Hashable {
    /// 1-based position of the overlay among those given.
    public var overlay: Int
    public var line: Int
    public var text: String

    public var description: String {
        "lexicon overlay \(overlay), line \(line): expected 'term<TAB>valence' (valence a number, e.g. 'laggy\t-2'), got '\(text)'"
    }
}

/// Where a valence came from, for explanations.
enum ValenceSource: UInt8, Sendable {
    case general, domain, idiom, user, emoji, emoticon, multilingual

    var label: String {
        switch self {
        case .general: "lexicon"
        case .domain: "app-feedback term"
        case .idiom: "idiom"
        case .user: "your lexicon"
        case .emoji: "emoji"
        case .emoticon: "emoticon"
        case .multilingual: "multilingual word list"
        }
    }
}

/// Which clause a contrast word makes weigh more.
enum ContrastSide: UInt8, Sendable {
    /// "but", "however": the clause after it carries the verdict.
    case after
    /// "although", "though": the clause it opens is conceded.
    case before
}

/// What a multi-word expression is.
enum PhraseKind: Sendable {
    case valence(Double, ValenceSource)
    case booster(Double)
    case contrast(ContrastSide)
}

/// A multi-word expression, as folded words.
struct LexiconPhrase: Sendable {
    var words: [String] { didSet { hashes = words.map(WordTable<Bool>.hash) } }
    var kind: PhraseKind
    /// `WordHash.of` each word: matching compares a token's hash first, and most candidates fail on it.
    // `WordTable.hash`: the same hash, over each word's bytes at once.
    private(set) var hashes: [Int]

    init(words: [String], kind: PhraseKind) {
        self.words = words
        self.kind = kind
        hashes = words.map(WordTable<Bool>.hash)
    }

    /// An expression whose words' hashes (`WordHash.of` each) the caller made already.
    init(words: [String], kind: PhraseKind, hashes: [Int]) {
        self.words = words
        self.kind = kind
        self.hashes = hashes
    }
}

/// Everything the lexicons say about one folded word.
struct LexiconEntry: Sendable {
    var valence: Double?
    var source: ValenceSource = .general
    var booster: Double?
    var contrast: ContrastSide?
    /// Indices into `LanguageLexicon.phrases` of the expressions starting with this word, longest first.
    var phrases: [Int] = []
}

/// The sentiment lexicons of one language, indexed for lookups by folded form and by stem.
// The entries, stems and failures are `WordTable`s from the start, shared with `lookup`: building Dictionaries and
// then tables from them was a third of start-up.
struct LanguageLexicon: Sendable {
    var entries = WordTable<LexiconEntry>()
    var phrases: [LexiconPhrase] = []
    /// Valence by Snowball stem, for inflections the lexicon does not spell out; the term is kept for explanations.
    var stemValences = WordTable<StemValence>()
    /// Valence of a negated verb of what an app should do ("doesn't *load*"), by stem.
    var failures = WordTable<Double>()
    /// Where the embedded Snowball stem of each entry of `entries` (by index) whose term came from a shipped file is,
    /// while loading; `indexStems` stems the rest (the user's overlay terms) and empties it.
    // Places, not Strings: with the stem index embedded too only a sample of them is read (making a String of each
    // was a fortieth of a one-line run).
    var knownStems: [EmbeddedStem] = []
    /// The embedded stem texts `knownStems` point into, while loading.
    var stemTexts: [String] = []
    /// Words showing a text is feedback about a product (folded forms and stems); nil for a language without the list,
    /// whose texts are all read as feedback.
    var productWords: WordSet?
    /// The same entries, stems, failures and phrases as tables probed with the analyzer's token hashes; rebuilt by
    /// `buildLookup()` once the lexicon is complete.
    var lookup = LexiconLookup()

    /// Makes `lookup` from the entries, stems, failures and phrases loaded so far.
    mutating func buildLookup() {
        lookup = LexiconLookup(self)
    }

    /// Sets a term's valence; `stem` is its Snowball stem when the caller has it already.
    mutating func setValence(_ term: String, _ valence: Double, source: ValenceSource, stem: EmbeddedStem? = nil) {
        // A term without a space byte is one word (or none): splitting by Characters was a sixth of start-up.
        // "hassle-free" is the expression "hassle free": the analyzer splits words at hyphens, and matching reads a
        // hyphen between two words as the space.
        // One pass over the bytes: a space anywhere, or a hyphen between two bytes.
        let joined = term.utf8.withContiguousStorageIfAvailable { bytes in
            for k in bytes.indices where bytes[k] == UInt8(ascii: " ") || (bytes[k] == UInt8(ascii: "-") && k > 0 && k < bytes.count - 1) {
                return true
            }
            return false
        } ?? (term.utf8.contains(UInt8(ascii: " ")) || term.utf8.dropFirst().dropLast().contains(UInt8(ascii: "-")))
        // A one-word term is not put in an array: allocating one per lexicon line was a twentieth of start-up.
        var word = term
        if joined {
            let words = Self.words(term)
            if words.count > 1 {
                addPhrase(LexiconPhrase(words: words, kind: .valence(valence, source)))
                return
            }
            guard let only = words.first else { return }
            word = only
        } else if term.isEmpty {
            return
        }
        // One probe instead of two: this runs for every lexicon line at start-up.
        let index = entries.index(inserting: word, empty: LexiconEntry())
        entries[valueAt: index].valence = valence
        entries[valueAt: index].source = source
        if let stem, !joined {
            while knownStems.count <= index { knownStems.append(.none) }
            knownStems[index] = stem
        }
    }

    /// The words of a term, split at spaces and hyphens.
    static func words(_ term: String) -> [String] {
        // On bytes: splitting by Characters was a twentieth of start-up. A space or hyphen byte is a Character of its
        // own unless a byte outside ASCII touches it (a combining mark after it joins it): those terms are split by
        // Characters.
        var term = term
        return term.withUTF8 { bytes in
            var words: [String] = []
            // Expressions are short: room for four words at once, where growing from empty reallocated twice.
            words.reserveCapacity(4)
            var start = 0
            for k in 0...bytes.count {
                if k < bytes.count {
                    guard bytes[k] == UInt8(ascii: " ") || bytes[k] == UInt8(ascii: "-") else { continue }
                    if k > 0 && bytes[k - 1] >= 0x80 || k + 1 < bytes.count && bytes[k + 1] >= 0x80,
                       !Self.separatorStandsAlone(bytes, at: k) { return nil }
                }
                if k > start { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<k]), as: UTF8.self)) }
                start = k + 1
            }
            return words
        } ?? term.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
    }

    /// Whether the space or hyphen byte at `k` is a Character of its own, as splitting by Characters sees it: only the
    /// scalars either side can join it into a cluster (a combining mark or joiner after it, a prepended mark before).
    static func separatorStandsAlone(_ bytes: UnsafeBufferPointer<UInt8>, at k: Int) -> Bool {
        var start = k, end = k + 1
        if start > 0 {
            start -= 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        }
        if end < bytes.count {
            end += 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        }
        let scalars = (start < k ? 1 : 0) + 1 + (end > k + 1 ? 1 : 0)
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).count == scalars
    }

    mutating func addPhrase(_ phrase: LexiconPhrase) {
        // One probe for the first word's entry, added here when it has none (the expression is added to it below):
        // a lookup and then an update took two.
        let index = entries.index(inserting: phrase.words[0], empty: LexiconEntry())
        // The entry's expressions stay longest first, those of one length in the order they came: the new one goes
        // before the first shorter one (appending it and sorting the list again, for each of 1,660 expressions, was
        // a third of adding them). A later file replaces the same expression instead of adding a second one; the
        // word hashes are compared first.
        var position = 0
        // The list is read in a scope of its own: held past it, the insert below would copy it.
        do {
            let starting = entries[valueAt: index].phrases
            position = starting.count
            for (k, other) in starting.enumerated() {
                if phrases[other].hashes == phrase.hashes, phrases[other].words == phrase.words {
                    phrases[other] = phrase
                    return
                }
                if position == starting.count, phrases[other].words.count < phrase.words.count { position = k }
            }
        }
        phrases.append(phrase)
        entries[valueAt: index].phrases.insert(phrases.count - 1, at: position)
    }

    static let inflectionSuffixes = ["s", "ed", "ing", "er", "est", "d"]
    static let inflectionSuffixBytes = inflectionSuffixes.map { Array($0.utf8) }

    /// Fills `stemValences` from the single-word valences; a term that is its own stem wins over its inflections,
    /// then the shortest, then the first in String order. `embedded`: the index `scripts/embed-lexicons` made of the
    /// same entries, taken when the embedded stems agree with `stem`.
    mutating func indexStems(_ stem: (String) -> String, embedded: String? = nil) {
        // Room for a stem per eight entries at once (English has one per four): growing from 16 slots rehashed the
        // stems thirteen times.
        var chosen = WordTable<StemValence>(capacity: entries.count / 8)
        // Character counts and suffixes are taken on bytes where the words are ASCII, as nearly all are: walking
        // Characters was a third of this start-up step.
        func isASCII(_ word: String) -> Bool { word.utf8.allSatisfy { $0 < 0x80 } }
        func length(_ word: String) -> Int { isASCII(word) ? word.utf8.count : word.count }
        func isInflection(_ term: String, ascii: Bool) -> Bool {
            guard ascii else { return Self.inflectionSuffixes.contains(where: { term.hasSuffix($0) }) }
            var term = term
            return term.withUTF8 { bytes in
                Self.inflectionSuffixBytes.contains { suffix in
                    guard bytes.count >= suffix.count else { return false }
                    let start = bytes.count - suffix.count
                    for k in suffix.indices where bytes[start + k] != suffix[k] { return false }
                    return true
                }
            }
        }
        var stemsAgree = !knownStems.isEmpty
        entries.withEntries { entries in
            // The embedded stems come from the libstemmer of the machine that ran scripts/embed-lexicons; a binary
            // linked against another Snowball version stems tokens its own way. A sample is stemmed here, and if any
            // disagrees every term is stemmed here (the cost of start-up before the stems were embedded).
            var sampled = 0
            for index in knownStems.indices where sampled < Self.stemSample {
                guard index < entries.count, let known = knownStem(at: index, term: entries[index].key) else { continue }
                sampled += 1
                if stem(entries[index].key) != known {
                    stemsAgree = false
                    break
                }
            }
        }
        defer {
            knownStems = []
            stemTexts = []
        }
        // The embedded index was made with the embedded stems: choosing a term for each stem here was a ninth of a
        // one-line run.
        if stemsAgree, let embedded, let index = embeddedStemValences(embedded) {
            stemValences = index
            return
        }
        if !stemsAgree { knownStems = [] }
        // The rule picks the same term in any order of the entries: sorting them first was a tenth of start-up.
        entries.withEntries { entries in
            for index in entries.indices {
                var term = entries[index].key
                guard let valence = entries[index].value.valence else { continue }
                // One pass over the bytes for both questions.
                let (ascii, spaced) = term.withUTF8 { bytes in
                    var ascii = true, spaced = false
                    for byte in bytes {
                        if byte >= 0x80 { ascii = false }
                        if byte == UInt8(ascii: " ") { spaced = true }
                    }
                    return (ascii, spaced)
                }
                guard spaced ? term.split(separator: " ").count == 1 : !term.isEmpty else { continue }
                let key = knownStem(at: index, term: term) ?? stem(term)
                // Only inflections stand for their stem: "useful" must not lend its valence to "used" (both "use").
                guard term == key || ((ascii ? term.utf8.count : term.count) - length(key) <= 3 && isInflection(term, ascii: ascii)) else { continue }
                // One probe: a new stem's slot holds an empty term (no term is empty) until it is set below.
                let slot = chosen.index(inserting: key, empty: StemValence(valence: 0, term: ""))
                let current = chosen[valueAt: slot]
                if !current.term.isEmpty {
                    if current.term == key || term != key && !(length(term) < length(current.term)
                        || length(term) == length(current.term) && term < current.term) { continue }
                }
                chosen[valueAt: slot] = StemValence(valence: valence, term: term)
            }
        }
        stemValences = chosen
    }

    /// The stem index of `scripts/embed-lexicons` ('stem<TAB>term' or 'term' a line), each stem lending its term's
    /// valence; nil when a term has no valence here (an index made of other entries).
    func embeddedStemValences(_ text: String) -> WordTable<StemValence>? {
        var text = text
        return text.withUTF8 { bytes -> WordTable<StemValence>? in
            var lines = 1
            for byte in bytes where byte == UInt8(ascii: "\n") { lines += 1 }
            var index = WordTable<StemValence>(reserving: lines)
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "\n") {
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                start = end + 1
                guard !line.isEmpty else { continue }
                let tab = line.firstIndex(of: 0x09)
                let term = String(decoding: tab.map { UnsafeBufferPointer(rebasing: line[($0 + 1)...]) } ?? line, as: UTF8.self)
                let key = tab.map { String(decoding: UnsafeBufferPointer(rebasing: line[..<$0]), as: UTF8.self) } ?? term
                guard let entry = entries.entryIndex(term, hash: WordTable<LexiconEntry>.hash(term)),
                      let valence = entries.withEntries({ $0[entry].value.valence }) else { return nil }
                index[key] = StemValence(valence: valence, term: term)
            }
            return index
        }
    }

    /// Embedded stems checked against the runtime stemmer at start-up.
    static let stemSample = 32

    /// The embedded stem of entry `index`, whose term is `term`; nil when it has none.
    func knownStem(at index: Int, term: String) -> String? {
        guard index < knownStems.count else { return nil }
        let stem = knownStems[index]
        guard stem.text >= 0 else { return stem.text == EmbeddedStem.term.text ? term : nil }
        return SentimentLexicons.stemString(.bytes(Int(stem.start)..<Int(stem.end)), term: term, in: stemTexts[Int(stem.text)])
    }
}

/// A language's lexicon as `scripts/embed-lexicons` laid it out from the shipped files: the entries, expressions and
/// stem index `SentimentLexicons` would build from them, read without inserting a term or making a String per word.
struct LaidOutLexicon: Sendable {
    var entries: LaidOutTable<LexiconEntry>
    var phrases: [LexiconPhrase]
    var stems: LaidOutTable<StemTarget>

    /// Reads the five sections: the entries' words, one a line in table order; the numbers (`numbers`: entry,
    /// expression and stem counts; per entry its valence and booster as 1 + an index into the values or 0 for none, its source, its
    /// contrast side (0 none, 1 after, 2 before) and its expressions, a count and their indices; per expression its
    /// kind (0 valence, 1 booster, 2 contrast), value index or side, and source; per stem its term's entry index); the
    /// expressions' words, one expression a line; the stems, one a line; the distinct values, one a line. Nil when
    /// the sections do not fit together. `embedded`: the name the words of the keys and stems were laid out under
    /// into the binary (`LaidOutWords(lines:embedded:)`), for the sections of `EmbeddedLexicons`.
    init?(_ sections: [String], embedded name: String? = nil) {
        guard sections.count == 5 else { return nil }
        let numbers = name.flatMap(Self.embeddedNumbers) ?? Self.numbers(sections[1])
        let valueLines = sections[4].utf8.split(separator: UInt8(ascii: "\n"))
        // Plain decimals are read by `SentimentLexicons.decimal` (`Double(String)` was ~800 instructions a value), which
        // trims spaces, tabs and CRs: a line with one at an end goes to `Double(String)`, which reads no such number.
        let values = valueLines.compactMap { line -> Double? in
            let plain = line.withContiguousStorageIfAvailable { bytes -> Double? in
                guard let first = bytes.first, let last = bytes.last, first > 0x20, last > 0x20 else { return nil }
                return SentimentLexicons.decimal(bytes)
            } ?? nil
            return plain ?? Double(String(decoding: line, as: UTF8.self))
        }
        guard numbers.count >= 3, values.count == valueLines.count else { return nil }
        let entryCount = numbers[0], phraseCount = numbers[1], stemCount = numbers[2]
        let keys = name.flatMap { LaidOutWords(lines: sections[0], embedded: "\($0):keys") }
            ?? LaidOutWords(lines: sections[0], count: entryCount, distinct: true)
        let stemKeys = name.flatMap { LaidOutWords(lines: sections[3], embedded: "\($0):stems") }
            ?? LaidOutWords(lines: sections[3], count: stemCount, distinct: true)
        guard keys.count == entryCount, stemKeys.count == stemCount else { return nil }
        var position = 3
        func next() -> Int? {
            guard position < numbers.count else { return nil }
            position += 1
            return numbers[position - 1]
        }
        func value(_ code: Int) -> Double?? {
            code == 0 ? .some(nil) : code <= values.count ? .some(values[code - 1]) : nil
        }
        var entryValues: [LexiconEntry] = []
        entryValues.reserveCapacity(entryCount)
        // Read through a buffer pointer, the room for an entry's numbers checked once before they are read (so the
        // unchecked reads stay inside): each number read tested the position twice, here and in the array.
        let entriesRead = numbers.withUnsafeBufferPointer { numbers in
            for _ in 0..<entryCount {
                guard position + 5 <= numbers.count else { return false }
                let v = numbers[position], s = numbers[position + 1], b = numbers[position + 2]
                let c = numbers[position + 3], n = numbers[position + 4]
                position += 5
                guard let valence = value(v), let source = ValenceSource(rawValue: UInt8(truncatingIfNeeded: s)),
                      let booster = value(b), c <= 2, n >= 0, position + n <= numbers.count else { return false }
                var entry = LexiconEntry(valence: valence, source: source, booster: booster,
                                         contrast: c == 0 ? nil : c == 1 ? .after : .before)
                if n > 0 {
                    // Each expression index checked as it is read: a pass over all the entries after was 0.1 M.
                    let starting = numbers[position..<(position + n)]
                    guard starting.allSatisfy({ $0 < phraseCount }) else { return false }
                    entry.phrases = Array(starting)
                }
                position += n
                entryValues.append(entry)
            }
            return true
        }
        guard entriesRead else { return nil }
        // An expression's kind: 0 a valence (`a` indexes the values, `source` its ValenceSource), 1 a booster (`a`
        // indexes the values), 2 a contrast (`a` its side: 1 after, 2 before).
        func kind(_ tag: Int, _ a: Int, _ source: Int) -> PhraseKind? {
            switch tag {
            case 0:
                if case let .some(.some(valence)) = value(a + 1), let from = ValenceSource(rawValue: UInt8(truncatingIfNeeded: source)) {
                    return .valence(valence, from)
                }
                return nil
            case 1:
                if case let .some(.some(booster)) = value(a + 1) { return .booster(booster) }
                return nil
            case 2:
                return a == 1 ? .contrast(.after) : a == 2 ? .contrast(.before) : nil
            default:
                return nil
            }
        }
        // Each expression made as its line is split: its words and their hashes (hashed while split: hashing the
        // Strings again was a tenth of reading the layout) in arrays of their own size (grown word by word, they were
        // reallocated twice). One pass: the two arrays kept for a second pass over the expressions were retained and
        // released once more each. (`Array(unsafeUninitializedCapacity:)` for them is not specialized here: 800
        // instructions an array, against 315 for `reserveCapacity`.)
        var phrases: [LexiconPhrase] = []
        phrases.reserveCapacity(phraseCount)
        // Nearly every expression word is short ASCII: made straight from its bytes' words (`String(decoding:)`
        // validated each of 4,323 words, a sixth of reading the layout).
        let makesInline = SmallASCIIString.isFound
        var text = sections[2]
        let phrasesRead = text.withUTF8 { bytes -> Bool in
            // Through plain pointers, each line's words counted while its end is looked for: index loops over the
            // bytes with a `where` clause tested bounds on every byte.
            guard let base = bytes.baseAddress else { return true }
            let end = base + bytes.count
            var line = base
            while line < end {
                var lineEnd = line, spaces = 0
                while lineEnd < end, lineEnd.pointee != UInt8(ascii: "\n") {
                    if lineEnd.pointee == UInt8(ascii: " ") { spaces += 1 }
                    lineEnd += 1
                }
                if lineEnd > line {
                    guard let tag = next(), let a = next(), let source = next(), let kind = kind(tag, a, source) else { return false }
                    var words: [String] = [], hashes: [Int] = []
                    words.reserveCapacity(spaces + 1)
                    hashes.reserveCapacity(spaces + 1)
                    var p = line
                    while p < lineEnd {
                        let start = p
                        while p < lineEnd, p.pointee != UInt8(ascii: " ") { p += 1 }
                        if p > start {
                            let word = UnsafeBufferPointer(start: start, count: p - start)
                            words.append((makesInline ? SmallASCIIString.make(word) : nil) ?? String(decoding: word, as: UTF8.self))
                            hashes.append(WordHash.of(word))
                        }
                        p += 1
                    }
                    phrases.append(LexiconPhrase(words: words, kind: kind, hashes: hashes))
                }
                line = lineEnd + 1
            }
            return true
        }
        guard phrasesRead, phrases.count == phraseCount else { return nil }
        var targets: [StemTarget] = []
        targets.reserveCapacity(stemCount)
        for _ in 0..<stemCount {
            guard let term = next(), term < entryCount, let valence = entryValues[term].valence else { return nil }
            targets.append(StemTarget(valence: valence, term: Int32(term)))
        }
        guard position == numbers.count else { return nil }
        entries = LaidOutTable(keys: keys, values: entryValues)
        self.phrases = phrases
        stems = LaidOutTable(keys: stemKeys, values: targets)
    }

    /// The unsigned numbers of a text as `scripts/embed-lexicons` packs them: each in base 32, most significant digit
    /// first, a digit written as 0x30 + digit and the last one as 0x50 + digit; bytes below 0x30 (line breaks) skipped.
    // Most numbers are one byte: decimal numbers with separators were twice the bytes to read.
    static func numbers(_ text: String) -> [Int] {
        var text = text
        return text.withUTF8 { bytes in
            // Written through a pointer into storage of one number a byte at most: appending checked the capacity
            // and uniqueness for each number.
            [Int](unsafeUninitializedCapacity: bytes.count) { numbers, count in
                var current = 0, written = 0
                for byte in bytes where byte >= 0x30 {
                    if byte >= 0x50 {
                        numbers[written] = current << 5 | Int(byte &- 0x50)
                        written &+= 1  // below `bytes.count`, the storage's size
                        current = 0
                    } else {
                        current = current << 5 | Int(byte &- 0x30)
                    }
                }
                count = written
            }
        }
    }

    /// The numbers section of the lexicon named `name` as `scripts/embed-lexicons` read it into the binary
    /// (`LexiconTables.h`); nil when there is none.
    static func embeddedNumbers(_ name: String) -> [Int]? {
        guard let table = sift_laid_out_numbers_named(name)?.pointee, let numbers = table.numbers else { return nil }
        return [Int](unsafeUninitializedCapacity: table.count) { buffer, count in
            for k in 0..<table.count { buffer[k] = Int(numbers[k]) }
            count = table.count
        }
    }

    /// Whether the runtime stemmer gives a sample of the stems as the embedded index has them: a binary linked against
    /// another Snowball version stems tokens its own way, and then the lexicon is built from the files.
    func stemsAgree(_ stem: (String) -> String) -> Bool {
        for index in 0..<min(stems.count, LanguageLexicon.stemSample) {
            let term = entries.key(at: Int(stems.values[index].term))
            if stem(term) != stems.key(at: index) { return false }
        }
        return true
    }
}

/// Where an entry's embedded Snowball stem is: bytes `start..<end` of `LanguageLexicon.stemTexts[text]`, or the term.
struct EmbeddedStem: Sendable {
    var text: Int32
    var start: Int32
    var end: Int32

    /// The term is its own stem.
    static let term = EmbeddedStem(text: -1, start: 0, end: 0)
    /// No embedded stem.
    static let none = EmbeddedStem(text: -2, start: 0, end: 0)
}

/// An embedded stem as `SentimentLexicons.forEachStemmedPair` gives it: the term, or bytes of the file's stems text.
enum StemBytes: Equatable {
    case term
    case bytes(Range<Int>)
}

/// The sentiment lexicons of every language sift ships, plus emoji and emoticons, plus the user's overlays.
struct SentimentLexicons: Sendable {
    var languages: [String: LanguageLexicon] = [:]
    /// Stopwords of each language with a lexicon and a non-empty list, to pick a lexicon for text whose language was
    /// not determined, by language code, folded, in their file's order (a word may repeat).
    // Lists, not `Set`s: `stopwordTables` are made of them, and SipHash inserts were 0.13 M instructions of every
    // run's start.
    var stopwordLists: [(language: String, words: [String])] = []
    /// Everyday review words of many languages, consulted when a text's own lexicon has no entry for a word.
    var multilingual = LanguageLexicon()
    /// Valences of emoji (by `emojiKey`) and emoticons (as written and by `emoticonKey`), and `stopwordLists`, as
    /// tables probed with the analyzer's token hashes.
    // The emoji and emoticon tables are filled directly: Dictionaries made first and copied (SipHash on every
    // insert) were 4 % of loading the lexicons.
    var emojiTable = WordTable<Double>()
    var emoticonTable = WordTable<Double>()
    var stopwordTables: [(language: String, words: WordSet)] = []

    /// Loads the lexicons of `store` and the user's overlays (the text of each `term<TAB>valence` file), later ones
    /// winning.
    init(store: LexiconStore, overlays: [String]) throws {
        // The shipped lexicons are built once per process and shared: a second scorer (a test suite makes hundreds)
        // builds nothing, and nothing frees them just before the process exits (a twentieth of a one-line run).
        if overlays.isEmpty, store.isShipped {
            self = Self.shipped
            return
        }
        var parsedOverlays: [[(String, Double)]] = []
        for (index, text) in overlays.enumerated() {
            parsedOverlays.append(try Self.parseOverlay(text, index: index + 1))
        }
        self.init(store: store, parsedOverlays: parsedOverlays)
    }

    /// The lexicons of `LexiconStore.shipped` with no overlay, built on first use.
    static let shipped = SentimentLexicons(store: .shipped, parsedOverlays: [])

    /// Loads the lexicons of `store` and the already parsed overlays.
    init(store: LexiconStore, parsedOverlays: [[(String, Double)]]) {
        // The tables are made with room for every line at once: grown from 16 slots, they were placed again five
        // times.
        let emoji = Self.pairs(store, "emoji/emoji.tsv")
        emojiTable = WordTable(reserving: emoji.count)
        for (line, valence) in emoji {
            emojiTable[Self.emojiKey(line)] = valence
        }
        // Emoticons keep their case: ":D" and ":d", "T_T" and "t_t" are different faces, and the analyzer folds
        // only the nose and "xD" (see `emoticonKey`).
        let emoticons = Self.pairs(store, "common/emoticons.tsv", folding: false)
        emoticonTable = WordTable(reserving: 2 * emoticons.count)
        for (line, valence) in emoticons {
            emoticonTable[line] = valence
            emoticonTable[Self.emoticonKey(line)] = valence
        }
        for code in store.languages(withFile: "sentiment.tsv") {
            var lexicon = LanguageLexicon()
            let stemmer = SnowballStemmer(language: code)
            let stem: (String) -> String = { stemmer?.stem($0) ?? $0 }
            // The lexicon `scripts/embed-lexicons` laid out of the same files, taken when the runtime stemmer stems
            // its sample as the embedded index did: reading the files and inserting their terms was a third of a
            // one-line run.
            let laidOut = parsedOverlays.isEmpty
                ? store.laidOutLexicon(code).flatMap { LaidOutLexicon($0, embedded: code) }.flatMap { $0.stemsAgree(stem) ? $0 : nil } : nil
            let stopwords = Self.foldedLines(store, "\(code)/stopwords.txt")
            // `languages(withFile:)` gives the codes sorted.
            if !stopwords.isEmpty { stopwordLists.append((code, stopwords)) }
            if laidOut == nil {
                Self.loadEntries(of: code, from: store, into: &lexicon, overlays: parsedOverlays)
            }
            for (term, valence) in Self.pairs(store, "\(code)/failures.tsv") {
                lexicon.failures[stem(term)] = valence
            }
            let productLines = Self.foldedLines(store, "\(code)/product-context.txt")
            if !productLines.isEmpty { lexicon.productWords = WordSet(productLines + productLines.map(stem)) }
            if let laidOut {
                lexicon.phrases = laidOut.phrases
                lexicon.lookup = LexiconLookup(laidOut: laidOut, failures: lexicon.failures, productWords: lexicon.productWords)
            } else {
                // The embedded index is of the shipped files alone: the user's terms can change it.
                lexicon.indexStems(stem, embedded: parsedOverlays.isEmpty ? store.stemIndex(code) : nil)
                lexicon.buildLookup()
            }
            languages[code] = lexicon
        }
        if let laidOut = store.laidOutLexicon("common/multilingual.tsv").flatMap({ LaidOutLexicon($0, embedded: "common/multilingual.tsv") }) {
            multilingual.phrases = laidOut.phrases
            multilingual.lookup = LexiconLookup(laidOut: laidOut, failures: WordTable(), productWords: nil)
        } else {
            let multilingualPairs = Self.pairs(store, "common/multilingual.tsv")
            multilingual.entries = WordTable(reserving: multilingualPairs.count)
            for (term, valence) in multilingualPairs {
                multilingual.setValence(term, valence, source: .multilingual)
            }
            multilingual.buildLookup()
        }
        stopwordTables = stopwordLists.map { ($0.language, WordSet($0.words)) }
    }

    /// Reads a language's sentiment, domain, idiom, booster and contrast lists and the user's overlays into `lexicon`.
    static func loadEntries(of code: String, from store: LexiconStore, into lexicon: inout LanguageLexicon,
                            overlays parsedOverlays: [[(String, Double)]]) {
            let stemmedFiles: [(path: String, source: ValenceSource)] = [
                ("\(code)/sentiment.tsv", .general), ("\(code)/domain.tsv", .domain), ("\(code)/idioms.tsv", .idiom),
            ]
            let boosters = Self.pairs(store, "\(code)/boosters.tsv")
            // Room for every term at once: growing the table rehashed its words each time. The stemmed files' terms go
            // straight into the table: arrays of them made first and freed after were a twentieth of loading.
            let stemmedLines = stemmedFiles.reduce(0) { $0 + store.lineCount($1.path) }
            lexicon.entries = WordTable(reserving: stemmedLines + boosters.count)
            lexicon.knownStems.reserveCapacity(stemmedLines)
            for file in stemmedFiles {
                let text = Int32(lexicon.stemTexts.count)
                if let stems = store.stemsText(file.path) { lexicon.stemTexts.append(stems) }
                Self.forEachStemmedPair(store, file.path) { term, valence, stem in
                    lexicon.setValence(term, valence, source: file.source, stem: stem.map {
                        switch $0 {
                        case .term: .term
                        case .bytes(let range): EmbeddedStem(text: text, start: Int32(range.lowerBound), end: Int32(range.upperBound))
                        }
                    })
                }
            }
            for (term, scalar) in boosters {
                let words = term.split(separator: " ").map(String.init)
                if words.count > 1 {
                    lexicon.addPhrase(LexiconPhrase(words: words, kind: .booster(scalar)))
                } else {
                    lexicon.entries.update(term, empty: LexiconEntry()) { $0.booster = scalar }
                }
            }
            // Languages with only the text chain's contrast list treat every word on it as "but".
            let contrastLines = store.text("\(code)/contrast.tsv") != nil
                ? store.lines("\(code)/contrast.tsv") : store.lines("\(code)/contrast.txt").map { Substring("\($0)\tafter") }
            for line in contrastLines {
                let fields = line.split(separator: "\t")
                guard fields.count >= 2 else { continue }
                let term = Self.folded(fields[0])
                let side: ContrastSide = fields[1].trimmedFields == "before" ? .before : .after
                let words = term.split(separator: " ").map(String.init)
                if words.count > 1 {
                    lexicon.addPhrase(LexiconPhrase(words: words, kind: .contrast(side)))
                } else {
                    lexicon.entries.update(term, empty: LexiconEntry()) { $0.contrast = side }
                }
            }
            for overlay in parsedOverlays {
                for (term, valence) in overlay { lexicon.setValence(term, valence, source: .user) }
            }
    }

    /// `term<TAB>valence` lines of a shipped file; malformed lines are skipped (a test checks there are none).
    static func pairs(_ store: LexiconStore, _ path: String, folding: Bool = true) -> [(String, Double)] {
        let asWritten = folding && store.isFoldedAsWritten(path)
        return store.withLines(path) { bytes, lines in
            var pairs: [(String, Double)] = []
            pairs.reserveCapacity(lines.count)
            for line in lines {
                if let pair = Self.pair(UnsafeBufferPointer(rebasing: bytes[line]), folding: folding, asWritten: asWritten) { pairs.append(pair) }
            }
            return pairs
        } ?? []
    }

    /// Calls `body` with each pair of `pairs(_:_:folding:)` and where the term's Snowball stem embedded by
    /// `scripts/embed-lexicons` is in the file's stems text (`LexiconStore.stemsText`; nil when the store has none
    /// for the file: a user's replacement of it), in order.
    static func forEachStemmedPair(_ store: LexiconStore, _ path: String, _ body: (String, Double, StemBytes?) -> Void) {
        let asWritten = store.isFoldedAsWritten(path)
        store.withLines(path) { bytes, lines in
            let stemmed: Void? = store.withStems(path, lines: lines.count) { stemBytes, stems in
                for (line, stem) in zip(lines, stems) {
                    guard let (term, value) = Self.pair(UnsafeBufferPointer(rebasing: bytes[line]), folding: true, asWritten: asWritten) else { continue }
                    let isTerm = stem.count == 1 && stemBytes[stem.lowerBound] == UInt8(ascii: "=")
                    body(term, value, isTerm ? .term : .bytes(stem))
                }
            }
            if stemmed == nil {
                for line in lines {
                    if let (term, value) = Self.pair(UnsafeBufferPointer(rebasing: bytes[line]), folding: true, asWritten: asWritten) { body(term, value, nil) }
                }
            }
        }
    }

    /// The stem `stem` of `forEachStemmedPair` names, in the file's stems text `text`.
    static func stemString(_ stem: StemBytes, term: String, in text: String) -> String {
        guard case .bytes(let range) = stem else { return term }
        var text = text
        return text.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// The term and valence of one `term<TAB>valence` line's bytes; nil for a malformed line. `asWritten`: the file's
    /// terms are their own folded forms (`LexiconStore.isFoldedAsWritten`), and folding is only trimming.
    // On bytes: fields are found by their tab bytes (a tab is always a Character of its own; splitting by
    // Characters was half of start-up), simple numbers are read without making a String, ASCII terms are lower-cased
    // byte by byte. Lower-casing terms outside ASCII (emoji, accented words) was a tenth of loading the lexicons, and
    // no shipped term needs it.
    static func pair(_ line: UnsafeBufferPointer<UInt8>, folding: Bool, asWritten: Bool = false) -> (String, Double)? {
        guard let tab = line.firstIndex(of: 0x09) else { return nil }
        let valueEnd = line[(tab + 1)...].firstIndex(of: 0x09) ?? line.endIndex
        let valueBytes = UnsafeBufferPointer(rebasing: line[(tab + 1)..<valueEnd])
        guard let value = decimal(valueBytes) ?? Double(String(decoding: valueBytes, as: UTF8.self).trimmedFields) else { return nil }
        let term = UnsafeBufferPointer(rebasing: line[..<tab])
        guard folding else { return (String(String(decoding: term, as: UTF8.self).trimmedFields), value) }
        if asWritten {
            var start = 0, end = term.count
            func isEdge(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
            while start < end, isEdge(term[start]) { start += 1 }
            while end > start, isEdge(term[end - 1]) { end -= 1 }
            return (String(decoding: UnsafeBufferPointer(rebasing: term[start..<end]), as: UTF8.self), value)
        }
        return (asciiFolded(term) ?? folded(String(decoding: term, as: UTF8.self)), value)
    }

    /// `folded` of a term whose bytes, trimmed of spaces, tabs and CRs, are ASCII: lower case, runs of spaces made
    /// one; nil for a term with other bytes.
    static func asciiFolded(_ term: UnsafeBufferPointer<UInt8>) -> String? {
        var start = 0, end = term.count
        func isEdge(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
        while start < end, isEdge(term[start]) { start += 1 }
        while end > start, isEdge(term[end - 1]) { end -= 1 }
        for k in start..<end where term[k] >= 0x80 { return nil }
        return String(unsafeUninitializedCapacity: end - start) { buffer in
            var count = 0
            for k in start..<end {
                let byte = term[k]
                if byte == UInt8(ascii: " "), term[k - 1] == UInt8(ascii: " ") { continue }
                buffer[count] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                count += 1
            }
            return count
        }
    }

    /// Powers of ten a Double holds exactly.
    private static let exactPowersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]

    /// The value of `-?digits(.digits)?` with at most 15 digits in all, surrounded by spaces, tabs or CRs at most, as
    /// `Double(String)` reads it; nil for anything else.
    // The digits make an integer below 2^53 and the divisor a power of ten held exactly, so the one rounding of the
    // division gives the correctly rounded value, as strtod does: bit for bit what `Double(String)` returns.
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var start = 0, end = bytes.count
        func isEdge(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
        while start < end, isEdge(bytes[start]) { start += 1 }
        while end > start, isEdge(bytes[end - 1]) { end -= 1 }
        var k = start
        let negative = k < end && bytes[k] == UInt8(ascii: "-")
        if negative { k += 1 }
        var mantissa: UInt64 = 0, digits = 0, fractionDigits = 0
        var inFraction = false
        while k < end {
            let byte = bytes[k]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                // Past 15 digits the integer could exceed 2^53 (and, much longer, overflow): `Double(String)` reads it.
                guard digits < 15 else { return nil }
                mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
                digits += 1
                if inFraction { fractionDigits += 1 }
            } else if byte == UInt8(ascii: "."), !inFraction, digits > 0 {
                inFraction = true
            } else {
                return nil
            }
            k += 1
        }
        guard digits > 0, digits <= 15, !inFraction || fractionDigits > 0 else { return nil }
        let magnitude = Double(mantissa) / exactPowersOfTen[fractionDigits]
        return negative ? -magnitude : magnitude
    }

    /// Reads a user's overlay: `term<TAB>valence` per line (further tab-separated fields ignored), `#` comments.
    static func parseOverlay(_ text: String, index: Int) throws -> [(String, Double)] {
        var result: [(String, Double)] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmedFields
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2, let value = Double(fields[1].trimmedFields), value.isFinite,
                  !fields[0].trimmedFields.isEmpty
            else {
                throw SentimentLexiconError(overlay: index, line: number + 1, text: String(line))
            }
            result.append((folded(fields[0]), value))
        }
        return result
    }

    /// `folded(_:)` of each of a file's lines (`LexiconStore.lines`), read as bytes: an ASCII line is folded by
    /// `asciiFolded`, which gives what `folded` gives for ASCII (the same edges trimmed, then lower case), without a
    /// Substring and a String of the line first.
    static func foldedLines(_ store: LexiconStore, _ path: String) -> [String] {
        store.withLines(path) { bytes, lines in
            var words: [String] = []
            words.reserveCapacity(lines.count)
            for line in lines {
                let line = UnsafeBufferPointer(rebasing: bytes[line])
                words.append(asciiFolded(line) ?? folded(String(decoding: line, as: UTF8.self)))
            }
            return words
        } ?? []
    }

    /// Lower-case with typographic apostrophes made plain, as the text analyzer folds words.
    static func folded<S: StringProtocol>(_ term: S) -> String {
        let trimmed = term.trimmedFields
        // Most terms are one ASCII word: lower-casing is all they need (the general path was most of start-up).
        if trimmed.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: " ") }) { return trimmed.lowercased() }
        if trimmed.utf8.allSatisfy({ $0 < 0x80 }) {
            var trimmed = String(trimmed)
            if let folded = trimmed.withUTF8({ asciiFolded($0) }) { return folded }
        }
        let lowered = String(trimmed).lowercased()
        // `replacing` is slow, and most non-ASCII terms (emoji, accented words) have no typographic apostrophe.
        let plain = Self.hasTypographicApostrophe(lowered) ? lowered.replacingApostrophes : lowered
        // Without a space byte there is no space Character to split at.
        guard plain.utf8.contains(UInt8(ascii: " ")) else { return plain }
        return plain.split(separator: " ").joined(separator: " ")
    }

    /// Whether the text holds U+2018 or U+2019 (E2 80 98, E2 80 99).
    static func hasTypographicApostrophe(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if previous == (0xE2, 0x80), byte == 0x98 || byte == 0x99 { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// An emoji without variation selectors, joiners or skin tones, as the text analyzer folds emoji.
    static func emojiKey<S: StringProtocol>(_ text: S) -> String {
        // Most emoji hold none of the scalars dropped below, and their bytes tell: U+FE0E and U+FE0F are EF B8 8E/8F,
        // U+200D is E2 80 8D, the gender signs E2 99 80/82, the skin tones F0 9F 8F BB…BF. Without them the key is the
        // text itself: walking its scalars into a new view was a third of filling the emoji table.
        if !(text.utf8.withContiguousStorageIfAvailable(Self.mayHoldDroppedScalar) ?? true) { return String(text) }
        var scalars = String.UnicodeScalarView()
        var gendered = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFE0E, 0xFE0F, 0x200D, 0x1F3FB...0x1F3FF: continue
            // "🤦‍♂️" is "🤦" with a gender sign joined on; the sign alone ("♀") stays itself.
            case 0x2640, 0x2642: gendered = true
            default: scalars.append(scalar)
            }
        }
        if gendered, scalars.isEmpty { return String(text) }
        return String(scalars)
    }

    /// Whether UTF-8 `bytes` may hold a scalar `emojiKey` drops: true for every text that does (and for some that do
    /// not: F0 9F 8F starts U+1F3C0…1F3FF).
    static func mayHoldDroppedScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        // Each sequence looked for is three bytes long.
        while k + 2 < bytes.count {
            let lead = bytes[k], next = bytes[k + 1]
            if lead == 0xEF && next == 0xB8 || lead == 0xE2 && (next == 0x80 || next == 0x99)
                || lead == 0xF0 && next == 0x9F && bytes[k + 2] == 0x8F { return true }
            k += 1
        }
        return false
    }

    /// An emoticon as the text analyzer folds it (`Emoticons.folded`).
    static func emoticonKey(_ text: String) -> String { Emoticons.folded(text.utf8) }
}


extension StringProtocol {
    var trimmedFields: Substring {
        var text = Substring(self)
        // The first and last Character can only be white space if the first and last byte are: most fields are
        // left as they are without walking Characters.
        let isEdge = { (byte: UInt8?) in byte == 0x20 || byte == 0x09 || byte == 0x0D }
        if !isEdge(text.utf8.first), !isEdge(text.utf8.last) { return text }
        while let first = text.first, first == " " || first == "\t" || first == "\r" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return text
    }

    var replacingApostrophes: String {
        String(self).replacing("\u{2019}", with: "'").replacing("\u{2018}", with: "'")
    }
}
