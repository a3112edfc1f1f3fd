/// What kind classification learns of each written form, kept by one worker thread, with the buffers it reuses
/// from record to record.
///
/// A word's cue-lexicon ids, prefix masks and model hashes depend only on how it is written (and on the language
/// whose lexicons read it), yet were looked up or hashed for every token: a run of a million reviews sees a few
/// hundred thousand distinct words in tens of millions of tokens. A value passed `inout`, not a class: every
/// access to a class's stored array paid a dynamic exclusivity check, which cost more than the memo saved.
struct KindMemo {
    /// One written form: its folded form and stem, and the analyzer's hashes of them.
    struct Key {
        var folded: String
        var stem: String
        var foldedHash: Int
        var stemHash: Int
    }

    /// What one language's lexicons and the model see in a written form: plain values, copied without reference
    /// counting.
    struct Form {
        var kinds: CueLexicon.FormFacts
        var severity: CueLexicon.FormFacts
        var questionMark: Bool
        /// `KindFeatures.hash(of:)` of the stem, of `"!"` + stem, and of stem + `" "`.
        var stemFeature: UInt64
        var negatedFeature: UInt64
        var pairStart: UInt64
    }

    /// The forms of one language's lexicons, open addressing on the analyzer's word hashes.
    struct Table {
        /// Form index + 1 by slot; 0 is empty.
        var slots: [Int32] = Array(repeating: 0, count: 256)
        var keys: [Key] = []
        var forms: [Form] = []
    }

    /// A table holds at most this many forms, then starts over: memory stays bounded on any input.
    static let capacity = 1 << 18

    /// By `KindClassifier`'s index of the language.
    private(set) var tables: [Table] = []
    /// Token `i` of the text last resolved is form `formOfToken[i]` of its language's table.
    private(set) var formOfToken: [Int32] = []
    var kindFacts: [CueLexicon.TokenFacts] = []
    var severityFacts: [CueLexicon.TokenFacts] = []
    var candidates: [Int32] = []
    var kindMatches: [CueLexicon.Match] = []
    var severityMatches: [CueLexicon.Match] = []
    var featureHashes: [UInt64] = []
    var scores: [Double] = []

    /// Whether classification reads the memo; the plain path passes an inactive one, which allocates nothing.
    let isActive: Bool

    init() { isActive = true }

    private init(isActive: Bool) { self.isActive = isActive }

    /// A memo that classification ignores.
    static var inactive: KindMemo { KindMemo(isActive: false) }

    @inline(__always)
    static func slot(foldedHash: Int, stemHash: Int, mask: Int) -> Int {
        // The analyzer's hashes are already mixed; the stem's is spread so that a word and its stem differ.
        (foldedHash ^ (stemHash &* 0x9E37_79B9)) & mask
    }

    /// Fills `formOfToken` for `tokens`, adding the forms not seen before to table `language`, read by `kinds`
    /// and `severity`.
    mutating func resolve(_ tokens: [Token], language: Int, kinds: CueLexicon, severity: CueLexicon) {
        while tables.count <= language { tables.append(Table()) }
        if tables[language].forms.count + tokens.count > Self.capacity { tables[language] = Table() }
        formOfToken.removeAll(keepingCapacity: true)
        for index in tokens.indices {
            formOfToken.append(form(of: tokens[index], language: language, kinds: kinds, severity: severity))
        }
    }

    private mutating func form(of token: Token, language: Int, kinds: CueLexicon, severity: CueLexicon) -> Int32 {
        let found: Int32? = tables[language].slots.withUnsafeBufferPointer { slots in
            tables[language].keys.withUnsafeBufferPointer { keys in
                let mask = slots.count - 1
                var slot = Self.slot(foldedHash: token.foldedHash, stemHash: token.stemHash, mask: mask)
                while true {
                    let entry = slots[slot]
                    if entry == 0 { return nil }
                    if keys[Int(entry) - 1].foldedHash == token.foldedHash, keys[Int(entry) - 1].stemHash == token.stemHash,
                        keys[Int(entry) - 1].folded == token.folded, keys[Int(entry) - 1].stem == token.stem
                    {
                        return entry - 1
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        if let found { return found }
        let stem = KindFeatures.stemHashes(token.stem)
        let key = Key(folded: token.folded, stem: token.stem, foldedHash: token.foldedHash, stemHash: token.stemHash)
        let form = Form(
            kinds: kinds.formFacts(folded: token.folded, foldedHash: token.foldedHash, stem: token.stem, stemHash: token.stemHash),
            severity: severity.formFacts(
                folded: token.folded, foldedHash: token.foldedHash, stem: token.stem, stemHash: token.stemHash),
            questionMark: CueLexicon.isQuestionMark(token.folded),
            stemFeature: stem.plain, negatedFeature: stem.negated, pairStart: stem.pairStart)
        return tables[language].insert(key, form)
    }

    /// The form of token `index` of the text last resolved in table `language`.
    @inline(__always)
    func form(ofToken index: Int, language: Int) -> Form {
        tables[language].forms[Int(formOfToken[index])]
    }
}

extension KindMemo.Table {
    /// Adds the written form `key` (not yet in the table) with its `form` facts and returns its index.
    mutating func insert(_ key: KindMemo.Key, _ form: KindMemo.Form) -> Int32 {
        if (forms.count + 1) * 2 > slots.count {
            slots = Array(repeating: 0, count: slots.count * 2)
            for (index, old) in keys.enumerated() { place(Int32(index + 1), foldedHash: old.foldedHash, stemHash: old.stemHash) }
        }
        keys.append(key)
        forms.append(form)
        place(Int32(forms.count), foldedHash: key.foldedHash, stemHash: key.stemHash)
        return Int32(forms.count - 1)
    }

    private mutating func place(_ entry: Int32, foldedHash: Int, stemHash: Int) {
        let mask = slots.count - 1
        var slot = KindMemo.slot(foldedHash: foldedHash, stemHash: stemHash, mask: mask)
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }
}
