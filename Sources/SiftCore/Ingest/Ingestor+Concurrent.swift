import Foundation

extension Ingestor {
    /// Reads `inputs` on a second thread and hands their events to `consume` on the calling thread, in batches
    /// and in input order, so encoding and writing the records overlaps with reading the next ones.
    ///
    /// Memory stays bounded: the reader waits while `maxBatches` batches are waiting. If `consume` throws, the
    /// reader is stopped and the error is rethrown once it has let go of the inputs.
    /// - Throws: what `ingest` throws (`IngestError`), or what `consume` throws.
    public func ingestConcurrently(
        _ inputs: [InputSource], batchSize: Int = 512, maxBatches: Int = 8,
        consume: ([IngestEvent]) throws -> Void
    ) throws -> [InputAccount] {
        let queue = EventBatchQueue(capacity: max(1, maxBatches))
        let reader = Thread { [self] in
            var batch: [IngestEvent] = []
            batch.reserveCapacity(batchSize)
            let result = Result<[InputAccount], any Error> {
                let accounts = try ingest(inputs) { event in
                    batch.append(event)
                    if batch.count >= batchSize {
                        guard queue.put(batch) else { throw EventBatchQueue.Cancelled() }
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                return accounts
            }
            // The events before a failure are handed over too, as `ingest` would have emitted them.
            if !batch.isEmpty { _ = queue.put(batch) }
            queue.finish(result)
        }
        // A deep JSON document recurses in the parser; give the reader the stack the main thread has.
        reader.stackSize = 8 << 20
        reader.start()

        var consumeError: (any Error)?
        while true {
            switch queue.take() {
            case .batch(let events):
                guard consumeError == nil else { continue }
                do {
                    try consume(events)
                } catch {
                    consumeError = error
                    queue.cancel()
                }
            case .finished(let result):
                if let consumeError { throw consumeError }
                return try result.get()
            }
        }
    }
}

/// A bounded first-in, first-out hand-over of event batches from one reader thread to one consumer.
final class EventBatchQueue: @unchecked Sendable {
    enum Item {
        case batch([IngestEvent])
        case finished(Result<[InputAccount], any Error>)
    }

    struct Cancelled: Error {}

    private let condition = NSCondition()
    private let capacity: Int
    // Guarded by `condition`.
    private var items: [[IngestEvent]] = []
    private var head = 0
    private var result: Result<[InputAccount], any Error>?
    private var cancelled = false

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Queues a batch, waiting while the queue is full; false once the consumer has cancelled.
    func put(_ batch: [IngestEvent]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= capacity, !cancelled { condition.wait() }
        if cancelled { return false }
        items.append(batch)
        condition.broadcast()
        return true
    }

    /// Marks the end of reading, with its outcome.
    func finish(_ outcome: Result<[InputAccount], any Error>) {
        condition.lock()
        result = outcome
        condition.broadcast()
        condition.unlock()
    }

    /// Tells the reader to stop; batches already queued are still handed out (the consumer skips them).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, or the outcome once every batch has been taken; waits while there is neither.
    func take() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count, result == nil { condition.wait() }
        if head < items.count {
            let batch = items[head]
            items[head] = []
            head += 1
            if head == items.count {
                items.removeAll(keepingCapacity: true)
                head = 0
            }
            condition.broadcast()
            return .batch(batch)
        }
        return .finished(result!)
    }
}
