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
        // Lines and fields are cut on bytes: splitting the 6,000-line file by Characters took 70 ms a start.
        for fields in Self.rows(of: text) {
            guard fields.count >= 2, !fields[0].hasPrefix("#") else { continue }
            let values = fields.dropFirst()
            switch fields[0] {
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
            default:
                let row = values.compactMap { Double($0) }
                guard row.count == kinds.count, !kinds.isEmpty else { return nil }
                weights[String(fields[0])] = row
            }
        }
        guard !kinds.isEmpty, bias.count == kinds.count else { return nil }
        self.kinds = kinds
        self.blend = blend
        self.blendOfKind = blendOfKind
        self.thresholdOfKind = thresholdOfKind
        self.language = language
        self.bias = bias
        var rowOfFeature: [UInt64: Int] = [:]
        var weightRows: [Double] = []
        var cueRows: [FeedbackKind: Int] = [:]
        for (feature, row) in weights.sorted(by: { $0.key < $1.key }) {
            let index = weightRows.count / kinds.count
            rowOfFeature[KindFeatures.hash(feature.utf8)] = index
            weightRows += row
            if feature.hasPrefix("cue:"), let kind = FeedbackKind(rawValue: String(feature.dropFirst(4))) { cueRows[kind] = index }
        }
        self.rows = FeatureRows(rowOfFeature)
        self.weightRows = weightRows
        self.blendOfColumn = kinds.map { blendOfKind[$0] ?? blend }
        self.thresholdOfColumn = kinds.map { thresholdOfKind[$0] }
        self.cueRowOfOrdinal = FeedbackKind.allCases.map { cueRows[$0] }
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

    /// `blendProbabilities(_:cueConfidences:into:)` with the word hashes of `KindFeatures.featureHashes` from
    /// `wordHashes`, and `hashes` and `scores` as buffers a worker reuses from record to record.
    func blendProbabilities(
        _ text: AnalyzedText, cueConfidences: KindVector, into confidences: inout KindVector, hashes: inout [UInt64],
        scores: inout [Double], wordHashes: (Int, Bool) -> (feature: UInt64, pairStart: UInt64)
    ) {
        KindFeatures.featureHashes(of: text, into: &hashes, wordHashes: wordHashes)
        scores.removeAll(keepingCapacity: true)
        scores.append(contentsOf: bias)
        addWeights(of: hashes, cueConfidences: cueConfidences, to: &scores)
        blend(scores, into: &confidences)
    }

    private func blend(_ scores: [Double], into confidences: inout KindVector) {
        for (index, kind) in kinds.enumerated() {
            let probability = 1 / (1 + exp(-scores[index]))
            let blend = blendOfColumn[index]
            let blended = (1 - blend) * (confidences[kind] ?? 0) + blend * probability
            confidences[kind] = thresholdOfColumn[index].map { Self.rescale(blended, threshold: $0) } ?? blended
        }
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
        for feature in hashes {
            guard let row = rows.row(feature) else { continue }
            for index in 0..<width { scores[index] += weightRows[row * width + index] }
        }
        // In a fixed order, so that the float sums do not depend on a dictionary's iteration order.
        for kind in FeedbackKind.allCases {
            guard let confidence = cueConfidences[kind], let row = cueRowOfOrdinal[kind.ordinal] else { continue }
            for index in 0..<width { scores[index] += weightRows[row * width + index] * confidence }
        }
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
