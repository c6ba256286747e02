extension WeightedAdjacency {
    /// PageRank, as `nx.pagerank(G, alpha:, weight="weight")`: a random walk that follows an out-arc
    /// with probability proportional to its (summed) weight, and with probability 1 − alpha (or from a
    /// node without out-arcs, always) jumps to a node chosen uniformly. An undirected edge works both
    /// ways. The values sum to 1.
    ///
    /// Power iteration from the uniform vector, the same iteration networkx runs, pulled along
    /// in-arcs with precomputed out-strengths; it stops when the L1 change of an iteration is below
    /// n·1e-13 (networkx's test with a tolerance ten times tighter than the 1e-12 the fixtures use).
    /// Rows are computed in parallel for large graphs, each by one thread, so results are
    /// deterministic.
    ///
    /// - Parameter alpha: the damping factor, 0 < alpha < 1 (networkx's default 0.85).
    /// - Throws: ``CentralityError/emptyGraph(measure:)``, ``CentralityError/invalidParameter(measure:name:value:reason:)``
    ///   for alpha outside (0, 1), ``CentralityError/notConverged(measure:iterations:tolerance:)``
    ///   after 10 000 iterations.
    /// - Returns: one value per local node index.
    /// - Complexity: O((V + E)·k) for k iterations; k ≈ log(1e-13)/log(alpha), about 185 for 0.85.
    package func pageRank(alpha: Double = 0.85) throws(CentralityError) -> [Double] {
        let measure = "pagerank"
        let n = nodeCount
        guard n > 0 else { throw .emptyGraph(measure: measure) }
        guard alpha > 0, alpha < 1 else {
            throw .invalidParameter(measure: measure, name: "alpha", value: alpha, reason: "is not between 0 and 1")
        }
        let tolerance = 1e-13
        let maximumIterations = 10_000
        // Out-strength of every node, and the list of dangling nodes (no out-arcs).
        var inverseStrength = [Double](repeating: 0, count: n)
        var dangling: [Int] = []
        for node in 0..<n {
            var total = 0.0
            for arc in offsets[node]..<offsets[node + 1] { total += weights[arc] }
            if total > 0 { inverseStrength[node] = 1 / total } else { dangling.append(node) }
        }
        var rank = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        var scaled = [Double](repeating: 0, count: n)  // rank / out-strength
        let uniform = 1 / Double(n)
        var converged = false
        withWeightedInArcs { arcs in
            for _ in 0..<maximumIterations {
                var danglingSum = 0.0
                for node in dangling { danglingSum += rank[node] }
                let base = (1 - alpha) * uniform + alpha * danglingSum * uniform
                for node in 0..<n { scaled[node] = rank[node] * inverseStrength[node] }
                let change = arcs.step(pulling: scaled, previous: rank, into: &next, combining: .sum,
                                       AffineRow(scale: alpha, offset: base))
                swap(&rank, &next)
                if change < Double(n) * tolerance {
                    converged = true
                    break
                }
            }
        }
        guard converged else {
            throw .notConverged(measure: measure, iterations: maximumIterations, tolerance: tolerance)
        }
        var total = 0.0
        for value in rank { total += value }
        return rank.map { $0 / total }
    }
}
