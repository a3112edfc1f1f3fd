import Foundation
import Testing
@testable import SiftCore

/// The scorer's own rounding, which must give the bits `rounded()` gives.
struct ScoringRunArithmeticTests {
    /// Values spread over the ranges scores take and past them, from a fixed sequence (the same on every run).
    static func samples(count: Int, scale: Double) -> [Double] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let unit = Double(state >> 11) / Double(1 << 53)
            return (unit * 2 - 1) * scale
        }
    }

    static let edges: [Double] = [
        0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994, 0.3, -0.3, 1, -1,
        0x1p52, -0x1p52, 0x1p52 - 0.5, 0x1p53 + 2, 1e300, -1e300, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
        0x1p-55, -0x1p-55, .infinity, -.infinity, .nan,
    ]

    @Test func roundingHalfAwayMatchesRounded() {
        let values = Self.edges + Self.samples(count: 100_000, scale: 20_000) + Self.samples(count: 20_000, scale: 3)
        let different = values.filter { x in
            let ours = ScoringRun.roundedHalfAway(x)
            return ours.bitPattern != x.rounded().bitPattern && !(x.isNaN && ours.isNaN)
        }
        #expect(different.isEmpty, "\(different.prefix(5))")
    }

    @Test func roundedShareMatchesRounded() {
        // Shares in thousandths: every half and its neighbours, and spread values, plus the ones it hands over.
        let halves = (0...1000).flatMap { k -> [Double] in
            let half = Double(k) + 0.5
            return [half, half.nextUp, half.nextDown, Double(k), Double(k).nextUp, Double(k).nextDown]
        }
        let values = Self.edges + halves + Self.samples(count: 100_000, scale: 1000).map(\.magnitude) + [1000.4, 1000.5, 1e6]
        let different = values.filter { x in
            let ours = ScoringRun.roundedShare(x)
            return ours.bitPattern != x.rounded().bitPattern && !(x.isNaN && ours.isNaN)
        }
        #expect(different.isEmpty, "\(different.prefix(5))")
    }

    @Test func roundingKeepsTheSignOfZero() {
        #expect(ScoringRun.roundedHalfAway(-0.3).sign == .minus)
        #expect(ScoringRun.roundedHalfAway(0.3).sign == .plus)
    }

    static func tanhInTenThousandths(_ y: Double) -> Double {
        ScoringRun.powersOfTwoInThirtySeconds.withUnsafeBufferPointer { ScoringRun.tanhInTenThousandths(y, powersOfTwo: $0.baseAddress!) }
    }

    /// Whether `tanhInTenThousandths` gives the bits of libm's `tanh` rounded, for `y` and the doubles just around it.
    static func tanhMismatches(around y: Double, steps: Int) -> [Double] {
        var values: [Double] = [y]
        var up = y, down = y
        for _ in 0..<steps {
            up = up.nextUp
            down = down.nextDown
            values += [up, down]
        }
        // And steps of ~1e-12 either way: the scaled value moves ~1e-8 across them, over the shortcut's margin.
        values += (1...30).flatMap { m in [y + Double(m) * 1e-12, y - Double(m) * 1e-12] }
        return values.filter { x in
            let ours = Self.tanhInTenThousandths(x)
            return ours.bitPattern != ScoringRun.tanhInTenThousandthsByLibm(x).bitPattern && !(x.isNaN && ours.isNaN)
        }
    }

    @Test func tanhInTenThousandthsMatchesLibmAtEveryRoundingBoundary() {
        // Each y where tanh(y) × 10,000 is a whole number and a half: the rounding turns there, and there the
        // shortcut must hand over to `tanh` (or agree with it) on both sides.
        var different: [Double] = []
        for k in 0..<10_000 {
            let boundary = atanh((Double(k) + 0.5) / 10_000)
            different += Self.tanhMismatches(around: boundary, steps: 40)
            different += Self.tanhMismatches(around: -boundary, steps: 40)
        }
        #expect(different.isEmpty, "\(different.prefix(5))")
    }

    @Test func expOfNegativeIsWithinItsBound() {
        // The bound `tanhInTenThousandths` relies on: 1e-14 relative, with room to spare.
        let values = Self.samples(count: 100_000, scale: 20).map { -2 * $0.magnitude } + [-39.99, -1e-300, -0x1p-1074, -0.5, -0.0108, -0.0109]
        let worst = ScoringRun.powersOfTwoInThirtySeconds.withUnsafeBufferPointer { powers in
            values.map { x in abs(ScoringRun.expOfNegative(x, powersOfTwo: powers.baseAddress!) / exp(x) - 1) }.max() ?? 0
        }
        #expect(worst < 1e-14, "\(worst)")
    }

    @Test func tanhInTenThousandthsMatchesLibmOnScores() {
        // Sentence and record sums over 3.5, as `squash` divides them, and values past every branch.
        let values = Self.edges + [19.999999999999996, 20, -20, 22, 0x1p-30, -0x1p-30]
            + Self.samples(count: 200_000, scale: 8) + Self.samples(count: 50_000, scale: 30)
        let different = values.filter { x in
            let ours = Self.tanhInTenThousandths(x)
            return ours.bitPattern != ScoringRun.tanhInTenThousandthsByLibm(x).bitPattern && !(x.isNaN && ours.isNaN)
        }
        #expect(different.isEmpty, "\(different.prefix(5))")
        #expect(Self.tanhInTenThousandths(-0.0).sign == .minus)
        #expect(Self.tanhInTenThousandths(1e-9).bitPattern == 0.0.bitPattern)
        #expect(Self.tanhInTenThousandths(-1e-9).bitPattern == (-0.0).bitPattern)
    }
}

/// The memo's expression candidates, kept for all words in one array.
struct ScorerWordMemoCandidateTests {
    func candidates(_ keyed: [Int], single: Int = -1) -> PhraseCandidates {
        var candidates = PhraseCandidates()
        candidates.keyed = keyed
        candidates.single = single
        return candidates
    }

    func insert(_ word: String, _ candidates: PhraseCandidates, into memo: inout ScorerWordMemo) -> Int {
        memo.insert(absent: word, foldedHash: WordHash.of(word), stem: word, stemHash: WordHash.of(word), facts: TokenFacts(),
                    phrases: candidates)
    }

    func phrases(_ memo: ScorerWordMemo, _ k: Int) -> (keyed: [Int], single: Int) {
        memo.withPhrases(k) { keyed, single, _ in (Array(keyed), single) }
    }

    @Test func secondWordFilterHoldsEveryKeyedSecondWord() {
        var memo = ScorerWordMemo(capacity: 16)
        let seconds = ["it", "bad", "good", "working", "the", "worth", "fixed", "sure"].map { WordHash.of($0) }
        // Hashes on each bit of the filter's 256 (bits 6–13 of the hash), and the words' own.
        let spread = (0..<256).map { $0 << 6 | 0x15 }
        _ = insert("app", candidates([], single: 7), into: &memo)
        let k = insert("not", candidates(seconds.flatMap { [$0, 1] } + spread.prefix(3).flatMap { [$0, 2] }), into: &memo)
        let j = insert("no", candidates(spread.suffix(1).flatMap { [$0, 3] }), into: &memo)
        memo.withPhrases(k) { _, _, filter in
            for hash in seconds + spread.prefix(3) { #expect(filter.mayHold(hash)) }
            // The three spread hashes and the words' set at most 11 of 256 bits: most others are turned away.
            #expect(spread.filter { filter.mayHold($0) }.count <= 11)
        }
        // Each word's filter is its own: "no" holds only the last bit, which "not" lacks unless a word's hash set it.
        memo.withPhrases(j) { _, _, filter in
            #expect(filter.mayHold(spread[255]))
            #expect(spread.filter { filter.mayHold($0) } == [spread[255]])
        }
        #expect(phrases(memo, k).keyed.count == 2 * (seconds.count + 3) && phrases(memo, j).keyed == [spread[255], 3])
    }

    @Test func eachWordReadsItsOwnCandidates() {
        var memo = ScorerWordMemo(capacity: 16)
        let a = insert("not", candidates([11, 1, 12, 2]), into: &memo)
        let b = insert("app", candidates([], single: 7), into: &memo)
        let c = insert("can't", candidates([13, 3]), into: &memo)
        #expect(phrases(memo, a).keyed == [11, 1, 12, 2] && phrases(memo, a).single == -1)
        #expect(phrases(memo, b).keyed == [] && phrases(memo, b).single == 7)
        #expect(phrases(memo, c).keyed == [13, 3] && phrases(memo, c).single == -1)
    }

    @Test func candidatesStartOverWithTheMemo() {
        var memo = ScorerWordMemo(capacity: 16)
        var last = -1
        for n in 0...ScorerWordMemo.limit {
            last = insert("w\(n)", candidates([n, n + 1]), into: &memo)
        }
        // The memo started over at its limit: the last word is the first of the new table, with its own candidates.
        #expect(last == 0)
        #expect(phrases(memo, last).keyed == [ScorerWordMemo.limit, ScorerWordMemo.limit + 1])
    }

    @Test func placeTellsResolvedOtherStemAndAbsent() {
        var memo = ScorerWordMemo(capacity: 16)
        let k = memo.insert(absent: "loved", foldedHash: WordHash.of("loved"), stem: "love", stemHash: WordHash.of("love"),
                            facts: TokenFacts(), phrases: candidates([]))
        #expect(memo.place(folded: "loved", foldedHash: WordHash.of("loved"), stem: "love", stemHash: WordHash.of("love")) == .resolved(k))
        #expect(memo.place(folded: "loved", foldedHash: WordHash.of("loved"), stem: "loved", stemHash: WordHash.of("loved")) == .otherStem)
        #expect(memo.place(folded: "hated", foldedHash: WordHash.of("hated"), stem: "hate", stemHash: WordHash.of("hate")) == .absent)
    }

    @Test func idSlotsGrowAndStayEmptyUntilRemembered() {
        var memo = ScorerWordMemo(capacity: 16)
        let k = insert("app", candidates([]), into: &memo)
        let j = insert("crash", candidates([]), into: &memo)
        memo.remember(id: 3, space: 7, j)
        memo.remember(id: 1_000, space: 7, k)
        // Slots remembered before the slots grew keep their facts.
        #expect(memo.find(id: 3, space: 7)?.memoIndex == Int32(j))
        #expect(memo.find(id: 1_000, space: 7)?.memoIndex == Int32(k))
        #expect(memo.find(id: 999, space: 7) == nil)
        #expect(memo.find(id: 1_000, space: 8) == nil)
        #expect(memo.find(id: 5_000, space: 7) == nil)
        // A text without a memo's space (0) and a word without an id (-1) are missed by `find` itself: the slots
        // added by growing are in no space a text has.
        #expect(memo.find(id: 999, space: 0) == nil)
        #expect(memo.find(id: 0, space: 0) == nil)
        #expect(memo.find(id: -1, space: 7) == nil)
        #expect(memo.find(id: Int32.min, space: 7) == nil)
    }
}

/// The run's plain buffers: appends after a reservation, growth, and emptying that keeps the storage.
struct PlainBufferTests {
    @Test func appendsAfterAReservationKeepEveryElement() {
        var buffer = PlainBuffer<Int>()
        buffer.reserveCapacity(100)
        for n in 0..<100 { buffer.appendReserved(n * 3) }
        #expect(Array(buffer) == (0..<100).map { $0 * 3 })
        buffer.removeAll()
        #expect(buffer.isEmpty)
        // Room reserved once serves again after emptying.
        for n in 0..<100 { buffer.appendReserved(-n) }
        #expect(buffer.count == 100 && buffer[99] == -99)
    }

    @Test func appendsGrowPastTheFirstStorage() {
        var buffer = PlainBuffer<Int>()
        for n in 0..<1_000 { buffer.append(n) }
        #expect(Array(buffer) == Array(0..<1_000))
        buffer.reserveCapacity(5_000)
        buffer.appendReserved(7)
        #expect(buffer.count == 1_001 && buffer.last == 7 && buffer.first == 0)
    }
}
