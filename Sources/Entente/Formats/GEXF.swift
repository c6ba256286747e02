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
        // Fixed fragments, built once: a node's colour line and each attribute's `<attvalue for=…`.
        let nodeColorLine = drawing.nodeColor.flatMap(RGBA.init(hex:)).map { Array(("        " + $0.element + "\n").utf8) }
        let kindKey = nodeKey["kind"].map(attributeValueOpening), aliasesKey = nodeKey["aliases"].map(attributeValueOpening)
        let sizeKey = sizeTitle.flatMap { nodeKey[$0] }.map(attributeValueOpening)
        let nodeExtraKeys = nodeExtras.map { ($0, nodeKey[$0].map(attributeValueOpening)) }
        text.append("    <nodes count=\"\(graph.nodes.count)\">\n")
        for node in graph.nodes {
            text.append("      <node id=\"")
            text.appendXML(node.id)
            text.append("\" label=\"")
            text.appendXML(node.label)
            text.append("\"")
            if node.spells.isEmpty {
                if let since = node.since {
                    text.append(" start=\"")
                    text.append(since)
                    text.append("\"")
                }
                if let until = node.until {
                    text.append(" end=\"")
                    text.append(until)
                    text.append("\"")
                }
            }
            text.append(">\n        <attvalues>\n")
            attributeValue(node.kind.name, opening: kindKey, into: &text)
            if !node.aliases.isEmpty { attributeValue(node.aliases.joined(separator: "|"), opening: aliasesKey, into: &text) }
            if let sizeKey, let value = drawing.nodeSizes[node.id] { attributeValue(TextFormat.number(value), opening: sizeKey, into: &text) }
            if !node.attributes.isEmpty {
                for (name, opening) in nodeExtraKeys { if let value = node.attributes[name] { attributeValue(value, opening: opening, into: &text) } }
            }
            text.append("        </attvalues>\n")
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
            if let nodeColorLine { text.append(nodeColorLine) }
            if !drawing.positions.isEmpty, let position = drawing.positions[node.id] {
                text.append("        <viz:position x=\"\(TextFormat.number(position.x))\" y=\"\(TextFormat.number(position.y))\" z=\"0\"/>\n")
            }
            if !sizes.isEmpty, let size = sizes[node.id] { text.append("        <viz:size value=\"\(TextFormat.number(size))\"/>\n") }
            text.append("      </node>\n")
            try text.checkpoint()
        }
        text.append("    </nodes>\n")

        var colors: [RelationType: RGBA] = [:]
        for (type, hex) in drawing.typeColors { colors[type] = RGBA(hex: hex) }
        text.append("    <edges count=\"\(graph.edges.count)\">\n")
        // The attribute keys of edges, looked up once: `e0`, `e1`… in the order declared above.
        let sinceKey = edgeKey["since"].map(attributeValueOpening), untilKey = edgeKey["until"].map(attributeValueOpening)
        let noteKey = edgeKey["note"].map(attributeValueOpening), evidenceKey = edgeKey["evidence"].map(attributeValueOpening)
        let extraKeys = edgeExtras.map { ($0, edgeKey[$0].map(attributeValueOpening)) }
        // What an edge of a type writes around its values, built once per type met.
        var typeFragments = PerType { EdgeTypeFragments($0, typeKey: edgeKey["type"] ?? "", color: colors[$0]) }
        let polarityOpening = attributeValueOpening(edgeKey["polarity"] ?? "")
        let cooperativeValue = polarityOpening + Array("\(Polarity.cooperative.rawValue)\"/>\n".utf8)
        let adversarialValue = polarityOpening + Array("\(Polarity.adversarial.rawValue)\"/>\n".utf8)
        // Field by field, by index: a copy of each edge (`for edge in`, `enumerated()`) would
        // retain every field of it.
        let edges = graph.edges
        for index in edges.indices {
            let fragments = typeFragments.value(of: edges[index].type)
            // Written twice (weight and thickness), formatted once: a short string, kept inline.
            let weight = TextFormat.number(edges[index].weight)
            text.append("      <edge id=\"")
            text.append(index)
            text.append("\" source=\"")
            text.appendXML(edges[index].source)
            text.append("\" target=\"")
            text.appendXML(edges[index].target)
            text.append("\" weight=\"")
            text.append(weight)
            text.append(fragments.kind)
            if dynamic, let since = edges[index].since {
                text.append(" start=\"")
                text.append(since)
                text.append("\"")
            }
            if dynamic, let until = edges[index].until {
                text.append(" end=\"")
                text.append(until)
                text.append("\"")
            }
            text.append(fragments.values)
            text.append(edges[index].polarity == .adversarial ? adversarialValue : cooperativeValue)
            if let since = edges[index].since { attributeValue(String(since), opening: sinceKey, into: &text) }
            if let until = edges[index].until { attributeValue(String(until), opening: untilKey, into: &text) }
            if let note = edges[index].note { attributeValue(note, opening: noteKey, into: &text) }
            if !edges[index].evidence.isEmpty {
                attributeValue(edges[index].evidence.map { "\($0.source): \($0.quote)" }.joined(separator: "\n"), opening: evidenceKey, into: &text)
            }
            if !edges[index].attributes.isEmpty {
                for (name, opening) in extraKeys { if let value = edges[index].attributes[name] { attributeValue(value, opening: opening, into: &text) } }
            }
            text.append(fragments.drawing)
            text.append(weight)
            text.append(edges[index].polarity == .adversarial ? "\"/>\n        <viz:shape value=\"dashed\"/>\n      </edge>\n"
                                                        : "\"/>\n      </edge>\n")
            try text.checkpoint()
        }
        text.append("    </edges>\n  </graph>\n</gexf>\n")
    }

    /// The fixed text of an edge of one type: from the end of its weight to its first attribute
    /// value, and from the end of its values to its thickness.
    private struct EdgeTypeFragments {
        /// `" kind="TYPE"`.
        var kind: [UInt8]
        /// `>`, the `<attvalues>` opening and the type's value.
        var values: [UInt8]
        /// The `</attvalues>` closing, the type's colour and `<viz:thickness value="`.
        var drawing: [UInt8]

        init(_ type: RelationType, typeKey: String, color: RGBA?) {
            let name = GEXFWriter.escape(type.name)
            kind = Array("\" kind=\"\(name)\"".utf8)
            values = Array(">\n        <attvalues>\n".utf8) + GEXFWriter.attributeValueOpening(typeKey) + Array("\(name)\"/>\n".utf8)
            drawing = Array("        </attvalues>\n\(color.map { "        " + $0.element + "\n" } ?? "")        <viz:thickness value=\"".utf8)
        }
    }

    /// `          <attvalue for="KEY" value="`: what precedes an attribute's value.
    private static func attributeValueOpening(_ key: String) -> [UInt8] {
        Array("          <attvalue for=\"\(key)\" value=\"".utf8)
    }

    /// An attribute value, after its opening; nothing when the attribute has no key.
    private static func attributeValue(_ value: String, opening: [UInt8]?, into text: inout ByteText) {
        guard let opening else { return }
        text.append(opening)
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
