import Foundation

/// A small deterministic generator (SplitMix64), so every run benchmarks the same file.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
}

/// Writes a Google Play Console-style CSV (UTF-8, CRLF) of about `bytes` bytes: realistic review lengths, with
/// quoted commas, doubled quotes, embedded line breaks and non-ASCII text.
func generatePlayCSV(path: String, bytes: Int) throws {
    let phrases = [
        "The app crashes on startup since the last update", "login loop after update, I can't get past the sign-in screen",
        "video upload stuck at 99%", "battery drains twice as fast now", "way too many ads, one after every video",
        "sound is out of sync with the picture", "please add a dark mode", "let me pick the download quality",
        "creators need better analytics", "love it, works great", "best app I have used this year",
        "the new design is \"cleaner\" but slower", "it froze twice today; had to reinstall", "Très bien, mais trop de pubs",
        "sehr gut 👍", "nice", "ok", "notifications arrive hours late", "can't change my password, the email never comes",
    ]
    let devices = ["pixel7", "SM-G991B", "redmi note 10", "OnePlus9", "moto g(60)"]
    let languages = ["en", "en", "en", "de", "fr", "es"]
    var rng = SplitMix(state: 2026)
    var out = "Package Name,App Version Code,App Version Name,Reviewer Language,Device,Review Submit Date and Time,Review Submit Millis Since Epoch,Review Last Update Date and Time,Review Last Update Millis Since Epoch,Star Rating,Review Title,Review Text,Developer Reply Date and Time,Developer Reply Millis Since Epoch,Developer Reply Text,Review Link\r\n"
    FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    var written = 0
    var row = 0
    while written < bytes {
        row += 1
        var text = ""
        for s in 0..<(1 + Int(rng.next() % 5)) {
            if s > 0 { text += rng.next() % 9 == 0 ? "\n" : ". " }
            text += rng.pick(phrases)
        }
        let quoted = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let millis = 1_767_225_600_000 + Int64(rng.next() % 28_000_000_000)
        let date = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
        let stars = 1 + rng.next() % 5
        let reply = rng.next() % 4 == 0 ? "\"Thanks, we are on it, please update to the latest version.\"" : ""
        out += "com.example.app,\(300 + row % 20),3.\(row % 20).0,\(rng.pick(languages)),\(rng.pick(devices)),\(date),\(millis),\(date),\(millis),\(stars),,\(quoted),,,\(reply),https://play.google.com/store/apps/details?id=com.example.app&reviewId=gp:\(row)\r\n"
        if out.utf8.count > 1 << 20 {
            handle.write(Data(out.utf8))
            written += out.utf8.count
            out = ""
        }
    }
    handle.write(Data(out.utf8))
    try handle.close()
}
