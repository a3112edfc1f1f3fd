import Testing
@testable import SiftCore

/// The hand-written English stemmer must give libstemmer's stem for every word; each case names the rule it tests.
struct EnglishStemmerTests {
    // Each test makes its own: a stemmer is not thread-safe, and tests run in parallel.
    let library = SnowballStemmer(language: "en", handWritten: false)!
    let handWritten = SnowballStemmer(language: "en")!

    /// The stem from each stemmer, hand-written first.
    func stems(_ word: String) -> (handWritten: String, library: String) {
        (handWritten.stem(word), library.stem(word))
    }

    static let trickyWords: [String] = [
        // Exceptions of whole words, and words that merely start or end like them.
        "skis", "skies", "sky", "skying", "dying", "lying", "tying", "dyings", "idly", "gently", "ugly", "early",
        "only", "singly", "news", "howe", "howes", "atlas", "cosmos", "bias", "andes", "biases", "newsy",
        "inning", "innings", "outing", "outings", "canning", "cannings", "herring", "herrings", "earring",
        "earrings", "proceed", "proceeds", "proceeded", "proceeding", "exceed", "exceeds", "exceeded", "exceeding",
        "succeed", "succeeds", "succeeded", "succeeding", "inningly", "'skis", "skis'",
        // Prefixes that set R1 themselves.
        "generate", "generates", "generously", "general", "generically", "generation", "communism", "communication",
        "community", "communal", "arsenal", "arsenic", "gener", "commun", "arsen", "genera",
        // y as a consonant: initial, after a vowel, repeated.
        "youth", "yelling", "says", "saying", "played", "player", "obeyed", "enjoying", "ayyy", "yyy", "yay",
        "buyer", "boyish", "annoyingly", "toy", "toys", "crying", "cry", "cries", "cried", "by", "bye", "dye",
        "eye", "eyes", "employ", "employees", "sayyid", "happy", "happily", "happiness", "yes", "yo", "y'all",
        // Apostrophes: possessives, plural possessives, leading and doubled ones.
        "dog's", "dogs'", "dog's'", "'dog", "'s", "''", "'''", "it's", "don't", "can't", "won't", "y'know",
        "o'clock", "'tis", "'em", "'cause", "rock'n'roll", "ain't", "'ies", "ies'", "'s'", "s'", "a's", "'a's",
        "''dog", "dog''", "fo'c'sle",
        // Step 1a: sses, ied/ies, s after a vowel two back, us, ss.
        "caresses", "ties", "tied", "cries", "cried", "pies", "dies", "gas", "gaps", "kiwis", "this", "its",
        "us", "bus", "gus", "ss", "class", "focus", "ies", "ied", "yes", "abyss", "species", "series", "menus",
        // Step 1b: eed(ly) in R1 or not, ed/ing(ly) with at/bl/iz, doubles, short words.
        "agreed", "feed", "speed", "speedily", "bleed", "needly", "deedly", "guaranteedly", "freed", "proceedly",
        "luxuriated", "luxuriating", "troubled", "troubling", "sized", "sizing", "hopping", "hopped", "fitted",
        "falling", "filling", "hissing", "fizzed", "buzzing", "hoping", "hoped", "fixing", "snowing", "tapping",
        "taped", "controlled", "rolling", "dated", "bled", "bed", "sing", "thing", "things", "string", "king",
        "red", "bring", "ring", "ding", "ed", "ing", "ingly", "edly", "excitedly", "amazingly", "unfailingly",
        "allied", "spied", "wied", "boring", "cared", "cooking", "hugged", "rubbed", "planned", "stirred",
        "xed", "waxed", "sewed", "played", "ached", "oped", "aged", "eking",
        // Step 1c.
        "happy", "try", "tried", "dry", "fly", "sty", "ay", "oy", "rally", "carry", "slay",
        // Step 2, with R1 and without.
        "relational", "conditional", "rational", "valenci", "hesitanci", "digitizer", "conformabli",
        "radicalli", "differentli", "vileli", "analogousli", "vietnamization", "predication", "operator",
        "feudalism", "decisiveness", "hopefulness", "callousness", "formaliti", "sensitiviti", "sensibiliti",
        "visibility", "doubly", "fully", "carefully", "hopelessly", "helplessly", "analogi", "analogy",
        "apology", "geology", "biology", "quickly", "nicely", "lovely", "gladly", "oddly", "likely", "kindly",
        "friendly", "greatly", "badly", "truly", "duly", "holy", "ally", "enciabli", "rationality", "abli", "alli",
        "bli", "ogi", "li", "logi", "blogi",
        // Step 3.
        "triplicate", "formative", "formalize", "electriciti", "electrical", "hopeful", "goodness", "additional",
        "sensational", "creative", "native", "alternative", "relative", "informative", "generative",
        // Step 4, including -ion after s or t and R2 edges.
        "revival", "allowance", "inference", "airliner", "gyroscopic", "adjustable", "defensible", "irritant",
        "replacement", "adjustment", "dependent", "adoption", "homologou", "communism", "activate", "angulariti",
        "homologous", "effective", "bowdlerize", "vision", "question", "onion", "nation", "station", "mention",
        "option", "lion", "cement", "ment", "element", "agreement", "moment", "government", "environment",
        "explosion", "fusion", "region", "legion", "motion", "tion", "ion", "sion", "ation",
        // Step 5.
        "probate", "rate", "cease", "controll", "roll", "fall", "hope", "hole", "fine", "file", "come", "tribe",
        "owe", "axe", "awe", "eve", "ease", "taste", "paste", "gave", "love", "application", "installation",
        "uninstalled", "reinstalling", "updates", "updated", "updating", "crashes", "crashed", "crashing",
        "notifications", "subscription", "subscriptions", "battery", "batteries", "freezes", "froze", "lagging",
        // R1 and R2 at the very end of a word, and words of one to three letters.
        "a", "i", "o", "y", "an", "as", "is", "ok", "oh", "ax", "be", "me", "at", "bl", "iz", "the", "are", "was",
        "its", "eat", "ate", "see", "sea", "use", "ace", "ice", "aid", "ide", "ies", "ess", "sss", "eee", "yyy",
        "abe", "abed", "aed", "eed", "ied", "lie", "tie", "die", "hie", "cat", "bat", "beau", "eau", "oui",
        // Non-letters the rules treat as consonants.
        "mp3s", "4ever", "b2b", "covid-19", "e-mail", "e-mails", "re-installed", "x86", "3d", "2fa", "co-op",
        "w00t", "lol", "lmao", "omg", "a1b2", "--", "'", "-s", "9s", "xs", "v1.2.3", "3.5",
        // Words beyond ASCII: with no ASCII letter no rule applies; with one, libstemmer stems them.
        "اللعبه", "बेहतरीन", "শুক্রিয়া", "好用", "😍", "ستمر's", "naïvely", "años", "ständig", "cafés", "ʟᴏᴠᴇ", "é",
        "ééé", "'é'", "éing", "niño's", "Crashes", "YES", "sAYing",
    ]

    @Test(arguments: trickyWords)
    func givesLibstemmersStemForTrickyWord(_ word: String) {
        let (handWritten, library) = stems(word)
        #expect(handWritten == library, "\(word)")
    }

    @Test func givesLibstemmersStemForEveryWordOfTheEnglishLexicons() {
        var words = Set<String>()
        for path in LexiconStore.shipped.paths where path.hasPrefix("en/") {
            for line in LexiconStore.shipped.lines(path) {
                for field in line.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                    words.insert(String(field))
                    // The words inside a field, as the analyzer would find them.
                    for part in field.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0 == "'")) }) {
                        words.insert(String(part))
                    }
                }
            }
        }
        var compared = 0
        var differing: [String] = []
        for word in words.sorted() {
            var bytes = word
            if !word.utf8.contains(where: { $0 >= 0x80 }), bytes.withUTF8({ EnglishStemmer.stem($0) }) != .library {
                compared += 1
            }
            let (handWritten, library) = stems(word)
            if handWritten != library { differing.append("\(word): \(handWritten) ≠ \(library)") }
        }
        #expect(compared > 9_000)
        #expect(differing.isEmpty, "\(differing.prefix(20))")
    }

    @Test func keepsLibstemmerForWordsOutsideASCIIAndForOtherLanguages() {
        var naively = "naïvely", crashes = "CRASHES", arabic = "اللعبه"
        #expect(naively.withUTF8 { EnglishStemmer.stem($0) } == .library)
        #expect(crashes.withUTF8 { EnglishStemmer.stem($0) } == .library)
        #expect(arabic.withUTF8 { EnglishStemmer.stem($0) } == .same)
        #expect(handWritten.stem("naïvely") == "naïv")
        #expect(handWritten.stem("CRASHES") == "CRASHES")  // libstemmer's rules are for lower-case letters
        let spanish = SnowballStemmer(language: "es")!
        #expect(spanish.stem("aplicaciones") == "aplic")  // English rules would give "aplicacion"
        // A stem libstemmer leaves as it was is the word itself, beyond ASCII too.
        for word in ["app", "bien", "güey", "niñez"] {
            #expect(spanish.stem(word) == word)
            var bytes = word
            #expect(bytes.withUTF8 { spanish.libstemmerStem($0) } == word)
        }
        #expect(spanish.stem("ñandú") == "ñandu")
    }

    @Test func stemsTheWordsUsersWriteAsExpected() {
        #expect(handWritten.stem("crashes") == "crash")
        #expect(handWritten.stem("crashing") == "crash")
        #expect(handWritten.stem("notifications") == "notif")
        #expect(handWritten.stem("generously") == "generous")
        #expect(handWritten.stem("dying") == "die")
        #expect(handWritten.stem("hoping") == "hope")
        #expect(handWritten.stem("annoyingly") == "annoy")
        #expect(handWritten.stem("app's") == "app")
    }
}
