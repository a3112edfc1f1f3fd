public import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// What one run left behind for the next: when it ran, what it read, and each theme's counts and priority.
public struct RunSnapshot: Sendable, Hashable {
    public var id: Int64?
    public var finishedAt: Date
    public var recordsRead: Int
    public var recordsNew: Int
    public var themes: [ThemeSnapshot]

    public init(id: Int64? = nil, finishedAt: Date, recordsRead: Int, recordsNew: Int, themes: [ThemeSnapshot]) {
        self.id = id
        self.finishedAt = finishedAt
        self.recordsRead = recordsRead
        self.recordsNew = recordsNew
        self.themes = themes
    }
}

/// One theme as a run saw it. Themes are found anew each run, so `terms` (its distinctive stems) is what
/// matches it to the same theme in the next run.
public struct ThemeSnapshot: Sendable, Hashable {
    public var label: String
    public var terms: [String]
    public var count: Int
    public var newCount: Int
    public var priority: Double

    public init(label: String, terms: [String], count: Int, newCount: Int, priority: Double) {
        self.label = label
        self.terms = terms
        self.count = count
        self.newCount = newCount
        self.priority = priority
    }
}

/// A state store that cannot be used; the description says what to do.
public struct StateError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The SQLite state of nightly runs: which records were already seen and what each run found.
///
/// A run holds an exclusive lock on `FILE.lock` from `open` until the store is released, so two runs on one state
/// never interleave. Everything a run learned is written in one transaction by `commit`: a run killed at any
/// point before it leaves the state as it was, and the rerun counts nothing twice.
public final class StateStore {
    public let path: String
    private let queue: DatabaseQueue
    private var lockDescriptor: Int32 = -1

    /// Opens (creating if needed) the state at `path`, waiting up to `lockTimeout` seconds for another run to finish.
    public init(path: String, lockTimeout: TimeInterval = 0) throws(StateError) {
        self.path = path
        let lockPath = path + ".lock"
        lockDescriptor = open(lockPath, O_RDWR | O_CREAT, 0o644)
        guard lockDescriptor >= 0 else {
            throw StateError("cannot create the lock file \(lockPath): \(String(cString: strerror(errno)))")
        }
        let deadline = Date().addingTimeInterval(lockTimeout)
        while flock(lockDescriptor, LOCK_EX | LOCK_NB) != 0 {
            if Date() >= deadline {
                close(lockDescriptor)
                throw StateError("another sift run is using the state \(path); wait for it to finish, or pass --lock-wait SECONDS")
            }
            usleep(100_000)
        }
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrator.migrate(queue)
        } catch {
            flock(lockDescriptor, LOCK_UN)
            close(lockDescriptor)
            throw StateError("cannot open the state \(path) (\(error)); check the path, or move a damaged file away")
        }
    }

    deinit {
        if lockDescriptor >= 0 {
            flock(lockDescriptor, LOCK_UN)
            close(lockDescriptor)
        }
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "seen") { t in
                t.primaryKey("record_id", .text)
                t.column("run_id", .integer).notNull()
            }
            try db.create(table: "run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("finished_at", .double).notNull()
                t.column("records_read", .integer).notNull()
                t.column("records_new", .integer).notNull()
            }
            try db.create(table: "theme") { t in
                t.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("label", .text).notNull()
                t.column("terms", .text).notNull()
                t.column("count", .integer).notNull()
                t.column("new_count", .integer).notNull()
                t.column("priority", .double).notNull()
                t.primaryKey(["run_id", "position"])
            }
        }
        return migrator
    }

    /// The ids among `ids` that no earlier run has seen, in the order given.
    public func unseen(_ ids: [String]) throws(StateError) -> [String] {
        do {
            return try queue.read { db in
                var seen = Set<String>()
                let batch = 500
                var start = 0
                while start < ids.count {
                    let slice = Array(ids[start..<min(ids.count, start + batch)])
                    let marks = Array(repeating: "?", count: slice.count).joined(separator: ",")
                    let found = try String.fetchAll(db, sql: "SELECT record_id FROM seen WHERE record_id IN (\(marks))", arguments: StatementArguments(slice))
                    seen.formUnion(found)
                    start += batch
                }
                return ids.filter { !seen.contains($0) }
            }
        } catch {
            throw StateError("cannot read the state \(path): \(error)")
        }
    }

    /// The most recent run, with its themes; nil before the first.
    public func lastRun() throws(StateError) -> RunSnapshot? {
        do {
            return try queue.read { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM run ORDER BY id DESC LIMIT 1") else { return nil }
                let id: Int64 = row["id"]
                let themes = try Row.fetchAll(db, sql: "SELECT * FROM theme WHERE run_id = ? ORDER BY position", arguments: [id]).map { t in
                    ThemeSnapshot(
                        label: t["label"], terms: (t["terms"] as String).split(separator: "\t").map(String.init),
                        count: t["count"], newCount: t["new_count"], priority: t["priority"])
                }
                return RunSnapshot(
                    id: id, finishedAt: Date(timeIntervalSince1970: row["finished_at"]), recordsRead: row["records_read"],
                    recordsNew: row["records_new"], themes: themes)
            }
        } catch {
            throw StateError("cannot read the state \(path): \(error)")
        }
    }

    /// How many runs the state holds.
    public func runCount() throws(StateError) -> Int {
        do { return try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM run") ?? 0 } } catch {
            throw StateError("cannot read the state \(path): \(error)")
        }
    }

    /// How many record ids the state has seen in all.
    public func seenCount() throws(StateError) -> Int {
        do { return try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM seen") ?? 0 } } catch {
            throw StateError("cannot read the state \(path): \(error)")
        }
    }

    /// Writes a finished run and the ids it saw first, all or nothing.
    @discardableResult
    public func commit(_ run: RunSnapshot, newIDs: [String]) throws(StateError) -> Int64 {
        do {
            return try queue.write { db in
                try db.execute(
                    sql: "INSERT INTO run (finished_at, records_read, records_new) VALUES (?, ?, ?)",
                    arguments: [run.finishedAt.timeIntervalSince1970, run.recordsRead, run.recordsNew])
                let runID = db.lastInsertedRowID
                let insertSeen = try db.makeStatement(sql: "INSERT OR IGNORE INTO seen (record_id, run_id) VALUES (?, ?)")
                for id in newIDs { try insertSeen.execute(arguments: [id, runID]) }
                let insertTheme = try db.makeStatement(
                    sql: "INSERT INTO theme (run_id, position, label, terms, count, new_count, priority) VALUES (?, ?, ?, ?, ?, ?, ?)")
                for (position, theme) in run.themes.enumerated() {
                    try insertTheme.execute(arguments: [
                        runID, position, theme.label, theme.terms.joined(separator: "\t"), theme.count, theme.newCount, theme.priority,
                    ])
                }
                return runID
            }
        } catch {
            throw StateError("cannot write the state \(path): \(error)")
        }
    }
}
