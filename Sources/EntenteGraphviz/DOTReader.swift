import CGraphviz
import Entente

/// Reads DOT files into a `RelationGraph` through cgraph (`agmemread`), the parser Graphviz itself uses.
///
/// Nodes and edges are taken in file order. Node attributes `label` (escString-unescaped), `kind` and
/// `aliases` (separated by `|`) and edge attributes `type`, `weight`, `polarity`, `since`, `until`,
/// `note` and `evidence` (one `source: quote` per line) fill the model's fields; a missing weight is 1,
/// a missing kind `state`, type `economic`, polarity `cooperative`. Other attributes are kept in
/// `Node.attributes` and `Edge.attributes`, except the ones Graphviz adds when it lays a graph
/// out (`pos`, `width`, `_draw_`, …), so that laid-out DOT reads back as the graph it shows.
public enum DOTReader {
    /// Attributes Graphviz writes into laid-out DOT; they describe a drawing, not the relations.
    static let layoutAttributes: Set<String> = [
        "pos", "lp", "xlp", "head_lp", "tail_lp", "bb", "width", "height", "rects", "vertices",
        "lwidth", "lheight", "lpos", "_draw_", "_ldraw_", "_hdraw_", "_tdraw_", "_hldraw_", "_tldraw_",
        "_background", "xdotversion", "key",
    ]

    /// Reads a graph from DOT bytes.
    ///
    /// The text is UTF-8 unless the graph says otherwise with the `charset` attribute, as Graphviz
    /// reads it: `latin1` (or `latin-1`, `l1`, `ISO-8859-1`, `ISO_8859-1`, `ISO8859-1`, `ISO-IR-100`,
    /// in any case) reads every byte as a Latin-1 character; `utf-8`, `utf8` or no charset read UTF-8,
    /// and text that is not valid UTF-8 is refused with the line of the first bad byte. A leading
    /// UTF-8 byte-order mark is dropped.
    ///
    /// An edge from a node to itself (a self-loop, which Graphviz draws) has no place in the
    /// relations model: it is left out and counted in `RelationGraph.omittedSelfLoops`, or refused
    /// with `GraphError.selfLoop` when `strict` is true. Otherwise the graph keeps every node and
    /// edge cgraph reads, so its counts are those of Graphviz's `gc -n -e`.
    ///
    /// - Parameters:
    ///   - bytes: the contents of a DOT file.
    ///   - file: the name used in error messages.
    ///   - strict: refuse self-loops instead of leaving them out.
    /// - Throws: `GraphError.syntax` with the line Graphviz names when the text is not DOT (or not
    ///   UTF-8), `GraphError.invalidWeight`, `GraphError.invalidValue`, `GraphError.selfLoop` (strict),
    ///   `GraphError.empty`, or `GraphError.binary` for NUL bytes or bytes that are neither UTF-8 nor DOT.
    /// - Complexity: O(V + E) after parsing, plus sorting the edges into file order, O(E log E).
    public static func read(_ bytes: [UInt8], file: String, strict: Bool = false) throws(GraphError) -> RelationGraph {
        var bytes = bytes
        FileIO.dropByteOrderMark(&bytes)
        if FileIO.isBlank(bytes) { throw .empty(file: file) }
        if bytes.contains(0) { throw .binary(file: file) }
        // The line of the first byte that is not UTF-8 (a Latin-1 file may be fine: see charset).
        let invalidLine = FileIO.firstInvalidUTF8(bytes, nulIsInvalid: false).map { offset in
            bytes[..<offset].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        }
        // The text as read, for finding the line of an error (a Latin-1 byte decodes as U+FFFD; lines
        // are unchanged).
        let source = String(decoding: bytes, as: UTF8.self)
        return try Graphviz.shared.withLock { context throws(GraphError) -> RelationGraph in
            let parsed: OwnedGraph
            do throws(OwnedGraph.ParseFailure) {
                parsed = try OwnedGraph(parsing: bytes, context: context)
            } catch {
                // Bytes that are neither UTF-8 nor DOT are most likely not text at all.
                if invalidLine != nil { throw .binary(file: file) }
                throw syntaxError(error.message, file: file, text: source)
            }
            // cgraph reads the first graph of a text and leaves the rest unread, as if it were not there.
            if let line = DOTLines.lineAfterFirstGraph(bytes), OwnedGraph.graphCount(in: bytes, context: context) > 1 {
                throw .syntax(SourceLocation(file: file, line: line),
                              "a second graph starts here; Entente reads one graph per file (split the file)")
            }
            var attribute = Array("charset".utf8CString)
            let charset = agget(UnsafeMutableRawPointer(parsed.pointer), &attribute).map { String(cString: $0) } ?? ""
            let latin1 = latin1Names.contains(charset.lowercased())
            if !latin1, let invalidLine { throw notUTF8(file: file, line: invalidLine) }
            return try convert(parsed, file: file, latin1: latin1, strict: strict, dotText: source)
        }
    }

    /// The names Graphviz (`findCharset`, 2.43) takes for Latin-1, lower-cased.
    static let latin1Names: Set<String> = ["latin-1", "latin1", "l1", "iso-8859-1", "iso_8859-1", "iso8859-1", "iso-ir-100"]

    private static func notUTF8(file: String, line: Int) -> GraphError {
        .syntax(SourceLocation(file: file, line: line),
                "text is not valid UTF-8 (a Latin-1 file needs the graph attribute charset=latin1, as Graphviz reads it)")
    }

    /// `syntax error in line 3 near 'x'` → a location on line 3 and `syntax error near 'x'`. When a
    /// `[` or a string opened on an earlier line is still open there, the error is that, on its line
    /// (Graphviz reports a missing `]` at the statement after it).
    static func syntaxError(_ message: String?, file: String, text: String = "") -> GraphError {
        // One line: cgraph follows some messages with the text it was scanning.
        let message = message.map { String($0.prefix { $0 != "\n" }) }
        guard let message else { return .syntax(SourceLocation(file: file), "no graph found in the DOT text") }
        let marker = " in line "
        guard let range = message.firstRange(of: marker) else { return .syntax(SourceLocation(file: file), message) }
        let digits = message[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        guard let line = Int(digits) else { return .syntax(SourceLocation(file: file), message) }
        let rest = message[message.index(range.upperBound, offsetBy: digits.count)...]
        let problem = String(message[..<range.lowerBound] + rest)
        let lines = DOTLines(text)
        if let open = lines.unclosedString, open < line {
            return .syntax(SourceLocation(file: file, line: open), "a string opened on this line is not closed (\(problem) on line \(line))")
        }
        if let open = lines.unclosedBracket(before: line) {
            return .syntax(SourceLocation(file: file, line: open), "'[' is not closed by ']' (\(problem) on line \(line))")
        }
        return .syntax(SourceLocation(file: file, line: line), problem)
    }

    /// The location of `name=value` in the DOT text: the file and, when the scan finds it, the line.
    private static func location(ofAttribute name: String, value: String, in text: String, file: String) -> SourceLocation {
        SourceLocation(file: file, line: DOTLines(text).line(ofAttribute: name, value: value))
    }

    private static func convert(_ parsed: borrowing OwnedGraph, file: String, latin1: Bool,
                                strict: Bool, dotText: String) throws(GraphError) -> RelationGraph {
        let g = parsed.pointer
        let location = SourceLocation(file: file)
        let string = { (pointer: UnsafeMutablePointer<CChar>?) -> String in text(pointer, latin1: latin1) }
        let graphAttributes = attributes(of: UnsafeMutableRawPointer(g), kind: ENTENTE_AGRAPH, in: g, latin1: latin1)
        var name = string(agnameof(UnsafeMutableRawPointer(g)))
        // cgraph names an anonymous graph `%N`.
        if name.hasPrefix("%") { name = graphAttributes["label"].map { DOTWriter.unescapeLabel($0) } ?? "" }
        var graph = RelationGraph(name: name, directed: agisdirected(g) != 0)
        if let table = graphAttributes["sources"] {
            guard let sources = Source.list(parsing: table) else {
                throw .invalidValue(Self.location(ofAttribute: "sources", value: table, in: dotText, file: file), field: "sources",
                                    value: table, expected: "a JSON array of sources ({\"id\", \"title\", \"file\", \"citation\"})")
            }
            graph.sources = sources
        }

        var indexByNode: [UnsafeMutablePointer<Agnode_t>: Int] = [:]
        var node = agfstnode(g)
        while let current = node {
            var values = attributes(of: UnsafeMutableRawPointer(current), kind: ENTENTE_AGNODE, in: g, latin1: latin1)
            let id = string(agnameof(UnsafeMutableRawPointer(current)))
            let label = values.removeValue(forKey: "label").map { DOTWriter.unescapeLabel($0, nodeID: id) } ?? id
            let kind = values.removeValue(forKey: "kind").map { NodeKind($0) } ?? .state
            let aliases = values.removeValue(forKey: "aliases").map {
                $0.split(separator: "|", omittingEmptySubsequences: true).map(String.init)
            } ?? []
            var entry = Node(id: id, label: label, kind: kind, aliases: aliases)
            entry.since = try year(values.removeValue(forKey: "since"), field: "since", text: dotText, file: file)
            entry.until = try year(values.removeValue(forKey: "until"), field: "until", text: dotText, file: file)
            if let spells = values.removeValue(forKey: "spells") {
                guard let list = Spell.list(parsing: spells) else {
                    throw .invalidValue(Self.location(ofAttribute: "spells", value: spells, in: dotText, file: file),
                                        field: "spells", value: spells, expected: "spells such as 1816-1945|1990-2016")
                }
                if list.count >= 2 { entry.spells = list } else if entry.since == nil && entry.until == nil { entry.setExistence(list) }
            }
            entry.attributes = values
            let index: Int
            do {
                index = try graph.insertNode(entry)
            } catch {
                // Years that do not hold together: the line of the node's until (or since, spells).
                let written = entry.until.map { ("until", String($0)) } ?? entry.since.map { ("since", String($0)) }
                    ?? ("spells", entry.spells.map(\.description).joined(separator: "|"))
                throw error.located(at: Self.location(ofAttribute: written.0, value: written.1, in: dotText, file: file))
            }
            indexByNode[current] = index
            node = agnxtnode(g, current)
        }

        var edges: [(sequence: UInt, edge: UnsafeMutablePointer<Agedge_t>)] = []
        node = agfstnode(g)
        while let current = node {
            var edge = agfstout(g, current)
            while let out = edge {
                edges.append((entente_agseq(UnsafeMutableRawPointer(out)), out))
                edge = agnxtout(g, out)
            }
            node = agnxtnode(g, current)
        }
        edges.sort { $0.sequence < $1.sequence }
        for (_, pointer) in edges {
            guard let tail = entente_agtail(pointer), let head = entente_aghead(pointer),
                  let source = indexByNode[tail], let target = indexByNode[head] else { continue }
            if source == target {
                if strict { throw .selfLoop(location, id: graph.nodes[source].id) }
                graph.omittedSelfLoops += 1
                continue
            }
            var values = attributes(of: UnsafeMutableRawPointer(pointer), kind: ENTENTE_AGEDGE, in: g, latin1: latin1)
            var edge = Edge(source: "", target: "")
            if let type = values.removeValue(forKey: "type") { edge.type = RelationType(type) }
            if let weight = values.removeValue(forKey: "weight") {
                guard let value = Double(weight.trimmingCharacters(in: " \t")), value.isFinite, value > 0 else {
                    throw .invalidWeight(Self.location(ofAttribute: "weight", value: weight, in: dotText, file: file), value: weight)
                }
                edge.weight = value
            }
            if let polarity = values.removeValue(forKey: "polarity") {
                guard let value = Polarity(rawValue: polarity) else {
                    throw .invalidValue(Self.location(ofAttribute: "polarity", value: polarity, in: dotText, file: file),
                                        field: "polarity", value: polarity, expected: "cooperative or adversarial")
                }
                edge.polarity = value
            }
            edge.since = try year(values.removeValue(forKey: "since"), field: "since", text: dotText, file: file)
            edge.until = try year(values.removeValue(forKey: "until"), field: "until", text: dotText, file: file)
            edge.note = values.removeValue(forKey: "note")
            if let evidence = values.removeValue(forKey: "evidence") { edge.evidence = Evidence.list(parsing: evidence) }
            edge.attributes = values
            try graph.addEdge(edge, source: source, target: target, at: location)
        }
        graph.listCitedSources()
        return graph
    }

    /// The non-empty attributes of an object, without Graphviz's layout attributes.
    private static func attributes(of object: UnsafeMutableRawPointer, kind: Int32,
                                   in g: UnsafeMutablePointer<Agraph_t>, latin1: Bool) -> [String: String] {
        var values: [String: String] = [:]
        var symbol = agnxtattr(g, kind, nil)
        while let current = symbol {
            symbol = agnxtattr(g, kind, current)
            let name = text(current.pointee.name, latin1: latin1)
            guard !layoutAttributes.contains(name), let value = agxget(object, current) else { continue }
            let decoded = text(value, latin1: latin1)
            if !decoded.isEmpty { values[name] = decoded }
        }
        return values
    }

    private static func year(_ value: String?, field: String, text: String, file: String) throws(GraphError) -> Int? {
        guard let value else { return nil }
        guard let year = parseYear(value.trimmingCharacters(in: " \t")) else {
            throw .invalidValue(location(ofAttribute: field, value: value, in: text, file: file), field: field, value: value,
                                expected: "a year")
        }
        return year
    }

    /// A C string from cgraph, decoded as UTF-8 or, for a `charset=latin1` graph, as Latin-1.
    private static func text(_ pointer: UnsafeMutablePointer<CChar>?, latin1: Bool) -> String {
        guard let pointer else { return "" }
        guard latin1 else { return String(cString: pointer) }
        var scalars = String.UnicodeScalarView()
        var position = pointer
        while position.pointee != 0 {
            scalars.append(Unicode.Scalar(UInt8(bitPattern: position.pointee)))
            position += 1
        }
        return String(scalars)
    }
}
