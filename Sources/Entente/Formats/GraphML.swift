/// Writes graphs as GraphML that networkx `read_graphml`, Gephi and yEd open with typed attributes.
///
/// Node keys: `label`, `kind`, `aliases` (strings), and when any node has them `since`, `until`
/// (int) and `spells` (string, `1816-1945|1990-2016`, for nodes of several spells). Edge keys: `type`, `polarity` (strings), `weight`
/// (double), `since`, `until` (int), `note`, `evidence` (strings), and any other attribute (string).
/// Parallel edges are kept; each edge has an `id`.
public enum GraphMLWriter {
    /// The graph as GraphML text, deterministic byte for byte, ending in a newline.
    public static func write(_ graph: RelationGraph) -> String {
        var nodeAttributes = Set<String>()
        for node in graph.nodes { nodeAttributes.formUnion(node.attributes.keys) }
        var edgeAttributes = Set<String>()
        for edge in graph.edges { edgeAttributes.formUnion(edge.attributes.keys) }
        let nodeExtras = nodeAttributes.subtracting(XMLGraphFields.node).sorted()
        let edgeExtras = edgeAttributes.subtracting(["type", "weight", "polarity", "since", "until", "note", "evidence"]).sorted()
        let hasSince = graph.edges.contains { $0.since != nil }
        let hasUntil = graph.edges.contains { $0.until != nil }

        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        text += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        text += "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        text += "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        var keys: [(id: String, domain: String, name: String, type: String)] = [
            ("d0", "graph", "name", "string"),
            ("n0", "node", "label", "string"), ("n1", "node", "kind", "string"), ("n2", "node", "aliases", "string"),
        ]
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
            text += "  <key id=\"\(key.id)\" for=\"\(key.domain)\" attr.name=\"\(escape(key.name))\" attr.type=\"\(key.type)\"/>\n"
        }
        func key(_ domain: String, _ name: String) -> String {
            keys.first { $0.domain == domain && $0.name == name }?.id ?? ""
        }
        text += "  <graph id=\"G\" edgedefault=\"\(graph.isDirected ? "directed" : "undirected")\">\n"
        text += "    <data key=\"d0\">\(escape(graph.name))</data>\n"
        for node in graph.nodes {
            text += "    <node id=\"\(escape(node.id))\">\n"
            text += "      <data key=\"n0\">\(escape(node.label))</data>\n"
            text += "      <data key=\"n1\">\(escape(node.kind.name))</data>\n"
            if !node.aliases.isEmpty { text += "      <data key=\"n2\">\(escape(node.aliases.joined(separator: "|")))</data>\n" }
            if let since = node.since { text += "      <data key=\"ns\">\(since)</data>\n" }
            if let until = node.until { text += "      <data key=\"nu\">\(until)</data>\n" }
            if !node.spells.isEmpty {
                text += "      <data key=\"nsp\">\(node.spells.map(\.description).joined(separator: "|"))</data>\n"
            }
            for name in nodeExtras {
                if let value = node.attributes[name] { text += "      <data key=\"\(key("node", name))\">\(escape(value))</data>\n" }
            }
            text += "    </node>\n"
        }
        for (index, edge) in graph.edges.enumerated() {
            text += "    <edge id=\"e\(index)\" source=\"\(escape(edge.source))\" "
            text += "target=\"\(escape(edge.target))\">\n"
            text += "      <data key=\"e0\">\(escape(edge.type.name))</data>\n"
            text += "      <data key=\"e1\">\(graphMLNumber(edge.weight))</data>\n"
            text += "      <data key=\"e2\">\(edge.polarity.rawValue)</data>\n"
            if let note = edge.note { text += "      <data key=\"e3\">\(escape(note))</data>\n" }
            if !edge.evidence.isEmpty {
                let evidence = edge.evidence.map { "\($0.source): \($0.quote)" }.joined(separator: "\n")
                text += "      <data key=\"e4\">\(escape(evidence))</data>\n"
            }
            if let since = edge.since { text += "      <data key=\"e5\">\(since)</data>\n" }
            if let until = edge.until { text += "      <data key=\"e6\">\(until)</data>\n" }
            for name in edgeExtras {
                if let value = edge.attributes[name] { text += "      <data key=\"\(key("edge", name))\">\(escape(value))</data>\n" }
            }
            text += "    </edge>\n"
        }
        text += "  </graph>\n</graphml>\n"
        return text
    }

    /// A double as GraphML readers parse it: always with a decimal point or exponent.
    private static func graphMLNumber(_ value: Double) -> String {
        let text = formatNumber(value)
        return text.contains(".") || text.contains("e") ? text : text + ".0"
    }

    /// Escapes text for XML content and attribute values; drops characters XML 1.0 forbids.
    static func escape(_ value: String) -> String { MarkupText.xml.escape(value) }
}
