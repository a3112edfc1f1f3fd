import Foundation
import Logging

/// Logs, at debug level (`--verbose`), how long each step of a run took, its CPU time and the peak memory so far:
/// where the time goes on a user's own dump, without a profiler.
final class StageTimer {
    private let log: Logger
    private var current: (name: String, wall: Date, cpu: Double)?

    init(log: Logger) { self.log = log }

    func start(_ name: String) {
        finish()
        current = (name, Date(), Self.usage().cpu)
    }

    func finish() {
        guard let (name, wall, cpu) = current else { return }
        current = nil
        let elapsed = Date().timeIntervalSince(wall), now = Self.usage()
        log.debug("\(name): \(Self.format(elapsed)) s wall, \(Self.format(now.cpu - cpu)) s CPU, peak memory \(now.peakMegabytes) MB")
    }

    private static func format(_ seconds: Double) -> String { String(format: "%.2f", seconds) }

    /// User plus system CPU time of the process (all threads), and its peak resident set size so far (Linux
    /// reports `ru_maxrss` in kilobytes).
    private static func usage() -> (cpu: Double, peakMegabytes: Int) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return (seconds(usage.ru_utime) + seconds(usage.ru_stime), usage.ru_maxrss / 1024)
    }
}
