public import Foundation

/// Parsing of the values feedback exports hold: missing markers, numbers, dates in their many forms.
public enum ValueParsing {
    /// Empty, `?`, `NA`, `N/A`, `null`, `-`: what exports write for "no value".
    public static func isMissing(_ s: some StringProtocol) -> Bool {
        // Hot path: every field of every record passes here; the markers are at most 4 bytes.
        if let answer = s.utf8.withContiguousStorageIfAvailable(isMissingASCII), let answer { return answer }
        let t = s.trimmingSpaces
        if t.isEmpty { return true }
        switch t.lowercased() {
        case "?", "na", "n/a", "null", "none", "nan", "-", "--": return true
        default: return false
        }
    }

    /// `isMissing` for a value given as UTF-8 bytes; a string is made only when spaces around it must be trimmed.
    @inline(__always)
    static func isMissing(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.isEmpty { return true }
        // Checked here too so that the common case is decided inline, without a call.
        if bytes.count > 4, hasVisibleASCIIEnds(bytes) { return false }
        if let answer = isMissingASCII(bytes) { return answer }
        return isMissing(String(decoding: bytes, as: UTF8.self))
    }

    /// The common case without allocating: text with visible ASCII ends; nil when the slow path must decide.
    private static func isMissingASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        // Nothing to trim and longer than any marker: most values, decided without a loop.
        if b.count > 4, hasVisibleASCIIEnds(b) { return false }
        // A marker has at most 4 visible characters, and the spaces around it none.
        var visible = 0
        for byte in b where byte > 0x20 && byte < 0x7F {
            visible += 1
            if visible > 4 { return false }
        }
        guard hasVisibleASCIIEnds(b) else { return nil }
        if b.count > 4 { return false }
        var word: UInt32 = 0
        for byte in b { word = word << 8 | UInt32(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
        switch b.count {
        case 1: return word == 0x3F || word == 0x2D  // ? -
        case 2: return word == 0x6E61 || word == 0x2D2D  // na --
        case 3: return word == 0x6E2F61 || word == 0x6E616E  // n/a nan
        default: return word == 0x6E75_6C6C || word == 0x6E6F_6E65  // null none
        }
    }

    /// A number such as `4`, `4.0`, `"4"`, `4,5` (decimal comma) or `1,234` (thousands); nil if not one.
    public static func number(_ s: some StringProtocol) -> Double? {
        // One digit, as star ratings are written: the value without parsing a string as a float.
        if s.utf8.count == 1, let digit = s.utf8.first, digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") {
            return Double(digit - UInt8(ascii: "0"))
        }
        var t = s.trimmingSpaces
        if t.isEmpty { return nil }
        if let d = Double(t), d.isFinite { return d }
        let commas = t.filter { $0 == "," }.count
        if commas == 1, !t.contains("."), let comma = t.firstIndex(of: ",") {
            let after = t[t.index(after: comma)...]
            t = after.count == 3 ? t.replacingOccurrences(of: ",", with: "") : t.replacingOccurrences(of: ",", with: ".")
        } else if commas > 0 {
            t = t.replacingOccurrences(of: ",", with: "")
        }
        if let d = Double(t), d.isFinite { return d }
        return nil
    }

    /// Day-first or month-first, for slash and dot dates that are ambiguous (`03/04/18`).
    public enum DayOrder: Sendable { case dayFirst, monthFirst, guess }

    /// A date in any form the supported exports write, in UTC unless the text names an offset:
    /// ISO 8601 (`2026-11-28`, `2026-11-28T09:30:00Z`, `…+02:00`, `2026-11-28 09:30:00`), epoch seconds or
    /// milliseconds, `dd.mm.yy`, `dd/mm/yy` or `m/d/yyyy` (by `order`; a first part over 12 settles it),
    /// and `Nov 28, 2026` forms.
    public static func date(_ s: some StringProtocol, order: DayOrder = .guess) -> Date? {
        let text = s.trimmingSpaces
        guard !text.isEmpty else { return nil }
        // Parsed from the string's own UTF-8 storage: copying it into an array cost an allocation per date.
        var storage = text
        return storage.withUTF8 { bytes in date(bytes, text: text, order: order) }
    }

    private static func date(_ bytes: UnsafeBufferPointer<UInt8>, text t: String, order: DayOrder) -> Date? {
        if bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) || (bytes.first == UInt8(ascii: "-") && bytes.dropFirst().allSatisfy({ $0 >= 48 && $0 <= 57 })) {
            guard let n = Double(t), bytes.count >= 9 else { return nil }
            // 13 digits are milliseconds until the year 2286; 10 are seconds.
            return Date(timeIntervalSince1970: bytes.count >= 12 ? n / 1000 : n)
        }
        if let d = iso8601(bytes) { return d }
        if let d = numericDate(bytes, order: order) { return d }
        return monthNameDate(t)
    }

    private static func digits(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, max: Int) -> Int? {
        var n = 0, count = 0
        while i < b.count, count < max, b[i] >= 48, b[i] <= 57 {
            n = n * 10 + Int(b[i] - 48)
            i += 1
            count += 1
        }
        return count == 0 ? nil : n
    }

    /// `YYYY-MM-DD`, optional `T` or space and `HH:MM[:SS[.fff]]`, optional `Z`, `UTC` or `±HH[:]MM`.
    static func iso8601(_ b: UnsafeBufferPointer<UInt8>) -> Date? {
        var i = 0
        guard b.count >= 10, let year = digits(b, &i, max: 4), i == 4, b[i] == UInt8(ascii: "-") else { return nil }
        i += 1
        guard let month = digits(b, &i, max: 2), i < b.count, b[i] == UInt8(ascii: "-") else { return nil }
        i += 1
        guard let day = digits(b, &i, max: 2) else { return nil }
        var hour = 0, minute = 0, second = 0, offset = 0
        if i < b.count, b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: " ") {
            i += 1
            guard let h = digits(b, &i, max: 2), i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            guard let m = digits(b, &i, max: 2) else { return nil }
            hour = h
            minute = m
            if i < b.count, b[i] == UInt8(ascii: ":") {
                i += 1
                guard let s = digits(b, &i, max: 2) else { return nil }
                second = s
                if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                    i += 1
                    _ = digits(b, &i, max: 9)
                }
            }
            while i < b.count, b[i] == UInt8(ascii: " ") { i += 1 }
            if i < b.count {
                if b[i] == UInt8(ascii: "Z") {
                    i += 1
                } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                    let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
                    i += 1
                    guard let oh = digits(b, &i, max: 2) else { return nil }
                    if i < b.count, b[i] == UInt8(ascii: ":") { i += 1 }
                    let om = digits(b, &i, max: 2) ?? 0
                    offset = sign * (oh * 3600 + om * 60)
                } else if b.count - i >= 3, String(decoding: b[i..<(i + 3)], as: UTF8.self) == "UTC" {
                    i += 3
                }
            }
        }
        guard i == b.count else { return nil }
        return UTCDate.make(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
            .map { $0.addingTimeInterval(Double(-offset)) }
    }

    /// `dd.mm.yy`, `dd/mm/yyyy`, `m/d/yyyy`, with an optional ` HH:MM[:SS]`.
    static func numericDate(_ b: UnsafeBufferPointer<UInt8>, order: DayOrder) -> Date? {
        var i = 0
        guard let a = digits(b, &i, max: 2), i < b.count else { return nil }
        let sep = b[i]
        guard sep == UInt8(ascii: "/") || sep == UInt8(ascii: ".") || sep == UInt8(ascii: "-") else { return nil }
        i += 1
        guard let c = digits(b, &i, max: 2), i < b.count, b[i] == sep else { return nil }
        i += 1
        let yearStart = i
        guard var year = digits(b, &i, max: 4) else { return nil }
        if i - yearStart == 2 { year += year < 70 ? 2000 : 1900 }
        var hour = 0, minute = 0, second = 0
        if i < b.count, b[i] == UInt8(ascii: " ") || b[i] == UInt8(ascii: "T") {
            i += 1
            guard let h = digits(b, &i, max: 2), i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            guard let m = digits(b, &i, max: 2) else { return nil }
            hour = h
            minute = m
            if i < b.count, b[i] == UInt8(ascii: ":") {
                i += 1
                second = digits(b, &i, max: 2) ?? 0
            }
            // "09:03:04 PM", as SurveyMonkey and US spreadsheets write it.
            var j = i
            while j < b.count, b[j] == UInt8(ascii: " ") { j += 1 }
            if b.count - j == 2, (1...12).contains(hour) {
                let meridiem = String(decoding: b[j...], as: UTF8.self).uppercased()
                if meridiem == "AM" || meridiem == "PM" {
                    hour = hour % 12 + (meridiem == "PM" ? 12 : 0)
                    i = b.count
                }
            }
        }
        guard i == b.count else { return nil }
        let dayFirst: Bool
        switch order {
        case .dayFirst: dayFirst = true
        case .monthFirst: dayFirst = false
        // Dots are day-first everywhere they are used; slashes are taken as US month-first unless a part says otherwise.
        case .guess: dayFirst = a > 12 || (sep == UInt8(ascii: ".") && c <= 12)
        }
        return dayFirst
            ? UTCDate.make(year: year, month: c, day: a, hour: hour, minute: minute, second: second)
            : UTCDate.make(year: year, month: a, day: c, hour: hour, minute: minute, second: second)
    }

    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// `Nov 28, 2026`, `28 November 2026`, with an optional time after.
    static func monthNameDate(_ t: String) -> Date? {
        let parts = t.lowercased().split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard parts.count >= 3 else { return nil }
        func month(_ s: String) -> Int? { monthNames.firstIndex { s.hasPrefix($0) }.map { $0 + 1 } }
        var day: Int?, mon: Int?, year: Int?
        if let m = month(parts[0]) { mon = m; day = Int(parts[1]); year = Int(parts[2]) }
        else if let m = month(parts[1]) { mon = m; day = Int(parts[0]); year = Int(parts[2]) }
        guard let day, let mon, let year else { return nil }
        return UTCDate.make(year: year, month: mon, day: day)
    }
}
