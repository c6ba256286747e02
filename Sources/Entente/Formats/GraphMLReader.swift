/// Reads GraphML as networkx `write_graphml`, Gephi, yEd and ``GraphMLWriter`` write it.
///
/// **Keys.** Each `<key>` declares an attribute by `attr.name` and `attr.type` (`string`, `int`,
/// `long`, `float`, `double`, `boolean`; default `string`) for nodes, edges, the graph or `all`,
/// with an optional `<default>` that every node or edge without its own `<data>` takes.
///
/// **Mapping.** Node data named `label`, `kind` and `aliases` (separated by `|`), and edge data
/// named `type`, `weight`, `polarity`, `since`, `until`, `note` and `evidence` (one `source: quote`
/// per line) fill the model's fields; the graph's `name` data names the graph. Any other node or
/// edge data is kept in ``Node/attributes`` or ``Edge/attributes`` by its `attr.name`, as written.
/// A missing weight is 1, type `economic`, polarity `cooperative`, kind `state`, label the node id
/// (as the CSV reader does); a graph without a `name` is named after the file. yEd's graphics keys
/// (`yfiles.type`) are read for their label only: a node without a `label` takes the text of its
/// first `NodeLabel`, an edge keeps its first `EdgeLabel` as the attribute `label`.
///
/// **Structure.** `edgedefault="directed"` makes the graph directed (missing: undirected, as
/// networkx reads it); an edge whose `directed` attribute disagrees is an error, since a graph is
/// either. Parallel edges are kept; edges may come before the nodes they join; edge ids and ports
/// are not kept. Self-loops, hyperedges, nested graphs and a second `<graph>` are errors.
///
/// **Safety.** The XML is parsed by Foundation's `XMLParser` (libxml2). Documents whose DTD declares
/// entities are refused before parsing (a "billion laughs" file is not expanded); external
/// entities and DTDs are never loaded.
public enum GraphMLReader {
    /// Reads a graph from GraphML bytes.
    ///
    /// - Parameters:
    ///   - bytes: the contents of the file, UTF-8.
    ///   - file: the name used in error messages.
    /// - Throws: ``GraphError`` naming the file, and the line and column the XML parser reports, of
    ///   the first problem: malformed XML, entity declarations, an unknown key id, a value that is
    ///   not of its key's type, a weight that is not a number greater than 0, an edge to an unknown
    ///   node, a self-loop, a duplicate node id.
    /// - Complexity: O(size of the input + (V + E) × keys with defaults).
    public static func read(_ bytes: [UInt8], file: String) throws(GraphError) -> RelationGraph {
        let state = BuilderBox(GraphMLBuilder(file: file))
        try XMLEvents.parse(bytes, file: file) { event throws(GraphError) in try state.value.consume(event) }
        return try state.value.finish()
    }
}

/// The attribute types of GraphML keys and GEXF attributes, and how a value of each is checked.
enum XMLValueType {
    case string, wholeNumber, number, boolean

    /// A GraphML `attr.type`: `string`, `int`, `long`, `float`, `double` or `boolean`.
    init?(graphML name: String) {
        switch name {
        case "string": self = .string
        case "int", "long": self = .wholeNumber
        case "float", "double": self = .number
        case "boolean": self = .boolean
        default: return nil
        }
    }

    /// A GEXF attribute `type`; the list types, `char` and `anyURI` are read as strings.
    init(gexf name: String) {
        switch name {
        case "integer", "long", "short", "byte", "biginteger": self = .wholeNumber
        case "float", "double", "bigdecimal": self = .number
        case "boolean": self = .boolean
        default: self = .string
        }
    }

    /// Whether `text` is a value of this type, as networkx and Gephi parse it.
    func accepts(_ text: String) -> Bool {
        let trimmed = text.trimmingXMLSpace
        switch self {
        case .string: return true
        case .wholeNumber: return Int64(trimmed) != nil
        case .number: return Double(trimmed) != nil
        case .boolean: return ["true", "false", "1", "0"].contains(trimmed.lowercased())
        }
    }

    /// What a value of this type must be, in words.
    var expectation: String {
        switch self {
        case .string: return "a string"
        case .wholeNumber: return "a whole number"
        case .number: return "a number"
        case .boolean: return "true or false"
        }
    }
}

/// The event-by-event state of a GraphML read.
private struct GraphMLBuilder {
    struct Key {
        var id: String
        /// `node`, `edge`, `graph`, `all`, or another GraphML domain.
        var domain: String
        var name: String?
        var type: XMLValueType
        var defaultValue: Value?
        /// yEd's `yfiles.type` keys hold graphics, not values.
        var isGraphics: Bool
        /// Declaration order, for applying several keys deterministically.
        var order: Int

        func applies(to domain: String) -> Bool { self.domain == domain || self.domain == "all" }
    }

    /// A value as written in the file, and where (kept as numbers: the file name is added on error).
    struct Value {
        var text: String
        var line: Int
        var column: Int

        init(text: String, location: SourceLocation) {
            self.text = text
            self.line = location.line ?? 0
            self.column = location.column ?? 0
        }
    }

    /// Where a value was written.
    private func location(of value: Value) -> SourceLocation {
        SourceLocation(file: file, line: value.line, column: value.column)
    }

    /// A `<node>` or `<edge>` being read.
    struct Element {
        var attributes: [String: String]
        var location: SourceLocation
        var values: [String: Value] = [:]
        /// yEd's label text, from a graphics key.
        var graphicsLabel: String?
    }

    enum Owner { case graph, node, edge }

    /// A `<data>` being read.
    struct Data {
        var key: Key
        var owner: Owner
        var text = ""
        var location: SourceLocation
        /// The stack depth of the yEd label element being read, when inside one.
        var labelDepth: Int?
        var labelRead = false
        var label: String?
    }

    enum Frame { case graphml, key, keyDefault, graph, node, edge, data, dataChild, ignored }

    let file: String
    var stack: [Frame] = []
    var keys: [String: Key] = [:]
    var key: Key?
    var defaultText = ""
    var defaultLocation: SourceLocation?
    var graph: RelationGraph?
    var graphCount = 0
    var graphValues: [String: Value] = [:]
    var node: Element?
    var edge: Element?
    var data: Data?
    var pendingEdges = PendingEdges()
    var lastLocation: SourceLocation
    /// The named value keys of each domain in declaration order; rebuilt after a key is declared.
    var keysByDomain: [String: [Key]] = [:]

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
        case .text(let text): collect(text)
        }
    }

    private mutating func start(_ name: String, _ attributes: [String: String], at location: SourceLocation) throws(GraphError) {
        guard let parent = stack.last else {
            guard name == "graphml" else { throw .syntax(location, "the root element is <\(name)>, not <graphml>") }
            stack.append(.graphml)
            return
        }
        switch (parent, name) {
        case (.graphml, "key"):
            guard let id = attributes["id"] else { throw .missingField(location, field: "key.id") }
            let typeName = attributes["attr.type"] ?? "string"
            let isGraphics = attributes["yfiles.type"] != nil
            guard let type = XMLValueType(graphML: typeName) else {
                throw .invalidValue(location, field: "attr.type", value: typeName,
                                    expected: "boolean, int, long, float, double or string")
            }
            key = Key(id: id, domain: attributes["for"] ?? "all", name: attributes["attr.name"], type: type,
                      defaultValue: nil, isGraphics: isGraphics, order: keys.count)
            stack.append(.key)
        case (.graphml, "graph"):
            guard graphCount == 0 else {
                throw .syntax(location, "a second <graph>: Entente reads one graph per GraphML file")
            }
            graphCount += 1
            let directed: Bool
            switch attributes["edgedefault"] {
            case nil, "undirected": directed = false
            case "directed": directed = true
            case let other?:
                throw .invalidValue(location, field: "edgedefault", value: other, expected: "directed or undirected")
            }
            graph = RelationGraph(name: "", directed: directed)
            stack.append(.graph)
        case (.key, "default"):
            defaultText = ""
            defaultLocation = location
            stack.append(.keyDefault)
        case (.graph, "node"):
            guard attributes["id"] != nil else { throw .missingField(location, field: "node.id") }
            node = Element(attributes: attributes, location: location)
            stack.append(.node)
        case (.graph, "edge"):
            guard attributes["source"] != nil else { throw .missingField(location, field: "edge.source") }
            guard attributes["target"] != nil else { throw .missingField(location, field: "edge.target") }
            edge = Element(attributes: attributes, location: location)
            stack.append(.edge)
        case (.graph, "hyperedge"):
            throw .syntax(location, "hyperedges are not supported")
        case (.node, "graph"):
            throw .syntax(location, "nested graphs (a <graph> inside a <node>) are not supported")
        case (.graph, "data"), (.node, "data"), (.edge, "data"):
            guard let id = attributes["key"] else { throw .missingField(location, field: "data.key") }
            guard let declared = keys[id] else {
                throw .syntax(location, "<data> refers to key \(quoted(id)), which no <key> declares")
            }
            let owner: Owner = parent == .graph ? .graph : parent == .node ? .node : .edge
            data = Data(key: declared, owner: owner, location: location)
            stack.append(.data)
        case (.data, _), (.dataChild, _):
            stack.append(.dataChild)
            // yEd: <y:NodeLabel>text</y:NodeLabel> (or EdgeLabel) somewhere inside a graphics key.
            if data?.key.isGraphics == true, data?.labelRead == false, data?.labelDepth == nil,
               name == "NodeLabel" || name == "EdgeLabel" {
                data?.labelDepth = stack.count
                data?.label = ""
            }
        default:
            // <desc>, <port>, graphml-level <data>, and elements of other vocabularies: not read.
            stack.append(.ignored)
        }
    }

    private mutating func collect(_ text: String) {
        switch stack.last {
        case .keyDefault:
            defaultText += text
        case .data:
            if data?.key.isGraphics == false { data?.text += text }
        case .dataChild:
            if let depth = data?.labelDepth, depth == stack.count { data?.label? += text }
        default:
            break
        }
    }

    private mutating func end() throws(GraphError) {
        guard let frame = stack.popLast() else { return }
        switch frame {
        case .key:
            guard var declared = key else { return }
            key = nil
            guard keys[declared.id] == nil else {
                throw .syntax(lastLocation, "key id \(quoted(declared.id)) is declared twice")
            }
            if let value = declared.defaultValue, !declared.isGraphics, !isMapped(declared) {
                try check(value, of: declared)
            }
            declared.order = keys.count
            keys[declared.id] = declared
            keysByDomain = [:]
        case .keyDefault:
            key?.defaultValue = Value(text: defaultText, location: defaultLocation ?? lastLocation)
        case .data:
            guard let finished = data else { return }
            data = nil
            if finished.key.isGraphics {
                if let label = finished.label {
                    if finished.owner == .node, node?.graphicsLabel == nil { node?.graphicsLabel = label }
                    if finished.owner == .edge, edge?.graphicsLabel == nil { edge?.graphicsLabel = label }
                }
                return
            }
            let value = Value(text: finished.text, location: finished.location)
            if !isMapped(finished.key) { try check(value, of: finished.key) }
            switch finished.owner {
            case .graph: graphValues[finished.key.id] = value
            case .node: node?.values[finished.key.id] = value
            case .edge: edge?.values[finished.key.id] = value
            }
        case .dataChild:
            if let depth = data?.labelDepth, depth == stack.count + 1 {
                data?.labelDepth = nil
                data?.labelRead = true
            }
        case .node:
            guard let element = node else { return }
            node = nil
            try addNode(element)
        case .edge:
            guard let element = edge else { return }
            edge = nil
            try readEdge(element)
        case .graph:
            try finishGraph()
        case .graphml, .ignored:
            break
        }
    }

    /// Whether a key fills a model field (checked by the field's own rules, not its declared type).
    private func isMapped(_ key: Key) -> Bool {
        guard let name = key.name else { return false }
        switch key.domain {
        case "node": return XMLGraphFields.node.contains(name)
        case "edge": return XMLGraphFields.edge.contains(name)
        case "graph": return name == "name" || name == "sources"
        case "all": return XMLGraphFields.node.contains(name) || XMLGraphFields.edge.contains(name) || name == "name" || name == "sources"
        default: return false
        }
    }

    private func check(_ value: Value, of key: Key) throws(GraphError) {
        guard key.type.accepts(value.text) else {
            throw .invalidValue(location(of: value), field: key.name ?? key.id, value: value.text, expected: key.type.expectation)
        }
    }

    /// The values of an element by attribute name: its own data over the keys' defaults, in key
    /// declaration order. Keys without a name (graphics) are left out.
    private mutating func namedValues(_ element: Element, domain: String) -> [(name: String, value: Value)] {
        if keysByDomain[domain] == nil {
            keysByDomain[domain] = keys.values.filter { $0.applies(to: domain) && !$0.isGraphics && $0.name != nil }
                .sorted { $0.order < $1.order }
        }
        var result: [(name: String, value: Value)] = []
        result.reserveCapacity(keysByDomain[domain]?.count ?? 0)
        var used = 0
        for key in keysByDomain[domain] ?? [] {
            guard let name = key.name else { continue }
            if let value = element.values[key.id] {
                result.append((name, value))
                used += 1
            } else if let value = key.defaultValue {
                result.append((name, value))
            }
        }
        // Data under a key declared for another domain still counts (networkx does not check).
        if used < element.values.count {
            var others: [(order: Int, name: String, value: Value)] = []
            for (id, value) in element.values {
                guard let key = keys[id], !key.applies(to: domain), !key.isGraphics, let name = key.name else { continue }
                others.append((key.order, name, value))
            }
            for other in others.sorted(by: { $0.order < $1.order }) { result.append((other.name, other.value)) }
        }
        return result
    }

    private mutating func addNode(_ element: Element) throws(GraphError) {
        guard let id = element.attributes["id"] else { return }
        var node = Node(id: id)
        var label: String?
        let values = namedValues(element, domain: "node")
        node.attributes.reserveCapacity(values.count)
        for (name, value) in values {
            if name == "label" { label = value.text } else { try node.setXMLValue(value.text, named: name, at: location(of: value)) }
        }
        if let text = label ?? element.graphicsLabel, !text.isEmpty { node.label = text }
        try graph?.insertNode(node, at: element.location)
    }

    private mutating func readEdge(_ element: Element) throws(GraphError) {
        guard let source = element.attributes["source"], let target = element.attributes["target"],
              let directed = graph?.isDirected else { return }
        if let value = element.attributes["directed"] {
            let isDirected = value == "true" || value == "1"
            guard isDirected == directed else {
                throw .syntax(element.location, "edge has directed=\"\(value)\" in a graph whose edgedefault is "
                              + "\(directed ? "directed" : "undirected"); Entente reads a graph as all directed or all undirected")
            }
        }
        var edge = Edge(source: "", target: "")
        for (name, value) in namedValues(element, domain: "edge") {
            try edge.setXMLValue(value.text, named: name, at: location(of: value))
        }
        if let label = element.graphicsLabel, edge.attributes["label"] == nil { edge.attributes["label"] = label }
        pendingEdges.append(edge, from: source, to: target, at: element.location)
    }

    private mutating func finishGraph() throws(GraphError) {
        guard var finished = graph else { return }
        graph = nil
        finished.name = CSVEdgeList.baseName(file)
        for key in keys.values.sorted(by: { $0.order < $1.order }) where key.applies(to: "graph") {
            guard let value = graphValues[key.id] ?? key.defaultValue else { continue }
            if key.name == "name" { finished.name = value.text }
            if key.name == "sources" {
                guard let sources = Source.list(parsing: value.text) else {
                    throw .invalidValue(SourceLocation(file: file, line: value.line, column: value.column), field: "sources", value: value.text,
                                        expected: "a JSON array of sources ({\"id\", \"title\", \"file\", \"citation\"})")
                }
                finished.sources = sources
            }
        }
        try pendingEdges.add(to: &finished)
        finished.listCitedSources()
        pendingEdges = PendingEdges()
        graph = finished
    }

    func finish() throws(GraphError) -> RelationGraph {
        guard graphCount > 0, let graph else { throw .syntax(lastLocation, "no <graph> element in the GraphML file") }
        return graph
    }
}

extension String {
    /// Without leading and trailing XML white space (space, tab, line feed, carriage return).
    var trimmingXMLSpace: String {
        let scalars = unicodeScalars
        let space: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = scalars.firstIndex(where: { !space($0) }),
              let last = scalars.lastIndex(where: { !space($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
