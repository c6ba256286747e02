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
        let view = graph.subgraph(filter)
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
