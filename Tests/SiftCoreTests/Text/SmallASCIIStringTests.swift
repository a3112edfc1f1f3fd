import Testing
@testable import SiftCore

struct SmallASCIIStringTests {
    /// Words of every length up to 15 bytes from letters, digits, marks and capitals.
    private static let words: [[UInt8]] = {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'-_~".utf8)
        return (0...SmallASCIIString.capacity).flatMap { length in
            (0..<7).map { seed in (0..<length).map { alphabet[($0 * 11 + seed * 5 + length) % alphabet.count] } }
        }
    }()

    @Test func theLayoutIsFoundOnThisPlatform() {
        // The analyzer's new words take the fast path only where this holds; a Swift whose strings change layout
        // makes them the usual way, and this test says so.
        #expect(SmallASCIIString.isFound)
    }

    @Test func madeStringsAreTheStringsOfTheirBytes() {
        guard SmallASCIIString.isFound else { return }
        for bytes in Self.words {
            let (low, high) = SmallASCIIString.words(bytes)
            let made = SmallASCIIString.make(low, high, count: bytes.count)
            let usual = String(decoding: bytes, as: UTF8.self)
            #expect(made == usual)
            #expect(Array(made.utf8) == bytes)
            #expect(made.hashValue == usual.hashValue)
            #expect(WordHash.of(made) == WordHash.of(usual))
            // Inline: copying such a string retains nothing, as the analyzer's plain tokens need.
            #expect(Token.StringLayout.ownsNoMemory(Token.StringLayout.bits(made)))
        }
    }

    @Test func stringsMadeFromBytesAreTheStringsOfTheirBytesAndOnlyShortASCIIIsMade() {
        guard SmallASCIIString.isFound else { return }
        for bytes in Self.words {
            let made = bytes.withUnsafeBufferPointer { SmallASCIIString.make($0) }
            #expect(made == String(decoding: bytes, as: UTF8.self) && made.map { Array($0.utf8) } == bytes, "\(bytes)")
            #expect(made.map { Token.StringLayout.ownsNoMemory(Token.StringLayout.bits($0)) } == true)
        }
        // Sixteen bytes, or a byte outside ASCII anywhere: left to the usual way.
        for bytes in [Array("abcdefghijklmnop".utf8), Array("très".utf8), Array("abcdefghijklmn😀".utf8), [0x61, 0x80]] {
            #expect(bytes.withUnsafeBufferPointer { SmallASCIIString.make($0) } == nil, "\(bytes)")
        }
    }

    @Test func inlineASCIIStringsAreReadBackAsTheirWordsAndOthersAreNot() {
        guard SmallASCIIString.isFound else { return }
        for bytes in Self.words {
            let (low, high) = SmallASCIIString.words(bytes)
            let read = SmallASCIIString.words(of: String(decoding: bytes, as: UTF8.self))
            #expect(read?.low == low && read?.high == high && read?.count == bytes.count, "\(bytes)")
        }
        // Beyond ASCII, 16 bytes or more (in memory of their own), and a literal of that length.
        var built = "abcdefghijklmnop"
        built.append("q")
        for other in ["é", "naïve", "😀", built, "abcdefghijklmnopqrstuvwxyz"] {
            #expect(SmallASCIIString.words(of: other) == nil, "\(other)")
        }
    }

    @Test func stemmingAWordFromItsWordsMatchesStemmingItsBytes() {
        let words = ["crashes", "crashing", "notifications", "generously", "dying", "hoping", "happy", "yes", "sky", "skies",
                     "y", "ay", "'s", "it's", "apps'", "caresses", "ponies", "ties", "feed", "agreed", "hopping", "filing",
                     "relational", "conditional", "digitizer", "hopefulness", "abcdefghijklmno", "Crashes", "a", "aaa", "go"]
        for word in words {
            var bytes = word
            let fromBytes = bytes.withUTF8 { EnglishStemmer.stem($0) }
            let (low, high) = SmallASCIIString.words(Array(word.utf8))
            #expect(EnglishStemmer.stem(low: low, high: high, count: word.utf8.count) == fromBytes, "\(word)")
        }
    }

    @Test func laneTestsAgreeWithByteTests() {
        for bytes in Self.words {
            let (low, high) = SmallASCIIString.words(bytes)
            let capitals = [ASCIILanes.inRange(low, UInt8(ascii: "A"), UInt8(ascii: "Z")),
                            ASCIILanes.inRange(high, UInt8(ascii: "A"), UInt8(ascii: "Z"))]
            let zeros = [ASCIILanes.zeroBytes(low), ASCIILanes.zeroBytes(high)]
            for k in 0..<16 {
                let byte: UInt8 = k < bytes.count ? bytes[k] : 0
                let mark = (capitals[k / 8] >> UInt64(8 * (k % 8))) & 0xFF
                #expect((mark == 0x80) == (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")), "\(bytes) byte \(k)")
                #expect(mark == 0 || mark == 0x80)
                let zero = (zeros[k / 8] >> UInt64(8 * (k % 8))) & 0xFF
                #expect((zero == 0x80) == (byte == 0), "\(bytes) byte \(k)")
            }
        }
    }

    @Test func runsOfThreeLettersAreFoundWhereverTheyAre() {
        func naive(_ word: String) -> Bool {
            let bytes = Array(word.utf8)
            return bytes.indices.dropLast(2).contains { bytes[$0] == bytes[$0 + 1] && bytes[$0] == bytes[$0 + 2] && bytes[$0].isASCIILetter }
        }
        // Across the two words (bytes 6 to 9), at the ends, of digits and marks (not letters), and two in a row only.
        let words = ["aaa", "aab", "baaa", "abcdefggg", "abcdeffff", "abcdefghhh", "abcdefgggh", "abcdefghijklmmm", "zzzabcdefghijkl",
                     "111", "!!!", "abcdefg111", "aabbccddeeffgg", "ab", "a", "", "xyzzy", "booook", "ooo'", "''''", "abcdefghijklmn"]
        for word in words {
            let (low, high) = SmallASCIIString.words(Array(word.utf8))
            #expect(ASCIILanes.hasRunOfThreeLetters(low, high) == naive(word), "\(word)")
        }
    }

    @Test func foldingAWordInItsHeadWordsMatchesTheByteLoop() {
        guard SmallASCIIString.isFound else { return }
        let folder = TokenFolder(doubleLetterWords: ["good", "cool"])
        let words = ["good", "Good", "GOOD", "gOoD", "I", "A", "OK", "ok", "Ok", "don't", "DON'T", "wi-fi", "Wi-Fi", "mp3", "MP3",
                     "abcdefgh", "ABCDEFGH", "Abcdefghijklmno", "ABCDEFGHIJKLMNO", "abcdefgHHHijklm", "ABCDEFGHIJKLMnn",
                     "Goooood", "GOOOOD", "sooo", "SoOo", "aAa", "x", "12345", "b2b", "B2B", "iOS", "iPhone", "ZZ", "zZ"]
        for word in words {
            let bytes = Array(word.utf8)
            bytes.withUnsafeBufferPointer { slice in
                let head = WrittenWordTable<Int32>.hashAndHead(slice).head
                let fast = folder.foldASCIIWordHashed(slice, head: head)
                let loop = folder.foldASCIIWordHashed(slice)
                #expect(fast.form.folded == loop.form.folded && Array(fast.form.folded.utf8) == Array(loop.form.folded.utf8), "\(word)")
                #expect(fast.form.elongated == loop.form.elongated && fast.form.allCaps == loop.form.allCaps, "\(word)")
                #expect(fast.hash == loop.hash && fast.hash == WordHash.of(loop.form.folded), "\(word)")
                #expect(fast.changed == loop.changed, "\(word)")
            }
        }
    }
}

extension SmallASCIIString {
    /// `words` of an array's bytes.
    static func words(_ bytes: [UInt8]) -> (UInt64, UInt64) { bytes.withUnsafeBufferPointer { words($0) } }
}
