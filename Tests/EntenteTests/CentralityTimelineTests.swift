import Entente
import Testing

/// `Analysis.timeline`: a measure per year through the same filter as `--at`.
@Suite("Centrality timeline")
struct CentralityTimelineTests {
    /// A–B–C holds 2000–2001, C–D from 2001, and nothing in 2002 but a tie ending 2003 between A and D
    /// that starts in 2003 (so 2002 has no tie at all).
    private func yearlyGraph() throws -> RelationGraph {
        var graph = RelationGraph(name: "yearly")
        for id in ["A", "B", "C", "D"] { try graph.addNode(Node(id: id)) }
        try graph.addEdge(Edge(source: "A", target: "B", type: .security, since: 2000, until: 2001))
        try graph.addEdge(Edge(source: "B", target: "C", type: .security, since: 2000, until: 2001))
        try graph.addEdge(Edge(source: "C", target: "D", type: .security, since: 2001, until: 2001))
        try graph.addEdge(Edge(source: "A", target: "D", type: .security, since: 2003, until: 2003))
        return graph
    }

    @Test("betweenness per year equals networkx's on each year's ties; a year without ties is a gap, not 0")
    func betweennessPerYear() async throws {
        // networkx: betweenness_centrality of the ties holding in 2000 (A-B, B-C; D isolated) gives
        // B 1/3; in 2001 (A-B-C-D) B and C 2/3.
        let timeline = try await yearlyGraph().analysis().timeline(.betweenness, years: 2000...2003)
        #expect(timeline.years == [2000, 2001, 2002, 2003])
        #expect(timeline["B", 2000] == 1.0 / 3.0)
        #expect(timeline["B", 2001] == 2.0 / 3.0)
        #expect(timeline["C", 2001] == 2.0 / 3.0)
        #expect(timeline["A", 2000] == 0)
        #expect(timeline["B", 2002] == nil)
        #expect(timeline.gaps.map(\.year) == [2002])
        #expect(timeline.top(2).map(\.id) == ["B", "C"])
        for year in [2000, 2001, 2003] {
            let single = try yearlyGraph().analysis(at: year).centrality(.betweenness)
            for entry in single { #expect(timeline[entry.id, year] == entry.value) }
        }
    }

    @Test("step, bad ranges and edge betweenness")
    func ranges() async throws {
        let analysis = try yearlyGraph().analysis()
        let stepped = try await analysis.timeline(.degree, years: 2000...2003, step: 2)
        #expect(stepped.years == [2000, 2002])
        await #expect(throws: GraphError.self) { try await analysis.timeline(.degree, years: 1990...2001) }
        await #expect(throws: GraphError.self) { try await analysis.timeline(.degree, years: 2000...2001, step: 0) }
        await #expect(throws: GraphError.self) { try await analysis.timeline(.edgeBetweenness, years: 2000...2001) }
    }
}
