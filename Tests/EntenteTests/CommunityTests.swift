import Foundation
import Testing
@testable import Entente

// References: Fixtures/communities.json, written by Fixtures/make_community_fixtures.py (networkx,
// igraph, leidenalg); see Fixtures/README.md.

private let unsignedGraphs = ["karate", "lesmis", "florentine", "pakistan", "ba1000", "directed"]
private let signedGraphs = ["pakistan", "relations", "signed"]
/// How far below the reference modularity an optimiser may land.
private let slack = 0.005

/// A fixture graph, or Graphs/pakistan.json.
private func communityGraph(_ name: String) throws -> RelationGraph {
    guard name == "pakistan" else { return try fixtureGraph(name) }
    let url = packageRootDirectory.appendingPathComponent("Graphs/pakistan.json")
    return try NativeJSON.read(Array(try Data(contentsOf: url)), file: "pakistan.json")
}

/// The `unsigned` or `signed` entry of a graph in communities.json.
private func reference(_ kind: String, _ name: String) throws -> [String: Any] {
    let root = try #require(try fixtureJSON("communities.json") as? [String: Any])
    let entries = try #require(root[kind] as? [String: Any])
    return try #require(entries[name] as? [String: Any])
}

/// A recorded optimiser result: its modularity and communities.
private func recorded(_ entry: Any?) throws -> (modularity: Double, communities: [[String]]) {
    let object = try #require(entry as? [String: Any])
    return (try #require((object["modularity"] as? NSNumber)?.doubleValue),
            try #require(object["communities"] as? [[String]]))
}

/// Whether every community of a result is connected by the view's cooperative edges.
private func allConnected(_ result: Communities, in view: GraphView) -> Bool {
    var membership = [Int32](repeating: 0, count: view.nodeCount)
    let graph = CommunityGraph(view, signed: false)
    // An isolated node is in no community: it counts as one of its own, and must have no tie.
    var next = Int32(result.count)
    for local in 0..<view.nodeCount {
        if let position = result.community(of: view.node(at: local).id) {
            membership[local] = Int32(position)
        } else {
            guard result.isolated.contains(view.node(at: local).id), graph.offsets[local] == graph.offsets[local + 1] else {
                return false
            }
            membership[local] = next
            next += 1
        }
    }
    return allConnected(membership, in: graph)
}

@Test(arguments: unsignedGraphs)
func modularityOfGivenPartitionsMatchesNetworkx(_ name: String) throws {
    let view = try communityGraph(name).view()
    let partitions = try #require(try reference("unsigned", name)["partitions"] as? [String: [String: Any]])
    #expect(partitions.count >= 4)
    for (label, partition) in partitions {
        let communities = try #require(partition["communities"] as? [[String]])
        let values = try #require(partition["modularity"] as? [String: NSNumber])
        #expect(values.count == 3)
        for (gamma, expected) in values {
            let resolution = try #require(Double(gamma))
            let actual = try view.modularity(of: communities, resolution: resolution)
            #expect(abs(actual - expected.doubleValue) <= 1e-9, "\(name) \(label) γ=\(gamma): \(actual) vs \(expected)")
        }
    }
}

@Test(arguments: signedGraphs)
func signedModularityOfGivenPartitionsMatchesTheLayers(_ name: String) throws {
    let view = try communityGraph(name).view()
    let entry = try reference("signed", name)
    let partitions = try #require(entry["partitions"] as? [String: [String: Any]])
    for (label, partition) in partitions {
        let communities = try #require(partition["communities"] as? [[String]])
        let values = try #require(partition["modularity"] as? [String: NSNumber])
        for (gamma, expected) in values {
            let resolution = try #require(Double(gamma))
            let actual = try view.modularity(of: communities, resolution: resolution, signed: true, signRule: .net)
            #expect(abs(actual - expected.doubleValue) <= 1e-9, "\(name) \(label) γ=\(gamma): \(actual) vs \(expected)")
        }
    }
    // The partitions leidenalg found, too.
    for key in ["leidenalg", "leidenalgNormalisedLayers"] {
        let found = try recorded(entry[key])
        let actual = try view.modularity(of: found.communities, signed: true, signRule: .net)
        #expect(abs(actual - found.modularity) <= 1e-9, "\(name) \(key)")
    }
}

@Test(arguments: unsignedGraphs)
func louvainReachesNetworkxsBest(_ name: String) throws {
    let view = try communityGraph(name).view()
    let louvain = try #require(try reference("unsigned", name)["louvain"] as? [String: Any])
    for (gamma, entry) in louvain {
        let resolution = try #require(Double(gamma))
        let best = try recorded(entry)
        // The recorded partition's modularity, recomputed, is the recorded value.
        #expect(abs(try view.modularity(of: best.communities, resolution: resolution) - best.modularity) <= 1e-9)
        let result = try view.communities(method: .louvain, resolution: resolution)
        #expect(result.modularity >= best.modularity - slack,
                "\(name) γ=\(gamma): Louvain \(result.modularity), networkx best \(best.modularity)")
        #expect(abs(try view.modularity(of: result.communities, resolution: resolution) - result.modularity) <= 1e-12)
    }
}

@Test(arguments: unsignedGraphs)
func leidenReachesLeidenalg(_ name: String) throws {
    let view = try communityGraph(name).view()
    let leiden = try #require(try reference("unsigned", name)["leidenalg"] as? [String: Any])
    for (gamma, entry) in leiden {
        let resolution = try #require(Double(gamma))
        let best = try recorded(entry)
        #expect(abs(try view.modularity(of: best.communities, resolution: resolution) - best.modularity) <= 1e-9)
        let result = try view.communities(method: .leiden, resolution: resolution)
        #expect(result.modularity >= best.modularity - slack,
                "\(name) γ=\(gamma): Leiden \(result.modularity), leidenalg \(best.modularity)")
        #expect(abs(try view.modularity(of: result.communities, resolution: resolution) - result.modularity) <= 1e-12)
        #expect(result.communities.map(\.count).reduce(0, +) == view.nodeCount)
    }
}

/// Whether every community of a membership is connected by the positive ties of the graph.
private func allConnected(_ membership: [Int32], in graph: CommunityGraph) -> Bool {
    var count = 0
    for c in membership { count = max(count, Int(c) + 1) }
    var seen = [Bool](repeating: false, count: membership.count)
    var components = 0
    for root in membership.indices where !seen[root] {
        components += 1
        seen[root] = true
        var stack = [root]
        while let u = stack.popLast() {
            for arc in graph.offsets[u]..<graph.offsets[u + 1] where graph.weights[arc] > 0 {
                let v = Int(graph.targets[arc])
                if !seen[v] && membership[v] == membership[u] {
                    seen[v] = true
                    stack.append(v)
                }
            }
        }
    }
    return components == count
}

@Test(arguments: unsignedGraphs + ["relations", "disconnected", "small"])
func leidenCommunitiesAreConnected(_ name: String) throws {
    // Every single run (the public call keeps the best of several on small graphs).
    let graph = CommunityGraph(try communityGraph(name).view(), signed: false)
    for seed in 0..<5 {
        for resolution in [0.5, 1, 2] {
            let membership = leidenCommunities(graph, resolution: resolution, seed: seed)
            #expect(allConnected(membership, in: graph), "\(name) seed \(seed) γ=\(resolution)")
        }
    }
    let view = try communityGraph(name).view()
    #expect(allConnected(try view.communities(method: .leiden), in: view))
}

@Test func louvainCanDisconnectACommunityAndLeidenDoesNot() throws {
    // Les Misérables at γ = 2: Louvain's run with seed 1 leaves a community in two pieces (a node
    // that joined them moved away later); Leiden's refinement keeps every community connected.
    let view = try fixtureGraph("lesmis").view()
    let graph = CommunityGraph(view, signed: false)
    #expect(!allConnected(louvainCommunities(graph, resolution: 2, seed: 1), in: graph))
    #expect(allConnected(leidenCommunities(graph, resolution: 2, seed: 1), in: graph))
    #expect(allConnected(try view.communities(method: .leiden, resolution: 2, seed: 1), in: view))
}

@Test(arguments: signedGraphs)
func signedReachesLeidenalgsMultiplex(_ name: String) throws {
    let view = try communityGraph(name).view()
    let best = try recorded(try reference("signed", name)["leidenalg"])
    for method in CommunityMethod.allCases {
        let result = try view.communities(method: method, signed: true, signRule: .net)
        #expect(result.signed)
        #expect(result.modularity >= best.modularity - slack,
                "\(name) \(method): signed \(result.modularity), leidenalg \(best.modularity)")
        #expect(abs(try view.modularity(of: result.communities, signed: true, signRule: .net) - result.modularity) <= 1e-12)
    }
}

@Test func signedBlocsSeparateRivals() throws {
    // West and East are rivals; the signed optimum keeps them apart, and the unsigned one, blind to
    // rivalry, need not.
    let view = try fixtureGraph("signed").view()
    let result = try view.communities(signed: true, signRule: .net)
    let west = try #require(result.community(of: "USA"))
    let east = try #require(result.community(of: "RUS"))
    #expect(west != east)
    #expect(result.community(of: "GBR") == west && result.community(of: "DEU") == west)
    #expect(result.community(of: "CHN") == east && result.community(of: "PRK") == east)
}

@Test func sameSeedSamePartitionAndSeedsMatter() throws {
    let view = try fixtureGraph("karate").view()
    let graph = CommunityGraph(try fixtureGraph("ba1000").view(), signed: false)
    for method in CommunityMethod.allCases {
        let first = try view.communities(method: method, seed: 7)
        #expect(first == (try view.communities(method: method, seed: 7)))
        #expect(first.seed == 7)
        #expect(try view.communities(method: method) == view.communities(method: method, seed: Communities.defaultSeed))
        // Single runs: the same seed gives the same partition, and the seed is used.
        var partitions: Set<[Int32]> = []
        for seed in 0..<3 {
            let run = method == .louvain ? louvainCommunities(graph, resolution: 1, seed: seed)
                : leidenCommunities(graph, resolution: 1, seed: seed)
            let again = method == .louvain ? louvainCommunities(graph, resolution: 1, seed: seed)
                : leidenCommunities(graph, resolution: 1, seed: seed)
            #expect(run == again)
            partitions.insert(run)
        }
        #expect(partitions.count > 1, "\(method): three seeds gave one partition; is the seed used?")
    }
}

@Test func resultIsSortedAndEncodesAsDocumented() throws {
    var graph = RelationGraph(name: "two triangles")
    for id in ["F", "E", "D", "C", "B", "A", "G"] { try graph.addNode(Node(id: id, label: id)) }
    for (a, b) in [("A", "B"), ("B", "C"), ("A", "C"), ("D", "E"), ("E", "F"), ("D", "F"), ("C", "D")] {
        try graph.addEdge(from: a, to: b)
    }
    let result = try graph.view().communities(method: .louvain)
    // G has no tie: it forms no community of its own, and is listed apart.
    #expect(result.communities == [["A", "B", "C"], ["D", "E", "F"]])
    #expect(result.isolated == ["G"])
    #expect(result.count == 2)
    #expect(result.community(of: "E") == 1 && result.community(of: "G") == nil && result.community(of: "X") == nil)
    // The modularity of the partition given back without G is the same.
    #expect(try graph.view().modularity(of: result.communities) == result.modularity)
    // Two triangles joined by one edge: 2·(3/7 − (7/14)²) = 5/14.
    #expect(abs(result.modularity - 5.0 / 14) <= 1e-15)
    let expected = #"{"method":"louvain","signed":false,"resolution":1,"seed":0,"modularity":"#
        + TextFormat.number(result.modularity) + #","communities":[["A","B","C"],["D","E","F"]],"isolated":["G"]}"#
    #expect(result.json.rendered(pretty: false) == expected)
    let encoder = JSONEncoder()
    let decoded = try #require(try JSONSerialization.jsonObject(with: encoder.encode(result)) as? [String: Any])
    #expect(decoded["method"] as? String == "louvain")
    #expect(decoded["communities"] as? [[String]] == result.communities)
    #expect(decoded["isolated"] as? [String] == ["G"])
    #expect((decoded["modularity"] as? NSNumber)?.doubleValue == result.modularity)
}

@Test func badInputIsAnError() throws {
    let view = try fixtureGraph("karate").view()
    for bad in [0, -1, .infinity, .nan] {
        #expect(throws: CommunityError.self) { try view.communities(resolution: bad) }
        #expect(throws: CommunityError.self) { try view.modularity(of: [view.nodeIndices.map { view.graph.nodes[$0].id }], resolution: bad) }
    }
    let ids = (0..<34).map(String.init)
    #expect(throws: CommunityError.notAPartition("no node 'x' in the graph analysed")) {
        try view.modularity(of: [ids, ["x"]])
    }
    #expect(throws: CommunityError.notAPartition("node '3' is in two communities")) {
        try view.modularity(of: [ids, ["3"]])
    }
    #expect(throws: CommunityError.notAPartition("node '33' is in no community")) {
        try view.modularity(of: [Array(ids.dropLast())])
    }
    // Only adversarial ties: nothing to build unsigned communities on.
    let rivals = try fixtureGraph("relations").view(RelationFilter(polarities: [.adversarial]))
    #expect(throws: CommunityError.noTies(signed: false)) { try rivals.communities() }
    #expect(try rivals.communities(signed: true).modularity > 0)
}
