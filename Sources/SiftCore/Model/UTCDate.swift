public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// ISO 8601 in UTC without Foundation's formatters, which are slow and not safe to share across threads.
public enum UTCDate {
    /// `2026-11-28T09:30:00Z`.
    public static func iso8601(_ date: Date) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        appendISO8601(date, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `2026-11-28T09:30:00Z` as UTF-8, by arithmetic: `String(format:)` cost a third of `sift ingest`.
    public static func appendISO8601(_ date: Date, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { room in
            if writeISO8601(date, into: room.baseAddress!) {
                bytes.append(contentsOf: room)
            } else {
                bytes.append(contentsOf: formatted(date).utf8)
            }
        }
    }

    /// Writes the 20 bytes of `appendISO8601` into `out`; false, writing nothing, outside years 0–9999 (and for
    /// NaN), which take the general form.
    static func writeISO8601(_ date: Date, into out: UnsafeMutablePointer<UInt8>) -> Bool {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds >= -62_167_219_200, seconds < 253_402_300_800 else { return false }
        let total = Int(seconds)
        let days = total >= 0 ? total / 86400 : (total - 86399) / 86400
        let secondOfDay = total - days * 86400
        // Civil from days (H. Hinnant's algorithm), the inverse of `make`.
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        @inline(__always) func two(_ n: Int, at i: Int) {
            out[i] = UInt8(truncatingIfNeeded: 48 + n / 10)
            out[i + 1] = UInt8(truncatingIfNeeded: 48 + n % 10)
        }
        two(year / 100, at: 0)
        two(year % 100, at: 2)
        out[4] = UInt8(ascii: "-")
        two(month, at: 5)
        out[7] = UInt8(ascii: "-")
        two(day, at: 8)
        out[10] = UInt8(ascii: "T")
        two(secondOfDay / 3600, at: 11)
        out[13] = UInt8(ascii: ":")
        two(secondOfDay / 60 % 60, at: 14)
        out[16] = UInt8(ascii: ":")
        two(secondOfDay % 60, at: 17)
        out[19] = UInt8(ascii: "Z")
        return true
    }

    /// The general form through the C library, for dates outside years 0–9999.
    private static func formatted(_ date: Date) -> String {
        var seconds = time_t(floor(date.timeIntervalSince1970))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
            Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    /// `2026-11-28`.
    public static func day(_ date: Date) -> String {
        String(iso8601(date).prefix(10))
    }

    /// The date of a UTC calendar day and time; nil when a part is out of range.
    public static func make(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
              (0...60).contains(second), (1900...2200).contains(year) else { return nil }
        // Days from civil (H. Hinnant's algorithm): exact for the proleptic Gregorian calendar.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146097 + doe - 719468
        // Reject 31 February and the like (by arithmetic: formatting the date to check it cost most of ingest).
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let monthLength = month == 2 ? (leap ? 29 : 28) : (month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31)
        guard day <= monthLength else { return nil }
        return Date(timeIntervalSince1970: Double(days * 86400 + hour * 3600 + minute * 60 + second))
    }
}
