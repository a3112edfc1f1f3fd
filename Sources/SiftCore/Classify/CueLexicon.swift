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
        /// Any of these folded forms or stems.
        case word(Set<String>)
        /// Exactly this folded form, never its stem ("=charged" must not meet "charging").
        case exact(Set<String>)
        /// A folded form starting with this.
        case prefix(String)
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
    /// Patterns by the folded forms and stems their first word accepts.
    private var byFirstWord: [String: [Int]] = [:]
    private var prefixFirst: [Int] = []
    private var questionFirst: [Int] = []
    private static let maxGap = 2

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
            let elements = fields[wordStart...].map { Self.element(String($0), stemmer: stemmer) }
            if case .gap = elements[0] { continue }
            let id = patterns.count
            patterns.append(Pattern(
                label: String(fields[0]), weight: weight, elements: elements,
                text: fields[wordStart...].joined(separator: " ")))
            switch elements[0] {
            case .word(let forms), .exact(let forms):
                for form in forms { byFirstWord[form, default: []].append(id) }
            case .prefix: prefixFirst.append(id)
            case .question: questionFirst.append(id)
            case .gap: break
            }
        }
    }

    private static func element(_ word: String, stemmer: CueStemmer?) -> Element {
        if word == "_" { return .gap }
        if word == "?" || word == "¿" { return .question }
        if word.count > 1, word.hasSuffix("*") { return .prefix(String(word.dropLast())) }
        let exact = word.count > 1 && word.hasPrefix("=")
        let written = exact ? String(word.dropFirst()) : word
        // A user may leave out apostrophes and accents ("cant", "despues"); accept those spellings too.
        var spellings: Set<String> = [written]
        spellings.insert(written.replacingOccurrences(of: "'", with: ""))
        spellings.insert(written.folding(options: .diacriticInsensitive, locale: nil))
        if exact { return .exact(spellings) }
        var forms = spellings
        if let stemmer { for s in spellings { forms.insert(stemmer.stem(s)) } }
        return .word(forms)
    }

    /// Every cue occurrence in `tokens`, each within one sentence, in token order.
    func matches(in tokens: [Token]) -> [Match] {
        var found: [Match] = []
        for start in tokens.indices {
            let token = tokens[start]
            var candidates: [Int] = []
            if let ids = byFirstWord[token.folded] { candidates += ids }
            if token.stem != token.folded, let ids = byFirstWord[token.stem] { candidates += ids }
            for id in prefixFirst where Self.accepts(patterns[id].elements[0], token) { candidates.append(id) }
            if Self.isQuestionMark(token) { candidates += questionFirst }
            guard !candidates.isEmpty else { continue }
            var seen = Set<Int>()
            for id in candidates where seen.insert(id).inserted {
                if let end = matchEnd(patterns[id].elements, element: 0, token: start, in: tokens, sentence: token.sentence) {
                    found.append(Match(pattern: id, tokens: start..<end))
                }
            }
        }
        return found
    }

    /// Where a match of `elements[element...]` from `token` ends (exclusive), or nil; shortest match wins.
    private func matchEnd(_ elements: [Element], element: Int, token: Int, in tokens: [Token], sentence: Int) -> Int? {
        if element == elements.count { return token }
        if case .gap = elements[element] {
            for skip in 0...Self.maxGap {
                let next = token + skip
                guard next <= tokens.count else { break }
                if skip > 0, tokens[next - 1].sentence != sentence { break }
                if let end = matchEnd(elements, element: element + 1, token: next, in: tokens, sentence: sentence) { return end }
            }
            return nil
        }
        guard token < tokens.count, tokens[token].sentence == sentence,
            Self.accepts(elements[element], tokens[token])
        else { return nil }
        return matchEnd(elements, element: element + 1, token: token + 1, in: tokens, sentence: sentence)
    }

    private static func accepts(_ element: Element, _ token: Token) -> Bool {
        switch element {
        case .word(let forms): return forms.contains(token.folded) || forms.contains(token.stem)
        case .exact(let forms): return forms.contains(token.folded)
        case .prefix(let start): return token.kind != .punctuation && token.folded.hasPrefix(start)
        case .question: return isQuestionMark(token)
        case .gap: return true
        }
    }

    private static func isQuestionMark(_ token: Token) -> Bool {
        token.kind == .punctuation && (token.folded.contains("?") || token.folded.contains("¿"))
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
