import Entente

/// What to draw: a view of a relation graph, its style, title, a path to emphasise and node sizes.
///
/// A diagram is turned into DOT text by ``source(layout:)`` and handed to Graphviz by ``Renderer``.
/// The text is deterministic: nodes and edges in the graph's order, attributes in a fixed order.
/// Each node and edge carries its position in the graph as its SVG `id` (`node-3`, `edge-12`), for
/// styling and scripting the drawing.
///
/// ```swift
/// let analysis = try graph.analysis()
/// let diagram = Diagram(analysis, highlight: try analysis.shortestPath(from: "RUS", to: "EU"),
///                       nodeSizes: try analysis.centrality(.betweenness))
/// let svg = try Renderer.render(diagram, as: .svg)
/// ```
public struct Diagram: Sendable {
    /// The nodes and edges drawn.
    package var view: GraphView
    /// How they look.
    public var style: DiagramStyle
    /// The title over the diagram; `nil` uses ``defaultTitle``, an empty title draws none (no title
    /// row: the legend, if any, starts at the top).
    public var title: String?
    /// A path to emphasise; the rest is faded. `nil` emphasises nothing.
    public var highlight: RelationPath?
    /// A value per node id (a centrality, say) that scales the node's label, and so its shape; nodes
    /// without a value get the smallest size. `nil`: every label has ``DiagramStyle/fontSize``.
    public var nodeSizes: NodeValues?
    /// What the node sizes measure, shown in the legend; `nil` names the measure of ``nodeSizes``
    /// (with its metric for a distance measure).
    public var sizeCaption: String?
    /// What to do with nodes that no drawn edge touches: draw them apart under the rest (the
    /// default) or leave them out.
    public var isolatedNodes: IsolatedNodes = .apart
    /// The filter the view was taken through, which the default title describes.
    public let filter: RelationFilter
    /// Node fills by camp of a structural balance split (frustrated ties marked) or by community;
    /// `nil`: every node has ``DiagramStyle/nodeFillColor``.
    public var nodeColoring: NodeColoring?
    /// The base a diff diagram is drawn against (``init(_:comparedWith:showing:style:title:)``).
    var comparison: ComparisonGraph?
    /// Whether each edge carries its tooltip (ends, facts, evidence). The explorer page leaves it
    /// out of its drawing: its script shows the same text from the data block, which holds the
    /// evidence already, so a page of 7,500 ties does not carry every quote twice.
    package var edgeTooltips = true

    /// Creates a diagram of a graph through a filter (by default everything, adversarial ties dashed).
    ///
    /// - Throws: `GraphError` when the filter names a type or kind the graph lacks, or a centre
    ///   that does not resolve.
    public init(_ graph: RelationGraph, showing filter: RelationFilter = .everything, style: DiagramStyle = DiagramStyle(),
                title: String? = nil, highlight: RelationPath? = nil, nodeSizes: NodeValues? = nil) throws(GraphError) {
        self.init(view: try GraphView(checked: graph, filter: filter), filter: filter, style: style, title: title,
                  highlight: highlight, nodeSizes: nodeSizes)
    }

    /// Creates a diagram of the view an analysis keeps.
    public init(_ analysis: Analysis, style: DiagramStyle = DiagramStyle(), title: String? = nil,
                highlight: RelationPath? = nil, nodeSizes: NodeValues? = nil) {
        self.init(view: analysis.view, filter: analysis.filter, style: style, title: title, highlight: highlight,
                  nodeSizes: nodeSizes)
    }

    /// A diagram of a view as it is (for the package's own tests and tools).
    package init(_ view: GraphView, title: String? = nil) {
        self.init(view: view, filter: .everything, style: DiagramStyle(), title: title, highlight: nil, nodeSizes: nil)
    }

    package init(view: GraphView, filter: RelationFilter, style: DiagramStyle, title: String?, highlight: RelationPath?,
                 nodeSizes: NodeValues?) {
        self.view = view
        self.filter = filter
        self.style = style
        self.title = title
        self.highlight = highlight
        self.nodeSizes = nodeSizes
    }

    /// Checks that the highlighted path is one of the drawn graph: every node by id, every hop by
    /// its position in the graph and the edge there (ends, type, weight, polarity, evidence), so that
    /// a path found in another graph is never drawn over ties it does not have.
    ///
    /// - Throws: ``GraphvizError/pathNotInDiagram(_:)`` naming the first node or tie that is not.
    package func checkHighlight() throws(GraphvizError) {
        guard let highlight else { return }
        let graph = view.graph
        for id in highlight.nodes where graph.index(of: id) == nil { throw .pathNotInDiagram("node \(id)") }
        for hop in highlight.edges where !(graph.edges.indices.contains(hop.index) && graph.edges[hop.index] == hop.edge) {
            throw .pathNotInDiagram("tie \(hop.source)–\(hop.target) \(hop.edge.type) \(TextFormat.number(hop.edge.weight))")
        }
    }

    /// Highlights the shortest path between two drawn nodes, found in the drawn view as `entente
    /// path` finds it, and returns it; `nil` when no path joins them there (the highlight is then
    /// cleared).
    ///
    /// ```swift
    /// var diagram = try Diagram(pakistan, showing: RelationFilter(types: [.economic]))
    /// try diagram.highlightShortestPath(from: "CHN", to: "EU")
    /// ```
    ///
    /// - Parameters:
    ///   - from: the start, by id or label (as `RelationGraph/node(named:)` resolves it).
    ///   - to: the end.
    ///   - polarities: the ties a path may take: by default the cooperative ones, as in an analysis;
    ///     the drawn view's other ties stay drawn but are not walked.
    ///   - metric: how weights become costs.
    /// - Throws: `GraphError/noSuchNode(name:file:suggestions:)` or
    ///   `GraphError/ambiguousNode(name:file:matches:)` for a name, and
    ///   `GraphError/notInView(file:node:reason:)` for a node the diagram does not draw, with the
    ///   reason its filter leaves it out.
    @discardableResult
    public mutating func highlightShortestPath(from: String, to: String, polarities: Set<Polarity> = [.cooperative],
                                               metric: EdgeMetric = .strength) throws(GraphError) -> RelationPath? {
        let graph = view.graph
        for name in [from, to] {
            let index = try graph.resolve(name, file: graph.file)
            if view.localIndex(ofNode: index) == nil {
                throw .notInView(file: nil, node: graph.describe(node: index),
                                 reason: filter.absenceReason(of: index, in: graph))
            }
        }
        var walked = filter
        walked.polarities = filter.polarities.intersection(polarities)
        highlight = try Analysis(graph, filter: walked, metric: metric).shortestPath(from: from, to: to)
        return highlight
    }

    /// The title drawn when ``title`` is `nil`: the graph's name, then what ``filter`` keeps
    /// (`RelationFilter.caption(in:)`), as in `Pakistan's foreign relations: security ties` or
    /// `Pakistan's foreign relations: around India, depth 1`.
    public var defaultTitle: String {
        let name = view.graph.name
        guard let caption = filter.caption(in: view.graph) else { return name }
        return name.isEmpty ? caption : name + ": " + caption
    }

    /// The title drawn: ``title``, or else ``defaultTitle``; empty when none is drawn.
    public var displayedTitle: String { title ?? defaultTitle }

    /// The layout engine used when none is named: neato (``LayoutEngine/standard``) up to
    /// ``DiagramStyle/largeGraphNodeLimit`` drawn nodes, sfdp beyond, where neato takes minutes.
    public var standardLayout: LayoutEngine {
        view.nodeIndices.count <= style.largeGraphNodeLimit ? .standard : .sfdp
    }

    /// The DOT text given to Graphviz for a layout engine (`nil`: ``standardLayout``).
    ///
    /// The layout attributes depend on the diagram's size (see ``DiagramStyle/splineNodeLimit`` and
    /// ``DiagramStyle/largeGraphNodeLimit``), so that large diagrams lay out in seconds.
    ///
    /// - Complexity: O(V + E + total evidence length).
    public func source(layout: LayoutEngine? = nil) -> String {
        let layout = layout ?? standardLayout
        let graph = view.graph
        let highlightedNodes = Set(highlight?.nodes ?? [])
        let highlightedEdges = Set(highlight?.edges.map(\.index) ?? [])
        let fades = highlight != nil
        let omitted = isolatedNodes == .omitted ? Set(isolatedNodeIndices) : []
        let center = egoCenter

        // The graph's name reaches the SVG's comment and <title> and Graphviz's JSON raw: control characters shown.
        var text = (graph.isDirected ? "digraph " : "graph ")
            + DOTWriter.quote(TextFormat.escapingControls(graph.name, keepingLineFeeds: false)) + " {\n"
        var graphAttributes: [(String, String)] = [
            ("fontname", style.fontName), ("bgcolor", "white"), ("pad", "0.3"), ("outputorder", "edgesfirst"),
            ("labelloc", "t"), ("labeljust", "c"),
        ]
        graphAttributes += style.layoutAttributes(for: layout, nodes: view.nodeIndices.count - omitted.count,
                                                  edges: view.edgeIndices.count)
        // Components laid out one by one, so that the isolated nodes the renderer then moves under
        // the drawing do not push the rest about; dot ranks them in its first column instead.
        if !nodesSetApart.isEmpty && layout != .dot { graphAttributes.append(("pack", "true")) }
        if layout == .twopi, let center { graphAttributes.append(("root", graph.nodes[center].id)) }
        text += "  graph \(attributeList(graphAttributes));\n"
        if let legend = legendLabel() { text += "  graph [label=<\(legend)>];\n" }
        text += "  node " + attributeList([
            ("fontname", style.fontName), ("fontsize", TextFormat.number(style.fontSize)), ("style", "filled"),
            ("fillcolor", style.nodeFillColor), ("color", style.nodeLineColor), ("fontcolor", style.nodeLineColor),
            ("penwidth", "1.2"), ("margin", "0.12,0.06"),
        ]) + ";\n"
        text += "  edge " + attributeList([("fontname", style.fontName)]) + ";\n"

        let sizes = fontSizes()
        for nodeIndex in view.nodeIndices where !omitted.contains(nodeIndex) {
            let node = graph.nodes[nodeIndex]
            let emphasised = highlightedNodes.contains(node.id)
            var attributes: [(String, String)] = [
                ("label", drawnLabel(Self.boundedLabel(node.label))), ("kind", node.kind.name),
                ("shape", style.shape(of: node.kind, in: graph)),
            ]
            if style.roundedKinds.contains(node.kind) { attributes.append(("style", "rounded,filled")) }
            if let size = sizes[nodeIndex] { attributes.append(("fontsize", TextFormat.number(size))) }
            if fades && emphasised {
                attributes += [("penwidth", TextFormat.number(1.2 * style.highlightPenFactor)), ("color", "#000000"),
                               ("fontcolor", "#000000")]
            } else if fades {
                attributes += [("color", style.nodeLineColor + style.fadedAlpha), ("fontcolor", style.fadedTextColor)]
            }
            attributes.append(("tooltip", drawnLabel(tooltip(of: node))))
            attributes.append(("id", "node-\(nodeIndex)"))
            comparison?.style(node: nodeIndex, kind: node.kind, attributes: &attributes, style: style)
            nodeColoring?.style(node: node, attributes: &attributes)
            text += "  \(DOTWriter.quote(graphvizName(ofNode: nodeIndex))) \(attributeList(attributes));\n"
        }

        let arrow = graph.isDirected ? "->" : "--"
        let largestWeight = view.edgeIndices.reduce(0.0) { max($0, graph.edges[$1].weight) }
        for edgeIndex in view.edgeIndices {
            let edge = graph.edges[edgeIndex]
            let emphasised = highlightedEdges.contains(edgeIndex)
            let color = style.color(of: edge.type, in: graph)
            var width = style.penWidth(ofWeight: edge.weight, largestWeight: largestWeight)
            if fades && emphasised { width *= style.highlightPenFactor }
            var attributes: [(String, String)] = [
                ("type", edge.type.name), ("weight", TextFormat.number(edge.weight)), ("polarity", edge.polarity.rawValue),
                ("color", fades && !emphasised ? color + style.fadedAlpha : color),
                ("penwidth", TextFormat.number(width)),
            ]
            if edge.polarity == .adversarial { attributes.append(("style", style.adversarialLineStyle)) }
            if let center, layout == .neato || layout == .fdp, edge.sourceIndex == center || edge.targetIndex == center {
                attributes.append(("len", TextFormat.number(style.egoEdgeLength)))
            }
            if graph.isDirected { attributes.append(("arrowsize", "0.7")) }
            if edgeTooltips { attributes.append(("tooltip", drawnLabel(tooltip(of: edge)))) }
            attributes.append(("id", "edge-\(edgeIndex)"))
            comparison?.style(edge: edgeIndex, color: color, attributes: &attributes, style: style)
            nodeColoring?.style(edge: edge, color: color, attributes: &attributes, style: style)
            text += "  \(DOTWriter.quote(graphvizName(ofNode: edge.sourceIndex))) \(arrow) "
            text += "\(DOTWriter.quote(graphvizName(ofNode: edge.targetIndex))) \(attributeList(attributes));\n"
        }
        return text + "}\n"
    }

    /// The name a node has in the Graphviz graph: its id, unless no DOT string reads back as the id
    /// (an odd run of backslashes before a quote whose angle brackets do not nest), which would
    /// merge it with another node, or it holds a control character other than a tab, line feed or
    /// carriage return, which Graphviz writes raw into the SVG's `<title>` (not well-formed XML) and
    /// its JSON (not valid); then the id, control characters shown as `\u{1B}`, with ` #INDEX` after
    /// it, which no other node has. The drawing shows the label and its SVG element the id
    /// `node-INDEX` either way.
    func graphvizName(ofNode index: Int) -> String {
        let id = view.graph.nodes[index].id
        let raw = id.unicodeScalars.contains { $0.properties.generalCategory == .control && !["\t", "\n", "\r"].contains($0) }
        guard raw || DOTWriter.exactQuote(id) == nil else { return id }
        return "\(TextFormat.escapingControls(id, keepingLineFeeds: true)) #\(index)"
    }

    /// The graph index of the centre of an ego view, when the filter has one in the view.
    private var egoCenter: Int? {
        guard let name = filter.center, let node = try? view.graph.node(named: name),
              let index = view.graph.index(of: node.id), view.localIndex(ofNode: index) != nil else { return nil }
        return index
    }

    /// Label sizes by graph node index, scaled from ``nodeSizes`` into ``DiagramStyle/sizedFontRange``.
    private func fontSizes() -> [Int: Double] {
        guard let nodeSizes else { return [:] }
        let graph = view.graph
        let values = view.nodeIndices.compactMap { nodeSizes[graph.nodes[$0].id] }.filter(\.isFinite)
        guard let low = values.min(), let high = values.max() else { return [:] }
        let range = style.sizedFontRange
        var sizes: [Int: Double] = [:]
        for index in view.nodeIndices {
            let value = nodeSizes[graph.nodes[index].id].flatMap { $0.isFinite ? $0 : nil } ?? low
            let fraction = high > low ? (value - low) / (high - low) : 0.5
            sizes[index] = ((range.lowerBound + fraction * (range.upperBound - range.lowerBound)) * 10).rounded() / 10
        }
        return sizes
    }

    /// The peak memory a layout and rendering takes per node and per tie, measured with sfdp (the
    /// standard layout of a large diagram): a star of 25,000 leaves (50,000 nodes and ties) peaks at
    /// 190 MB in 11 s, one of 100,000 at 0.68 GB in 50 s, on the 2-core machine of Benchmarks/.
    public static let estimatedLayoutBytesPerElement = 3_800

    /// What a layout of this diagram would take at its peak, estimated from its nodes and ties
    /// (``estimatedLayoutBytesPerElement`` each).
    public var estimatedLayoutBytes: Int { Self.estimatedLayoutBytes(nodes: view.nodeCount, ties: view.edgeCount) }

    /// The peak memory a layout of so many nodes and ties would take (``estimatedLayoutBytesPerElement`` each).
    static func estimatedLayoutBytes(nodes: Int, ties: Int) -> Int { (nodes + ties) * estimatedLayoutBytesPerElement }

    /// The seconds a layout takes per node and per tie with sfdp, measured as
    /// ``estimatedLayoutBytesPerElement`` is (11 s for 50,000, 50 s for 200,000).
    public static let estimatedLayoutSecondsPerElement = 0.00025

    /// What a layout of this diagram would take in time, estimated from its nodes and ties.
    public var estimatedLayoutSeconds: Double { Double(view.nodeCount + view.edgeCount) * Self.estimatedLayoutSecondsPerElement }

    /// Throws ``GraphvizError/tooLarge(nodes:ties:limit:)`` when the diagram's nodes and ties are
    /// more than its style's ``DiagramStyle/layoutSizeLimit``.
    func checkLayoutSize() throws(GraphvizError) {
        guard let limit = style.layoutSizeLimit, view.nodeCount + view.edgeCount > limit else { return }
        throw .tooLarge(nodes: view.nodeCount, ties: view.edgeCount, limit: limit)
    }

    /// The most characters of a label drawn in a node; a longer one is cut with an ellipsis, and the
    /// node's tooltip keeps it whole. Graphviz sizes the node to its label: a label of a megabyte made
    /// a drawing too large for cairo's bitmaps, and a PNG came out blank.
    public static let maximumDrawnLabel = 100

    /// The most characters of the title drawn over a diagram (the graph's name and the filter's
    /// caption), and of a type's or kind's name in the legend is ``maximumDrawnLabel``. A name of a
    /// megabyte made cairo abort a PDF (an assertion in its recording surface) and blank a PNG.
    public static let maximumDrawnTitle = 300

    /// The label as drawn: itself, or its first `limit` − 1 characters and `…`.
    static func boundedLabel(_ label: String, limit: Int = maximumDrawnLabel) -> String {
        guard label.utf8.count > limit, label.count > limit else { return label }
        return String(label.prefix(limit - 1)) + "…"
    }

    /// `Pakistan (PAK)`, kind and aliases, one per line.
    private func tooltip(of node: Node) -> String {
        var lines = [node.label == node.id ? node.id : "\(node.label) (\(node.id))", "kind: \(node.kind.name)"]
        if !node.aliases.isEmpty { lines.append("aliases: " + node.aliases.joined(separator: "; ")) }
        return lines.joined(separator: "\n")
    }

    /// The two ends, type, weight and polarity, then each piece of evidence as `source: quote`.
    private func tooltip(of edge: Edge) -> String {
        let graph = view.graph
        let arrow = graph.isDirected ? " → " : " – "
        var lines = [graph.nodes[edge.sourceIndex].label + arrow + graph.nodes[edge.targetIndex].label,
                     "\(edge.type.name), weight \(TextFormat.number(edge.weight)), \(edge.polarity.rawValue)"]
        switch (edge.since, edge.until) {
        case let (since?, until?): lines.append("\(since)–\(until)")
        case let (since?, nil): lines.append("since \(since)")
        case let (nil, until?): lines.append("until \(until)")
        case (nil, nil): break
        }
        for evidence in edge.evidence { lines.append("\(evidence.source): \(evidence.quote)") }
        if let note = edge.note { lines.append("note: \(note)") }
        return lines.joined(separator: "\n")
    }

    /// An HTML-like table: the title, then the legend of the types, polarities and kinds drawn.
    private func legendLabel() -> String? {
        let graph = view.graph
        let heading = displayedTitle
        var rows: [String] = []
        if !heading.isEmpty {
            rows.append("<TR><TD><FONT POINT-SIZE=\"\(TextFormat.number(style.titleFontSize))\"><B>"
                        + escapeHTML(Self.boundedLabel(heading, limit: Self.maximumDrawnTitle)) + "</B></FONT></TD></TR>")
        }
        if style.showsLegend {
            let usedTypes = Set(view.edges.map(\.type))
            let usedPolarities = Set(view.edges.map(\.polarity))
            let usedKinds = Set(view.nodeIndices.map { graph.nodes[$0].kind })
            var typeCells = graph.relationTypes.filter(usedTypes.contains).map { type in
                "<TD><FONT COLOR=\"\(style.color(of: type, in: graph))\">━━━</FONT> \(escapeHTML(Self.boundedLabel(type.name)))</TD>"
            }
            if typeCells.isEmpty { typeCells = ["<TD>no relations</TD>"] }
            var lineCells: [String] = []
            if usedPolarities.contains(.cooperative) { lineCells.append("<TD>━━━ cooperative</TD>") }
            if usedPolarities.contains(.adversarial) {
                lineCells.append("<TD>" + (style.adversarialLineStyle == "dashed" ? "╸ ╸ ╸" : "┈┈┈")
                                 + " adversarial</TD>")
            }
            lineCells.append("<TD>line width: weight</TD>")
            if highlight != nil { lineCells.append("<TD><B>bold</B>: highlighted</TD>") }
            lineCells += comparison?.legendLineCells(edges: view.edgeIndices) ?? []
            var kindCells = graph.nodeKinds.filter(usedKinds.contains).map { kind in
                let shape = style.shape(of: kind, in: graph)
                let described = style.roundedKinds.contains(kind) ? "rounded \(shape)" : shape
                return "<TD>\(escapeHTML(described)): \(escapeHTML(Self.boundedLabel(kind.name)))</TD>"
            }
            if let nodeSizes, !nodeSizes.isEmpty {
                let caption = sizeCaption ?? (nodeSizes.measure.usesMetric
                    ? "\(nodeSizes.measure.rawValue) (\(nodeSizes.metric.rawValue))" : nodeSizes.measure.rawValue)
                kindCells.append("<TD>size: \(escapeHTML(caption))</TD>")
            }
            kindCells += comparison?.legendNodeCells(nodes: view.nodeIndices) ?? []
            for cells in [typeCells, lineCells, kindCells, nodeColoring?.legendCells(view: view) ?? []] where !cells.isEmpty {
                rows.append("<TR><TD><TABLE BORDER=\"0\" CELLSPACING=\"10\" CELLPADDING=\"0\"><TR>"
                            + cells.joined() + "</TR></TABLE></TD></TR>")
            }
        }
        guard !rows.isEmpty else { return nil }
        let size = TextFormat.number(style.legendFontSize)
        return "<FONT POINT-SIZE=\"\(size)\"><TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\" ID=\"legend\">"
            + rows.joined() + "</TABLE></FONT>"
    }

    private func attributeList(_ attributes: [(String, String)]) -> String {
        "[" + attributes.map { "\($0.0)=\(DOTWriter.quote($0.1))" }.joined(separator: ", ") + "]"
    }
}

/// Text for an HTML-like label: `&`, `<`, `>` and `"` as entities, a line feed as `<BR/>`.
func escapeHTML(_ text: String) -> String { MarkupText.graphvizLabel.escape(TextFormat.escapingControls(text, keepingLineFeeds: true)) }

/// A name as Graphviz should draw it, literally: control characters shown as `\u{1B}` (raw, they
/// make SVG that is not well-formed and Graphviz JSON that is not valid), `&` written `&amp;`
/// (Graphviz passes `&lt;` and `&#80;` through to SVG and decodes them for png and pdf, so a label
/// `&#80;&#65;&#75;` would be drawn `PAK`), then escString-escaped (``DOTWriter/escapeLabel(_:)``).
func drawnLabel(_ text: String) -> String {
    DOTWriter.escapeLabel(TextFormat.escapingControls(text, keepingLineFeeds: true).replacingAll("&", with: "&amp;"))
}
