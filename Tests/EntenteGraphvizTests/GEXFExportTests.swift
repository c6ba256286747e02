import Entente
import EntenteGraphviz
import Foundation
import Testing

@Suite struct GEXFExportTests {
    /// Every node of the diagram gets a position; the same layout twice gives the same positions;
    /// neato spreads the nodes out (no two share a point).
    @Test func positionsOfEveryDrawnNode() throws {
        let graph = try realGraph("pakistan")
        let positions = try Renderer.nodePositions(of: Diagram(graph), layout: .neato)
        #expect(Set(positions.keys) == Set(graph.nodes.map(\.id)))
        #expect(positions.values.allSatisfy { $0.x.isFinite && $0.y.isFinite })
        #expect(Set(positions.values).count == graph.nodes.count)
        #expect(try Renderer.nodePositions(of: Diagram(graph), layout: .neato) == positions)
        // dot ranks left to right (rankdir=LR): a node and its neighbour on the next rank differ in x.
        let dot = try Renderer.nodePositions(of: Diagram(graph), layout: .dot)
        #expect(Set(dot.values.map(\.x)).count > 1)
    }

    /// A view draws (and positions) only its nodes; hostile ids come back as they are.
    @Test func positionsOfAViewAndOfHostileIds() throws {
        let graph = try hostileGraph()
        let view = GraphView(graph).ego(around: 0, depth: 1)
        let positions = try Renderer.nodePositions(of: try Diagram(graph, showing: RelationFilter(polarities: [.cooperative, .adversarial], around: graph.nodes[0].id)), layout: .fdp)
        #expect(Set(positions.keys) == Set(view.nodeIndices.map { graph.nodes[$0].id }))
        #expect(Set(try Renderer.nodePositions(of: Diagram(graph), layout: .circo).keys) == Set(hostileNames))
    }

    /// The GEXF colours are the diagram's: each type's edge colour, the node outline colour.
    @Test func coloursComeFromTheStyle() throws {
        let graph = try realGraph("awaam-agenda")
        var style = DiagramStyle()
        style.typeColors[.security] = "#000000"
        let drawing = GEXFDrawing(graph, style: style)
        #expect(drawing.typeColors.count == graph.relationTypes.count)
        for type in graph.relationTypes { #expect(drawing.typeColors[type] == style.color(of: type, in: graph)) }
        #expect(drawing.typeColors[.security] == "#000000")
        #expect(drawing.nodeColor == "#333333")
        let text = try GEXFWriter.write(graph, drawing: drawing)
        #expect(text.contains("<viz:color r=\"0\" g=\"114\" b=\"178\"/>"))
    }
}
