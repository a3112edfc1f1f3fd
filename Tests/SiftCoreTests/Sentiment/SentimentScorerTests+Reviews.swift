import Testing
@testable import SiftCore

/// The language of short app reviews and tweets, on sentences written for these tests.
extension SentimentScorerTests {
    @Test func describingWordsWeighLessThanVerdicts() {
        let described = score("The office has modern desks").score.compound
        let judged = score("The office is good").score.compound
        #expect(described > 0)
        #expect(described < judged * 0.6)
    }

    @Test func shortVerdictsInChatSpellingAndOtherLanguagesScore() {
        for text in ["Owsm app", "Awsum", "Top demais", "Show de bola", "Me encanta", "Sympa", "Başarılı uygulama",
                     "Tavsiye ederim", "Ek number app", "Goated game", "OP game", "Rất hay", "Топ", "Sukses selalu"] {
            #expect(score(text).score.compound > 0.05, "\(text)")
        }
        for text in ["Não presta", "Cheio de anúncios", "Es una estafa", "Abzocke", "Deludente", "Third class app",
                     "Money deducted", "Paisa kat gaya", "Teruk", "Говно", "Server down again", "P2W"] {
            #expect(score(text).score.compound < -0.05, "\(text)")
        }
    }

    @Test func arabicReviewsScoreWithTheirNegators() {
        for text in ["التطبيق ممتاز", "تطبيق روعة", "حلوه", "ما شاء الله تطبيق جميل"] {
            #expect(score(text).score.compound > 0.05, "\(text)")
        }
        // "مش" (not) negates the praise after it; "ما" before a verb states that the app fails.
        let negated = score("مش حلو")
        #expect(negated.score.compound < -0.05)
        #expect(rules(negated, "حلو").contains { $0.contains("negated") })
        for text in ["البرنامج ما يفتح", "لا يوجد خيار للغة", "اسوأ تطبيق", "التطبيق يعلق بعد التحديث"] {
            #expect(score(text).score.compound < -0.05, "\(text)")
        }
    }

    @Test func indonesianAndTagalogNegatorsTurnPraiseAndStateProblems() {
        for text in ["aplikasi ini tidak bagus sama sekali", "sudah update tapi tetap gak bisa login", "hindi maganda ang app na ito"] {
            #expect(score(text).score.compound < -0.05, "\(text)")
        }
        #expect(score("aplikasinya bagus banget, sangat membantu").score.compound > 0.05)
    }

    @Test func withoutUnderANegatorAssertsWhatFollows() {
        // "can't … without buffering": the buffering always comes.
        let governed = score("Great content, but I can't watch anything without buffering")
        #expect(governed.score.compound < -0.05)
        #expect(!rules(governed, "buffering").contains { $0.contains("negated") })
        #expect(score("You can't even watch one video without an ad").score.compound < -0.05)
        // Alone, or past a contrast word, "without" still negates: no buffering is praise.
        #expect(score("Plays without buffering").score.compound > 0.05)
        #expect(score("I don't know why but it works without crashing").score.compound > 0.05)
    }

    @Test func aProblemOfThePastThenPraiseOfNowIsPraise() {
        let fixed = score("It used to crash but it's fine now")
        #expect(fixed.score.compound > 0.05)
        #expect(!rules(fixed, "fine").contains { $0.contains("praise of the past") })
        // Praise of the past before the contrast is still a complaint about now.
        #expect(score("It used to be great but now it crashes").score.compound < -0.05)
        #expect(score("Used to love it but not anymore").score.compound < -0.05)
    }

    @Test func hinglishNahiAfterAWordNegatesIt() {
        for text in ["app accha nahi hai", "mujhe ye app pasand nahi aaya"] {
            let result = score(text)
            #expect(result.score.compound < -0.05, "\(text)")
        }
        #expect(rules(score("app accha nahi hai"), "accha").contains { $0.contains("after it") })
        // "koi problem nahi": no problem is praise; "nahi" before a verb still states a failure.
        #expect(score("koi problem nahi hai, mast app").score.compound > 0.05)
        #expect(score("kaam nahi kar raha hai").score.compound < -0.05)
        #expect(score("bahut achha app hai").score.compound > 0.05)
    }

    @Test func anEnglishWordThatOpensAMultilingualExpressionStillScoresAlone() {
        // "best" starts "best gila" in the multilingual list; in a Hinglish review it is still the English "best".
        #expect(score("sabse best app hai").score.compound > 0.05)
        #expect(score("aplikasi ini best gila").score.compound > 0.05)
    }

    @Test func thaiNegationReachesTheWordAfterIt() {
        #expect(score("ดีมาก").score.compound > 0.05)
        #expect(score("ไม่ดี").score.compound < -0.05)
    }

    @Test func aFailedVerbIsAComplaintEvenWhenTheVerbIsNegative() {
        let refund = score("Money not refunded")
        #expect(refund.score.compound < -0.05)
        #expect(rules(refund, "refunded").contains { $0.contains("problem statement") })
        #expect(score("I can't cancel my subscription").score.compound < -0.05)
        #expect(score("not bad").score.compound > 0.05)
    }

    @Test func untilPutsPraiseInThePastOnlyBeforeAnEvent() {
        #expect(score("Good app until the latest update").score.compound < -0.05)
        #expect(score("Good times, two more days till vacation").score.compound > 0.05)
    }

    @Test func aNegatorInsideAnExpressionNegatesNothingAfterIt() {
        let result = score("I can't say enough how awesome this app is")
        #expect(result.score.compound > 0.05)
        #expect(!rules(result, "awesome").contains { $0.contains("negated") })
    }

    @Test func hedgesAreNotProblemStatements() {
        #expect(abs(score("I don't remember the name of that song").score.compound) < 0.05)
        #expect(score("It doesn't remember my login").score.compound < -0.05)
    }

    @Test func adviceToStayAwayAndRequestsToImproveAreNegative() {
        for text in ["Don't waste your time", "No customer support", "Needs improvement", "Can be better", "Fuck this app"] {
            #expect(score(text).score.compound < -0.05, "\(text)")
        }
        #expect(score("fucking awesome").score.compound > score("awesome").score.compound)
    }

    @Test func warningsRegressionsAndLastingUseCarryTheirSign() {
        for text in ["Don't bother", "Save your money", "Not what it used to be", "The old version was better",
                     "Battery drainer", "I've been shadowbanned", "Someone stole my account", "Audio is out of sync",
                     "Why did you remove the favorites tab"] {
            #expect(score(text).score.compound < -0.05, "\(text)")
        }
        for text in ["Can't put it down", "Does everything I need", "Thanks for fixing the bug", "Nothing else compares",
                     "Totally worth the subscription", "Been using it for years", "So many filters to choose from",
                     "Would give 10 stars if I could", "I would give it 6 stars if possible"] {
            #expect(score(text).score.compound > 0.05, "\(text)")
        }
        // The speaker's own limit keeps the praise; what the app lacks still turns it.
        #expect(score("I'd give it 5 stars if you fix the login").score.compound < -0.05)
        #expect(score("I'd give it zero stars if I could").score.compound < -0.05)
    }

    @Test func aComplaintTheWriterCallsSmallDoesNotOutweighThePraiseBeforeBut() {
        for text in ["I love it but sometimes it lags", "Amazing app but the ads are a bit much",
                     "Great app but it can be a little slow", "Fantastic app, but there is a small issue with sync"] {
            #expect(score(text).score.compound > 0.05, "\(text)")
        }
        let hedged = score("I love it but sometimes it lags")
        #expect(!rules(hedged, "lags").contains { $0.contains("weighs more") })
        // Without the hedge the clause after "but" is the verdict.
        #expect(score("I love it but it lags").score.compound < -0.05)
        #expect(score("Great app but it keeps crashing").score.compound < -0.05)
    }

    @Test func praiseWishedForAndFeaturesAskedAfterAreComplaints() {
        for text in ["Great features if only it would load", "Where is the dark mode", "Where did the dark mode go?"] {
            #expect(score(text).score.compound < -0.05, "\(text)")
        }
        #expect(score("Great app, if you ask me").score.compound > 0.05)
    }

    @Test func theWritersOnlyComplaintWeighsLess() {
        for text in ["Great app. My only complaint is the ads", "Love it. The only issue is it crashes sometimes",
                     "Really good app, my only gripe is the battery drain"] {
            #expect(score(text).score.compound > 0.05, "\(text)")
        }
        let result = score("Great app. My only complaint is the ads")
        #expect(rules(result, "ads").contains { $0.contains("only complaint") })
        // No praise beside it, or "only thing" that is no complaint marker: still negative.
        #expect(score("Only problem is it doesn't work").score.compound < -0.05)
        #expect(score("The only thing this app does well is crash").score.compound < -0.05)
        #expect(!rules(score("The only thing this app does well is crash"), "crash").contains { $0.contains("only") })
    }
}

extension SentimentScorerTests {
    @Test func emoticonsWithCapitalLettersScore() {
        for text in [":D", "see you tomorrow :-D", "=D", ":P"] { #expect(score(text).score.compound > 0.05, "\(text)") }
        for text in ["T_T", "missed the bus again T_T"] { #expect(score(text).score.compound < -0.05, "\(text)") }
    }

    @Test func everyFaceTheTokenizerFindsHasAValence() {
        for face in Emoticons.all {
            let text = "ok \(face)"
            #expect(TextAnalyzer().makeWorker().analyze(text, languageHint: "en").tokens.last?.kind == .emoticon, "\(face)")
            #expect(abs(score(text).score.compound - score("ok").score.compound) > 0.05, "\(face)")
        }
    }

    @Test func facesWrittenAsHTMLReferencesScoreAsTheFaces() {
        #expect(score("miss you &lt;3").score.compound == score("miss you <3").score.compound)
        #expect(score("stop it &gt;:(").score.compound < -0.05)
    }

    @Test func aClosingBracketAfterAWordIsNoFace() {
        // "):" after "b" closes the brackets; after a space it is a sad face.
        #expect(score("the options (a, b): fine").score.compound == score("the options a, b: fine").score.compound)
        #expect(score("missed it ):").score.compound < -0.05)
    }

    @Test func praiseAskedAboutWeighsHalf() {
        let asked = score("Is the premium plan worth it?").score.compound
        let said = score("The premium plan is worth it.").score.compound
        #expect(asked > 0.05 && asked < said - 0.1)
        #expect(rules(score("Is the premium plan worth it?"), "worth it").contains("praise in a question (weighs half)"))
        // A complaint asked is still a complaint, at full weight; "?!" and a question before praise assert it.
        #expect(score("Why does it keep crashing?").score.compound == score("Why does it keep crashing.").score.compound)
        #expect(score("Is this the best app ever?!").score.compound > score("Is this the best app ever?").score.compound)
        #expect(score("Why? It is worth it.").score.compound == score("Why. It is worth it.").score.compound)
        // Only the clause that asks: praise before it is asserted.
        #expect(score("Great app, but can you add a widget?").score.compound == score("Great app, but can you add a widget.").score.compound)
        #expect(!rules(score("Great app, but can you add a widget?"), "great").contains("praise in a question (weighs half)"))
    }

    @Test func hyphenatedExpressionsMatchWrittenEitherWay() {
        // "hassle-free" was "hassle" (negative) and "free": the wrong sign.
        #expect(score("Setup was hassle-free").score.compound > 0.05)
        #expect(score("Setup was hassle-free").score.compound == score("Setup was hassle free").score.compound)
        #expect(score("What a mean-spirited update").score.compound < -0.05)
        // A dash set apart by spaces joins nothing.
        #expect(score("No hassle - free for a week").score.compound != score("No hassle-free for a week").score.compound)
    }

    /// A thread's scratch keeps each word's expressions keyed by their second words: with its memo warm, expressions
    /// across a hyphen, among the many that start with "not", and of one word score as they do afresh.
    @Test func expressionsMatchTheSameWithAReusedScratch() {
        let texts = ["Setup was hassle-free", "Setup was hassle free", "No hassle - free for a week", "What a mean-spirited update",
                     "not bad at all", "Not bad, not great either", "not good", "Can't wait for the next update", "not",
                     "Couldn't be happier with it", "Best app ever", "It is not worth it", "hassle"]
        let analyzer = TextAnalyzer().makeWorker()
        var scratch = SentimentScratch()
        for _ in 0..<2 {
            for text in texts {
                let analyzed = analyzer.analyze(text, languageHint: "en")
                #expect(Self.scorer.compoundScore(analyzed, reusing: &scratch) == Self.scorer.compoundScore(analyzed), "\(text)")
                #expect(Self.scorer.compoundScore(analyzed).compound == score(text, language: "en").score.compound, "\(text)")
            }
        }
    }

    /// A scratch that has remembered thousands of words (its word-id slots grown many times) still scores the words
    /// it met first, their expressions among them, as they score afresh.
    @Test func aScratchScoresTheSameAfterItsMemoOfWordsGrows() {
        let texts = ["not bad at all", "Setup was hassle-free", "nicee app but it crashes constantly", "I loved it, now it lags",
                     "hahahaha so good", "aplikasi ini very good"]
        let analyzer = TextAnalyzer().makeWorker()
        var scratch = SentimentScratch()
        for text in texts { _ = Self.scorer.compoundScore(analyzer.analyze(text, languageHint: nil), reusing: &scratch) }
        // 6,000 distinct made-up words ("qab", "qac", …), 100 to a text.
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let words = (0..<6000).map { n in "q" + String([letters[n / 676 % 26], letters[n / 26 % 26], letters[n % 26]]) }
        for start in stride(from: 0, to: words.count, by: 100) {
            let text = words[start..<start + 100].joined(separator: " ") + " great"
            let analyzed = analyzer.analyze(text, languageHint: "en")
            #expect(Self.scorer.compoundScore(analyzed, reusing: &scratch) == Self.scorer.compoundScore(analyzed))
        }
        for text in texts {
            let analyzed = analyzer.analyze(text, languageHint: nil)
            #expect(Self.scorer.compoundScore(analyzed, reusing: &scratch) == Self.scorer.compoundScore(analyzed), "\(text)")
        }
    }

    @Test func meanAsAVerbCarriesNoSentiment() {
        #expect(abs(score("Did you mean the other one?").score.compound) < 0.05)
        #expect(score("He is the meanest person").score.compound < -0.05)
    }
}

extension SentimentScorerTests {
    @Test func englishWordsInOtherLanguagesScore() {
        #expect(score("aplikasi ini very good", language: "id").score.compound > 0.05)
        #expect(score("aplikasi ini sering crash dan laggy", language: "id").score.compound < -0.05)
    }

    @Test func aDoubledLastLetterIsADrawnOutWord() {
        #expect(score("superbb").score.compound > 0.05)
        #expect(score("worstt app").score.compound < -0.05)
        #expect(score("add a dark mode").score.compound > -0.3, "'add' is not the app-feedback word 'ad'")
    }

    @Test func genderedEmojiScoreAsTheirBase() {
        #expect(score("🤦‍♂️").score.compound < -0.05)
        #expect(score("🤦‍♂️").score.compound == score("🤦").score.compound)
    }
}

extension SentimentScorerTests {
    @Test func aComplaintAboutNowConcedesEarlierPraise() {
        let result = score("I loved this app. Now it keeps crashing.")
        #expect(result.score.compound < -0.05)
        #expect(rules(result, "loved").contains { $0.contains("conceded by 'now'") })
        #expect(score("Loved it for years. Since the last update it will not open.").score.compound < -0.05)
        #expect(score("I loved this app. Now it is even better.").score.compound > 0.05)
    }
}

extension SentimentScorerTests {
    @Test func wordsNamingAnActionOrATierDoNotPraise() {
        #expect(abs(score("I just wonder about the party's health care plan").score.compound) < 0.3)
        #expect(score("Paid for premium and it still shows ads. Help").score.compound < -0.05)
        #expect(score("The premium plan is great").score.compound > 0.05)
    }
}

extension SentimentScorerTests {
    @Test func praiseOnAConditionIsAComplaint() {
        for text in ["Would be a great app if it didn't crash every 5 minutes", "Would be great if it worked",
                     "I would give 5 stars if you fix the login", "Could be a good app if they fixed the bugs"] {
            let result = score(text)
            #expect(result.score.compound < -0.05, "\(text)")
        }
        #expect(rules(score("Would be great if it worked"), "great").contains { $0.contains("praise on a condition") })
        // Praise before the wish still carries the review; a modal without "if" is no condition.
        #expect(score("Great app, would be perfect if it had a dark mode").score.compound > 0.05)
        #expect(score("I would recommend it to anyone").score.compound > 0.05)
    }

    @Test func reviewVerdictsOfSession3Score() {
        for text in ["Avoid", "Beware, they take your money", "Where is my money?", "BSOD every day", "Total letdown"] {
            #expect(score(text).score.compound < -0.05, "\(text)")
        }
        for text in ["Real time saver", "Underrated game", "Four stars", "No 1 app", "Bang for your buck"] {
            #expect(score(text).score.compound > 0.05, "\(text)")
        }
    }
}

extension SentimentScorerTests {
    @Test func negativeAdverbsBoostPraiseInReviews() {
        for text in ["Ridiculously easy to use", "Stupidly addictive", "Dangerously addictive", "Wicked fun", "Scary good"] {
            #expect(score(text).score.compound > 0.05, "\(text)")
        }
        #expect(score("Ridiculously slow").score.compound < score("slow").score.compound)
        for text in ["Can't get enough", "I'm hooked", "Great way to kill time", "Fixed my problem in minutes", "Zero ads"] {
            #expect(score(text).score.compound > 0.05, "\(text)")
        }
        for text in ["I really wanted to like this app", "Love how it crashes every time"] {
            #expect(score(text).score.compound < -0.05, "\(text)")
        }
    }

    @Test func verbsOfKnowingAreNotProblemStatements() {
        #expect(score("I don't know how I got so lucky").score.compound > 0.05)
        #expect(score("It doesn't sync").score.compound < -0.05)
    }
}

extension SentimentScorerTests {
    @Test func praiseWrittenWithANegatorIsPraise() {
        for text in ["I can't believe how good this is", "I don't know what I would do without this app",
                     "It doesn't get better than this", "Nothing beats this", "I didn't think I would like it this much",
                     "I never have to wait", "No need to sign up"] {
            #expect(score(text).score.compound > 0.05, "\(text)")
        }
    }
}

/// Session 5: negations a negative word has used up, relief, requests after praise, and "then".
extension SentimentScorerTests {
    @Test func aNegationSpentOnANegativeWordStatesNoProblem() {
        for text in ["Never had a problem logging in", "Haven't had any trouble connecting", "No issues downloading anything",
                     "Haven't had a single problem since I installed it"] {
            #expect(score(text).score.compound > 0.05, "\(text)")
        }
        // The failure is still a failure when no negative word came first.
        #expect(score("Never logs me in").score.compound < -0.05)
        #expect(score("It can't connect").score.compound < -0.05)
    }

    @Test func reliefIsNotAProblemStatement() {
        #expect(score("Don't have to carry my laptop to class").score.compound > -0.05)
        #expect(score("No need for another music app").score.compound > 0.05)
        #expect(score("I don't have dark mode").score.compound < -0.05)
    }

    @Test func aRequestAfterPraiseDoesNotOutweighIt() {
        for text in ["Love this app, but please add dark mode", "Awesome app, but I wish it had more filters",
                     "Great game but can you add more levels"] {
            #expect(score(text).score.compound > 0.05, "\(text)")
        }
        // What the request names weighs less than a complaint would: "reduce the ads" asks, it does not judge.
        let asked = score("Excellent, but please reduce the ads")
        #expect(asked.score.compound > 0.05)
        #expect(rules(asked, "ads").contains { $0.contains("asked for") })
        // A complaint after praise still carries the verdict.
        #expect(score("Love this app, but it crashes constantly").score.compound < -0.05)
        #expect(score("Great app but it could not load my photos").score.compound < -0.05)
    }

    @Test func theClauseAfterThenCarriesTheVerdict() {
        #expect(score("Worked great for three weeks, then it stopped loading").score.compound < -0.05)
        #expect(score("Worked fine for a month then started crashing").score.compound < -0.05)
    }

    @Test func praiseSaidThroughANegationOrAComparison() {
        for text in ["Couldn't be easier to use", "Don't regret the purchase one bit", "Never lets me down", "Hard to beat",
                     "I would not hesitate to recommend it", "Zero issues so far", "Not sure how I lived without it"] {
            #expect(score(text).score.compound > 0.05, "\(text)")
        }
        for text in ["Mediocre at best", "Steer clear", "Look elsewhere", "I'd recommend against this app", "Total joke",
                     "Couldn't be worse", "I'm done with this app"] {
            #expect(score(text).score.compound < -0.05, "\(text)")
        }
    }

    @Test func misspelledAndRunTogetherVerdictsScore() {
        for text in ["Verygood", "Verynice", "Grate app", "Exallent", "Lovit", "5*", "A+", "Bussin"] {
            #expect(score(text).score.compound > 0.05, "\(text)")
        }
    }
}

extension SentimentScorerTests {
    @Test func aRatingPromisedOnAConditionIsAComplaint() {
        #expect(score("5 stars if you fix the bug").score.compound < -0.05)
        #expect(score("Five stars if they bring back the old layout").score.compound < -0.05)
        // The speaker's own limit keeps the praise.
        #expect(score("I'd give 5 stars if I could").score.compound > 0.05)
    }
}

extension SentimentScorerTests {
    @Test func romanizedVerdictsOfMoreLanguagesScore() {
        for text in ["Khub bhalo", "Semma", "Chala bagundi", "Adipoli", "Dherai ramro", "Otlichno", "Mashallah"] {
            #expect(score(text).score.compound > 0.05, "\(text)")
        }
        for text in ["Kharap", "Plokho", "Zift"] {
            #expect(score(text).score.compound < -0.05, "\(text)")
        }
    }
}

extension SentimentScorerTests {
    @Test func aRatingTheWriterStatesIsTheirVerdict() {
        for text in ["Good app but the ads are annoying. 4 stars.", "4 stars because it crashes sometimes",
                     "Great app but the new update is slow, 4 stars"] {
            #expect(score(text).score.compound > 0.05, "\(text)")
        }
        #expect(score("Nice design, 1 star because it never loads").score.compound < -0.05)
        // Wished for, past, or other people's ratings are not the writer's verdict.
        for text in ["Would be 5 stars but it lags", "It was 5 stars before the update, now it crashes",
                     "Don't trust the 5 star reviews"] {
            #expect(score(text).score.compound < -0.05, "\(text)")
        }
        #expect(score("Good app but the ads are annoying. 4 stars.").notes.contains { $0.contains("states a rating of 4") })
    }
}

extension SentimentScorerTests {
    /// A one-byte mark's facts come from a table made with the scorer's tables: each is what its string gives (a
    /// comma or dash ends a clause, "*" ends a rating), and the rules read them the same.
    @Test func oneByteMarksHaveTheFactsTheirStringsGive() {
        let tables = Self.scorer.tables
        for byte in 0..<128 {
            let mark = String(decoding: [UInt8(byte)], as: UTF8.self)
            let fact = tables.asciiMarks.facts[byte]
            #expect(tables.asciiMarks.marks[byte] == mark)
            #expect(fact.marks == ScoringTables.ruleMarks(tables.ruleWords, mark, hash: WordHash.of(mark)), "\(byte)")
            #expect((fact.role.isClauseBreak) == ScoringRun.breaksClause(mark), "\(byte)")
        }
        #expect(tables.asciiMarks.facts[Int(UInt8(ascii: "*"))].marks.contains(.ratingNoun))
        #expect(tables.asciiMarks.facts[Int(UInt8(ascii: ","))].role.isClauseBreak)
        #expect(score("Good app, 5* until the update").score.compound == score("Good app , 5 * until the update").score.compound)
    }
}

private extension ScoredUnit.Role {
    var isClauseBreak: Bool {
        if case .clauseBreak = self { return true }
        return false
    }
}

extension SentimentScorerTests {
    /// A thread's scratch remembers the last text's lexicon by its language: texts that change language, or whose
    /// language is not certain, still score with the lexicon they do afresh.
    @Test func aReusedScratchFollowsEachTextsLanguage() {
        let texts: [(String, String?)] = [
            ("Great app, love it", nil), ("La aplicación es muy buena", "es"), ("Great app, love it", "en"),
            ("Gud app", nil), ("app accha nahi hai", nil), ("Es una estafa", "es"), ("Es una estafa", nil),
            ("Terrible update", "en"), ("Top demais", nil), ("Sehr gut", "de"), ("Not good at all", nil),
            // Each lexicon's words are remembered apart: an English word that starts only expressions of the
            // multilingual list ("best") still scores in Hinglish, and words met in one language score afresh in the
            // next.
            ("best app hai lekin kuch aur features chahiye", nil), ("best app hai lekin kuch aur features chahiye", "hi"),
            ("aplikasi nya bagus banget, very good", nil), ("app bahut slow hai, nicee design though", nil),
            ("best app ever", nil), ("La mejor app, not bad at all", "es"),
            // The failure verbs are English's: a negated one after a text of another lexicon still states a problem.
            ("No puedo entrar, no funciona", "es"), ("Can't access my account", "en"), ("No funciona", "es"),
            ("Can't access my account", nil),
        ]
        let analyzer = TextAnalyzer().makeWorker()
        var scratch = SentimentScratch()
        for _ in 0..<2 {
            for (text, language) in texts {
                let analyzed = analyzer.analyze(text, languageHint: language)
                #expect(Self.scorer.compoundScore(analyzed, reusing: &scratch) == Self.scorer.compoundScore(analyzed), "\(text)")
                #expect(Self.scorer.compoundScore(analyzed).compound == score(text, language: language).score.compound, "\(text)")
            }
        }
    }
}

extension SentimentScorerTests {
    /// The words a writer calls a complaint small with are marked in the rule words, each alone: `hedgesItself`
    /// reads the mark instead of the word list.
    @Test func selfHedgesAreMarkedInTheRuleWords() {
        let tables = Self.scorer.tables
        for word in ScoringRun.selfHedges {
            #expect(ScoringTables.ruleMarks(tables.ruleWords, word, hash: WordHash.of(word)).contains(.selfHedge), "\(word)")
        }
        for word in ["some", "times", "little", "big", "bits", "minors"] {
            #expect(!ScoringTables.ruleMarks(tables.ruleWords, word, hash: WordHash.of(word)).contains(.selfHedge), "\(word)")
        }
    }
}
