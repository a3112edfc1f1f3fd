import ArgumentParser
import Foundation
import SiftCore
#if canImport(Glibc)
import Glibc
#endif

/// `sift sentiment`: scores one text, or one text per line of standard input.
struct SentimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment",
        abstract: "Score the sentiment of a text (compound -1…1 and positive/negative/neutral shares).",
        discussion: "With -, reads one text per line from standard input and writes one JSON line per text.")

    @Argument(help: "The text to score; - reads one text per line from standard input.")
    var text: String

    // The long names are spelled out: left to ArgumentParser, each is the property's name converted to snake case
    // every time it reads the command's arguments (three times a run, ~15,000 instructions a name).
    @Flag(name: .customLong("explain"), help: "Show each word's valence and the rule that changed it.")
    var explain = false

    @Option(name: .customLong("lexicon"), help: "Overlay your own lexicon: a file of 'term<TAB>valence' lines (repeatable).")
    var lexicons: [String] = []

    @Option(name: .customLong("language"), help: "Score in this language (ISO 639-1) instead of detecting it.")
    var language: String?

    @Option(name: .customLong("threads"), help: "Threads for scoring standard input (default: all cores); the output is the same for any number.")
    var threads: Int?

    func run() throws {
        let threads = try threadCount(threads)
        var overlays: [String] = []
        for path in lexicons {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("cannot read lexicon file '\(path)'")
            }
            overlays.append(String(decoding: data, as: UTF8.self))
        }
        let scorer: SentimentScorer
        do { scorer = try SentimentScorer(overlays: overlays) } catch { throw ValidationError(String(describing: error)) }
        let textAnalyzer = TextAnalyzer()
        let out = StreamWriter.standardOutput
        if text == "-" {
            let languageHint = language  // an option's getter per line showed in the profile
            let lines = ScoreLines(out: out)
            let failure: Int32?
            if threads == 1 {
                let analyzer = Self.lineWorker(textAnalyzer)
                // Storage and memos reused from line to line: no token or unit arrays are allocated per line.
                let scratch = UnsafeMutablePointer<SentimentScratch>.allocate(capacity: 1)
                scratch.initialize(to: SentimentScratch())
                var analyzed = AnalyzedText(text: "", tokens: [], sentences: [], language: "und", languageConfidence: 0)
                failure = forEachLine(of: 0, checkingUTF8: true) { line, isValidUTF8 in
                    lines.write(scorer.compoundScore(utf8: line, isValid: isValidUTF8, analyzer: analyzer, languageHint: languageHint,
                                                     analyzed: &analyzed, reusing: &scratch.pointee))
                }
                // The worker's and the scratch's memos (tens of thousands of words on a large input) are left for the
                // process's exit to reclaim: freed entry by entry they cost ~4.4 M instructions, 1 % of a 20,000-line run.
                _ = Unmanaged.passRetained(analyzer)
            } else {
                // Lines in batches, each scored on every core and written in input order.
                let batchScorer = SentimentBatchScorer(scorer: scorer, threads: threads, languageHint: languageHint) {
                    Self.lineWorker(textAnalyzer)
                }
                let batchSize = 4096 * threads
                var batch: [String] = []
                batch.reserveCapacity(batchSize)
                func flush() {
                    for score in batchScorer.scores(batch) { lines.write(score) }
                    batch.removeAll(keepingCapacity: true)
                }
                failure = forEachLine(of: 0) { line, _ in
                    batch.append(String(decoding: line, as: UTF8.self))
                    if batch.count == batchSize { flush() }
                }
                flush()
                // As above: the workers' memos are left for the process's exit to reclaim.
                _ = Unmanaged.passRetained(batchScorer)
            }
            lines.finish()
            if let failure {
                out.flush()
                printError("sift: reading standard input failed: \(String(cString: strerror(failure))); the lines before it are scored")
                throw SiftExit.input
            }
        } else {
            let result = scorer.score(textAnalyzer.makeWorker().analyze(text, languageHint: language))
            if explain {
                out.write(result.explanation() + "\n")
            } else {
                let s = result.score
                out.write("compound \(JSONWriter.format(s.compound, digits: 4))  positive \(JSONWriter.format(s.positive, digits: 3))  negative \(JSONWriter.format(s.negative, digits: 3))  neutral \(JSONWriter.format(s.neutral, digits: 3))\n")
            }
        }
        out.flush()
    }

    /// An analyzer worker for scoring lines of standard input.
    static func lineWorker(_ analyzer: TextAnalyzer) -> TextAnalyzerWorker {
        let worker = analyzer.makeWorker()
        // Only the lexicon depends on the language here: plain English text, and text in ASCII letters with no
        // word of another language sift knows, skips language identification. On the Google Play reviews the
        // first changes 6 of 20,000 scores, the second 2 more; of scripts/eval-sentiment's figures only the
        // held-out URR half moved, by one review (BENCHMARKS.md, "Speed of `sift sentiment -`" and "Session 8").
        worker.plainEnglishStopwords = TextAnalyzerWorker.sentimentPlainEnglishStopwords
        worker.plainEnglishKnownShare = TextAnalyzerWorker.sentimentPlainEnglishKnownShare
        return worker
    }

    /// Scores as JSON lines, written straight into a 64 KB block handed to the writer when full (appending each line
    /// to the writer's array went through a generic append: 260 instructions a line).
    // A class whose method the line loop calls with one reference: as a nested function its 20 captured words were
    // passed on the stack each line (~40 instructions).
    final class ScoreLines {
        let out: StreamWriter
        static let blockSize = 1 << 16
        // One JSON line is at most 4 numbers of ≤ 8 bytes and 45 bytes of keys, and a key's stores reach 16 bytes past
        // its start: 128 bytes past the block's size always hold it.
        let block = UnsafeMutablePointer<UInt8>.allocate(capacity: blockSize + 128)
        // Only the thread that reads the lines writes them: no run-time exclusivity check a line.
        @exclusivity(unchecked) var filled = 0
        // Scores lie in -1…1, whose digits are looked up in a table of each scaled value.
        let compoundDigits = ScaledDigits(digits: 4)
        let shareDigits = ScaledDigits(digits: 3)
        // The keys as 16-byte words, each stored with two 8-byte stores (copying the literals called memcpy five
        // times a line).
        let compoundKey = KeyBytes(#"{"compound":"#), positiveKey = KeyBytes(#","positive":"#)
        let negativeKey = KeyBytes(#","negative":"#), neutralKey = KeyBytes(#","neutral":"#), lineEnd = KeyBytes("}\n")

        init(out: StreamWriter) { self.out = out }

        deinit {
            block.deallocate()
            compoundDigits.deallocate()
            shareDigits.deallocate()
        }

        func write(_ score: SentimentScore) {
            // Scores lie in -1…1, whose digits the tables hold: a value outside them (never seen) takes the general
            // path, out of line, so this one makes no call (the general path inline had every line spill registers
            // for its calls, ~20 instructions).
            guard let compound = compoundDigits.tableEntry(score.compound), let positive = shareDigits.tableEntry(score.positive),
                  let negative = shareDigits.tableEntry(score.negative), let neutral = shareDigits.tableEntry(score.neutral)
            else { return writeAnyScore(score) }
            let jsonLine = block + filled
            // Each part is at most 16 bytes: the sums cannot overflow.
            var n = compoundKey.put(at: jsonLine)
            n &+= ScaledDigits.put(compound, at: jsonLine + n)
            n &+= positiveKey.put(at: jsonLine + n)
            n &+= ScaledDigits.put(positive, at: jsonLine + n)
            n &+= negativeKey.put(at: jsonLine + n)
            n &+= ScaledDigits.put(negative, at: jsonLine + n)
            n &+= neutralKey.put(at: jsonLine + n)
            n &+= ScaledDigits.put(neutral, at: jsonLine + n)
            n &+= lineEnd.put(at: jsonLine + n)
            finishLine(n)
        }

        /// `write` of a score with a value outside the digits' tables.
        @inline(never)
        private func writeAnyScore(_ score: SentimentScore) {
            let jsonLine = block + filled
            var n = compoundKey.put(at: jsonLine)
            n &+= compoundDigits.put(score.compound, at: jsonLine + n)
            n &+= positiveKey.put(at: jsonLine + n)
            n &+= shareDigits.put(score.positive, at: jsonLine + n)
            n &+= negativeKey.put(at: jsonLine + n)
            n &+= shareDigits.put(score.negative, at: jsonLine + n)
            n &+= neutralKey.put(at: jsonLine + n)
            n &+= shareDigits.put(score.neutral, at: jsonLine + n)
            n &+= lineEnd.put(at: jsonLine + n)
            finishLine(n)
        }

        /// Takes the `count` bytes of a line written at the block's end.
        @inline(__always)
        private func finishLine(_ count: Int) {
            filled &+= count
            if filled >= Self.blockSize { writeBlock() }
        }

        /// Writes the full block, out of line: with its call inline every line saved and restored six registers.
        @inline(never)
        private func writeBlock() {
            // Written from the block itself: copying it into the writer's buffer first cost 60 instructions a line.
            out.writeNow(UnsafeRawBufferPointer(start: block, count: filled))
            filled = 0
        }

        /// Hands what the block holds to the writer.
        func finish() {
            out.write(UnsafeBufferPointer(start: block, count: filled))
            filled = 0
        }
    }

    /// An ASCII literal of at most 16 bytes held as two words, written with two 8-byte stores.
    struct KeyBytes {
        let low: UInt64
        let high: UInt64
        let count: Int

        init(_ literal: StaticString) {
            precondition(literal.utf8CodeUnitCount <= 16)
            var bytes = [UInt8](repeating: 0, count: 16)
            for k in 0..<literal.utf8CodeUnitCount { bytes[k] = literal.utf8Start[k] }
            low = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 0, as: UInt64.self) }
            high = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self) }
            count = literal.utf8CodeUnitCount
        }

        /// Writes the literal at `p`, which has 16 bytes of room; returns its length.
        @inline(__always)
        func put(at p: UnsafeMutablePointer<UInt8>) -> Int {
            UnsafeMutableRawPointer(p).storeBytes(of: low, as: UInt64.self)
            UnsafeMutableRawPointer(p + 8).storeBytes(of: high, as: UInt64.self)
            return count
        }
    }

    /// Writes numbers rounded to `digits` (≤ 4) decimals, without trailing zeros ("0.25", "-1", "0"): the digits
    /// `JSONWriter.format` gives, written without Strings or Foundation, as this runs four times per line of a long
    /// pipe. The bytes of each scaled value -10^digits…10^digits, sign included, come from a table filled once, so a
    /// score costs one table read and one 8-byte store instead of a digit loop.
    struct ScaledDigits {
        let digits: Int
        let scale: Int
        // `scale` as a Double and 2 × `scale`, kept: converted and multiplied (with its overflow check) a number, they
        // were ~6 instructions of each.
        private let scaleAsDouble: Double
        private let span: UInt
        /// The bytes of scaled value `v`: the first bytes of `entries[scale + v]` as stored in memory (at most 7), their
        /// count in its top byte (one table read a number, not two: the count's byte is stored too, and the key that
        /// follows overwrites it). `2 × scale + 1` entries, freed by `deallocate()`.
        // Through a pointer: an array entry's read loaded the array and checked the index against its count, which
        // `tableEntry` has checked against `scale` already. The negative values have entries of their own, '-'
        // included: a sign's test, store and negation were ~5 instructions a number.
        private let entries: UnsafeMutablePointer<UInt64>

        init(digits: Int) {
            precondition(digits >= 1 && digits <= 4, "\"-0.\", the digits and their count fit in 8 bytes")
            self.digits = digits
            var scale = 1
            for _ in 0..<digits { scale &*= 10 }
            self.scale = scale
            scaleAsDouble = Double(scale)
            span = UInt(2 * scale)
            // Filled by counting in ASCII: "0." and the fraction's digits in one word, ten values at a time: the last
            // digit of each ten stored straight into the word (its length is the whole fraction's, but for a last 0),
            // the digit before it incremented and its carries rippled up once per ten (`putScaled` for each value,
            // dividing digit by digit, was 2 M instructions of every run's start; the carry loop and the length's
            // count for every value, 0.56 M).
            let zeros: UInt64 = 0x3030_3030_3030_3030
            let fractionBytes: UInt64 = (1 << UInt64(8 * digits)) - 1
            let lastShift = UInt64(8 * (digits + 1))
            let lengthShift: UInt64 = 56
            let minus = UInt64(UInt8(ascii: "-"))
            entries = .allocate(capacity: 2 * scale + 1)
            let zero = entries + scale
            // The word of the ten's first value (last digit 0); its carries ripple from the digit before the last.
            var tens: UInt64 = 0x2E30 | (zeros & fractionBytes) << 16
            let fullLength = UInt64(digits + 2) << lengthShift, fullNegativeLength = UInt64(digits + 3) << lengthShift
            var v = 0
            while v < scale {
                // The digits' values (0…9) byte by byte, "0." cleared: the highest nonzero byte ends the number.
                let values = (tens ^ zeros) & (fractionBytes << 16)
                let length = (71 - values.leadingZeroBitCount) / 8
                let bytes = tens & (UInt64.max >> UInt64(64 - 8 * length))
                zero[v] = bytes | UInt64(length) << lengthShift
                zero[-v] = minus | bytes << 8 | UInt64(length + 1) << lengthShift
                for digit in 1..<10 as Range<UInt64> {
                    let bytes = tens &+ digit << lastShift
                    zero[v + Int(digit)] = bytes | fullLength
                    zero[-v - Int(digit)] = minus | bytes << 8 | fullNegativeLength
                }
                v += 10
                var shift = lastShift - 8
                while (tens >> shift) & 0xFF == 0x39 {
                    tens = tens & ~(0xFF << shift) | 0x30 << shift
                    shift -= 8
                }
                tens &+= 1 << shift
            }
            zero[0] = 0x30 | 1 << lengthShift
            zero[scale] = 0x31 | 1 << lengthShift
            zero[-scale] = minus | 0x31 << 8 | 2 << lengthShift
        }

        /// Frees the table; the digits are not used after.
        func deallocate() { entries.deallocate() }

        /// The table entry of `value` rounded half away from zero to `digits` decimals; nil when the rounded value lies
        /// outside -1…1, when `value` × 10^`digits` lies exactly halfway between two integers, or is not a number.
        @inline(__always)
        func tableEntry(_ value: Double) -> UInt64? {
            let x = value * scaleAsDouble
            // Adding 1.5 × 2^52 rounds |x| < 2^51 to the nearest integer (ties to even), which the sum's low bits
            // hold: a few instructions instead of `roundedHalfAwayInteger`'s truncation, fraction and two compares.
            // For any other x (or NaN, ±infinity) the sum's exponent differs from the constant's, which puts
            // `nearest` far outside ±scale.
            let magic: Double = 0x1.8p52
            let sum = x + magic
            let nearest = Int(bitPattern: UInt(sum.bitPattern) &- UInt(magic.bitPattern))
            guard UInt(bitPattern: nearest &+ scale) <= span,
                  // Only an exact tie rounds differently to even and away from zero: those take the general path.
                  // `sum - magic` is `nearest` as a Double, without a conversion.
                  (x - (sum - magic)).magnitude != 0.5 else { return nil }
            return entries[scale &+ nearest]
        }

        /// Writes a `tableEntry` at `p`, which has 8 bytes of room; returns the number of bytes.
        @inline(__always)
        static func put(_ entry: UInt64, at p: UnsafeMutablePointer<UInt8>) -> Int {
            UnsafeMutableRawPointer(p).storeBytes(of: entry, as: UInt64.self)
            return Int(truncatingIfNeeded: entry &>> 56)
        }

        /// Writes `value` at `p`, which has 8 bytes of room past the number; returns the number of bytes.
        @inline(__always)
        func put(_ value: Double, at p: UnsafeMutablePointer<UInt8>) -> Int {
            guard let entry = tableEntry(value) else {
                return SentimentCommand.putRounded(value * scaleAsDouble, digits: digits, scale: scale, at: p)
            }
            return Self.put(entry, at: p)
        }
    }

    /// Writes `x` (`value` × 10^`digits`, of any size) rounded like `rounded()`, at `p`; returns the number of bytes.
    static func putRounded(_ x: Double, digits: Int, scale: Int, at p: UnsafeMutablePointer<UInt8>) -> Int {
        var scaled = Int(x.rounded())
        var n = 0
        if scaled < 0 { p[0] = UInt8(ascii: "-"); n = 1; scaled = -scaled }
        return n + putScaled(scaled, digits: digits, scale: scale, at: p + n)
    }

    /// Writes `scaled` / 10^`digits` (`scaled` ≥ 0, `scale` = 10^`digits`) without trailing zeros at `p`; returns the
    /// number of bytes.
    @inline(__always)
    static func putScaled(_ scaled: Int, digits: Int, scale: Int, at p: UnsafeMutablePointer<UInt8>) -> Int {
        let n = putDigits(scaled / scale, width: 1, at: p)
        var fraction = scaled % scale
        guard fraction != 0 else { return n }
        var width = digits
        while fraction % 10 == 0 { fraction /= 10; width -= 1 }
        p[n] = UInt8(ascii: ".")
        return n + 1 + putDigits(fraction, width: width, at: p + n + 1)
    }

    /// Writes the decimal digits of `value` (≥ 0), padded with leading zeros to `width`, at `p`; returns their count.
    @inline(__always)
    static func putDigits(_ value: Int, width: Int, at p: UnsafeMutablePointer<UInt8>) -> Int {
        var count = 1
        var limit = 10
        while value >= limit, count < 19 { count += 1; limit &*= 10 }
        count = max(count, width)
        var rest = value
        var k = count - 1
        while k >= 0 {
            p[k] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
            k -= 1
        }
        return count
    }
}
