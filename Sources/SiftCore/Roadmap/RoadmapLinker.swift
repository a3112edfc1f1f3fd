import Foundation

/// A roadmap item that addresses a pain point, with how sure the link is and the terms that made it.
public struct RoadmapLink: Sendable, Hashable {
    public var itemID: String
    /// 0…1.
    public var confidence: Double
    /// The shared terms, strongest first, in readable form.
    public var matchedTerms: [String]

    public init(itemID: String, confidence: Double, matchedTerms: [String]) {
        self.itemID = itemID
        self.confidence = confidence
        self.matchedTerms = matchedTerms
    }
}

/// Links themes to roadmap items by BM25-style similarity over stems and stem phrases, with the items' keywords
/// weighing most. Items are short, so each is a document; a theme is a weighted query of its characteristic terms.
public struct RoadmapLinker: Sendable {
    public let items: [RoadmapItem]
    /// Below this confidence a pain point counts as uncovered.
    public var threshold: Double
    /// Per item: term → weighted frequency.
    private let itemTerms: [[String: Double]]
    /// Per item: the terms of its keywords, which alone are enough to link.
    private let keywordTerms: [Set<String>]
    private let idf: [String: Double]
    /// A readable form of each term key (the first surface words seen for it).
    private let display: [String: String]
    private let averageLength: Double

    static let keywordWeight = 3.0, titleWeight = 2.0, descriptionWeight = 1.0
    static let k1 = 1.2, b = 0.5

    /// - Parameter terms: the stems of a text, in order, with their surface words; both sides of a link go
    ///   through it, so inflections meet ("logging in" and "log in").
    public init(items: [RoadmapItem], threshold: Double = 0.45, terms: (String) -> [(stem: String, surface: String)]) {
        self.items = items
        self.threshold = threshold
        var perItem: [[String: Double]] = []
        var display: [String: String] = [:]
        func add(_ text: String, weight: Double, phrases: Bool, into bag: inout [String: Double]) {
            let stems = terms(text)
            // The words of a keyword phrase count little alone: "android tv" is about TVs, not about Android.
            let single = phrases && stems.count > 1 && weight == Self.keywordWeight ? Self.descriptionWeight / 2 : weight
            for s in stems {
                bag[s.stem, default: 0] += single
                if display[s.stem] == nil { display[s.stem] = s.surface }
            }
            // A phrase counts whole too, so "dark mode" outweighs "dark" and "mode" apart.
            if phrases, stems.count > 1 {
                let key = stems.map(\.stem).joined(separator: " ")
                bag[key, default: 0] += weight
                if display[key] == nil { display[key] = stems.map(\.surface).joined(separator: " ") }
            }
        }
        var keywords: [Set<String>] = []
        for item in items {
            var bag: [String: Double] = [:]
            add(item.title, weight: Self.titleWeight, phrases: true, into: &bag)
            add(item.description, weight: Self.descriptionWeight, phrases: false, into: &bag)
            var own: Set<String> = []
            for keyword in item.keywords {
                add(keyword, weight: Self.keywordWeight, phrases: true, into: &bag)
                let stems = terms(keyword).map(\.stem)
                own.insert(stems.joined(separator: " "))
            }
            perItem.append(bag)
            keywords.append(own)
        }
        keywordTerms = keywords
        var documentFrequency: [String: Int] = [:]
        for bag in perItem { for key in bag.keys { documentFrequency[key, default: 0] += 1 } }
        let n = Double(max(1, items.count))
        idf = documentFrequency.mapValues { log(1 + (n - Double($0) + 0.5) / (Double($0) + 0.5)) }
        itemTerms = perItem
        self.display = display
        averageLength = perItem.isEmpty ? 1 : perItem.map { $0.values.reduce(0, +) }.reduce(0, +) / n
    }

    /// The items that address a theme, best first, above the threshold.
    /// - Parameter query: the theme's terms (stems, or stem phrases joined by a space) with weights in 0…1, such as
    ///   the share of its records that contain each.
    /// An item well below the best one (under 80 % of its confidence) is a side match, not a link.
    public func links(for query: [String: Double]) -> [RoadmapLink] {
        let all = scores(for: query)
        guard let best = all.first?.confidence else { return [] }
        return all.filter { $0.confidence >= threshold && $0.confidence >= 0.8 * best }
    }

    /// Every item's link to the theme, best first, whatever the confidence.
    public func scores(for query: [String: Double]) -> [RoadmapLink] {
        var links: [RoadmapLink] = []
        for (index, bag) in itemTerms.enumerated() {
            let length = bag.values.reduce(0, +)
            var score = 0.0
            var contributions: [(String, Double)] = []
            for (term, weight) in query where weight > 0 {
                guard let f = bag[term], let idf = idf[term] else { continue }
                let tf = f * (Self.k1 + 1) / (f + Self.k1 * (1 - Self.b + Self.b * length / averageLength))
                let c = weight * idf * tf
                score += c
                contributions.append((term, c))
            }
            // One shared word that is not one of the item's keywords is a coincidence ("opening"), not a link.
            guard score > 0, contributions.count >= 2 || contributions.contains(where: { keywordTerms[index].contains($0.0) }) else { continue }
            contributions.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            let confidence = 1 - exp(-score / 1.2)
            links.append(RoadmapLink(
                itemID: items[index].id, confidence: confidence,
                matchedTerms: contributions.prefix(5).map { display[$0.0] ?? $0.0 }))
        }
        return links.sorted { $0.confidence != $1.confidence ? $0.confidence > $1.confidence : $0.itemID < $1.itemID }
    }
}
