internal import CStemmer
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
    /// Every folded form or stem a cue word accepts, interned: a token costs two dictionary lookups, and matching
    /// after that compares integers (the String-keyed sets this replaced were a third of `sift analyze`'s time).
    private var formIDs: [String: Int32] = [:]
    /// Patterns by the interned form their first word accepts.
    private var byFirstForm: [[Int]] = []
    private var prefixFirst: [Int] = []
    private var questionFirst: [Int] = []
    private static let maxGap = 2
    private static let unknownForm: Int32 = -1

    /// Compiles the `LABEL [WEIGHT] WORD...` lines of a lexicon file whose label `accepts`; `hasWeight` says
    /// whether lines carry a weight.
    init(lines: [Substring], hasWeight: Bool, stemmerLanguage: String, accepts: (Substring) -> Bool) {
        let stemmer = CueStemmer(language: stemmerLanguage)
        for line in lines {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            let wordStart = hasWeight ? 2 : 1
            guard fields.count > wordStart, accepts(fields[0]) else { continue }
            let weight = hasWeight ? (Double(fields[1]) ?? 0) : 1
            guard weight > 0 else { continue }
            let elements = fields[wordStart...].map { element(String($0), stemmer: stemmer) }
            if case .gap = elements[0] { continue }
            let id = patterns.count
            patterns.append(Pattern(
                label: String(fields[0]), weight: weight, elements: elements,
                text: fields[wordStart...].joined(separator: " ")))
            switch elements[0] {
            case .word(let forms), .exact(let forms):
                for form in forms { byFirstForm[Int(form)].append(id) }
            case .prefix: prefixFirst.append(id)
            case .question: questionFirst.append(id)
            case .gap: break
            }
        }
    }

    private mutating func intern(_ form: String) -> Int32 {
        if let id = formIDs[form] { return id }
        let id = Int32(byFirstForm.count)
        formIDs[form] = id
        byFirstForm.append([])
        return id
    }

    private mutating func element(_ word: String, stemmer: CueStemmer?) -> Element {
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

    /// A token's interned folded form and stem (`unknownForm` when no cue mentions it).
    private struct TokenForms {
        var folded: Int32
        var stem: Int32
    }

    /// Every cue occurrence in `tokens`, each within one sentence, in token order.
    func matches(in tokens: [Token]) -> [Match] {
        var forms: [TokenForms] = []
        forms.reserveCapacity(tokens.count)
        for token in tokens {
            let folded = formIDs[token.folded] ?? Self.unknownForm
            let stem = token.stem == token.folded ? folded : (formIDs[token.stem] ?? Self.unknownForm)
            forms.append(TokenForms(folded: folded, stem: stem))
        }
        var found: [Match] = []
        var candidates: [Int] = []
        for start in tokens.indices {
            let token = tokens[start], form = forms[start]
            candidates.removeAll(keepingCapacity: true)
            if form.folded >= 0 { candidates += byFirstForm[Int(form.folded)] }
            if form.stem >= 0, form.stem != form.folded {
                for id in byFirstForm[Int(form.stem)] where !candidates.contains(id) { candidates.append(id) }
            }
            for id in prefixFirst where Self.accepts(patterns[id].elements[0], token, form) { candidates.append(id) }
            if Self.isQuestionMark(token) { candidates += questionFirst }
            guard !candidates.isEmpty else { continue }
            var tried: [Int] = []
            for id in candidates where !tried.contains(id) {
                tried.append(id)
                if let end = matchEnd(patterns[id].elements, element: 0, token: start, in: tokens, forms: forms, sentence: token.sentence) {
                    found.append(Match(pattern: id, tokens: start..<end))
                }
            }
        }
        return found
    }

    /// Where a match of `elements[element...]` from `token` ends (exclusive), or nil; shortest match wins.
    private func matchEnd(
        _ elements: [Element], element: Int, token: Int, in tokens: [Token], forms: [TokenForms], sentence: Int
    ) -> Int? {
        if element == elements.count { return token }
        if case .gap = elements[element] {
            for skip in 0...Self.maxGap {
                let next = token + skip
                guard next <= tokens.count else { break }
                if skip > 0, tokens[next - 1].sentence != sentence { break }
                if let end = matchEnd(elements, element: element + 1, token: next, in: tokens, forms: forms, sentence: sentence) {
                    return end
                }
            }
            return nil
        }
        guard token < tokens.count, tokens[token].sentence == sentence,
            Self.accepts(elements[element], tokens[token], forms[token])
        else { return nil }
        return matchEnd(elements, element: element + 1, token: token + 1, in: tokens, forms: forms, sentence: sentence)
    }

    private static func accepts(_ element: Element, _ token: Token, _ form: TokenForms) -> Bool {
        switch element {
        case .word(let ids): return (form.folded >= 0 && ids.contains(form.folded)) || (form.stem >= 0 && ids.contains(form.stem))
        case .exact(let ids): return form.folded >= 0 && ids.contains(form.folded)
        case .prefix(let start): return token.kind != .punctuation && token.folded.utf8.starts(with: start)
        case .question: return isQuestionMark(token)
        case .gap: return true
        }
    }

    private static func isQuestionMark(_ token: Token) -> Bool {
        guard token.kind == .punctuation else { return false }
        return token.folded.utf8.contains(UInt8(ascii: "?")) || token.folded.unicodeScalars.contains("¿")
    }
}

/// The Snowball stemmer, used once per lexicon load to stem cue words the way the analyzer stems tokens.
private final class CueStemmer {
    private let handle: OpaquePointer

    init?(language: String) {
        guard let handle = sb_stemmer_new(language, "UTF_8") else { return nil }
        self.handle = handle
    }

    deinit { sb_stemmer_delete(handle) }

    func stem(_ word: String) -> String {
        let bytes = Array(word.utf8)
        guard let out = bytes.withUnsafeBufferPointer({ sb_stemmer_stem(handle, $0.baseAddress, Int32($0.count)) }) else {
            return word
        }
        let length = Int(sb_stemmer_length(handle))
        return String(decoding: UnsafeBufferPointer(start: out, count: length), as: UTF8.self)
    }
}
