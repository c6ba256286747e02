/// What the GraphML and GEXF readers share once a value has left the XML: the names of the model's
/// fields, how a named value fills a node or an edge, and the edges that wait for the end of the
/// graph to find their nodes.
enum XMLGraphFields {
    /// Node values that fill a model field rather than ``Node/attributes``.
    static let node: Set<String> = ["label", "kind", "aliases", "since", "until", "spells"]
    /// Edge values that fill a model field rather than ``Edge/attributes``.
    static let edge: Set<String> = ["type", "weight", "polarity", "since", "until", "note", "evidence"]

    /// Refuses a graph with text that XML 1.0 cannot hold, as written by the GraphML and GEXF
    /// writers: a control character other than tab, line feed and carriage return, U+FFFE or U+FFFF
    /// (not even as a character reference). Dropping them would change names: two ids that differ
    /// only by one would become one, and the file would be refused as holding a duplicate.
    ///
    /// - Throws: ``GraphError/invalidValue(_:field:value:expected:)`` naming the first such name or value.
    /// - Complexity: O(total length of the graph's text).
    static func checkWritable(_ graph: RelationGraph, format: String) throws(GraphError) {
        func check(_ value: String, _ field: @autoclosure () -> String) throws(GraphError) {
            guard let scalar = value.unicodeScalars.first(where: isForbidden) else { return }
            let code = String(scalar.value, radix: 16, uppercase: true)
            throw .invalidValue(nil, field: field(), value: value,
                                expected: "text \(format) can hold: XML 1.0 has no way to write U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code), "
                                    + "even as a character reference (write JSON or DOT instead)")
        }
        try check(graph.name, "graph name")
        for type in graph.declaredTypes { try check(type.name, "type name") }
        for kind in graph.declaredKinds { try check(kind.name, "kind name") }
        for node in graph.nodes {
            try check(node.id, "node id")
            try check(node.label, "node '\(node.id)' label")
            for alias in node.aliases { try check(alias, "node '\(node.id)' alias") }
            for (name, value) in node.attributes {
                try check(name, "node '\(node.id)' attribute name")
                try check(value, "node '\(node.id)' \(name)")
            }
        }
        // Field by field, by index: a copy of each edge (or a closure holding one) would retain
        // every field of it; the owner's name is built only in an error.
        let edges = graph.edges
        func owner(_ index: Int) -> String { "edge '\(edges[index].source)' to '\(edges[index].target)'" }
        for index in edges.indices {
            if let note = edges[index].note { try check(note, "\(owner(index)) note") }
            for evidence in edges[index].evidence {
                try check(evidence.source, "\(owner(index)) evidence source")
                try check(evidence.quote, "\(owner(index)) evidence quote")
            }
            if !edges[index].attributes.isEmpty {
                for (name, value) in edges[index].attributes {
                    try check(name, "\(owner(index)) attribute name")
                    try check(value, "\(owner(index)) \(name)")
                }
            }
        }
    }

    /// A character XML 1.0 does not allow anywhere in a document.
    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}

extension Node {
    /// Sets the field a named value fills (`kind`, `aliases` separated by `|`, `since`, `until`,
    /// `spells` as `1816-1945|1990-2016`), or keeps the value in ``attributes`` by its name. A label
    /// is the reader's to place (each format has its own fallbacks), so `label` is kept as an
    /// attribute here. An empty year or spells leaves the field as it is.
    ///
    /// - Throws: ``GraphError`` at `location` for a year that is not whole, spells that do not parse.
    mutating func setXMLValue(_ text: String, named name: String, at location: SourceLocation) throws(GraphError) {
        switch name {
        case "kind": kind = text.isEmpty ? .state : NodeKind(text)
        case "aliases": aliases = text.split(separator: "|").map(String.init)
        case "since", "until":
            if text.trimmingXMLSpace.isEmpty { break }
            guard let year = parseYear(text.trimmingXMLSpace) else {
                throw .invalidValue(location, field: name, value: text, expected: "a whole year")
            }
            if name == "since" { since = year } else { until = year }
        case "spells":
            if text.trimmingXMLSpace.isEmpty { break }
            guard let list = Spell.list(parsing: text.trimmingXMLSpace) else {
                throw .invalidValue(location, field: "spells", value: text, expected: "spells such as 1816-1945|1990-2016")
            }
            spells = list.count >= 2 ? list : []
            if list.count == 1 {
                since = list[0].since
                until = list[0].until
            }
        default: attributes[name] = text
        }
    }
}

extension Edge {
    /// Sets the field a named value fills (`type`, `weight`, `polarity`, `since`, `until`, `note`,
    /// `evidence` as one `source: quote` per line), or keeps the value in ``attributes`` by its name.
    /// An empty type, polarity or year leaves the field as it is.
    ///
    /// - Throws: ``GraphError`` at `location` for a weight that is not a number greater than 0, a
    ///   polarity other than cooperative or adversarial, a year that is not a whole number.
    mutating func setXMLValue(_ text: String, named name: String, at location: SourceLocation) throws(GraphError) {
        switch name {
        case "type":
            if !text.isEmpty { type = RelationType(text) }
        case "weight":
            guard let value = Double(text.trimmingXMLSpace), value.isFinite, value > 0 else {
                throw .invalidWeight(location, value: text)
            }
            weight = value
        case "polarity":
            if text.isEmpty { break }
            guard let value = Polarity(rawValue: text.trimmingXMLSpace.lowercased()) else {
                throw .invalidValue(location, field: "polarity", value: text, expected: "cooperative or adversarial")
            }
            polarity = value
        case "since", "until":
            if text.trimmingXMLSpace.isEmpty { break }
            guard let year = parseYear(text.trimmingXMLSpace) else {
                throw .invalidValue(location, field: name, value: text, expected: "a whole year")
            }
            if name == "since" { since = year } else { until = year }
        case "note":
            note = text
        case "evidence":
            evidence = Evidence.list(parsing: text)
        default:
            attributes[name] = text
        }
    }
}

/// Edges read before the end of their graph (both formats allow an edge before its nodes): kept
/// with their ends' ids and where they were written, and added once every node is known.
struct PendingEdges {
    private var edges: [(source: String, target: String, edge: Edge, location: SourceLocation)] = []

    var count: Int { edges.count }

    mutating func append(_ edge: Edge, from source: String, to target: String, at location: SourceLocation) {
        edges.append((source, target, edge, location))
    }

    /// Adds every edge to `graph`, in the order read.
    ///
    /// - Throws: ``GraphError`` at the edge's location for an end that is no node of the graph,
    ///   or an edge the graph refuses (a self-loop).
    func add(to graph: inout RelationGraph) throws(GraphError) {
        graph.reserveCapacity(nodes: graph.nodes.count, edges: graph.edges.count + edges.count)
        for pending in edges {
            guard let source = graph.index(of: pending.source) else { throw .unknownNode(pending.location, id: pending.source) }
            guard let target = graph.index(of: pending.target) else { throw .unknownNode(pending.location, id: pending.target) }
            try graph.addEdge(pending.edge, source: source, target: target, at: pending.location)
        }
    }
}

/// A reader's builder, held by reference so that the parser's callback can update it in place.
final class BuilderBox<Builder> {
    var value: Builder

    init(_ value: Builder) { self.value = value }
}
