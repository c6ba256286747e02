import CGraphviz
import Entente

extension GEXFDrawing {
    /// A GEXF drawing with a diagram's colours: each relation type of the graph gets the colour its
    /// edges have in a diagram (``DiagramStyle/color(of:in:)``), nodes the style's outline colour.
    ///
    /// - Parameters:
    ///   - graph: the graph to write.
    ///   - style: the diagram style whose colours to use.
    ///   - positions: node positions by node id, from ``Renderer/nodePositions(of:layout:)``.
    public init(_ graph: RelationGraph, style: DiagramStyle = DiagramStyle(), positions: [String: NodePosition] = [:]) {
        var colors: [RelationType: String] = [:]
        for type in graph.relationTypes { colors[type] = style.color(of: type, in: graph) }
        self.init(typeColors: colors, nodeColor: style.nodeLineColor, positions: positions)
    }
}

extension Renderer {
    /// Lays a diagram out with Graphviz, in process, and returns where each drawn node stands, by
    /// node id: the centre of the node in points, y growing upwards, as Graphviz's `pos` attribute
    /// gives it, rounded to 0.01 point.
    ///
    /// The layout is the one ``render(_:as:layout:)`` draws for the same diagram and engine.
    ///
    /// - Throws: ``GraphvizError/unavailableLayout(_:available:)``, ``GraphvizError/layoutFailed(_:)``
    ///   or ``GraphvizError/invalidSource(_:)`` with Graphviz's message.
    /// - Complexity: that of the Graphviz layout engine, plus O(V).
    public static func nodePositions(of diagram: Diagram, layout: LayoutEngine = .standard) throws(GraphvizError) -> [String: NodePosition] {
        let source = diagram.source(layout: layout)
        let nodes = diagram.view.graph.nodes
        let apart = diagram.nodesSetApart
        let gap = diagram.style.isolatedNodeGap
        return try Graphviz.withLayout(of: source, engine: layout) { graph, _ throws(GraphvizError) -> [String: NodePosition] in
            if !apart.isEmpty { graph.setApart(apart, gap: gap, minimumRowWidth: Renderer.isolatedRowWidth) }
            var positions: [String: NodePosition] = [:]
            for (index, x, y) in graph.nodeCoordinates() where nodes.indices.contains(index) {
                // Graphviz computes to about 0.01 point; more digits are noise in a file.
                positions[nodes[index].id] = NodePosition(x: (x * 100).rounded() / 100, y: (y * 100).rounded() / 100)
            }
            return positions
        }
    }
}

extension OwnedGraph {
    /// The laid-out position of every node that carries a diagram id (`node-N`), with its graph index N.
    func nodeCoordinates() -> [(index: Int, x: Double, y: Double)] {
        var name = Array("id".utf8CString)
        let symbol = name.withUnsafeMutableBufferPointer { agattr(pointer, ENTENTE_AGNODE, $0.baseAddress, nil) }
        guard let symbol else { return [] }
        var coordinates: [(index: Int, x: Double, y: Double)] = []
        var node = agfstnode(pointer)
        while let current = node {
            if let value = agxget(UnsafeMutableRawPointer(current), symbol) {
                let id = String(cString: value)
                if id.hasPrefix("node-"), let index = Int(id.dropFirst(5)) {
                    coordinates.append((index, entente_nd_x(current), entente_nd_y(current)))
                }
            }
            node = agnxtnode(pointer, current)
        }
        return coordinates
    }
}
