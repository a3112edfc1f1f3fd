import Testing
@testable import SiftCore

/// Chat, tweet and headline language, on sentences written for these tests.
extension SentimentScorerTests {
    @Test func writtenLaughterOfAnyLengthIsPositive() {
        for text in ["hahahaha", "Ahahahahah YES", "bwahaha", "hehehehe"] {
            let result = score(text)
            #expect(result.score.compound > 0.05, "\(text)")
        }
        #expect(score("hahahahaha").score.compound == score("haha").score.compound)
        #expect(score("the hashtag").score.compound == 0, "a word with 'ha' in it is no laughter")
    }

    @Test func weakCuesInATextNamingNoProductReadAsNeutral() {
        let headline = score("The committee meets on Tuesday and is able to discuss the plan for the new bridge")
        #expect(headline.score.compound == 0)
        #expect(headline.notes.contains { $0.contains("weak cues") })
        // The same weak cue in a review judges: reviews name the app, the update, the ads.
        #expect(score("The committee meets on Tuesday and is able to discuss the plan for the new app").score.compound > 0.05)
        // A strong word is never weak, however long the text.
        #expect(score("The committee meets on Tuesday and is able to discuss the terrible plan for the new bridge").score.compound < -0.05)
    }

    @Test func insultsAndNewsOfHarmAreNegative() {
        for text in ["What a bastard", "you bitch", "This is madness", "Suspect arrested after the slaying",
                     "Riots after the bombing", "Ouch", "hungover again #sadface"] {
            #expect(score(text).score.compound < -0.05, "\(text)")
        }
    }

    @Test func tweetIdiomsScoreAsWholes() {
        for text in ["No doubt the best pizza in town", "That's the spirit!", "Hell yeah", "sure, why not",
                     "Give it a shot", "Hanging with the boys tonight", "pretty damn good"] {
            #expect(score(text).score.compound > 0.05, "\(text)")
        }
        for text in ["Oh no", "Thanks for nothing", "Good grief"] {
            #expect(score(text).score.compound < -0.05, "\(text)")
        }
        #expect(score("pretty damn good").score.compound > score("pretty good").score.compound)
    }

    @Test func everydaySensesDoNotJudge() {
        // "added" is no "ad"; "completely" only boosts; "right now" is a time, "sound" is audio.
        for text in ["added 3 photos", "I fell asleep on the couch", "right now", "the sound of rain"] {
            #expect(score(text).score.compound == 0, "\(text)")
        }
        #expect(score("The brakes went completely out. Scary.").score.compound < -0.05)
        #expect(score("completely broken").score.compound < score("broken").score.compound)
    }

    @Test func wordsThatJudgeWeighMoreThanWordsThatDescribe() {
        // "Hilarious!" is a verdict (people rate it about +2 of 4); "interesting" and "decent" are faint praise.
        let hilarious = score("Hilarious!").score.compound
        #expect(hilarious > 0.5)
        #expect(score("This soup is delicious").score.compound > score("This soup is decent").score.compound + 0.2)
        #expect(score("hilarious").score.compound > score("interesting").score.compound + 0.2)
        // An insult judges a person; a slip is only a slip.
        #expect(score("You idiot").score.compound < score("I made a mistake").score.compound - 0.2)
    }

    @Test func aMildDescriptiveWordAloneStaysMild() {
        // The weather is no insult: "cold" and "sorry" (an apology) weigh far less than "awful".
        let cold = score("It is cold today").score.compound
        #expect(cold < -0.05)
        #expect(cold > -0.35)
        #expect(cold > score("It is awful today").score.compound + 0.3)
        #expect(score("Sorry I'm late").score.compound > score("I'm awful at this").score.compound)
        // Chat laughter is an aside, weaker than praise.
        #expect(score("lol").score.compound > 0.05)
        #expect(score("lol").score.compound < score("great").score.compound)
    }

    @Test func feelingsPeoplePostAboutTheirDayAreScored() {
        for text in ["hungover and miserable", "sunburnt and itchy", "feeling under the weather", "sooo bummed",
                     "eliminated in the first round", "smfh", "this is craptastic"] {
            #expect(score(text).score.compound < -0.05, "\(text)")
        }
        for text in ["so stoked for the weekend", "had a blast at the beach"] {
            #expect(score(text).score.compound > 0.05, "\(text)")
        }
    }

    @Test func criticsWordsJudgeAWork() {
        #expect(score("A plodding, formulaic slog").score.compound < -0.05)
        #expect(score("hokey and maudlin").score.compound < -0.05)
        // Written with spaces, a compound is one expression: "spirited" alone would praise.
        #expect(score("a paper thin plot and mean spirited jokes").score.compound < -0.05)
        #expect(score("A taut, suspenseful and poignant thriller").score.compound > 0.05)
    }

    @Test func aNewWordLendsNothingToTheCommonWordItsStemShares() {
        // "middling", "twisted", "ghosted", "momentous" share Snowball stems with these everyday words.
        #expect(score("so many moments in the middle of the film").score.compound == 0)
        #expect(score("The plot twists and the ghosts").score.compound == 0)
    }
}
