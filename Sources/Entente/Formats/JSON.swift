/// Entente's native JSON format: the whole model, evidence included.
///
/// ```json
/// {"name": "…", "directed": false, "types": ["membership"], "kinds": [],
///  "sources": [{"id": "article", "title": "…", "file": "000_….txt"}],
///  "nodes": [{"id": "PAK", "label": "Pakistan", "kind": "state", "aliases": ["…"]}],
///  "edges": [{"source": "PAK", "target": "CHN", "type": "economic", "weight": 5,
///             "polarity": "cooperative", "evidence": [{"source": "article", "quote": "…"}]}]}
/// ```
/// The schema is `Schemas/entente-graph.schema.json`. Reading is strict: unknown members,
/// undeclared types or kinds, unknown node ids and invalid weights are errors naming line and column.
public enum NativeJSON {
    /// Reads a graph from the bytes of a native JSON file.
    ///
    /// - Parameters:
    ///   - bytes: the contents of the file, UTF-8, without a byte-order mark.
    ///   - file: the name used in error messages.
    /// - Throws: ``GraphError`` naming the file, line and column of the first problem.
    public static func read(_ bytes: [UInt8], file: String) throws(GraphError) -> RelationGraph {
        try FileIO.checkText(bytes, file: file)
        let root = try JSONParser.parse(bytes, file: file)
        var reader = Reader(file: file, bytes: bytes)
        return try reader.graph(from: root)
    }

    /// The graph as native JSON text, deterministic byte for byte, ending in a newline.
    public static func write(_ graph: RelationGraph) -> String {
        String(decoding: bytes(graph), as: UTF8.self)
    }

    /// The graph in the native format as UTF-8 bytes, ending in a newline: what ``write(_:)`` returns.
    package static func bytes(_ graph: RelationGraph) -> [UInt8] {
        ByteText.inMemoryInfallible(reservingCapacity: 160 * graph.edges.count + 64 * graph.nodes.count + 4096) {
            (text) throws(GraphError) in try write(graph, into: &text)
        }
    }

    private struct Reader {
        let file: String
        let bytes: [UInt8]

        func location(_ node: JSONNode) -> SourceLocation {
            SourceLocation(file: file, line: node.line, column: node.column(in: bytes))
        }

        /// An object's members, looked up by a scan: the objects of a graph file have at most ten.
        struct Members {
            let pairs: [(key: String, value: JSONNode)]

            subscript(key: String) -> JSONNode? {
                for pair in pairs where pair.key == key { return pair.value }
                return nil
            }
        }

        func members(_ node: JSONNode, of what: String, allowed: [String],
                     required: [String]) throws(GraphError) -> Members {
            guard case .object(let pairs) = node.value else {
                throw .invalidValue(location(node), field: what, value: node.text, expected: "an object")
            }
            // An unknown member is named at its value, a missing one at the object.
            try NativeRules.checkMembers(pairs.lazy.map(\.key), of: what, allowed: allowed, required: required,
                                         at: location(pairs.first { !allowed.contains($0.key) }?.value ?? node))
            return Members(pairs: pairs)
        }

        func string(_ node: JSONNode, field: String, nonEmpty: Bool = true) throws(GraphError) -> String {
            guard case .string(let text) = node.value else {
                throw .invalidValue(location(node), field: field, value: node.text, expected: "a string")
            }
            if nonEmpty { try NativeRules.checkNonEmpty(text, field: field, at: location(node)) }
            return text
        }

        func array(_ node: JSONNode, field: String) throws(GraphError) -> [JSONNode] {
            guard case .array(let items) = node.value else {
                throw .invalidValue(location(node), field: field, value: node.text, expected: "an array")
            }
            return items
        }

        func strings(_ node: JSONNode, field: String) throws(GraphError) -> [String] {
            var result: [String] = []
            for item in try array(node, field: field) { result.append(try string(item, field: field)) }
            return result
        }

        func year(_ node: JSONNode, field: String) throws(GraphError) -> Int {
            guard case .number(let value, _) = node.value else {
                throw .invalidValue(location(node), field: field, value: node.text, expected: "a whole year")
            }
            return try NativeRules.year(value, text: node.text, field: field, at: location(node))
        }

        func attributes(_ node: JSONNode, field: String) throws(GraphError) -> [String: String] {
            guard case .object(let pairs) = node.value else {
                throw .invalidValue(location(node), field: field, value: node.text, expected: "an object of strings")
            }
            var result: [String: String] = [:]
            for (key, value) in pairs { result[key] = try string(value, field: "\(field).\(key)", nonEmpty: false) }
            return result
        }

        mutating func graph(from root: JSONNode) throws(GraphError) -> RelationGraph {
            let top = try members(root, of: "graph", allowed: NativeRules.graphMembers, required: NativeRules.graphRequired)
            var graph = RelationGraph()
            if let name = top["name"] { graph.name = try string(name, field: "name", nonEmpty: false) }
            if let directed = top["directed"] {
                guard case .bool(let flag) = directed.value else {
                    throw .invalidValue(location(directed), field: "directed", value: directed.text, expected: "true or false")
                }
                graph.isDirected = flag
            }
            var declaredTypes = Set<RelationType>()
            if let types = top["types"] {
                for item in try array(types, field: "types") {
                    let type = RelationType(try string(item, field: "types"))
                    declaredTypes.insert(type)
                    graph.declare(type: type)
                }
            }
            var declaredKinds = Set<NodeKind>()
            if let kinds = top["kinds"] {
                for item in try array(kinds, field: "kinds") {
                    let kind = NodeKind(try string(item, field: "kinds"))
                    declaredKinds.insert(kind)
                    graph.declare(kind: kind)
                }
            }
            var sourceIDs = Set<String>()
            if let sources = top["sources"] {
                for item in try array(sources, field: "sources") {
                    let fields = try members(item, of: "source", allowed: NativeRules.sourceMembers, required: ["id"])
                    guard let idNode = fields["id"] else { continue }
                    let id = try string(idNode, field: "source.id")
                    try NativeRules.checkUnique(source: id, among: &sourceIDs, at: location(idNode))
                    var source = Source(id: id, title: id)
                    if let title = fields["title"] { source.title = try string(title, field: "source.title") }
                    if let file = fields["file"] { source.file = try string(file, field: "source.file") }
                    if let citation = fields["citation"] { source.citation = try string(citation, field: "source.citation") }
                    graph.sources.append(source)
                }
            }
            guard let nodesNode = top["nodes"], let edgesNode = top["edges"] else { return graph }
            let nodeItems = try array(nodesNode, field: "nodes")
            let edgeItems = try array(edgesNode, field: "edges")
            graph.reserveCapacity(nodes: nodeItems.count, edges: edgeItems.count)
            for item in nodeItems {
                let fields = try members(item, of: "node", allowed: NativeRules.nodeMembers, required: ["id"])
                guard let idNode = fields["id"] else { continue }
                var node = Node(id: try string(idNode, field: "node.id"))
                if let label = fields["label"] { node.label = try string(label, field: "node.label") }
                if let kindNode = fields["kind"] {
                    let kind = NodeKind(try string(kindNode, field: "node.kind"))
                    try NativeRules.checkDeclared(kind, among: declaredKinds, at: location(kindNode))
                    node.kind = kind
                }
                if let aliases = fields["aliases"] { node.aliases = try strings(aliases, field: "node.aliases") }
                if let attributes = fields["attributes"] {
                    node.attributes = try self.attributes(attributes, field: "node.attributes")
                }
                if let since = fields["since"] { node.since = try year(since, field: "node.since") }
                if let until = fields["until"] { node.until = try year(until, field: "node.until") }
                if let spellsNode = fields["spells"] {
                    for entry in try array(spellsNode, field: "node.spells") {
                        let parts = try members(entry, of: "spell", allowed: NativeRules.spellMembers, required: [])
                        var spell = Spell()
                        if let since = parts["since"] { spell.since = try year(since, field: "spell.since") }
                        if let until = parts["until"] { spell.until = try year(until, field: "spell.until") }
                        node.spells.append(spell)
                    }
                }
                // The location is worked out only for an error: its column costs a scan of the line.
                do {
                    try graph.insertNode(node)
                } catch {
                    throw error.located(at: location(idNode))
                }
            }
            for item in edgeItems {
                let fields = try members(item, of: "edge", allowed: NativeRules.edgeMembers, required: NativeRules.edgeRequired)
                guard let sourceNode = fields["source"], let targetNode = fields["target"] else { continue }
                let sourceID = try string(sourceNode, field: "edge.source")
                let targetID = try string(targetNode, field: "edge.target")
                guard let source = graph.index(of: sourceID) else { throw .unknownNode(location(sourceNode), id: sourceID) }
                guard let target = graph.index(of: targetID) else { throw .unknownNode(location(targetNode), id: targetID) }
                var edge = Edge(source: "", target: "")
                if let typeNode = fields["type"] {
                    let type = RelationType(try string(typeNode, field: "edge.type"))
                    try NativeRules.checkDeclared(type, among: declaredTypes, at: location(typeNode))
                    edge.type = type
                }
                if let weightNode = fields["weight"] {
                    guard case .number(let weight, _) = weightNode.value, weight.isFinite, weight > 0 else {
                        throw .invalidWeight(location(weightNode), value: weightNode.text)
                    }
                    edge.weight = weight
                }
                if let polarityNode = fields["polarity"] {
                    edge.polarity = try NativeRules.polarity(try string(polarityNode, field: "edge.polarity"),
                                                             at: location(polarityNode))
                }
                if let evidenceNode = fields["evidence"] {
                    for entry in try array(evidenceNode, field: "edge.evidence") {
                        let parts = try members(entry, of: "evidence", allowed: NativeRules.evidenceMembers,
                                                required: NativeRules.evidenceMembers)
                        guard let sourceField = parts["source"], let quoteField = parts["quote"] else { continue }
                        let cited = try string(sourceField, field: "evidence.source")
                        try NativeRules.checkCited(cited, among: sourceIDs, at: location(sourceField))
                        edge.evidence.append(Evidence(source: cited, quote: try string(quoteField, field: "evidence.quote")))
                    }
                }
                if let since = fields["since"] { edge.since = try year(since, field: "since") }
                if let until = fields["until"] { edge.until = try year(until, field: "until") }
                if let note = fields["note"] { edge.note = try string(note, field: "note", nonEmpty: false) }
                if let attributes = fields["attributes"] {
                    edge.attributes = try self.attributes(attributes, field: "edge.attributes")
                }
                do {
                    let index = try graph.addEdge(edge, source: source, target: target)
                    graph.locateTieYears(index, at: location(item))
                } catch {
                    throw error.located(at: location(item))
                }
            }
            return graph
        }
    }
}
