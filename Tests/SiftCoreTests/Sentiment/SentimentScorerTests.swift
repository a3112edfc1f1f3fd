import Testing
@testable import SiftCore

/// Rule by rule, on sentences written for these tests.
struct SentimentScorerTests {
    static let scorer = try! SentimentScorer()

    func score(_ text: String, language: String? = nil) -> SentimentResult {
        Self.scorer.score(TextAnalyzer().makeWorker().analyze(text, languageHint: language))
    }

    func rules(_ result: SentimentResult, _ token: String) -> [String] {
        result.contributions.first { $0.text == token }?.rules ?? []
    }

    /// The hash `applyModifiers` compares negators with is written out as a literal: it must be the analyzer's.
    @Test func withoutHashIsTheAnalyzersHashOfWithout() {
        #expect(ScoringRun.withoutHash == WordHash.of("without"))
    }

    /// `buildUnits` tells words by `Role.isWord` before switching over the other roles.
    @Test func roleIsWordOnlyForWords() {
        #expect(ScoredUnit.Role.word.isWord)
        let others: [ScoredUnit.Role] = [.booster, .contrast(.after), .contrast(.before), .clauseBreak, .other]
        for role in others { #expect(!role.isWord) }
    }

    @Test func notBadIsMildlyPositive() {
        let result = score("not bad")
        #expect(result.score.compound > 0.05)
        #expect(result.score.compound < score("good").score.compound)
    }

    @Test func negationFlipsAPositiveWord() {
        #expect(score("The new design is good").score.compound > 0.05)
        #expect(score("The new design is not good at all").score.compound < -0.05)
        #expect(score("I don't like the new layout").score.compound < -0.05)
    }

    @Test func capitalsAndExclamationsMakeNotWorkingStronger() {
        let plain = score("App is not working").score.compound
        let shouted = score("App is NOT working!!!")
        #expect(plain < -0.05)
        #expect(shouted.score.compound < plain)
        #expect(shouted.contributions.contains { $0.text == "!!!" })
        #expect(shouted.contributions.contains { $0.rules.contains { $0.contains("capitals") } })
    }

    @Test func theClauseAfterButCarriesTheVerdict() {
        let result = score("The app is great but it crashes constantly")
        #expect(result.score.compound < -0.05)
        #expect(rules(result, "great").contains("before 'but' (weighs less)"))
        let reversed = score("It crashes now and then but the app is great")
        #expect(reversed.score.compound > 0.05)
    }

    @Test func althoughConcedesItsOwnClause() {
        #expect(score("Although it is free, the app is useless").score.compound < -0.05)
        #expect(score("The app is wonderful, although it is a bit slow").score.compound > 0.05)
    }

    @Test func dampenersAndBoostersScaleTheWordAfterThem() {
        let slow = score("slow").score.compound
        let kindOfSlow = score("kind of slow")
        #expect(kindOfSlow.score.compound < -0.05)
        #expect(kindOfSlow.score.compound > slow)
        #expect(rules(kindOfSlow, "slow").contains("dampener 'kind of'"))
        #expect(score("very good").score.compound > score("good").score.compound)
        #expect(score("extremely bad").score.compound < score("bad").score.compound)
    }

    @Test func politeRequestsToFixAreNegative() {
        #expect(score("Kindly fix the login bug").score.compound < -0.05)
        #expect(score("Please fix the sync").score.compound < -0.05)
    }

    @Test func problemStatementsWithoutEmotionalWordsAreNegative() {
        for text in ["it doesn't load", "there is no option to export my notes", "stuck on the loading screen",
                     "keeps logging me out", "I can't upload videos", "won't open since yesterday"] {
            #expect(score(text).score.compound < -0.05, "\(text)")
        }
        let result = score("it doesn't load")
        #expect(result.contributions.contains { $0.rules.contains { $0.hasPrefix("problem statement") } })
    }

    @Test func appDomainTermsScore() {
        for text in ["so buggy and laggy", "constant glitches", "too many ads", "I want a refund", "uninstalling"] {
            #expect(score(text).score.compound < -0.05, "\(text)")
        }
        #expect(score("love the update").score.compound > 0.05)
        #expect(score("works like a charm").score.compound > 0.5)
    }

    @Test func idiomsScoreAsAWhole() {
        let result = score("Setting it up was a piece of cake")
        #expect(result.score.compound > 0.05)
        #expect(result.contributions.contains { $0.text == "a piece of cake" && $0.rules.contains("idiom") })
        #expect(score("what a waste of time").score.compound < -0.05)
    }

    @Test func inflectionsMatchThroughStems() {
        let result = score("It kept disappointing everyone")
        #expect(result.score.compound < -0.05)
    }

    @Test func leastReversesTheWordAfterIt() {
        #expect(score("the least helpful support team").score.compound < -0.05)
        #expect(score("at least it is helpful").score.compound > 0.05)
    }

    @Test func emojiOnlyTextsScore() {
        #expect(score("😍😍🔥").score.compound > 0.5)
        #expect(score("😡👎").score.compound < -0.5)
        #expect(score(":(").score.compound < -0.05)
    }

    @Test func spanishTextUsesTheSpanishLexicon() {
        #expect(score("La aplicación es excelente, muy útil").score.compound > 0.05)
        #expect(score("Pésima aplicación, no funciona", language: "es").score.compound < -0.05)
        #expect(score("es horrible y muy lenta").score.compound < -0.05)
    }

    @Test func aLanguageWithoutALexiconFallsBackToNeutralWithANote() {
        let result = score("Sovellus toimii hyvin", language: "fi")
        #expect(result.score.compound == 0)
        #expect(result.score.neutral == 1)
        #expect(result.notes.contains { $0.contains("no sentiment lexicon for language 'fi'") })
        #expect(score("Sovellus 😍", language: "fi").score.compound > 0.05)
    }

    @Test func writtenRatingsScoreAsRatings() {
        #expect(score("0 stars").score.compound < -0.05)
        #expect(score("I would give 1 star if I could").score.compound < -0.05)
        #expect(score("10/10 would recommend").score.compound > 0.05)
        #expect(score("5 stars").score.compound > 0.05)
    }

    @Test func praiseOfThePastIsAComplaint() {
        let usedTo = score("It used to be a great app")
        #expect(usedTo.score.compound < -0.05)
        #expect(rules(usedTo, "great app").contains { $0.contains("praise of the past") })
        #expect(score("It was good until the last update").score.compound < -0.05)
        #expect(score("This app was great before the update").score.compound < -0.05)
        #expect(score("Good app until now, no problems").score.compound > 0.05)
        #expect(score("It is a great app").score.compound > 0.05)
    }

    @Test func shortReviewsInOtherLanguagesAndSpellingsScore() {
        for text in ["Gud app", "Bahut badhiya app", "achi app hai", "Mantap", "Ótimo aplicativo", "Muito bom", "Ottimo", "Harika", "Отлично", "رائعة"] {
            #expect(score(text).score.compound > 0.05, "\(text)")
        }
        for text in ["Wrost app", "Ghatiya app", "Lemot", "Péssimo", "Funktioniert nicht", "Fa schifo", "Не работает"] {
            #expect(score(text).score.compound < -0.05, "\(text)")
        }
    }

    @Test func hopingForAFixIsAComplaint() {
        #expect(score("I hope you can solve this problem").score.compound < -0.05)
        #expect(score("My videos won't upload, hope you fix it soon. Thanks").score.compound < -0.05)
        #expect(score("I'm unable to post stories. Thanks in advance").score.compound < -0.05)
        #expect(score("I hope you enjoy it as much as I do, great app").score.compound > 0.05)
    }

    @Test func emptyAndNeutralTextsAreNeutral() {
        #expect(score("").score == .neutral)
        #expect(score("I installed it on my phone yesterday").score.compound == 0)
    }

    @Test func sharesSumToOneAndSentencesAreScored() {
        let result = score("Great app. But the latest update crashes constantly!")
        let s = result.score
        #expect(abs(s.positive + s.negative + s.neutral - 1) < 0.01)
        #expect(result.sentences.count == 2)
        #expect(result.sentences[0].score.compound > 0)
        #expect(result.sentences[1].score.compound < 0)
        #expect(s.compound < 0)
    }

    @Test func compoundScoreMatchesTheExplainedScore() {
        let text = TextAnalyzer().makeWorker().analyze("Not bad, but the ads are SO annoying!!", languageHint: nil)
        #expect(Self.scorer.compoundScore(text) == Self.scorer.score(text).score)
    }

    @Test func explanationNamesTokensValencesAndRules() {
        let table = score("The app is great but it crashes constantly").explanation()
        #expect(table.contains("compound -"))
        #expect(table.contains("great"))
        #expect(table.contains("after 'but' (weighs more)"))
    }
}
