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
}
