#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Which weights the structural balance measures give the ties of the signed network.
///
/// The sign of a tie is the same either way: the sign of the pair's cooperative weights minus its
/// adversarial weights. Triangle counts depend on signs only.
public enum BalanceSigns: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// Every tie counts ±1 (the default): the walk index uses a ±1 matrix, the frustration index
    /// counts frustrated ties.
    case unweighted
    /// Every tie counts its net weight: the walk index uses the net weights, the frustration index
    /// sums the absolute net weights of the frustrated ties.
    case weighted

    /// `unweighted` or `weighted`, as the JSON's `"signs"` writes it.
    public var description: String { rawValue }
}

/// How much work ``RelationGraph/structuralBalance(of:signs:rule:limits:solver:)`` may do: how hard it looks for the
/// frustration index, and up to which size it computes the walk index.
///
/// The frustration index is solved per connected component of the signed network. A balanced
/// component (frustration 0) is recognised at any size. Otherwise a component of at most
/// ``exactNodeLimit`` nodes is solved exactly by branch and bound, as long as the whole graph's
/// search stays within ``searchBudget`` branch nodes; a larger component, or one the budget does not
/// cover, gets a multi-start local search, and the result is marked not exact unless the split it
/// finds meets a proven lower bound. Every limit counts work, not time, so the same input always gives
/// the same answer.
public struct BalanceLimits: Hashable, Sendable {
    /// The largest component whose frustration is solved exactly (default 64 nodes).
    public var exactNodeLimit: Int
    /// Branch-and-bound nodes (one per tentative camp of one node) allowed over the whole graph
    /// (default 15 million: at most about 5 s of search on one core of the reference machine, where
    /// dense 50-node components take up to 2.3 s and 30-node ones 20 ms).
    public var searchBudget: Int
    /// Random starts of the local search (default 16).
    public var restarts: Int
    /// Perturbations after each start's descent (default 200).
    public var rounds: Int
    /// Seed of the local search's random numbers (default 1).
    public var seed: UInt64
    /// The largest component of the signed network whose spectrum the walk index computes (default
    /// 1,000 nodes, about 2 s: a dense eigenvalue problem of O(n³) time and O(n²) memory); above it
    /// the walk index is not computed.
    public var walkNodeLimit: Int
    /// Seconds the exact solver may spend in all (nil, the default: no limit). When it stops the
    /// search, the result is the best split found with the best bound proven, not exact.
    public var timeLimit: Double?

    /// Creates limits; the defaults solve components of a few dozen nodes exactly within seconds.
    public init(exactNodeLimit: Int = 64, searchBudget: Int = 15_000_000, restarts: Int = 16, rounds: Int = 200,
                seed: UInt64 = 1, walkNodeLimit: Int = 1_000, timeLimit: Double? = nil) {
        self.exactNodeLimit = exactNodeLimit
        self.searchBudget = searchBudget
        self.restarts = restarts
        self.rounds = rounds
        self.seed = seed
        self.walkNodeLimit = walkNodeLimit
        self.timeLimit = timeLimit
    }
}

/// The structural balance of a signed graph: triangles by sign pattern, Estrada & Benzi's walk index
/// and the frustration index, overall and per node, with the ties behind every imbalance.
///
/// Computed by ``RelationGraph/structuralBalance(of:signs:rule:limits:solver:)`` on the signed network of a view (see
/// there for the sign rule). Its JSON (``json``, and the `Encodable` conformance, which writes the
/// same members) is
/// `{"signs","rule","triangles":{"total","balanced","patterns":{"+++","+--","++-","---"},"unbalanced"},"walk",
/// "frustration":{"value","bound","exact","gap","camps","frustrated","solver","decomposition"},
/// "nodes":{ID:{"triangles","unbalanced","frustrated"}},
/// "ties":[…],"network":{"nodes","ties","positive","negative"}}`.
public struct StructuralBalance: Sendable, Encodable {
    /// Whether ties count ±1 or their net weight.
    public var signs: BalanceSigns
    /// How a pair with edges of both polarities got its sign.
    public var rule: SignRule
    /// The triangles of the signed network.
    public var triangles: TriangleCensus
    /// Estrada & Benzi's walk-based balance K = tr(exp(A)) / tr(exp(|A|)), between 0 and 1 (1:
    /// balanced); nil when a component is larger than ``BalanceLimits/walkNodeLimit``.
    public var walk: Double?
    /// The frustration index and its optimal split.
    public var frustration: FrustrationIndex
    /// Every node of the view, sorted by id.
    public var nodes: [NodeBalance]
    /// The ties that are frustrated by the split or lie in an unbalanced triangle, sorted by their
    /// pair of ids, with the edges (and evidence) that make them.
    public var ties: [BalanceTie]
    /// Number of nodes of the view.
    public var nodeCount: Int
    /// Number of positive ties of the signed network.
    public var positiveTies: Int
    /// Number of negative ties of the signed network.
    public var negativeTies: Int

    /// Whether the signed network is balanced: no tie needs to change sign for two camps to hold.
    public var isBalanced: Bool { frustration.value == 0 && frustration.isExact }

    /// The tie between two nodes, by id in either order, when it is frustrated or in an unbalanced
    /// triangle (the ties ``ties`` lists); its ``BalanceTie/edges`` carry the evidence.
    public func tie(between first: String, and second: String) -> BalanceTie? {
        let pair = [first, second].sorted()
        return ties.first { $0.pair == pair }
    }

    /// The report as an ordered JSON document (key order as in the type's documentation).
    public var json: JSONOutput {
        .object([
            ("signs", .string(signs.rawValue)),
            ("rule", .string(rule.rawValue)),
            ("triangles", triangles.json),
            ("walk", walk.map(JSONOutput.number) ?? .null),
            ("frustration", frustration.json),
            ("nodes", .object(nodes.map { ($0.id, $0.json) })),
            ("ties", .array(ties.map(\.json))),
            ("network", .object([
                ("nodes", .integer(nodeCount)), ("ties", .integer(positiveTies + negativeTies)),
                ("positive", .integer(positiveTies)), ("negative", .integer(negativeTies)),
            ])),
        ])
    }

    /// Encodes the members of ``json``, in that order where the encoder keeps order.
    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }
}

/// The triangles of a signed network, by sign pattern.
///
/// A triangle is balanced when it has an even number of negative ties (+++ and +−−: "the enemy of my
/// enemy is my friend") and unbalanced otherwise (++− and −−−).
public struct TriangleCensus: Sendable, Encodable {
    /// Number of triangles.
    public var total: Int
    /// Triangles with no negative tie: +++.
    public var allPositive: Int
    /// Triangles with two negative ties: +−−.
    public var twoNegative: Int
    /// Triangles with one negative tie: ++−.
    public var oneNegative: Int
    /// Triangles with three negative ties: −−−.
    public var allNegative: Int
    /// Every unbalanced triangle as its three node ids, each sorted, in order of their ids.
    public var unbalanced: [[String]]

    /// ``unbalanced`` as typed triples: each triangle's three ids, sorted.
    public var unbalancedTriangles: [(String, String, String)] {
        unbalanced.compactMap { ids in ids.count == 3 ? (ids[0], ids[1], ids[2]) : nil }
    }

    /// Number of balanced triangles (+++ and +−−).
    public var balanced: Int { allPositive + twoNegative }

    /// The balanced share of the triangles, or nil when there is none.
    public var balancedShare: Double? { total == 0 ? nil : Double(balanced) / Double(total) }

    /// `{"total","balanced","patterns":{"+++","+--","++-","---"},"unbalanced"}`.
    public var json: JSONOutput {
        .object([
            ("total", .integer(total)), ("balanced", .integer(balanced)),
            ("patterns", .object([
                ("+++", .integer(allPositive)), ("+--", .integer(twoNegative)),
                ("++-", .integer(oneNegative)), ("---", .integer(allNegative)),
            ])),
            ("unbalanced", .array(unbalanced.map { .array($0.map(JSONOutput.string)) })),
        ])
    }

    /// Encodes the members of ``json``.
    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }
}

/// The frustration index (line index of balance): the fewest ties (weighted: the least total
/// weight) whose sign disagrees with a split of the nodes into two camps, and that split.
///
/// A tie is frustrated when it is positive across the camps or negative within one. The value is
/// exact when ``bound`` equals it: the bound is proven (by the branch and bound, a packing of
/// edge-disjoint unbalanced triangles, or the exact solver's linear programming bound), so the
/// equality is the proof.
public struct FrustrationIndex: Sendable, Encodable {
    /// The number (weighted: total absolute net weight) of frustrated ties of ``camps``.
    public var value: Double
    /// Whether ``value`` is proven minimal (``bound`` equals it).
    public var isExact: Bool
    /// A proven lower bound on the minimum (``value`` itself when exact).
    public var bound: Double
    /// The two camps, each sorted by id. Camp 0 holds the first node (in file order) of every
    /// connected component of the signed network, isolated nodes included; camp 1 may be empty.
    public var camps: [[String]]
    /// The frustrated ties as pairs of ids, each sorted, in order of their ids.
    public var frustrated: [[String]]

    /// ``camps`` as a pair: camp 0 (which holds the first node of every component) and camp 1.
    public var split: (first: [String], second: [String]) {
        (camps.first ?? [], camps.count > 1 ? camps[1] : [])
    }

    /// ``frustrated`` as typed pairs, `source` the smaller id.
    public var frustratedTies: [NodePair] {
        frustrated.compactMap { ids in ids.count == 2 ? NodePair(ids[0], ids[1]) : nil }
    }
    /// The exact solver's name when one was asked (`"CBC 2.10.8"`), nil otherwise.
    public var solver: String?
    /// Why the exact solver could not run when a core needed it, nil otherwise.
    public var solverFailure: String?
    /// What the decomposition removed and how each core was settled.
    public var decomposition: FrustrationDecomposition

    /// A proven lower bound on the minimum (the same as ``bound``).
    public var lowerBound: Double { bound }

    /// ``value`` − ``bound``: 0 when exact.
    public var gap: Double { max(0, value - bound) }

    /// Whether the signed network has no negative tie: then every tie is satisfied with all nodes in
    /// camp 0, and the frustration is 0, trivially exact.
    public var hasNoNegativeTie: Bool { decomposition.negativeTies == 0 }

    /// `{"value","bound","exact","gap","camps","frustrated","solver","decomposition"}`; `solver` is
    /// null when none was asked, and `solverFailure` follows it when the solver failed.
    public var json: JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("value", .number(value)), ("bound", .number(bound)), ("exact", .bool(isExact)), ("gap", .number(gap)),
            ("camps", .array(camps.map { .array($0.map(JSONOutput.string)) })),
            ("frustrated", .array(frustrated.map { .array($0.map(JSONOutput.string)) })),
            ("solver", solver.map(JSONOutput.string) ?? .null),
        ]
        if let solverFailure { members.append(("solverFailure", .string(solverFailure))) }
        members.append(("decomposition", decomposition.json))
        return .object(members)
    }

    /// Encodes the members of ``json``.
    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }
}

/// One node's part in the imbalance of a signed network.
public struct NodeBalance: Sendable, Encodable {
    /// The node's id.
    public var id: String
    /// Triangles through the node.
    public var triangles: Int
    /// Unbalanced triangles through the node.
    public var unbalanced: Int
    /// Frustrated ties (of the optimal split) that touch the node.
    public var frustrated: Int

    /// `{"triangles","unbalanced","frustrated"}` (the id is the key of the enclosing object).
    public var json: JSONOutput {
        .object([("triangles", .integer(triangles)), ("unbalanced", .integer(unbalanced)), ("frustrated", .integer(frustrated))])
    }

    /// Encodes the members of ``json`` and the id.
    public func encode(to encoder: any Encoder) throws {
        guard case .object(let members) = json else { return }
        try JSONOutput.object([("id", .string(id))] + members).encode(to: encoder)
    }
}

/// A tie of the signed network and the edges that make it: the way from a frustrated tie or an
/// unbalanced triangle to its evidence.
public struct BalanceTie: Sendable, Encodable {
    /// The two node ids, sorted.
    public var pair: [String]
    /// The smaller of the two ids (``pair``'s first).
    public var source: String { pair.first ?? "" }
    /// The larger of the two ids (``pair``'s second).
    public var target: String { pair.count > 1 ? pair[1] : "" }
    /// +1 (cooperative) or −1 (adversarial).
    public var sign: Int
    /// Cooperative minus adversarial weight of the pair's edges.
    public var net: Double
    /// Whether the optimal split frustrates the tie.
    public var isFrustrated: Bool
    /// Number of unbalanced triangles the tie lies in.
    public var unbalancedTriangles: Int
    /// The graph's edges between the pair that the view keeps, in file order.
    public var edges: [BalanceTieEdge]

    /// `{"pair","sign":"+"|"-","net","frustrated","unbalanced","edges":[…]}`.
    public var json: JSONOutput {
        .object([
            ("pair", .array(pair.map(JSONOutput.string))), ("sign", .string(sign < 0 ? "-" : "+")),
            ("net", .number(net)), ("frustrated", .bool(isFrustrated)),
            ("unbalanced", .integer(unbalancedTriangles)), ("edges", .array(edges.map(\.json))),
        ])
    }

    /// Encodes the members of ``json``.
    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }
}

/// One edge behind a ``BalanceTie``, with its evidence.
public struct BalanceTieEdge: Sendable, Encodable {
    /// The id of the edge's source node (as written in the file).
    public var source: String
    /// The id of the edge's target node.
    public var target: String
    /// The edge's type.
    public var type: RelationType
    /// The edge's weight.
    public var weight: Double
    /// The edge's polarity.
    public var polarity: Polarity
    /// The quotes the edge rests on.
    public var evidence: [Evidence]
    /// The edge's note, if any.
    public var note: String?

    /// `{"source","target","type","weight","polarity","evidence":[{"source","quote"}][,"note"]}`.
    public var json: JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("source", .string(source)), ("target", .string(target)), ("type", .string(type.name)),
            ("weight", .number(weight)), ("polarity", .string(polarity.rawValue)),
            ("evidence", .array(evidence.map { .object([("source", .string($0.source)), ("quote", .string($0.quote))]) })),
        ]
        if let note { members.append(("note", .string(note))) }
        return .object(members)
    }

    /// Encodes the members of ``json``.
    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }
}

extension GraphView {
    /// The structural balance of the view's signed network: triangles by sign pattern, Estrada &
    /// Benzi's walk index, the frustration index with its split, and each node's share.
    ///
    /// **Signs.** Per unordered pair of nodes, the tie's net weight is the sum of the cooperative
    /// weights of the pair's edges in the view minus the sum of the adversarial ones; its sign is the
    /// tie's sign, and a pair whose sums are equal (within a relative 1e-10) has no tie. Edge direction
    /// is ignored. Use a view that keeps adversarial edges (``GraphFilter/everything``, or
    /// ``GraphFilter/analysis(types:includeAdversarial:kinds:)`` with `includeAdversarial: true`);
    /// a view with no adversarial tie is balanced.
    ///
    /// **Measures.** Triangles count sign patterns. The walk index is
    /// K = tr(exp(A)) / tr(exp(|A|)) with A the ±1 (``BalanceSigns/unweighted``) or net-weight
    /// (``BalanceSigns/weighted``) matrix over every node of the view, isolated ones included (each
    /// adds 1 to both traces); the eigenvalues of each component come from a Householder–QL
    /// decomposition, shifted by the largest of both spectra against overflow. The frustration index
    /// is exact by branch and bound for components of up to ``BalanceLimits/exactNodeLimit`` nodes
    /// within ``BalanceLimits/searchBudget``, and otherwise the best split a seeded local search finds
    /// (``FrustrationIndex/isExact`` false, unless its split meets a proven lower bound). When several
    /// splits are optimal, the one returned is the first the search meets: the same for the same input.
    ///
    /// There is no networkx or igraph counterpart. The results agree with a brute force in Python
    /// (triangles, frustration over every split), and the walk index with `scipy.linalg.expm`,
    /// within 1e-9 (`Tests/EntenteTests/Fixtures/make_balance_fixtures.py`); R's signnet offers
    /// the same measures (`count_signed_triangles`, `balance_score(method = "walk")`, `frustration_exact`).
    ///
    /// - Complexity: triangles O(E^1.5); walk index O(c³) per component of c nodes; frustration
    ///   exponential in the worst case but bounded by `limits`.
    package func structuralBalance(_ signs: BalanceSigns = .unweighted, rule: SignRule = .negativeWins,
                                   limits: BalanceLimits = BalanceLimits(), solver: (any FrustrationSolver)? = nil,
                                   monitor: SweepMonitor? = nil) -> StructuralBalance {
        let network = SignedNetwork(self, rule: rule)
        let weighted = signs == .weighted
        let ids = (0..<nodeCount).map { node(at: $0).id }
        let census = SignedTriangles(network)
        let walk = walkBalance(network, weighted: weighted, nodeLimit: limits.walkNodeLimit)
        let problem = FrustrationProblem(network, weighted: weighted)
        let solution = problem.solve(limits: limits, solver: solver, monitor: monitor)

        var frustratedBy = [Int](repeating: 0, count: nodeCount)
        var frustratedPairs: [[String]] = []
        var isFrustrated = [Bool](repeating: false, count: network.ties.count)
        for (index, tie) in network.ties.enumerated() where problem.isFrustrated(index, solution.camp) {
            isFrustrated[index] = true
            frustratedBy[Int(tie.u)] += 1
            frustratedBy[Int(tie.v)] += 1
            frustratedPairs.append([ids[Int(tie.u)], ids[Int(tie.v)]].sorted())
        }
        var camps: [[String]] = [[], []]
        for node in 0..<nodeCount { camps[Int(solution.camp[node])].append(ids[node]) }

        var ties: [BalanceTie] = []
        for (index, tie) in network.ties.enumerated() where isFrustrated[index] || census.unbalancedPerTie[index] > 0 {
            ties.append(BalanceTie(
                pair: [ids[Int(tie.u)], ids[Int(tie.v)]].sorted(), sign: tie.isNegative ? -1 : 1, net: tie.net,
                isFrustrated: isFrustrated[index], unbalancedTriangles: census.unbalancedPerTie[index],
                edges: tie.edges.map { edgeIndex in
                    let edge = graph.edges[edgeIndex]
                    return BalanceTieEdge(source: edge.source, target: edge.target,
                                          type: edge.type, weight: edge.weight, polarity: edge.polarity,
                                          evidence: edge.evidence, note: edge.note)
                }))
        }
        let negative = network.ties.filter(\.isNegative).count
        return StructuralBalance(
            signs: signs, rule: rule,
            triangles: TriangleCensus(
                total: census.patterns.reduce(0, +), allPositive: census.patterns[0], twoNegative: census.patterns[2],
                oneNegative: census.patterns[1], allNegative: census.patterns[3],
                unbalanced: census.unbalanced.map { $0.map { ids[$0] }.sorted() }.sorted(by: lexicographic)),
            walk: walk,
            frustration: FrustrationIndex(value: solution.value, isExact: solution.isExact, bound: solution.lowerBound,
                                          camps: camps.map { $0.sorted() }, frustrated: frustratedPairs.sorted(by: lexicographic),
                                          solver: solver?.name, solverFailure: solution.solverFailure,
                                          decomposition: solution.decomposition),
            nodes: (0..<nodeCount).map {
                NodeBalance(id: ids[$0], triangles: census.trianglesPerNode[$0], unbalanced: census.unbalancedPerNode[$0],
                            frustrated: frustratedBy[$0])
            }.sorted { $0.id < $1.id },
            ties: ties.sorted { lexicographic($0.pair, $1.pair) },
            nodeCount: nodeCount, positiveTies: network.ties.count - negative, negativeTies: negative)
    }
}

/// Element-by-element order of id lists.
private func lexicographic(_ a: [String], _ b: [String]) -> Bool { a.lexicographicallyPrecedes(b) }

/// Every triangle of a signed network, counted by its number of negative ties.
struct SignedTriangles {
    /// Triangles with 0, 1, 2 and 3 negative ties.
    var patterns = [0, 0, 0, 0]
    /// The unbalanced triangles (odd number of negative ties) as local node indices.
    var unbalanced: [[Int]] = []
    /// Per node, the triangles through it.
    var trianglesPerNode: [Int]
    /// Per node, the unbalanced triangles through it.
    var unbalancedPerNode: [Int]
    /// Per tie, the unbalanced triangles it lies in.
    var unbalancedPerTie: [Int]

    /// Lists the triangles, each once: ties are oriented from lower to higher (degree, index) rank,
    /// and the out-neighbours of each node are marked while its out-neighbours' out-ties are scanned.
    ///
    /// - Complexity: O(E^1.5).
    init(_ network: SignedNetwork) {
        let n = network.nodeCount
        trianglesPerNode = [Int](repeating: 0, count: n)
        unbalancedPerNode = [Int](repeating: 0, count: n)
        unbalancedPerTie = [Int](repeating: 0, count: network.ties.count)
        let adjacency = network.adjacency()
        func ranksBefore(_ a: Int, _ b: Int) -> Bool {
            let da = adjacency.offsets[a + 1] - adjacency.offsets[a], db = adjacency.offsets[b + 1] - adjacency.offsets[b]
            return (da, a) < (db, b)
        }
        var forward = [[(node: Int, tie: Int)]](repeating: [], count: n)
        for (index, tie) in network.ties.enumerated() {
            let a = Int(tie.u), b = Int(tie.v)
            if ranksBefore(a, b) { forward[a].append((b, index)) } else { forward[b].append((a, index)) }
        }
        var mark = [Int](repeating: -1, count: n)
        for a in 0..<n {
            for (b, tie) in forward[a] { mark[b] = tie }
            for (b, ab) in forward[a] {
                for (c, bc) in forward[b] where mark[c] >= 0 {
                    let ac = mark[c]
                    var negatives = 0
                    if network.ties[ab].isNegative { negatives += 1 }
                    if network.ties[bc].isNegative { negatives += 1 }
                    if network.ties[ac].isNegative { negatives += 1 }
                    patterns[negatives] += 1
                    trianglesPerNode[a] += 1
                    trianglesPerNode[b] += 1
                    trianglesPerNode[c] += 1
                    if negatives % 2 == 1 {
                        unbalanced.append([a, b, c])
                        unbalancedPerNode[a] += 1
                        unbalancedPerNode[b] += 1
                        unbalancedPerNode[c] += 1
                        unbalancedPerTie[ab] += 1
                        unbalancedPerTie[bc] += 1
                        unbalancedPerTie[ac] += 1
                    }
                }
            }
            for (b, _) in forward[a] { mark[b] = -1 }
        }
    }
}

/// Estrada & Benzi's walk-based balance K = tr(exp(A)) / tr(exp(|A|)) of a signed network, or nil
/// when a component has more than `nodeLimit` nodes or an eigenvalue does not converge.
///
/// A is block diagonal by connected component, so both traces are sums over the components'
/// eigenvalues; an isolated node is a zero eigenvalue of both. Every exponent is shifted by the
/// largest eigenvalue of both spectra, so that no term overflows.
///
/// - Complexity: O(Σ c³) over the components' sizes c.
func walkBalance(_ network: SignedNetwork, weighted: Bool, nodeLimit: Int) -> Double? {
    let n = network.nodeCount
    guard n > 0 else { return nil }
    let (count, component) = componentNumbers(nodeCount: n, u: network.ties.map(\.u), v: network.ties.map(\.v))
    var position = [Int](repeating: 0, count: n)
    var sizes = [Int](repeating: 0, count: count)
    for node in 0..<n {
        position[node] = sizes[component[node]]
        sizes[component[node]] += 1
    }
    guard sizes.allSatisfy({ $0 <= nodeLimit }) else { return nil }
    var tiesOf = [[Int]](repeating: [], count: count)
    for (index, tie) in network.ties.enumerated() { tiesOf[component[Int(tie.u)]].append(index) }
    // Net weights of 1e308 (or 5e-324) are multiplied by a power of two for the eigenvalues, and the
    // exponents' differences divided back: exp(A) is not scale-free, but the differences then hold.
    var exponent = 0
    if weighted {
        var smallest = Double.infinity, largest = 0.0
        for tie in network.ties where tie.net != 0 {
            smallest = min(smallest, abs(tie.net))
            largest = max(largest, abs(tie.net))
        }
        exponent = Double.centringExponent(smallest: smallest, largest: largest)
    }
    var signed: [Double] = []
    var absolute: [Double] = []
    var isolated = 0
    for (size, ties) in zip(sizes, tiesOf) {
        guard size > 1 else {
            isolated += 1
            continue
        }
        var matrix = [Double](repeating: 0, count: size * size)
        var magnitudes = matrix
        for index in ties {
            let tie = network.ties[index]
            let value = weighted ? Double.times(tie.net, powerOfTwo: exponent) : (tie.isNegative ? -1 : 1)
            let a = position[Int(tie.u)], b = position[Int(tie.v)]
            matrix[a * size + b] = value
            matrix[b * size + a] = value
            magnitudes[a * size + b] = abs(value)
            magnitudes[b * size + a] = abs(value)
        }
        // Without a negative tie the two matrices are the same.
        let hasNegative = ties.contains { network.ties[$0].isNegative }
        guard let lambdas = symmetricEigenvalues(matrix, order: size),
              let mus = hasNegative ? symmetricEigenvalues(magnitudes, order: size) : lambdas else { return nil }
        signed += lambdas
        absolute += mus
    }
    let shift = max(signed.max() ?? 0, absolute.max() ?? 0, 0)
    let unscaled = { (difference: Double) in Double.times(difference, powerOfTwo: -exponent) }
    let zeroTerm = Double(isolated) * exp(unscaled(-shift))
    let numerator = signed.sorted().reduce(zeroTerm) { $0 + exp(unscaled($1 - shift)) }
    let denominator = absolute.sorted().reduce(zeroTerm) { $0 + exp(unscaled($1 - shift)) }
    return numerator / denominator
}


extension RelationGraph {
    /// Structural balance of the signed relations a filter keeps: triangles by sign pattern, Estrada
    /// & Benzi's walk index and the frustration index with its two camps, every answer by node id
    /// and every tie's evidence reachable.
    ///
    /// ```swift
    /// let balance = try graph.structuralBalance(of: RelationFilter(polarities: [.cooperative, .adversarial]))
    /// ```
    /// The sign of a pair is that of (cooperative weights − adversarial weights) over the kept edges;
    /// a pair that sums to zero is no tie. `signs` counts each tie ±1 (default) or by its net weight.
    ///
    /// - Throws: ``GraphError`` when the graph has no nodes, the filter names an unknown type or kind,
    ///   or it keeps no edge.
    /// - Complexity: triangles O(E^1.5); walk index O(c³) per component of c nodes; frustration
    ///   exponential in the worst case but bounded by `limits`.
    public func structuralBalance(of filter: RelationFilter = .everything, signs: BalanceSigns = .unweighted,
                                  rule: SignRule = .negativeWins, limits: BalanceLimits = BalanceLimits(),
                                  solver: (any FrustrationSolver)? = nil) throws(GraphError) -> StructuralBalance {
        let view = try GraphView(checked: self, filter: filter)
        guard view.edgeCount > 0 else { throw GraphError.emptyView(file: file, description: filter.description(in: self)) }
        return view.structuralBalance(signs, rule: rule, limits: limits, solver: solver)
    }

    /// ``structuralBalance(of:signs:rule:limits:solver:)`` off the Swift concurrency pool, reporting
    /// its end and honouring the cancellation of the calling task.
    ///
    /// ```swift
    /// let task = Task { try await graph.structuralBalance(solver: CBCSolver(), progress: nil) }
    /// task.cancel()   // the cores not yet started are skipped and the task throws CancellationError
    /// ```
    ///
    /// The cores of the frustration search run in parallel on Dispatch's threads; cancellation stops
    /// the search before its next core (a core already with the solver runs to the end or to
    /// ``BalanceLimits/timeLimit``). `progress` is called with 1 of 1 when the report is ready.
    ///
    /// - Throws: `CancellationError` when the task is cancelled, and the errors of the synchronous variant.
    /// - Complexity: that of the synchronous variant.
    public func structuralBalance(of filter: RelationFilter = .everything, signs: BalanceSigns = .unweighted,
                                  rule: SignRule = .negativeWins, limits: BalanceLimits = BalanceLimits(),
                                  solver: (any FrustrationSolver)? = nil,
                                  progress: ProgressHandler?) async throws -> StructuralBalance {
        let view = try GraphView(checked: self, filter: filter)
        guard view.edgeCount > 0 else { throw GraphError.emptyView(file: file, description: filter.description(in: self)) }
        return try await runMonitored(total: 1, progress: progress) { monitor in
            view.structuralBalance(signs, rule: rule, limits: limits, solver: solver, monitor: monitor)
        }
    }
}
