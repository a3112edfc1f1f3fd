/// One parsed JSON value: a single record element, never a whole large document.
///
/// Numbers keep their source text, so `4.10` stays `4.10` when it becomes an extra field.
public enum JSONValue: Sendable, Hashable {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([JSONMember])

    /// The member named `key` of an object (the first, if a key repeats).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The value at a dotted path of object keys (`feed.entry`); nil when a step is missing.
    public func value(atPath path: some StringProtocol) -> JSONValue? {
        var current = self
        for step in path.split(separator: ".", omittingEmptySubsequences: false) {
            guard let next = current[String(step)] else { return nil }
            current = next
        }
        return current
    }

    /// A scalar as text: strings as they are, numbers as written, `true`/`false`, `null`; nil for containers.
    public var scalarText: String? {
        switch self {
        case .string(let s): s
        case .number(let n): n
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        case .array, .object: nil
        }
    }

    public var isObject: Bool {
        if case .object = self { return true }
        return false
    }

    /// Appends this value's fields as `(dotted name, text)` pairs in document order: nested objects become
    /// `outer.inner`, array items `name.1`, `name.2` (1-based, like element origins); empty containers add nothing.
    public func flatten(into fields: inout [(name: String, value: String)], prefix: String = "") {
        switch self {
        case .object(let members):
            for member in members {
                member.value.flatten(into: &fields, prefix: prefix.isEmpty ? member.key : prefix + "." + member.key)
            }
        case .array(let items):
            for (i, item) in items.enumerated() {
                item.flatten(into: &fields, prefix: prefix.isEmpty ? String(i + 1) : prefix + "." + String(i + 1))
            }
        default:
            fields.append((prefix, scalarText ?? ""))
        }
    }

    /// Compact JSON text for this value, for a rejection's `raw` and for tests.
    public var jsonText: String {
        var w = JSONWriter(reserving: 128)
        write(to: &w)
        return w.string
    }

    private func write(to w: inout JSONWriter) {
        switch self {
        case .string(let s): w.value(s)
        case .number(let n): w.raw(n.utf8)
        case .bool(let b): w.value(b)
        case .null: w.null()
        case .array(let items):
            w.beginArray()
            for item in items { item.write(to: &w) }
            w.endArray()
        case .object(let members):
            w.beginObject()
            for m in members {
                w.key(m.key)
                m.value.write(to: &w)
            }
            w.endObject()
        }
    }
}

/// One `"key": value` pair of a JSON object, in document order.
public struct JSONMember: Sendable, Hashable {
    public var key: String
    public var value: JSONValue
    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}
