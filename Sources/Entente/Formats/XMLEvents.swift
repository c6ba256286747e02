// The one file of the core module that imports Foundation: its XML parser (FoundationXML's
// XMLParser on Linux, libxml2 underneath). The rest of Entente stays free of Foundation.
#if canImport(FoundationXML)
private import FoundationXML
private import Foundation
#else
private import Foundation
#endif

/// One step of an XML document, as the GraphML and GEXF readers consume it.
struct XMLEvent {
    /// What happened.
    enum Kind {
        /// An element opens: its local name (no namespace prefix) and its attributes.
        case start(name: String, attributes: [String: String])
        /// An element closes.
        case end(name: String)
        /// Character data (entities and character references resolved, CDATA included); runs of
        /// text are joined into one event.
        case text(String)
    }

    var kind: Kind
    /// Where the event is in the document (1-based line; column in characters): for a tag, its `<`.
    var line: Int
    var column: Int
}

/// Parses a whole XML document into events with their lines and columns.
///
/// The document is refused, before the parser sees it, when its document type declares entities
/// (`<!ENTITY`): the parser would expand them (XMLParser always asks libxml2 to substitute
/// entities), and a "billion laughs" document of a few hundred bytes expands to gigabytes.
/// Entente's formats need none. External entities and DTDs are never loaded either
/// (`shouldResolveExternalEntities = false`).
enum XMLEvents {
    /// Hands the events of the document to `consume` as the parser reads them, or throws the first
    /// problem as a ``GraphError`` naming file, line and column: a problem of the XML, or the first
    /// error `consume` throws (which stops the parse).
    ///
    /// Events are not collected: a document is read in memory proportional to its size and the
    /// graph it holds, not to its number of elements.
    static func parse(_ bytes: [UInt8], file: String,
                      consume: @escaping (XMLEvent) throws(GraphError) -> Void) throws(GraphError) {
        try FileIO.checkText(bytes, file: file)
        try refuseEntityDeclarations(bytes, file: file)
        try refuseOtherEncodings(bytes, file: file)
        try refuseEmptyProcessingInstructions(bytes, file: file)
        let collector = EventCollector(bytes: bytes, consume: consume)
        // A stream, not `XMLParser(data:)`: FoundationXML then hands libxml2 the document in pieces,
        // and libxml2 (without XML_PARSE_HUGE, which XMLParser cannot set) refuses a single piece
        // over 10,000,000 bytes as an internal error. In pieces, any size that fits in memory reads.
        let parser = XMLParser(stream: InputStream(data: Data(bytes)))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.externalEntityResolvingPolicy = .never
        parser.delegate = collector
        let succeeded = parser.parse()
        if let thrown = collector.thrown { throw thrown }
        if let failure = collector.failure {
            let location = SourceLocation(file: file, line: failure.line, column: failure.column)
            if [1, 39, 40, 41].contains(failure.code), longestValue(in: bytes) > hugeValueLimit {
                // libxml2 reports a value past its limit as an internal error or an unquoted attribute.
                throw .syntax(location, "the XML parser's size limit was reached here: libxml2 without its huge-document "
                              + "option (which FoundationXML cannot set) refuses a single attribute value, name or text over "
                              + "\(formatCount(hugeValueLimit)) bytes (the file has \(formatCount(bytes.count)) bytes)")
            }
            throw .syntax(location, "malformed XML: \(describe(libxml2Error: failure.code))")
        }
        guard succeeded else {
            throw .syntax(SourceLocation(file: file, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1)),
                          "malformed XML")
        }
        guard collector.sawElement else {
            throw .syntax(SourceLocation(file: file), "malformed XML: no root element")
        }
    }

    /// libxml2's limit on one attribute value, name or text without `XML_PARSE_HUGE` (XML_MAX_TEXT_LENGTH).
    static let hugeValueLimit = 10_000_000

    /// The length of the longest run of bytes without markup delimiters (`<`, `>`, `"`, `'`): at
    /// least the longest text, attribute value or name of the document.
    static func longestValue(in bytes: [UInt8]) -> Int {
        var longest = 0, run = 0
        for byte in bytes {
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                longest = max(longest, run)
                run = 0
            } else {
                run += 1
            }
        }
        return max(longest, run)
    }

    /// `10,000,000`.
    static func formatCount(_ value: Int) -> String {
        var digits = Array(String(value))
        var position = digits.count - 3
        while position > 0 {
            digits.insert(",", at: position)
            position -= 3
        }
        return String(digits)
    }

    /// Throws when the document has a document type declaration that declares entities.
    ///
    /// `<!ENTITY` can stand only in a DTD, a comment or a CDATA section (in text it must be written
    /// `&lt;!ENTITY`), so finding it after a `<!DOCTYPE` is enough to refuse: at worst a comment that
    /// quotes it is refused too.
    static func refuseEntityDeclarations(_ bytes: [UInt8], file: String) throws(GraphError) {
        guard let doctype = firstIndex(of: Array("<!DOCTYPE".utf8), in: bytes, from: 0),
              let entity = firstIndex(of: Array("<!ENTITY".utf8), in: bytes, from: doctype) else { return }
        throw .syntax(location(of: entity, in: bytes, file: file),
                      "the document type declares entities (<!ENTITY …>); Entente refuses them rather than expand them")
    }

    /// The encodings an XML declaration may name: the bytes have been checked as UTF-8 already.
    static let acceptedEncodings: Set<String> = ["utf-8", "utf8", "us-ascii", "ascii"]

    /// Throws when the XML declaration names an encoding other than UTF-8 (or its ASCII subset).
    ///
    /// Entente reads XML as UTF-8, and the bytes are checked as UTF-8 before this; another declared
    /// encoding would make libxml2 decode them otherwise, and libxml2 2.9 crashes (a null read in
    /// `xmlParseChunk`) on some UTF-7 documents, as the fuzzer found: such a document is refused
    /// before the parser sees it.
    static func refuseOtherEncodings(_ bytes: [UInt8], file: String) throws(GraphError) {
        guard let declaration = firstIndex(of: Array("<?xml".utf8), in: bytes, from: 0) else { return }
        let end = firstIndex(of: Array("?>".utf8), in: bytes, from: declaration) ?? bytes.count
        guard let name = firstIndex(of: Array("encoding".utf8), in: bytes, from: declaration), name < end else { return }
        var position = name + 8
        func skipSpace() {
            while position < end, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        }
        skipSpace()
        guard position < end, bytes[position] == UInt8(ascii: "=") else { return }
        position += 1
        skipSpace()
        guard position < end, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else { return }
        let quote = bytes[position]
        let start = position + 1
        var stop = start
        while stop < end, bytes[stop] != quote { stop += 1 }
        let encoding = String(decoding: bytes[start..<stop], as: UTF8.self)
        guard !acceptedEncodings.contains(encoding.lowercased()) else { return }
        throw .syntax(location(of: start, in: bytes, file: file),
                      "the XML declaration names the encoding \(quoted(encoding)); Entente reads XML in UTF-8 only")
    }

    /// Throws at the first processing instruction without content after its target (`<?x?>`).
    ///
    /// libxml2 hands such an instruction's content to FoundationXML as a null pointer, and
    /// FoundationXML's handler passes it to `strlen`: the process crashes (swift-corelibs-foundation
    /// on Linux; the fuzzer found it). Graph files have no use for processing instructions, so one
    /// that would crash the parser is refused before the parser sees it. (`<?x ?>`, with a space, is
    /// read and ignored.) The scan does not tell comments and CDATA from markup: an empty
    /// instruction quoted in a comment is refused too.
    static func refuseEmptyProcessingInstructions(_ bytes: [UInt8], file: String) throws(GraphError) {
        var start = 0
        while let open = firstIndex(of: Array("<?".utf8), in: bytes, from: start) {
            var position = open + 2
            while position < bytes.count, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "?")].contains(bytes[position]) {
                position += 1
            }
            if position > open + 2, position + 1 < bytes.count, bytes[position] == UInt8(ascii: "?"),
               bytes[position + 1] == UInt8(ascii: ">") {
                let instruction = String(decoding: bytes[open...(position + 1)], as: UTF8.self)
                throw .syntax(location(of: open, in: bytes, file: file),
                              "processing instruction \(instruction) without content: Entente refuses it (the XML parser crashes on it)")
            }
            start = open + 2
        }
    }

    /// The line and column (in characters, not UTF-8 continuation bytes) of a byte position.
    private static func location(of target: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        var line = 1, lineStart = 0
        for position in 0..<min(target, bytes.count) where bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        return SourceLocation(file: file, line: line, column: characterColumn(in: bytes, lineStart: lineStart, position: target))
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matched = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    /// libxml2's error codes (xmlParserErrors), which are all that XMLParser on Linux reports, in words.
    static func describe(libxml2Error code: Int) -> String {
        switch code {
        case 3: return "start tag expected, '<' not found"
        case 4: return "document is empty"
        case 5: return "the document does not end where its root element does (an element left open, or content after it)"
        case 6, 7, 8: return "invalid character reference"
        case 9: return "character not allowed in XML"
        case 22, 23: return "'&' that does not start an entity reference (write it '&amp;')"
        case 26, 27: return "undeclared entity (only &lt; &gt; &amp; &quot; &apos; and character references are known)"
        case 31, 32: return "unsupported encoding"
        case 33, 34: return "attribute value not closed"
        case 38: return "'<' in an attribute value (write it '&lt;')"
        case 39, 40: return "attribute value must be quoted"
        case 41: return "attribute without a value"
        case 42, 203: return "attribute given twice"
        case 45: return "comment not closed"
        case 46, 47: return "processing instruction not closed"
        case 57: return "XML declaration not closed"
        case 61: return "document type declaration not closed"
        case 63: return "CDATA section not closed"
        case 64: return "'<?xml' declaration misplaced"
        case 65: return "space required"
        case 68: return "name expected"
        case 73: return "'>' expected"
        case 74: return "'</' expected"
        case 75: return "'=' expected"
        case 76: return "end tag does not match its start tag"
        case 77: return "element not closed before the end of the document"
        case 80: return "'--' in a comment"
        case 81: return "invalid encoding"
        case 85: return "elements not well nested"
        case 86: return "extra content at the end of the document"
        case 89: return "entity reference loop"
        case 110: return "name too long"
        case 201: return "undeclared namespace prefix"
        case 202: return "invalid qualified name"
        default: return "libxml2 error \(code)"
        }
    }
}

/// Turns the positions libxml2 reports for tags (the last character of the tag, `>` or `/`) into
/// the positions of their `<`, which is what a person looks for. Tags come in document order, so
/// one forward pass over the bytes serves them all; `<` cannot occur inside a tag, so the nearest
/// one before the reported position starts the tag.
private struct TagLocator {
    let bytes: [UInt8]
    var offset = 0, line = 1, column = 1

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func tagStart(line targetLine: Int, column targetColumn: Int) -> (line: Int, column: Int) {
        while offset < bytes.count && (line < targetLine || (line == targetLine && column < targetColumn)) {
            if bytes[offset] == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            offset += 1
            while offset < bytes.count && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
        }
        guard line == targetLine, column == targetColumn, offset < bytes.count else { return (targetLine, targetColumn) }
        var start = offset
        var characters = 0, newlines = 0
        while start > 0 && bytes[start] != UInt8(ascii: "<") {
            start -= 1
            if bytes[start] & 0xC0 != 0x80 { characters += 1 }
            if bytes[start] == 0x0A { newlines += 1 }
        }
        guard bytes[start] == UInt8(ascii: "<") else { return (targetLine, targetColumn) }
        if newlines == 0 { return (line, column - characters) }
        // The tag spans lines: count the characters from the start of its first line.
        var lineStart = start, startColumn = 1
        while lineStart > 0 && bytes[lineStart - 1] != 0x0A {
            lineStart -= 1
            if bytes[lineStart] & 0xC0 != 0x80 { startColumn += 1 }
        }
        return (line - newlines, startColumn)
    }
}

/// Turns XMLParser's callbacks into events, handed to the consumer as they come; stops at the
/// first error, of the XML or of the consumer.
private final class EventCollector: NSObject, XMLParserDelegate {
    private let consume: (XMLEvent) throws(GraphError) -> Void
    private var locator: TagLocator
    /// The first error of the XML.
    var failure: (code: Int, line: Int, column: Int)?
    /// The first error the consumer threw.
    var thrown: GraphError?
    /// Whether an element was seen.
    var sawElement = false
    /// Text reported since the last tag (libxml2 reports it in pieces: an entity reference is a
    /// piece of its own), and where it began.
    private var pendingText = ""
    private var pendingLine = 0, pendingColumn = 0
    /// libxml2 warnings that do not make a document unreadable.
    private static let warnings: Set<Int> = [93, 97, 98, 99, 100, 102, 106, 107]

    init(bytes: [UInt8], consume: @escaping (XMLEvent) throws(GraphError) -> Void) {
        self.consume = consume
        self.locator = TagLocator(bytes: bytes)
    }

    /// Hands an event on; a tag's position becomes the position of its `<`.
    private func deliver(_ kind: XMLEvent.Kind, line: Int, column: Int, _ parser: XMLParser) {
        guard thrown == nil, failure == nil else { return }
        var event = XMLEvent(kind: kind, line: line, column: column)
        switch kind {
        case .start, .end: (event.line, event.column) = locator.tagStart(line: line, column: column)
        case .text: break
        }
        do {
            try consume(event)
        } catch {
            thrown = error
            parser.abortParsing()
        }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        flushText(parser)
        sawElement = true
        deliver(.start(name: elementName, attributes: attributeDict), line: parser.lineNumber, column: parser.columnNumber, parser)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        flushText(parser)
        deliver(.end(name: elementName), line: parser.lineNumber, column: parser.columnNumber, parser)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        appendText(string, parser)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        appendText(String(decoding: CDATABlock, as: UTF8.self), parser)
    }

    func parserDidEndDocument(_ parser: XMLParser) {
        flushText(parser)
    }

    private func appendText(_ text: String, _ parser: XMLParser) {
        if pendingText.isEmpty {
            pendingLine = parser.lineNumber
            pendingColumn = parser.columnNumber
        }
        pendingText += text
    }

    private func flushText(_ parser: XMLParser) {
        guard !pendingText.isEmpty else { return }
        let text = pendingText
        pendingText = ""
        deliver(.text(text), line: pendingLine, column: pendingColumn, parser)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        let code = (parseError as NSError).code
        guard failure == nil, thrown == nil, !Self.warnings.contains(code) else { return }
        failure = (code, max(parser.lineNumber, 1), max(parser.columnNumber, 1))
        parser.abortParsing()
    }
}
