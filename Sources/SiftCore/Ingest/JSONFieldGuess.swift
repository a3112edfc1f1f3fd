/// Guesses which fields of a JSON object or XML element feed the canonical fields when no `--map` names them,
/// from the names exports of many tools use; also checks a user's `--map` against the first record.
enum JSONFieldGuess {
    /// Candidate names per canonical field, most telling first; matched case-insensitively against whole
    /// field names, then against the last step of a dotted or slashed path.
    static let candidates: [(CanonicalField, [String])] = [
        (.text, ["text", "message", "body", "content", "review", "comment", "feedback", "description"]),
        (.title, ["title", "subject", "headline"]),
        (.date, ["date", "submitted_at", "created_at", "timestamp", "createddate", "created", "time"]),
        (.id, ["id"]),
        (.reach, ["follower_count", "followers", "reach"]),
        (.rating, ["rating", "stars", "star_rating"]),
        (.score, ["nps", "score"]),
        (.author, ["author", "username", "user", "reviewernickname", "author.name", "user.name", "author/name"]),
        (.version, ["app_version", "version", "appversion"]),
        (.device, ["device", "device_model"]),
        (.language, ["language", "lang", "locale"]),
        (.country, ["country", "territory", "country_code"]),
    ]

    /// What a `*_id` key is named after when it identifies the feedback record itself.
    static let recordIDPrefixes: Set<String> = [
        "review", "feedback", "message", "response", "submission", "ticket", "comment", "entry", "record", "survey_response",
    ]

    /// A map for the fields in `names` (a first record's field names), with `user`'s entries on top.
    static func map(forNames names: [String], user: FieldMap) -> FieldMap {
        var lowered: [String: String] = [:]
        var lastStep: [String: String] = [:]
        for name in names {
            let l = name.lowercased()
            if lowered[l] == nil { lowered[l] = name }
            if let cut = l.lastIndex(where: { $0 == "." || $0 == "/" }) {
                let step = String(l[l.index(after: cut)...])
                if lastStep[step] == nil { lastStep[step] = name }
            }
        }
        var claimed = Set(user.columns.values.map { $0.lowercased() })
        var guessed: [CanonicalField: String] = [:]
        func claim(_ field: CanonicalField, _ name: String) {
            guard guessed[field] == nil, user[field] == nil, !claimed.contains(name.lowercased()) else { return }
            guessed[field] = name
            claimed.insert(name.lowercased())
        }
        for (field, options) in candidates {
            for option in options {
                if let name = lowered[option] { claim(field, name); break }
            }
        }
        for (field, options) in candidates where guessed[field] == nil && user[field] == nil {
            for option in options {
                if let name = lastStep[option] { claim(field, name); break }
            }
        }
        // An export without a plain `id` often names its key after the feedback itself: `review_id`,
        // `feedback_id`. A key named after a person or account (`creator_id`, `user_id`) is no record id: one
        // creator sends many messages, and the state store would count them as one.
        if guessed[.id] == nil, user[.id] == nil, let name = names.first(where: { name in
            let l = name.lowercased()
            return !l.contains(".") && l.hasSuffix("_id") && Self.recordIDPrefixes.contains(String(l.dropLast(3)))
        }) {
            claim(.id, name)
        }
        return FieldMap(guessed, record: user.record).overlaid(by: user)
    }

    /// Stops the input when the user's `--map` names a field that the first record lacks.
    static func checkUserMap(_ user: FieldMap, against names: [String], file: String) throws {
        let present = Set(names.map { $0.lowercased() })
        let missing = user.columns.sorted { $0.key.rawValue < $1.key.rawValue }
            .filter { !present.contains($0.value.lowercased()) }
        guard !missing.isEmpty else { return }
        let listed = missing.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: ", ")
        var shown = names.prefix(40).joined(separator: ", ")
        if names.count > 40 { shown += ", …" }
        throw IngestError(file: file, "--map \(listed): no such field in the first record; its fields are \(shown)")
    }
}
