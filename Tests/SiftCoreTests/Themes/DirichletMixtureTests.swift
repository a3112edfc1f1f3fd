import Testing
@testable import SiftCore

struct DirichletMixtureTests {
    /// Three planted topics over disjoint vocabularies, each document a few words of one topic.
    static func plantedDocuments(perTopic: Int = 60) -> (docs: [[UInt32]], topic: [Int]) {
        var rng = SplitMix64(seed: 7)
        var docs: [[UInt32]] = []
        var topic: [Int] = []
        for i in 0..<(perTopic * 3) {
            let t = i % 3
            let words = (0..<(3 + Int(rng.next() % 4))).map { _ in UInt32(t * 10) + UInt32(rng.next() % 10) }
            docs.append(words)
            topic.append(t)
        }
        return (docs, topic)
    }

    @Test func findsThePlantedNumberOfClustersWithoutBeingTold() {
        let (docs, topic) = Self.plantedDocuments()
        let (assignments, _) = DirichletMixture(maxClusters: 40).cluster(docs, vocabularySize: 30)
        let clusters = Set(assignments.compactMap { $0 })
        #expect(clusters.count == 3)
        for t in 0..<3 {
            let found = Set(zip(assignments, topic).filter { $0.1 == t }.compactMap { $0.0 })
            #expect(found.count == 1, "topic \(t) is split over \(found)")
        }
    }

    @Test func sameDocumentsAndSeedGiveTheSameClustersWhateverTheThreadCount() {
        let (docs, _) = Self.plantedDocuments()
        let mixture = DirichletMixture(maxClusters: 40, fitLimit: 50)
        let one = mixture.cluster(docs, vocabularySize: 30, threads: 1).assignments
        let two = mixture.cluster(docs, vocabularySize: 30, threads: 2).assignments
        let eight = mixture.cluster(docs, vocabularySize: 30, threads: 8).assignments
        #expect(one == two)
        #expect(one == eight)
    }

    /// Documents beyond the fit limit (scored with the kept denominators, repeats looked up) go where the weight
    /// computed factor by factor is highest.
    @Test func documentsBeyondTheFitLimitJoinTheClusterWithTheHighestWeight() {
        var (docs, _) = Self.plantedDocuments()
        // Documents mixing topics, some repeated, make the choice close.
        var rng = SplitMix64(seed: 11)
        let mixed = (0..<40).map { _ in (0..<(2 + Int(rng.next() % 8))).map { _ in UInt32(rng.next() % 30) } }
        docs += mixed + mixed.prefix(10)
        let (assignments, model) = DirichletMixture(maxClusters: 40, fitLimit: 60).cluster(docs, vocabularySize: 30, threads: 2)
        expectEachLaterDocumentTakesItsBestCluster(docs, assignments, model, from: 60)
    }

    @Test func documentsBeyondTheFitLimitJoinAClusterOfTheirTopic() {
        let (docs, topic) = Self.plantedDocuments(perTopic: 100)
        let (assignments, _) = DirichletMixture(maxClusters: 40, fitLimit: 90).cluster(docs, vocabularySize: 30, threads: 2)
        #expect(assignments.allSatisfy { $0 != nil })
        var topicsOfCluster: [Int: Set<Int>] = [:]
        for (cluster, t) in zip(assignments, topic) { topicsOfCluster[cluster!, default: []].insert(t) }
        #expect(topicsOfCluster.values.allSatisfy { $0.count == 1 }, "a cluster mixes topics: \(topicsOfCluster)")
    }

    /// The planted topics with two words of its own in each document (a typo, a random string): ids from 30 on.
    static func documentsWithLoneWords(perTopic: Int = 60) -> (docs: [[UInt32]], topic: [Int], vocabularySize: Int) {
        var (docs, topic) = plantedDocuments(perTopic: perTopic)
        var next: UInt32 = 30
        for d in docs.indices {
            docs[d] += [next, next + 1]
            next += 2
        }
        return (docs, topic, Int(next))
    }

    @Test func wordsOfOneDocumentTakeNoRowOfCountsAndTheTopicsAmongThemAreStillFound() {
        let (docs, topic, vocabularySize) = Self.documentsWithLoneWords()
        let (assignments, model) = DirichletMixture(maxClusters: 40).cluster(docs, vocabularySize: vocabularySize)
        // A row of 40 counts for each of the 30 topic words and one of zeros; the 360 words of one document take none.
        #expect(model.termCounts.count == 31 * 40)
        // Words of one document weigh the same in every cluster: no cluster mixes topics.
        var topicsOfCluster: [Int: Set<Int>] = [:]
        for (cluster, t) in zip(assignments, topic) { topicsOfCluster[cluster!, default: []].insert(t) }
        #expect(topicsOfCluster.values.allSatisfy { $0.count == 1 }, "a cluster mixes topics: \(topicsOfCluster)")
        #expect(topicsOfCluster.count <= 6)
        // A word of one document still counts in the cluster its document ended in, and only there.
        for d in [0, 1, 100] {
            let word = 30 + 2 * d
            for z in 0..<model.clusterCount {
                #expect(model.count(term: word, cluster: z) == (z == assignments[d]! ? 1 : 0), "word \(word), cluster \(z)")
            }
        }
    }

    /// Later documents made of words seen in one sample document each (some twice) go where the weight computed
    /// factor by factor from the counts is highest: the words' counts are read as their rows would have held them.
    @Test func documentsBeyondTheFitLimitReadTheCountsOfWordsOfOneSampleDocument() {
        let (all, _, _) = Self.documentsWithLoneWords()
        var rng = SplitMix64(seed: 13)
        // The first 60 documents are the sample; their own words are 30..<150.
        let later = (0..<60).map { _ in (0..<(2 + Int(rng.next() % 6))).map { _ in UInt32(rng.next() % 150) } }
        let docs = Array(all.prefix(60)) + later + later.prefix(5).map { $0 + $0 }
        let (assignments, model) = DirichletMixture(maxClusters: 40, fitLimit: 60).cluster(docs, vocabularySize: 150, threads: 2)
        expectEachLaterDocumentTakesItsBestCluster(docs, assignments, model, from: 60)
        // A document of one such word joins that word's document.
        let single = DirichletMixture(maxClusters: 40, fitLimit: 60).cluster(Array(all.prefix(60)) + [[31]], vocabularySize: 150)
        #expect(single.assignments[60] == single.assignments[0])
    }

    @Test func aDocumentWithoutTermsIsInNoCluster() {
        let (assignments, _) = DirichletMixture().cluster([[1, 2], [], [1, 2, 2]], vocabularySize: 3)
        #expect(assignments[1] == nil)
        #expect(assignments[0] != nil)
    }

    /// Every document from `first` on (past the fit's sample) is in the living cluster that weighs it most, ties to
    /// the lower index.
    func expectEachLaterDocumentTakesItsBestCluster(_ docs: [[UInt32]], _ assignments: [Int?], _ model: DirichletMixture.Model, from first: Int) {
        let living = (0..<model.clusterCount).filter { z in assignments.contains { $0 == z } }
        for d in first..<docs.count {
            let best = living.max { a, b in
                let x = model.logWeight(docs[d], cluster: a), y = model.logWeight(docs[d], cluster: b)
                return x != y ? x < y : a > b
            }
            #expect(assignments[d] == best, "document \(d)")
        }
    }
}
