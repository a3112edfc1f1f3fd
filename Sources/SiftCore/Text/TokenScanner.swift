#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A token as the scanner finds it: kind and byte range only; folding, stems and flags come after.
struct ScannedToken {
    var range: Range<Int>
    var kind: Token.Kind
    /// The flags below, one bit each: the scanner's loop writes a token with three stores (the range, then the kind and
    /// the flags, which the compiler merges) instead of six, one a flag.
    private var flags: UInt8

    init(kind: Token.Kind, range: Range<Int>, repeated: Bool = false, afterLineBreak: Bool = false,
         needsWordBreak: Bool = false, isASCII: Bool = true) {
        self.range = range
        self.kind = kind
        flags = (repeated ? Self.repeatedFlag : 0) | (afterLineBreak ? Self.afterLineBreakFlag : 0)
            | (needsWordBreak ? Self.needsWordBreakFlag : 0) | (isASCII ? Self.isASCIIFlag : 0)
    }

    private static let repeatedFlag: UInt8 = 1 << 0
    private static let afterLineBreakFlag: UInt8 = 1 << 1
    private static let needsWordBreakFlag: UInt8 = 1 << 2
    private static let isASCIIFlag: UInt8 = 1 << 3

    @inline(__always)
    private func has(_ flag: UInt8) -> Bool { flags & flag != 0 }

    @inline(__always)
    private mutating func set(_ flag: UInt8, _ on: Bool) { flags = on ? flags | flag : flags & ~flag }

    /// Punctuation repeated for emphasis ("!!!", "???").
    var repeated: Bool {
        get { has(Self.repeatedFlag) }
        set { set(Self.repeatedFlag, newValue) }
    }
    /// A line break lies between this token and the one before it.
    var afterLineBreak: Bool {
        get { has(Self.afterLineBreakFlag) }
        set { set(Self.afterLineBreakFlag, newValue) }
    }
    /// Letters of scripts written without spaces (Chinese, Japanese, Thai, …) that need dictionary word break.
    var needsWordBreak: Bool {
        get { has(Self.needsWordBreakFlag) }
        set { set(Self.needsWordBreakFlag, newValue) }
    }
    /// The token holds only ASCII bytes, so folding can skip Unicode normalization.
    var isASCII: Bool {
        get { has(Self.isASCIIFlag) }
        set { set(Self.isASCIIFlag, newValue) }
    }
}

/// The scanner's tokens, in storage an analyzer keeps from text to text.
///
/// Appending is a capacity compare, a store and a count: an array's append, three calls with uniqueness and capacity
/// checks, cost 70 instructions a token. `ScannedToken` is a plain value, so the storage never deinitializes any.
final class ScannedTokens {
    @exclusivity(unchecked) private var base: UnsafeMutablePointer<ScannedToken>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private(set) var count = 0
    /// Per byte value, its `ScannerByteClass` bits: the scanner's loops read one table entry a byte instead of
    /// range tests and switches.
    let byteClasses: UnsafeMutablePointer<UInt8>
    /// One bit per first byte (a row) and second byte (a column, 256 for the text's end) of every emoticon form, so
    /// that one bit test spares most letters and marks the search through the faces (`mayStartEmoticon`).
    let emoticonPairs: UnsafeMutablePointer<UInt64>

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
        let pairs = UnsafeMutablePointer<UInt64>.allocate(capacity: 256 * Self.emoticonPairRow)
        pairs.initialize(repeating: 0, count: 256 * Self.emoticonPairRow)
        func setPair(_ first: UInt8, _ second: Int) {
            pairs[Int(first) * Self.emoticonPairRow + (second >> 6)] |= 1 << UInt64(second & 63)
        }
        for form in Emoticons.all {
            var utf8 = form.utf8.makeIterator()
            guard let first = utf8.next() else { continue }
            // A one-byte face would match whatever follows it, the text's end included: its whole row is set.
            if let second = utf8.next() {
                setPair(first, Int(second))
            } else {
                for second in 0...256 { setPair(first, second) }
            }
        }
        emoticonPairs = pairs
        byteClasses = .allocate(capacity: 256)
        for byte in 0..<256 {
            let startsEmoticon = (0..<Self.emoticonPairRow).contains { pairs[byte * Self.emoticonPairRow + $0] != 0 }
            (byteClasses + byte).initialize(to: ScannerByteClass.of(UInt8(byte), startsEmoticon: startsEmoticon))
        }
    }

    deinit {
        base.deallocate()
        byteClasses.deallocate()
        emoticonPairs.deallocate()
    }

    /// Words of `emoticonPairs` per first byte: 257 columns, one bit each.
    static let emoticonPairRow = 5

    /// Whether a face starts with `first` followed by `second` (256: the text ends after `first`).
    @inline(__always)
    func emoticonPair(_ first: UInt8, _ second: Int) -> Bool {
        (emoticonPairs[Int(first) * Self.emoticonPairRow + (second >> 6)] >> UInt64(second & 63)) & 1 != 0
    }

    /// The slot the next token goes to and the end of the storage, for a loop that writes tokens through a pointer
    /// and then calls `commit(upTo:)` (`append`'s loads and stores of `count` were half of its cost).
    @inline(__always)
    var freeSlots: (next: UnsafeMutablePointer<ScannedToken>, end: UnsafeMutablePointer<ScannedToken>) {
        (base + count, base + capacity)
    }

    /// Takes the tokens written through `freeSlots` up to `next`.
    @inline(__always)
    func commit(upTo next: UnsafeMutablePointer<ScannedToken>) {
        // Unsigned: `next` is never below `base`, and `distance(to:)` divided by the stride (24) signed, ~8 instructions.
        count = Int(UInt(bitPattern: UnsafeRawPointer(base).distance(to: UnsafeRawPointer(next))) / UInt(MemoryLayout<ScannedToken>.stride))
    }

    /// `freeSlots` after the tokens up to `next` are taken and the storage has grown.
    func growing(at next: UnsafeMutablePointer<ScannedToken>) -> (next: UnsafeMutablePointer<ScannedToken>, end: UnsafeMutablePointer<ScannedToken>) {
        commit(upTo: next)
        grow()
        return freeSlots
    }

    /// Forgets every token, keeping the storage.
    @inline(__always)
    func removeAll() { count = 0 }

    /// Marks the taken token at `k` as coming after a line break.
    func markAfterLineBreak(_ k: Int) {
        precondition(k >= 0 && k < count, "scanned token index out of range")
        base[k].afterLineBreak = true
    }

    @inline(__always)
    func append(_ token: ScannedToken) {
        if count == capacity { grow() }
        (base + count).initialize(to: token)
        count += 1
    }

    /// The taken tokens, for a loop that reads them through a pointer: valid until the next write (`append`,
    /// `freeSlots`, `removeAll`).
    // The subscript's range check and the reload of `base` and `count` around each call in the analyzer's token loop
    // were 5 instructions a token.
    @inline(__always)
    var taken: UnsafeBufferPointer<ScannedToken> { UnsafeBufferPointer(start: base, count: count) }

    @inline(__always)
    subscript(_ k: Int) -> ScannedToken {
        precondition(k >= 0 && k < count, "scanned token index out of range")
        return base[k]
    }

    private func grow() {
        let grown = UnsafeMutablePointer<ScannedToken>.allocate(capacity: capacity * 2)
        grown.moveInitialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity *= 2
    }
}

/// What a byte is to the scanner's word loops, as bits of `ScannedTokens.byteClasses`.
enum ScannerByteClass {
    /// An ASCII letter or digit.
    static let alphanumeric: UInt8 = 1 << 0
    /// An ASCII letter that starts no emoticon ("xD", "o_O"), no version ("v2") and no laughing face ("xd"): whether
    /// a word starting with it is a plain word depends only on what follows its letters and digits.
    static let plainWordStart: UInt8 = 1 << 1
    /// An ASCII letter that starts an emoticon ("o_O", "T_T") or a version ("v2"), but no laughing face: a word
    /// starting with it is a plain word as after a `plainWordStart` letter when the byte after it starts neither.
    static let checkedWordStart: UInt8 = 1 << 4
    /// An ASCII mark that is a punctuation token of its own unless an emoticon starts with it (no white space, and
    /// no '$', '@' or '#', which may start a price, a mention or a hashtag).
    static let mark: UInt8 = 1 << 5
    /// After the letters and digits a word starts with, ends the word in any text: white space, line breaks and
    /// the ASCII marks that neither continue it ("'") nor may go on into an e-mail address or a URL.
    static let endsWord: UInt8 = 1 << 2
    /// The marks an e-mail's local part goes on with (". _ % + -") and ':': after the letters and digits a word
    /// starts with, they end it when no '@' follows in the text and the letters are no URL's start ("www", "http").
    static let endsWordWithoutAtSign: UInt8 = 1 << 3

    static func of(_ byte: UInt8, startsEmoticon: Bool) -> UInt8 {
        if byte.isASCIIAlphanumeric {
            guard byte.isASCIILetter, byte | 0x20 != UInt8(ascii: "x") else { return alphanumeric }
            return alphanumeric | (startsEmoticon || byte | 0x20 == UInt8(ascii: "v") ? checkedWordStart : plainWordStart)
        }
        let isMark: Bool
        switch byte {
        case 0x20, 0x09, 0x0B, 0x0C, 0x0A, 0x0D, UInt8(ascii: "$"), UInt8(ascii: "@"), UInt8(ascii: "#"), 0x80...: isMark = false
        default: isMark = true
        }
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "%"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: ":"):
            return endsWordWithoutAtSign | mark
        case UInt8(ascii: "'"):
            return mark
        case UInt8(ascii: "@"), 0x80...:
            return 0
        default:
            return endsWord | (isMark ? mark : 0)
        }
    }
}

/// Splits UTF-8 bytes into typed tokens in one left-to-right pass; the hot loop of the text chain.
///
/// Order of tries at each position: URL, e-mail, emoticon, price, version, number, word, emoji, punctuation.
struct TokenScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var lineBreakPending = false
    /// The storage the scanner appends to, which its owner keeps alive while scanning (`init(bytes:reusing:)`).
    // Unretained: a scanner is made for every text, and retaining the storage and releasing it with the scanner was
    // ~55 instructions a text. Reached through `withTokens`: held `unowned(unsafe)`, the storage was retained and
    // released inside the scan.
    private let storage: Unmanaged<ScannedTokens>
    /// The storage's `byteClasses`, read once per text.
    private let byteClasses: UnsafeMutablePointer<UInt8>
    /// The end of the e-mail local part that `emailEnd` last scanned, and what it found after it: every later start
    /// before that end runs to the same end. Without it, "a-a-a-…" or "v1.v1.…" rescanned the rest of the run from
    /// each word, and a 40 KB review took 0.4 s (a megabyte, minutes).
    private var localPartEnd = -1
    private var emailAfterLocalPart: Int?
    /// The first '@' at or after `atSignSearchStart` (the text's length when there is none): an e-mail needs one
    /// after its start, and most texts have none, so most words that end in '.' or '-' need no e-mail scan.
    private var atSignSearchStart = Int.max
    private var nextAtSign = 0

    /// A scanner of `bytes` that appends to `storage`, emptied first, so a caller can reuse the storage of the
    /// text before.
    /// The scanner does not keep `storage` alive: the caller must, as long as it uses the scanner.
    init(bytes: UnsafeBufferPointer<UInt8>, reusing storage: ScannedTokens) {
        self.bytes = bytes
        self.storage = Unmanaged.passUnretained(storage)
        byteClasses = storage.byteClasses
        storage.removeAll()
    }

    /// Calls `body` with the storage, borrowed without retaining it.
    @inline(__always)
    private func withTokens<R>(_ body: (ScannedTokens) -> R) -> R { storage._withUnsafeGuaranteedRef(body) }

    /// Appends `token` to the storage.
    // The token is made before the closure, which then captures it alone: a closure that read the scanner's
    // properties captured the scanner and was not inlined.
    @inline(__always)
    private func append(_ token: ScannedToken) { withTokens { $0.append(token) } }

    mutating func scan() {
        let count = bytes.count
        guard count > 0 else { return }
        // The text, the position and the next token slot in registers: kept in `self` and in `tokens`, they were
        // loaded and stored again for every word. The calls below use `self`'s.
        let text = bytes.baseAddress!
        let classes = byteClasses
        var i = position
        // Slots below `slotsEnd` are the storage's; the loop grows it before writing at `slotsEnd`.
        var (slot, slotsEnd) = withTokens { $0.freeSlots }
        // A pending line break (`lineBreakPending`, which only the calls below set) belongs to the token after it:
        // one the loop makes itself is written without it and marked after, before the next call and at the end, so
        // the loop keeps no line-break state (a register, or a spill and a reload a token, 3 instructions).
        var lineBreakToken = withTokens { $0.count }
        while i < count {
            let byte = text[i]
            // Most words and marks are made here as `scanASCII`, `scanWord` and `punctuation` would make them, without
            // their tries and calls (those were two thirds of a word's scanning).
            let byteClass = classes[Int(byte)]
            // A plain word's start first, one test: most turns of the loop start one.
            if byteClass & ScannerByteClass.plainWordStart != 0
                || byteClass & ScannerByteClass.checkedWordStart != 0 && startsNoEmoticonOrVersion(at: i, in: text, count: count)
            {
                var wordEnd = Self.plainWordEnd(from: i, in: text, count: count, classes: classes)
                if case .atUnlessAtSignFollows(let end) = wordEnd { wordEnd = hasAtSign(from: end) ? .undecided : .at(end, next: end) }
                if case .at(let end, let next) = wordEnd {
                    // Written here and in each branch below with its kind and flags as constants, which the compiler
                    // stores as one: a token written after the branches met chose them with conditional moves.
                    write(ScannedToken(kind: .word, range: Range(uncheckedBounds: (i, end))), to: &slot, before: &slotsEnd)
                    i = next
                    continue
                }
            } else if byte == 0x20 {
                // A space no token ended at (the one after a token is skipped with it), here rather than in a call;
                // tested after the letters, which start most turns of the loop.
                i += 1
                continue
            } else if byteClass & ScannerByteClass.mark != 0, !mayStartEmoticon(at: i, in: text, count: count),
                let (end, repeated) = Self.asciiMarkRun(from: i, in: text, count: count)
            {
                write(ScannedToken(kind: .punctuation, range: Range(uncheckedBounds: (i, end)), repeated: repeated), to: &slot, before: &slotsEnd)
                // The space after the token, if any, skipped without a turn of the loop.
                i = end < count && text[end] == 0x20 ? end &+ 1 : end
                continue
            }
            // Every other token by the full rules, through the calls.
            position = i
            withTokens { $0.commit(upTo: slot) }
            markPendingLineBreak(onTokenAt: lineBreakToken)
            if byte < 0x80 {
                scanASCII(byte)
            } else {
                scanNonASCII()
            }
            i = position
            (slot, slotsEnd) = withTokens { $0.freeSlots }
            lineBreakToken = withTokens { $0.count }
        }
        position = i
        withTokens { $0.commit(upTo: slot) }
        markPendingLineBreak(onTokenAt: lineBreakToken)
    }

    /// Writes a token `scan()`'s loop made at `slot` and moves `slot` on, growing the storage first when `slot` is
    /// `slotsEnd`. (The loop makes the token's range without a bounds check: its end lies after its start.)
    @inline(__always)
    private func write(_ token: ScannedToken, to slot: inout UnsafeMutablePointer<ScannedToken>,
                       before slotsEnd: inout UnsafeMutablePointer<ScannedToken>) {
        if slot == slotsEnd {
            // Passed by value: a closure that captured `slot` kept it in memory, a store a token.
            let full = slot
            (slot, slotsEnd) = withTokens { $0.growing(at: full) }
        }
        slot.initialize(to: token)
        slot += 1
    }

    /// Gives a pending line break to the token at `k` when `scan()`'s loop has made it, and takes the break.
    @inline(__always)
    private mutating func markPendingLineBreak(onTokenAt k: Int) {
        if lineBreakPending && k < withTokens({ $0.count }) {
            withTokens { $0.markAfterLineBreak(k) }
            lineBreakPending = false
        }
    }

    /// Where a word of ASCII letters, digits and inner apostrophes ends, as far as its bytes tell.
    private enum PlainWordEnd {
        /// Ends here, whatever else the text holds; `next` is where the scan goes on, past a space after the word (found
        /// here, where the byte after the word is in a register: read again after the token's stores, it was loaded
        /// again).
        case at(Int, next: Int)
        /// Ends here unless a '@' follows, which may make the word an e-mail address's local part.
        case atUnlessAtSignFollows(Int)
        /// The full rules of `scanASCII` must decide.
        case undecided
    }

    /// The end of the word from `start`, a `plainWordStart` letter or a `checkedWordStart` letter that starts no
    /// emoticon or version, when the byte after its letters and digits leaves no reading but a word.
    @inline(__always)
    private static func plainWordEnd(from start: Int, in text: UnsafePointer<UInt8>, count: Int, classes: UnsafeMutablePointer<UInt8>) -> PlainWordEnd {
        var end = lettersEnd(from: start, in: text, count: count)
        var follower: UInt8 = 0
        var followerClass: UInt8 = 0
        // The byte after the letters: a space or a mark that ends the word, most often, tested first; then digits (and
        // letters after them), a table entry a byte. Wrapping: `end` stays inside the text.
        while true {
            guard end < count else { return .at(end, next: end) }
            follower = text[end]
            followerClass = classes[Int(follower)]
            if followerClass & ScannerByteClass.endsWord != 0 { return .at(end, next: follower == 0x20 ? end &+ 1 : end) }
            guard followerClass & ScannerByteClass.alphanumeric != 0 else { break }
            end &+= 1
        }
        if followerClass & ScannerByteClass.endsWordWithoutAtSign != 0 {
            let first = text[start] | 0x20
            if (first == UInt8(ascii: "h") || first == UInt8(ascii: "w")) && (follower == UInt8(ascii: ".") || follower == UInt8(ascii: ":")) {
                return .undecided
            }
            return .atUnlessAtSignFollows(end)
        }
        return follower == UInt8(ascii: "'") ? wordEnd(fromApostropheAt: end, in: text, count: count, classes: classes) : .undecided
    }

    /// `plainWordEnd` for a word whose letters and digits are followed by an apostrophe at `apostrophe`, by
    /// `scanWord`'s rules for ASCII: an apostrophe before a letter stays inside the word ("don't", "rock'n'roll"), and
    /// after the first, any ASCII byte but a letter, a digit or such an apostrophe ends it. Out of line: inlined, it
    /// made `plainWordEnd` too large for the compiler to inline into `scan`.
    @inline(never)
    private static func wordEnd(fromApostropheAt apostrophe: Int, in text: UnsafePointer<UInt8>, count: Int, classes: UnsafeMutablePointer<UInt8>) -> PlainWordEnd {
        var end = apostrophe
        while end < count && text[end] == UInt8(ascii: "'") {
            guard end + 1 < count else { return .at(end, next: end) }
            let next = text[end + 1]
            guard next.isASCIILetter else { return next < 0x80 ? .at(end, next: end) : .undecided }
            end = alphanumericEnd(from: end + 1, in: text, count: count, classes: classes)
        }
        return end < count && text[end] >= 0x80 ? .undecided : .at(end, next: end)
    }

    /// Whether the letter at `i`, a `checkedWordStart`, starts neither an emoticon nor a version ("v2") with the
    /// byte after it.
    @inline(__always)
    private func startsNoEmoticonOrVersion(at i: Int, in text: UnsafePointer<UInt8>, count: Int) -> Bool {
        guard i + 1 < count else { return !withTokens { $0.emoticonPair(text[i], 256) } }
        let next = text[i + 1]
        return !withTokens({ $0.emoticonPair(text[i], Int(next)) }) && !(text[i] | 0x20 == UInt8(ascii: "v") && next.isASCIIDigit)
    }

    /// The end of the run of the ASCII mark at `start` as `punctuation` makes it ("!!!", "...", "?!"), and whether it
    /// is repeated emphasis; nil when a mark beyond ASCII may go on with it ("!！").
    @inline(__always)
    private static func asciiMarkRun(from start: Int, in text: UnsafePointer<UInt8>, count: Int) -> (end: Int, repeated: Bool)? {
        let first = text[start]
        var i = start + 1
        guard first == UInt8(ascii: "!") || first == UInt8(ascii: "?") else {
            while i < count && text[i] == first { i += 1 }
            return (i, false)
        }
        while i < count && (text[i] == UInt8(ascii: "!") || text[i] == UInt8(ascii: "?")) { i += 1 }
        return i < count && text[i] >= 0x80 ? nil : (i, i > start + 1)
    }

    /// Whether a '@' lies at or after `start`.
    private mutating func hasAtSign(from start: Int) -> Bool {
        if start < atSignSearchStart || start > nextAtSign {
            atSignSearchStart = start
            let text = UnsafeRawPointer(bytes.baseAddress!)
            if let hit = memchr(text + start, Int32(UInt8(ascii: "@")), bytes.count - start) {
                nextAtSign = text.distance(to: UnsafeRawPointer(hit))
            } else {
                nextAtSign = bytes.count
            }
        }
        return nextAtSign < bytes.count
    }

    // MARK: ASCII

    private mutating func scanASCII(_ byte: UInt8) {
        switch byte {
        case 0x20, 0x09, 0x0B, 0x0C:
            position += 1
        case 0x0A, 0x0D:
            lineBreakPending = true
            position += 1
        case _ where byte.isASCIILetter:
            // The word's leading letters and digits are found once, for the e-mail test and the word scan.
            let runEnd = alphanumericEnd(from: position)
            if (byte == UInt8(ascii: "h") || byte == UInt8(ascii: "H") || byte == UInt8(ascii: "w") || byte == UInt8(ascii: "W")),
                mayBeURLScheme(alphanumericEnd: runEnd), let end = urlEnd(at: position)
            {
                emit(.url, position..<end)
            } else if mayBeEmail(alphanumericEnd: runEnd), let end = emailEnd(at: position) {
                emit(.email, position..<end)
            } else if mayStartEmoticon(at: position), let end = emoticonEnd(at: position) {
                emit(.emoticon, position..<end)
            } else if (byte == UInt8(ascii: "v") || byte == UInt8(ascii: "V")), let end = versionAfterV(at: position) {
                emit(.version, position..<end)
            } else if runEnd == bytes.count || bytes[runEnd] < 0x80 && bytes[runEnd] != UInt8(ascii: "'") {
                // A word that ends with its letters and digits, most words: made here, as `scanWord` would make it
                // (its call and checks were a third of a word's scanning).
                emit(isLaughingFace(position..<runEnd) ? .emoticon : .word, position..<runEnd)
            } else {
                scanWord(alphanumericEnd: runEnd)
            }
        case _ where byte.isASCIIDigit:
            if mayBeEmail(at: position), let end = emailEnd(at: position) {
                emit(.email, position..<end)
            } else {
                scanNumber(start: position, currencyFirst: false)
            }
        case UInt8(ascii: "$"):
            if position + 1 < bytes.count, bytes[position + 1].isASCIIDigit {
                scanNumber(start: position, currencyFirst: true)
            } else {
                punctuation()
            }
        case UInt8(ascii: "@"):
            if let end = nameEnd(after: position + 1), end > position + 1 {
                emit(.mention, position..<end)
            } else {
                punctuation()
            }
        case UInt8(ascii: "#"):
            if let end = nameEnd(after: position + 1), end > position + 1, !bytes[position + 1].isASCIIDigit || hasLetter(position + 1..<end) {
                emit(.hashtag, position..<end)
            } else {
                punctuation()
            }
        default:
            if mayStartEmoticon(at: position), let end = emoticonEnd(at: position) {
                emit(.emoticon, position..<end)
            } else {
                punctuation()
            }
        }
    }

    private mutating func emit(_ kind: Token.Kind, _ range: Range<Int>, isASCII: Bool = true) {
        append(ScannedToken(kind: kind, range: range, afterLineBreak: lineBreakPending, isASCII: isASCII))
        lineBreakPending = false
        position = range.upperBound
    }

    /// Whether the letters and digits from `position` to `end` may be "http" or "https" before ':' or "www" before
    /// '.': a cheap test that spares most words starting with 'h' or 'w' the full URL test.
    @inline(__always)
    private func mayBeURLScheme(alphanumericEnd end: Int) -> Bool {
        guard end < bytes.count else { return false }
        let length = end - position
        return bytes[end] == UInt8(ascii: ":") ? length == 4 || length == 5 : bytes[end] == UInt8(ascii: ".") && length == 3
    }

    /// `http://…`, `https://…` or `www.…`, up to white space, without trailing sentence punctuation.
    private func urlEnd(at start: Int) -> Int? {
        let count = bytes.count
        var i = start
        if matchesLowercased("https://", at: i) {
            i += 8
        } else if matchesLowercased("http://", at: i) {
            i += 7
        } else if matchesLowercased("www.", at: i) {
            i += 4
        } else {
            return nil
        }
        let bodyStart = i
        while i < count {
            let b = bytes[i]
            if b <= 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b >= 0x80 { break }
            i += 1
        }
        while i > bodyStart, isTrailingURLPunctuation(bytes[i - 1]) { i -= 1 }
        return i > bodyStart ? i : nil
    }

    private func isTrailingURLPunctuation(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
            UInt8(ascii: "?"), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "'"):
            return true
        default: return false
        }
    }

    private func matchesLowercased(_ prefix: StaticString, at start: Int) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard start + n <= bytes.count else { return false }
        let p = prefix.utf8Start
        for k in 0..<n where bytes[start + k] | (bytes[start + k].isASCIILetter ? 0x20 : 0) != p[k] { return false }
        return true
    }

    /// Whether the letters and digits from `start` end in a character an e-mail's local part can go on with; a
    /// cheap test that spares most words the full e-mail scan.
    @inline(__always)
    private func mayBeEmail(at start: Int) -> Bool {
        mayBeEmail(alphanumericEnd: alphanumericEnd(from: start))
    }

    /// The end of the ASCII letters and digits from `start`.
    @inline(__always)
    private func alphanumericEnd(from start: Int) -> Int {
        Self.alphanumericEnd(from: start, in: bytes.baseAddress!, count: bytes.count, classes: byteClasses)
    }

    /// The end of the ASCII letters and digits from `start` in the `count` bytes at `text`, eight bytes at a time
    /// where the text has eight.
    @inline(__always)
    static func alphanumericEnd(from start: Int, in text: UnsafePointer<UInt8>, count: Int, classes: UnsafeMutablePointer<UInt8>) -> Int {
        var i = lettersEnd(from: start, in: text, count: count)
        // Digits, rare in words, and texts shorter than eight bytes: a table entry a byte (without a digit test the
        // eight-byte loop is seven instructions shorter).
        while i < count, classes[Int(text[i])] & ScannerByteClass.alphanumeric != 0 { i += 1 }
        return i
    }

    /// The end of the ASCII letters from `start` in the `count` bytes at `text`, eight bytes at a time; in a text
    /// shorter than eight bytes, `start`.
    @inline(__always)
    static func lettersEnd(from start: Int, in text: UnsafePointer<UInt8>, count: Int) -> Int {
        var i = start
        // Letters eight at a time, by unaligned loads that each lie inside the text: before its last eight bytes,
        // then those eight, shifted so that byte `i` comes first (the zero bytes shifted in stop the run at the text's
        // end). One test a step (`i + 8 <= count`) for both the text's length and the step's room.
        letters: do {
            let base = UnsafeRawPointer(text)
            // Wrapping: `i` stays inside the text.
            while i &+ 8 <= count {
                let stops = nonLetterBytes(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                if stops != 0 {
                    i &+= stops.trailingZeroBitCount &>> 3
                    break letters
                }
                i &+= 8
            }
            if i < count, count >= 8 { i = lettersEnd(inLastEightBytesFrom: i, in: text, count: count) }
        }
        return i
    }

    /// `lettersEnd` from `i` in the last eight bytes of a text of eight bytes or more: those eight, shifted so that
    /// byte `i` comes first. Out of line: inlined, the compiler kept the shift's distance up to date at each step of
    /// the loop before it and spilled a register for it (~4 instructions a word).
    @inline(never)
    private static func lettersEnd(inLastEightBytesFrom i: Int, in text: UnsafePointer<UInt8>, count: Int) -> Int {
        // Wrapping: `i` lies in the last eight bytes, so the shift is below 64.
        let lastStart = count &- 8
        let last = UInt64(littleEndian: UnsafeRawPointer(text).loadUnaligned(fromByteOffset: lastStart, as: UInt64.self))
        return i &+ nonLetterBytes(last &>> UInt64(truncatingIfNeeded: (i &- lastStart) &<< 3)).trailingZeroBitCount &>> 3
    }

    /// The high bit of each byte of `word` that is no ASCII letter, true at least for the first such byte (the
    /// lowest: the callers want the first). Each test adds a constant that carries into a byte's high bit exactly
    /// when the lower-cased byte is at or above a bound; an ASCII byte carries into no other. A byte at 0x80 or above
    /// is a stop whatever it carries into the bytes after it, and needs no test of its own (the word itself is not
    /// or-ed in, an instruction a step): its second sum has the high bit set, unless that sum passes 0xFF, and then
    /// the first, which passes 0xFF too, has it clear.
    @inline(__always)
    private static func nonLetterBytes(_ word: UInt64) -> UInt64 {
        let lowerCased = word | 0x2020_2020_2020_2020
        // Below 'a' (0x61), or above 'z' (0x7A).
        return (~(lowerCased &+ 0x1F1F_1F1F_1F1F_1F1F) | (lowerCased &+ 0x0505_0505_0505_0505)) & 0x8080_8080_8080_8080
    }

    /// `mayBeEmail` for a run of letters and digits that ends at `i`.
    @inline(__always)
    private func mayBeEmail(alphanumericEnd i: Int) -> Bool {
        guard i < bytes.count else { return false }
        switch bytes[i] {
        case UInt8(ascii: "@"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "%"), UInt8(ascii: "+"), UInt8(ascii: "-"): return true
        default: return false
        }
    }

    /// `local@domain.tld` starting at `start`; nil when there is no '@' right after a local part.
    private mutating func emailEnd(at start: Int) -> Int? {
        // Starts only move forward, so a start before the last local part's end lies inside that part.
        if start < localPartEnd { return emailAfterLocalPart }
        guard hasAtSign(from: start) else { return nil }
        let count = bytes.count
        var i = start
        while i < count {
            let b = bytes[i]
            if b.isASCIIAlphanumeric || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "%")
                || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
            {
                i += 1
            } else {
                break
            }
        }
        localPartEnd = i
        emailAfterLocalPart = domainEnd(after: i, localPartStart: start)
        return emailAfterLocalPart
    }

    /// The end of `@domain.tld` at `i`, the end of a local part that began at `localPartStart`; nil when there is none.
    private func domainEnd(after localPartEnd: Int, localPartStart start: Int) -> Int? {
        let count = bytes.count
        var i = localPartEnd
        guard i < count, bytes[i] == UInt8(ascii: "@"), i > start else { return nil }
        i += 1
        var dots = 0
        var labelLength = 0
        var end = -1
        while i < count {
            let b = bytes[i]
            if b.isASCIIAlphanumeric || b == UInt8(ascii: "-") {
                labelLength += 1
                if dots > 0 { end = i + 1 }
            } else if b == UInt8(ascii: "."), labelLength > 0 {
                dots += 1
                labelLength = 0
            } else {
                break
            }
            i += 1
        }
        return end > 0 ? end : nil
    }

    /// The end of a mention or hashtag name (letters, digits, '_' and non-ASCII letters) starting at `start`.
    @inline(never)
    private func nameEnd(after start: Int) -> Int? {
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if b.isASCIIAlphanumeric || b == UInt8(ascii: "_") {
                i += 1
            } else if b >= 0x80 {
                let (scalar, length) = decode(at: i)
                // No scalar before U+231A (watch) has emoji presentation: letters with diacritics skip the lookup.
                guard scalar.isWordCharacter, scalar.value < 0x231A || !scalar.properties.isEmojiPresentation else { break }
                i += length
            } else {
                break
            }
        }
        return i > start ? i : nil
    }

    private func hasLetter(_ range: Range<Int>) -> Bool {
        range.contains { !bytes[$0].isASCIIDigit && bytes[$0] != UInt8(ascii: "_") }
    }

    /// "v2", "v2.3.1": a 'v' right before digits at a word start.
    private func versionAfterV(at start: Int) -> Int? {
        guard start == 0 || !bytes[start - 1].isASCIIAlphanumeric, start + 1 < bytes.count, bytes[start + 1].isASCIIDigit else {
            return nil
        }
        let end = dottedDigitsEnd(from: start + 1)
        guard end >= bytes.count || !(bytes[end].isASCIILetter || bytes[end] >= 0x80 && decode(at: end).0.isWordCharacter) else {
            return nil
        }
        return end
    }

    /// The end of `digits(.digits)*` starting at `start`.
    private func dottedDigitsEnd(from start: Int) -> Int {
        var i = start
        while i < bytes.count, bytes[i].isASCIIDigit { i += 1 }
        while i + 1 < bytes.count, bytes[i] == UInt8(ascii: "."), bytes[i + 1].isASCIIDigit {
            i += 2
            while i < bytes.count, bytes[i].isASCIIDigit { i += 1 }
        }
        return i
    }

    /// Numbers ("12", "1,000", "4.99", "50%"), versions ("2.3.1"), prices ("$4.99", "4,99€") and
    /// alphanumeric words that start with a digit ("4k", "5g").
    private mutating func scanNumber(start: Int, currencyFirst: Bool) {
        let count = bytes.count
        var i = currencyFirst ? start + currencyLength(at: start) : start
        var separators = 0
        var dots = 0
        while i < count, bytes[i].isASCIIDigit { i += 1 }
        while i + 1 < count, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ","), bytes[i + 1].isASCIIDigit {
            if bytes[i] == UInt8(ascii: ".") { dots += 1 }
            separators += 1
            i += 2
            while i < count, bytes[i].isASCIIDigit { i += 1 }
        }
        if currencyFirst {
            emit(.price, start..<i)
            return
        }
        // Digits glued to letters are a word ("4k", "mp3" is handled as a word already).
        if i < count, bytes[i].isASCIILetter
            || (bytes[i] >= 0x80 && decode(at: i).0.isWordCharacter && !decode(at: i).0.isNoSpaceScript && currencyLength(at: i) == 0)
        {
            scanWord()
            return
        }
        if dots >= 2 && dots == separators {
            emit(.version, start..<i)
            return
        }
        let currency = i < count ? currencyLength(at: i) : 0
        if currency > 0 {
            emit(.price, start..<(i + currency), isASCII: bytes[i] < 0x80)
            return
        }
        if i < count, bytes[i] == UInt8(ascii: "%") { i += 1 }
        emit(.number, start..<i)
    }

    /// The byte length of a currency sign at `i` ($, €, £, ¥, ₹, ₩, ₽), or 0.
    private func currencyLength(at i: Int) -> Int {
        let b = bytes[i]
        if b == UInt8(ascii: "$") { return 1 }
        // £ and ¥ start with 0xC2, the others with 0xE2: other lead bytes need no decoding.
        guard b == 0xC2 || b == 0xE2 else { return 0 }
        let (scalar, length) = decode(at: i)
        switch scalar.value {
        case 0x20AC, 0xA3, 0xA5, 0x20B9, 0x20A9, 0x20BD: return length
        default: return 0
        }
    }

    /// Letters, digits and marks, with apostrophes kept inside ("don't", "y’all"); runs containing scripts written
    /// without spaces are marked for dictionary word break.
    private mutating func scanWord(alphanumericEnd knownEnd: Int? = nil) {
        let start = position
        let count = bytes.count
        // The ASCII letters and digits a word starts with need none of the checks below (no script without spaces
        // has been seen yet): a tight loop over them first.
        var i = knownEnd ?? alphanumericEnd(from: start)
        var ascii = true
        var noSpaceScript = false
        while i < count {
            let b = bytes[i]
            if byteClasses[Int(b)] & ScannerByteClass.alphanumeric != 0 {
                // Digits after Chinese or Japanese letters start a number of their own ("到3.2版本").
                if noSpaceScript, b.isASCIIDigit, i > start, bytes[i - 1] >= 0x80 { break }
                i += 1
                continue
            }
            if b == UInt8(ascii: "'") {
                if i + 1 < count, i > start, bytes[i + 1].isASCIILetter || (bytes[i + 1] >= 0x80 && decode(at: i + 1).0.isLetterLike) {
                    i += 1
                    continue
                }
                break
            }
            guard b >= 0x80 else { break }
            if b >= 0xC3 && b < 0xE0 {
                // Two bytes, U+00C0 to U+07FF (Latin-1 letters to Arabic and Thaana): as below, without decoding the
                // general way; no script written without spaces starts before U+0E00. The bytes are valid UTF-8, so
                // a continuation byte follows and the scalar is no surrogate.
                let value = UInt16(b & 0x1F) << 6 | UInt16(bytes[i &+ 1] & 0x3F)
                if value != 0x02BC {
                    guard Unicode.Scalar(value).unsafelyUnwrapped.isWordCharacter else { break }
                    ascii = false
                    i &+= 2
                    continue
                }
            }
            let (scalar, length) = decode(at: i)
            if scalar.value >= 0xC0 && scalar.value < 0x2000 && scalar.value != 0x02BC {
                // As below for the scalars from Latin-1 to the Greek extensions, none of them zero-width or an emoji.
                guard scalar.isWordCharacter else { break }
                if scalar.isNoSpaceScript { noSpaceScript = true }
                ascii = false
                i += length
                continue
            }
            // Inside a word only, as "'" above: a lone "ʼ" (a letter to Unicode) that ended the word where it began
            // made an empty token without moving on, and the scanner never finished.
            if scalar.value == 0x2019 || scalar.value == 0x02BC, i > start {
                if i + length < count, bytes[i + length].isASCIILetter
                    || (bytes[i + length] >= 0x80 && decode(at: i + length).0.isLetterLike)
                {
                    ascii = false
                    i += length
                    continue
                }
                break
            }
            if scalar.isZeroWidth, i + length < count, bytes[i + length] >= 0x80 || bytes[i + length].isASCIIAlphanumeric {
                // A zero-width joiner or space inside a word is dropped by folding, not a break.
                if scalar.value == 0x200D, decode(at: i + length).0.isEmojiStart { break }
                ascii = false
                i += length
                continue
            }
            guard scalar.isWordCharacter, !scalar.isEmojiStart else { break }
            if scalar.isNoSpaceScript { noSpaceScript = true }
            ascii = false
            i += length
        }
        // Every word holds at least the character it was started for; should a rule above ever stop before it, the
        // character is a mark of its own, so the scanner always moves on.
        guard i > start else {
            punctuation()
            return
        }
        if isLaughingFace(start..<i) {
            emit(.emoticon, start..<i)
            return
        }
        append(ScannedToken(kind: .word, range: start..<i, afterLineBreak: lineBreakPending, needsWordBreak: noSpaceScript, isASCII: ascii))
        lineBreakPending = false
        position = i
    }

    // MARK: emoticons and punctuation

    /// "xD" and "XD" are laughing faces, not words.
    @inline(__always)
    private func isLaughingFace(_ range: Range<Int>) -> Bool {
        range.count == 2 && bytes[range.lowerBound] | 0x20 == UInt8(ascii: "x") && bytes[range.lowerBound + 1] | 0x20 == UInt8(ascii: "d")
            && (bytes[range.lowerBound + 1] == UInt8(ascii: "D") || bytes[range.lowerBound] == UInt8(ascii: "x"))
    }

    /// Whether a face starts with the byte at `i` and the one after it (the storage's `emoticonPairs`).
    @inline(__always)
    private func mayStartEmoticon(at i: Int) -> Bool { mayStartEmoticon(at: i, in: bytes.baseAddress!, count: bytes.count) }

    /// `mayStartEmoticon(at:)` in the `count` bytes at `text`, which `scan()` holds in registers (read from `self`,
    /// they were loaded again for every mark).
    @inline(__always)
    private func mayStartEmoticon(at i: Int, in text: UnsafePointer<UInt8>, count: Int) -> Bool {
        withTokens { $0.emoticonPair(text[i], i + 1 < count ? Int(text[i + 1]) : 256) }
    }

    /// The end of an ASCII emoticon starting at `start`, or nil; it must not run into a letter or digit.
    private func emoticonEnd(at start: Int) -> Int? {
        let first = bytes[start]
        for candidate in Emoticons.byFirstByte[Int(first)] {
            let n = candidate.count
            guard start + n <= bytes.count else { continue }
            var matches = true
            for k in 0..<n where bytes[start + k] != candidate[k] {
                matches = false
                break
            }
            guard matches else { continue }
            let end = start + n
            if end < bytes.count, bytes[end].isASCIIAlphanumeric { continue }
            // "B)", "(a, b):": a face opening with a letter or a bracket is no face right after a letter or digit.
            if first.isASCIIAlphanumeric || first == UInt8(ascii: "(") || first == UInt8(ascii: ")"), start > 0,
                bytes[start - 1].isASCIIAlphanumeric { continue }
            // "<3" must not be "<30"; ":3" must not be the minutes in "10:30".
            if candidate.last!.isASCIIDigit, start > 0, bytes[start - 1].isASCIIDigit { continue }
            return end
        }
        return nil
    }

    /// One punctuation or symbol character; runs of '!' and '?' (and of one repeated mark) become one token.
    private mutating func punctuation() {
        let start = position
        if bytes[start] < 0x80, let (end, repeated) = Self.asciiMarkRun(from: start, in: bytes.baseAddress!, count: bytes.count) {
            // Found without decoding each byte.
            append(ScannedToken(kind: .punctuation, range: start..<end, repeated: repeated, afterLineBreak: lineBreakPending))
            lineBreakPending = false
            position = end
            return
        }
        let (scalar, length) = decode(at: start)
        var i = start + length
        var repeated = false
        if scalar.isEmphasisMark {
            while i < bytes.count {
                let (next, nextLength) = decode(at: i)
                guard next.isEmphasisMark else { break }
                repeated = true
                i += nextLength
            }
        } else {
            while i + length <= bytes.count, (0..<length).allSatisfy({ bytes[i + $0] == bytes[start + $0] }) {
                i += length
            }
        }
        append(ScannedToken(kind: .punctuation, range: start..<i, repeated: repeated, afterLineBreak: lineBreakPending, isASCII: length == 1))
        lineBreakPending = false
        position = i
    }

    // MARK: non-ASCII

    private mutating func scanNonASCII() {
        let (scalar, length) = decode(at: position)
        // Latin-1 letters to the Greek extensions (Arabic, Cyrillic, Devanagari, …): no zero-width character,
        // currency sign or emoji starts there, and only U+1680 is a space, so the tries below would all fail.
        if scalar.value >= 0xC0 && scalar.value < 0x2000 && scalar.value != 0x1680 {
            if scalar.isWordCharacter {
                scanWord()
            } else {
                punctuation()
            }
            return
        }
        if scalar.isZeroWidth {
            position += length
            return
        }
        if scalar.isUnicodeSpace {
            if scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0x85 { lineBreakPending = true }
            position += length
            return
        }
        // The lead byte tested here first: the call copied the whole scanner to the stack for every emoji.
        if bytes[position] == 0xC2 || bytes[position] == 0xE2, currencyLength(at: position) > 0, position + length < bytes.count,
            bytes[position + length].isASCIIDigit
        {
            scanNumber(start: position, currencyFirst: true)
            return
        }
        if scalar.isEmojiStart {
            let end = Self.emojiEnd(at: position, in: bytes)
            emit(.emoji, position..<end, isASCII: false)
            return
        }
        if scalar.isWordCharacter {
            scanWord()
        } else {
            punctuation()
        }
    }

    /// The end of one emoji: a pictograph with its variation selector, skin tone, keycap and tags, joined
    /// with further pictographs by ZWJ; or a pair of regional indicators (a flag).
    // Static, with the text passed: a method's call copied the whole scanner to the stack first (~12 instructions).
    @inline(never)
    private static func emojiEnd(at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var (scalar, length) = decode(at: start, in: bytes)
        var i = start + length
        if scalar.isRegionalIndicator {
            if i < bytes.count, bytes[i] >= 0x80 {
                let (next, nextLength) = decode(at: i, in: bytes)
                if next.isRegionalIndicator { i += nextLength }
            }
            return i
        }
        while i < bytes.count, bytes[i] >= 0x80 {
            (scalar, length) = decode(at: i, in: bytes)
            switch scalar.value {
            case 0xFE0E, 0xFE0F, 0x1F3FB...0x1F3FF, 0x20E3, 0xE0020...0xE007F:
                i += length
            case 0x200D:
                guard i + length < bytes.count, bytes[i + length] >= 0x80 else { return i }
                let (next, nextLength) = decode(at: i + length, in: bytes)
                guard next.isEmojiStart || next.hasEmojiProperty else { return i }
                i += length + nextLength
            default:
                return i
            }
        }
        return i
    }

    /// The scalar at byte `i` and its UTF-8 length; the bytes come from a valid Swift String.
    @inline(__always)
    func decode(at i: Int) -> (Unicode.Scalar, Int) { Self.decode(at: i, in: bytes) }

    /// `decode(at:)` in `bytes`.
    @inline(__always)
    static func decode(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        if b0 < 0xE0 {
            let v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 2)
        }
        if b0 < 0xF0 {
            let v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 3)
        }
        let v = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
        return (Unicode.Scalar(v) ?? "\u{FFFD}", 4)
    }
}

/// The emoticons sift recognises: the faces of `common/emoticons.tsv`, each also with a nose and with "<" and ">"
/// written as HTML references; grouped by first byte, longest first so the longest match wins.
enum Emoticons {
    /// Every written form the scanner matches. The lexicon file is the one list, so every face it scans has a valence.
    static let all: [String] = {
        var forms: [String] = []
        var seen = Set<String>(minimumCapacity: 256)
        func add(_ form: UnsafeBufferPointer<UInt8>) {
            let form = String(decoding: form, as: UTF8.self)
            if seen.insert(form).inserted { forms.append(form) }
        }
        // Read as bytes, each form made in one scratch buffer: Strings, Substrings and arrays made per face were most
        // of building this list at start-up.
        LexiconStore.shipped.withLines("common/emoticons.tsv") { bytes, lines in
            for line in lines {
                let whole = UnsafeBufferPointer(rebasing: bytes[line])
                guard whole.first != UInt8(ascii: "#"), let tab = whole.firstIndex(of: 0x09) else { continue }
                let face = UnsafeBufferPointer(rebasing: whole[..<tab])
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: face.count + 1) { scratch in
                    // The face, then its nosed form (":)" → ":-)", ">:(" → ">:-(": eyes, after a frown's ">", then a
                    // nose), each followed by its HTML-escaped form when it has "<" or ">".
                    let e = eyesIndex(face)
                    let nosed = face.count >= e + 2 && isEyes(face[e]) && face[e + 1] != UInt8(ascii: "-")
                        && face[e + 1] != UInt8(ascii: "'")
                    for variant in 0..<(nosed ? 2 : 1) {
                        var n = 0
                        for k in 0..<face.count {
                            if variant == 1 && k == e + 1 { scratch[n] = UInt8(ascii: "-"); n += 1 }
                            scratch[n] = face[k]
                            n += 1
                        }
                        let form = UnsafeBufferPointer(rebasing: scratch[0..<n])
                        add(form)
                        guard form.contains(UInt8(ascii: "<")) || form.contains(UInt8(ascii: ">")) else { continue }
                        var escaped: [UInt8] = []
                        for byte in form {
                            switch byte {
                            case UInt8(ascii: "<"): escaped += Array("&lt;".utf8)
                            case UInt8(ascii: ">"): escaped += Array("&gt;".utf8)
                            default: escaped.append(byte)
                            }
                        }
                        escaped.withUnsafeBufferPointer { add($0) }
                    }
                }
            }
        }
        return forms
    }()

    /// Where the eyes are: after the brow of ">:(" and ">:D", else first.
    private static func eyesIndex(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count >= 3 && bytes[0] == UInt8(ascii: ">") && bytes[1] == UInt8(ascii: ":") ? 1 : 0
    }

    /// Whether a byte is a face's eyes (a switch: a `Set<UInt8>` was 0.4 M instructions to make at start-up).
    @inline(__always)
    private static func isEyes(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "8"): true
        default: false
        }
    }

    static let byFirstByte: [[[UInt8]]] = {
        var table = Array(repeating: [[UInt8]](), count: 256)
        for e in all { table[Int(e.utf8.first!)].append(Array(e.utf8)) }
        for k in table.indices where table[k].count > 1 { table[k].sort { $0.count > $1.count } }
        return table
    }()

    /// The lookup form of a face as written: without its nose, HTML references as their characters, "xD" in one
    /// case, so ":-(" and ":(", "&lt;3" and "<3" look up the same.
    static func folded(_ written: some Collection<UInt8>) -> String {
        if let folded = written.withContiguousStorageIfAvailable({ folded(bytes: $0) }) { return folded }
        return Array(written).withUnsafeBufferPointer { folded(bytes: $0) }
    }

    /// `folded(_:)` on contiguous bytes, through one scratch buffer (slices, four-byte arrays and a byte set were 6,000
    /// instructions a face, paid for each of the lexicon's faces at start-up).
    private static func folded(bytes written: UnsafeBufferPointer<UInt8>) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(written.count, 1)) { bytes in
            var n = 0, i = 0
            while i < written.count {
                let byte = written[i]
                if byte == UInt8(ascii: "&"), written.count - i >= 4, written[i + 2] == UInt8(ascii: "t"),
                   written[i + 3] == UInt8(ascii: ";") {
                    // "&lt;" and "&gt;" as their characters.
                    if written[i + 1] == UInt8(ascii: "l") { bytes[n] = UInt8(ascii: "<"); n += 1; i += 4; continue }
                    if written[i + 1] == UInt8(ascii: "g") { bytes[n] = UInt8(ascii: ">"); n += 1; i += 4; continue }
                }
                bytes[n] = byte
                n += 1
                i += 1
            }
            let e = n >= 3 && bytes[0] == UInt8(ascii: ">") && bytes[1] == UInt8(ascii: ":") ? 1 : 0
            if n >= e + 3, bytes[e + 1] == UInt8(ascii: "-"), isEyes(bytes[e]) {
                // The nose dropped.
                var k = e + 1
                while k + 1 < n { bytes[k] = bytes[k + 1]; k += 1 }
                n -= 1
            }
            if n > 0, bytes[0] == UInt8(ascii: "X") || bytes[0] == UInt8(ascii: "x") {
                for k in 0..<n { bytes[k] |= 0x20 }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<n]), as: UTF8.self)
        }
    }
}

extension UInt8 {
    @inline(__always) var isASCIILetter: Bool { (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }
    @inline(__always) var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    @inline(__always) var isASCIIAlphanumeric: Bool { isASCIILetter || isASCIIDigit }
}

extension Unicode.Scalar {
    /// Letters, marks and digits of any script.
    @inline(__always)
    var isWordCharacter: Bool {
        if value < 0x80 { return UInt8(value).isASCIIAlphanumeric }
        // Latin letters with diacritics and Cyrillic, the common case, without a Unicode property lookup.
        if value >= 0xC0 && value <= 0x24F { return value != 0xD7 && value != 0xF7 }
        if value >= 0x400 && value <= 0x4FF { return value < 0x482 || value > 0x489 }
        if value >= ScalarPropertyBits.wordCharacterStart && value < ScalarPropertyBits.wordCharacterEnd {
            return ScalarPropertyBits.isWordCharacter(value)
        }
        if ScalarPropertyBits.isHanOrHangulLetter(value) { return true }
        return isWordCharacterPastTables
    }

    /// `isWordCharacter` of the scalars its tables do not cover, out of line so that the word loops that inline
    /// `isWordCharacter` stay small (inlined, these checks made it a call of its own: +30 instructions a review).
    @inline(never)
    var isWordCharacterPastTables: Bool {
        // Emoji (U+1F18A, past the squared Latin letters, to Symbols and Pictographs Extended-A) hold no letter, mark
        // or digit; the variation selectors that follow emoji are all nonspacing marks. The runtime's lookup cost ~300
        // instructions a scalar, on most reviews with emoji.
        if value >= 0x1F18A && value < 0x1FB00 { return false }
        if value >= 0xFE00 && value <= 0xFE0F { return true }
        if value >= ScalarPropertyBits.mathAlphanumericStart && value < ScalarPropertyBits.mathAlphanumericEnd {
            return ScalarPropertyBits.isMathWordCharacter(value)
        }
        return hasWordCharacterProperties
    }

    /// The Unicode-property half of `isWordCharacter`, out of line: inlined, its property types made every caller
    /// (the scanner's word loop included) look up type metadata on entry.
    @inline(never)
    var hasWordCharacterProperties: Bool {
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber: return true
        default: return false
        }
    }

    /// `properties.isEmoji`, out of line for the reason given at `hasWordCharacterProperties` (inlined in `emojiEnd`,
    /// it looked up the property type's metadata for every emoji).
    @inline(never)
    var hasEmojiProperty: Bool { properties.isEmoji }

    @inline(__always)
    var isLetterLike: Bool { value < 0x80 ? UInt8(value).isASCIILetter : isAlphabeticScalar }

    @inline(never)
    var isAlphabeticScalar: Bool { properties.isAlphabetic }

    /// Zero-width space, non-joiner, joiner, word joiner, byte-order mark, soft hyphen.
    var isZeroWidth: Bool {
        switch value {
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD: return true
        default: return false
        }
    }

    /// White space beyond ASCII (no-break, ideographic, line and paragraph separators), without a property lookup.
    var isUnicodeSpace: Bool {
        switch value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    var isRegionalIndicator: Bool { value >= 0x1F1E6 && value <= 0x1F1FF }

    /// Starts an emoji: a pictograph shown as emoji, or one commonly given emoji presentation.
    @inline(__always)
    var isEmojiStart: Bool {
        guard value >= 0x2000 else { return false }
        if isRegionalIndicator { return true }
        // Han, kana and Hangul letters: the bulk of non-Latin text, none of them emoji.
        if value < ScalarPropertyBits.symbolEmojiEnd { return ScalarPropertyBits.isSymbolEmojiStart(value) }
        if value >= 0x3040 && value <= 0xD7AF && !(value >= 0x3200 && value <= 0x33FF) { return false }
        if value >= ScalarPropertyBits.pictographEmojiStart && value < ScalarPropertyBits.pictographEmojiEnd {
            return ScalarPropertyBits.isPictographEmojiStart(value)
        }
        // The variation selectors that follow emoji and the mathematical alphanumerics (styled letters) start none:
        // the runtime's two lookups cost ~600 instructions a scalar.
        if value >= 0xFE00 && value <= 0xFE0F
            || value >= ScalarPropertyBits.mathAlphanumericStart && value < ScalarPropertyBits.mathAlphanumericEnd { return false }
        return hasEmojiStartProperties
    }

    /// The Unicode-property half of `isEmojiStart`, out of line for the reason given at `hasWordCharacterProperties`.
    @inline(never)
    var hasEmojiStartProperties: Bool {
        let p = properties
        return p.isEmojiPresentation || (p.isEmoji && value >= 0x2190 && !(value >= 0x3000 && value < 0x3300))
    }

    /// Scripts written without spaces between words, which need ICU's dictionary word break.
    var isNoSpaceScript: Bool {
        switch value {
        case 0x0E00...0x0EFF,  // Thai, Lao
            0x1000...0x109F,  // Myanmar
            0x1780...0x17FF,  // Khmer
            0x3040...0x30FF,  // Hiragana, Katakana
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF,  // Han
            0x31F0...0x31FF, 0xFF66...0xFF9F:  // Katakana extensions, half-width
            return true
        default:
            return false
        }
    }

    /// '!' and '?' in their ASCII, full-width and combined forms: runs of them are emphasis.
    var isEmphasisMark: Bool {
        switch value {
        case 0x21, 0x3F, 0xFF01, 0xFF1F, 0x203C, 0x2049, 0x2048, 0x2047: return true
        default: return false
        }
    }
}
