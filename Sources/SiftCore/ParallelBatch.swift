import Foundation
import Synchronization

/// Transforms a batch of items on several threads and returns the results in the items' order: what a command that
/// reads a long pipe line by line does on more than one core.
///
/// Each thread's state (analyzer workers, scratch storage and their memos of the words seen) goes back to a pool
/// after a batch and serves the next one, so a pipe pays for it once per thread; callers on several threads at once
/// never share one. Threads take short runs of items from a shared counter, and each item is transformed by exactly
/// one thread: as long as the state only saves work, the results are the same for any number of threads.
public final class ParallelBatch<Slot>: @unchecked Sendable {
    public let threads: Int
    private let makeSlot: @Sendable () -> Slot
    /// Thread states not in use, under `lock`: a call takes one per thread and gives it back at the end, so calls
    /// from several threads at once never share a state (each worker is for one thread at a time).
    private var idle: [Slot] = []
    private let lock = NSLock()

    /// - Parameter makeSlot: one thread's state, made when no idle one is left.
    public init(threads: Int, makeSlot: @escaping @Sendable () -> Slot) {
        self.threads = max(1, threads)
        self.makeSlot = makeSlot
    }

    /// `transform` of each of `items` with a thread's state, in the items' order.
    public func map<Item: Sendable, Output>(_ items: [Item], _ transform: @Sendable (inout Slot, Item) -> Output) -> [Output] {
        guard !items.isEmpty else { return [] }
        let slices = min(threads, (items.count + Self.run - 1) / Self.run)
        let results = UnsafeMutableBufferPointer<Output>.allocate(capacity: items.count)
        defer { results.deallocate() }
        let output = DisjointOutput(results)
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: slices) { _ in
            var slot = takeSlot()
            while true {
                let start = next.wrappingAdd(Self.run, ordering: .relaxed).oldValue
                guard start < items.count else { break }
                for i in start..<min(items.count, start + Self.run) {
                    (output.buffer.baseAddress! + i).initialize(to: transform(&slot, items[i]))
                }
            }
            giveBack(slot)
        }
        // Every index was initialized by exactly one thread; the array takes the values over.
        return results.moveAll()
    }

    private func takeSlot() -> Slot {
        lock.lock()
        // Moved out of the pool, not copied: a copy left behind would share the state's arrays, and the thread's
        // first write to them would copy them.
        let slot = idle.popLast()
        lock.unlock()
        return slot ?? makeSlot()
    }

    private func giveBack(_ slot: Slot) {
        lock.lock()
        idle.append(slot)
        lock.unlock()
    }

    /// Items a thread takes at a time: texts differ in length, and fixed halves left one core idle at the end of
    /// each batch.
    static var run: Int { 64 }
}

/// A results buffer written by several threads at disjoint indices.
struct DisjointOutput<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}

extension UnsafeMutableBufferPointer {
    /// The initialized values, moved out (the memory is left uninitialized).
    fileprivate func moveAll() -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { destination, initialized in
            _ = destination.moveInitialize(fromContentsOf: self)
            initialized = count
        }
    }
}
