import Foundation
import Testing
@testable import Entente

/// Katz with its default alpha, 0.9/λmax, against `nx.katz_centrality_numpy` (Fixtures/katz.json,
/// written by Fixtures/make_katz_fixtures.py), and huge weights that stay finite.
@Suite struct KatzDefaultTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let file: String
        let lambdaMax: Double
        let alpha: Double
        let values: [String: Double]
        var testDescription: String { file }
    }

    static func cases() throws -> [Case] {
        let root = try #require(try fixtureJSON("katz.json") as? [String: Any])
        let raw = try #require(root["cases"] as? [[String: Any]])
        return try raw.map { item in
            Case(file: try #require(item["file"] as? String), lambdaMax: try #require(item["lambdaMax"] as? Double),
                 alpha: try #require(item["alpha"] as? Double),
                 values: try #require(item["values"] as? [String: NSNumber]).mapValues(\.doubleValue))
        }
    }

    private func close(_ actual: Double?, _ expected: Double, tolerance: Double = 1e-6) -> Bool {
        guard let actual else { return false }
        return abs(actual - expected) <= max(1e-9, tolerance * abs(expected))
    }

    @Test(arguments: try cases())
    func defaultAlphaAgreesWithNetworkx(_ reference: Case) throws {
        let path = packageRootDirectory.appendingPathComponent(reference.file).path
        let graph = try RelationGraph(contentsOf: path)
        let values = try graph.analysis().centrality(.katz)
        #expect(values.isDefaultAlpha)
        #expect(close(values.largestEigenvalue, reference.lambdaMax, tolerance: 1e-9), "λmax \(values.largestEigenvalue ?? .nan)")
        #expect(close(values.alpha, reference.alpha, tolerance: 1e-9))
        #expect(values.count == reference.values.count)
        for (id, expected) in reference.values {
            #expect(close(values[id], expected), "\(id): \(values[id] ?? .nan) vs \(expected)")
        }
    }

    @Test func explicitAlphaPastTheBoundIsStillAnError() throws {
        let graph = try RelationGraph(contentsOf: packageRootDirectory.appendingPathComponent("Graphs/pakistan.json").path)
        #expect(throws: GraphError.self) { try graph.analysis().centrality(.katz, alpha: 0.1) }
        let given = try graph.analysis().centrality(.katz, alpha: 0.02)
        #expect(!given.isDefaultAlpha && given.alpha == 0.02 && given.largestEigenvalue == nil)
    }

    @Test func hugeWeightsGiveTheValuesOfSmallOnes() throws {
        // Multiplying every weight by 2^1000 changes no scale-free measure and scales the others.
        var small = RelationGraph(name: "small"), huge = RelationGraph(name: "huge")
        let pairs = [("A", "B", 3.0), ("B", "C", 1.0), ("C", "A", 2.0), ("C", "D", 5.0)]
        for id in ["A", "B", "C", "D"] {
            try small.addNode(Node(id: id))
            try huge.addNode(Node(id: id))
        }
        for (source, target, weight) in pairs {
            try small.addEdge(from: source, to: target, weight: weight)
            try huge.addEdge(from: source, to: target, weight: weight * 0x1p1000)
        }
        for measure in [CentralityMeasure.eigenvector, .pagerank, .katz, .betweenness] {
            let expected = try small.analysis().centrality(measure)
            let actual = try huge.analysis().centrality(measure)
            for entry in expected { #expect(close(actual[entry.id], entry.value, tolerance: 1e-12), "\(measure) \(entry.id)") }
        }
        let strength = try huge.analysis().centrality(.strength)
        #expect(strength["C"] == 8 * 0x1p1000)
        let closeness = try huge.analysis(metric: .length).centrality(.closeness)
        let smallCloseness = try small.analysis(metric: .length).centrality(.closeness)
        #expect(closeness["A"] == smallCloseness["A"].map { $0 * 0x1p-1000 })
        let path = try #require(try huge.analysis(metric: .length).shortestPath(from: "A", to: "D"))
        #expect(path.cost == 7 * 0x1p1000)
    }

    @Test func aTrueOverflowIsAnError() throws {
        var graph = RelationGraph(name: "overflow")
        for id in ["A", "B", "C"] { try graph.addNode(Node(id: id)) }
        try graph.addEdge(from: "A", to: "B", weight: 1e308)
        try graph.addEdge(from: "B", to: "C", weight: 1e308)
        #expect(throws: GraphError.self) { try graph.analysis().centrality(.strength) }
        #expect(throws: GraphError.self) { try graph.analysis(metric: .length).shortestPath(from: "A", to: "C") }
        #expect(try graph.analysis().centrality(.eigenvector).allSatisfy { $0.value.isFinite })
    }
}

/// The iterative measures' block reductions: a sum adds the blocks' results, a maximum takes the
/// largest (Katz's convergence test is on the largest change of any row, not the sum of the blocks').
@Test func rowBlockReductions() {
    #expect(sumOverRowBlocks(rowCount: 64) { rows in Double(rows.count) } == 64)
    #expect(maximumOverRowBlocks(rowCount: 64) { rows in Double(rows.count) } == 2)
    #expect(maximumOverRowBlocks(rowCount: 64) { rows in Double(rows.lowerBound) } == 62)
}
