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
    /// - Parameters:
    ///   - bytes: the contents of a DOT file.
    ///   - file: the name used in error messages.
    /// - Throws: `GraphError.syntax` with the line Graphviz names when the text is not DOT,
    ///   `GraphError.invalidWeight`, `GraphError.invalidValue`, `GraphError.selfLoop`,
    ///   `GraphError.empty` or `GraphError.binary`.
    /// - Complexity: O(V + E) after parsing, plus sorting the edges into file order, O(E log E).
    public static func read(_ bytes: [UInt8], file: String) throws(GraphError) -> RelationGraph {
        try FileIO.checkText(bytes, file: file)
        let text = String(decoding: bytes, as: UTF8.self)
        return try Graphviz.shared.withLock { context throws(GraphError) -> RelationGraph in
            let parsed: OwnedGraph
            do throws(OwnedGraph.ParseFailure) {
                parsed = try OwnedGraph(parsing: text, context: context)
            } catch {
                throw syntaxError(error.message, file: file, text: text)
            }
            return try convert(parsed, file: file, text: text)
        }
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

    private static func convert(_ parsed: borrowing OwnedGraph, file: String, text: String) throws(GraphError) -> RelationGraph {
        let g = parsed.pointer
        let location = SourceLocation(file: file)
        let graphAttributes = attributes(of: UnsafeMutableRawPointer(g), kind: AGRAPH, in: g)
        var name = string(agnameof(UnsafeMutableRawPointer(g)))
        // cgraph names an anonymous graph `%N`.
        if name.hasPrefix("%") { name = graphAttributes["label"].map { DOTWriter.unescapeLabel($0) } ?? "" }
        var graph = RelationGraph(name: name, directed: agisdirected(g) != 0)

        var indexByNode: [UnsafeMutablePointer<Agnode_t>: Int] = [:]
        var node = agfstnode(g)
        while let current = node {
            var values = attributes(of: UnsafeMutableRawPointer(current), kind: AGNODE, in: g)
            let id = string(agnameof(UnsafeMutableRawPointer(current)))
            let label = values.removeValue(forKey: "label").map { DOTWriter.unescapeLabel($0, nodeID: id) } ?? id
            let kind = values.removeValue(forKey: "kind").map { NodeKind($0) } ?? .state
            let aliases = values.removeValue(forKey: "aliases").map {
                $0.split(separator: "|", omittingEmptySubsequences: true).map(String.init)
            } ?? []
            let index = try graph.insertNode(Node(id: id, label: label, kind: kind, aliases: aliases, attributes: values),
                                          at: location)
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
            var values = attributes(of: UnsafeMutableRawPointer(pointer), kind: AGEDGE, in: g)
            var edge = Edge(source: "", target: "")
            if let type = values.removeValue(forKey: "type") { edge.type = RelationType(type) }
            if let weight = values.removeValue(forKey: "weight") {
                guard let value = Double(weight.trimmingCharacters(in: " \t")), value.isFinite, value > 0 else {
                    throw .invalidWeight(Self.location(ofAttribute: "weight", value: weight, in: text, file: file), value: weight)
                }
                edge.weight = value
            }
            if let polarity = values.removeValue(forKey: "polarity") {
                guard let value = Polarity(rawValue: polarity) else {
                    throw .invalidValue(Self.location(ofAttribute: "polarity", value: polarity, in: text, file: file),
                                        field: "polarity", value: polarity, expected: "cooperative or adversarial")
                }
                edge.polarity = value
            }
            edge.since = try year(values.removeValue(forKey: "since"), field: "since", text: text, file: file)
            edge.until = try year(values.removeValue(forKey: "until"), field: "until", text: text, file: file)
            edge.note = values.removeValue(forKey: "note")
            if let evidence = values.removeValue(forKey: "evidence") { edge.evidence = Evidence.list(parsing: evidence) }
            edge.attributes = values
            try graph.addEdge(edge, source: source, target: target, at: location)
        }
        return graph
    }

    /// The non-empty attributes of an object, without Graphviz's layout attributes.
    private static func attributes(of object: UnsafeMutableRawPointer, kind: Int32,
                                   in g: UnsafeMutablePointer<Agraph_t>) -> [String: String] {
        var values: [String: String] = [:]
        var symbol = agnxtattr(g, kind, nil)
        while let current = symbol {
            symbol = agnxtattr(g, kind, current)
            let name = string(current.pointee.name)
            guard !layoutAttributes.contains(name), let value = agxget(object, current) else { continue }
            let text = String(cString: value)
            if !text.isEmpty { values[name] = text }
        }
        return values
    }

    private static func year(_ value: String?, field: String, text: String, file: String) throws(GraphError) -> Int? {
        guard let value else { return nil }
        guard let year = Int(value.trimmingCharacters(in: " \t")) else {
            throw .invalidValue(location(ofAttribute: field, value: value, in: text, file: file), field: field, value: value,
                                expected: "a year")
        }
        return year
    }

    private static func string(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
