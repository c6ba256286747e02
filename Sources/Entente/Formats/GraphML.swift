/// Writes graphs as GraphML that networkx `read_graphml`, Gephi and yEd open with typed attributes.
///
/// Graph keys: `name`, and `sources` (the sources table as a JSON array, as in the native format)
/// when the graph lists any. Node keys: `label`, `kind`, `aliases` (strings), and when any node has them `since`, `until`
/// (int) and `spells` (string, `1816-1945|1990-2016`, for nodes of several spells). Edge keys: `type`, `polarity` (strings), `weight`
/// (double), `since`, `until` (int), `note`, `evidence` (strings), and any other attribute (string).
/// Parallel edges are kept; each edge has an `id`.
public enum GraphMLWriter {
    /// The graph as GraphML text, deterministic byte for byte, ending in a newline.
    ///
    /// - Throws: ``GraphError/invalidValue(_:field:value:expected:)`` for a name or value holding a
    ///   character XML 1.0 cannot hold (a control character other than tab, line feed and carriage
    ///   return, U+FFFE, U+FFFF); the writer never changes a name.
    public static func write(_ graph: RelationGraph) throws(GraphError) -> String { String(decoding: try bytes(graph), as: UTF8.self) }

    /// The GraphML text as UTF-8 bytes: what ``write(_:)`` returns, built without a `String`.
    package static func bytes(_ graph: RelationGraph) throws(GraphError) -> [UInt8] {
        try ByteText.inMemory(reservingCapacity: 200 * graph.edges.count + 100 * graph.nodes.count + 4096) {
            (text) throws(GraphError) in try write(graph, into: &text)
        }
    }

    /// Appends the graph's GraphML to text that may stream to a file, with a checkpoint after every
    /// node and edge: what ``bytes(_:)`` returns.
    ///
    /// - Throws: what handing the text over throws (a write error).
    package static func write(_ graph: RelationGraph, into text: inout ByteText) throws(GraphError) {
        try XMLGraphFields.checkWritable(graph, format: "GraphML")
        var nodeAttributes = Set<String>()
        for node in graph.nodes { nodeAttributes.formUnion(node.attributes.keys) }
        var edgeAttributes = Set<String>()
        for edge in graph.edges { edgeAttributes.formUnion(edge.attributes.keys) }
        let nodeExtras = nodeAttributes.subtracting(XMLGraphFields.node).sorted()
        let edgeExtras = edgeAttributes.subtracting(["type", "weight", "polarity", "since", "until", "note", "evidence"]).sorted()
        let hasSince = graph.edges.contains { $0.since != nil }
        let hasUntil = graph.edges.contains { $0.until != nil }

        text.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        text.append("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" ")
        text.append("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ")
        text.append("xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")
        var keys: [(id: String, domain: String, name: String, type: String)] = [
            ("d0", "graph", "name", "string"),
            ("n0", "node", "label", "string"), ("n1", "node", "kind", "string"), ("n2", "node", "aliases", "string"),
        ]
        if !graph.sources.isEmpty { keys.insert(("d1", "graph", "sources", "string"), at: 1) }
        let hasNodeSince = graph.nodes.contains { $0.since != nil }
        let hasNodeUntil = graph.nodes.contains { $0.until != nil }
        let hasSpells = graph.nodes.contains { !$0.spells.isEmpty }
        if hasNodeSince { keys.append(("ns", "node", "since", "int")) }
        if hasNodeUntil { keys.append(("nu", "node", "until", "int")) }
        if hasSpells { keys.append(("nsp", "node", "spells", "string")) }
        for (position, name) in nodeExtras.enumerated() { keys.append(("n\(position + 3)", "node", name, "string")) }
        keys += [
            ("e0", "edge", "type", "string"), ("e1", "edge", "weight", "double"), ("e2", "edge", "polarity", "string"),
            ("e3", "edge", "note", "string"), ("e4", "edge", "evidence", "string"),
        ]
        if hasSince { keys.append(("e5", "edge", "since", "int")) }
        if hasUntil { keys.append(("e6", "edge", "until", "int")) }
        for (position, name) in edgeExtras.enumerated() { keys.append(("e\(position + 7)", "edge", name, "string")) }
        for key in keys {
            text.append("  <key id=\"")
            text.append(key.id)
            text.append("\" for=\"")
            text.append(key.domain)
            text.append("\" attr.name=\"")
            text.appendXML(key.name)
            text.append("\" attr.type=\"")
            text.append(key.type)
            text.append("\"/>\n")
        }
        func key(_ domain: String, _ name: String) -> String {
            keys.first { $0.domain == domain && $0.name == name }?.id ?? ""
        }
        /// `      <data key="KEY">VALUE</data>`, the value XML-escaped unless it needs none (numbers).
        func data(_ key: String, _ value: String, escaped: Bool = true) {
            text.append("      <data key=\"")
            text.append(key)
            text.append("\">")
            if escaped { text.appendXML(value) } else { text.append(value) }
            text.append("</data>\n")
        }
        text.append("  <graph id=\"G\" edgedefault=\"")
        text.append(graph.isDirected ? "directed" : "undirected")
        text.append("\">\n")
        text.append("    <data key=\"d0\">")
        text.appendXML(graph.name)
        text.append("</data>\n")
        if !graph.sources.isEmpty {
            text.append("    <data key=\"d1\">")
            text.appendXML(Source.listText(graph.sources))
            text.append("</data>\n")
        }
        let nodeExtraKeys = nodeExtras.map { ($0, key("node", $0)) }
        for node in graph.nodes {
            text.append("    <node id=\"")
            text.appendXML(node.id)
            text.append("\">\n")
            data("n0", node.label)
            data("n1", node.kind.name)
            if !node.aliases.isEmpty { data("n2", node.aliases.joined(separator: "|")) }
            if let since = node.since { data("ns", String(since), escaped: false) }
            if let until = node.until { data("nu", String(until), escaped: false) }
            if !node.spells.isEmpty { data("nsp", node.spells.map(\.description).joined(separator: "|"), escaped: false) }
            if !node.attributes.isEmpty {
                for (name, key) in nodeExtraKeys {
                    if let value = node.attributes[name] { data(key, value) }
                }
            }
            text.append("    </node>\n")
            try text.checkpoint()
        }
        let edgeExtraKeys = edgeExtras.map { ($0, key("edge", $0)) }
        // What an edge of a type writes from the end of its start tag to its weight, built once per type met.
        var typeFragments = PerType { Array("\">\n      <data key=\"e0\">\(escape($0.name))</data>\n      <data key=\"e1\">".utf8) }
        let cooperativeValue = Array("</data>\n      <data key=\"e2\">\(Polarity.cooperative.rawValue)</data>\n".utf8)
        let adversarialValue = Array("</data>\n      <data key=\"e2\">\(Polarity.adversarial.rawValue)</data>\n".utf8)
        // Field by field, by index: a copy of each edge (`for edge in`, `enumerated()`) would
        // retain every field of it.
        let edges = graph.edges
        for index in edges.indices {
            let fragment = typeFragments.value(of: edges[index].type)
            text.append("    <edge id=\"e")
            text.append(index)
            text.append("\" source=\"")
            text.appendXML(edges[index].source)
            text.append("\" target=\"")
            text.appendXML(edges[index].target)
            text.append(fragment)
            appendGraphMLNumber(edges[index].weight, into: &text)
            text.append(edges[index].polarity == .adversarial ? adversarialValue : cooperativeValue)
            if let note = edges[index].note { data("e3", note) }
            if !edges[index].evidence.isEmpty {
                let evidence = edges[index].evidence.map { "\($0.source): \($0.quote)" }.joined(separator: "\n")
                data("e4", evidence)
            }
            if let since = edges[index].since { data("e5", String(since), escaped: false) }
            if let until = edges[index].until { data("e6", String(until), escaped: false) }
            if !edges[index].attributes.isEmpty {
                for (name, key) in edgeExtraKeys {
                    if let value = edges[index].attributes[name] { data(key, value) }
                }
            }
            text.append("    </edge>\n")
            try text.checkpoint()
        }
        text.append("  </graph>\n</graphml>\n")
    }

    /// Appends ``graphMLNumber(_:)`` of a value, without a string for the common ones: a finite
    /// value that is not whole always has its point (digits alone would read back as a whole number).
    private static func appendGraphMLNumber(_ value: Double, into text: inout ByteText) {
        if value.isFinite && value != value.rounded() {
            text.append(number: value)
        } else if value == value.rounded() && abs(value) < 1e15 {
            text.append(Int(value))
            text.append(".0")
        } else {
            text.append(graphMLNumber(value))
        }
    }

    /// A double as GraphML readers parse it: always with a decimal point or exponent.
    private static func graphMLNumber(_ value: Double) -> String {
        let text = TextFormat.number(value)
        // A scan of the bytes: String.contains(String) would go through Foundation's locale-aware search.
        return text.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") } ? text : text + ".0"
    }

    /// Escapes text for XML content and attribute values; drops characters XML 1.0 forbids.
    static func escape(_ value: String) -> String { MarkupText.xml.escape(value) }
}
