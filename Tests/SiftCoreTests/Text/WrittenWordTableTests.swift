import Testing
@testable import SiftCore

struct WrittenWordTableTests {
    private func withBytes<R>(_ word: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        Array(word.utf8).withUnsafeBufferPointer(body)
    }

    @Test func aTableWithReservedRoomHoldsMoreThanItReserved() {
        var table = WrittenWordTable<Int>(reservingCapacity: 8)
        let words = (0..<100).map { "word\($0)" }
        for (i, word) in words.enumerated() {
            withBytes(word) { table.insert($0, i, hash: WrittenWordTable<Int>.hash($0)) }
        }
        #expect(table.count == 100)
        for (i, word) in words.enumerated() {
            #expect(withBytes(word) { table.value($0, hash: WrittenWordTable<Int>.hash($0)) } == i)
        }
    }

    @Test func findsShortAndLongWordsAfterGrowing() {
        var table = WrittenWordTable<Int>()
        // Past 16 bytes a key is compared in the arena too; words sharing their first 16 bytes must stay apart.
        let words = (0..<3_000).map { "w\($0)" } + ["Crash", "crash", "CRASH", "uninstallingggggg", "uninstallinggggggg",
                                                      "supercalifragilisticexpialidocious", "😡", "don’t"]
        for (i, word) in words.enumerated() {
            withBytes(word) { table.insert($0, i, hash: WrittenWordTable<Int>.hash($0)) }
        }
        #expect(table.count == words.count)
        for (i, word) in words.enumerated() {
            #expect(withBytes(word) { table.value($0, hash: WrittenWordTable<Int>.hash($0)) } == i)
        }
        for missing in ["w3000", "Crash ", "uninstallinggggg", "supercalifragilisticexpialidociou", ""] {
            #expect(withBytes(missing) { table.value($0, hash: WrittenWordTable<Int>.hash($0)) } == nil)
        }
    }

    /// A table of one key of each length in `lengths`, spelled from `alphabet` with the given step (the key of length
    /// n at index n), and the keys.
    private func tableOfKeys(lengths: ClosedRange<Int>, alphabet: String, step: Int) -> (WrittenWordTable<Int>, [[UInt8]]) {
        var table = WrittenWordTable<Int>()
        let letters = Array(alphabet.utf8)
        let keys = lengths.map { length in (0..<length).map { letters[($0 * step + length) % letters.count] } }
        for (i, key) in keys.enumerated() {
            key.withUnsafeBufferPointer { table.insert($0, i, hash: WrittenWordTable<Int>.hash($0)) }
        }
        return (table, keys)
    }

    /// A key of at most 16 bytes is found by its head and count alone (`entryIndex(head:count:)`), as by its bytes,
    /// and a head with another count or one changed byte is another key.
    @Test func aShortKeyIsFoundByItsHead() {
        let (table, keys) = tableOfKeys(lengths: 0...16, alphabet: "abcdefghijklmnopqrstuvwxyz0123456789'", step: 5)
        for (i, key) in keys.enumerated() {
            let head = key.withUnsafeBufferPointer { WrittenWordTable<Int>.hashAndHead($0).head }
            #expect(table.entryIndex(head: head, count: key.count) == i, "length \(i)")
            if key.count < 16 { #expect(table.entryIndex(head: head, count: key.count + 1) == nil, "length \(i)") }
            if !key.isEmpty { #expect(table.entryIndex(head: (head.0 ^ 0x20, head.1), count: key.count) == nil, "length \(i)") }
        }
    }

    /// Keys of every length from 0 to 40 bytes, read 8 bytes at a time or byte by byte, are found, and only they:
    /// one byte changed anywhere, or one more byte, is another key.
    @Test func findsKeysOfEveryLength() {
        let (table, keys) = tableOfKeys(lengths: 0...40, alphabet: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", step: 7)
        for (i, key) in keys.enumerated() {
            let found = key.withUnsafeBufferPointer { bytes in
                let (hash, head) = WrittenWordTable<Int>.hashAndHead(bytes)
                return table.value(bytes, hash: hash, head: head)
            }
            #expect(found == i, "length \(i)")
            for position in key.indices {
                var changed = key
                changed[position] ^= 0x20
                #expect(changed.withUnsafeBufferPointer { table.value($0, hash: WrittenWordTable<Int>.hash($0)) } == nil)
            }
            let longer = key + [UInt8(ascii: "!")]
            #expect(longer.withUnsafeBufferPointer { table.value($0, hash: WrittenWordTable<Int>.hash($0)) } == nil)
        }
    }

    /// A key read from inside a longer text, 8 bytes at a time with the bytes after it masked off, hashes and heads
    /// as the key alone does, at every start and length, near the text's end too.
    /// Texts of every length up to 20 bytes are there too: keys near the end of a text of 8 bytes or more are read
    /// from its end, keys within its first 8 bytes from its start, keys of shorter texts byte by byte.
    @Test func keysInsideATextHashAsKeysAlone() {
        let long = Array("Sooo laggy, don't update!!! supercalifragilisticexpialidocious ok".utf8)
        for text in [long] + (0...20).map({ Array(long.prefix($0)) }) {
            text.withUnsafeBufferPointer { text in
                for start in 0..<text.count {
                    for end in start...min(text.count, start + 20) {
                        let alone = Array(text[start..<end]).withUnsafeBufferPointer { WrittenWordTable<Int>.hashAndHead($0) }
                        let inside = WrittenWordTable<Int>.hashAndHead(in: text, start..<end)
                        #expect(inside.hash == alone.hash && inside.head == alone.head, "\(start)..<\(end) of \(text.count)")
                    }
                }
            }
        }
    }

    /// A key of at most 8 bytes hashes from its head word alone as `hashAndHead` hashes its bytes.
    @Test func shortKeysHashFromTheirHeadWord() {
        let word = Array("marker12".utf8)
        for length in 0...8 {
            let (hash, head) = Array(word.prefix(length)).withUnsafeBufferPointer { WrittenWordTable<Int>.hashAndHead($0) }
            #expect(head.1 == 0)
            #expect(WrittenWordTable<Int>.hash(head: head.0, count: length) == hash, "length \(length)")
        }
    }

    @Test func findsWordsByTheOnePassHashAndHead() {
        var table = WrittenWordTable<Int>()
        let words = ["app", "Crash", "crashes", "uninstallingggggg", "uninstallinggggggg", "supercalifragilisticexpialidocious"]
        for (i, word) in words.enumerated() {
            withBytes(word) { table.insert($0, i, hash: WrittenWordTable<Int>.hash($0)) }
        }
        for (i, word) in words.enumerated() {
            let found = withBytes(word) { bytes in
                let (hash, head) = WrittenWordTable<Int>.hashAndHead(bytes)
                return table.value(bytes, hash: hash, head: head)
            }
            #expect(found == i, "\(word)")
        }
        #expect(withBytes("crash") { bytes in
            let (hash, head) = WrittenWordTable<Int>.hashAndHead(bytes)
            return table.value(bytes, hash: hash, head: head)
        } == nil)
    }

    @Test func isEmptyAfterRemoveAll() {
        var table = WrittenWordTable<Int>()
        withBytes("laggy") { table.insert($0, 1, hash: WrittenWordTable<Int>.hash($0)) }
        table.removeAll()
        #expect(table.count == 0)
        #expect(withBytes("laggy") { table.value($0, hash: WrittenWordTable<Int>.hash($0)) } == nil)
        withBytes("laggy") { table.insert($0, 2, hash: WrittenWordTable<Int>.hash($0)) }
        #expect(withBytes("laggy") { table.value($0, hash: WrittenWordTable<Int>.hash($0)) } == 2)
    }

    /// A fold memo folds each spelling once, keeps forms apart by their bytes, and starts over past its limit; the
    /// hash it gives, first time or not, is the folded string's `WordHash`.
    @Test func foldMemoFoldsEachSpellingOnce() {
        var memo = FoldMemo(limit: 2)
        var folds = 0
        func form(_ written: String) -> String {
            let (form, hash) = withBytes(written) { bytes in
                memo.form(bytes) {
                    folds += 1
                    return FoldedForm(folded: written.lowercased(), elongated: false, allCaps: false)
                }
            }
            #expect(hash == WordHash.of(form.folded))
            return form.folded
        }
        #expect(form("Laggy") == "laggy")
        #expect(form("Laggy") == "laggy")
        #expect(folds == 1)
        #expect(form("SLOW") == "slow")
        #expect(folds == 2)
        #expect(form("Crash") == "crash")  // past the limit: the memo starts over
        #expect(form("Laggy") == "laggy")
        #expect(folds == 4)
    }

    /// The analyzer's emoji memo gives a repeated emoji the fold of its first sighting: skin tone dropped.
    @Test func repeatedEmojiFoldTheSame() {
        let tokens = TextAnalyzer().makeWorker().analyze("👍🏽 great 👍🏽 👍").tokens.filter { $0.kind == .emoji }
        #expect(tokens.map(\.folded) == ["👍", "👍", "👍"])
    }
}
