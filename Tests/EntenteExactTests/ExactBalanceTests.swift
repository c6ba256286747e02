import Foundation
import Testing
@testable import Entente
import EntenteExact
import Synchronization

private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// One case of `Tests/EntenteTests/Fixtures/frustration.json` (make_frustration_fixtures.py): the
/// optimum of HiGHS on the AND model of a graph, under a sign rule, weighted or not.
private struct FrustrationCase: Decodable, CustomStringConvertible, Sendable {
    var graph: String
    var file: String
    var rule: String
    var signs: String
    var nodes: Int
    var ties: Int
    var negative: Int
    var frustration: Double
    var published: Double?

    var description: String { "\(graph) \(signs) \(rule)" }
    var signRule: SignRule { SignRule(rawValue: rule) ?? .net }
    var weighted: Bool { signs == "weighted" }

    func load() throws -> RelationGraph {
        try CSVEdgeList.read(Array(try Data(contentsOf: packageRoot.appendingPathComponent(file))), file: file)
    }
}

/// The cases of frustration.json (generated graphs, highland tribes) and frustration-world.json
/// (the world's security network of five years).
private let frustrationCases: [FrustrationCase] = {
    struct Root: Decodable { var cases: [FrustrationCase] }
    return ["frustration.json", "frustration-world.json"].flatMap { name -> [FrustrationCase] in
        let url = packageRoot.appendingPathComponent("Tests/EntenteTests/Fixtures/" + name)
        guard let data = try? Data(contentsOf: url), let root = try? JSONDecoder().decode(Root.self, from: data) else { return [] }
        return root.cases
    }
}()

/// The frustration of a report's camps, from the CSV rows and the rule, apart from Entente's
/// signed network: per pair, the sums of cooperative and adversarial weights made one sign.
private func frustrationOfCamps(_ report: StructuralBalance, graph: RelationGraph, rule: SignRule, weighted: Bool) -> Double {
    var cooperative: [[String]: Double] = [:], adversarial: [[String]: Double] = [:]
    for edge in graph.edges where edge.source != edge.target {
        let pair = [edge.source, edge.target].sorted()
        if edge.polarity == .cooperative { cooperative[pair, default: 0] += edge.weight } else { adversarial[pair, default: 0] += edge.weight }
    }
    let camp0 = Set(report.frustration.camps.first ?? [])
    var total = 0.0
    for pair in Set(cooperative.keys).union(adversarial.keys) {
        let co = cooperative[pair] ?? 0, ad = adversarial[pair] ?? 0
        let signed: Double
        switch rule {
        case .net: signed = co - ad
        case .negativeWins: signed = ad > 0 ? -ad : co
        case .positiveWins: signed = co > 0 ? co : -ad
        }
        guard signed != 0 else { continue }
        let together = camp0.contains(pair[0]) == camp0.contains(pair[1])
        if together == (signed < 0) { total += weighted ? abs(signed) : 1 }
    }
    return total
}

@Suite struct ExactBalanceTests {
    @Test func solverLoads() throws {
        try CBCSolver.load()
        #expect(CBCSolver().name.hasPrefix("CBC 2."))
    }

    @Test func fixturesArePresent() {
        #expect(frustrationCases.count >= 89, "frustration.json, frustration-world.json: run make_frustration_fixtures.py")
        #expect(Set(frustrationCases.filter { $0.graph.hasPrefix("world-security-") }.map(\.graph)).count >= 5)
        #expect(frustrationCases.contains { $0.graph == "highland-tribes" && $0.published == 7 })
        let generated = Set(frustrationCases.filter { $0.graph.hasPrefix("frustration-") }.map(\.graph))
        #expect(generated.count >= 10)
        #expect(frustrationCases.contains { $0.nodes >= 250 && $0.ties >= 5_000 })
        #expect(Set(frustrationCases.map(\.rule)) == Set(SignRule.allCases.map(\.rawValue)))
    }

    /// Equal to HiGHS's optimum, proven (bound = value), and the camps returned reach it.
    @Test(arguments: frustrationCases)
    fileprivate func provenOptimumEqualsHiGHS(_ testCase: FrustrationCase) throws {
        let graph = try testCase.load()
        let report = try graph.structuralBalance(signs: testCase.weighted ? .weighted : .unweighted, rule: testCase.signRule,
                                                 solver: CBCSolver())
        #expect(report.nodeCount == testCase.nodes)
        #expect(report.positiveTies + report.negativeTies == testCase.ties)
        #expect(report.negativeTies == testCase.negative)
        let frustration = report.frustration
        #expect(frustration.solverFailure == nil)
        #expect(frustration.isExact)
        #expect(frustration.bound == frustration.value && frustration.gap == 0)
        #expect(abs(frustration.value - testCase.frustration) <= 1e-9 * max(1, testCase.frustration),
                "Entente \(frustration.value), HiGHS \(testCase.frustration)")
        let camps = frustrationOfCamps(report, graph: graph, rule: testCase.signRule, weighted: testCase.weighted)
        #expect(abs(camps - frustration.value) <= 1e-9 * max(1, camps), "the camps frustrate \(camps)")
        if let published = testCase.published { #expect(frustration.value == published) }
    }

    /// Without a solver: never below the optimum, a bound never above it; and the decomposition adds up.
    @Test(arguments: frustrationCases.filter { $0.signs == "unweighted" && $0.rule == "negative-wins" })
    fileprivate func heuristicBracketsTheOptimum(_ testCase: FrustrationCase) throws {
        let report = try testCase.load().structuralBalance(rule: testCase.signRule)
        let frustration = report.frustration
        #expect(frustration.value >= testCase.frustration - 1e-9)
        #expect(frustration.bound <= testCase.frustration + 1e-9)
        #expect(frustration.isExact == (frustration.value == frustration.bound))
        let parts = frustration.decomposition
        #expect(parts.negativeTies == testCase.negative)
        #expect(parts.coreTies + parts.bridges <= testCase.ties)
        #expect(parts.methods.values.reduce(0, +) == parts.blocks)
    }
}

@Suite struct AsyncBalanceTests {
    private let year = "Tests/EntenteTests/Fixtures/graphs/world-security-1985.csv"

    @Test func asyncGivesTheSameReport() async throws {
        let graph = try CSVEdgeList.read(Array(try Data(contentsOf: packageRoot.appendingPathComponent(year))), file: year)
        let reported = Mutex<[AnalysisProgress]>([])
        let report = try await graph.structuralBalance(solver: CBCSolver(), progress: { progress in
            reported.withLock { $0.append(progress) }
        })
        #expect(report.frustration.value == 62 && report.frustration.isExact)
        #expect(reported.withLock { $0 } == [AnalysisProgress(completed: 1, total: 1)])
        #expect(report.json == (try graph.structuralBalance(solver: CBCSolver())).json)
    }

    @Test func cancelledBeforeTheStartThrows() async throws {
        let graph = try CSVEdgeList.read(Array(try Data(contentsOf: packageRoot.appendingPathComponent(year))), file: year)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await graph.structuralBalance(solver: CBCSolver(), progress: nil)
        }
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}
