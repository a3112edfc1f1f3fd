/// The features the learned kind model reads from an analyzed text: stems, stem pairs and a few token classes.
///
/// Training (`scripts/train-kinds`, through `sift kinds --features`) and inference both call this, so the model
/// sees exactly what it was trained on.
public enum KindFeatures {
    /// The distinct features of `text`, in first-seen order.
    ///
    /// A stem inside a negation's scope is marked `!stem` ("no *option*" differs from "option"); pairs join
    /// neighbouring word stems of one sentence ("dark mode"); `<q>` marks a question mark, `<version>`, `<number>`,
    /// `<price>` and `<url>` stand for those tokens.
    public static func features(of text: AnalyzedText) -> [String] {
        var seen = Set<String>()
        var features: [String] = []
        func add(_ feature: String) {
            if seen.insert(feature).inserted { features.append(feature) }
        }
        var previous: Token?
        for token in text.tokens {
            switch token.kind {
            case .word:
                let negated = token.flags.contains(.negated) && !token.flags.contains(.negator)
                add(negated ? "!" + token.stem : token.stem)
                if let before = previous, before.sentence == token.sentence { add(before.stem + " " + token.stem) }
                previous = token
                continue
            case .punctuation:
                if token.folded.utf8.contains(UInt8(ascii: "?")) { add("<q>") }
            case .version: add("<version>")
            case .number: add("<number>")
            case .price: add("<price>")
            case .url: add("<url>")
            default: break
            }
            previous = nil
        }
        return features
    }

    /// The 64-bit FNV-1a hash of each distinct feature of `text` (`hash(of:)` of each of `features(of:)`), sorted,
    /// into `out`: the same features without building or hashing a string per token, which made the model cost
    /// more than the rest of kind classification.
    static func featureHashes(of text: AnalyzedText, into out: inout [UInt64]) {
        let tokens = text.tokens
        featureHashes(of: text, into: &out) { index, negated in
            let stem = tokens[index].stem
            let plain = hash(stem.utf8)
            return (negated ? hash(stem.utf8, from: negation) : plain, hash(" ".utf8, from: plain))
        }
    }

    /// `featureHashes(of:into:)` with the hashes of each word token's stem from `wordHashes`, which gives for
    /// token `i` (negated or not) `hash(of:)` of its stem feature and the hash of its stem followed by a space.
    @inline(__always)
    static func featureHashes(
        of text: AnalyzedText, into out: inout [UInt64], wordHashes: (Int, Bool) -> (feature: UInt64, pairStart: UInt64)
    ) {
        out.removeAll(keepingCapacity: true)
        var previousStem: UInt64?  // hash of the previous word's stem followed by a space, same sentence
        var previousSentence = -1
        // Fields are read through the buffer: a `for token in` loop copied each token, retaining its strings.
        text.tokens.withUnsafeBufferPointer { tokens in
            for index in tokens.indices {
                switch tokens[index].kind {
                case .word:
                    let flags = tokens[index].flags
                    let hashes = wordHashes(index, flags.contains(.negated) && !flags.contains(.negator))
                    out.append(hashes.feature)
                    let sentence = tokens[index].sentence
                    if let before = previousStem, previousSentence == sentence { out.append(hash(tokens[index].stem.utf8, from: before)) }
                    previousStem = hashes.pairStart
                    previousSentence = sentence
                    continue
                case .punctuation:
                    if tokens[index].folded.utf8.contains(UInt8(ascii: "?")) { out.append(question) }
                case .version: out.append(version)
                case .number: out.append(number)
                case .price: out.append(price)
                case .url: out.append(url)
                default: break
                }
                previousStem = nil
            }
        }
        out.sortAndRemoveDuplicates()
    }

    /// The hashes of a word's stem features: `hash(of: stem)`, `hash(of: "!" + stem)` and `hash(of: stem + " ")`.
    static func stemHashes(_ stem: String) -> (plain: UInt64, negated: UInt64, pairStart: UInt64) {
        let plain = hash(stem.utf8)
        return (plain, hash(stem.utf8, from: negation), hash(" ".utf8, from: plain))
    }

    /// FNV-1a (`stableHash`) over `bytes`, continuing from the hash of what came before them, if any.
    static func hash(_ bytes: some Sequence<UInt8>, from state: UInt64? = nil) -> UInt64 {
        state.map { stableHash(bytes, seed: $0) } ?? stableHash(bytes)
    }

    /// `hash(_:from:)` of a string's UTF-8, read from its contiguous storage: iterating a `UTF8View` byte by byte
    /// cost several times the hashing itself.
    static func hash(_ utf8: String.UTF8View, from state: UInt64? = nil) -> UInt64 {
        if let hashed = utf8.withContiguousStorageIfAvailable({ hash($0, from: state) }) { return hashed }
        return state.map { stableHash(utf8, seed: $0) } ?? stableHash(utf8)
    }

    /// The hash of "!", from which a negated stem's feature hash continues.
    static let negation = hash("!".utf8)
    private static let question = hash("<q>".utf8)
    private static let version = hash("<version>".utf8)
    private static let number = hash("<number>".utf8)
    private static let price = hash("<price>".utf8)
    private static let url = hash("<url>".utf8)
}
