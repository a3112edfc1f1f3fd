import Foundation

/// A linear model of kinds (one logistic regression per kind over `KindFeatures`), read from
/// `Lexicons/model/kinds.tsv`, which `scripts/train-kinds` writes (provenance in `Lexicons/model/PROVENANCE.md`).
public struct KindModel: Sendable {
    /// The kinds the model scores, in the column order of its weights.
    public let kinds: [FeedbackKind]
    /// How much the model's probability counts against the cues' confidence (0 = cues only, 1 = model only).
    public let blend: Double
    /// The blend of each kind, when the file gives one per kind (cross-validation keeps the cues where they are
    /// better, e.g. pricing); kinds without one use `blend`.
    public let blendOfKind: [FeedbackKind: Double]
    /// The blended confidence at which each kind is reported, when the file gives one per kind (chosen by
    /// cross-validation); the blended confidence is rescaled so that this point lands on `KindClassifier.threshold`.
    public let thresholdOfKind: [FeedbackKind: Double]
    /// The language whose stems the model was trained on; other languages keep the cues alone.
    public let language: String
    private let bias: [Double]
    /// Feature weights by the feature's `KindFeatures.hash(of:)`: row `r` is `weightRows[r * kinds.count ..< (r + 1) * kinds.count]`.
    private let rows: FeatureRows
    private let weightRows: [Double]
    /// Per column of the weights (each of `kinds`): its blend and its threshold (nil for none); and the row of each
    /// `cue:<kind>` feature by kind ordinal. Arrays read per record, where dictionaries hashed a kind fourteen times.
    private let blendOfColumn: [Double]
    private let thresholdOfColumn: [Double?]
    private let cueRowOfOrdinal: [Int?]
    /// How many feature rows the model has.
    let rowCount: Int
    /// The three-way decision step, when the file has one (`side:sides`, `side:bias` and `side:<feature>` lines).
    let sideStep: SideStep?

    /// A multinomial logistic regression that puts a record on a `KindSide` from `featureNames`' values.
    struct SideStep: Sendable {
        /// The side of each column.
        var sides: [KindSide]
        var bias: [Double]
        /// Row `f` (of `featureNames`) is `weights[f * sides.count ..< (f + 1) * sides.count]`; a feature the file
        /// does not name weighs 0.
        var weights: [Double]

        /// The features, in the order `scripts/train-kinds` writes them: each model kind's blended confidence,
        /// the highest problem kind's, the praise and question cues' confidences, and the sentiment's positive and
        /// negative parts.
        static func featureNames(kinds: [FeedbackKind]) -> [String] {
            kinds.map { "conf:" + $0.rawValue } + ["problem", "cue:praise", "cue:question", "positive", "negative"]
        }
    }
    /// The first and the second words of the model's stem pairs ("dark mode"), each numbered, and the row of each
    /// pair by `pairKey` of those numbers: a pair is looked up by two numbers a worker keeps per written form,
    /// with no string hashed per token.
    private let pairFirst: [String: Int32]
    private let pairSecond: [String: Int32]
    private let pairRows: FeatureRows
    /// The rows of `<q>`, `<version>`, `<number>`, `<price>` and `<url>` (-1: none).
    let tokenClassRows: TokenClassRows

    struct TokenClassRows: Sendable {
        var question: Int32, version: Int32, number: Int32, price: Int32, url: Int32
    }

    /// What the model reads of a word with a given stem: the rows of its stem and `!stem` features and its numbers
    /// as the first and as the second word of a pair (-1: none).
    struct WordRows: Sendable {
        var stem: Int32 = -1
        var negated: Int32 = -1
        var pairFirst: Int32 = -1
        var pairSecond: Int32 = -1
    }

    /// The rows and pair numbers of a word whose stem is `stem`.
    func wordRows(stem: String) -> WordRows {
        let plain = KindFeatures.hash(stem.utf8)
        return WordRows(
            stem: rows.row(plain).map(Int32.init) ?? -1,
            negated: rows.row(KindFeatures.hash(stem.utf8, from: KindFeatures.negation)).map(Int32.init) ?? -1,
            pairFirst: pairFirst[stem] ?? -1, pairSecond: pairSecond[stem] ?? -1)
    }

    private static func pairKey(_ first: Int32, _ second: Int32) -> UInt64 {
        // Mixed, because the table takes a key's bits as already spread.
        (UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))) &* 0x9E37_79B9_7F4A_7C15
    }

    /// The row of the pair of words numbered `first` and `second`, or -1.
    @inline(__always)
    func pairRow(first: Int32, second: Int32) -> Int32 {
        pairRows.row(Self.pairKey(first, second)).map(Int32.init) ?? -1
    }

    /// Parses a model file: `kinds`, `blend`, `language` and `bias` header lines, then one `feature<TAB>weights…`
    /// line per feature; nil when the text holds no usable model.
    public init?(text: String) {
        var kinds: [FeedbackKind] = []
        var blend = 0.5
        var blendOfKind: [FeedbackKind: Double] = [:]
        var thresholdOfKind: [FeedbackKind: Double] = [:]
        var language = "en"
        var bias: [Double] = []
        var weights: [String: [Double]] = [:]
        var sides: [KindSide] = []
        var sideBias: [Double] = []
        var sideWeights: [String: [Double]] = [:]
        // Once the first feature row is read, every line is a feature row: the header lines come first, and a stem can
        // be spelled like a header ("biased" has the stem "bias", which used to replace the bias line).
        var readsFeatures = false
        // Lines and fields are cut on bytes: splitting the 6,000-line file by Characters took 70 ms a start.
        for fields in Self.rows(of: text) {
            guard fields.count >= 2, !fields[0].hasPrefix("#") else { continue }
            let values = fields.dropFirst()
            switch readsFeatures && !fields[0].hasPrefix("side:") ? "" : fields[0] {
            case "kinds":
                kinds = values.compactMap { FeedbackKind(rawValue: String($0)) }
                guard kinds.count == values.count else { return nil }
            case "blend":
                // One value for every kind, or one per kind in the order of the `kinds` line.
                let numbers = values.compactMap { Double($0) }
                if numbers.count == values.count, numbers.count == kinds.count, numbers.count > 1 {
                    for (kind, number) in zip(kinds, numbers) { blendOfKind[kind] = number }
                    blend = numbers.reduce(0, +) / Double(numbers.count)
                } else {
                    blend = Double(values.first!) ?? blend
                }
            case "threshold":
                let numbers = values.compactMap { Double($0) }
                guard numbers.count == kinds.count, numbers.allSatisfy({ $0 > 0 && $0 < 1 }) else { return nil }
                for (kind, number) in zip(kinds, numbers) { thresholdOfKind[kind] = number }
            case "language": language = String(values.first!)
            case "bias": bias = values.compactMap { Double($0) }
            // The decision step's lines all start with "side:", which no stem or stem pair does.
            case "side:sides":
                sides = values.compactMap { KindSide(rawValue: $0) }
                guard sides.count == values.count, Set(sides).count == sides.count, sides.count <= 4 else { return nil }
            case "side:bias": sideBias = values.compactMap { Double($0) }
            case let name where name.hasPrefix("side:"):
                let row = values.compactMap { Double($0) }
                guard row.count == sides.count, !sides.isEmpty else { return nil }
                sideWeights[String(name.dropFirst(5))] = row
            default:
                let row = values.compactMap { Double($0) }
                guard row.count == kinds.count, !kinds.isEmpty else { return nil }
                weights[String(fields[0])] = row
                readsFeatures = true
            }
        }
        guard !kinds.isEmpty, bias.count == kinds.count else { return nil }
        if sides.isEmpty {
            sideStep = nil
        } else {
            guard sideBias.count == sides.count else { return nil }
            let names = SideStep.featureNames(kinds: kinds)
            guard sideWeights.keys.allSatisfy(names.contains) else { return nil }
            sideStep = SideStep(
                sides: sides, bias: sideBias,
                weights: names.flatMap { sideWeights[$0] ?? Array(repeating: 0, count: sides.count) })
        }
        self.kinds = kinds
        self.blend = blend
        self.blendOfKind = blendOfKind
        self.thresholdOfKind = thresholdOfKind
        self.language = language
        self.bias = bias
        // Rows are numbered in the order of their features' hashes, so that adding a text's rows in row order adds
        // them in the order the sorted hashes did.
        var rowOfHash: [UInt64: [Double]] = [:]
        var cueHashes: [FeedbackKind: UInt64] = [:]
        var pairs: [(first: Substring, second: Substring, hash: UInt64)] = []
        for (feature, row) in weights.sorted(by: { $0.key < $1.key }) {
            let hash = KindFeatures.hash(feature.utf8)
            rowOfHash[hash] = row
            if feature.hasPrefix("cue:"), let kind = FeedbackKind(rawValue: String(feature.dropFirst(4))) { cueHashes[kind] = hash }
            // Cut at the space byte: splitting the features by Characters cost a third of loading the model.
            let utf8 = feature.utf8
            if let space = utf8.firstIndex(of: UInt8(ascii: " ")), space != utf8.startIndex {
                let second = utf8.index(after: space)
                if second != utf8.endIndex, !utf8[second...].contains(UInt8(ascii: " ")) {
                    pairs.append((feature[..<space], feature[second...], hash))
                }
            }
        }
        var rowOfFeature: [UInt64: Int] = [:]
        var weightRows: [Double] = []
        for hash in rowOfHash.keys.sorted() {
            rowOfFeature[hash] = weightRows.count / kinds.count
            weightRows += rowOfHash[hash]!
        }
        var pairFirst: [String: Int32] = [:], pairSecond: [String: Int32] = [:]
        var rowOfPair: [UInt64: Int] = [:]
        for pair in pairs {
            let first = pairFirst[String(pair.first)] ?? Int32(pairFirst.count)
            pairFirst[String(pair.first)] = first
            let second = pairSecond[String(pair.second)] ?? Int32(pairSecond.count)
            pairSecond[String(pair.second)] = second
            rowOfPair[Self.pairKey(first, second)] = rowOfFeature[pair.hash]
        }
        self.rows = FeatureRows(rowOfFeature)
        self.pairRows = FeatureRows(rowOfPair)
        self.pairFirst = pairFirst
        self.pairSecond = pairSecond
        self.rowCount = weightRows.count / kinds.count
        self.weightRows = weightRows
        self.blendOfColumn = kinds.map { blendOfKind[$0] ?? blend }
        self.thresholdOfColumn = kinds.map { thresholdOfKind[$0] }
        self.cueRowOfOrdinal = FeedbackKind.allCases.map { kind in cueHashes[kind].flatMap { rowOfFeature[$0] } }
        func row(_ feature: String) -> Int32 { rowOfFeature[KindFeatures.hash(feature.utf8)].map(Int32.init) ?? -1 }
        self.tokenClassRows = TokenClassRows(
            question: row("<q>"), version: row("<version>"), number: row("<number>"), price: row("<price>"), url: row("<url>"))
    }

    /// The tab-separated fields of each non-empty line of `text`.
    private static func rows(of text: String) -> [[String]] {
        var text = text
        return text.withUTF8 { bytes in
            var rows: [[String]] = []
            var fields: [String] = []
            var start = 0
            for i in 0...bytes.count {
                let byte: UInt8 = i < bytes.count ? bytes[i] : UInt8(ascii: "\n")
                guard byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") else { continue }
                // A file saved with CRLF line ends reads the same.
                let end = byte == UInt8(ascii: "\n") && i > start && bytes[i - 1] == UInt8(ascii: "\r") ? i - 1 : i
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                start = i + 1
                if byte == UInt8(ascii: "\n") {
                    if fields.count > 1 || !fields[0].isEmpty { rows.append(fields) }
                    fields.removeAll(keepingCapacity: true)
                }
            }
            return rows
        }
    }

    /// How much the model counts for `kind` against the cues.
    public func blend(for kind: FeedbackKind) -> Double {
        blendOfKind[kind] ?? blend
    }

    /// Loads `model/kinds.tsv` from `lexicons`; nil when it has none.
    public init?(lexicons: LexiconStore) {
        guard let text = lexicons.text("model/kinds.tsv") else { return nil }
        self.init(text: text)
    }

    /// The probability of each of `kinds` for `text`, whose cues gave `cueConfidences`.
    ///
    /// The cues' confidences are features too (`cue:bug` weighs the cues' bug confidence), so the model learns
    /// how far to trust each cue family rather than replacing it.
    public func probabilities(_ text: AnalyzedText, cueConfidences: [FeedbackKind: Double]) -> [FeedbackKind: Double] {
        var cues = KindVector()
        for (kind, value) in cueConfidences { cues[kind] = value }
        let scores = logits(text, cueConfidences: cues)
        var result: [FeedbackKind: Double] = [:]
        for (index, kind) in kinds.enumerated() { result[kind] = 1 / (1 + exp(-scores[index])) }
        return result
    }

    /// Blends the model's probability of each of its kinds into `confidences`, by each kind's blend, then moves
    /// each kind's own threshold onto the common one.
    func blendProbabilities(_ text: AnalyzedText, cueConfidences: KindVector, into confidences: inout KindVector) {
        blend(logits(text, cueConfidences: cueConfidences), into: &confidences)
    }

    /// `blendProbabilities(_:cueConfidences:into:)` from the rows of the text's features, which the caller has put
    /// into `rows`; `scores` is a buffer a worker reuses from record to record. Empties `rows`.
    func blendProbabilities(
        rows: inout FeatureRowSet, cueConfidences: KindVector, into confidences: inout KindVector, scores: inout [Double]
    ) {
        scores.removeAll(keepingCapacity: true)
        scores.append(contentsOf: bias)
        let width = kinds.count
        scores.withUnsafeMutableBufferPointer { scores in
            weightRows.withUnsafeBufferPointer { weights in
                // In row order, which is the order of the features' hashes: the float sums are those of the sorted path.
                rows.removeAll { row in
                    for index in 0..<width { scores[index] += weights[row * width + index] }
                }
                addCueWeights(cueConfidences, weights: weights, to: scores)
            }
        }
        blend(scores, into: &confidences)
    }

    private func addCueWeights(_ cueConfidences: KindVector, weights: UnsafeBufferPointer<Double>, to scores: UnsafeMutableBufferPointer<Double>) {
        let width = kinds.count
        // In a fixed order, so that the float sums do not depend on a dictionary's iteration order.
        for kind in FeedbackKind.allCases {
            guard let confidence = cueConfidences[kind], let row = cueRowOfOrdinal[kind.ordinal] else { continue }
            for index in 0..<width { scores[index] += weights[row * width + index] * confidence }
        }
    }

    private func blend(_ scores: [Double], into confidences: inout KindVector) {
        for (index, kind) in kinds.enumerated() {
            let probability = 1 / (1 + exp(-scores[index]))
            let blend = blendOfColumn[index]
            let blended = (1 - blend) * (confidences[kind] ?? 0) + blend * probability
            confidences[kind] = thresholdOfColumn[index].map { Self.rescale(blended, threshold: $0) } ?? blended
        }
    }

    /// The side the decision step puts a record on, from the kinds' blended `confidences` (as `blendProbabilities`
    /// leaves them), the cues' confidences and the sentiment `compound`; nil when the model has no step.
    func side(confidences: KindVector, cueConfidences: KindVector, compound: Double) -> KindSide? {
        guard let step = sideStep else { return nil }
        let width = step.sides.count
        // Inline (a file has three sides): an array here was a heap allocation a record.
        var scores = SIMD4<Double>()
        for column in 0..<width { scores[column] = step.bias[column] }
        var feature = 0
        func add(_ value: Double) {
            if value != 0 { for column in 0..<width { scores[column] += step.weights[feature * width + column] * value } }
            feature += 1
        }
        var problem = 0.0
        for kind in kinds {
            let confidence = confidences[kind] ?? 0
            add(confidence)
            if KindClassifier.isProblem(kind) { problem = max(problem, confidence) }
        }
        add(problem)
        add(cueConfidences[.praise] ?? 0)
        add(cueConfidences[.question] ?? 0)
        add(max(compound, 0))
        add(max(-compound, 0))
        // The first of equal scores, as scikit-learn's argmax picks.
        var best = 0
        for column in 1..<width where scores[column] > scores[best] { best = column }
        return step.sides[best]
    }

    /// `confidence` mapped piecewise linearly so that `threshold` becomes `KindClassifier.threshold` and 0 and 1
    /// stay where they are: the order of confidences within a kind does not change.
    static func rescale(_ confidence: Double, threshold: Double) -> Double {
        let target = KindClassifier.threshold
        return confidence < threshold
            ? confidence / threshold * target
            : target + (confidence - threshold) / (1 - threshold) * (1 - target)
    }

    private func logits(_ text: AnalyzedText, cueConfidences: KindVector) -> [Double] {
        var scores = bias
        var hashes: [UInt64] = []
        KindFeatures.featureHashes(of: text, into: &hashes)
        addWeights(of: hashes, cueConfidences: cueConfidences, to: &scores)
        return scores
    }

    /// Adds to `scores` the weights of the features hashed `hashes` and of the cues' confidences.
    private func addWeights(of hashes: [UInt64], cueConfidences: KindVector, to scores: inout [Double]) {
        let width = kinds.count
        scores.withUnsafeMutableBufferPointer { scores in
            weightRows.withUnsafeBufferPointer { weights in
                for feature in hashes {
                    guard let row = rows.row(feature) else { continue }
                    for index in 0..<width { scores[index] += weights[row * width + index] }
                }
                addCueWeights(cueConfidences, weights: weights, to: scores)
            }
        }
    }
}

/// A set of a model's feature rows, one bit each, read back in row order: a text's features deduplicated and
/// ordered without sorting them.
struct FeatureRowSet {
    private var words: [UInt64] = []
    /// The range of words that may hold a bit.
    private var low = Int.max, high = -1

    init(rowCount: Int) { words = Array(repeating: 0, count: (rowCount + 63) / 64) }

    /// Writes rows into a set's words in place.
    struct Inserter {
        fileprivate let words: UnsafeMutableBufferPointer<UInt64>
        fileprivate var low: Int, high: Int

        @inline(__always)
        mutating func insert(_ row: Int32) {
            let word = Int(row) >> 6
            words[word] |= 1 << UInt64(row & 63)
            low = min(low, word)
            high = max(high, word)
        }
    }

    /// Calls `body` with an inserter into the set: inserting through the array checked its uniqueness per row.
    @inline(__always)
    mutating func insert(_ body: (inout Inserter) -> Void) {
        var low = self.low, high = self.high
        words.withUnsafeMutableBufferPointer { words in
            var inserter = Inserter(words: words, low: low, high: high)
            body(&inserter)
            low = inserter.low
            high = inserter.high
        }
        self.low = low
        self.high = high
    }

    /// Calls `body` with each row, in increasing order, and empties the set.
    @inline(__always)
    mutating func removeAll(_ body: (Int) -> Void) {
        guard low <= high else { return }
        for word in low...high {
            var bits = words[word]
            words[word] = 0
            while bits != 0 {
                body(word << 6 | bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        low = .max
        high = -1
    }
}

/// Feature hash → weight row, open addressing on the hash itself (already FNV-mixed): a dictionary re-hashed
/// every 64-bit key with SipHash.
struct FeatureRows: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private let mask: Int

    init(_ rows: [UInt64: Int]) {
        var size = 16
        while size < rows.count * 2 { size *= 2 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
        for (key, row) in rows.sorted(by: { $0.key < $1.key }) {
            var slot = Self.start(key, mask)
            while values[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = Int32(row)
        }
    }

    @inline(__always)
    private static func start(_ key: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: (key ^ (key >> 29)) & UInt64(mask)) }

    func row(_ key: UInt64) -> Int? {
        var slot = Self.start(key, mask)
        while values[slot] >= 0 {
            if keys[slot] == key { return Int(values[slot]) }
            slot = (slot + 1) & mask
        }
        return nil
    }
}
