import Testing
@testable import SiftCore

struct TokenScannerTests {
    /// The bit tables hold the Unicode properties of the Swift runtime in use, bit for bit (on a mismatch the expected
    /// table is printed, to paste into `ScalarPropertyBits`).
    @Test func propertyBitTablesHoldTheUnicodeProperties() {
        func expectTable(_ table: [UInt64], _ range: Range<UInt32>, _ property: (Unicode.Scalar) -> Bool) {
            let expected = ScalarPropertyBits.bits(range, property)
            #expect(table == expected, "\(expected.map { "0x" + String($0, radix: 16, uppercase: true) })")
        }
        typealias Bits = ScalarPropertyBits
        expectTable(Bits.wordCharacterBits, Bits.wordCharacterStart..<Bits.wordCharacterEnd) { $0.hasWordCharacterProperties }
        expectTable(Bits.alphabeticBits, Bits.alphabeticStart..<Bits.alphabeticEnd) { $0.properties.isAlphabetic }
        expectTable(Bits.mathWordCharacterBits, Bits.mathAlphanumericStart..<Bits.mathAlphanumericEnd) { $0.hasWordCharacterProperties }
        expectTable(Bits.symbolEmojiStartBits, Bits.symbolEmojiStart..<Bits.symbolEmojiEnd) { $0.hasEmojiStartProperties }
        expectTable(Bits.pictographEmojiStartBits, Bits.pictographEmojiStart..<Bits.pictographEmojiEnd) { $0.hasEmojiStartProperties }
    }

    /// The fast paths of `isWordCharacter`, `isEmojiStart` and `ScalarPropertyBits.isAlphabetic` (fixed ranges and bit
    /// tables) answer as the Unicode properties do for every scalar they cover and those around them: Arabic,
    /// Devanagari and Bengali letters are word characters, their dandas are not, emoji start emoji. The one exception
    /// is kept as the scanner has always had it: the Cyrillic combining marks U+0483-0489 are no word characters.
    @Test func propertyFastPathsAgreeWithTheUnicodeProperties() {
        var wordCharacterMismatches: [UInt32] = [], emojiStartMismatches: [UInt32] = []
        var alphabeticMismatches: [UInt32] = []
        let covered: [ClosedRange<UInt32>] = [0x80...0x3400, 0x4DF0...0xA010, 0xABF0...0xD7B0, 0xFDF0...0xFE20, 0x1D3F0...0x1D810,
                                               0x1EFF0...0x1FB10]
        for value in covered.joined() {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let isWordCharacter = scalar.hasWordCharacterProperties && !(value >= 0x483 && value <= 0x489)
            if scalar.isWordCharacter != isWordCharacter { wordCharacterMismatches.append(value) }
            let emojiStart = value >= 0x2000 && (scalar.isRegionalIndicator || scalar.hasEmojiStartProperties)
                && !(value >= 0x3040 && value <= 0xD7AF && !(value >= 0x3200 && value <= 0x33FF))
            if scalar.isEmojiStart != emojiStart { emojiStartMismatches.append(value) }
            if ScalarPropertyBits.isAlphabetic(scalar) != scalar.properties.isAlphabetic { alphabeticMismatches.append(value) }
        }
        #expect(wordCharacterMismatches.isEmpty, "\(wordCharacterMismatches.prefix(20).map { String($0, radix: 16) })")
        #expect(emojiStartMismatches.isEmpty, "\(emojiStartMismatches.prefix(20).map { String($0, radix: 16) })")
        #expect(alphabeticMismatches.isEmpty, "\(alphabeticMismatches.prefix(20).map { String($0, radix: 16) })")
        #expect(ScalarPropertyBits.isAlphabetic(Unicode.Scalar(0x0628)!) && !ScalarPropertyBits.isAlphabetic(Unicode.Scalar(0x060C)!))  // ب ،
        #expect(Unicode.Scalar(0x0628)!.isWordCharacter)  // ب
        #expect(!Unicode.Scalar(0x0964)!.isWordCharacter)  // ।
        #expect(Unicode.Scalar(0x1F60D)!.isEmojiStart)  // 😍
        #expect(Unicode.Scalar(0x2764)!.isEmojiStart && !Unicode.Scalar(0x2764)!.isWordCharacter)  // ❤
        #expect(Unicode.Scalar(0x597D)!.isWordCharacter && Unicode.Scalar(0xD55C)!.isWordCharacter)  // 好 한
        #expect(Unicode.Scalar(0xFE0F)!.isWordCharacter && !Unicode.Scalar(0xFE0F)!.isEmojiStart)  // emoji presentation selector
        #expect(Unicode.Scalar(0x1F189)!.isWordCharacter && !Unicode.Scalar(0x1F18A)!.isWordCharacter)  // 🆉 🆊
        #expect(Unicode.Scalar(0x1D420)!.isWordCharacter && ScalarPropertyBits.isAlphabetic(Unicode.Scalar(0x1D420)!))  // 𝐠
        #expect(Unicode.Scalar(0x1D7CE)!.isWordCharacter && !ScalarPropertyBits.isAlphabetic(Unicode.Scalar(0x1D7CE)!))  // 𝟎
        #expect(!Unicode.Scalar(0x1D6C1)!.isWordCharacter)  // 𝛁 (a math symbol)
    }

    /// `nameEnd` asks for emoji presentation only from U+231A on: no scalar before it has the property.
    @Test func noScalarBeforeTheWatchHasEmojiPresentation() {
        #expect(!(0..<0x231A).contains { Unicode.Scalar($0).map { $0.properties.isEmojiPresentation } ?? false })
        #expect(Unicode.Scalar(0x231A)!.properties.isEmojiPresentation)  // ⌚
    }

    /// Storage reused from text to text holds only the tokens of the last text scanned.
    @Test func reusedStorageHoldsTheLastTextsTokens() {
        let storage = ScannedTokens(capacity: 1)
        var long = "one two three four five six seven eight nine ten"
        long.withUTF8 { bytes in
            var scanner = TokenScanner(bytes: bytes, reusing: storage)
            scanner.scan()
        }
        #expect(storage.count == 10)
        var short = "ok 👍"
        short.withUTF8 { bytes in
            var scanner = TokenScanner(bytes: bytes, reusing: storage)
            scanner.scan()
        }
        #expect(storage.count == 2)
        #expect(storage[0].kind == .word && storage[0].range == 0..<2)
        #expect(storage[1].kind == .emoji)
        // `taken` reads the same tokens through a pointer, and none once the storage is emptied.
        #expect(storage.taken.count == 2)
        #expect(storage.taken.map(\.range) == [0..<2, 3..<7] && storage.taken.map(\.kind) == [.word, .emoji])
        storage.removeAll()
        #expect(storage.taken.isEmpty)
    }

    /// A lone modifier apostrophe "ʼ" (U+02BC, a letter to Unicode) once made an empty word and the scanner never
    /// finished: `sift sentiment` and `sift analyze` hung on such a review and grew until the system killed them.
    @Test func loneApostrophesEndTheScanWithNoEmptyToken() {
        let storage = ScannedTokens()
        for text in ["ʼ", "ʼ ", "it ʼs fine", "ʼ5", "+ʼ", "’", "don’t", "мʼята", "Hawaiʻi", "' '", "ʼʼʼ"] {
            var text = text
            var ranges: [Range<Int>] = []
            text.withUTF8 { bytes in
                var scanner = TokenScanner(bytes: bytes, reusing: storage)
                scanner.scan()
                ranges = (0..<storage.count).map { storage[$0].range }
            }
            #expect(ranges.allSatisfy { !$0.isEmpty }, "\(text)")
            // Tokens follow one another and cover every non-space byte.
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound <= $1.lowerBound }, "\(text)")
            #expect(ranges.reduce(0) { $0 + $1.count } == text.utf8.count(where: { $0 != UInt8(ascii: " ") }), "\(text)")
        }
        var text = "мʼята"
        text.withUTF8 { bytes in
            var scanner = TokenScanner(bytes: bytes, reusing: storage)
            scanner.scan()
        }
        #expect(storage.count == 1 && storage[0].kind == .word)
    }

    /// E-mail addresses are found from the first letter of their local part, and words before an '@' that ends no
    /// address stay words, now that the scanner remembers where the last local part ended (rescanning it from every
    /// word of "a-a-a-…" took minutes on a megabyte).
    @Test func emailsAfterLongLocalPartsAndWordsThatEndInNone() {
        let storage = ScannedTokens()
        func tokens(_ text: String) -> [(Token.Kind, String)] {
            var text = text
            return text.withUTF8 { bytes in
                var scanner = TokenScanner(bytes: bytes, reusing: storage)
                scanner.scan()
                return (0..<storage.count).map { (storage[$0].kind, String(decoding: UnsafeBufferPointer(rebasing: bytes[storage[$0].range]), as: UTF8.self)) }
            }
        }
        #expect(tokens("mail a-b.c@d.fr now").map(\.1) == ["mail", "a-b.c@d.fr", "now"])
        #expect(tokens("mail a-b.c@d.fr now")[1].0 == .email)
        // No dot in the domain: no address, from any start inside "a-b-c".
        #expect(tokens("a-b-c@d").filter { $0.0 == .email }.isEmpty)
        #expect(tokens("a-b-c@d").filter { $0.0 == .word }.map(\.1) == ["a", "b", "c"])
        let long = String(repeating: "a-", count: 5_000) + "a@x.io"
        #expect(tokens(long).map(\.0) == [.email])
        let noAddress = String(repeating: "v1.", count: 5_000)
        #expect(!tokens(noAddress).contains { $0.0 == .email })
    }

    /// Each token's kind and text as "kind text", for comparing a scan with the expected one in one line.
    private func scanned(_ text: String, into storage: ScannedTokens = ScannedTokens()) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var scanner = TokenScanner(bytes: bytes, reusing: storage)
            scanner.scan()
            return (0..<storage.count).map {
                "\(storage[$0].kind.rawValue) " + String(decoding: UnsafeBufferPointer(rebasing: bytes[storage[$0].range]), as: UTF8.self)
            }
        }
    }

    /// Texts hard on every rule of the scanner (URLs and near-URLs, e-mails, versions, prices, emoticons next to
    /// letters and digits, apostrophes, hyphens, emphasis, emoji, scripts, zero-width characters, words longer than
    /// eight bytes), with the tokens the scanner made of them before its ASCII loops read eight bytes at a time: the
    /// rewrite must find exactly these.
    @Test func trickyTextsScanAsBefore() {
        let storage = ScannedTokens()
        let cases: [(String, [String])] = [
        ("Great app, love it!!! 5 stars :)",
         ["word Great", "word app", "punctuation ,", "word love", "word it", "punctuation !!!", "number 5", "word stars", "emoticon :)"]),
        ("see https://example.com/a?b=c&d=e#f, or (http://x.y/z). www.site.org! HTTPS://X.COM/P http:// www. https://é.com",
         ["word see", "url https://example.com/a?b=c&d=e#f", "punctuation ,", "word or", "punctuation (", "url http://x.y/z", "punctuation )", "punctuation .", "url www.site.org", "punctuation !", "url HTTPS://X.COM/P", "word http", "emoticon :/", "punctuation /", "word www", "punctuation .", "word https", "emoticon :/", "punctuation /", "word é", "punctuation .", "word com"]),
        ("wwwx.com Http://a.b http:/a.b ftp://x.y \"https://q.r/s\" <http://t.u>",
         ["word wwwx", "punctuation .", "word com", "url Http://a.b", "word http", "punctuation :", "punctuation /", "word a", "punctuation .", "word b", "word ftp", "emoticon :/", "punctuation /", "word x", "punctuation .", "word y", "punctuation \"", "url https://q.r/s", "punctuation \"", "punctuation <", "url http://t.u", "punctuation >"]),
        ("mail me at first.last+tag@mail.example.com or a@b. or a@.b or test@test, user_name@dom-ain.org.",
         ["word mail", "word me", "word at", "email first.last+tag@mail.example.com", "word or", "word a", "mention @b", "punctuation .", "word or", "word a", "punctuation @", "punctuation .", "word b", "word or", "word test", "mention @test", "punctuation ,", "email user_name@dom-ain.org", "punctuation ."]),
        ("a-b.c@d.fr 1@2.3 x@y.z @bar.com foo@bar a%b@c.de a..b@c.d .a@b.cd",
         ["email a-b.c@d.fr", "email 1@2.3", "email x@y.z", "mention @bar", "punctuation .", "word com", "word foo", "mention @bar", "email a%b@c.de", "email a..b@c.d", "punctuation .", "email a@b.cd"]),
        ("v2 V10 v2.3.1 v2.x v1a vv2 av2 2.3.1 1.2 1.2.3a 1..2 10.0.1. v3.",
         ["version v2", "version V10", "version v2.3.1", "version v2", "punctuation .", "word x", "word v1a", "word vv2", "word av2", "version 2.3.1", "number 1.2", "word 1", "punctuation .", "word 2", "punctuation .", "word 3a", "number 1", "punctuation ..", "number 2", "version 10.0.1", "punctuation .", "version v3", "punctuation ."]),
        ("$4.99 $1,000.50 $ $a 4,99€ 5€ €5 £10 ¥100 ₹50 ₩1000 ₽99 10$ 3.50£ $$5",
         ["price $4.99", "price $1,000.50", "punctuation $", "punctuation $", "word a", "price 4,99€", "price 5€", "price €5", "price £10", "price ¥100", "price ₹50", "price ₩1000", "price ₽99", "price 10$", "price 3.50£", "punctuation $$", "number 5"]),
        ("1,000 4.99 50% 4k 5g mp3 3rd 12ab ab12 0x1F -5 +5 1.2.3.4 10:30 12:30pm 1e10",
         ["number 1,000", "number 4.99", "number 50%", "word 4k", "word 5g", "word mp3", "word 3rd", "word 12ab", "word ab12", "word 0x1F", "punctuation -", "number 5", "punctuation +", "number 5", "version 1.2.3.4", "number 10", "punctuation :", "number 30", "number 12", "punctuation :", "word 30pm", "word 1e10"]),
        (":-) :) :( :-( ;) ;-) :D xD XD xd Xd xDD :P :p <3 </3 <33 &lt;3 &gt;:( >:( >:-( ^_^ ^^ T_T o_O O_o o.O \\o/ :'( :'-( -_- :/ :\\ :|",
         ["emoticon :-)", "emoticon :)", "emoticon :(", "emoticon :-(", "emoticon ;)", "emoticon ;-)", "emoticon :D", "emoticon xD", "emoticon XD", "emoticon xd", "word Xd", "emoticon xDD", "emoticon :P", "emoticon :p", "emoticon <3", "emoticon </3", "emoticon <33", "emoticon &lt;3", "emoticon &gt;:(", "emoticon >:(", "emoticon >:-(", "emoticon ^_^", "emoticon ^^", "emoticon T_T", "emoticon o_O", "emoticon O_o", "emoticon o.O", "emoticon \\o/", "emoticon :'(", "emoticon :'-(", "emoticon -_-", "emoticon :/", "emoticon :\\", "emoticon :|"]),
        ("a:) x:D 1<3 <30 :30 3:3 B) D: 8) (a,b): (c) xDx oxD :)) :))) :((( ;_; >_< =) =( =] :} :o) :> (: ): ;P =P",
         ["word a", "emoticon :)", "word x", "emoticon :D", "number 1", "punctuation <", "number 3", "punctuation <", "number 30", "punctuation :", "number 30", "number 3", "punctuation :", "number 3", "word B", "punctuation )", "word D", "punctuation :", "number 8", "punctuation )", "punctuation (", "word a", "punctuation ,", "word b", "punctuation )", "punctuation :", "punctuation (", "word c", "punctuation )", "word xDx", "word oxD", "emoticon :))", "emoticon :)))", "emoticon :(((", "emoticon ;_;", "emoticon >_<", "emoticon =)", "emoticon =(", "emoticon =]", "emoticon :}", "emoticon :o)", "emoticon :>", "emoticon (:", "emoticon ):", "emoticon ;P", "emoticon =P"]),
        ("don't y'all rock'n'roll dogs' 'quoted' it's I'm can't ab'cd a' 'a a'b' x'y don't. it's! o'neil",
         ["word don't", "word y'all", "word rock'n'roll", "word dogs", "punctuation '", "punctuation '", "word quoted", "punctuation '", "word it's", "word I'm", "word can't", "word ab'cd", "word a", "punctuation '", "punctuation '", "word a", "word a'b", "punctuation '", "word x'y", "word don't", "punctuation .", "word it's", "punctuation !", "word o'neil"]),
        ("don’t it’s ‘quoted’ мʼята Hawaiʻi ʼ ’ y’all rock’n’roll a’ ’a",
         ["word don’t", "word it’s", "punctuation ‘", "word quoted", "punctuation ’", "word мʼята", "word Hawaiʻi", "word ʼ", "punctuation ’", "word y’all", "word rock’n’roll", "word a", "punctuation ’", "punctuation ’", "word a"]),
        ("niño ÉCOLE Ünïcödé straße español café's naïve-ish über-cool",
         ["word niño", "word ÉCOLE", "word Ünïcödé", "word straße", "word español", "word café's", "word naïve", "punctuation -", "word ish", "word über", "punctuation -", "word cool"]),
        ("@me @_x @日本 #日本 #1 #a1 #1a #_ @ @@ # ## #hashtag @user_name. #tag!",
         ["mention @me", "mention @_x", "mention @日本", "hashtag #日本", "punctuation #", "number 1", "hashtag #a1", "hashtag #1a", "hashtag #_", "punctuation @", "punctuation @@", "punctuation #", "punctuation ##", "hashtag #hashtag", "mention @user_name", "punctuation .", "hashtag #tag", "punctuation !"]),
        ("wi-fi long-term e-mail a_b a+b a%b a.b a..b U.S.A. e.g. Mr. etc...",
         ["word wi", "punctuation -", "word fi", "word long", "punctuation -", "word term", "word e", "punctuation -", "word mail", "word a", "punctuation _", "word b", "word a", "punctuation +", "word b", "word a", "punctuation %", "word b", "word a", "punctuation .", "word b", "word a", "punctuation ..", "word b", "word U", "punctuation .", "word S", "punctuation .", "word A", "punctuation .", "word e", "punctuation .", "word g", "punctuation .", "word Mr", "punctuation .", "word etc", "punctuation ..."]),
        ("Wow!!! Really??? !? ?! ‼ ⁉ ！ ？ ！！ ... .. -- --- ** ~~ || // == ++",
         ["word Wow", "punctuation !!!", "word Really", "punctuation ???", "punctuation !?", "punctuation ?!", "punctuation ‼", "punctuation ⁉", "punctuation ！", "punctuation ？", "punctuation ！！", "punctuation ...", "punctuation ..", "punctuation --", "punctuation ---", "punctuation **", "punctuation ~~", "punctuation ||", "punctuation //", "punctuation ==", "punctuation ++"]),
        ("what was have how would with when will well work why www hTtP https wwwwww",
         ["word what", "word was", "word have", "word how", "word would", "word with", "word when", "word will", "word well", "word work", "word why", "word www", "word hTtP", "word https", "word wwwwww"]),
        ("👍 👍🏽 👨\u{200D}👩\u{200D}👧 🇺🇸 🇺 ❤️ ❤ ☺ ✔ 😍😍 great👍 👍great 1️⃣ #️⃣",
         ["emoji 👍", "emoji 👍🏽", "emoji 👨\u{200D}👩\u{200D}👧", "emoji 🇺🇸", "emoji 🇺", "emoji ❤️", "emoji ❤", "emoji ☺", "emoji ✔", "emoji 😍", "emoji 😍", "word great", "emoji 👍", "emoji 👍", "word great", "word 1️⃣", "hashtag #️⃣"]),
        ("العربية हिंदी বাংলা ελληνικά עברית русский",
         ["word العربية", "word हिंदी", "word বাংলা", "word ελληνικά", "word עברית", "word русский"]),
        ("zero\u{200B}width joi\u{200D}ner soft\u{AD}hyphen no break\u{3000}ideographic",
         ["word zero\u{200B}width", "word joi\u{200D}ner", "word soft\u{AD}hyphen", "word no", "word break", "word ideographic"]),
        ("tab\tseparated",
         ["word tab", "word separated"]),
        ("line one",
         ["word line", "word one"]),
        ("line two",
         ["word line", "word two"]),
        ("crlf",
         ["word crlf"]),
        ("x\"quoted\"y (paren) [bracket] {brace} <angle> &amp; &lt; &gt; a&b",
         ["word x", "punctuation \"", "word quoted", "punctuation \"", "word y", "punctuation (", "word paren", "punctuation )", "punctuation [", "word bracket", "punctuation ]", "punctuation {", "word brace", "punctuation }", "punctuation <", "word angle", "punctuation >", "punctuation &", "word amp", "punctuation ;", "punctuation &", "word lt", "punctuation ;", "punctuation &", "word gt", "punctuation ;", "word a", "punctuation &", "word b"]),
        ("The quick brown fox jumps over the lazy dog. THE END",
         ["word The", "word quick", "word brown", "word fox", "word jumps", "word over", "word the", "word lazy", "word dog", "punctuation .", "word THE", "word END"]),
        ("abcdefgh abcdefghi abcdefghijklmnop a1b2c3d4e5f6g7h8 1234567890123 done",
         ["word abcdefgh", "word abcdefghi", "word abcdefghijklmnop", "word a1b2c3d4e5f6g7h8", "number 1234567890123", "word done"])
        ]
        for (text, expected) in cases {
            #expect(scanned(text, into: storage) == expected, "\(text)")
        }
    }

    /// Every suffix of a text ends words, emoticons and URLs at the text's end as the whole text does at a space:
    /// the eight-byte reads near the end must not run past it or stop early.
    @Test func tokensAtTheTextsEndStopThere() {
        let storage = ScannedTokens()
        let text = "ok so abcdefghijklm https://x.yz/abc n0t4b1g xD v2.3 ab'cd a@b.cd :-)"
        for word in text.split(separator: " ").map(String.init) {
            #expect(scanned(word, into: storage) == scanned(word + " ", into: storage), "\(word)")
            #expect(scanned("12345678 " + word, into: storage) == ["number 12345678"] + scanned(word, into: storage), "\(word)")
        }
    }

    /// The flags the scanner sets beside kind and range: line breaks before a token, repeated emphasis, non-ASCII
    /// bytes (which folding must normalize) and scripts that need dictionary word break.
    @Test func flagsOfScannedTokens() {
        let storage = ScannedTokens()
        var text = "one\ntwo\r\nthree\u{2028}four !!! ?! .. café 4,99€ $5 日本語 x"
        text.withUTF8 { bytes in
            var scanner = TokenScanner(bytes: bytes, reusing: storage)
            scanner.scan()
        }
        let tokens = (0..<storage.count).map { storage[$0] }
        #expect(tokens.count == 12)
        #expect(tokens.map(\.afterLineBreak) == [false, true, true, true] + Array(repeating: false, count: 8))
        #expect(tokens.map(\.repeated) == [false, false, false, false, true, true, false, false, false, false, false, false])
        #expect(tokens.map(\.isASCII) == [true, true, true, true, true, true, true, false, false, true, false, true])
        #expect(tokens.map(\.needsWordBreak) == [false, false, false, false, false, false, false, false, false, false, true, false])
    }

    /// Words of two-byte letters (U+00C0 to U+07FF), which `scanWord` takes without decoding the general way: the
    /// signs among them ('×', '÷', the Arabic comma) still end a word, and "ʼ" stays inside one; the tokens are the
    /// ones the scanner made before.
    @Test func wordsOfTwoByteLettersScanAsBefore() {
        #expect(scanned("naïve×café÷x مرحبا،عالم שָׁלוֹם мʼята ßÆøÐ߀ ݐݿހ Ωμέγα") == [
            "word naïve", "punctuation ×", "word café", "punctuation ÷", "word x", "word مرحبا", "punctuation ،",
            "word عالم", "word שָׁלוֹם", "word мʼята", "word ßÆøÐ߀", "word ݐݿހ", "word Ωμέγα",
        ])
    }

    /// Each flag of a scanned token, packed in one byte, is set and cleared alone.
    @Test func scannedTokenFlagsAreIndependent() {
        let flags: [WritableKeyPath<ScannedToken, Bool>] = [\.repeated, \.afterLineBreak, \.needsWordBreak, \.isASCII]
        for bits in 0..<16 {
            let on = (0..<4).map { bits >> $0 & 1 == 1 }
            var token = ScannedToken(kind: .emoji, range: 3..<9, repeated: on[0], afterLineBreak: on[1], needsWordBreak: on[2], isASCII: on[3])
            #expect(flags.map { token[keyPath: $0] } == on)
            for k in 0..<4 {
                token[keyPath: flags[k]].toggle()
                #expect(flags.indices.map { token[keyPath: flags[$0]] } == flags.indices.map { $0 == k ? !on[$0] : on[$0] })
                token[keyPath: flags[k]].toggle()
            }
            #expect(token.kind == .emoji && token.range == 3..<9)
        }
    }

    /// The eight-byte search for the end of a run of letters and digits stops where a byte at a time stops, from
    /// every start of texts of every length up to 40 bytes (the text's last eight bytes are read shifted), over
    /// letters, digits, the bytes next to their ranges ('/', ':', '@', '[', '`', '{'), marks, NUL and non-ASCII bytes.
    @Test func alphanumericRunsEndWhereAByteLoopEndsThem() {
        let storage = ScannedTokens()
        // Beyond ASCII, the bytes at the bounds of the search's sums (0xE0/0xE1 and 0xFA/0xFB, lower-cased).
        let pool = Array("aAzZmM09/:@[`{ .'\u{0}".utf8) + [0x7F, 0x80, 0xC1, 0xC3, 0xA9, 0xDA, 0xDB, 0xE0, 0xE1, 0xE2, 0xFA, 0xFB, 0xFF]
        var state: UInt64 = 0x5eed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for length in 1...40 {
            for _ in 0..<40 {
                // Mostly letters, as words are.
                let text = (0..<length).map { _ in next(3) == 0 ? pool[next(pool.count)] : UInt8(ascii: "a") + UInt8(next(26)) }
                text.withUnsafeBufferPointer { bytes in
                    for start in 0..<length {
                        var end = start
                        while end < length, bytes[end].isASCIIAlphanumeric { end += 1 }
                        let found = TokenScanner.alphanumericEnd(from: start, in: bytes.baseAddress!, count: length, classes: storage.byteClasses)
                        #expect(found == end, "\(text) from \(start)")
                    }
                }
            }
        }
    }

    /// The emoticon pair table holds exactly the first two bytes of every face the scanner matches.
    @Test func emoticonPairsAreTheFacesFirstTwoBytes() {
        let storage = ScannedTokens()
        var pairs = Set<[UInt8]>()
        for face in Emoticons.all { pairs.insert(Array(face.utf8.prefix(2))) }
        #expect(pairs.allSatisfy { $0.count == 2 })
        for first in 0...255 {
            for second in 0...256 {
                let expected = second < 256 && pairs.contains([UInt8(first), UInt8(second)])
                #expect(storage.emoticonPair(UInt8(first), second) == expected, "\(first) \(second)")
            }
        }
    }
}
