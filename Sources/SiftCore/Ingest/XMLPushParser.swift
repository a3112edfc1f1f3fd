import CLibXML2

/// Receives the events of a streaming XML parse: element names qualified as written (`im:rating`).
protocol XMLEventHandler: AnyObject {
    func startElement(_ name: String, attributes: XMLAttributes)
    func endElement()
    func characters(_ bytes: UnsafeBufferPointer<UInt8>)
    /// A well-formedness error libxml2 went past (recovery mode): the element open now is broken.
    func malformed(_ problem: XMLProblem)
}

/// The attributes of one start tag, as libxml2 hands them over: five pointers each, values not NUL-terminated.
struct XMLAttributes {
    let pointers: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let count: Int
    let parser: XMLPushParser

    var isEmpty: Bool { count == 0 }

    /// Calls `body` with each attribute's qualified name and value, in document order.
    func forEach(_ body: (String, String) -> Void) {
        guard let pointers else { return }
        for i in 0..<count {
            let base = pointers + i * 5
            guard let local = base[0], let start = base[3], let end = base[4] else { continue }
            let name = parser.qualifiedName(local, base[1])
            body(name, String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self))
        }
    }

    func value(of wanted: String) -> String? {
        var found: String?
        forEach { name, value in if found == nil, name == wanted { found = value } }
        return found
    }
}

/// A problem libxml2 reported, with its line.
struct XMLProblem: Sendable {
    var line: Int
    var message: String
    var fatal: Bool
    /// The 1-based column (in characters) libxml2 gave, 0 for none.
    var column = 0
}

/// A libxml2 SAX2 push parser fed chunk by chunk: no tree is built, no DTD or external entity is loaded,
/// entities are never substituted, and errors are collected here instead of printed.
final class XMLPushParser {
    /// libxml2's process-wide setup, done once: a loader that refuses every external DTD and entity.
    static let hardened: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
    }()

    private var context: xmlParserCtxtPtr?
    // Strong: `unowned` and `weak` references take a slow reference-counting path on every event.
    private let handler: any XMLEventHandler
    private var names: [NameKey: String] = [:]
    private(set) var problems: [XMLProblem] = []
    /// Well-formedness errors libxml2 recovered from and read on after (the first 100).
    private(set) var recovered: [XMLProblem] = []
    /// The error after which libxml2 could not go on: the rest of the input was not read.
    private(set) var fatalProblem: XMLProblem?
    private var lastFatal: XMLProblem?
    /// Set when the handler asked to stop (it found a reason to give up on the input).
    private(set) var stopped = false

    struct NameKey: Hashable {
        var local: UnsafeRawPointer
        var prefix: UnsafeRawPointer?
    }

    init(fileName: String, handler: any XMLEventHandler) {
        _ = Self.hardened
        self.handler = handler
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { ctx, local, prefix, _, _, _, attributeCount, _, attributes in
            let parser = Unmanaged<XMLPushParser>.fromOpaque(ctx!).takeUnretainedValue()
            let name = parser.qualifiedName(local!, prefix)
            parser.handler.startElement(name, attributes: XMLAttributes(pointers: attributes, count: Int(attributeCount), parser: parser))
        }
        sax.endElementNs = { ctx, _, _, _ in
            Unmanaged<XMLPushParser>.fromOpaque(ctx!).takeUnretainedValue().handler.endElement()
        }
        let text: charactersSAXFunc = { ctx, bytes, count in
            guard let bytes, count > 0 else { return }
            Unmanaged<XMLPushParser>.fromOpaque(ctx!).takeUnretainedValue().handler
                .characters(UnsafeBufferPointer(start: bytes, count: Int(count)))
        }
        sax.characters = text
        sax.cdataBlock = text
        sax.serror = { ctx, error in
            guard let ctx, let error else { return }
            Unmanaged<XMLPushParser>.fromOpaque(ctx).takeUnretainedValue().record(error.pointee)
        }
        let me = Unmanaged.passUnretained(self).toOpaque()
        context = fileName.withCString { xmlCreatePushParserCtxt(&sax, me, nil, 0, $0) }
        // RECOVER: a broken element (an undefined entity, a mismatched tag) costs that element, not the rest of
        // the file; the handler hears of each error and rejects the element it falls in.
        let options = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_RECOVER.rawValue
        if let context { xmlCtxtUseOptions(context, Int32(options)) }
    }

    deinit {
        if let context { xmlFreeParserCtxt(context) }
    }

    /// Added to every line libxml2 reports: a parser started part-way through a document (after a fatal error,
    /// fed the document's opening and then the rest) reports the lines of the whole file.
    var lineOffset = 0

    /// The line the parser is on.
    var line: Int { context.map { Int(xmlSAX2GetLineNumber($0)) + lineOffset } ?? 0 }

    func qualifiedName(_ local: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?) -> String {
        // libxml2 interns names in its dictionary, so the pointers identify them.
        let key = NameKey(local: UnsafeRawPointer(local), prefix: prefix.map(UnsafeRawPointer.init))
        if let name = names[key] { return name }
        let localName = String(cString: local)
        let name = prefix.map { String(cString: $0) + ":" + localName } ?? localName
        names[key] = name
        return name
    }

    private func record(_ error: xmlError) {
        let message = error.message.map { String(cString: $0) }?.trimmingSpaces ?? "XML error \(error.code)"
        let problem = XMLProblem(line: Int(error.line) + lineOffset, message: message, fatal: error.level == XML_ERR_FATAL,
                                 column: Int(error.int2))
        if problem.fatal {
            lastFatal = problem
            if recovered.count < 100 { recovered.append(problem) }
            handler.malformed(problem)
        } else if problems.count < 100 {
            problems.append(problem)
        }
    }

    /// Parses the next chunk (`last` ends the document); false once the document is broken or parsing stopped.
    func feed(_ chunk: UnsafeRawBufferPointer, last: Bool) -> Bool {
        guard let context, fatalProblem == nil, !stopped else { return false }
        let base = chunk.baseAddress?.assumingMemoryBound(to: CChar.self)
        let status = xmlParseChunk(context, base, Int32(chunk.count), last ? 1 : 0)
        // libxml2 returns its last error number even for errors it recovered from; one it cannot go on after
        // halts the parser, which disables SAX.
        if context.pointee.disableSAX != 0, fatalProblem == nil, !stopped {
            fatalProblem = lastFatal ?? XMLProblem(line: line, message: "XML error \(status)", fatal: true)
            if let fatalProblem, let last = recovered.last, last.line == fatalProblem.line, last.message == fatalProblem.message {
                recovered.removeLast()
            }
        }
        return fatalProblem == nil && !stopped
    }

    /// Stops at the next event: the handler has what it needs, or cannot go on.
    func stop() {
        stopped = true
        if let context { xmlStopParser(context) }
    }
}
