import Foundation
import Synchronization

/// Transforms a batch of items on several threads and returns the results in the items' order: what a command that
/// reads a long pipe line by line does on more than one core.
///
/// Each thread slot keeps its own state (analyzer workers, scratch storage and their memos of the words seen) from
/// batch to batch, so a pipe pays for it once per thread. Threads take short runs of items from a shared counter —
/// texts differ in length, and fixed halves left one core idle at the end of each batch — and each item is
/// transformed by exactly one thread; as long as the state only saves work, the results are the same for any
/// number of threads.
public final class ParallelBatch<Slot>: @unchecked Sendable {
    public let threads: Int
    private let slots: UnsafeSlots<Slot?>
    private let makeSlot: @Sendable () -> Slot

    /// - Parameter makeSlot: one thread's state, made on its first batch.
    public init(threads: Int, makeSlot: @escaping @Sendable () -> Slot) {
        self.threads = max(1, threads)
        self.makeSlot = makeSlot
        slots = UnsafeSlots(count: self.threads, initial: nil)
    }

    /// `transform` of each of `items` with a thread's state, in the items' order.
    public func map<Item: Sendable, Result>(_ items: [Item], _ transform: @Sendable (inout Slot, Item) -> Result) -> [Result] {
        guard !items.isEmpty else { return [] }
        let slices = min(threads, (items.count + Self.run - 1) / Self.run)
        let results = UnsafeMutableBufferPointer<Result>.allocate(capacity: items.count)
        defer { results.deallocate() }
        let output = DisjointOutput(results)
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            var slot = slots[slice] ?? makeSlot()
            slots[slice] = nil
            while true {
                let start = next.wrappingAdd(Self.run, ordering: .relaxed).oldValue
                guard start < items.count else { break }
                for i in start..<min(items.count, start + Self.run) {
                    (output.buffer.baseAddress! + i).initialize(to: transform(&slot, items[i]))
                }
            }
            slots[slice] = slot
        }
        // Every index was initialized by exactly one thread; the array takes the values over.
        return Array(UnsafeMutableBufferPointer(start: results.baseAddress, count: items.count).moveAll())
    }

    /// Items a thread takes at a time.
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
