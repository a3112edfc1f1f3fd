/// The probe half of the open-addressed word tables (`WordTable`, `WrittenWordTable`): per slot the lower half of a
/// key's hash and the index of its entry + 1 (0 = empty). Probing reads 8 bytes a slot, so a table's probes stay in
/// cache; the table keeps its own entries and tells, for a slot whose hash half matches, whether the key is its own.
///
/// The tag is the hash's lower half, which holds the bits of a key's home slot too (tables have fewer than 2^32
/// slots), so growing re-places the slots from what they hold: hashing every key again was 160 instructions an entry.
struct TaggedProbes: Sendable {
    private var slots: [UInt64]

    /// Room for `capacity` slots, a power of two.
    init(slots capacity: Int) {
        precondition(capacity > 0 && capacity & (capacity - 1) == 0, "probe slots come in powers of two")
        slots = Array(repeating: 0, count: capacity)
    }

    var count: Int { slots.count }

    /// The slots as they are, for a table that keeps them elsewhere once filled (`LaidOutWords`).
    var slotValues: [UInt64] { slots }

    @inline(__always)
    fileprivate static func tag(_ hash: Int) -> UInt64 { UInt64(UInt(bitPattern: hash) & 0xFFFF_FFFF) << 32 }

    /// The first slot to probe for a tagged slot value: the hash's low bits, as `first` probes from `hash & mask`.
    @inline(__always)
    private static func home(_ tagged: UInt64, mask: Int) -> Int { Int(truncatingIfNeeded: tagged >> 32) & mask }

    /// The first entry index whose slot carries `hash`'s tag and for which `isKey` holds; nil at the first empty slot.
    @inline(__always)
    func first(hash: Int, where isKey: (Int) -> Bool) -> Int? {
        // Through a buffer pointer: a slot read then copies nothing.
        slots.withUnsafeBufferPointer { Self.first(hash: hash, in: $0, where: isKey) }
    }

    @inline(__always)
    static func first(hash: Int, in slots: UnsafeBufferPointer<UInt64>, where isKey: (Int) -> Bool) -> Int? {
        let mask = slots.count - 1
        let tag = Self.tag(hash)
        var slot = hash & mask
        while true {
            let probe = slots[slot]
            if probe == 0 { return nil }
            if probe & 0xFFFF_FFFF_0000_0000 == tag {
                let index = Int(probe & 0xFFFF_FFFF) - 1
                if isKey(index) { return index }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Records entry `index` under `hash` in the first empty slot.
    mutating func place(_ index: Int, hash: Int) {
        let tagged = Self.tag(hash) | UInt64(index + 1)
        slots.withUnsafeMutableBufferPointer { Self.place(tagged, in: $0) }
    }

    /// Places entries into slots borrowed for one fill (`placing`).
    struct Placer {
        fileprivate let slots: UnsafeMutableBufferPointer<UInt64>

        /// Records entry `index` under `hash` in the first empty slot, as `TaggedProbes.place` does.
        @inline(__always)
        func place(_ index: Int, hash: Int) { TaggedProbes.place(TaggedProbes.tag(hash) | UInt64(index + 1), in: slots) }

        /// `TaggedProbes.first(hash:where:)` over the slots placed so far.
        @inline(__always)
        func first(hash: Int, where isKey: (Int) -> Bool) -> Int? {
            TaggedProbes.first(hash: hash, in: UnsafeBufferPointer(slots), where: isKey)
        }
    }

    /// Calls `body` to place many entries through one borrow of the slots: `place` checked the slots' uniqueness and
    /// was not inlined, for each of the ~25,000 words laid out at start-up. The placer must not outlive `body`.
    mutating func placing<R>(_ body: (Placer) -> R) -> R {
        slots.withUnsafeMutableBufferPointer { body(Placer(slots: $0)) }
    }

    @inline(__always)
    fileprivate static func place(_ tagged: UInt64, in slots: UnsafeMutableBufferPointer<UInt64>) {
        let mask = slots.count - 1
        var slot = home(tagged, mask: mask)
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = tagged
    }

    /// Calls `body` with the lower 32 bits of the hash of every entry placed, read from the slots' tags.
    func forEachHashTag(_ body: (Int) -> Void) {
        slots.withUnsafeBufferPointer { Self.forEachHashTag(in: $0, body) }
    }

    /// `forEachHashTag` over slots laid out elsewhere (`LaidOutWords`' embedded tables).
    static func forEachHashTag(in slots: UnsafeBufferPointer<UInt64>, _ body: (Int) -> Void) {
        for tagged in slots where tagged != 0 { body(Int(truncatingIfNeeded: tagged >> 32)) }
    }

    /// Four times the slots, every entry placed again from its slot's tag.
    // Four times, not twice: each growth clears the new slots and places every entry again, and the memos of words
    // grow from 16 slots to tens of thousands (the English written-word memo's twelve doublings cleared 1 MB on gp.txt).
    mutating func grow() {
        var grown = [UInt64](repeating: 0, count: slots.count * 4)
        slots.withUnsafeBufferPointer { old in
            grown.withUnsafeMutableBufferPointer { new in
                for tagged in old where tagged != 0 { Self.place(tagged, in: new) }
            }
        }
        slots = grown
    }

    /// Every slot empty, the storage kept.
    mutating func removeAll() {
        for k in slots.indices { slots[k] = 0 }
    }
}
