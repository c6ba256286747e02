/// Reads GEXF (1.1 to 1.3), as Gephi, networkx `write_gexf` and ``GEXFWriter`` write it.
///
/// Nodes take their `id` and `label`; attribute values titled `kind` and `aliases` (separated by
/// `|`) fill those fields, any other is kept in ``Node/attributes`` by its title. Edges take their
/// `weight` (default 1) and their type from the attribute value titled `type`, or else the edge's
/// `kind`, or else `economic`; values titled `polarity`, `since`, `until`, `note` and `evidence`
/// fill those fields, any other (and an edge `label`) is kept in ``Edge/attributes``. Attribute
/// defaults apply. The graph is directed when `defaultedgetype` is `directed`; its name is the meta
/// `description`, or else the file's name. Time: a node's `start` and `end` are its `since` and
/// `until`, and its `<spells>` (two or more) its ``Node/spells``; an edge's `start` and `end` are its
/// `since` and `until` unless attribute values give them. Times are read as whole years (`1945`,
/// `1945.0`; of a `date` or `dateTime`, the year). Drawing data (`viz:*`) and hierarchy parents are
/// not read: they describe a picture, not the relations.
///
/// The same XML parser and the same refusals as ``GraphMLReader``: malformed XML, entity
/// declarations, an `attvalue` for an undeclared attribute, a weight that is not a number greater
/// than 0, an edge to an unknown node, a self-loop, nested nodes.
public enum GEXFReader {
    /// Reads a graph from GEXF bytes.
    ///
    /// - Parameters:
    ///   - bytes: the contents of the file, UTF-8.
    ///   - file: the name used in error messages.
    /// - Throws: ``GraphError`` naming the file, line and column of the first problem.
    /// - Complexity: O(size of the input + (V + E) × attributes with defaults).
    public static func read(_ bytes: [UInt8], file: String) throws(GraphError) -> RelationGraph {
        let state = BuilderBox(GEXFBuilder(file: file))
        try XMLEvents.parse(bytes, file: file) { event throws(GraphError) in try state.value.consume(event) }
        return try state.value.finish()
    }
}

/// The event-by-event state of a GEXF read.
private struct GEXFBuilder {
    struct Attribute {
        var title: String
        var type: XMLValueType
        var defaultValue: String?
        var defaultLocation: SourceLocation?
        var order: Int
    }

    /// A `<node>` or `<edge>` being read: its XML attributes and its values by attribute id.
    struct Element {
        var attributes: [String: String]
        var location: SourceLocation
        var values: [String: (text: String, location: SourceLocation)] = [:]
        /// The node's `<spell>` elements.
        var spells: [Spell] = []
    }

    enum Frame { case gexf, meta, description, graph, attributes, attribute, attributeDefault, nodes, node, attvalues, edges, edge, spells, ignored }

    let file: String
    var stack: [Frame] = []
    var directed = false
    var sawGraph = false
    var name: String?
    var descriptionText = ""
    var attributeClass: String?
    var nodeAttributes: [String: Attribute] = [:]
    var edgeAttributes: [String: Attribute] = [:]
    var attribute: (id: String, value: Attribute)?
    /// The declared attributes in declaration order, by id; rebuilt after an attribute is declared.
    var orderedNodeAttributes: [(id: String, attribute: Attribute)]?
    var orderedEdgeAttributes: [(id: String, attribute: Attribute)]?
    var defaultText = ""
    var nodes: [(node: Node, location: SourceLocation)] = []
    var element: Element?
    var pendingEdges = PendingEdges()
    var lastLocation: SourceLocation

    init(file: String) {
        self.file = file
        self.lastLocation = SourceLocation(file: file)
    }

    mutating func consume(_ event: XMLEvent) throws(GraphError) {
        let location = SourceLocation(file: file, line: event.line, column: event.column)
        lastLocation = location
        switch event.kind {
        case .start(let name, let attributes): try start(name, attributes, at: location)
        case .end: try end()
        case .text(let text):
            if stack.last == .description { descriptionText += text }
            if stack.last == .attributeDefault { defaultText += text }
        }
    }

    private mutating func start(_ name: String, _ attributes: [String: String], at location: SourceLocation) throws(GraphError) {
        guard let parent = stack.last else {
            guard name == "gexf" else { throw .syntax(location, "the root element is <\(name)>, not <gexf>") }
            stack.append(.gexf)
            return
        }
        switch (parent, name) {
        case (.gexf, "meta"):
            stack.append(.meta)
        case (.meta, "description"):
            descriptionText = ""
            stack.append(.description)
        case (.gexf, "graph"):
            guard !sawGraph else { throw .syntax(location, "a second <graph>: Entente reads one graph per GEXF file") }
            sawGraph = true
            switch attributes["defaultedgetype"] {
            case nil, "undirected", "mutual": directed = false
            case "directed": directed = true
            case let other?:
                throw .invalidValue(location, field: "defaultedgetype", value: other, expected: "directed, undirected or mutual")
            }
            stack.append(.graph)
        case (.graph, "attributes"):
            attributeClass = attributes["class"]
            stack.append(.attributes)
        case (.attributes, "attribute"):
            guard let id = attributes["id"] else { throw .missingField(location, field: "attribute.id") }
            let title = attributes["title"] ?? id
            let count = attributeClass == "edge" ? edgeAttributes.count : nodeAttributes.count
            attribute = (id, Attribute(title: title, type: XMLValueType(gexf: attributes["type"] ?? "string"), order: count))
            stack.append(.attribute)
        case (.attribute, "default"):
            defaultText = ""
            attribute?.value.defaultLocation = location
            stack.append(.attributeDefault)
        case (.graph, "nodes"):
            stack.append(.nodes)
        case (.graph, "edges"):
            stack.append(.edges)
        case (.nodes, "node"):
            guard attributes["id"] != nil else { throw .missingField(location, field: "node.id") }
            element = Element(attributes: attributes, location: location)
            stack.append(.node)
        case (.node, "nodes"):
            throw .syntax(location, "nested nodes (a GEXF hierarchy) are not supported")
        case (.edges, "edge"):
            guard attributes["source"] != nil else { throw .missingField(location, field: "edge.source") }
            guard attributes["target"] != nil else { throw .missingField(location, field: "edge.target") }
            element = Element(attributes: attributes, location: location)
            stack.append(.edge)
        case (.node, "attvalues"), (.edge, "attvalues"):
            stack.append(.attvalues)
        case (.node, "spells"):
            stack.append(.spells)
        case (.spells, "spell"):
            var spell = Spell()
            if let start = attributes["start"] { spell.since = try gexfYear(start, field: "spell.start", at: location) }
            if let end = attributes["end"] { spell.until = try gexfYear(end, field: "spell.end", at: location) }
            element?.spells.append(spell)
            stack.append(.ignored)
        case (.attvalues, "attvalue"):
            let isEdge = stack.dropLast().last == .edge
            guard let id = attributes["for"] ?? attributes["id"] else { throw .missingField(location, field: "attvalue.for") }
            guard let declared = (isEdge ? edgeAttributes : nodeAttributes)[id] else {
                throw .syntax(location, "<attvalue> refers to attribute \(quoted(id)), which no \(isEdge ? "edge" : "node") <attribute> declares")
            }
            let value = attributes["value"] ?? ""
            if !isMapped(declared.title, edge: isEdge) && !declared.type.accepts(value) {
                throw .invalidValue(location, field: declared.title, value: value, expected: declared.type.expectation)
            }
            element?.values[id] = (value, location)
            stack.append(.ignored)
        default:
            stack.append(.ignored)
        }
    }

    private func isMapped(_ title: String, edge: Bool) -> Bool {
        edge ? XMLGraphFields.edge.contains(title) : XMLGraphFields.node.contains(title) && title != "label"
    }

    private mutating func end() throws(GraphError) {
        guard let frame = stack.popLast() else { return }
        switch frame {
        case .description:
            name = descriptionText
        case .attributeDefault:
            attribute?.value.defaultValue = defaultText
        case .attribute:
            guard let (id, declared) = attribute else { return }
            attribute = nil
            let isEdge = attributeClass == "edge"
            if let value = declared.defaultValue, !isMapped(declared.title, edge: isEdge), !declared.type.accepts(value) {
                throw .invalidValue(declared.defaultLocation ?? lastLocation, field: declared.title, value: value,
                                    expected: declared.type.expectation)
            }
            if isEdge { edgeAttributes[id] = declared } else { nodeAttributes[id] = declared }
            orderedNodeAttributes = nil
            orderedEdgeAttributes = nil
        case .node:
            guard let finished = element else { return }
            element = nil
            try addNode(finished)
        case .edge:
            guard let finished = element else { return }
            element = nil
            try readEdge(finished)
        default:
            break
        }
    }

    /// An element's values by title: its own over the defaults, in declaration order.
    private mutating func values(of element: Element, edge: Bool) -> [(title: String, text: String, location: SourceLocation)] {
        if edge && orderedEdgeAttributes == nil {
            orderedEdgeAttributes = edgeAttributes.sorted { $0.value.order < $1.value.order }.map { ($0.key, $0.value) }
        }
        if !edge && orderedNodeAttributes == nil {
            orderedNodeAttributes = nodeAttributes.sorted { $0.value.order < $1.value.order }.map { ($0.key, $0.value) }
        }
        let declared = (edge ? orderedEdgeAttributes : orderedNodeAttributes) ?? []
        var result: [(title: String, text: String, location: SourceLocation)] = []
        result.reserveCapacity(declared.count)
        for (id, attribute) in declared {
            if let value = element.values[id] {
                result.append((attribute.title, value.text, value.location))
            } else if let value = attribute.defaultValue {
                result.append((attribute.title, value, attribute.defaultLocation ?? element.location))
            }
        }
        return result
    }

    /// A GEXF time as a whole year: `1945`, `1945.0`, or the year of a date (`1945-05-08`).
    private func gexfYear(_ text: String, field: String, at location: SourceLocation) throws(GraphError) -> Int {
        let trimmed = text.trimmingXMLSpace
        if let year = parseYear(trimmed) { return year }
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        if digits.count >= 1, digits.count <= 4, trimmed.dropFirst(digits.count).first == "-", let year = Int(digits) {
            return year
        }
        throw .invalidValue(location, field: field, value: text, expected: "a whole year")
    }

    private mutating func addNode(_ element: Element) throws(GraphError) {
        guard let id = element.attributes["id"] else { return }
        var node = Node(id: id)
        if let label = element.attributes["label"], !label.isEmpty { node.label = label }
        if let start = element.attributes["start"] { node.since = try gexfYear(start, field: "node.start", at: element.location) }
        if let end = element.attributes["end"] { node.until = try gexfYear(end, field: "node.end", at: element.location) }
        if !element.spells.isEmpty { node.setExistence(element.spells) }
        for (title, text, location) in values(of: element, edge: false) { try node.setXMLValue(text, named: title, at: location) }
        nodes.append((node, element.location))
    }

    private mutating func readEdge(_ element: Element) throws(GraphError) {
        guard let source = element.attributes["source"], let target = element.attributes["target"] else { return }
        if let type = element.attributes["type"] {
            let agrees = directed ? type == "directed" : type == "undirected" || type == "mutual"
            guard agrees else {
                throw .syntax(element.location, "edge has type=\"\(type)\" in a graph whose defaultedgetype is "
                              + "\(directed ? "directed" : "undirected"); Entente reads a graph as all directed or all undirected")
            }
        }
        var edge = Edge(source: "", target: "")
        if let weight = element.attributes["weight"] {
            guard let value = Double(weight.trimmingXMLSpace), value.isFinite, value > 0 else {
                throw .invalidWeight(element.location, value: weight)
            }
            edge.weight = value
        }
        if let kind = element.attributes["kind"], !kind.isEmpty { edge.type = RelationType(kind) }
        if let start = element.attributes["start"] { edge.since = try gexfYear(start, field: "edge.start", at: element.location) }
        if let end = element.attributes["end"] { edge.until = try gexfYear(end, field: "edge.end", at: element.location) }
        for (title, text, location) in values(of: element, edge: true) {
            try edge.setXMLValue(text, named: title, at: location)
        }
        if let label = element.attributes["label"], label != edge.type.name, edge.attributes["label"] == nil {
            edge.attributes["label"] = label
        }
        pendingEdges.append(edge, from: source, to: target, at: element.location)
    }

    func finish() throws(GraphError) -> RelationGraph {
        guard sawGraph else { throw .syntax(lastLocation, "no <graph> element in the GEXF file") }
        let title = name.flatMap { $0.isEmpty ? nil : $0 } ?? CSVEdgeList.baseName(file)
        var graph = RelationGraph(name: title, directed: directed)
        graph.reserveCapacity(nodes: nodes.count, edges: pendingEdges.count)
        for (node, location) in nodes { try graph.insertNode(node, at: location) }
        try pendingEdges.add(to: &graph)
        // GEXF has no place for the sources table: the sources evidence cites are listed by id.
        graph.listCitedSources()
        return graph
    }
}
