/// What kind classification learns of each written form, kept by one worker thread, with the buffers it reuses
/// from record to record.
///
/// A word's cue-lexicon ids, prefix masks and model rows depend only on how it is written (and on the language
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
        /// Whether the folded form holds "?", which the model's `<q>` feature reads (without "¿").
        var questionByte: Bool
        /// The learned model's rows and pair numbers of the stem; none in a language the model does not read.
        var model: KindModel.WordRows
    }

    /// The forms of one language's lexicons, open addressing on the analyzer's word hashes.
    struct Table {
        /// Form index + 1 by slot; 0 is empty.
        var slots: [Int32] = Array(repeating: 0, count: 256)
        var keys: [Key] = []
        var forms: [Form] = []
        /// The patterns that may start at each form, of the kind and the severity lexicon (ranges in `Form`).
        var kindCandidates: [Int32] = []
        var severityCandidates: [Int32] = []
    }

    /// A table holds at most this many forms, then starts over: memory stays bounded on any input.
    static let capacity = 1 << 18

    /// By `KindClassifier`'s index of the language.
    private(set) var tables: [Table] = []
    /// Token `i` of the text last resolved is form `formOfToken[i]` of its language's table.
    private(set) var formOfToken: [Int32] = []
    var kindFacts: [CueLexicon.TokenFacts] = []
    var severityFacts: [CueLexicon.TokenFacts] = []
    var kindMatches: [CueLexicon.Match] = []
    var severityMatches: [CueLexicon.Match] = []
    /// The matches kept of each lexicon, and scratch space for keeping them.
    var keptKinds: [CueLexicon.Match] = []
    var keptSeverity: [CueLexicon.Match] = []
    var live: [CueLexicon.Match] = []
    var order: [Int] = []
    /// The model's rows of the text being classified; made for the model on first use.
    var modelRows: FeatureRowSet?
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
    /// and `severity`, and by `model` when it reads this language (a table is always resolved with the same one).
    mutating func resolve(_ tokens: TokenList, language: Int, kinds: CueLexicon, severity: CueLexicon, model: KindModel?) {
        while tables.count <= language { tables.append(Table()) }
        if tables[language].forms.count + tokens.count > Self.capacity { tables[language] = Table() }
        formOfToken.removeAll(keepingCapacity: true)
        // Tokens are read in place: passing each one by value copied it, retaining and releasing its strings.
        tokens.withUnsafeBufferPointer { tokens in
            for index in tokens.indices {
                let found = tables[language].find(tokens[index])
                formOfToken.append(
                    found >= 0 ? found : add(tokens[index], language: language, kinds: kinds, severity: severity, model: model))
            }
        }
    }

    /// Adds the written form of `token`, not yet in table `language`, and returns its index.
    private mutating func add(_ token: borrowing Token, language: Int, kinds: CueLexicon, severity: CueLexicon, model: KindModel?) -> Int32 {
        let key = Key(folded: token.folded, stem: token.stem, foldedHash: token.foldedHash, stemHash: token.stemHash)
        let form = Form(
            kinds: kinds.formFacts(
                folded: token.folded, foldedHash: token.foldedHash, stem: token.stem, stemHash: token.stemHash,
                candidates: &tables[language].kindCandidates),
            severity: severity.formFacts(
                folded: token.folded, foldedHash: token.foldedHash, stem: token.stem, stemHash: token.stemHash,
                candidates: &tables[language].severityCandidates),
            questionMark: CueLexicon.isQuestionMark(token.folded),
            questionByte: token.folded.utf8.contains(UInt8(ascii: "?")),
            model: model?.wordRows(stem: token.stem) ?? KindModel.WordRows())
        return tables[language].insert(key, form)
    }

    /// Makes `facts` `count` long, keeping its capacity; new elements are placeholders to be overwritten.
    private static func resize(_ facts: inout [CueLexicon.TokenFacts], to count: Int) {
        if facts.count > count {
            facts.removeLast(facts.count - count)
        } else if facts.count < count {
            let placeholder = CueLexicon.TokenFacts(
                folded: -1, stem: -1, sentence: 0, question: false, prefixes: 0, candidateStart: 0,
                candidateEnd: 0)
            facts.append(contentsOf: repeatElement(placeholder, count: count - facts.count))
        }
    }

    /// Fills `kindFacts` and `severityFacts` with the facts of `tokens`, last resolved into table `language`.
    mutating func collectFacts(_ tokens: TokenList, language: Int) {
        // Swapped out while they are filled, so that filling them does not overlap the reads of the table.
        var kindFacts: [CueLexicon.TokenFacts] = [], severityFacts: [CueLexicon.TokenFacts] = []
        swap(&kindFacts, &self.kindFacts)
        swap(&severityFacts, &self.severityFacts)
        // Sized first and written in place: an append per token checked the buffer's uniqueness and capacity.
        Self.resize(&kindFacts, to: tokens.count)
        Self.resize(&severityFacts, to: tokens.count)
        tokens.withUnsafeBufferPointer { tokens in
            tables[language].forms.withUnsafeBufferPointer { forms in
                formOfToken.withUnsafeBufferPointer { formOfToken in
                    kindFacts.withUnsafeMutableBufferPointer { kindFacts in
                        severityFacts.withUnsafeMutableBufferPointer { severityFacts in
                            for index in tokens.indices {
                                let form = Int(formOfToken[index])
                                let isPunctuation = tokens[index].kind == .punctuation, sentence = Int32(tokens[index].sentence)
                                kindFacts[index] = CueLexicon.tokenFacts(
                                    form: forms[form].kinds, isPunctuation: isPunctuation, sentence: sentence,
                                    questionMark: forms[form].questionMark)
                                severityFacts[index] = CueLexicon.tokenFacts(
                                    form: forms[form].severity, isPunctuation: isPunctuation, sentence: sentence,
                                    questionMark: forms[form].questionMark)
                            }
                        }
                    }
                }
            }
        }
        swap(&kindFacts, &self.kindFacts)
        swap(&severityFacts, &self.severityFacts)
    }
}

extension KindMemo {
    /// Puts into `modelRows` the rows of `model`'s features of `tokens`, last resolved into table `language`: the
    /// features `KindFeatures.featureHashes` hashes, read from each written form's rows and pair numbers.
    mutating func collectModelRows(_ tokens: TokenList, language: Int, model: KindModel) {
        // Taken out while it is filled, so that filling it does not overlap the reads of the table.
        var rows = modelRows.take() ?? FeatureRowSet(rowCount: model.rowCount)
        let classes = model.tokenClassRows
        rows.insert { rows in
            tokens.withUnsafeBufferPointer { tokens in
                tables[language].forms.withUnsafeBufferPointer { forms in
                    formOfToken.withUnsafeBufferPointer { formOfToken in
                        var previousFirst: Int32 = -1  // the previous word's number as a pair's first word, same sentence
                        var previousSentence = -1
                        for index in tokens.indices {
                            let form = Int(formOfToken[index])
                            var row: Int32 = -1
                            switch tokens[index].kind {
                            case .word:
                                let flags = tokens[index].flags, word = forms[form].model
                                row = flags.contains(.negated) && !flags.contains(.negator) ? word.negated : word.stem
                                if row >= 0 { rows.insert(row) }
                                let sentence = tokens[index].sentence
                                if previousFirst >= 0, previousSentence == sentence, word.pairSecond >= 0 {
                                    let pair = model.pairRow(first: previousFirst, second: word.pairSecond)
                                    if pair >= 0 { rows.insert(pair) }
                                }
                                previousFirst = word.pairFirst
                                previousSentence = sentence
                                continue
                            case .punctuation: if forms[form].questionByte { row = classes.question }
                            case .version: row = classes.version
                            case .number: row = classes.number
                            case .price: row = classes.price
                            case .url: row = classes.url
                            default: break
                            }
                            if row >= 0 { rows.insert(row) }
                            previousFirst = -1
                        }
                    }
                }
            }
        }
        modelRows = rows
    }
}

extension KindMemo.Table {
    /// The index of the written form of `token`, or -1 when the table does not hold it.
    @inline(__always)
    func find(_ token: borrowing Token) -> Int32 {
        slots.withUnsafeBufferPointer { slots in
            keys.withUnsafeBufferPointer { keys in
                let mask = slots.count - 1
                var slot = KindMemo.slot(foldedHash: token.foldedHash, stemHash: token.stemHash, mask: mask)
                while true {
                    let entry = slots[slot]
                    if entry == 0 { return -1 }
                    if keys[Int(entry) - 1].foldedHash == token.foldedHash, keys[Int(entry) - 1].stemHash == token.stemHash,
                        keys[Int(entry) - 1].folded == token.folded, keys[Int(entry) - 1].stem == token.stem
                    {
                        return entry - 1
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

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
