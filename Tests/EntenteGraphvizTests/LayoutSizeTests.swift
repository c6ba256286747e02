import Entente
import EntenteGraphviz
import Testing

/// Layout settings chosen by the size of the drawn view, so that large diagrams render in seconds.
@Suite struct LayoutSizeTests {
    /// A connected graph of `nodes` nodes and about `edgesPerNode` edges per node.
    func graph(nodes: Int, edgesPerNode: Int) throws -> RelationGraph {
        var graph = RelationGraph(name: "sized")
        for index in 0..<nodes { try graph.addNode(Node(id: "n\(index)", label: "n\(index)")) }
        for index in 1..<nodes {
            for step in 1...edgesPerNode where index - step >= 0 {
                try graph.addEdge(from: "n\(index - step)", to: "n\(index)")
            }
        }
        return graph
    }

    /// A graph of exactly `nodes` nodes and `edges` edges: a path, then chords of growing span.
    func graph(nodes: Int, edges: Int) throws -> RelationGraph {
        var graph = RelationGraph(name: "sized")
        for index in 0..<nodes { try graph.addNode(Node(id: "n\(index)", label: "n\(index)")) }
        var added = 0
        for step in 1..<nodes {
            for index in step..<nodes where added < edges {
                try graph.addEdge(from: "n\(index - step)", to: "n\(index)")
                added += 1
            }
        }
        return graph
    }

    func graphAttributes(_ diagram: Diagram, layout: LayoutEngine? = nil) -> String {
        diagram.source(layout: layout).split(separator: "\n").first { $0.hasPrefix("  graph [fontname") }.map(String.init) ?? ""
    }

    @Test func smallDiagramsKeepSplinesAndOverlapRemoval() throws {
        let diagram = try Diagram(try realGraph("pakistan"))
        #expect(diagram.standardLayout == .neato)
        #expect(graphAttributes(diagram).hasSuffix(#"overlap="false", splines="true", sep="+14", esep="+6"];"#))
        // At the limits (40 nodes, 120 edges) still splines; one edge or one node more, none.
        let limit = try Diagram(try graph(nodes: 40, edges: 120))
        #expect(limit.view.nodeCount == 40 && limit.view.edgeCount == 120)
        #expect(graphAttributes(limit).contains(#"splines="true""#))
        for over in [try Diagram(try graph(nodes: 40, edges: 121)), try Diagram(try graph(nodes: 41, edges: 120))] {
            #expect(!graphAttributes(over).contains("splines"), "\(over.view.nodeCount) nodes, \(over.view.edgeCount) edges")
            #expect(graphAttributes(over).contains(#"overlap="false""#))
        }
    }

    @Test func largeDiagramsUseSfdpWithoutOverlapRemovalUnlessALayoutIsNamed() throws {
        let medium = try Diagram(try graph(nodes: 300, edgesPerNode: 2))
        #expect(medium.standardLayout == .neato)
        #expect(graphAttributes(medium).hasSuffix(#"labeljust="c", overlap="false", sep="+14"];"#))
        let large = try Diagram(try graph(nodes: 301, edgesPerNode: 2))
        #expect(large.standardLayout == .sfdp)
        #expect(graphAttributes(large).hasSuffix(#"labeljust="c"];"#))
        #expect(graphAttributes(large, layout: .neato).hasSuffix(#"labeljust="c"];"#))
        #expect(graphAttributes(large, layout: .dot).contains("rankdir"))
        var style = DiagramStyle()
        style.largeGraphNodeLimit = 1000
        var restyled = large
        restyled.style = style
        #expect(restyled.standardLayout == .neato)
        #expect(graphAttributes(restyled).contains(#"overlap="false""#))
    }

    /// A diagram over its style's layout size limit (nodes and ties together) is refused before
    /// Graphviz starts (#23 item 9); at the limit it renders, and `nil` lifts the limit.
    @Test func theLayoutSizeLimitIsCheckedBeforeGraphviz() throws {
        var diagram = try Diagram(try graph(nodes: 10, edges: 15))
        #expect(DiagramStyle().layoutSizeLimit == 250_000)
        diagram.style.layoutSizeLimit = 25
        #expect(try Renderer.render(diagram, as: .svg).count > 1_000)
        diagram.style.layoutSizeLimit = 24
        #expect(throws: GraphvizError.tooLarge(nodes: 10, ties: 15, limit: 24)) { try Renderer.render(diagram, as: .svg) }
        #expect(throws: GraphvizError.tooLarge(nodes: 10, ties: 15, limit: 24)) { try Renderer.render(diagram, as: .html) }
        #expect(GraphvizError.tooLarge(nodes: 1_000_001, ties: 1_000_000, limit: 250_000).description
                == "the diagram has 1,000,001 nodes and 1,000,000 ties, more than the 250,000 together that a layout is "
                + "allowed (DiagramStyle.layoutSizeLimit): Graphviz would need about 7.6 GB; draw a part of it")
        diagram.style.layoutSizeLimit = nil
        #expect(try Renderer.render(diagram, as: .svg).count > 1_000)
        #expect(diagram.estimatedLayoutBytes == 25 * Diagram.estimatedLayoutBytesPerElement)
    }
}
