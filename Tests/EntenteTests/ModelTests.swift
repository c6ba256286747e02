import Testing
@testable import Entente

@Suite struct ModelTests {
    @Test func lookupByIdLabelAliasIgnoringCase() throws {
        let graph = try sampleGraph()
        #expect(try graph.resolve("PAK") == 0)
        #expect(try graph.resolve("pakistan") == 0)
        #expect(try graph.resolve("islamic republic of PAKISTAN") == 0)
        #expect(try graph.resolve("prc") == 1)
        #expect(try graph.resolve("中国") == 5)
    }

    @Test func unknownNameSuggestsTheClosest() throws {
        let graph = try sampleGraph()
        #expect(throws: GraphError.noSuchNode(name: "Pakistn", file: "g.json", suggestions: ["PAK (Pakistan)"])) {
            try graph.resolve("Pakistn", file: "g.json")
        }
        let error = GraphError.noSuchNode(name: "Pakistn", file: "g.json", suggestions: ["PAK (Pakistan)"])
        // A query error: nothing is wrong in g.json, so no location; the graph asked is graphFile.
        #expect(error.description == "no node named 'Pakistn'; did you mean PAK (Pakistan)?")
        #expect(error.location == nil)
        #expect(error.graphFile == "g.json")
        #expect(throws: GraphError.noSuchNode(name: "Zzzzzzzz", file: nil, suggestions: [])) { try graph.resolve("Zzzzzzzz") }
    }

    @Test func ambiguousNamesAreReported() throws {
        var graph = RelationGraph()
        try graph.addNode(Node(id: "A", label: "Congo"))
        try graph.addNode(Node(id: "B", label: "Congo"))
        #expect(throws: GraphError.ambiguousNode(name: "congo", file: nil, matches: ["A (Congo)", "B (Congo)"])) {
            try graph.resolve("congo")
        }
    }

    @Test func invalidEdgesAreRejected() throws {
        var graph = RelationGraph()
        try graph.addNode(Node(id: "A"))
        try graph.addNode(Node(id: "B"))
        for weight in [0, -1, Double.nan, .infinity] {
            #expect(throws: GraphError.self) { try graph.addEdge(Edge(source: graph.nodes[0].id, target: graph.nodes[1].id, weight: weight)) }
        }
        #expect(throws: GraphError.selfLoop(nil, id: "A")) { try graph.addEdge(Edge(source: "A", target: "A")) }
        #expect(throws: GraphError.unknownNode(nil, id: "C")) { try graph.addEdge(from: "A", to: "C") }
        #expect(throws: GraphError.duplicateNode(nil, id: "A")) { try graph.addNode(Node(id: "A")) }
        #expect(graph.edges.isEmpty)
    }

    @Test func filtersKeepNodesAndDropEdges() throws {
        let graph = try sampleGraph()
        let cooperative = graph.view(.cooperative)
        #expect(cooperative.nodeCount == 6)
        #expect(cooperative.edgeCount == 4)
        let economic = graph.view(RelationFilter(types: [.economic]))
        #expect(economic.edgeIndices == [0])
        let blocs = graph.view(RelationFilter(polarities: [.cooperative, .adversarial], kinds: [.state]))
        #expect(blocs.nodeCount == 5)
        #expect(blocs.edgeIndices == [0, 1, 2, 4])
        #expect(blocs.localIndex(ofNode: 3) == nil)
        #expect(blocs.localIndex(ofNode: 4) == 3)
    }

    @Test func egoNetwork() throws {
        let graph = try sampleGraph()
        let ego = graph.view().ego(around: 1, depth: 1)
        #expect(ego.nodeIndices == [0, 1])
        #expect(ego.edgeIndices == [0, 1])
        let wider = graph.view().ego(around: 1, depth: 2)
        #expect(wider.nodeIndices == [0, 1, 2, 3])
        let sub = wider.subgraph()
        #expect(sub.nodes.map(\.id) == ["PAK", "CHN", "IND", "SAARC"])
        #expect(sub.edges.count == 4)
    }

    @Test func summaryCounts() throws {
        let summary = GraphSummary(try sampleGraph())
        #expect(summary.nodeCount == 6)
        #expect(summary.edgeCount == 5)
        #expect(summary.components == 2)
        #expect(try EntenteJSONEncoder().encode(summary) == """
        {"name":"Sample \\"relations\\"","directed":false,"nodes":6,"edges":5,"types":{"economic":1,"security":2,\
        "cultural":1,"membership":1},"polarities":{"cooperative":4,"adversarial":1},"kinds":{"state":5,"bloc":1,\
        "organization":0},"components":2,"sources":[{"id":"s1","title":"Seed","file":"000.txt"},\
        {"id":"r1","title":"Ref","citation":"A book"}]}
        """)
    }

    @Test func adjacencyMergesParallelEdges() throws {
        let graph = try sampleGraph()
        let adjacency = WeightedAdjacency(graph.view(.everything), metric: .strength)
        // PAK's arcs: CHN (economic 5 + security 4.5), IND, SAARC.
        let row = adjacency.offsets[0]..<adjacency.offsets[1]
        #expect(row.count == 3)
        #expect(adjacency.targets[row.lowerBound] == 1)
        #expect(adjacency.weights[row.lowerBound] == 9.5)
        #expect(adjacency.costs[row.lowerBound] == 0.2)
        #expect(adjacency.edgeIndices[row.lowerBound] == 0)
    }
}
