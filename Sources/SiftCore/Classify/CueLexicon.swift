import Foundation

/// A compiled list of multi-word cues (`Lexicons/<lang>/kind-cues.txt`, `severity-cues.txt`) matched over tokens.
struct CueLexicon: Sendable {
    /// One cue: its label (a kind or a severity level), its weight and its words.
    struct Pattern: Sendable {
        var label: String
        var weight: Double
        var elements: [Element]
        /// The cue as written in the lexicon.
        var text: String
    }

    /// One word position of a cue, as written in the lexicon.
    enum Element: Sendable {
        /// Any of these folded forms or stems (interned form ids, sorted).
        case word([Int32])
        /// Exactly this folded form, never its stem ("=charged" must not meet "charging").
        case exact([Int32])
        /// A folded form starting with these bytes.
        case prefix([UInt8])
        /// Zero to two tokens of any kind.
        case gap
        /// A question mark (also "¿", "???").
        case question
    }

    /// A cue found in a text: which pattern and which tokens.
    struct Match: Sendable {
        var pattern: Int
        var tokens: Range<Int>
    }

    private(set) var patterns: [Pattern] = []
    /// Every folded form or stem a cue word accepts, interned and probed with the hashes the analyzer computed for
    /// each token: a token costs two probes, and matching after that compares integers over flat arrays
    /// (String-keyed sets, and patterns walked as nested arrays of enums, made cue matching a third of
    /// `sift analyze`'s time).
    private var formIDs = WordTable<Int32>()
    private var table = CueTable()

    /// Compiles the `LABEL [WEIGHT] WORD...` lines of a lexicon file whose label `accepts`; `hasWeight` says
    /// whether lines carry a weight.
    init(lines: [Substring], hasWeight: Bool, language: String, accepts: (Substring) -> Bool) {
        // Cue words are stemmed the way the analyzer stems tokens.
        let stemmer = SnowballStemmer(language: language)
        for line in lines {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            let wordStart = hasWeight ? 2 : 1
            guard fields.count > wordStart, accepts(fields[0]) else { continue }
            let weight = hasWeight ? (Double(fields[1]) ?? 0) : 1
            guard weight > 0 else { continue }
            let elements = fields[wordStart...].map { element(String($0), stemmer: stemmer) }
            if case .gap = elements[0] { continue }
            table.add(pattern: patterns.count, elements: elements)
            patterns.append(Pattern(
                label: String(fields[0]), weight: weight, elements: elements,
                text: fields[wordStart...].joined(separator: " ")))
        }
        table.flatten()
    }

    private mutating func intern(_ form: String) -> Int32 {
        if let id = formIDs[form] { return id }
        let id = Int32(formIDs.count)
        formIDs[form] = id
        return id
    }

    private mutating func element(_ word: String, stemmer: SnowballStemmer?) -> Element {
        if word == "_" { return .gap }
        if word == "?" || word == "¿" { return .question }
        if word.count > 1, word.hasSuffix("*") { return .prefix(Array(word.dropLast().utf8)) }
        let exact = word.count > 1 && word.hasPrefix("=")
        let written = exact ? String(word.dropFirst()) : word
        // A user may leave out apostrophes and accents ("cant", "despues"); accept those spellings too.
        var spellings: Set<String> = [written]
        spellings.insert(written.replacingOccurrences(of: "'", with: ""))
        spellings.insert(written.folding(options: .diacriticInsensitive, locale: nil))
        var forms = spellings
        if !exact, let stemmer { for s in spellings { forms.insert(stemmer.stem(s)) } }
        let ids = forms.map { intern($0) }.sorted()
        return exact ? .exact(ids) : .word(ids)
    }

    /// What the lexicon knows of one written form: its interned folded form and stem (`CueTable.unknown` when no
    /// cue uses them), which of the lexicon's prefixes the folded form starts with, and the patterns that may
    /// start at it: `candidates[candidateStart..<punctuationEnd]` for a punctuation token, `..<candidateEnd`
    /// for any other (the patterns a `word*` prefix starts come last), in the array `formFacts` appended them to.
    struct FormFacts: Sendable {
        var folded: Int32
        var stem: Int32
        var prefixes: UInt64
        var candidateStart: Int32
        var punctuationEnd: Int32
        var candidateEnd: Int32
    }

    /// The per-token facts matching reads, plain values in one array (one allocation a text, not five); the
    /// token's candidate patterns are `candidates[candidateStart..<candidateEnd]`.
    struct TokenFacts {
        var folded: Int32
        var stem: Int32
        var sentence: Int32
        var question: Bool
        var prefixes: UInt64
        var candidateStart: Int32
        var candidateEnd: Int32
    }

    /// The lexicon's facts of a word written `folded` with stem `stem`, whose hashes the analyzer computed; the
    /// patterns that may start at it are appended to `candidates`.
    func formFacts(folded: String, foldedHash: Int, stem: String, stemHash: Int, candidates: inout [Int32]) -> FormFacts {
        let foldedID = formIDs.value(folded, hash: foldedHash) ?? CueTable.unknown
        let stemID = stemHash == foldedHash && stem == folded
            ? foldedID : (formIDs.value(stem, hash: stemHash) ?? CueTable.unknown)
        let prefixes = table.prefixMask(folded)
        let start = Int32(candidates.count)
        let punctuationEnd = table.startCandidates(folded: foldedID, stem: stemID, prefixes: prefixes, into: &candidates)
        return FormFacts(
            folded: foldedID, stem: stemID, prefixes: prefixes, candidateStart: start, punctuationEnd: punctuationEnd,
            candidateEnd: Int32(candidates.count))
    }

    /// Whether a punctuation token written `folded` asks a question ("?", "¿", "???").
    static func isQuestionMark(_ folded: String) -> Bool {
        folded.utf8.contains(UInt8(ascii: "?")) || folded.unicodeScalars.contains("¿")
    }

    /// The facts matching reads of a token in `sentence`, from the lexicon's `form` facts of its written form.
    @inline(__always)
    static func tokenFacts(form: FormFacts, isPunctuation: Bool, sentence: Int32, questionMark: Bool) -> TokenFacts {
        TokenFacts(
            folded: form.folded, stem: form.stem, sentence: sentence, question: isPunctuation && questionMark,
            prefixes: isPunctuation ? 0 : form.prefixes, candidateStart: form.candidateStart,
            candidateEnd: isPunctuation ? form.punctuationEnd : form.candidateEnd)
    }

    /// Every cue occurrence in `tokens`, each within one sentence, in token order.
    func matches(in tokens: TokenList) -> [Match] {
        var facts: [TokenFacts] = []
        var candidates: [Int32] = []
        facts.reserveCapacity(tokens.count)
        for token in tokens {
            let form = formFacts(
                folded: token.folded, foldedHash: token.foldedHash, stem: token.stem, stemHash: token.stemHash,
                candidates: &candidates)
            let isPunctuation = token.kind == .punctuation
            facts.append(Self.tokenFacts(
                form: form, isPunctuation: isPunctuation, sentence: Int32(token.sentence),
                questionMark: isPunctuation && Self.isQuestionMark(token.folded)))
        }
        var found: [Match] = []
        table.matches(facts, candidates: candidates, into: &found)
        return found
    }

    /// Every cue occurrence in the tokens `facts` describe, whose candidate patterns are in `candidates`, in
    /// token order, into `found`.
    func matches(_ facts: [TokenFacts], candidates: [Int32], into found: inout [Match]) {
        table.matches(facts, candidates: candidates, into: &found)
    }
}

/// The cues of a lexicon compiled into flat arrays of plain values, so matching reads memory without reference
/// counting.
private struct CueTable: Sendable {
    static let unknown: Int32 = -1

    enum Kind: UInt8 { case word, exact, prefix, gap, question }

    /// Element `e` is `kinds[e]`; word and exact elements accept `forms[formStart[e]..<formStart[e + 1]]`; a
    /// prefix element is bit `prefixBit[e]` of a token's prefix mask.
    private var kinds: [Kind] = []
    private var formStart: [Int32] = [0]
    private var forms: [Int32] = []
    private var prefixBit: [UInt8] = []
    /// Pattern `p`'s elements are `patternStart[p]..<patternStart[p + 1]`.
    private var patternStart: [Int32] = [0]
    /// Patterns by the interned form their first element accepts; patterns starting with a prefix or "?".
    private var byFirstForm: [[Int32]] = []
    /// Patterns starting with a prefix, by the prefix's bit: a token is tried only against the prefixes it has.
    private var prefixFirstByBit = [[Int32]](repeating: [], count: 64)
    /// `byFirstForm` flattened once the lexicon is compiled: form `f`'s patterns are
    /// `firstFormPatterns[firstFormStart[f]..<firstFormStart[f + 1]]`. Reading a nested array retained it per token.
    private var firstFormStart: [Int32] = [0]
    private var firstFormPatterns: [Int32] = []
    private var questionFirst: [Int32] = []
    /// Distinct prefixes (at most 64: a bit each), grouped by first byte.
    private var prefixes: [[UInt8]] = []
    /// Bit `i` of entry `b` is set when prefix `i` starts with byte `b`: an array read, not a dictionary hashed per token.
    private var prefixesByFirstByte = [UInt64](repeating: 0, count: 256)

    mutating func add(pattern: Int, elements: [CueLexicon.Element]) {
        precondition(pattern == patternStart.count - 1)
        for element in elements {
            var bit: UInt8 = 0
            switch element {
            case .word(let ids): kinds.append(.word); forms += ids
            case .exact(let ids): kinds.append(.exact); forms += ids
            case .prefix(let bytes):
                kinds.append(.prefix)
                bit = prefixBitFor(bytes)
            case .gap: kinds.append(.gap)
            case .question: kinds.append(.question)
            }
            formStart.append(Int32(forms.count))
            prefixBit.append(bit)
        }
        patternStart.append(Int32(kinds.count))
        switch elements[0] {
        case .word(let ids), .exact(let ids):
            for id in ids {
                while byFirstForm.count <= Int(id) { byFirstForm.append([]) }
                // Once per pattern, so that matching need not check for a pattern tried twice.
                if byFirstForm[Int(id)].last != Int32(pattern) { byFirstForm[Int(id)].append(Int32(pattern)) }
            }
        case .prefix: prefixFirstByBit[Int(prefixBit[Int(patternStart[pattern])])].append(Int32(pattern))
        case .question: questionFirst.append(Int32(pattern))
        case .gap: break
        }
    }

    /// Builds the flat copy of `byFirstForm` that matching reads; called after the last `add`.
    mutating func flatten() {
        firstFormStart = [0]
        firstFormPatterns = []
        for patterns in byFirstForm {
            firstFormPatterns += patterns
            firstFormStart.append(Int32(firstFormPatterns.count))
        }
    }

    private mutating func prefixBitFor(_ bytes: [UInt8]) -> UInt8 {
        if let known = prefixes.firstIndex(of: bytes) { return UInt8(known) }
        precondition(prefixes.count < 64, "a cue lexicon may use at most 64 distinct word* prefixes")
        prefixes.append(bytes)
        prefixesByFirstByte[Int(bytes.first ?? 0)] |= 1 << UInt64(prefixes.count - 1)
        return UInt8(prefixes.count - 1)
    }

    /// Which of the lexicon's prefixes `folded` starts with, one bit each.
    func prefixMask(_ folded: String) -> UInt64 {
        guard let first = folded.utf8.first else { return 0 }
        var candidates = prefixesByFirstByte[Int(first)]
        var mask: UInt64 = 0
        while candidates != 0 {
            let index = candidates.trailingZeroBitCount
            candidates &= candidates - 1
            if Self.starts(folded.utf8, with: prefixes[index]) { mask |= 1 << UInt64(index) }
        }
        return mask
    }

    /// Whether `utf8` starts with `prefix`, read from contiguous storage when the string has it.
    private static func starts(_ utf8: String.UTF8View, with prefix: [UInt8]) -> Bool {
        guard utf8.count >= prefix.count else { return false }
        return utf8.withContiguousStorageIfAvailable { bytes in
            prefix.withUnsafeBufferPointer { p in p.count == 0 || memcmp(bytes.baseAddress!, p.baseAddress!, p.count) == 0 }
        } ?? utf8.starts(with: prefix)
    }

    /// Appends to `candidates` the patterns that may start at a token whose form ids are `folded` and `stem` and
    /// whose prefix mask is `prefixes`: those of its folded form, those of its stem not already there, then those
    /// of its prefixes in pattern order; returns where the prefixes' patterns begin. Each pattern is listed once.
    func startCandidates(folded: Int32, stem: Int32, prefixes: UInt64, into candidates: inout [Int32]) -> Int32 {
        let begin = candidates.count
        let formCount = firstFormStart.count - 1
        if folded >= 0, Int(folded) < formCount {
            candidates += firstFormPatterns[Int(firstFormStart[Int(folded)])..<Int(firstFormStart[Int(folded) + 1])]
        }
        if stem >= 0, stem != folded, Int(stem) < formCount {
            for i in Int(firstFormStart[Int(stem)])..<Int(firstFormStart[Int(stem) + 1])
            where !candidates[begin...].contains(firstFormPatterns[i]) {
                candidates.append(firstFormPatterns[i])
            }
        }
        let prefixStart = candidates.count
        var bits = prefixes
        if bits != 0 {
            // In pattern order, as one list of prefix patterns would give them.
            while bits != 0 {
                candidates += prefixFirstByBit[bits.trailingZeroBitCount]
                bits &= bits - 1
            }
            candidates[prefixStart...].sort()
        }
        return Int32(prefixStart)
    }

    /// Every cue occurrence in `view`, in token order, into `found` (emptied first); a token's candidate patterns
    /// are `candidates[candidateStart..<candidateEnd]`, then the question-mark patterns when it is one.
    func matches(_ view: [CueLexicon.TokenFacts], candidates: [Int32], into found: inout [CueLexicon.Match]) {
        found.removeAll(keepingCapacity: true)
        view.withUnsafeBufferPointer { view in
            candidates.withUnsafeBufferPointer { candidates in
                for start in view.indices {
                    let candidateStart = Int(view[start].candidateStart), candidateEnd = Int(view[start].candidateEnd)
                    if candidateStart == candidateEnd, !view[start].question { continue }
                    let sentence = view[start].sentence
                    // A word the lexicon does not know (most words) can be no cue's second word.
                    let nextIsUnknown = start + 1 == view.count || (view[start + 1].folded < 0 && view[start + 1].stem < 0)
                    for i in candidateStart..<candidateEnd {
                        let p = Int(candidates[i])
                        let first = Int(patternStart[p]), last = Int(patternStart[p + 1])
                        // Most candidates fail at their second element: that word is tested here, before a call.
                        if nextIsUnknown, last - first >= 2, kinds[first + 1] == .word || kinds[first + 1] == .exact { continue }
                        if let end = matchEnd(element: first, last: last, token: start, view, sentence: sentence) {
                            found.append(CueLexicon.Match(pattern: p, tokens: start..<end))
                        }
                    }
                    guard view[start].question else { continue }
                    for id in questionFirst {
                        let p = Int(id)
                        if let end = matchEnd(element: Int(patternStart[p]), last: Int(patternStart[p + 1]), token: start, view, sentence: sentence) {
                            found.append(CueLexicon.Match(pattern: p, tokens: start..<end))
                        }
                    }
                }
            }
        }
    }

    /// Where a match of elements `element..<last` from `token` ends (exclusive), or nil; shortest match wins.
    private func matchEnd(element: Int, last: Int, token: Int, _ view: UnsafeBufferPointer<CueLexicon.TokenFacts>, sentence: Int32) -> Int? {
        var element = element, token = token
        // Element by element without recursing, until a gap, which tries each length it may skip.
        while element < last {
            if kinds[element] == .gap {
                for skip in 0...CueLexicon.maxGapTokens {
                    let next = token + skip
                    guard next <= view.count else { break }
                    if skip > 0, view[next - 1].sentence != sentence { break }
                    if let end = matchEnd(element: element + 1, last: last, token: next, view, sentence: sentence) { return end }
                }
                return nil
            }
            guard token < view.count, view[token].sentence == sentence, accepts(element, token, view) else { return nil }
            element += 1
            token += 1
        }
        return token
    }

    @inline(__always)
    private func accepts(_ e: Int, _ token: Int, _ view: UnsafeBufferPointer<CueLexicon.TokenFacts>) -> Bool {
        switch kinds[e] {
        case .word, .exact:
            let folded = view[token].folded
            let stem = kinds[e] == .word ? view[token].stem : Self.unknown
            guard folded >= 0 || stem >= 0 else { return false }
            for i in Int(formStart[e])..<Int(formStart[e + 1]) where forms[i] == folded || forms[i] == stem {
                if forms[i] >= 0 { return true }
            }
            return false
        case .prefix: return view[token].prefixes & (1 << UInt64(prefixBit[e])) != 0
        case .question: return view[token].question
        case .gap: return true
        }
    }
}

extension CueLexicon {
    /// How many tokens of any kind `_` may skip.
    static let maxGapTokens = 2
}
