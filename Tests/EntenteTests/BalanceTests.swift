import Foundation
import Testing
@testable import Entente

/// One case of `Fixtures/balance.json` (see Fixtures/README.md).
private struct BalanceCase: Decodable, CustomStringConvertible {
    struct Triangles: Decodable {
        var total: Int
        var balanced: Int
        var patterns: [String: Int]
        var unbalanced: [[String]]
    }

    struct NodeCounts: Decodable {
        var triangles: Int
        var unbalanced: Int
    }

    var graph: String
    var file: String
    var types: [String]?
    var kinds: [String]?
    var signs: String
    var rule: String
    var nodes: Int
    var positive: Int
    var negative: Int
    var triangles: Triangles
    var perNode: [String: NodeCounts]
    var walk: Double
    var frustration: Double
    var method: String

    var description: String { "\(graph) \(signs) \(rule) types=\(types ?? []) kinds=\(kinds ?? [])" }

    var signRule: SignRule { SignRule(rawValue: rule) ?? .net }

    var filter: RelationFilter {
        .analysis(types: types.map { Set($0.map { RelationType($0) }) }, includeAdversarial: true,
                  kinds: kinds.map { Set($0.map { NodeKind($0) }) })
    }

    var balanceSigns: BalanceSigns { signs == "weighted" ? .weighted : .unweighted }

    func load() throws -> RelationGraph {
        let url = packageRootDirectory.appendingPathComponent(file)
        return try NativeJSON.read(Array(try Data(contentsOf: url)), file: file)
    }
}

private let balanceCases: [BalanceCase] = {
    let url = fixturesDirectory.appendingPathComponent("balance.json")
    struct Root: Decodable { var cases: [BalanceCase] }
    guard let data = try? Data(contentsOf: url), let root = try? JSONDecoder().decode(Root.self, from: data) else { return [] }
    return root.cases
}()

/// The signed pairs of a view, computed apart from Entente's code: exact decimal sums of the
/// cooperative and the adversarial weights (as written), made one signed weight by the rule, zeros
/// dropped. Keys are sorted id pairs.
private func referencePairs(_ view: GraphView, weighted: Bool, rule: SignRule) -> [[String]: (sign: Int, cost: Double)] {
    var cooperative: [[String]: Decimal] = [:], adversarial: [[String]: Decimal] = [:]
    for edge in view.edges {
        let pair = [edge.source, edge.target].sorted()
        let weight = Decimal(string: "\(edge.weight)") ?? 0
        if edge.polarity == .cooperative { cooperative[pair, default: 0] += weight } else { adversarial[pair, default: 0] += weight }
    }
    var sums: [[String]: Decimal] = [:]
    for pair in Set(cooperative.keys).union(adversarial.keys) {
        let co = cooperative[pair] ?? 0, ad = adversarial[pair] ?? 0
        switch rule {
        case .net: sums[pair] = co - ad
        case .negativeWins: sums[pair] = ad > 0 ? -ad : co
        case .positiveWins: sums[pair] = co > 0 ? co : -ad
        }
    }
    var pairs: [[String]: (sign: Int, cost: Double)] = [:]
    for (pair, sum) in sums where sum != 0 {
        let magnitude = NSDecimalNumber(decimal: sum < 0 ? -sum : sum).doubleValue
        pairs[pair] = (sum < 0 ? -1 : 1, weighted ? magnitude : 1)
    }
    return pairs
}

/// Checks that a report's split is a split of the view's nodes (camp 0 holding the view's first
/// node), that it frustrates exactly the listed ties, and that their cost is the reported value.
private func expectConsistentSplit(_ report: StructuralBalance, of view: GraphView, weighted: Bool,
                                   sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let rule = report.rule
    let frustration = report.frustration
    #expect(frustration.camps.count == 2, sourceLocation: sourceLocation)
    let camp0 = Set(frustration.camps.first ?? []), camp1 = Set(frustration.camps.last ?? [])
    let ids = (0..<view.nodeCount).map { view.node(at: $0).id }
    #expect(camp0.isDisjoint(with: camp1) && camp0.union(camp1) == Set(ids), sourceLocation: sourceLocation)
    if let first = ids.first { #expect(camp0.contains(first), sourceLocation: sourceLocation) }
    var frustrated: [[String]] = []
    var total = 0.0
    var perNode: [String: Int] = [:]
    for (pair, tie) in referencePairs(view, weighted: weighted, rule: rule) {
        let together = camp0.contains(pair[0]) == camp0.contains(pair[1])
        if together == (tie.sign < 0) {
            frustrated.append(pair)
            total += tie.cost
            perNode[pair[0], default: 0] += 1
            perNode[pair[1], default: 0] += 1
        }
    }
    #expect(frustrated.sorted { $0.lexicographicallyPrecedes($1) } == frustration.frustrated, sourceLocation: sourceLocation)
    #expect(abs(total - frustration.value) <= 1e-9 * max(1, total), "split frustrates \(total)", sourceLocation: sourceLocation)
    #expect(report.nodes.map(\.frustrated) == report.nodes.map { perNode[$0.id] ?? 0 }, sourceLocation: sourceLocation)
    #expect(frustration.lowerBound <= frustration.value + 1e-9, sourceLocation: sourceLocation)
}

@Suite struct BalanceFixtureTests {
    @Test func fixturesArePresent() {
        #expect(balanceCases.count == 56, "balance.json: run make_balance_fixtures.py")
        #expect(Set(balanceCases.map(\.rule)) == Set(SignRule.allCases.map(\.rawValue)))
        #expect(Set(balanceCases.map(\.graph)).isSuperset(of: ["balance-balanced", "balance-unbalanced", "balance-parallel",
                                                                "pakistan", "balance-planted-30"]))
    }

    @Test(arguments: balanceCases.filter { $0.nodes <= 64 })
    fileprivate func matchesReference(_ testCase: BalanceCase) throws {
        let graph = try testCase.load()
        let view = GraphView(graph, filter: testCase.filter)
        let report = view.structuralBalance(testCase.balanceSigns, rule: testCase.signRule)
        #expect(report.signs == testCase.balanceSigns)
        #expect(report.rule == testCase.signRule)
        #expect(report.nodeCount == testCase.nodes)
        #expect(report.positiveTies == testCase.positive)
        #expect(report.negativeTies == testCase.negative)

        let census = report.triangles
        #expect(census.total == testCase.triangles.total)
        #expect(census.balanced == testCase.triangles.balanced)
        #expect(["+++": census.allPositive, "+--": census.twoNegative, "++-": census.oneNegative,
                 "---": census.allNegative] == testCase.triangles.patterns)
        #expect(census.unbalanced == testCase.triangles.unbalanced)
        #expect(report.nodes.map(\.id) == testCase.perNode.keys.sorted())
        for node in report.nodes {
            #expect(node.triangles == testCase.perNode[node.id]?.triangles, "\(node.id)")
            #expect(node.unbalanced == testCase.perNode[node.id]?.unbalanced, "\(node.id)")
        }

        let walk = try #require(report.walk)
        #expect(abs(walk - testCase.walk) <= 1e-9, "walk \(walk), reference \(testCase.walk)")

        #expect(report.frustration.isExact)
        #expect(abs(report.frustration.value - testCase.frustration) <= 1e-9 * max(1, testCase.frustration),
                "frustration \(report.frustration.value), \(testCase.method) \(testCase.frustration)")
        #expect(report.frustration.lowerBound == report.frustration.value)
        expectConsistentSplit(report, of: view, weighted: testCase.balanceSigns == .weighted)

        // Every pair of an unbalanced triangle and every frustrated pair leads to its edges.
        let listed = Dictionary(report.ties.map { ($0.pair, $0) }, uniquingKeysWith: { first, _ in first })
        for triangle in census.unbalanced {
            for pair in [[triangle[0], triangle[1]], [triangle[0], triangle[2]], [triangle[1], triangle[2]]] {
                let tie = try #require(listed[pair], "\(pair)")
                #expect(!tie.edges.isEmpty)
                #expect(tie.unbalancedTriangles > 0)
            }
        }
        for pair in report.frustration.frustrated { #expect(listed[pair]?.isFrustrated == true, "\(pair)") }
    }

    /// Above the default exact limit of 64 nodes and without a solver: the local search. On the planted
    /// 80-node graph its split meets the cycle-packing bound, which proves it optimal, weighted too.
    @Test(arguments: balanceCases.filter { $0.nodes > 64 })
    fileprivate func localSearchAboveTheLimit(_ testCase: BalanceCase) throws {
        let graph = try testCase.load()
        let view = GraphView(graph, filter: testCase.filter)
        let report = view.structuralBalance(testCase.balanceSigns, rule: testCase.signRule)
        let frustration = report.frustration
        #expect(frustration.value >= testCase.frustration - 1e-9)
        #expect(frustration.lowerBound <= testCase.frustration + 1e-9)
        #expect(frustration.value == testCase.frustration, "the local search found \(frustration.value)")
        #expect(frustration.isExact)
        #expect(frustration.decomposition.methods[.boundMet] == 1)
        #expect(abs((report.walk ?? -1) - testCase.walk) <= 1e-9)
        expectConsistentSplit(report, of: view, weighted: testCase.balanceSigns == .weighted)
    }
}

@Suite struct FrustrationSearchTests {
    /// A small random signed network as a frustration problem.
    private func randomProblem(nodes n: Int, density: Double, weighted: Bool,
                               random: inout SplitMix64) -> FrustrationProblem {
        var u: [Int32] = [], v: [Int32] = [], negative: [Bool] = [], cost: [Double] = []
        for a in 0..<n {
            for b in (a + 1)..<n where Double(random.next() % 1000) < density * 1000 {
                u.append(Int32(a))
                v.append(Int32(b))
                negative.append(random.next() % 2 == 0)
                cost.append(weighted ? [0.5, 1, 2.5, 3, 4][Int(random.next() % 5)] : 1)
            }
        }
        return FrustrationProblem(nodeCount: n, u: u, v: v, negative: negative, cost: cost)
    }

    /// The minimum over every split, node 0 in camp 0.
    private func bruteForce(_ problem: FrustrationProblem) -> Double {
        let n = problem.nodeCount
        var best = Double.infinity
        var camp = [UInt8](repeating: 0, count: n)
        for split in 0..<(1 << max(0, n - 1)) {
            for node in 1..<max(1, n) { camp[node] = UInt8((split >> (node - 1)) & 1) }
            best = min(best, problem.frustration(of: camp))
        }
        return best
    }

    /// Branch and bound against brute force on 150 random networks of 2 to 12 nodes, with one or
    /// more components, weighted and not.
    @Test func branchAndBoundEqualsBruteForce() {
        var random = SplitMix64(seed: 2024)
        for round in 0..<150 {
            let weighted = round % 2 == 1
            let problem = randomProblem(nodes: 2 + round % 11, density: [0.2, 0.5, 0.9][round % 3], weighted: weighted,
                                        random: &random)
            let solution = problem.solve(limits: BalanceLimits())
            let expected = bruteForce(problem)
            #expect(solution.isExact)
            #expect(abs(solution.value - expected) <= 1e-9, "round \(round): \(solution.value) vs \(expected)")
            #expect(solution.value == problem.frustration(of: solution.camp))
        }
    }

    /// With an exact limit below the size, or a budget too small to finish, the local search answers:
    /// never below the optimum, never above it by its own lower bound, and the same on every run.
    @Test func boundedSearchStaysDeterministic() throws {
        let testCase = try #require(balanceCases.first { $0.graph == "balance-random-16" && $0.types == nil && $0.kinds == nil
            && $0.signs == "weighted" && $0.rule == "net" })
        let view = GraphView(try testCase.load(), filter: testCase.filter)
        for limits in [BalanceLimits(exactNodeLimit: 8), BalanceLimits(searchBudget: 50)] {
            let report = view.structuralBalance(.weighted, rule: .net, limits: limits)
            #expect(!report.frustration.isExact)
            #expect(report.frustration.value >= testCase.frustration - 1e-9)
            #expect(report.frustration.lowerBound <= testCase.frustration + 1e-9)
            expectConsistentSplit(report, of: view, weighted: true)
            let again = view.structuralBalance(.weighted, rule: .net, limits: limits)
            #expect(again.json == report.json)
        }
    }

    /// The 40-node planted graph with a budget that runs out: the doll bound already proven is kept.
    @Test func budgetExhaustionKeepsABound() throws {
        let testCase = try #require(balanceCases.first { $0.graph == "balance-planted-40" && $0.signs == "weighted" })
        let view = GraphView(try testCase.load(), filter: testCase.filter)
        let report = view.structuralBalance(.weighted, rule: testCase.signRule, limits: BalanceLimits(searchBudget: 2_000))
        #expect(report.frustration.lowerBound > 0)
        #expect(report.frustration.lowerBound <= testCase.frustration + 1e-9)
        #expect(report.frustration.value >= testCase.frustration - 1e-9)
    }
}

@Suite struct BalanceEdgeCaseTests {
    private func graph(_ edges: [(String, String, Double, Polarity)], directed: Bool = false) throws -> RelationGraph {
        var graph = RelationGraph(name: "test", directed: directed)
        for (source, target, _, _) in edges {
            for id in [source, target] where graph.index(of: id) == nil { try graph.addNode(Node(id: id)) }
        }
        for (source, target, weight, polarity) in edges {
            try graph.addEdge(from: source, to: target, type: .security, weight: weight, polarity: polarity)
        }
        return graph
    }

    @Test func noAdversarialTieIsTriviallyBalanced() throws {
        let cooperative = try graph([("A", "B", 1, .cooperative), ("B", "C", 2, .cooperative), ("A", "C", 3, .cooperative),
                                     ("C", "D", 1, .cooperative)])
        for signs in BalanceSigns.allCases {
            let report = cooperative.view().structuralBalance(signs)
            #expect(report.isBalanced)
            #expect(report.triangles.total == 1 && report.triangles.allPositive == 1 && report.triangles.unbalanced.isEmpty)
            #expect(report.triangles.balancedShare == 1)
            #expect(report.walk == 1)
            #expect(report.frustration.value == 0 && report.frustration.isExact)
            #expect(report.frustration.camps == [["A", "B", "C", "D"], []])
            #expect(report.ties.isEmpty)
        }
    }

    @Test func cancellingTiesLeaveNoTie() throws {
        // 0.1 + 0.2 cooperative against 0.3 adversarial: equal as decimals, not as doubles.
        let cancelled = try graph([("A", "B", 0.1, .cooperative), ("A", "B", 0.2, .cooperative), ("B", "A", 0.3, .adversarial),
                                   ("B", "C", 2, .adversarial), ("C", "B", 2, .cooperative)], directed: true)
        let report = cancelled.view().structuralBalance(rule: .net)
        #expect(report.positiveTies + report.negativeTies == 0)
        #expect(report.triangles.total == 0 && report.triangles.balancedShare == nil)
        #expect(report.walk == 1)
        #expect(report.isBalanced)
        #expect(report.nodes.map(\.id) == ["A", "B", "C"])
    }

    @Test func splitOfABalancedGraphFollowsTheBlocs() throws {
        // Components: {A, B, C} with C against A and B; {D, E} rivals. First nodes A and D in camp 0.
        let blocs = try graph([("A", "B", 1, .cooperative), ("C", "A", 2, .adversarial), ("B", "C", 1, .adversarial),
                               ("D", "E", 1, .adversarial)])
        let report = blocs.view().structuralBalance()
        #expect(report.isBalanced)
        #expect(report.frustration.camps == [["A", "B", "D"], ["C", "E"]])
        #expect(report.triangles.twoNegative == 1)
    }

    /// Balanced graphs have the same spectrum signed and unsigned, so K = 1 exactly in theory; here
    /// the eigenvalues reach 980, where exp overflows a Double unless the exponents are shifted.
    @Test func walkIndexSurvivesLargeEigenvalues() throws {
        var edges: [(String, String, Double, Polarity)] = []
        let ids = (0..<50).map { "N\($0)" }
        for a in 0..<50 {
            for b in (a + 1)..<50 { edges.append((ids[a], ids[b], 20, (a < 25) == (b < 25) ? .cooperative : .adversarial)) }
        }
        let report = try graph(edges).view().structuralBalance(.weighted)
        let walk = try #require(report.walk)
        #expect(abs(walk - 1) <= 1e-12)
        #expect(report.frustration.value == 0)
        // All rivals of weight 10: A = -10(J - I), |A| = 10(J - I), so
        // K = (e^-490 + 49 e^10) / (e^490 + 49 e^-10). (The frustration search is not the point here.)
        let rivals = try graph(edges.map { ($0.0, $0.1, 10, .adversarial) }).view()
            .structuralBalance(.weighted, limits: BalanceLimits(exactNodeLimit: 0, restarts: 1, rounds: 0))
        let expected = exp(log(49.0) + 10 - 490)
        #expect(abs((rivals.walk ?? 0) / expected - 1) <= 1e-9)
    }

    @Test func walkIndexIsSkippedAboveItsLimit() throws {
        let triangle = try graph([("A", "B", 1, .cooperative), ("B", "C", 1, .adversarial), ("A", "C", 1, .cooperative)])
        let report = triangle.view().structuralBalance(limits: BalanceLimits(walkNodeLimit: 2))
        #expect(report.walk == nil)
        #expect(report.json.rendered(pretty: false).contains("\"walk\":null"))
        #expect(report.frustration.value == 1)
    }

    @Test func eigenvaluesOfKnownMatrices() throws {
        // The path on 4 nodes: 2cos(kπ/5); a diagonal matrix; a 1×1 matrix.
        let path: [Double] = [0, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0]
        let values = try #require(symmetricEigenvalues(path, order: 4)).sorted()
        let expected = (1...4).map { 2 * cos(Double($0) * Double.pi / 5) }.sorted()
        for (value, reference) in zip(values, expected) { #expect(abs(value - reference) <= 1e-13) }
        #expect(symmetricEigenvalues([3, 0, 0, -2], order: 2)?.sorted() == [-2, 3])
        #expect(symmetricEigenvalues([7], order: 1) == [7])
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let pakistan = try NativeJSON.read(Array(try Data(contentsOf: packageRootDirectory.appendingPathComponent("Graphs/pakistan.json"))),
                                           file: "pakistan.json")
        let report = pakistan.view().structuralBalance(rule: .net)
        let text = report.json.rendered(pretty: false)
        #expect(text.hasPrefix("""
            {"signs":"unweighted","rule":"net","triangles":{"total":27,"balanced":23,"patterns":{"+++":23,"+--":0,"++-":4,"---":0},\
            "unbalanced":[["EU","IND","PAK"],["IND","PAK","SAARC"],["IND","PAK","UN"],["IND","PAK","USA"]]},"walk":0.75188
            """))
        #expect(text.contains("""
            "frustration":{"value":1,"bound":1,"exact":true,"gap":0,"camps":[["AFG","ARE","CHN","EU","IND","IRN","OIC","PAK",\
            "RUS","SAARC","SAU","TUR","UN","USA"],[]],"frustrated":[["IND","PAK"]],"solver":null,"decomposition":\
            {"components":1,"negative":1,"bridges":0,"blocks":1,"coreNodes":14,"coreTies":35,"largestCore":{"nodes":14,\
            "ties":35},"methods":{"branch and bound":1}}},"nodes":{"AFG":{"triangles":3,"unbalanced":0,"frustrated":0},
            """))
        // The Encodable conformance writes the same document.
        let encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? NSDictionary
        let rendered = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary
        #expect(encoded != nil && encoded == rendered)
        let ties = try #require(rendered?["ties"] as? [[String: Any]])
        let rivalry = try #require(ties.first { ($0["pair"] as? [String]) == ["IND", "PAK"] })
        let edges = try #require(rivalry["edges"] as? [[String: Any]])
        #expect(edges.first?["type"] as? String == "security")
        #expect((edges.first?["evidence"] as? [[String: String]])?.first?["quote"]?.contains("Kashmir") == true)
    }
}
