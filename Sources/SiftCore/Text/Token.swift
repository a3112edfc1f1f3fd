/// One token of a text, located by UTF-8 byte offsets into the original text (never changed by filters).
public struct Token: Sendable, Hashable {
    // Equality and hashing are over what a token says (the hashes follow from the strings, `wordID` is a cache key).
    public static func == (a: Token, b: Token) -> Bool {
        a.kind == b.kind && a.utf8Range == b.utf8Range && a.flags == b.flags && a.sentence == b.sentence
            && a.folded == b.folded && a.stem == b.stem
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(utf8Range)
        hasher.combine(folded)
        hasher.combine(stem)
        hasher.combine(flags)
        hasher.combine(sentence)
    }

    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case word, number, version, price, url, email, mention, hashtag, emoji, emoticon, punctuation
    }

    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        /// Written in capitals ("NOT", "WORST") in a text that is not all capitals.
        public static let allCaps = Flags(rawValue: 1 << 0)
        /// Letters drawn out ("sooo", "noooo") or punctuation repeated ("!!!", "???").
        public static let elongated = Flags(rawValue: 1 << 1)
        /// Inside the scope of a negation ("not *good*", "no *dark mode*").
        public static let negated = Flags(rawValue: 1 << 2)
        /// A negator itself ("not", "never", "no", "don't").
        public static let negator = Flags(rawValue: 1 << 3)
        /// First token of a sentence.
        public static let sentenceStart = Flags(rawValue: 1 << 4)
        /// On the stopword list of the text's language.
        public static let stopword = Flags(rawValue: 1 << 5)
        /// A line break lies before the token: set while tokenizing and cleared when sentences are marked, so no
        /// analyzed token carries it (one flag instead of an array of marks beside the tokens).
        static let lineBreakBefore = Flags(rawValue: 1 << 15)
        /// Set while tokenizing and cleared when sentences and negation are marked, which read them: punctuation that
        /// ends a sentence ('.', '!', '?', '…', '。'); a token outside negation scopes (punctuation, emoji, emoticons);
        /// and one that ends a scope (clause punctuation — ',', ';', ':', brackets, quotes, sentence ends — emoji,
        /// emoticons).
        static let endsSentenceMark = Flags(rawValue: 1 << 14)
        static let outsideScopeMark = Flags(rawValue: 1 << 13)
        static let endsScopeMark = Flags(rawValue: 1 << 12)
        /// Set while tokenizing on numbers, which the closing pass steps through (one after a version cue is a
        /// version), and cleared with the others.
        static let numberMark = Flags(rawValue: 1 << 11)
        /// The flags only tokenizing sets, cleared before anyone reads the tokens.
        static let whileTokenizing: Flags = [.lineBreakBefore, .endsSentenceMark, .outsideScopeMark, .endsScopeMark, .numberMark]
    }

    // `folded` and `stem` are the only fields that own memory: `StringLayout` overwrites a token whose two strings own
    // none without destroying it. A field holding a reference would need adding to that test.
    public var kind: Kind
    /// Byte offsets into the original UTF-8 text.
    public var utf8Range: Range<Int>
    /// The form used for lookups: NFKC, case-folded, zero-width characters removed, elongation squeezed
    /// ("Sooo" → "so", "’" → "'"); a hashtag's word without '#'.
    public var folded: String { didSet { foldedHash = WordHash.of(folded); wordID = -1 } }
    /// The Snowball stem of `folded` in the text's language; equal to `folded` where no stemmer applies.
    public var stem: String { didSet { stemHash = WordHash.of(stem); wordID = -1 } }
    public var flags: Flags
    /// The word's index in the analyzer's memo of words as written (`AnalyzedText.wordSpace` names the memo), or that
    /// of its folded form there (spellings that fold alike may share one; their folded forms and stems agree), or -1:
    /// lets a per-thread memo downstream find what it knows about the word with one array read instead of a hashed
    /// probe and string compares. Reset when `folded` or `stem` change.
    var wordID: Int32 = -1
    /// 0-based index of the sentence the token is in.
    public var sentence: Int
    /// `WordHash.of(folded)`, computed once by the analyzer so lexicon lookups downstream hash nothing.
    var foldedHash: Int
    /// `WordHash.of(stem)`, likewise.
    var stemHash: Int

    public init(kind: Kind, utf8Range: Range<Int>, folded: String, stem: String, flags: Flags = [], sentence: Int = 0) {
        self.init(kind: kind, utf8Range: utf8Range, folded: folded, foldedHash: WordHash.of(folded),
                  stem: stem, stemHash: WordHash.of(stem), flags: flags, sentence: sentence)
    }

    /// Whether the stem differs from the folded form; compares strings only when the hashes agree.
    var hasOwnStem: Bool { stemHash != foldedHash || stem != folded }

    init(kind: Kind, utf8Range: Range<Int>, folded: String, foldedHash: Int, stem: String, stemHash: Int, flags: Flags = [], sentence: Int = 0,
         wordID: Int32 = -1) {
        self.kind = kind
        self.wordID = wordID
        self.utf8Range = utf8Range
        self.folded = folded
        self.stem = stem
        self.flags = flags
        self.sentence = sentence
        self.foldedHash = foldedHash
        self.stemHash = stemHash
    }
}

/// A text with its tokens, sentences and language: what sentiment, kinds and keyphrases read.
public struct AnalyzedText: Sendable {
    public var text: String
    public var tokens: TokenList
    /// Byte ranges of the sentences, in order.
    public var sentences: [Range<Int>]
    /// ISO 639-1 code or `und`.
    public var language: String
    public var languageConfidence: Double
    /// Which memo of the analyzer the tokens' `wordID`s index (`WordSpaces`), 0 for none.
    var wordSpace = 0

    public init(text: String, tokens: TokenList, sentences: [Range<Int>], language: String, languageConfidence: Double) {
        self.text = text
        self.tokens = tokens
        self.sentences = sentences
        self.language = language
        self.languageConfidence = languageConfidence
    }

    /// The original text of a token.
    public func original(_ token: Token) -> Substring {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: token.utf8Range.lowerBound)
        let end = utf8.index(start, offsetBy: token.utf8Range.count)
        return text[start..<end]
    }
}

extension Token {
    /// Where a token's two strings lie in its memory, for writing tokens whose strings own no memory without the
    /// runtime calls that copying or releasing a String makes (`TextAnalyzerWorker`'s token loop).
    // A small or literal String owns nothing (the runtime's retain and release return at once for it), yet each copy
    // of one called `swift_bridgeObjectRetain` and each release `swift_bridgeObjectRelease`: two of each a token,
    // ~1,000 instructions a review of `sift sentiment -`. Almost every token's strings are small.
    struct StringLayout {
        /// Byte offsets of `folded` and `stem` in a `Token`.
        let folded: Int
        let stem: Int

        /// The layout, found once by looking for two known strings' bits in a token made with them; nil when Strings
        /// do not tell owning from not owning memory as `ownsNoMemory` reads it, and the loop then copies as usual.
        static let found: StringLayout? = {
            let folded = "~folded~", stem = "~stem~"
            var heap = String(repeating: "owned", count: 8)
            heap.append("!")
            guard ownsNoMemory(bits(folded)), ownsNoMemory(bits(stem)), ownsNoMemory(bits("")), !ownsNoMemory(bits(heap)),
                  MemoryLayout<String>.size == 16
            else { return nil }
            let token = Token(kind: .word, utf8Range: 0..<0, folded: folded, foldedHash: 0, stem: stem, stemHash: 0)
            return withUnsafeBytes(of: token) { raw -> StringLayout? in
                func offset(of string: String) -> Int? {
                    let want = bits(string)
                    let found = stride(from: 0, through: raw.count - 16, by: 8).filter {
                        raw.loadUnaligned(fromByteOffset: $0, as: UInt64.self) == want.0
                            && raw.loadUnaligned(fromByteOffset: $0 + 8, as: UInt64.self) == want.1
                    }
                    return found.count == 1 ? found[0] : nil
                }
                guard let f = offset(of: folded), let s = offset(of: stem) else { return nil }
                return StringLayout(folded: f, stem: s)
            }
        }()

        /// A String's two words, read without copying it.
        @inline(__always)
        static func bits(_ string: String) -> (UInt64, UInt64) { unsafeBitCast(string, to: (UInt64, UInt64).self) }

        /// Whether a String with these words owns no memory: small strings and literals are marked immortal in the
        /// top bit of their second word.
        @inline(__always)
        static func ownsNoMemory(_ bits: (UInt64, UInt64)) -> Bool { bits.1 >> 63 == 1 }

        /// Whether neither string of the token at `token` owns memory, so it may be overwritten without destroying it.
        @inline(__always)
        func ownsNoMemory(_ token: UnsafeRawPointer) -> Bool {
            (token.load(fromByteOffset: folded + 8, as: UInt64.self) & token.load(fromByteOffset: stem + 8, as: UInt64.self)) >> 63 == 1
        }

        /// Whether the layout is `found` and neither string of `token` owns memory, so a copy of its bytes is a copy
        /// of it.
        static func isPlain(_ token: Token) -> Bool {
            found != nil && ownsNoMemory(bits(token.folded)) && ownsNoMemory(bits(token.stem))
        }

        /// Initializes the uninitialized token at `token` as a copy of the token at `plain`, whose strings own no
        /// memory (`isPlain`), byte for byte: nothing is retained.
        @inline(__always)
        static func copy(_ plain: UnsafeRawPointer, to token: UnsafeMutablePointer<Token>) {
            UnsafeMutableRawPointer(token).copyMemory(from: plain, byteCount: MemoryLayout<Token>.size)
        }
    }
}
