import SiftCore
import Testing

/// The learned kind model: its file format, and that the shipped one sways the cues the way a reader would.
struct KindModelTests {
    static let analyzer = TextAnalyzer()

    @Test func parsesWeightsAndScoresAText() throws {
        let model = try #require(KindModel(text: """
            # a toy model
            kinds\tbug\tfeature_request
            blend\t0.6
            language\ten
            bias\t-1\t-1
            crash\t3\t-1
            cue:feature_request\t0\t4
            """))
        #expect(model.kinds == [.bug, .featureRequest])
        #expect(model.blend == 0.6)
        let text = Self.analyzer.makeWorker().analyze("It crashes.")
        let plain = model.probabilities(text, cueConfidences: [:])
        #expect(plain[.bug]! > 0.8)
        #expect(plain[.featureRequest]! < 0.2)
        let asked = model.probabilities(text, cueConfidences: [.featureRequest: 1])
        #expect(asked[.featureRequest]! > 0.8)
    }

    @Test func rejectsAFileWithoutKinds() {
        #expect(KindModel(text: "bias\t1\n") == nil)
        #expect(KindModel(text: "kinds\tbug\tnot_a_kind\nbias\t0\t0\n") == nil)
    }

    @Test func shippedModelIsLoadedAndSpeaksForTheRequestAndProblemKinds() throws {
        let model = try #require(KindClassifier(useModel: true).model)
        #expect(Set(model.kinds).isSuperset(of: [.bug, .featureRequest, .performance, .battery]))
    }

    @Test func modelBacksAPlainRequestMoreThanTheCuesAlone() {
        let cuesOnly = KindClassifier()
        let analyzed = Self.analyzer.makeWorker().analyze("Really wish it could show my step count on the lock screen.")
        let blended = KindClassifier(useModel: true).classify(analyzed, sentiment: nil).confidence(.featureRequest)
        let cues = cuesOnly.classify(analyzed, sentiment: nil).confidence(.featureRequest)
        #expect(blended > cues, "model \(blended) vs cues \(cues)")
        #expect(blended >= KindClassifier.threshold)
    }
}
