import Foundation
import Testing

/// The pain-point proof: a generated dump with a planted crash after a release, on top of steady themes, and a
/// roadmap. The crash must rank first, be flagged as a spike after that version, and link to its item; a steady
/// theme no item covers must be reported uncovered; an item nobody asks for must say so.
struct SpikeProofTests {
    @Test func thePlantedSpikeRanksFirstLinksToItsItemAndTheUnplannedThemeIsUncovered() throws {
        let dir = try SiftBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }

        let expected = try SiftBinary.makeSpikeDump(in: dir, seed: 7)
        let spike = expected["spike"] as! [String: Any]
        let uncovered = expected["uncovered"] as! [String: Any]

        let out = dir.appendingPathComponent("out")
        let result = try SiftBinary.run([
            "analyze", dir.appendingPathComponent("feedback.csv").path,
            "--roadmap", dir.appendingPathComponent("roadmap.yaml").path, "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as! [String: Any]
        let pains = report["pain_points"] as! [[String: Any]]
        let top = try #require(pains.first)

        let spikeWords = (spike["keywords"] as! [String])
        let label = (top["label"] as! String).lowercased()
        #expect(spikeWords.contains { label.contains($0) }, "top pain point is '\(label)'")
        let flagged = try #require(top["spike"] as? [String: Any], "the planted crash is not flagged as a spike")
        #expect(flagged["start"] as? String == spike["date"] as? String)
        #expect(top["emerged_after_version"] as? String == spike["version"] as? String)
        let links = top["links"] as! [[String: Any]]
        #expect(links.first?["item_id"] as? String == spike["roadmap_item"] as? String)

        let uncoveredIDs = Set(report["uncovered"] as! [String])
        let uncoveredLabels = pains.filter { uncoveredIDs.contains($0["id"] as! String) }.map { ($0["label"] as! String).lowercased() }
        let unplannedWords = uncovered["keywords"] as! [String]
        #expect(uncoveredLabels.contains { l in unplannedWords.contains { l.contains($0) } }, "uncovered: \(uncoveredLabels)")
        // No theme about the unplanned problem is linked to an item.
        for pain in pains where unplannedWords.contains(where: { (pain["label"] as! String).lowercased().contains($0) }) {
            #expect((pain["links"] as! [[String: Any]]).isEmpty, "\(pain["label"]!) is linked")
        }

        let items = (report["roadmap"] as! [String: Any])["items"] as! [[String: Any]]
        let unasked = Set(items.filter { $0["unasked"] as? Bool == true }.map { $0["id"] as! String })
        #expect(unasked == Set(expected["roadmap_items_without_evidence"] as! [String]))
    }
}
