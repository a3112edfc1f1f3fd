extension Token.Flags {
    /// The flags' names in a fixed order, as `sift tokens` and JSON outputs spell them.
    public var names: [String] {
        var names: [String] = []
        if contains(.allCaps) { names.append("caps") }
        if contains(.elongated) { names.append("emphasis") }
        if contains(.negator) { names.append("negator") }
        if contains(.negated) { names.append("negated") }
        if contains(.stopword) { names.append("stopword") }
        if contains(.sentenceStart) { names.append("sentence_start") }
        return names
    }
}
