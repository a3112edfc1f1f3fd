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
