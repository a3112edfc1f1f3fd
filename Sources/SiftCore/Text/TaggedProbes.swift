/// The probe half of the open-addressed word tables (`WordTable`, `WrittenWordTable`): per slot the upper half of a
/// key's hash and the index of its entry + 1 (0 = empty). Probing reads 8 bytes a slot, so a table's probes stay in
/// cache; the table keeps its own entries and tells, for a slot whose hash half matches, whether the key is its own.
struct TaggedProbes: Sendable {
    private var slots: [UInt64]

    /// Room for `capacity` slots, a power of two.
    init(slots capacity: Int) {
        precondition(capacity > 0 && capacity & (capacity - 1) == 0, "probe slots come in powers of two")
        slots = Array(repeating: 0, count: capacity)
    }

    var count: Int { slots.count }

    @inline(__always)
    private static func tag(_ hash: Int) -> UInt64 { UInt64(UInt(bitPattern: hash) >> 32) << 32 }

    /// The first entry index whose slot carries `hash`'s tag and for which `isKey` holds; nil at the first empty slot.
    @inline(__always)
    func first(hash: Int, where isKey: (Int) -> Bool) -> Int? {
        let mask = slots.count - 1
        let tag = Self.tag(hash)
        var slot = hash & mask
        // Through a buffer pointer: a slot read then copies nothing.
        return slots.withUnsafeBufferPointer { slots in
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
    }

    /// Records entry `index` under `hash` in the first empty slot.
    mutating func place(_ index: Int, hash: Int) {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Self.tag(hash) | UInt64(index + 1)
    }

    /// Twice the slots, with entries `0..<entries` placed again under `hash(index)`.
    mutating func grow(entries: Int, hash: (Int) -> Int) {
        slots = Array(repeating: 0, count: slots.count * 2)
        for index in 0..<entries { place(index, hash: hash(index)) }
    }

    /// Every slot empty, the storage kept.
    mutating func removeAll() {
        for k in slots.indices { slots[k] = 0 }
    }
}
