/// The tokens of an analyzed text: a copy-on-write collection of `Token`s, indexed from 0 like an array, whose
/// storage, count and capacity are sift's own.
// The analyzer refills one list from text to text (`beginRefill`): an `Array` changes its count only element by element,
// so shrinking it destroyed each surplus token through the runtime's generic `swift_arrayDestroy` and growing it
// appended placeholder tokens (~450 instructions a review of `sift sentiment -`), unless its count word was written
// behind its back. Here the count is a field of ours, and what slots past it may hold is this type's contract.
public struct TokenList: @unchecked Sendable {
    // `@unchecked`: the storage is a class, but a list writes to it only when it holds the only reference
    // (`makeUnique`), copying it first otherwise, so values on different threads never share a storage being
    // written; this is how `Array` is `Sendable` too. Nil for an empty list that never had storage.
    private var storage: TokenStorage?

    /// An empty list; allocates nothing.
    public init() {}

    /// A list of the tokens of `tokens`, in order.
    public init(_ tokens: some Sequence<Token>) {
        append(contentsOf: tokens)
    }

    /// How many tokens the storage has room for before it must grow.
    var capacity: Int { storage?.tokenCapacity ?? 0 }

    /// The first token's slot, nil for a list that never had storage; valid while the list holds its storage.
    // Read from `storage` in place wherever it is used: a local reference to the storage was retained and released.
    private var elements: UnsafeMutablePointer<Token>? { storage?.elements }

    /// Appends `token` at the end.
    public mutating func append(_ token: Token) {
        let count = self.count
        makeUnique(minimumCapacity: count + 1)
        (elements.unsafelyUnwrapped + count).initialize(to: token)
        storage.unsafelyUnwrapped.count = count + 1
    }

    /// Appends the tokens of `tokens` at the end, in order.
    public mutating func append(contentsOf tokens: some Sequence<Token>) {
        let copied: Void? = tokens.withContiguousStorageIfAvailable { tokens in
            guard !tokens.isEmpty else { return }
            let count = self.count
            makeUnique(minimumCapacity: count + tokens.count)
            (elements.unsafelyUnwrapped + count).initialize(from: tokens.baseAddress.unsafelyUnwrapped, count: tokens.count)
            storage.unsafelyUnwrapped.count = count + tokens.count
        }
        if copied == nil {
            for token in tokens { append(token) }
        }
    }

    /// Calls `body` with the tokens in contiguous memory, valid only during the call.
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Token>) throws -> R) rethrows -> R {
        // `self`, borrowed for the call, holds the storage alive.
        try body(UnsafeBufferPointer(start: elements, count: count))
    }

    /// Calls `body` with the tokens in contiguous memory it may change in place (but not replace), valid only during
    /// the call; the list's storage is made its own first.
    // Inlined: called out of line, the closure of the analyzer's closing pass became a context whose captures were
    // copied (retained and released) for every text.
    @inline(__always)
    public mutating func withUnsafeMutableBufferPointer<R>(_ body: (inout UnsafeMutableBufferPointer<Token>) throws -> R) rethrows -> R {
        let count = self.count
        if count > 0 { makeUnique(minimumCapacity: count) }
        let elements = self.elements
        var buffer = UnsafeMutableBufferPointer(start: elements, count: count)
        defer { precondition(buffer.baseAddress == elements && buffer.count == count, "TokenList: the buffer was replaced") }
        // `self`, accessed exclusively for the call, holds the storage alive.
        return try body(&buffer)
    }

    /// Empties the list for refilling and returns its slots, room for at least `minimumCapacity` tokens, which the
    /// caller initializes from the front and hands back with `endRefill(count:)` before the list is used again.
    ///
    /// Each slot is uninitialized memory or, with `layout`, may hold a token whose strings own no memory
    /// (`Token.StringLayout.ownsNoMemory`) left from an earlier refill: it is initialized without destroying what it
    /// held, and one left past the count is never destroyed, as forgetting a token that owns no memory frees nothing.
    /// The tokens the list held that do own memory are destroyed here. Until `endRefill`, the list is empty.
    // The last text's tokens are overwritten, not destroyed (`swift_arrayDestroy`, ~35 instructions a token): with
    // `layout`, only those whose strings own memory, one bit test a token, and none is tested when the last refill's
    // writer vouched that none owns memory (`vouchOwnsNoMemory`). Two calls rather than one taking a closure: the
    // closure's captures (the analyzer, its rules and scanner) were retained and released for every text.
    @inline(__always)
    mutating func beginRefill(minimumCapacity: Int, layout: Token.StringLayout?) -> UnsafeMutableBufferPointer<Token> {
        if !isKnownUniquelyReferenced(&storage) || capacity < minimumCapacity {
            // Another list shares the storage, or it is too small: new storage, and the old one goes with its tokens.
            storage = TokenStorage.make(minimumCapacity: Swift.max(minimumCapacity, 2 * capacity))
        }
        let elements = self.elements.unsafelyUnwrapped, count = self.count
        if let layout {
            if !storage.unsafelyUnwrapped.tokensOwnNoMemory {
                for k in 0..<count where !layout.ownsNoMemory(elements + k) { (elements + k).deinitialize(count: 1) }
            }
        } else {
            elements.deinitialize(count: count)
        }
        storage.unsafelyUnwrapped.count = 0
        storage.unsafelyUnwrapped.tokensOwnNoMemory = false
        return UnsafeMutableBufferPointer(start: elements, count: capacity)
    }

    /// Ends a refill (`beginRefill`): the first `count` slots hold the list's tokens.
    mutating func endRefill(count: Int) {
        precondition(storage != nil && self.count == 0 && count >= 0 && count <= capacity, "TokenList: a refill not begun or past the capacity")
        storage.unsafelyUnwrapped.count = count
    }

    /// Calls `body` with the tokens in contiguous memory it may change in place, valid only during the call, for the
    /// writer of the last refill (`beginRefill`, `endRefill`) that has held the list since, so that it is still the
    /// storage's only holder: unlike `withUnsafeMutableBufferPointer`, it does not check. What was vouched for the
    /// tokens is forgotten.
    // For the analyzer's closing pass, right after its refill: the second uniqueness check of every text was ~15
    // instructions. Checked where tests run.
    @inline(__always)
    mutating func withRefilledTokens<R>(_ body: (UnsafeMutableBufferPointer<Token>) -> R) -> R {
        assert(storage == nil || isKnownUniquelyReferenced(&storage), "TokenList: refilled tokens of a shared storage")
        storage?.tokensOwnNoMemory = false
        return body(UnsafeMutableBufferPointer(start: elements, count: count))
    }

    /// Records that no token's strings own memory (`Token.StringLayout.ownsNoMemory` by `layout`), as the writer of
    /// the last refill vouches, so that the next refill tests none of them; any other write forgets it.
    mutating func vouchOwnsNoMemory(layout: Token.StringLayout) {
        // Checked where tests run: a token that owned memory would be overwritten without being destroyed, a leak.
        assert(noneOwnsMemory(by: layout), "TokenList: a token vouched for owns memory")
        storage?.tokensOwnNoMemory = true
    }

    /// Whether no token's strings owning memory is vouched for (`vouchOwnsNoMemory`) and not forgotten since.
    var ownsNoMemoryIsVouched: Bool { storage?.tokensOwnNoMemory ?? false }

    private func noneOwnsMemory(by layout: Token.StringLayout) -> Bool {
        (0..<count).allSatisfy { layout.ownsNoMemory(elements.unsafelyUnwrapped + $0) }
    }

    /// Makes the storage held by this list only, with room for `minimumCapacity` tokens, for a write: what was vouched
    /// for its tokens (`vouchOwnsNoMemory`) is forgotten.
    @inline(__always)
    private mutating func makeUnique(minimumCapacity: Int) {
        if !isKnownUniquelyReferenced(&storage) || capacity < minimumCapacity { replaceStorage(minimumCapacity: minimumCapacity) }
        storage.unsafelyUnwrapped.tokensOwnNoMemory = false
    }

    /// Puts the tokens in new storage with room for `minimumCapacity`, moved when this list held the only reference
    /// to the old storage and copied when it did not.
    @inline(never)
    private mutating func replaceStorage(minimumCapacity: Int) {
        let unique = isKnownUniquelyReferenced(&storage)
        let count = self.count
        let grown = TokenStorage.make(minimumCapacity: Swift.max(minimumCapacity, unique ? 2 * capacity : 0))
        if let old = storage {
            if unique {
                grown.elements.moveInitialize(from: old.elements, count: count)
                old.count = 0
            } else {
                grown.elements.initialize(from: old.elements, count: count)
            }
            grown.count = count
        }
        storage = grown
    }
}

extension TokenList: RandomAccessCollection, MutableCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    public var count: Int { storage?.count ?? 0 }
    public var isEmpty: Bool { count == 0 }

    public func index(after i: Int) -> Int { i + 1 }
    public func index(before i: Int) -> Int { i - 1 }

    public subscript(position: Int) -> Token {
        get {
            precondition(position >= 0 && position < count, "TokenList: index out of range")
            return elements.unsafelyUnwrapped[position]
        }
        _modify {
            precondition(position >= 0 && position < count, "TokenList: index out of range")
            // Changed in place: a get and a set copied the token, retaining and releasing its strings.
            makeUnique(minimumCapacity: count)
            // `self`, accessed exclusively while the token is yielded, holds the storage alive.
            yield &elements.unsafelyUnwrapped[position]
        }
    }

    public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<Token>) throws -> R) rethrows -> R? {
        try withUnsafeBufferPointer { tokens in try body(tokens) }
    }

    public mutating func withContiguousMutableStorageIfAvailable<R>(
        _ body: (inout UnsafeMutableBufferPointer<Token>) throws -> R
    ) rethrows -> R? {
        try withUnsafeMutableBufferPointer { tokens in try body(&tokens) }
    }
}

extension TokenList: ExpressibleByArrayLiteral {
    public init(arrayLiteral tokens: Token...) {
        self.init(tokens)
    }
}

extension TokenList: Equatable {
    public static func == (a: TokenList, b: TokenList) -> Bool {
        a.count == b.count && (a.storage === b.storage || a.elementsEqual(b))
    }
}

extension TokenList: CustomStringConvertible {
    public var description: String { Array(self).description }
}

/// A `TokenList`'s storage: a header, then room for `capacity` tokens, of which the first `count` are initialized
/// and belong to it; what lies past them is never destroyed (see `TokenList.beginRefill`).
final class TokenStorage: ManagedBuffer<TokenStorage.Header, Token> {
    struct Header {
        var count: Int
        var capacity: Int
        var tokensOwnNoMemory = false
    }

    // The count and capacity are read and written through the header's address: through the `header` property of the
    // class, each access was checked for exclusivity at run time (`swift_beginAccess`, ~60 instructions).
    var count: Int {
        get { withUnsafeMutablePointerToHeader { $0.pointee.count } }
        set { withUnsafeMutablePointerToHeader { $0.pointee.count = newValue } }
    }

    var tokenCapacity: Int { withUnsafeMutablePointerToHeader { $0.pointee.capacity } }

    /// Whether no token's strings own memory, as vouched for (`TokenList.vouchOwnsNoMemory`).
    var tokensOwnNoMemory: Bool {
        get { withUnsafeMutablePointerToHeader { $0.pointee.tokensOwnNoMemory } }
        set { withUnsafeMutablePointerToHeader { $0.pointee.tokensOwnNoMemory = newValue } }
    }

    /// The first slot; valid while this storage lives.
    var elements: UnsafeMutablePointer<Token> { withUnsafeMutablePointerToElements { $0 } }

    /// New storage with no tokens and room for at least `minimumCapacity`.
    static func make(minimumCapacity: Int) -> TokenStorage {
        let made = create(minimumCapacity: Swift.max(minimumCapacity, 1)) { Header(count: 0, capacity: $0.capacity) }
        // `create` makes an instance of the class it is called on.
        return unsafeDowncast(made, to: TokenStorage.self)
    }

    deinit {
        elements.deinitialize(count: count)
    }
}
