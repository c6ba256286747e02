/// A point in a drawing: where a layout put a node, in Graphviz points (y grows upwards).
public struct NodePosition: Hashable, Sendable, Encodable {
    /// Horizontal position.
    public var x: Double
    /// Vertical position.
    public var y: Double

    /// Creates a position.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// What a GEXF file carries besides the graph: colours, sizes and positions for Gephi to draw.
///
/// Every part is optional: with the defaults the file holds the graph alone. EntenteGraphviz fills
/// ``typeColors`` from a diagram style and ``positions`` from a Graphviz layout.
public struct GEXFDrawing: Sendable {
    /// Edge colour by relation type, `#RRGGBB` (an edge whose type has none gets no `viz:color`).
    public var typeColors: [RelationType: String]
    /// Colour of every node, `#RRGGBB`; nil writes none.
    public var nodeColor: String?
    /// A value per node id (a centrality, say) that sets the node's `viz:size`, scaled into ``sizeRange``;
    /// nodes without a value get the smallest size. Empty: no `viz:size` is written.
    public var nodeSizes: [String: Double]
    /// What ``nodeSizes`` measure (`"betweenness"`): the raw values are written as a node
    /// attribute of that title. Nil writes the sizes only.
    public var sizeCaption: String?
    /// The sizes the smallest and the largest value of ``nodeSizes`` map to (Gephi's own default is 10).
    public var sizeRange: ClosedRange<Double>
    /// Node positions by node id, written as `viz:position`; nodes without one get none.
    public var positions: [String: NodePosition]

    /// Creates a drawing description; the defaults describe no drawing.
    public init(typeColors: [RelationType: String] = [:], nodeColor: String? = nil, nodeSizes: [String: Double] = [:],
                sizeCaption: String? = nil, sizeRange: ClosedRange<Double> = 10...50,
                positions: [String: NodePosition] = [:]) {
        self.typeColors = typeColors
        self.nodeColor = nodeColor
        self.nodeSizes = nodeSizes
        self.sizeCaption = sizeCaption
        self.sizeRange = sizeRange
        self.positions = positions
    }
}

/// Writes graphs as GEXF 1.3, Gephi's own format, which networkx `read_gexf` also reads.
///
/// Nodes carry their id and `label`, and the attributes `kind`, `aliases` (joined by `|`) and any
/// other node attribute (strings). Edges carry their `weight` and their type as `kind` (Gephi's edge
/// kind, which keeps parallel edges of different types apart), and the attributes `type`,
/// `polarity` (strings), `since`, `until` (integers), `note`, `evidence` (one `source: quote` per
/// line) and any other edge attribute (strings). The graph's name is the meta `description`.
///
/// Time: when any node has years, the graph is written `mode="dynamic"` with `timeformat="double"`
/// (as Gephi's timeline reads it); a node's `since` and `until` become its `start` and `end`, a node
/// of several spells gets `<spells>` instead, and an edge's `since` and `until` are also written as
/// its `start` and `end`. Intervals are closed: a node with `end="1945"` exists in 1945.
///
/// Drawing (``GEXFDrawing``): `viz:color` of an edge from its type's colour, `viz:thickness` = the
/// weight, `viz:shape` `dashed` for adversarial edges; node `viz:color`, `viz:size` scaled from a
/// measure and `viz:position` from a layout, when given.
public enum GEXFWriter {
    /// The graph as GEXF text, deterministic byte for byte, ending in a newline.
    ///
    /// - Complexity: O(V + E + total text length).
    ///
    /// - Throws: ``GraphError/invalidValue(_:field:value:expected:)`` for a name or value holding a
    ///   character XML 1.0 cannot hold (a control character other than tab, line feed and carriage
    ///   return, U+FFFE, U+FFFF); the writer never changes a name.
    public static func write(_ graph: RelationGraph, drawing: GEXFDrawing = GEXFDrawing()) throws(GraphError) -> String {
        String(decoding: try ByteText.inMemory(reservingCapacity: 360 * graph.edges.count + 200 * graph.nodes.count + 4096) {
            (text) throws(GraphError) in try write(graph, drawing: drawing, into: &text)
        }, as: UTF8.self)
    }

    /// Writes the graph's GEXF to a file (`-`: standard output) as ``RelationGraph/write(to:format:)``
    /// writes: atomically, streaming a megabyte at a time.
    ///
    /// - Throws: ``GraphError/io(file:reason:)``; the file is then untouched.
    public static func write(_ graph: RelationGraph, drawing: GEXFDrawing = GEXFDrawing(), to path: String) throws(GraphError) {
        try FileIO.writeAtomically(to: path) { (text) throws(GraphError) in try write(graph, drawing: drawing, into: &text) }
    }

    /// Appends the graph's GEXF to text that may stream to a file, with a checkpoint after every
    /// node and edge: what ``write(_:drawing:)`` returns.
    ///
    /// - Throws: what handing the text over throws (a write error).
    package static func write(_ graph: RelationGraph, drawing: GEXFDrawing = GEXFDrawing(),
                              into text: inout ByteText) throws(GraphError) {
        try XMLGraphFields.checkWritable(graph, format: "GEXF")
        var nodeExtraNames = Set<String>()
        for node in graph.nodes { nodeExtraNames.formUnion(node.attributes.keys) }
        let nodeExtras = nodeExtraNames.subtracting(XMLGraphFields.node).sorted()
        var edgeExtraNames = Set<String>()
        for edge in graph.edges { edgeExtraNames.formUnion(edge.attributes.keys) }
        let edgeExtras = edgeExtraNames.subtracting(["type", "weight", "polarity", "since", "until", "note", "evidence"]).sorted()

        var nodeAttributes: [(title: String, type: String)] = [("kind", "string")]
        if graph.nodes.contains(where: { !$0.aliases.isEmpty }) { nodeAttributes.append(("aliases", "string")) }
        let sizeTitle = drawing.sizeCaption.flatMap { caption in
            drawing.nodeSizes.isEmpty || nodeExtras.contains(caption) || ["kind", "aliases"].contains(caption) ? nil : caption
        }
        if let sizeTitle { nodeAttributes.append((sizeTitle, "double")) }
        nodeAttributes += nodeExtras.map { ($0, "string") }
        var edgeAttributes: [(title: String, type: String)] = [("type", "string"), ("polarity", "string")]
        if graph.edges.contains(where: { $0.since != nil }) { edgeAttributes.append(("since", "integer")) }
        if graph.edges.contains(where: { $0.until != nil }) { edgeAttributes.append(("until", "integer")) }
        if graph.edges.contains(where: { $0.note != nil }) { edgeAttributes.append(("note", "string")) }
        if graph.edges.contains(where: { !$0.evidence.isEmpty }) { edgeAttributes.append(("evidence", "string")) }
        edgeAttributes += edgeExtras.map { ($0, "string") }
        var nodeKey: [String: String] = [:], edgeKey: [String: String] = [:]
        for (position, attribute) in nodeAttributes.enumerated() { nodeKey[attribute.title] = "n\(position)" }
        for (position, attribute) in edgeAttributes.enumerated() { edgeKey[attribute.title] = "e\(position)" }

        text.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        text.append("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" ")
        text.append("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ")
        text.append("xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n")
        text.append("  <meta>\n    <creator>Entente</creator>\n")
        text.append("    <description>\(escape(graph.name))</description>\n  </meta>\n")
        let dynamic = graph.nodes.contains(where: \.isDated)
        text.append("  <graph defaultedgetype=\"\(graph.isDirected ? "directed" : "undirected")\"")
        text.append(dynamic ? " mode=\"dynamic\" timeformat=\"double\">\n" : ">\n")
        for (domain, attributes, prefix) in [("node", nodeAttributes, "n"), ("edge", edgeAttributes, "e")] {
            text.append("    <attributes class=\"\(domain)\">\n")
            for (position, attribute) in attributes.enumerated() {
                text.append("      <attribute id=\"\(prefix)\(position)\" title=\"\(escape(attribute.title))\" type=\"\(attribute.type)\"/>\n")
            }
            text.append("    </attributes>\n")
        }

        let sizes = scaledSizes(graph, drawing)
        let nodeColor = drawing.nodeColor.flatMap(RGBA.init(hex:))
        text.append("    <nodes count=\"\(graph.nodes.count)\">\n")
        for node in graph.nodes {
            text.append("      <node id=\"\(escape(node.id))\" label=\"\(escape(node.label))\"")
            if node.spells.isEmpty {
                if let since = node.since { text.append(" start=\"\(since)\"") }
                if let until = node.until { text.append(" end=\"\(until)\"") }
            }
            text.append(">\n")
            var values: [(String, String)] = [("kind", node.kind.name)]
            if !node.aliases.isEmpty { values.append(("aliases", node.aliases.joined(separator: "|"))) }
            if let sizeTitle, let value = drawing.nodeSizes[node.id] { values.append((sizeTitle, TextFormat.number(value))) }
            for name in nodeExtras { if let value = node.attributes[name] { values.append((name, value)) } }
            attributeValues(values, keys: nodeKey, into: &text)
            if !node.spells.isEmpty {
                text.append("        <spells>\n")
                for spell in node.spells {
                    text.append("          <spell")
                    if let since = spell.since { text.append(" start=\"\(since)\"") }
                    if let until = spell.until { text.append(" end=\"\(until)\"") }
                    text.append("/>\n")
                }
                text.append("        </spells>\n")
            }
            if let nodeColor { text.append("        " + nodeColor.element + "\n") }
            if let position = drawing.positions[node.id] {
                text.append("        <viz:position x=\"\(TextFormat.number(position.x))\" y=\"\(TextFormat.number(position.y))\" z=\"0\"/>\n")
            }
            if let size = sizes[node.id] { text.append("        <viz:size value=\"\(TextFormat.number(size))\"/>\n") }
            text.append("      </node>\n")
            try text.checkpoint()
        }
        text.append("    </nodes>\n")

        var colors: [RelationType: RGBA] = [:]
        for (type, hex) in drawing.typeColors { colors[type] = RGBA(hex: hex) }
        text.append("    <edges count=\"\(graph.edges.count)\">\n")
        // The attribute keys of edges, looked up once: `e0`, `e1`… in the order declared above.
        let typeKey = edgeKey["type"], polarityKey = edgeKey["polarity"], sinceKey = edgeKey["since"]
        let untilKey = edgeKey["until"], noteKey = edgeKey["note"], evidenceKey = edgeKey["evidence"]
        let extraKeys = edgeExtras.map { ($0, edgeKey[$0]) }
        let colorElements = colors.mapValues { "        " + $0.element + "\n" }
        for (index, edge) in graph.edges.enumerated() {
            let weight = TextFormat.number(edge.weight)
            text.append("      <edge id=\"")
            text.append(index)
            text.append("\" source=\"")
            text.appendXML(edge.source)
            text.append("\" target=\"")
            text.appendXML(edge.target)
            text.append("\" weight=\"")
            text.append(weight)
            text.append("\" kind=\"")
            text.appendXML(edge.type.name)
            text.append("\"")
            if dynamic, let since = edge.since {
                text.append(" start=\"")
                text.append(since)
                text.append("\"")
            }
            if dynamic, let until = edge.until {
                text.append(" end=\"")
                text.append(until)
                text.append("\"")
            }
            text.append(">\n        <attvalues>\n")
            attributeValue(edge.type.name, key: typeKey, into: &text)
            attributeValue(edge.polarity.rawValue, key: polarityKey, into: &text)
            if let since = edge.since { attributeValue(String(since), key: sinceKey, into: &text) }
            if let until = edge.until { attributeValue(String(until), key: untilKey, into: &text) }
            if let note = edge.note { attributeValue(note, key: noteKey, into: &text) }
            if !edge.evidence.isEmpty {
                attributeValue(edge.evidence.map { "\($0.source): \($0.quote)" }.joined(separator: "\n"), key: evidenceKey, into: &text)
            }
            if !edge.attributes.isEmpty {
                for (name, key) in extraKeys { if let value = edge.attributes[name] { attributeValue(value, key: key, into: &text) } }
            }
            text.append("        </attvalues>\n")
            if let color = colorElements[edge.type] { text.append(color) }
            text.append("        <viz:thickness value=\"")
            text.append(weight)
            text.append(edge.polarity == .adversarial ? "\"/>\n        <viz:shape value=\"dashed\"/>\n      </edge>\n"
                                                        : "\"/>\n      </edge>\n")
            try text.checkpoint()
        }
        text.append("    </edges>\n  </graph>\n</gexf>\n")
    }

    private static func attributeValues(_ values: [(String, String)], keys: [String: String], into text: inout ByteText) {
        text.append("        <attvalues>\n")
        for (title, value) in values { attributeValue(value, key: keys[title], into: &text) }
        text.append("        </attvalues>\n")
    }

    /// `<attvalue for="KEY" value="VALUE"/>`, or nothing when the attribute has no key.
    private static func attributeValue(_ value: String, key: String?, into text: inout ByteText) {
        guard let key else { return }
        text.append("          <attvalue for=\"")
        text.append(key)
        text.append("\" value=\"")
        text.appendXML(value)
        text.append("\"/>\n")
    }

    /// Sizes by node id: the finite values of ``GEXFDrawing/nodeSizes`` mapped linearly onto
    /// ``GEXFDrawing/sizeRange`` (all equal: its middle), rounded to 0.01.
    private static func scaledSizes(_ graph: RelationGraph, _ drawing: GEXFDrawing) -> [String: Double] {
        let values = graph.nodes.compactMap { drawing.nodeSizes[$0.id] }.filter(\.isFinite)
        guard let low = values.min(), let high = values.max() else { return [:] }
        let range = drawing.sizeRange
        var sizes: [String: Double] = [:]
        for node in graph.nodes {
            let value = drawing.nodeSizes[node.id].flatMap { $0.isFinite ? $0 : nil } ?? low
            let fraction = high > low ? (value - low) / (high - low) : 0.5
            sizes[node.id] = ((range.lowerBound + fraction * (range.upperBound - range.lowerBound)) * 100).rounded() / 100
        }
        return sizes
    }

    /// Escapes text for XML content and attribute values, as ``GraphMLWriter`` does.
    static func escape(_ value: String) -> String { GraphMLWriter.escape(value) }

    /// A colour from `#RRGGBB` or `#RRGGBBAA`.
    struct RGBA {
        var red: Int, green: Int, blue: Int
        var alpha: Double?

        init?(hex: String) {
            let digits = Array(hex.utf8.drop { $0 == UInt8(ascii: "#") })
            guard digits.count == 6 || digits.count == 8 else { return nil }
            var channels: [Int] = []
            for start in stride(from: 0, to: digits.count, by: 2) {
                guard let high = Self.hexValue(digits[start]), let low = Self.hexValue(digits[start + 1]) else { return nil }
                channels.append(high * 16 + low)
            }
            red = channels[0]
            green = channels[1]
            blue = channels[2]
            alpha = channels.count == 4 ? (Double(channels[3]) / 255 * 1000).rounded() / 1000 : nil
        }

        private static func hexValue(_ byte: UInt8) -> Int? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A")) + 10
            default: return nil
            }
        }

        /// `<viz:color r="0" g="114" b="178"/>`.
        var element: String {
            var text = "<viz:color r=\"\(red)\" g=\"\(green)\" b=\"\(blue)\""
            if let alpha { text += " a=\"\(TextFormat.number(alpha))\"" }
            return text + "/>"
        }
    }
}
