import Foundation
import Testing
@testable import Entente

/// `RelationFilter.minimumWeight` (`--min-weight`) and `RelationGraph.scaleWeights` (`--scale-weights`).
@Suite struct WeightFilterTests {
    private func pakistan() throws -> RelationGraph {
        try RelationGraph(contentsOf: packageRootDirectory.appendingPathComponent("Graphs/pakistan.json").path)
    }

    /// Each edge's scaled weight equals pandas' (Fixtures/scaling/make_scaling_fixture.py): the weight
    /// over its type's maximum, and `rank(method="max", pct=True)` within its type.
    @Test(arguments: [WeightScaling.maximum, .rank]) func scalingMatchesPandas(_ scaling: WeightScaling) throws {
        let expected = try #require(try fixtureJSON("scaling/expected.json") as? [String: Any])
        let rows = try #require(expected["edges"] as? [[String: Any]])
        var graph = try pakistan()
        let before = graph.edges
        graph.scaleWeights(scaling)
        #expect(rows.count == graph.edges.count)
        for (row, edge) in zip(rows, graph.edges) {
            #expect(row["source"] as? String == edge.source && row["target"] as? String == edge.target)
            let value = try #require(row[scaling.rawValue] as? Double)
            #expect(abs(edge.weight - value) < 1e-12, "\(edge.source)–\(edge.target) \(edge.type)")
        }
        // Evidence, years and polarity are untouched; the scale differs from the raw weights.
        #expect(graph.edges.map(\.evidence) == before.map(\.evidence))
        #expect(graph.edges.map(\.polarity) == before.map(\.polarity))
        #expect(graph.edges.map(\.weight) != before.map(\.weight))
        #expect(graph.edges.allSatisfy { $0.weight > 0 && $0.weight <= 1 })
    }

    /// The view keeps exactly the edges of at least the minimum weight, and the filter says so.
    @Test func minimumWeightKeepsStrongTies() throws {
        let graph = try pakistan()
        var filter = RelationFilter.everything
        filter.minimumWeight = 4
        let view = try graph.subgraph(filter)
        #expect(view.edges.count == graph.edges.filter { $0.weight >= 4 }.count)
        #expect(view.edges.count > 0 && view.edges.count < graph.edges.count)
        #expect(view.nodes.count == graph.nodes.count)  // edges go, nodes stay
        #expect(filter.description == "edges of weight ≥ 4")
        let analysis = try graph.analysis(minimumWeight: 4)
        #expect(analysis.filter.minimumWeight == 4)
        let path = try analysis.shortestPath(from: "PAK", to: "EU")
        let used = try #require(path).edges
        #expect(!used.isEmpty && used.allSatisfy { $0.edge.weight >= 4 })
    }
}

/// `RelationFilter.period` (`--during`): the network of a period taken as one.
@Suite struct PeriodFilterTests {
    @Test func aPeriodKeepsWhatOverlapsIt() throws {
        var graph = RelationGraph(name: "period")
        try graph.addNode(Node(id: "A", label: "A", since: 1990, until: 1995))
        try graph.addNode(Node(id: "B", label: "B"))
        try graph.addNode(Node(id: "C", label: "C", since: 2000))
        var early = Edge(source: "A", target: "B", type: .security, weight: 5)
        early.since = 1991
        early.until = 1993
        var late = Edge(source: "B", target: "C", type: .security, weight: 5)
        late.since = 2001
        var always = Edge(source: "A", target: "B", type: .economic, weight: 1)
        always.since = nil
        try graph.addEdge(early)
        try graph.addEdge(late)
        try graph.addEdge(always)
        func view(_ years: ClosedRange<Int>) throws -> (nodes: [String], edges: Int) {
            var filter = RelationFilter.everything
            filter.period = years
            let sub = try graph.subgraph(filter)
            return (sub.nodes.map(\.id), sub.edges.count)
        }
        #expect(try view(1993...2001) == (["A", "B", "C"], 3))  // A's last years, C's first: both in
        #expect(try view(1994...1999) == (["A", "B"], 1))       // the 1991–1993 tie ended; only the undated one
        #expect(try view(1996...1999) == (["B"], 0))
        #expect(try view(1985...1990) == (["A", "B"], 1))
        var filter = RelationFilter.everything
        filter.period = 1993...2001
        #expect(filter.description == "edges in 1993–2001")
        #expect(filter.caption(in: graph) == "in 1993–2001")
    }
}
