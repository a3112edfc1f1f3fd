import Synchronization
import Testing
@testable import SiftCore

struct ParallelBatchTests {
    /// A thread's state: how many items it has transformed over all batches.
    final class Counter: @unchecked Sendable { var items = 0 }

    @Test(arguments: [1, 2, 5])
    func resultsComeInTheItemsOrderAndEachItemIsDoneOnce(threads: Int) {
        let counters = Mutex<[Counter]>([])
        let batch = ParallelBatch(threads: threads) {
            let counter = Counter()
            counters.withLock { $0.append(counter) }
            return counter
        }
        let items = Array(0..<1000)
        #expect(batch.map(items) { counter, item in counter.items += 1; return item * 3 } == items.map { $0 * 3 })
        #expect(batch.map([7, 8]) { counter, item in counter.items += 1; return "\(item)" } == ["7", "8"])
        #expect(batch.map([Int]()) { _, item in item }.isEmpty)
        // Each item went through one thread's state, and states are made once per thread, not per batch.
        let made = counters.withLock { $0 }
        #expect(made.reduce(0) { $0 + $1.items } == 1002)
        #expect(made.count <= threads)
    }
}
