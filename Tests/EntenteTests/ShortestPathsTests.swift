import Foundation
import Testing
@testable import Entente

/// Relative closeness of two costs for comparisons with networkx (summation order may differ).
private func close(_ a: Double, _ b: Double) -> Bool {
    a == b || abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1)
}

/// One case of `paths.json` with its analysed graph built as the fixture README says.
private struct PathCase: CustomStringConvertible {
    let json: [String: Any]
    let graph: RelationGraph
    let adjacency: WeightedAdjacency

    init(_ json: [String: Any]) throws {
        self.json = json
        graph = try fixtureGraph(try #require(json["graph"] as? String))
        let types = (json["types"] as? [String]).map { Set($0.map { RelationType($0) }) }
        let filter = RelationFilter.analysis(types: types, includeAdversarial: json["includeAdversarial"] as? Bool ?? false)
        let metricName = try #require(json["metric"] as? String)
        let metric = try #require(EdgeMetric(rawValue: metricName))
        adjacency = WeightedAdjacency(GraphView(graph, filter: filter), metric: metric)
    }

    func local(_ key: String) throws -> Int {
        let id = try #require(json[key] as? String)
        return try #require(graph.index(of: id).flatMap(adjacency.view.localIndex(ofNode:)))
    }

    func ids(_ path: GraphPath) -> [String] { path.nodes.map { graph.nodes[$0].id } }

    var description: String {
        "\(json["graph"] ?? "") \(json["from"] ?? "")→\(json["to"] ?? "") \(json["metric"] ?? "")"
            + " adversarial=\(json["includeAdversarial"] ?? "") types=\(json["types"] ?? "")"
    }

    /// Whether a path is simple, joins `from` to `to` along view edges, and costs what it says.
    func isValid(_ path: GraphPath, from: Int, to: Int) -> Bool {
        let view = adjacency.view
        guard path.nodes.first == view.nodeIndices[from], path.nodes.last == view.nodeIndices[to],
              Set(path.nodes).count == path.nodes.count, path.edges.count == path.nodes.count - 1 else { return false }
        var total = 0.0
        for (hop, edgeIndex) in path.edges.enumerated() {
            guard view.edgeIndices.contains(edgeIndex) else { return false }
            let edge = graph.edges[edgeIndex]
            let (a, b) = (path.nodes[hop], path.nodes[hop + 1])
            let joins = (edge.sourceIndex == a && edge.targetIndex == b) || (!graph.isDirected && edge.sourceIndex == b && edge.targetIndex == a)
            guard joins else { return false }
            total += adjacency.metric.cost(ofWeight: edge.weight)
        }
        return close(total, path.cost)
    }
}

private func pathCases() throws -> [PathCase] {
    let root = try #require(try fixtureJSON("paths.json") as? [String: Any])
    let cases = try #require(root["cases"] as? [[String: Any]])
    return try cases.map(PathCase.init)
}

@Test func distancesAndSinglePathsMatchNetworkx() throws {
    let cases = try pathCases()
    #expect(cases.count == 31)
    for item in cases {
        let from = try item.local("from"), to = try item.local("to")
        let path = item.adjacency.shortestPath(from: from, to: to)
        let distance = item.adjacency.distances(from: from)[to]
        if let expected = item.json["distance"] as? Double {
            #expect(close(distance, expected), "\(item): distance \(distance), expected \(expected)")
            let found = try #require(path, "\(item): no path")
            #expect(close(found.cost, expected), "\(item): cost \(found.cost)")
            #expect(item.isValid(found, from: from, to: to), "\(item): invalid \(item.ids(found))")
            let all = (item.json["all"] as? [[String]]) ?? []
            #expect(all.contains(item.ids(found)), "\(item): \(item.ids(found)) is not one of \(all)")
        } else {
            #expect(distance == .infinity, "\(item)")
            #expect(path == nil, "\(item)")
        }
    }
}

@Test func allShortestPathsMatchNetworkx() throws {
    for item in try pathCases() {
        let from = try item.local("from"), to = try item.local("to")
        let expected = try #require(item.json["all"] as? [[String]])
        let found = item.adjacency.allShortestPaths(from: from, to: to)
        #expect(Set(found.map(item.ids)) == Set(expected), "\(item)")
        // Sorted like Python's sorted() of the id lists.
        #expect(found.map(item.ids) == expected, "\(item)")
        for path in found { #expect(item.isValid(path, from: from, to: to), "\(item): \(item.ids(path))") }
    }
}

@Test func kShortestPathsMatchNetworkx() throws {
    for item in try pathCases() {
        let from = try item.local("from"), to = try item.local("to")
        let k = try #require(item.json["k"] as? Int)
        let expected = try #require(item.json["kShortest"] as? [[String: Any]])
        let tieAtCutoff = try #require(item.json["kShortestTieAtCutoff"] as? Bool)
        let found = item.adjacency.kShortestPaths(from: from, to: to, k: k)
        let expectedCosts = expected.compactMap { $0["cost"] as? Double }
        let expectedNodes = expected.compactMap { $0["nodes"] as? [String] }
        #expect(found.count == expected.count, "\(item): \(found.map(item.ids))")
        guard found.count == expected.count else { continue }
        #expect(zip(found.map(\.cost), expectedCosts).allSatisfy { close($0, $1) }, "\(item): \(found.map(\.cost))")
        for path in found { #expect(item.isValid(path, from: from, to: to), "\(item): \(item.ids(path))") }
        #expect(zip(found.dropFirst(), found).allSatisfy { $0.cost >= $1.cost || pathCostsTie($0.cost, $1.cost) })
        // Groups of equal cost compare as sets, except a group cut off at k.
        var start = 0
        while start < expectedCosts.count {
            var end = start + 1
            while end < expectedCosts.count && close(expectedCosts[end], expectedCosts[start]) { end += 1 }
            if !(tieAtCutoff && end == expectedCosts.count) {
                #expect(Set(found[start..<end].map(item.ids)) == Set(expectedNodes[start..<end]), "\(item): group \(start)")
            }
            start = end
        }
    }
}

@Test func singleSourceDistancesMatchNetworkx() throws {
    let root = try #require(try fixtureJSON("paths.json") as? [String: Any])
    let cases = try #require(root["singleSource"] as? [[String: Any]])
    #expect(cases.count == 3)
    for json in cases {
        let item = try PathCase(json)
        let distances = item.adjacency.distances(from: try item.local("from"))
        let expected = try #require(json["distances"] as? [String: Double])
        for (local, distance) in distances.enumerated() {
            let id = item.adjacency.view.node(at: local).id
            if let value = expected[id] {
                #expect(close(distance, value), "\(item): \(id) \(distance) expected \(value)")
            } else {
                #expect(distance == .infinity, "\(item): \(id) should be unreachable")
            }
        }
    }
}

// MARK: - Hand-checked graphs

/// A graph from `(source, target, type, weight, polarity)` rows; nodes named by first appearance.
private func graph(directed: Bool = false, _ rows: [(String, String, RelationType, Double, Polarity)]) throws -> RelationGraph {
    var graph = RelationGraph(name: "test", directed: directed)
    for (source, target, type, weight, polarity) in rows {
        for id in [source, target] where graph.index(of: id) == nil { try graph.addNode(Node(id: id)) }
        try graph.addEdge(from: source, to: target, type: type, weight: weight, polarity: polarity)
    }
    return graph
}

private func ids(_ path: GraphPath?, in graph: RelationGraph) -> [String] {
    (path?.nodes ?? []).map { graph.nodes[$0].id }
}

@Test func parallelEdgesUseTheCheapest() throws {
    let g = try graph([("A", "B", .economic, 1, .cooperative), ("A", "B", .security, 4, .cooperative),
                       ("B", "C", .cultural, 2, .cooperative)])
    let strength = WeightedAdjacency(g.view(.cooperative), metric: .strength)
    let path = try #require(strength.shortestPath(from: 0, to: 2))
    #expect(path.edges == [1, 2])  // security 4 costs 1/4, less than economic 1
    #expect(path.cost == 0.25 + 0.5)
    #expect(path.hops == 2)
    let length = WeightedAdjacency(g.view(.cooperative), metric: .length)
    let short = try #require(length.shortestPath(from: 0, to: 2))
    #expect(short.edges == [0, 2])
    #expect(short.cost == 3)
}

@Test func adversarialEdgesAreLeftOutByDefault() throws {
    let g = try graph([("A", "B", .security, 5, .adversarial), ("A", "C", .economic, 1, .cooperative),
                       ("C", "B", .economic, 1, .cooperative)])
    let cooperative = WeightedAdjacency(g.view(.analysis()), metric: .hops)
    #expect(ids(cooperative.shortestPath(from: 0, to: 1), in: g) == ["A", "C", "B"])
    let all = WeightedAdjacency(g.view(.analysis(includeAdversarial: true)), metric: .hops)
    let direct = try #require(all.shortestPath(from: 0, to: 1))
    #expect(ids(direct, in: g) == ["A", "B"])
    #expect(direct.edges == [0])
}

@Test func directedGraphsFollowEdgeDirection() throws {
    let g = try graph(directed: true, [("A", "B", .economic, 1, .cooperative), ("B", "C", .economic, 1, .cooperative),
                                       ("C", "A", .economic, 1, .cooperative)])
    let adjacency = WeightedAdjacency(g.view(), metric: .length)
    #expect(ids(adjacency.shortestPath(from: 0, to: 2), in: g) == ["A", "B", "C"])
    #expect(ids(adjacency.shortestPath(from: 2, to: 1), in: g) == ["C", "A", "B"])
    #expect(adjacency.distances(from: 1) == [2, 0, 1])
    #expect(adjacency.kShortestPaths(from: 0, to: 2, k: 5).count == 1)
    let sink = try graph(directed: true, [("A", "B", .economic, 1, .cooperative)])
    let oneWay = WeightedAdjacency(sink.view(), metric: .strength)
    #expect(oneWay.shortestPath(from: 1, to: 0) == nil)
    #expect(oneWay.allShortestPaths(from: 1, to: 0).isEmpty)
    #expect(oneWay.kShortestPaths(from: 1, to: 0, k: 3).isEmpty)
    #expect(oneWay.distances(from: 1) == [.infinity, 0])
}

@Test func viaIsARouteWithAStop() throws {
    // A - B - C - D, and E hanging off B: through E the route goes out and back through B.
    let g = try graph([("A", "B", .economic, 1, .cooperative), ("B", "C", .economic, 2, .cooperative),
                       ("C", "D", .economic, 3, .cooperative), ("B", "E", .economic, 4, .cooperative)])
    let adjacency = WeightedAdjacency(g.view(), metric: .length)
    let route = try #require(adjacency.shortestPath(from: 0, via: 4, to: 3))
    #expect(ids(route, in: g) == ["A", "B", "E", "B", "C", "D"])
    #expect(route.cost == 1 + 4 + 4 + 2 + 3)
    #expect(route.edges == [0, 3, 3, 1, 2])
    #expect(adjacency.shortestPath(from: 0, via: 0, to: 3) == adjacency.shortestPath(from: 0, to: 3))
    #expect(adjacency.shortestPath(from: 0, via: 3, to: 3) == adjacency.shortestPath(from: 0, to: 3))
    let split = try graph([("A", "B", .economic, 1, .cooperative), ("C", "D", .economic, 1, .cooperative)])
    let apart = WeightedAdjacency(split.view(), metric: .length)
    #expect(apart.shortestPath(from: 0, via: 2, to: 3) == nil)
    #expect(apart.shortestPath(from: 0, via: 1, to: 3) == nil)
}

@Test func sourceEqualToTargetIsAZeroLengthPath() throws {
    let g = try graph([("A", "B", .economic, 2, .cooperative)])
    let adjacency = WeightedAdjacency(g.view(), metric: .strength)
    let expected = GraphPath(nodes: [1], edges: [], cost: 0)
    #expect(adjacency.shortestPath(from: 1, to: 1) == expected)
    #expect(adjacency.shortestPath(from: 1, to: 1)?.hops == 0)
    #expect(adjacency.allShortestPaths(from: 1, to: 1) == [expected])
    #expect(adjacency.kShortestPaths(from: 1, to: 1, k: 4) == [expected])
    #expect(adjacency.shortestPath(from: 1, via: 1, to: 1) == expected)
}

@Test func decimalSumsWithinToleranceTie() throws {
    // 0.1 + 0.2 is 0.30000000000000004 in Double, not 0.3: within 1e-10 relative, so a tie.
    let g = try graph([("A", "B", .economic, 0.1, .cooperative), ("B", "C", .economic, 0.2, .cooperative),
                       ("A", "C", .economic, 0.3, .cooperative)])
    let adjacency = WeightedAdjacency(g.view(), metric: .length)
    let all = adjacency.allShortestPaths(from: 0, to: 2)
    #expect(all.map { ids($0, in: g) } == [["A", "B", "C"], ["A", "C"]])
    #expect(all.map(\.cost) == [0.1 + 0.2, 0.3])
    // One path: the smaller local index sequence among the tied ones, [0, 1, 2] before [0, 2].
    #expect(ids(adjacency.shortestPath(from: 0, to: 2), in: g) == ["A", "B", "C"])
    let k = adjacency.kShortestPaths(from: 0, to: 2, k: 3)
    #expect(k.map { ids($0, in: g) } == [["A", "B", "C"], ["A", "C"]])
    #expect(pathCostsTie(0.1 + 0.2, 0.3))
    #expect(!pathCostsTie(0.3, 0.3000001))
}

@Test func tiesAreBrokenByNodeIndex() throws {
    // A square A-B-D and A-C-D, all weights 1: two tied paths; the lower index (B) comes first.
    let g = try graph([("A", "C", .economic, 1, .cooperative), ("C", "D", .economic, 1, .cooperative),
                       ("A", "B", .economic, 1, .cooperative), ("B", "D", .economic, 1, .cooperative)])
    // Nodes in order of appearance: A 0, C 1, D 2, B 3.
    for metric in EdgeMetric.allCases {
        let adjacency = WeightedAdjacency(g.view(), metric: metric)
        #expect(ids(adjacency.shortestPath(from: 0, to: 2), in: g) == ["A", "C", "D"])
        #expect(adjacency.kShortestPaths(from: 0, to: 2, k: 2).map { ids($0, in: g) } == [["A", "C", "D"], ["A", "B", "D"]])
        // allShortestPaths sorts by ids instead.
        #expect(adjacency.allShortestPaths(from: 0, to: 2).map { ids($0, in: g) } == [["A", "B", "D"], ["A", "C", "D"]])
    }
}

@Test func kShortestPathsAreLooplessAndAscending() throws {
    let g = try fixtureGraph("karate")
    let adjacency = WeightedAdjacency(g.view(), metric: .strength)
    let paths = adjacency.kShortestPaths(from: 0, to: 33, k: 20)
    #expect(paths.count == 20)
    #expect(Set(paths).count == 20)
    for path in paths { #expect(Set(path.nodes).count == path.nodes.count) }
    #expect(zip(paths.dropFirst(), paths).allSatisfy { $0.cost >= $1.cost || pathCostsTie($0.cost, $1.cost) })
    #expect(paths.first?.cost == adjacency.distances(from: 0)[33])
}
