import Testing
@testable import SiftCore

struct LanguageIdentifierTests {
    static let cases: [(String, String)] = [
        ("The app keeps crashing every time I try to upload a video", "en"),
        ("La aplicación se cierra sola cada vez que intento subir un video", "es"),
        ("Die App stürzt jedes Mal ab, wenn ich ein Video hochladen will", "de"),
        ("L'application plante à chaque fois que j'essaie d'envoyer une vidéo", "fr"),
        ("O aplicativo fecha sozinho toda vez que tento enviar um vídeo", "pt"),
        ("L'applicazione si chiude ogni volta che provo a caricare un video", "it"),
        ("De app crasht elke keer als ik een video probeer te uploaden", "nl"),
        ("Приложение вылетает каждый раз, когда я пытаюсь загрузить видео", "ru"),
        ("動画をアップロードしようとするたびにアプリが落ちます", "ja"),
        ("每次我尝试上传视频时应用都会闪退", "zh"),
        ("동영상을 올리려고 할 때마다 앱이 꺼져요", "ko"),
        ("app bahut slow hai yaar, fix karo", "hi"),
        ("login nahi ho raha hai", "hi"),
        ("很好", "zh"),
        ("최고", "ko"),
    ]

    @Test(arguments: cases)
    func identifiesTheLanguage(_ text: String, _ language: String) throws {
        let identifier = try #require(LanguageIdentifier())
        let guess = identifier.identify(text)
        #expect(guess.language == language)
        #expect(guess.confidence > 0 && guess.confidence <= 1)
    }

    @Test func tooShortToTellIsUndetermined() throws {
        let identifier = try #require(LanguageIdentifier())
        #expect(identifier.identify("ok").language == "und")
        #expect(identifier.identify("👍").language == "und")
        #expect(identifier.identify("").language == "und")
        #expect(identifier.identify("ok").confidence == 0)
    }

    @Test func shortArabicScriptTextFallsBackByItsLetters() throws {
        // Two words are too few for CLD2; the script decides, and letters only Urdu or Persian write name those.
        let identifier = try #require(LanguageIdentifier())
        #expect(identifier.identify("مش حلو").language == "ar")
        #expect(identifier.identify("بہت اچھا").language == "ur")
        #expect(identifier.identify("خیلی خوب").language == "fa")
    }

    @Test func italianIsNotTakenForHinglish() throws {
        // "hai" is a Hinglish marker and Italian "you have": one marker alone must not decide.
        let identifier = try #require(LanguageIdentifier())
        #expect(identifier.identify("Hai ragione, l'applicazione non funziona più dopo l'aggiornamento").language == "it")
    }

    /// Markers are found in capitals and beside digits, marks and non-Latin letters; words of 9 letters or more are
    /// counted but never markers; two distinct markers must make a fifth of the words.
    @Test func hinglishMarkersAreCountedAmongTheWords() throws {
        let identifier = try #require(LanguageIdentifier())
        func hinglish(_ text: String) -> LanguageGuess? {
            Array(text.utf8).withUnsafeBufferPointer { identifier.romanizedHindi(utf8: $0) }
        }
        #expect(hinglish("APP BAHUT slow HAI yaar")?.language == "hi")
        #expect(hinglish("5star👍bahut,acha!!")?.language == "hi")
        #expect(identifier.identify("APP BAHUT slow HAI yaar").language == "hi")
        // One marker twice is not two distinct ones.
        #expect(hinglish("hai hai") == nil)
        // Two markers among eleven words are fewer than a fifth.
        #expect(hinglish("bahut nice application, everything works, yaar: wonderful wonderful experience overall ok") == nil)
        // Nine letters starting with a marker are no marker.
        #expect(hinglish("bahutbahu hai") == nil)
        #expect(hinglish("") == nil)
    }

    /// `languageOfScript` decodes the bytes itself; it must name what counting the text's scalars by a dictionary
    /// names (`scriptLanguageByScalars`, the way it was first written), ties and mixed scripts included.
    @Test func scriptFallbackMatchesCountingByScalars() {
        let pieces = ["a", "é", "ß", "Ω", "α", "β", "א", "ب", "ہ", "پ", "ی", "ա", "ა", "क", "ก", "가", "ᄀ", "ㄱ", "か",
                      "カ", "ｶ", "ㇰ", "中", "㐀", "豈", "д", "😀", "🅰", "ⓐ", "𝐀", "̀", "゙", "・", "1", " ", "!", "\u{FFFD}"]
        var texts = pieces + ["", "хорошо", "很好", "すごく良い", "최고", "ดีมาก", "Καλό", "טוב", "بہت اچھا", "خیلی خوب",
                              "مش حلو", "Ωא", "αאב", "中か", "中中か", "가中", "ok 👍 ดี", "नमस्ते", "ᲐᲑ"]
        // Every pair and every triple of pieces: ties between two scripts, and one script against two others.
        for a in pieces {
            for b in pieces {
                texts.append(a + b)
                for c in pieces.prefix(12) { texts.append(a + b + c + b) }
            }
        }
        for text in texts {
            let guess = Array(text.utf8).withUnsafeBufferPointer { LanguageIdentifier.languageOfScript(utf8: $0) }
            #expect(guess == Self.scriptLanguageByScalars(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// The script fallback as a dictionary of counts over the String's scalars, to check the byte-level one against.
    static func scriptLanguageByScalars(_ text: String) -> LanguageGuess? {
        var letters = 0
        var counts: [String: Int] = [:]
        var kana = false
        var arabicScript = 0
        var urduLetters = false, persianLetters = false
        for scalar in text.unicodeScalars where scalar.value >= 0x370 && ScalarPropertyBits.isAlphabetic(scalar) {
            letters += 1
            let language: String?
            switch scalar.value {
            case 0x0600...0x06FF, 0x0750...0x077F:
                arabicScript += 1
                switch scalar.value {
                case 0x0679, 0x0688, 0x0691, 0x06BA, 0x06BE, 0x06C1, 0x06D2, 0x06D3: urduLetters = true
                case 0x067E, 0x0686, 0x0698, 0x06A9, 0x06AF, 0x06CC: persianLetters = true
                default: break
                }
                language = nil
            case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: kana = true; language = "ja"
            case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: language = "ko"
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: language = "zh"
            case 0x0E00...0x0E7F: language = "th"
            case 0x0370...0x03FF: language = "el"
            case 0x0590...0x05FF: language = "he"
            case 0x0530...0x058F: language = "hy"
            case 0x10A0...0x10FF: language = "ka"
            case 0x0900...0x097F: language = "hi"
            default: language = nil
            }
            if let language { counts[language, default: 0] += 1 }
        }
        if kana { counts["ja", default: 0] += counts["zh", default: 0]; counts["zh"] = nil }
        if arabicScript > 0 { counts[urduLetters ? "ur" : persianLetters ? "fa" : "ar"] = arabicScript }
        guard letters > 0, let (language, count) = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }),
            count * 2 >= letters
        else { return nil }
        return LanguageGuess(language: language, confidence: 0.5)
    }

    /// `asciiLetterBits` marks exactly the bytes `isASCIILetter` takes, whatever byte stands at each of the 8 places
    /// and whatever stands beside it.
    @Test func asciiLetterBitsMarkTheASCIILetters() {
        var mismatches: [(UInt8, Int)] = []
        for byte in UInt8.min...UInt8.max {
            for place in 0..<8 {
                for filler: UInt8 in [0x00, 0x41, 0x7A, 0x7F, 0x80, 0xFF] {
                    var word = UInt64(filler) &* 0x0101_0101_0101_0101
                    word = word & ~(0xFF << UInt64(8 * place)) | UInt64(byte) << UInt64(8 * place)
                    let bits = LanguageIdentifier.asciiLetterBits(word)
                    for i in 0..<8 {
                        let expected = UInt8(truncatingIfNeeded: word >> UInt64(8 * i)).isASCIILetter
                        if (bits >> UInt64(8 * i + 7) & 1 == 1) != expected || bits >> UInt64(8 * i) & 0x7F != 0 {
                            mismatches.append((byte, place))
                        }
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    /// The 8-byte word scan finds the words a byte-by-byte split on ASCII letters finds, wherever a word starts and
    /// ends against the 8-byte steps and the text's end.
    @Test func hinglishWordsAreFoundAsAByteSplitFindsThem() throws {
        let identifier = try #require(LanguageIdentifier())
        let markers = identifier.romanizedHindiMarkers
        func byBytes(_ text: String) -> LanguageGuess? {
            var words = 0, found: [String] = []
            for word in text.utf8.split(whereSeparator: { !$0.isASCIILetter }) {
                words += 1
                let lowered = String(decoding: word.map { $0 | 0x20 }, as: UTF8.self)
                if markers.contains(lowered) { found.append(lowered) }
            }
            guard Set(found).count >= 2, found.count * 5 >= words else { return nil }
            return LanguageGuess(language: "hi", confidence: min(0.9, 0.5 + Double(found.count) / Double(words)))
        }
        let pieces = ["hai", "BAHUT", "yaar", "kya", "nahi", "app", "I", "is", "achchha", "achchhaa", "x", " ", "  ", ",",
                      "123", "é", "👍", "नमस्ते", "ab", "mein", "kyunki", "sabse"]
        var texts: [String] = []
        for a in pieces {
            for b in pieces {
                for c in pieces.prefix(8) { texts.append(a + b + c + " " + b + a) }
                texts.append(a + " " + b + " hai " + a + b + " kya")
            }
        }
        for text in texts {
            let guess = Array(text.utf8).withUnsafeBufferPointer { identifier.romanizedHindi(utf8: $0) }
            #expect(guess == byBytes(text), "\(text)")
        }
    }

    /// Library codes become ISO 639-1 codes: two letters in either case, with or without a script or region after a
    /// hyphen; CLD2's old Hebrew, Javanese and Indonesian codes; nothing for unknown or three-letter codes.
    @Test(arguments: [
        ("en", "en"), ("EN", "en"), ("zh-Hant", "zh"), ("ZH-hant", "zh"), ("sr-ME", "sr"), ("iw", "he"), ("iw-IL", "he"),
        ("jw", "jv"), ("in", "id"), ("un", nil), ("un-XX", nil), ("xx-Qaai", nil), ("haw", nil), ("ceb", nil), ("", nil),
        ("zh_Hant", nil),
    ] as [(String, String?)])
    func libraryCodesBecomeISO639_1(_ code: String, _ expected: String?) {
        let iso = Array(code.utf8).withUnsafeBytes { LanguageIdentifier.iso639_1($0) }
        #expect(iso == expected)
    }

    @Test func textcatIsAvailableForComparison() throws {
        let textcat = try #require(LanguageIdentifier(engine: .textcat))
        #expect(textcat.identify("Die App stürzt jedes Mal ab, wenn ich ein Video hochladen will").language == "de")
    }

    @Test func analyzerStemsInTheDetectedLanguage() {
        let worker = TextAnalyzer().makeWorker()
        let spanish = worker.analyze("Las notificaciones no llegan y la aplicación se cierra sola")
        #expect(spanish.language == "es")
        #expect(spanish.tokens.first { $0.folded == "notificaciones" }?.stem == "notif")
        #expect(spanish.tokens.first { $0.folded == "no" }?.flags.contains(.negator) == true)
        let hinglish = worker.analyze("app bahut slow hai yaar, crashing nahi karna chahiye")
        #expect(hinglish.language == "hi")
        // Latin words in a Hindi text take English stems; "nahi" opens a negation scope.
        #expect(hinglish.tokens.first { $0.folded == "crashing" }?.stem == "crash")
        #expect(hinglish.tokens.first { $0.folded == "nahi" }?.flags.contains(.negator) == true)
    }
}
