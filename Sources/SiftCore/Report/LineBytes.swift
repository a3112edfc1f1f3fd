/// Bytes appended through a pointer, for records.jsonl: a line is dozens of small pieces, and each `Array.append`
/// checked uniqueness and capacity on the way.
///
/// A value holding a pointer it does not free: `LineBlock` owns the memory and lends it out. Appends marked
/// `unchecked` write into room made beforehand with `reserve`.
struct LineBytes {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private(set) var capacity: Int

    fileprivate init(capacity: Int) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
    }

    fileprivate func deallocate() { base.deallocate() }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    mutating func removeAll() { count = 0 }

    /// Makes room for `n` more bytes.
    @inline(__always) mutating func reserve(_ n: Int) {
        if capacity - count < n { grow(to: count + n) }
    }

    private mutating func grow(to needed: Int) {
        let larger = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

    /// The first byte past the end, where the next append writes.
    @inline(__always) var end: UnsafeMutablePointer<UInt8> { base + count }

    /// Counts `n` bytes written at `end` as appended.
    @inline(__always) mutating func advance(_ n: Int) { count += n }

    @inline(__always) mutating func appendUnchecked(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    @inline(__always) mutating func appendUnchecked(_ text: StaticString) {
        (base + count).update(from: text.utf8Start, count: text.utf8CodeUnitCount)
        count += text.utf8CodeUnitCount
    }

    @inline(__always) mutating func append(_ text: StaticString) {
        reserve(text.utf8CodeUnitCount)
        appendUnchecked(text)
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// `utf8` in quotes with JSON's escapes.
    mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        // An escape is at most six bytes (`\u001f`) for one.
        reserve(utf8.count * 6 + 2)
        appendUnchecked(UInt8(ascii: "\""))
        if let source = utf8.baseAddress {
            var runStart = 0
            while true {
                let special = JSONWriter.firstByteNeedingEscape(source, from: runStart, count: utf8.count)
                (base + count).update(from: source + runStart, count: special - runStart)
                count += special - runStart
                guard special < utf8.count else { break }
                count += JSONWriter.writeEscape(source[special], into: base + count)
                runStart = special + 1
            }
        }
        appendUnchecked(UInt8(ascii: "\""))
    }

    /// A string in quotes with JSON's escapes.
    mutating func appendQuoted(_ text: String) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ appendQuoted($0) }) { return done }
        var copy = text
        copy.withUTF8 { appendQuoted($0) }
    }

    /// A string in quotes, or `null`.
    mutating func appendQuoted(_ text: String?) {
        guard let text else { return append("null") }
        appendQuoted(text)
    }

    mutating func appendInteger(_ value: Int) {
        reserve(20)
        count += JSONWriter.writeInteger(Int64(value), into: base + count)
    }

    /// A number as `JSONWriter` writes it (at most `digits` after the point, no trailing zeros), or `null`.
    mutating func appendNumber(_ value: Double?, digits: Int) {
        guard let value, value.isFinite else { return append("null") }
        reserve(JSONWriter.numberRoom)
        if let written = JSONWriter.writeNumber(value, digits: digits, into: base + count) {
            count += written
        } else {
            var text = String(value)
            text.withUTF8 { append($0) }
        }
    }
}

/// One block of record lines: the memory `LineBytes` lends out, reused from block to block so that a large
/// output does not fault in fresh pages for every block.
final class LineBlock: @unchecked Sendable {
    /// Read and written by one thread at a time: the one encoding the block, then the one writing it.
    var bytes: LineBytes

    init(capacity: Int) { bytes = LineBytes(capacity: capacity) }
    deinit { bytes.deallocate() }
}
