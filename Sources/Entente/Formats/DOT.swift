/// Writes graphs as Graphviz DOT text, quoting every id so that any name survives a round trip
/// through Graphviz's parser.
///
/// Node attributes: `label`, `kind`, `aliases` (joined by `|`). Edge attributes: `type`, `weight`,
/// `polarity`, `since`, `until`, `note`, `evidence` (each `source: quote`, joined by a line break),
/// plus the attributes read from other formats. Labels are escString-escaped (`\\` for a backslash)
/// because Graphviz interprets escapes in them; other values are kept as written.
public enum DOTWriter {
    /// The graph as DOT text, deterministic byte for byte, ending in a newline.
    public static func write(_ graph: RelationGraph) -> String {
        let arrow = graph.isDirected ? "->" : "--"
        var text = (graph.isDirected ? "digraph " : "graph ") + quote(graph.name) + " {\n"
        if !graph.name.isEmpty { text += "  graph [label=\(quote(escapeLabel(graph.name)))];\n" }
        for node in graph.nodes {
            var attributes: [(String, String)] = [("label", escapeLabel(node.label)), ("kind", node.kind.name)]
            if !node.aliases.isEmpty { attributes.append(("aliases", node.aliases.joined(separator: "|"))) }
            for (key, value) in node.attributes.sorted(by: { $0.key < $1.key }) { attributes.append((key, value)) }
            text += "  \(quote(node.id)) \(attributeList(attributes));\n"
        }
        for edge in graph.edges {
            var attributes: [(String, String)] = [
                ("type", edge.type.name), ("weight", formatNumber(edge.weight)), ("polarity", edge.polarity.rawValue),
            ]
            if let since = edge.since { attributes.append(("since", String(since))) }
            if let until = edge.until { attributes.append(("until", String(until))) }
            if let note = edge.note { attributes.append(("note", note)) }
            if !edge.evidence.isEmpty {
                attributes.append(("evidence", edge.evidence.map { "\($0.source): \($0.quote)" }.joined(separator: "\n")))
            }
            for (key, value) in edge.attributes.sorted(by: { $0.key < $1.key }) { attributes.append((key, value)) }
            text += "  \(quote(graph.nodes[edge.source].id)) \(arrow) \(quote(graph.nodes[edge.target].id)) "
            text += attributeList(attributes) + ";\n"
        }
        return text + "}\n"
    }

    private static func attributeList(_ attributes: [(String, String)]) -> String {
        "[" + attributes.map { "\(quote($0.0))=\(quote($0.1))" }.joined(separator: ", ") + "]"
    }

    /// A DOT double-quoted string that cgraph reads back as exactly `value`.
    ///
    /// cgraph keeps a backslash literally unless it precedes `"` (an escaped quote) or a line feed
    /// (a line continuation). So quotes become `\"`, and a backslash at the end of the value or
    /// before a line feed is followed by an extra `\` + line feed, which the parser drops.
    public static func quote(_ value: String) -> String {
        var text = "\""
        let scalars = Array(value.unicodeScalars)
        for (position, scalar) in scalars.enumerated() {
            switch scalar {
            case "\"":
                text += "\\\""
            case "\\":
                text += "\\"
                let next = position + 1 < scalars.count ? scalars[position + 1] : nil
                if next == nil || next == "\n" { text += "\\\n" }
            default:
                text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }

    /// Escapes a label for Graphviz's escString rules: a backslash is written `\\`, a line break `\n`.
    public static func escapeLabel(_ label: String) -> String {
        var text = ""
        for scalar in label.unicodeScalars {
            switch scalar {
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": continue
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    /// Reverses ``escapeLabel(_:)``: `\\` → `\`, `\n`, `\l`, `\r` → line break; `\N` → the node id.
    public static func unescapeLabel(_ label: String, nodeID: String = "") -> String {
        var text = ""
        var scalars = label.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\" else {
                text.unicodeScalars.append(scalar)
                continue
            }
            guard let next = scalars.next() else {
                text += "\\"
                break
            }
            switch next {
            case "n", "l", "r": text += "\n"
            case "N": text += nodeID
            default: text.unicodeScalars.append(next)
            }
        }
        return text
    }
}
