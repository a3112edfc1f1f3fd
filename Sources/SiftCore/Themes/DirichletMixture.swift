import Foundation

/// Clusters short documents of term ids with the Dirichlet multinomial mixture by collapsed Gibbs sampling
/// (GSDMM, Yin & Wang, KDD 2014); the number of clusters is inferred below an upper bound.
///
/// Each document belongs to one cluster; a cluster that loses its last document dies and can be reborn.
/// The result depends only on the documents in the order given (the caller orders them by content), the
/// parameters and the seed — never on threads: sampling is sequential, only the read-only assignment of
/// documents beyond `fitLimit` runs in parallel, each document on its own.
public struct DirichletMixture: Sendable {
    /// Upper bound on the number of clusters (the model's K).
    public var maxClusters: Int
    /// Prior weight of a cluster: small values make documents join big clusters.
    public var alpha: Double
    /// Prior weight of a term in a cluster: small values make clusters share few terms.
    public var beta: Double
    public var iterations: Int
    public var seed: UInt64
    /// Documents sampled at most; the rest are put in their most likely cluster once the model is fitted.
    public var fitLimit: Int
    /// Term occurrences per document the model reads at most (long texts would underflow the likelihood).
    public var maxTermsPerDocument: Int

    public init(
        maxClusters: Int = 300, alpha: Double = 0.1, beta: Double = 0.1, iterations: Int = 20,
        seed: UInt64 = 0x5EED_0F_5EED, fitLimit: Int = 20_000, maxTermsPerDocument: Int = 40
    ) {
        self.maxClusters = max(1, maxClusters)
        self.alpha = alpha
        self.beta = beta
        self.iterations = max(1, iterations)
        self.seed = seed
        self.fitLimit = max(1, fitLimit)
        self.maxTermsPerDocument = max(1, maxTermsPerDocument)
    }

    /// The fitted counts: enough to score a document against every living cluster.
    public struct Model: Sendable {
        public let clusterCount: Int
        public let vocabularySize: Int
        /// Documents per cluster.
        public fileprivate(set) var documents: [Int32]
        /// Term occurrences per cluster.
        public fileprivate(set) var words: [Int32]
        /// Occurrences of term `w` in cluster `z` at `rowOf[w] * clusterCount + z` (term-major, so one term's row is
        /// contiguous).
        public fileprivate(set) var termCounts: [Int32]
        /// Clusters `0..<used` may hold documents; every cluster from `used` on is empty. Compacting the living
        /// clusters to the front after each sweep lets scoring skip the dead ones (exact: empty clusters are
        /// interchangeable, so they are scored once, as a pool).
        public fileprivate(set) var used: Int
        /// The row of each term in `termCounts`; terms the fit never saw share the last row, all zeros. A term of
        /// one sample document only has no row: `rowOf` is then `-1 - s`, its count held at `lone[s]`.
        let rowOf: [Int32]
        /// Terms of exactly one document of the sample, by `-1 - rowOf[term]`: that document's count of the term and
        /// its cluster. A row of K counts for each of them would hold one non-zero count at most, and random or
        /// misspelt words are mostly such terms (a 20,000-document sample of random words took 200 MB of rows).
        /// While sampling, such a term's only document is out of every cluster whenever it is scored, so its counts
        /// read zero then, as its row's would; its cluster is set once the fit ends (-1 until then).
        fileprivate(set) var lone: [LoneTerm]
        let alpha: Double
        let beta: Double
        /// The longest document the model reads (longer ones were cut).
        let maxLength: Int
        /// The GSDMM denominator of each cluster for each document length: the product of `words[z] + Vβ + i`
        /// for `i` in `0..<length`, at `length * clusterCount + z`. Kept up to date as words move, so scoring
        /// divides once instead of multiplying out `length` factors for every cluster.
        fileprivate var denominators: [Double] = []

        /// Count of term `term` in cluster `cluster`.
        public func count(term: Int, cluster: Int) -> Int {
            let row = Int(rowOf[term])
            guard row < 0 else { return Int(termCounts[row * clusterCount + cluster]) }
            let term = lone[-1 - row]
            return Int(term.cluster) == cluster ? Int(term.count) : 0
        }
    }

    /// A term of one sample document: its count there, and the cluster that document ended in.
    struct LoneTerm: Sendable {
        var cluster: Int32
        var count: UInt16
    }

    /// A cluster for each document (nil for a document without terms) and the fitted model.
    /// - Parameters:
    ///   - documents: term ids in `0..<vocabularySize`, repeated for repeated terms.
    public func cluster(_ documents: [[UInt32]], vocabularySize: Int, threads: Int = 1) -> (assignments: [Int?], model: Model) {
        let (assignments, model) = clusterPacked(ChunkedLists(PackedLists(documents)), vocabularySize: vocabularySize, threads: threads)
        return (assignments.map { $0 < 0 ? nil : Int($0) }, model)
    }

    /// The same as `cluster`, over packed lists, with −1 for a document without terms (a million optionals are
    /// twice the memory of 32-bit ids).
    func clusterPacked(_ documents: ChunkedLists, vocabularySize: Int, threads: Int = 1) -> (assignments: [Int32], model: Model) {
        let K = maxClusters
        // The sample's clusters, by position in the sample (`assignment[k]` is document `fitted[k]`'s).
        var assignment: [Int] = []
        var fitted: [Int] = []
        var firstUnfitted = documents.count
        // Compact forms of the sample only (`fitDocs[k]` is document `fitted[k]`); the documents beyond it are
        // compacted one at a time as they are scored, rather than a million of them held at once.
        var fitDocs: [CompactDocument] = []
        var terms: [UInt32] = []
        for d in 0..<documents.count {
            documents.kept(d, into: &terms)
            if terms.isEmpty { continue }
            if fitted.count == fitLimit { firstUnfitted = d; break }
            fitted.append(d)
            fitDocs.append(CompactDocument(terms, cap: maxTermsPerDocument))
        }
        // Only terms of the sample are ever counted: the others share one row of zeros, so the table is as large
        // as the sample's vocabulary, not the language's (a row of K counts for each of tens of thousands of words).
        // Terms of one sample document get no row (`Model.lone`): a document's terms are distinct, so a term is
        // in two documents when it is seen twice.
        var seen = [UInt8](repeating: 0, count: max(1, vocabularySize))
        for doc in fitDocs { for w in doc.terms where seen[Int(w)] < 2 { seen[Int(w)] += 1 } }
        var rowOf = [Int32](repeating: .max, count: max(1, vocabularySize))
        var rows: Int32 = 0
        var lone: [LoneTerm] = []
        var loneDocument: [Int32] = []
        for (k, doc) in fitDocs.enumerated() {
            for (w, c) in zip(doc.terms, doc.counts) where seen[Int(w)] != 0 {
                if seen[Int(w)] == 2 {
                    rowOf[Int(w)] = rows
                    rows += 1
                } else {
                    rowOf[Int(w)] = -1 - Int32(lone.count)
                    lone.append(LoneTerm(cluster: -1, count: c))
                    loneDocument.append(Int32(k))
                }
                seen[Int(w)] = 0
            }
        }
        seen = []
        for w in rowOf.indices where rowOf[w] == .max { rowOf[w] = rows }
        var model = Model(
            clusterCount: K, vocabularySize: vocabularySize, documents: Array(repeating: 0, count: K),
            words: Array(repeating: 0, count: K), termCounts: Array(repeating: 0, count: (Int(rows) + 1) * K),
            used: 0, rowOf: rowOf, lone: lone, alpha: alpha, beta: beta, maxLength: maxTermsPerDocument)
        model.refreshAllDenominators()
        var rng = SplitMix64(seed: seed)
        var p = [Double](repeating: 0, count: K + 1)

        // Start as the paper does: every document in a uniformly drawn cluster. (Letting documents join one by one
        // converges faster but merges too much: 42 clusters instead of ~90 on the Tweet set.)
        for k in fitted.indices {
            let z = Int(rng.next() % UInt64(K))
            model.add(fitDocs[k], to: z)
            assignment.append(z)
        }
        for _ in 0..<iterations {
            for k in fitted.indices {
                let doc = fitDocs[k]
                model.remove(doc, from: assignment[k])
                let z = sample(doc, model: model, rng: &rng, probabilities: &p)
                model.add(doc, to: z)
                assignment[k] = z
            }
            model.compact(&assignment)
        }
        // One last sweep puts each document in its most likely cluster instead of a draw, so that a document
        // that fits its cluster badly by chance does not stay there.
        for k in fitted.indices {
            let doc = fitDocs[k]
            model.remove(doc, from: assignment[k])
            let z = model.mostLikely(doc, scores: &p) ?? assignment[k]
            model.add(doc, to: z)
            assignment[k] = z
        }
        // The lone terms' counts now sit where their documents ended.
        for (s, k) in loneDocument.enumerated() { model.lone[s].cluster = Int32(assignment[Int(k)]) }
        loneDocument = []
        // Documents beyond the sample: their most likely living cluster, scored independently of each other.
        fitDocs = []
        var result = [Int32](repeating: -1, count: documents.count)
        for (k, d) in fitted.enumerated() { result[d] = Int32(assignment[k]) }
        fitted = []
        assignment = []
        let restStart = firstUnfitted
        let restCount = documents.count - restStart
        if restCount > 0 {
            let frozen = model
            let slices = max(1, min(threads, restCount / 256 + 1))
            let per = (restCount + slices - 1) / slices
            result.withUnsafeMutableBufferPointer { buffer in
                let shared = UnsafeSendableBuffer(buffer)
                DispatchQueue.concurrentPerform(iterations: slices) { slice in
                    var scores = [Double](repeating: 0, count: K)
                    // Feedback repeats itself ("great app", "too many ads") and the caller orders documents by
                    // content, so a repeat mostly follows its twin: the previous document's cluster is reused.
                    var previous: (doc: CompactDocument, z: Int32)?
                    var terms: [UInt32] = []
                    let start = restStart + slice * per
                    for d in start..<min(documents.count, start + per) {
                        documents.kept(d, into: &terms)
                        if terms.isEmpty { continue }
                        let doc = CompactDocument(terms, cap: maxTermsPerDocument)
                        if let previous, previous.doc == doc {
                            shared.buffer[d] = previous.z
                        } else {
                            let z = Int32(frozen.mostLikely(doc, scores: &scores) ?? -1)
                            shared.buffer[d] = z
                            previous = (doc, z)
                        }
                    }
                }
            }
        }
        return (result, model)
    }

    /// Draws a cluster for `doc` from its conditional over all K clusters (empty ones included, as in the paper).
    private func sample(_ doc: CompactDocument, model: Model, rng: inout SplitMix64, probabilities p: inout [Double]) -> Int {
        let L = model.used
        var total = p.withUnsafeMutableBufferPointer { buffer in
            model.scoreAll(doc, into: buffer.baseAddress!)
            var sum = 0.0
            for z in 0..<L { sum += buffer[z] }
            return sum
        }
        let pool = L < model.clusterCount ? Double(model.clusterCount - L) * model.emptyWeight(doc) : 0
        total += pool
        var u = rng.nextUnit() * total
        for z in 0..<L {
            u -= p[z]
            if u < 0 { return z }
        }
        return L < model.clusterCount ? L : L - 1
    }
}

extension DirichletMixture.Model {
    fileprivate mutating func add(_ doc: CompactDocument, to z: Int) {
        if z >= used { used = z + 1 }
        documents[z] += 1
        words[z] += Int32(doc.length)
        for (w, c) in zip(doc.terms, doc.counts) where rowOf[Int(w)] >= 0 {
            termCounts[Int(rowOf[Int(w)]) * clusterCount + z] += Int32(c)
        }
        refreshDenominators(z)
    }

    /// Recomputes cluster `z`'s denominators, each as the same running product scoring used to take.
    fileprivate mutating func refreshDenominators(_ z: Int) {
        let nz = Double(words[z]) + Double(vocabularySize) * beta
        let K = clusterCount
        denominators.withUnsafeMutableBufferPointer { d in
            var product = 1.0
            d[z] = product
            for length in 1...maxLength {
                product *= nz + Double(length - 1)
                d[length * K + z] = product
            }
        }
    }

    fileprivate mutating func refreshAllDenominators() {
        if denominators.count != (maxLength + 1) * clusterCount {
            denominators = Array(repeating: 1, count: (maxLength + 1) * clusterCount)
        }
        for z in 0..<clusterCount { refreshDenominators(z) }
    }

    /// Renumbers the living clusters `0..<L` in their current order and rewrites `assignment` to match.
    fileprivate mutating func compact(_ assignment: inout [Int]) {
        var newIndex = [Int](repeating: -1, count: clusterCount)
        var living = 0
        for z in 0..<used where documents[z] > 0 {
            newIndex[z] = living
            living += 1
        }
        guard living < used else { return }
        for z in 0..<used where newIndex[z] >= 0 && newIndex[z] != z {
            let n = newIndex[z]
            documents[n] = documents[z]
            words[n] = words[z]
        }
        for z in living..<used { documents[z] = 0; words[z] = 0 }
        termCounts.withUnsafeMutableBufferPointer { counts in
            var row = 0
            while row < counts.count {
                for z in 0..<used where newIndex[z] >= 0 && newIndex[z] != z { counts[row + newIndex[z]] = counts[row + z] }
                for z in living..<used { counts[row + z] = 0 }
                row += clusterCount
            }
        }
        for d in assignment.indices where assignment[d] >= 0 { assignment[d] = newIndex[assignment[d]] }
        used = living
        refreshAllDenominators()
    }

    fileprivate mutating func remove(_ doc: CompactDocument, from z: Int) {
        documents[z] -= 1
        words[z] -= Int32(doc.length)
        for (w, c) in zip(doc.terms, doc.counts) where rowOf[Int(w)] >= 0 {
            termCounts[Int(rowOf[Int(w)]) * clusterCount + z] -= Int32(c)
        }
        refreshDenominators(z)
    }

    /// The unnormalised probability that `doc` belongs to each cluster (the GSDMM conditional without its
    /// constants), written into `p[0..<clusterCount]`; term-major rows keep the inner loops contiguous.
    fileprivate func scoreAll(_ doc: CompactDocument, into p: UnsafeMutablePointer<Double>) {
        let K = clusterCount
        let L = used
        documents.withUnsafeBufferPointer { m in
            for z in 0..<L { p[z] = Double(m[z]) + alpha }
        }
        termCounts.withUnsafeBufferPointer { counts in
            for (w, c) in zip(doc.terms, doc.counts) {
                let r = Int(rowOf[Int(w)])
                guard r < 0 else {
                    let row = counts.baseAddress! + r * K
                    for j in 0..<Int(c) {
                        let add = beta + Double(j)
                        for z in 0..<L { p[z] *= Double(row[z]) + add }
                    }
                    continue
                }
                // A lone term: a row of zeros but for its document's cluster, multiplied as that row would be.
                let term = lone[-1 - r]
                let holder = Int(term.cluster)
                for j in 0..<Int(c) {
                    let add = beta + Double(j)
                    let held = holder >= 0 && holder < L ? p[holder] : 0
                    for z in 0..<L { p[z] *= add }
                    if holder >= 0 && holder < L { p[holder] = held * (Double(term.count) + add) }
                }
            }
        }
        // One division per cluster by the denominator kept for this length: the same value the product of
        // `length` factors gives, taken once when the cluster last changed.
        guard doc.length <= maxLength else {
            // A document cut at a larger cap than the model's (the public entry points take one).
            let vBeta = Double(vocabularySize) * beta
            for z in 0..<L {
                let nz = Double(words[z]) + vBeta
                var denominator = 1.0
                for i in 0..<doc.length { denominator *= nz + Double(i) }
                p[z] /= denominator
            }
            return
        }
        denominators.withUnsafeBufferPointer { d in
            let row = d.baseAddress! + doc.length * K
            for z in 0..<L { p[z] /= row[z] }
        }
    }

    /// The living cluster with the highest weight for `doc` (lowest index on ties); nil when none lives.
    fileprivate func mostLikely(_ doc: CompactDocument, scores: inout [Double]) -> Int? {
        if scores.count < clusterCount { scores = Array(repeating: 0, count: clusterCount) }
        scores.withUnsafeMutableBufferPointer { scoreAll(doc, into: $0.baseAddress!) }
        var best: Int?
        var bestValue = -Double.infinity
        for z in 0..<used where documents[z] > 0 && scores[z] > bestValue {
            bestValue = scores[z]
            best = z
        }
        return best
    }

    /// The weight of any one empty cluster for `doc`.
    fileprivate func emptyWeight(_ doc: CompactDocument) -> Double {
        let vBeta = Double(vocabularySize) * beta
        var value = alpha
        for c in doc.counts { for j in 0..<Int(c) { value *= beta + Double(j) } }
        for i in 0..<doc.length { value /= vBeta + Double(i) }
        return value
    }

    /// The weight of one cluster for `doc`.
    fileprivate func weight(_ doc: CompactDocument, cluster z: Int) -> Double {
        let vBeta = Double(vocabularySize) * beta
        var value = Double(documents[z]) + alpha
        for (w, c) in zip(doc.terms, doc.counts) {
            let n = Double(count(term: Int(w), cluster: z)) + beta
            for j in 0..<Int(c) { value *= n + Double(j) }
        }
        let nz = Double(words[z]) + vBeta
        for i in 0..<doc.length { value /= nz + Double(i) }
        return value
    }

    /// The log-weight of a document given as term ids: how well a cluster explains it (for outlier tests and quotes).
    public func logWeight<Terms: Collection<UInt32>>(_ terms: Terms, cluster z: Int, cap: Int = 40) -> Double {
        let doc = CompactDocument(terms, cap: cap)
        return Foundation.log(weight(doc, cluster: z))
    }

    /// The living cluster most likely for a document given as term ids (lowest index on ties).
    public func mostLikely(_ terms: [UInt32], cap: Int = 40) -> Int? {
        var scratch: [Double] = []
        return mostLikely(CompactDocument(terms, cap: cap), scores: &scratch)
    }
}

/// A document as distinct terms with their counts.
struct CompactDocument: Sendable, Hashable {
    var terms: [UInt32]
    var counts: [UInt16]
    var length: Int

    init<Terms: Collection<UInt32>>(_ raw: Terms, cap: Int) {
        let kept = raw.prefix(cap)
        var order: [UInt32] = []
        var counts: [UInt16] = []
        for t in kept {
            if let i = order.firstIndex(of: t) { counts[i] += 1 } else { order.append(t); counts.append(1) }
        }
        terms = order
        self.counts = counts
        length = kept.count
    }
}

/// Slots written concurrently, each by exactly one iteration.
final class UnsafeSlots<T>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<T>
    init(count: Int, initial: T) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: initial)
    }
    deinit {
        storage.deinitialize()
        storage.deallocate()
    }
    subscript(i: Int) -> T {
        get { storage[i] }
        set { storage[i] = newValue }
    }
    var values: [T] { Array(storage) }
}
