import Foundation
import Testing
@testable import SiftCore

struct StateStoreTests {
    private func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sift-state-\(UUID().uuidString).sqlite").path
    }

    /// Removes the store's file and its lock beside it.
    private func remove(_ path: String) {
        for file in [path, path + ".lock", path + "-wal", path + "-shm", path + "-journal"] {
            try? FileManager.default.removeItem(atPath: file)
        }
    }

    @Test func recordsSeenInOneRunAreNotNewInTheNext() throws {
        let path = temporaryPath()
        defer { remove(path) }
        do {
            let store = try StateStore(path: path)
            #expect(try store.unseen(["a", "b", "c"]) == ["a", "b", "c"])
            let run = RunSnapshot(finishedAt: Date(), recordsRead: 3, recordsNew: 3, themes: [
                ThemeSnapshot(label: "login · logged out", terms: ["login", "log out"], count: 3, newCount: 3, priority: 0.7),
            ])
            try store.commit(run, newIDs: ["a", "b", "c"])
        }
        let store = try StateStore(path: path)
        #expect(try store.unseen(["b", "d", "a", "e"]) == ["d", "e"])
        let last = try #require(try store.lastRun())
        #expect(last.recordsNew == 3)
        #expect(last.themes.first?.terms == ["login", "log out"])
        #expect(try store.runCount() == 1)
    }

    @Test func aSecondRunOnTheSameStateIsTurnedAway() throws {
        let path = temporaryPath()
        defer { remove(path) }
        let first = try StateStore(path: path)
        #expect {
            _ = try StateStore(path: path, lockTimeout: 0.2)
        } throws: { error in
            (error as? StateError)?.description.contains("another sift run is using the state") == true
        }
        withExtendedLifetime(first) {}
    }
}
