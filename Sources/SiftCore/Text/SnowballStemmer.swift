import CStemmer
import Glibc

/// One Snowball stemmer (libstemmer) for one language; not thread-safe, so each worker owns its own.
final class SnowballStemmer {
    private let handle: OpaquePointer
    /// English words of ASCII bytes go to `EnglishStemmer`, which gives libstemmer's stems at a fraction of the cost.
    private let isEnglish: Bool
    /// English, with inline strings read as `SmallASCIIString` does: a stored answer, as `isFound`'s once-check on
    /// every word cost a call.
    private let readsInlineWords: Bool

    /// The Snowball algorithm names for ISO 639-1 codes that libstemmer covers.
    static let algorithms: [String: String] = [
        "en": "english", "es": "spanish", "de": "german", "fr": "french", "pt": "portuguese", "it": "italian",
        "nl": "dutch", "ru": "russian", "sv": "swedish", "da": "danish", "no": "norwegian", "nb": "norwegian",
        "fi": "finnish", "hu": "hungarian", "ro": "romanian", "tr": "turkish", "ar": "arabic", "el": "greek",
        "id": "indonesian", "ga": "irish", "lt": "lithuanian", "ne": "nepali", "sr": "serbian", "ta": "tamil",
        "ca": "catalan", "eu": "basque", "hy": "armenian", "hi": "hindi", "yi": "yiddish",
    ]

    /// Opens the stemmer for an ISO 639-1 code; nil when libstemmer has none for it.
    /// - Parameter handWritten: false keeps every English word on libstemmer (to compare the two).
    init?(language: String, handWritten: Bool = true) {
        guard let name = Self.algorithms[language], let handle = sb_stemmer_new(name, "UTF_8") else { return nil }
        self.handle = handle
        self.isEnglish = handWritten && name == "english"
        readsInlineWords = isEnglish && SmallASCIIString.isFound
    }

    deinit { sb_stemmer_delete(handle) }

    /// The stem of a folded (lower-case) word; the word itself (no new string) when the stem is the same.
    func stem(_ word: String) -> String { changedStem(word) ?? word }

    /// The stem of a folded (lower-case) word when the stemmer changes it; nil when the stem is the word itself.
    @inline(__always)
    func changedStem(_ word: String) -> String? {
        if readsInlineWords, let (low, high, count) = SmallASCIIString.words(of: word) {
            switch EnglishStemmer.stem(low: low, high: high, count: count) {
            case .stem(let stem): return stem
            case .same: return nil
            case .library: break
            }
        }
        // Native strings lend their bytes without a copy of the String (and its retain) that `withUTF8` needs.
        if let stem = word.utf8.withContiguousStorageIfAvailable({ stem(utf8: $0) }) { return stem }
        var bytes = word
        return bytes.withUTF8 { stem(utf8: $0) }
    }

    /// The stem of a word's UTF-8 bytes; nil when it is the word itself.
    private func stem(utf8: UnsafeBufferPointer<UInt8>) -> String? {
        if isEnglish {
            switch EnglishStemmer.stem(utf8) {
            case .stem(let stem): return stem
            case .same: return nil
            case .library: break
            }
        }
        return libstemmerChangedStem(utf8)
    }

    /// libstemmer's stem of a word's UTF-8 bytes, whatever the language.
    func libstemmerStem(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
        libstemmerChangedStem(utf8) ?? String(decoding: utf8, as: UTF8.self)
    }

    /// libstemmer's stem of a word's UTF-8 bytes; nil when it is the word itself.
    // An unchanged stem is not made again as a String: that copy was validated, and compared with the word as a
    // String it was normalized too (a word past 15 bytes beyond ASCII carries no NFC mark), 1,000 instructions a word.
    private func libstemmerChangedStem(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
        guard let base = utf8.baseAddress, let out = sb_stemmer_stem(handle, base, Int32(utf8.count)) else { return nil }
        let length = Int(sb_stemmer_length(handle))
        if length == utf8.count && memcmp(out, base, length) == 0 { return nil }
        return String(decoding: UnsafeBufferPointer(start: out, count: length), as: UTF8.self)
    }
}
