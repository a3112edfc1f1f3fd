import Foundation

/// A multi-word expression found in a corpus ("dark mode", "log in", "for you page").
public struct Phrase: Sendable, Hashable {
    /// The Snowball stems of its words: "logging in" and "log in" are one phrase.
    public var stems: [String]
    /// Its most frequent folded form in the corpus ("log in").
    public var text: String
    /// How often it occurs.
    public var count: Int
    /// Log-likelihood ratio (G²) of its weakest split: above 10.83 means p < 0.001 that the words meet by chance.
    public var logLikelihood: Double
    /// Normalized pointwise mutual information of its weakest split, −1…1: how much the words belong together.
    public var npmi: Double
}

/// Finds multi-word expressions from a corpus by collocation significance over adjacent word stems: a pair or
/// triple is a phrase when it is frequent, significant (log-likelihood ratio) and strongly associated (NPMI)
/// under every split. Feed it analyzed texts, then ask for the phrases; the result does not depend on order.
public struct PhraseFinder: Sendable {
    /// Fewest occurrences a phrase needs.
    public var minimumCount: Int
    /// Least log-likelihood ratio (G², 1 degree of freedom) under every split; 10.83 is p < 0.001.
    public var minimumLogLikelihood: Double
    /// Least NPMI under every split; keeps "the app" (frequent, but loosely bound) out.
    public var minimumNPMI: Double
    /// Longest phrase in words. Fixed at 2 or 3.
    public let maximumLength: Int

    private var stemIDs: [String: UInt32] = [:]
    private var stems: [String] = []
    private var stopword: [Bool] = []
    private var negator: [Bool] = []
    private var pairs: [UInt64: Int] = [:]
    private var pairLeft: [UInt32: Int] = [:]
    private var pairRight: [UInt32: Int] = [:]
    private var pairTotal = 0
    private var triples: [UInt64: Int] = [:]
    private var tripleLeftPair: [UInt64: Int] = [:]
    private var tripleRightPair: [UInt64: Int] = [:]
    private var tripleLeft: [UInt32: Int] = [:]
    private var tripleRight: [UInt32: Int] = [:]
    private var tripleTotal = 0
    /// Folded surface forms seen per stem sequence key, with counts, for naming phrases.
    private var surfaces: [UInt64: [String: Int]] = [:]

    public init(minimumCount: Int = 5, minimumLogLikelihood: Double = 10.83, minimumNPMI: Double = 0.3, maximumLength: Int = 3) {
        self.minimumCount = minimumCount
        self.minimumLogLikelihood = minimumLogLikelihood
        self.minimumNPMI = minimumNPMI
        self.maximumLength = min(3, max(2, maximumLength))
    }

    // Stem ids are packed 21 bits each into one UInt64 key.
    private static let idBits: UInt64 = 21
    private static let idLimit = UInt32(1 << 21)

    private static func key(_ a: UInt32, _ b: UInt32) -> UInt64 { UInt64(a) << idBits | UInt64(b) }
    private static func key(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt64 {
        UInt64(a) << (2 * idBits) | UInt64(b) << idBits | UInt64(c) | 1 << 63
    }

    private mutating func id(of token: Token) -> UInt32? {
        if let known = stemIDs[token.stem] { return known }
        guard stems.count < Int(Self.idLimit) - 1 else { return nil }
        let id = UInt32(stems.count)
        stemIDs[token.stem] = id
        stems.append(token.stem)
        stopword.append(token.flags.contains(.stopword))
        negator.append(token.flags.contains(.negator))
        return id
    }

    /// Counts the adjacent word pairs and triples of one text; runs of words break at punctuation, emoji,
    /// numbers and sentence ends.
    public mutating func add(_ text: AnalyzedText) {
        var run: [(id: UInt32, folded: String)] = []
        var previousSentence = -1
        for token in text.tokens {
            if token.kind != .word || token.sentence != previousSentence {
                count(run)
                run.removeAll(keepingCapacity: true)
            }
            previousSentence = token.sentence
            guard token.kind == .word, !token.stem.isEmpty else { continue }
            guard let id = id(of: token) else {
                count(run)
                run.removeAll(keepingCapacity: true)
                continue
            }
            run.append((id, token.folded))
        }
        count(run)
    }

    private mutating func count(_ run: [(id: UInt32, folded: String)]) {
        guard run.count >= 2 else { return }
        for k in 0..<(run.count - 1) {
            let (a, b) = (run[k].id, run[k + 1].id)
            let pair = Self.key(a, b)
            pairs[pair, default: 0] += 1
            pairLeft[a, default: 0] += 1
            pairRight[b, default: 0] += 1
            pairTotal += 1
            surfaces[pair, default: [:]][run[k].folded + " " + run[k + 1].folded, default: 0] += 1
            guard maximumLength >= 3, k + 2 < run.count else { continue }
            let c = run[k + 2].id
            let triple = Self.key(a, b, c)
            triples[triple, default: 0] += 1
            tripleLeftPair[pair, default: 0] += 1
            tripleRightPair[Self.key(b, c), default: 0] += 1
            tripleLeft[a, default: 0] += 1
            tripleRight[c, default: 0] += 1
            tripleTotal += 1
            surfaces[triple, default: [:]][run[k].folded + " " + run[k + 1].folded + " " + run[k + 2].folded, default: 0] += 1
        }
    }

    /// The phrases of everything added so far, most frequent first (ties by text).
    public func phrases() -> [Phrase] {
        var found: [Phrase] = []
        for (pair, n) in pairs where n >= minimumCount {
            let a = UInt32(truncatingIfNeeded: pair >> Self.idBits), b = UInt32(truncatingIfNeeded: pair & (1 << Self.idBits - 1))
            // A pair may end in a particle ("log in", "sign up") but in no other stopword ("app is", "try to"), and
            // not start with one ("the app", "my account").
            guard !stopword[Int(a)], !negator[Int(a)], !negator[Int(b)],
                !stopword[Int(b)] || Self.particles.contains(stems[Int(b)])
            else { continue }
            let (g2, npmi) = Self.association(n, pairLeft[a]!, pairRight[b]!, pairTotal)
            guard g2 >= minimumLogLikelihood, npmi >= minimumNPMI else { continue }
            found.append(Phrase(stems: [stems[Int(a)], stems[Int(b)]], text: Self.mostFrequent(surfaces[pair]!), count: n, logLikelihood: g2, npmi: npmi))
        }
        let mask = UInt64(1) << Self.idBits - 1
        for (triple, n) in triples where n >= minimumCount {
            let a = UInt32(truncatingIfNeeded: (triple >> (2 * Self.idBits)) & mask)
            let b = UInt32(truncatingIfNeeded: (triple >> Self.idBits) & mask)
            let c = UInt32(truncatingIfNeeded: triple & mask)
            // Triples may start with stopwords ("for you page") but not with a stopword before a content word
            // ("the best app"), nor end with one.
            guard !stopword[Int(c)], !negator[Int(a)], !negator[Int(c)], !stopword[Int(a)] || stopword[Int(b)],
                !(stopword[Int(a)] && stopword[Int(b)] && stopword[Int(c)])
            else { continue }
            let left = Self.association(n, tripleLeftPair[Self.key(a, b)]!, tripleRight[c]!, tripleTotal)
            let right = Self.association(n, tripleLeft[a]!, tripleRightPair[Self.key(b, c)]!, tripleTotal)
            let g2 = min(left.g2, right.g2), npmi = min(left.npmi, right.npmi)
            guard g2 >= minimumLogLikelihood, npmi >= minimumNPMI else { continue }
            found.append(
                Phrase(stems: [stems[Int(a)], stems[Int(b)], stems[Int(c)]], text: Self.mostFrequent(surfaces[triple]!), count: n,
                    logLikelihood: g2, npmi: npmi))
        }
        return found.sorted { $0.count != $1.count ? $0.count > $1.count : $0.text < $1.text }
    }

    /// Stems of the particles that complete phrasal verbs ("log in", "sign up", "turn off").
    static let particles: Set<String> = ["in", "up", "out", "on", "off", "down", "over", "back", "away"]

    /// Dunning's log-likelihood ratio and NPMI of a pair seen `n` times, whose first part starts `left` of
    /// `total` positions and second part ends `right` of them.
    static func association(_ n: Int, _ left: Int, _ right: Int, _ total: Int) -> (g2: Double, npmi: Double) {
        let k11 = Double(n), k12 = Double(left - n), k21 = Double(right - n)
        let k22 = Double(total) - k11 - k12 - k21
        func xlogx(_ x: Double) -> Double { x > 0 ? x * log(x) : 0 }
        let rows = xlogx(k11 + k12) + xlogx(k21 + k22)
        let columns = xlogx(k11 + k21) + xlogx(k12 + k22)
        let cells = xlogx(k11) + xlogx(k12) + xlogx(k21) + xlogx(k22)
        let g2 = max(0, 2 * (cells - rows - columns + xlogx(Double(total))))
        let pxy = k11 / Double(total)
        let pmi = log(pxy / ((Double(left) / Double(total)) * (Double(right) / Double(total))))
        let npmi = pxy >= 1 ? 1 : pmi / -log(pxy)
        // G² is two-sided: a pair seen less often than chance is significant too, but not a phrase.
        return (pmi > 0 ? g2 : 0, npmi)
    }

    private static func mostFrequent(_ forms: [String: Int]) -> String {
        forms.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!.key
    }
}

/// A set of phrases to find in analyzed texts, longest match first.
public struct PhraseSet: Sendable {
    private var byFirstStem: [String: [Phrase]] = [:]

    public init(_ phrases: [Phrase]) {
        for phrase in phrases { byFirstStem[phrase.stems[0], default: []].append(phrase) }
        for key in byFirstStem.keys {
            byFirstStem[key]!.sort { $0.stems.count != $1.stems.count ? $0.stems.count > $1.stems.count : $0.text < $1.text }
        }
    }

    /// The phrases in `text` as token index ranges, left to right, never overlapping.
    public func matches(in text: AnalyzedText) -> [(phrase: Phrase, tokens: Range<Int>)] {
        var found: [(Phrase, Range<Int>)] = []
        let tokens = text.tokens
        var k = 0
        while k < tokens.count {
            guard tokens[k].kind == .word, let candidates = byFirstStem[tokens[k].stem] else {
                k += 1
                continue
            }
            var matched: (Phrase, Range<Int>)?
            for phrase in candidates where k + phrase.stems.count <= tokens.count {
                let range = k..<(k + phrase.stems.count)
                if range.allSatisfy({ tokens[$0].kind == .word && tokens[$0].sentence == tokens[k].sentence && tokens[$0].stem == phrase.stems[$0 - k] }) {
                    matched = (phrase, range)
                    break
                }
            }
            if let matched {
                found.append(matched)
                k = matched.1.upperBound
            } else {
                k += 1
            }
        }
        return found
    }
}
