/// The signed simple graph that the structural balance measures run on.
///
/// Per unordered pair of nodes, the edges a view keeps give a sum of cooperative weights and a sum
/// of adversarial weights (each in file order); the ``SignRule`` makes one signed weight of them
/// (``SignRule/negativeWins`` by default: any adversarial edge makes the pair negative). A pair whose
/// signed weight is zero has no tie. The unweighted network gives every tie weight ±1; the weighted
/// one keeps the signed weight. Edge direction is ignored: in a directed graph A→B and B→A make one pair.
///
/// Nodes are the view's local indices `0..<nodeCount`; isolated nodes stay.
struct SignedNetwork: Sendable {
    /// One tie: the pair (`u` < `v`, local indices), its net weight and the edges that make it.
    struct Tie: Sendable {
        /// The lower local index of the pair.
        var u: Int32
        /// The higher local index of the pair.
        var v: Int32
        /// The pair's signed weight under the sign rule; never zero.
        var net: Double
        /// Graph indices of the edges of the pair that the view keeps, ascending.
        var edges: ArraySlice<Int>

        /// Whether the tie is adversarial (negative net weight).
        var isNegative: Bool { net < 0 }
    }

    /// Number of nodes (the view's).
    let nodeCount: Int
    /// The ties, sorted by (u, v).
    let ties: [Tie]

    /// Builds the signed network of a view under a sign rule.
    ///
    /// - Complexity: O(V + E log E).
    init(_ view: GraphView, rule: SignRule = .negativeWins) {
        let n = view.nodeCount
        let graph = view.graph
        var keyed: [(key: Int, edge: Int)] = []
        keyed.reserveCapacity(view.edgeCount)
        for index in view.edgeIndices {
            let edge = graph.edges[index]
            guard let a = view.localIndex(ofNode: edge.sourceIndex), let b = view.localIndex(ofNode: edge.targetIndex), a != b else {
                continue
            }
            keyed.append((min(a, b) * n + max(a, b), index))
        }
        keyed.sort { ($0.key, $0.edge) < ($1.key, $1.edge) }
        let edgeOrder = keyed.map(\.edge)
        var ties: [Tie] = []
        var start = 0
        while start < keyed.count {
            var end = start
            var cooperative = 0.0, adversarial = 0.0
            while end < keyed.count, keyed[end].key == keyed[start].key {
                let edge = graph.edges[keyed[end].edge]
                switch edge.polarity {
                case .cooperative: cooperative += edge.weight
                case .adversarial: adversarial += edge.weight
                }
                end += 1
            }
            let signed = rule.signedWeight(cooperative: cooperative, adversarial: adversarial)
            if signed != 0 {
                let key = keyed[start].key
                ties.append(Tie(u: Int32(key / n), v: Int32(key % n), net: signed, edges: edgeOrder[start..<end]))
            }
            start = end
        }
        self.nodeCount = n
        self.ties = ties
    }

    /// A network given directly by its ties (for tests and benchmarks); `ties` must be sorted by
    /// (u, v) with u < v, without repeated pairs.
    init(nodeCount: Int, ties: [Tie]) {
        self.nodeCount = nodeCount
        self.ties = ties
    }

    /// The cost of frustrating each tie: 1 (unweighted) or the absolute net weight (weighted).
    func tieCosts(weighted: Bool) -> [Double] {
        ties.map { weighted ? abs($0.net) : 1 }
    }

    /// Per node, its ties as (neighbour, tie index), sorted by neighbour: a CSR adjacency.
    func adjacency() -> (offsets: [Int], neighbours: [Int32], ties: [Int32]) {
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        for tie in ties {
            offsets[Int(tie.u) + 1] += 1
            offsets[Int(tie.v) + 1] += 1
        }
        for node in 0..<nodeCount { offsets[node + 1] += offsets[node] }
        var fill = offsets
        var neighbours = [Int32](repeating: 0, count: 2 * ties.count)
        var tieIndices = [Int32](repeating: 0, count: 2 * ties.count)
        // Ties are sorted by (u, v): the lower neighbours of each row first, then the higher ones,
        // each in tie order, leave every row sorted by neighbour.
        for (index, tie) in ties.enumerated() {
            neighbours[fill[Int(tie.v)]] = tie.u
            tieIndices[fill[Int(tie.v)]] = Int32(index)
            fill[Int(tie.v)] += 1
        }
        for (index, tie) in ties.enumerated() {
            neighbours[fill[Int(tie.u)]] = tie.v
            tieIndices[fill[Int(tie.u)]] = Int32(index)
            fill[Int(tie.u)] += 1
        }
        return (offsets, neighbours, tieIndices)
    }
}

/// The connected components of a graph given by its edges `u[i]`–`v[i]`: for every node, the
/// number of its component, numbered from 0 in order of their smallest node (as
/// ``connectedComponents(of:)`` numbers a view's).
///
/// - Complexity: O(V + E α(V)).
func componentNumbers(nodeCount n: Int, u: [Int32], v: [Int32]) -> (count: Int, component: [Int]) {
    componentNumbers(nodeCount: n, pairs: zip(u, v).lazy.map { (Int($0), Int($1)) })
}
