import Entente
import EntenteGraphviz
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Node fills by camp and by community (`Diagram.nodeColoring`, `entente render --balance` and
/// `--color-by community`).
@Suite struct NodeColoringTests {
    /// The attribute list of the DOT statement whose `id` is `id`.
    private func statement(_ id: String, in source: String) throws -> String {
        try #require(source.split(separator: "\n").first { $0.contains("id=\"\(id)\"") }.map(String.init))
    }

    /// The value of a DOT attribute in a statement.
    private func attribute(_ name: String, of statement: String) -> String? {
        guard let start = statement.range(of: " \(name)=\"") ?? statement.range(of: "[\(name)=\"") else { return nil }
        return String(statement[start.upperBound...].prefix { $0 != "\"" })
    }

    /// Two camps, {A, B} and {C, D}, held apart by two rivalries; A–D is cooperative across them
    /// (economic 3 against security 1 adversarial: net +2), so its two edges are the frustrated tie.
    private func twoCamps() throws -> RelationGraph {
        var graph = RelationGraph(name: "Two camps")
        for id in ["A", "B", "C", "D"] { try graph.addNode(Node(id: id, label: id)) }
        try graph.addEdge(Edge(source: "A", target: "B", type: .economic, weight: 2))
        try graph.addEdge(Edge(source: "C", target: "D", type: .economic, weight: 2))
        try graph.addEdge(Edge(source: "A", target: "C", type: .security, weight: 4, polarity: .adversarial))
        try graph.addEdge(Edge(source: "B", target: "D", type: .security, weight: 4, polarity: .adversarial))
        try graph.addEdge(Edge(source: "B", target: "C", type: .security, weight: 4, polarity: .adversarial))
        try graph.addEdge(Edge(source: "A", target: "D", type: .economic, weight: 3))
        try graph.addEdge(Edge(source: "D", target: "A", type: .security, weight: 1, polarity: .adversarial))
        return graph
    }

    @Test func campsFillTheNodesAndMarkEveryEdgeOfAFrustratedTie() throws {
        let graph = try twoCamps()
        let balance = try graph.structuralBalance(rule: .net)
        #expect(balance.frustration.camps == [["A", "B"], ["C", "D"]])
        #expect(balance.frustration.frustrated == [["A", "D"]])
        var diagram = try Diagram(graph)
        diagram.nodeColoring = .camps(balance)
        let source = diagram.source()
        let fills = NodeColoring.campFills
        for (index, camp) in [0, 0, 1, 1].enumerated() {
            #expect(attribute("fillcolor", of: try statement("node-\(index)", in: source)) == fills[camp], "node-\(index)")
        }
        let security = DiagramStyle().color(of: .security, in: graph)
        let economic = DiagramStyle().color(of: .economic, in: graph)
        for index in 0..<5 {
            let edge = try statement("edge-\(index)", in: source)
            #expect(!edge.contains("label="), "edge-\(index)")
            #expect(!(attribute("color", of: edge) ?? "").contains(":"), "edge-\(index)")
        }
        let cooperative = try statement("edge-5", in: source)
        #expect(attribute("color", of: cooperative) == "#000000:\(economic):#000000")
        #expect(attribute("label", of: cooperative) == "✗")
        let plain = try Diagram(graph).source()
        #expect(attribute("penwidth", of: cooperative) == attribute("penwidth", of: try statement("edge-5", in: plain)))
        let adversarial = try statement("edge-6", in: source)
        #expect(attribute("color", of: adversarial) == "#000000:\(security):#000000")
        #expect(attribute("penwidth", of: adversarial) == "1.4")  // weight 1: at least twice the thinnest
        #expect(attribute("style", of: adversarial) == "dashed")
        #expect(attribute("tooltip", of: adversarial)?.hasPrefix("frustrated: its sign disagrees with the camps\\n") == true)
        for cell in ["camp 0: 2 nodes", "camp 1: 2 nodes", "<B>═══ ✗</B> frustrated tie (1)", "frustration 1 (optimal split)"] {
            #expect(source.contains(cell), "legend lacks \(cell)")
        }
        #expect(source.contains("<TD BGCOLOR=\"\(fills[1])\" BORDER=\"1\" COLOR=\"#333333\" CELLPADDING=\"3\">camp 1: 2 nodes</TD>"))
    }

    @Test func weightedSignsAndAHeuristicSplitAreCaptioned() throws {
        let graph = try twoCamps()
        var balance = try graph.structuralBalance(signs: .weighted, rule: .net)
        var diagram = try Diagram(graph)
        diagram.nodeColoring = .camps(balance)
        #expect(diagram.source().contains("<TD>weighted frustration 2 (optimal split)</TD>"))
        balance.frustration.isExact = false
        diagram.nodeColoring = .camps(balance)
        #expect(diagram.source().contains("<TD>weighted frustration 2: best split found (not proven optimal)</TD>"))
    }

    @Test func aGraphWithoutRivalsIsOneCampWithNothingFrustrated() throws {
        let graph = try realGraph("pakistan")
        let economic = RelationFilter(types: [.economic], polarities: [.cooperative, .adversarial])
        var diagram = try Diagram(graph, showing: economic)
        diagram.nodeColoring = .camps(try graph.structuralBalance(of: economic, rule: .net))
        let source = diagram.source()
        #expect(source.components(separatedBy: "fillcolor=\"\(NodeColoring.campFills[0])\"").count - 1 == graph.nodes.count)
        #expect(!source.contains(NodeColoring.campFills[1]) && !source.contains("✗"))
        #expect(source.contains("camp 0: 14 nodes") && !source.contains("camp 1"))
        #expect(source.contains("<TD>frustration 0 (optimal split)</TD>"))
        #expect(try !Renderer.render(diagram, as: .svg).isEmpty)
    }

    @Test func aNodeOutsideThePartitionKeepsTheDefaultFill() throws {
        let graph = try twoCamps()
        var diagram = try Diagram(graph)
        // The balance of C's economic neighbourhood, {C, D}, drawn over the whole graph.
        let neighbourhood = RelationFilter(types: [.economic], polarities: [.cooperative, .adversarial], around: "C")
        diagram.nodeColoring = .camps(try graph.structuralBalance(of: neighbourhood, rule: .net))
        let source = diagram.source()
        #expect(attribute("fillcolor", of: try statement("node-0", in: source)) == nil)
        #expect(attribute("fillcolor", of: try statement("node-1", in: source)) == nil)
        #expect(attribute("fillcolor", of: try statement("node-2", in: source)) == NodeColoring.campFills[0])
        #expect(attribute("fillcolor", of: try statement("node-3", in: source)) == NodeColoring.campFills[0])
        #expect(source.contains("camp 0: 2 nodes"))
    }

    @Test func communitiesFillTheNodesInTheirOrder() throws {
        let graph = try realGraph("pakistan")
        let blocs = try graph.analysis().communities()
        #expect(blocs.communities == [["CHN", "EU", "IRN", "PAK", "RUS", "TUR"], ["AFG", "IND", "SAARC", "UN", "USA"],
                                      ["ARE", "OIC", "SAU"]])
        var diagram = try Diagram(graph)
        diagram.nodeColoring = .communities(blocs)
        let source = diagram.source()
        for (index, node) in graph.nodes.enumerated() {
            let community = try #require(blocs.community(of: node.id))
            #expect(attribute("fillcolor", of: try statement("node-\(index)", in: source)) == NodeColoring.communityFills[community],
                    "\(node.id)")
        }
        for cell in ["community 1: 6 nodes", "community 2: 5 nodes", "community 3: 3 nodes", "<TD>leiden, modularity 0.1125</TD>"] {
            #expect(source.contains(cell), "legend lacks \(cell)")
        }
        #expect(!source.contains("✗") && !source.contains("other:"))
    }

    @Test func communitiesPastThePaletteShareTheOtherFill() throws {
        // Ten separate pairs: ten communities of two, ordered by their first id (P00, P02, …).
        var graph = RelationGraph(name: "Pairs")
        for index in 0..<20 { try graph.addNode(Node(id: String(format: "P%02d", index), label: String(format: "P%02d", index))) }
        for pair in 0..<10 {
            try graph.addEdge(Edge(source: graph.nodes[2 * pair].id, target: graph.nodes[2 * pair + 1].id, type: .economic, weight: 1))
        }
        let blocs = try graph.analysis().communities()
        #expect(blocs.count == 10)
        var coloring = NodeColoring.communities(blocs)
        #expect(coloring.fill(of: "P00") == NodeColoring.communityFills[0])
        #expect(coloring.fill(of: "P15") == NodeColoring.communityFills[7])
        #expect(coloring.fill(of: "P16") == NodeColoring.defaultOtherFill && coloring.fill(of: "P19") == NodeColoring.defaultOtherFill)
        #expect(coloring.fill(of: "nobody") == nil)
        var diagram = try Diagram(graph)
        diagram.nodeColoring = coloring
        var source = diagram.source()
        #expect(source.contains("community 8: 2 nodes") && !source.contains("community 9"))
        #expect(source.contains(">other: 2 communities, 4 nodes</TD>"))
        // Fills can be replaced; the groups past their end take otherFill.
        coloring.fills = ["#FFFFFF"]
        coloring.otherFill = "#000000"
        diagram.nodeColoring = coloring
        source = diagram.source()
        #expect(source.contains(">other: 9 communities, 18 nodes</TD>"))
        #expect(attribute("fillcolor", of: try statement("node-19", in: source)) == "#000000")
    }

    /// The DOT text of the two diagrams of Graphs/pakistan.json that `entente render --balance` and
    /// `--color-by community` draw. ENTENTE_UPDATE_GOLDEN=1 rewrites the golden files; review their
    /// diff before committing.
    @Test(arguments: ["balance", "communities"])
    func goldenDiagramsOfPakistan(_ name: String) throws {
        let graph = try realGraph("pakistan")
        var diagram = try Diagram(graph)
        diagram.nodeColoring = name == "balance"
            ? .camps(try graph.structuralBalance(rule: .net))
            : .communities(try graph.analysis().communities())
        let source = diagram.source()
        let url = goldenDirectory.appendingPathComponent("pakistan-\(name).dot")
        if ProcessInfo.processInfo.environment["ENTENTE_UPDATE_GOLDEN"] != nil {
            try source.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(source == (try String(contentsOf: url, encoding: .utf8)))
    }

    @Test func svgOfTheBalanceDiagram() throws {
        let graph = try realGraph("pakistan")
        var diagram = try Diagram(graph)
        diagram.nodeColoring = .camps(try graph.structuralBalance(rule: .net))
        let root = try parseSVG(try Renderer.render(diagram, as: .svg))
        // Every node is in camp 0, filled light blue.
        let nodes = svgGroups(root, "node")
        #expect(nodes.count == graph.nodes.count)
        for node in nodes {
            let shape = try #require((node.descendants(named: "ellipse") + node.descendants(named: "polygon")
                                      + node.descendants(named: "path")).first)
            #expect(shape.value(of: "fill")?.uppercased() == NodeColoring.campFills[0])
        }
        // The one frustrated tie, Pakistan–India (edge-0), is three parallel lines with a ✗.
        let edges = svgGroups(root, "edge")
        #expect(edges[0].descendants(named: "path").count == 3)
        #expect(edges[0].descendants(named: "text").compactMap(\.stringValue) == ["✗"])
        #expect(edges.dropFirst().allSatisfy { $0.descendants(named: "text").isEmpty })
        let strings = root.descendants(named: "text").compactMap(\.stringValue)
        for legend in ["camp 0: 14 nodes", " frustrated tie (1)", "frustration 1 (optimal split)"] {
            #expect(strings.contains(legend), "legend lacks \(legend): \(strings)")
        }
    }
}
