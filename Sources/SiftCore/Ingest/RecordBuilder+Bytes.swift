extension RecordBuilder {
    /// Fills `record` (an `emptyRecord`) from a row's fields given as UTF-8 bytes in column order, making strings
    /// only for the fields the record keeps as strings; false when the row has a problem, which `build` then words.
    ///
    /// It gives the record `build` gives for the same values: extras are packed straight from the bytes, ratings
    /// of one digit and ISO 8601 dates are parsed from the bytes, and every other value goes through `assign`.
    /// - Parameters:
    ///   - columns: the header, which extras are named from; `fields` is `fields(forColumns: columns)`.
    ///   - field: the bytes of field `i` (valid UTF-8); it may be asked for the same field more than once.
    @inline(__always)
    func buildFromBytes(
        into record: inout FeedbackRecord, columns: [String], fields: [CanonicalField?],
        field: (Int) -> UnsafeBufferPointer<UInt8>
    ) -> Bool {
        // One allocation of exactly the extras' size, as `build` makes, written straight from the bytes.
        var extrasSize = 0
        for i in fields.indices where fields[i] == nil {
            let value = field(i)
            if !ValueParsing.isMissing(utf8: value) {
                extrasSize += ExtraFields.packedSize(nameAt: i, valueLength: value.count)
            }
        }
        record.extras = ExtraFields(names: columns, byteCount: extrasSize) { packer in
            for i in fields.indices where fields[i] == nil {
                let value = field(i)
                if !ValueParsing.isMissing(utf8: value) { packer.append(nameAt: i, utf8: value) }
            }
        }
        for i in fields.indices {
            guard let canonical = fields[i] else { continue }
            let value = field(i)
            if ValueParsing.isMissing(utf8: value) { continue }
            switch canonical {
            case .rating where value.count == 1 && value[0] >= UInt8(ascii: "1") && value[0] <= UInt8(ascii: "5"):
                record.rating = Double(value[0] - UInt8(ascii: "0"))
            case .date where hasVisibleASCIIEnds(value):
                // An ISO 8601 date is never all digits, which `ValueParsing.date` tries first; nothing to trim.
                if let date = ValueParsing.iso8601(value) {
                    record.date = date
                } else if assign(String(decoding: value, as: UTF8.self), to: .date, of: &record) != nil {
                    return false
                }
            case _ where hasVisibleASCIIEnds(value) && canonical.isText:
                // Nothing to trim, and not missing: the string is the field, as `assign` would set it.
                set(String(decoding: value, as: UTF8.self), to: canonical, of: &record)
            case _ where canonical.isText && (value[0] >= 0x80 || value[value.count - 1] >= 0x80):
                // Text that starts or ends with a non-ASCII character ("great app 👍"): when neither end is
                // whitespace there is nothing to trim, and it is no missing marker (those are ASCII, and no
                // non-ASCII character lowercases to their letters).
                let text = String(decoding: value, as: UTF8.self)
                if let first = text.first, !first.isWhitespace, let last = text.last, !last.isWhitespace {
                    set(text, to: canonical, of: &record)
                } else if assign(text, to: canonical, of: &record) != nil {
                    return false
                }
            default:
                if assign(String(decoding: value, as: UTF8.self), to: canonical, of: &record) != nil { return false }
            }
        }
        takeTitleAsMissingText(&record)
        return !record.text.isEmpty
    }
}

extension CanonicalField {
    /// The field holds text as written (trimmed), not a parsed number or date.
    var isText: Bool {
        switch self {
        case .id, .text, .title, .author, .version, .device, .language, .country: true
        case .rating, .score, .date, .reach: false
        }
    }
}
