import Foundation
import Testing
@testable import Entente

/// One case of `Fixtures/centrality.json` (see Fixtures/README.md).
private struct CentralityCase: CustomStringConvertible {
    var graph: String
    var measure: CentralityMeasure
    var metric: EdgeMetric
    var includeAdversarial: Bool
    var types: [String]?
    var params: [String: Any]
    var values: [String: Double]?
    var error: String?

    var description: String {
        "\(graph) \(measure.rawValue) metric=\(metric) adversarial=\(includeAdversarial) types=\(types ?? []) \(params)"
    }

    /// The adjacency the case runs on.
    func adjacency(of relationGraph: RelationGraph) -> WeightedAdjacency {
        let filter = RelationFilter.analysis(types: types.map { Set($0.map { RelationType($0) }) },
                                          includeAdversarial: includeAdversarial)
        return WeightedAdjacency(GraphView(relationGraph, filter: filter), metric: metric)
    }
}

private let fixtureGraphNames = ["relations", "karate", "florentine", "directed", "disconnected", "small"]

private func centralityCases(of graph: String) throws -> [CentralityCase] {
    let root = try #require(try fixtureJSON("centrality.json") as? [String: Any])
    let entry = try #require(root[graph] as? [String: Any])
    let cases = try #require(entry["cases"] as? [[String: Any]])
    return try cases.map { raw in
        let measureName = try #require(raw["measure"] as? String)
        let measure = try #require(CentralityMeasure(rawValue: measureName))
        let metric = (raw["metric"] as? String).flatMap(EdgeMetric.init(rawValue:)) ?? .hops
        return CentralityCase(graph: graph, measure: measure, metric: metric,
                              includeAdversarial: raw["includeAdversarial"] as? Bool ?? false,
                              types: raw["types"] as? [String], params: raw["params"] as? [String: Any] ?? [:],
                              values: (raw["values"] as? [String: NSNumber])?.mapValues(\.doubleValue),
                              error: raw["error"] as? String)
    }
}

/// Whether two values agree: relative error ≤ 1e-6, or absolute ≤ 1e-9 near zero.
private func close(_ actual: Double, _ expected: Double) -> Bool {
    abs(actual - expected) <= max(1e-9, 1e-6 * abs(expected))
}

/// The values Entente computes for a case, keyed like the fixture.
private func computedValues(_ testCase: CentralityCase, graph: RelationGraph) throws(CentralityError) -> [String: Double] {
    let adjacency = testCase.adjacency(of: graph)
    let view = adjacency.view
    let normalized = testCase.params["normalized"] as? Bool ?? true
    let alpha = (testCase.params["alpha"] as? NSNumber)?.doubleValue
    let beta = (testCase.params["beta"] as? NSNumber)?.doubleValue ?? 1
    let values: [Double]
    switch testCase.measure {
    case .degree: values = adjacency.degreeCentrality()
    case .inDegree: values = try adjacency.directedDegreeCentrality(incoming: true)
    case .outDegree: values = try adjacency.directedDegreeCentrality(incoming: false)
    case .strength: values = adjacency.strength()
    case .closeness: values = adjacency.closenessCentrality()
    case .harmonic: values = adjacency.harmonicCentrality()
    case .betweenness: values = adjacency.betweennessCentrality(normalized: normalized)
    case .eigenvector: values = try adjacency.eigenvectorCentrality()
    case .pagerank: values = try adjacency.pageRank(alpha: alpha ?? 0.85)
    case .katz: values = try adjacency.katzCentrality(alpha: alpha ?? 0.1, beta: beta)
    case .edgeBetweenness:
        var keyed: [String: Double] = [:]
        for entry in adjacency.edgeBetweennessCentrality(normalized: normalized) {
            var ids = [view.node(at: entry.source).id, view.node(at: entry.target).id]
            if !adjacency.isDirected { ids.sort() }
            keyed[ids.joined(separator: "|")] = entry.value
        }
        return keyed
    }
    var keyed: [String: Double] = [:]
    for (index, value) in values.enumerated() { keyed[view.node(at: index).id] = value }
    return keyed
}

@Suite("Centrality against networkx")
struct CentralityTests {
    @Test("every fixture case", arguments: fixtureGraphNames)
    func fixtureCases(graphName: String) throws {
        let graph = try fixtureGraph(graphName)
        let cases = try centralityCases(of: graphName)
        #expect(!cases.isEmpty)
        for testCase in cases {
            if testCase.error == "NetworkXNotImplemented" {
                #expect(testCase.measure.needsDirectedGraph && !graph.isDirected, "\(testCase)")
                #expect(throws: CentralityError.undirectedGraph(measure: testCase.measure.rawValue)) {
                    _ = try computedValues(testCase, graph: graph)
                }
                continue
            }
            if let error = testCase.error {
                #expect(error == "AmbiguousSolution", "\(testCase)")
                #expect(throws: CentralityError.self, "\(testCase) must throw") {
                    _ = try computedValues(testCase, graph: graph)
                }
                do {
                    _ = try computedValues(testCase, graph: graph)
                } catch {
                    guard case .ambiguous(let measure, _) = error else {
                        Issue.record("\(testCase): expected an ambiguity error, got \(error)")
                        continue
                    }
                    #expect(measure == testCase.measure.rawValue)
                }
                continue
            }
            let expected = try #require(testCase.values, "\(testCase)")
            let actual: [String: Double]
            do {
                actual = try computedValues(testCase, graph: graph)
            } catch {
                Issue.record("\(testCase): threw \(error)")
                continue
            }
            #expect(Set(actual.keys) == Set(expected.keys), "\(testCase): keys")
            let wrong = expected.keys.sorted().filter { key in
                guard let value = actual[key], let reference = expected[key] else { return true }
                return !close(value, reference)
            }
            #expect(wrong.isEmpty, "\(testCase): \(wrong.prefix(5).map { "\($0): \(actual[$0] ?? .nan) vs \(expected[$0] ?? .nan)" })")
        }
    }

    @Test("the fixture covers 160 cases")
    func caseCount() throws {
        let total = try fixtureGraphNames.reduce(0) { $0 + (try centralityCases(of: $1)).count }
        #expect(total == 160)
    }

    @Test("Medici lies on half the shortest paths of Florence")
    func medici() throws {
        let graph = try fixtureGraph("florentine")
        let adjacency = WeightedAdjacency(GraphView(graph, filter: .analysis()), metric: .hops)
        let medici = try #require(adjacency.view.localIndex(ofNode: graph.resolve("Medici")))
        let betweenness = adjacency.betweennessCentrality()
        #expect(abs(betweenness[medici] - 0.521978021978022) < 1e-12)
        #expect(betweenness.indices.max { betweenness[$0] < betweenness[$1] } == medici)
    }

    @Test("results are bit-identical from run to run")
    func determinism() throws {
        /// The value computed on all cores and on the calling thread alone.
        func onManyAndOne<Value>(_ compute: () throws -> Value) rethrows -> (many: Value, one: Value) {
            let many = try compute()
            let one = try ParallelWork.$isSerial.withValue(true) { try compute() }
            return (many, one)
        }
        let graph = try fixtureGraph("small")
        let byLength = WeightedAdjacency(GraphView(graph, filter: .analysis()), metric: .length)
        let betweenness = onManyAndOne { byLength.betweennessCentrality() }
        #expect(betweenness.many == betweenness.one)
        let closeness = onManyAndOne { byLength.closenessCentrality() }
        #expect(closeness.many == closeness.one)
        let byHops = WeightedAdjacency(GraphView(graph, filter: .analysis()), metric: .hops)
        let edges = onManyAndOne { byHops.edgeBetweennessCentrality().map(\.value) }
        #expect(edges.many == edges.one)
        let harmonic = onManyAndOne { byHops.harmonicCentrality() }
        #expect(harmonic.many == harmonic.one)
        // The iterative measures split rows into blocks only above 8,192 rows: 10,000 nodes, each
        // joined to three pseudo-random others (an expander, so the iterations converge fast), with
        // weights that vary, so that sums are sensitive to the order of additions.
        var large = RelationGraph(name: "random")
        let count = 10_000
        for index in 0..<count { try large.addNode(Node(id: "n\(index)")) }
        var state: UInt64 = 12_345
        for index in 0..<count {
            for _ in 0..<3 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let other = Int((state >> 33) % UInt64(count))
                if other != index {
                    try large.addEdge(from: "n\(index)", to: "n\(other)", weight: Double(1 + (state >> 20) % 9) / 3)
                }
            }
        }
        let ring = WeightedAdjacency(GraphView(large), metric: .strength)
        let pagerank = try onManyAndOne { try ring.pageRank() }
        #expect(pagerank.many == pagerank.one)
        let eigenvector = try onManyAndOne { try ring.eigenvectorCentrality() }
        #expect(eigenvector.many == eigenvector.one)
        let katz = try onManyAndOne { try ring.katzCentrality(alpha: 0.01) }
        #expect(katz.many == katz.one)
        // And the same answer twice on all cores.
        #expect(byLength.betweennessCentrality() == betweenness.many)
    }

    @Test("decimal sums that are equal on paper tie")
    func decimalTies() throws {
        // a–b–d costs 0.1 + 0.2, a–c–d costs 0.15 + 0.15: in Double 0.1 + 0.2 ≠ 0.15 + 0.15 = 0.3,
        // but both are shortest.
        var graph = RelationGraph(name: "ties")
        for id in ["a", "b", "c", "d"] { _ = try graph.addNode(Node(id: id)) }
        _ = try graph.addEdge(Edge(source: graph.nodes[0].id, target: graph.nodes[1].id, weight: 0.1))
        _ = try graph.addEdge(Edge(source: graph.nodes[1].id, target: graph.nodes[3].id, weight: 0.2))
        _ = try graph.addEdge(Edge(source: graph.nodes[0].id, target: graph.nodes[2].id, weight: 0.15))
        _ = try graph.addEdge(Edge(source: graph.nodes[2].id, target: graph.nodes[3].id, weight: 0.15))
        let adjacency = WeightedAdjacency(GraphView(graph), metric: .length)
        let betweenness = adjacency.betweennessCentrality(normalized: false)
        #expect(betweenness == [1, 0.5, 0.5, 0])  // b–c goes through a (0.25 < 0.35)
    }

    @Test("errors name the measure")
    func errors() throws {
        let empty = WeightedAdjacency(GraphView(RelationGraph(name: "empty")), metric: .hops)
        #expect(throws: CentralityError.emptyGraph(measure: "pagerank")) { try empty.pageRank() }
        #expect(throws: CentralityError.self) { try empty.centrality(.degree) }
        #expect(empty.betweennessCentrality().isEmpty)
        let karate = WeightedAdjacency(GraphView(try fixtureGraph("karate")), metric: .hops)
        // karate's λmax is 21.7, so alpha 0.1 is far past 1/λmax.
        #expect(throws: CentralityError.self) { try karate.katzCentrality(alpha: 0.1) }
        #expect(throws: CentralityError.self) { try karate.pageRank(alpha: 1) }
        let disconnected = WeightedAdjacency(GraphView(try fixtureGraph("disconnected")), metric: .hops)
        do {
            _ = try disconnected.eigenvectorCentrality()
            Issue.record("a disconnected graph must not give an eigenvector")
        } catch {
            #expect(error.description.hasPrefix("eigenvector: the graph is not connected"))
        }
    }
}
