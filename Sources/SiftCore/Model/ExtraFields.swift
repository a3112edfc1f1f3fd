/// Every input field of a record not mapped to a canonical field, in input order, packed into one byte buffer.
///
/// A Play export leaves five such fields on each of a million rows; as an array of name/value string pairs they
/// took about 200 bytes a record (32 per pair plus the array's header). Here the names are indices into a table
/// the reader shares among all its records (its header), and the values are UTF-8 in one buffer: per field the
/// name's index and the value's length as LEB128 varints, then the value's bytes.
public struct ExtraFields: Sendable, Hashable, Collection, ExpressibleByArrayLiteral, CustomStringConvertible {
    /// The names fields are picked from; shared, not copied, between the records of one input.
    private var names: [String]
    private var packed: [UInt8] = []

    public init() { names = [] }

    public init(arrayLiteral fields: ExtraField...) {
        self.init(fields)
    }

    public init(_ fields: some Sequence<ExtraField>) {
        names = []
        for field in fields { append(field) }
    }

    /// Fields named from `names`, a table many records share.
    init(names: [String]) { self.names = names }

    // MARK: Collection (an index is a byte offset into the buffer)

    public var startIndex: Int { 0 }
    public var endIndex: Int { packed.count }

    public func index(after i: Int) -> Int {
        var at = i
        _ = Self.varint(packed, &at)
        let length = Self.varint(packed, &at)
        return at + length
    }

    public subscript(i: Int) -> ExtraField {
        var at = i
        let name = names[Self.varint(packed, &at)]
        let length = Self.varint(packed, &at)
        return ExtraField(name: name, value: String(decoding: packed[at..<(at + length)], as: UTF8.self))
    }

    /// Each field's name and its value's UTF-8 bytes, without making a string of the value.
    func forEachRaw(_ body: (String, UnsafeBufferPointer<UInt8>) -> Void) {
        packed.withUnsafeBufferPointer { buffer in
            var at = 0
            while at < buffer.count {
                let name = names[Self.varint(buffer, &at)]
                let length = Self.varint(buffer, &at)
                body(name, UnsafeBufferPointer(rebasing: buffer[at..<(at + length)]))
                at += length
            }
        }
    }

    // MARK: building

    public mutating func append(_ field: ExtraField) {
        // Names repeat from record to record; a name new to the table is added to this record's copy of it.
        let index = names.firstIndex(of: field.name) ?? {
            names.append(field.name)
            return names.count - 1
        }()
        append(nameAt: index, value: field.value)
    }

    /// Appends a field whose name is `names[index]`.
    mutating func append(nameAt index: Int, value: String) {
        Self.appendVarint(index, to: &packed)
        Self.appendVarint(value.utf8.count, to: &packed)
        packed.append(contentsOf: value.utf8)
    }

    /// Appends a field whose name is `names[index]`, its value given as UTF-8 bytes (no string made).
    mutating func append(nameAt index: Int, utf8 value: UnsafeBufferPointer<UInt8>) {
        Self.appendVarint(index, to: &packed)
        Self.appendVarint(value.count, to: &packed)
        packed.append(contentsOf: value)
    }

    /// Fields named from `names`, which `write` packs into one buffer of exactly `byteCount` bytes (the sum of
    /// their `packedSize`s): one allocation, and no growth checks per byte.
    init(names: [String], byteCount: Int, _ write: (inout Packer) -> Void) {
        self.names = names
        guard byteCount > 0 else { return }
        // Written in temporary (stack) memory, then copied into an array made at its size: the array initializers
        // that hand out uninitialized or zero-filled storage are not specialized for bytes and cost twice as much.
        packed = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: byteCount) { buffer in
            var packer = Packer(buffer: buffer)
            write(&packer)
            return Array(UnsafeBufferPointer(rebasing: buffer[..<packer.count]))
        }
    }

    /// Writes fields into a buffer sized for them beforehand.
    struct Packer {
        fileprivate let buffer: UnsafeMutableBufferPointer<UInt8>
        fileprivate var count = 0

        /// Appends a field whose name is `names[index]`, its value given as UTF-8 bytes.
        mutating func append(nameAt index: Int, utf8 value: UnsafeBufferPointer<UInt8>) {
            precondition(count + ExtraFields.packedSize(nameAt: index, valueLength: value.count) <= buffer.count,
                         "extras outgrow the size reserved for them")
            writeVarint(index)
            writeVarint(value.count)
            if let source = value.baseAddress {
                (buffer.baseAddress! + count).update(from: source, count: value.count)
            }
            count += value.count
        }

        private mutating func writeVarint(_ value: Int) {
            var v = UInt(value)
            while v >= 0x80 {
                buffer[count] = UInt8(v & 0x7F) | 0x80
                count += 1
                v >>= 7
            }
            buffer[count] = UInt8(v)
            count += 1
        }
    }

    /// The bytes a field with name index `index` and a value of `length` bytes takes in the buffer.
    static func packedSize(nameAt index: Int, valueLength length: Int) -> Int {
        varintSize(index) + varintSize(length) + length
    }

    /// Reserves room for `byteCount` bytes of fields (sizes from `packedSize`).
    mutating func reserve(byteCount: Int) { packed.reserveCapacity(byteCount) }

    /// Reserves buffer room for `values` appended under names with small indices (< 128).
    mutating func reserve(values: some Sequence<String>) {
        packed.reserveCapacity(values.reduce(0) { $0 + $1.utf8.count + 1 + ($1.utf8.count < 128 ? 1 : 2) })
    }

    // MARK: equality follows the fields, not the tables they were named from

    public static func == (a: ExtraFields, b: ExtraFields) -> Bool { a.elementsEqual(b) }

    public func hash(into hasher: inout Hasher) {
        for field in self { hasher.combine(field) }
    }

    public var description: String { "[" + map { "\($0.name): \($0.value)" }.joined(separator: ", ") + "]" }

    // MARK: varints

    private static func appendVarint(_ value: Int, to bytes: inout [UInt8]) {
        var v = UInt(value)
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    private static func varintSize(_ value: Int) -> Int {
        var v = UInt(value), size = 1
        while v >= 0x80 {
            v >>= 7
            size += 1
        }
        return size
    }

    private static func varint<C: RandomAccessCollection>(_ bytes: C, _ at: inout Int) -> Int where C.Element == UInt8, C.Index == Int {
        var value = 0
        var shift = 0
        while true {
            let byte = bytes[at]
            at += 1
            value |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }
}
