import ArgumentParser
import Foundation

/// The most threads `--threads` takes: every command sizes its batches by the thread count, so a mistyped huge
/// number would try to reserve memory for billions of records.
let maximumThreads = 256

/// The thread count a command runs with: every core when the user named none; a count outside 1…`maximumThreads`
/// is a usage error, said in one line.
func threadCount(_ requested: Int?) throws -> Int {
    guard let requested else { return max(1, ProcessInfo.processInfo.activeProcessorCount) }
    guard (1...maximumThreads).contains(requested) else {
        throw ValidationError("--threads \(requested): give a number from 1 to \(maximumThreads)")
    }
    return requested
}
