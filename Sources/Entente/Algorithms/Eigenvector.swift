extension WeightedAdjacency {
    /// Eigenvector centrality, as `nx.eigenvector_centrality_numpy(G, weight="weight")`: the principal
    /// eigenvector of the transposed weighted adjacency, x_v ∝ Σ_{u→v} w(u, v)·x_u (in-arcs, summed
    /// weights), positive and scaled to unit Euclidean norm.
    ///
    /// Power iteration on Aᵀ + I (the shift makes the iteration converge on periodic graphs, such as
    /// bipartite ones, without changing the eigenvector), from the uniform vector, until no entry
    /// changes by more than 1e-14 in an iteration. Rows run in parallel for large graphs, each by one
    /// thread, so results are deterministic.
    ///
    /// - Throws: ``CentralityError/ambiguous(measure:reason:)`` when the graph is not connected (not
    ///   strongly connected, if directed): the leading eigenvector is then not unique, and networkx
    ///   raises `AmbiguousSolution`. ``CentralityError/notConverged(measure:iterations:tolerance:)``
    ///   after 100 000 iterations; ``CentralityError/emptyGraph(measure:)``.
    /// - Returns: one value per local node index.
    /// - Complexity: O((V + E)·k) for k iterations, k depending on the gap between the two leading
    ///   eigenvalues.
    package func eigenvectorCentrality() throws(CentralityError) -> [Double] {
        let measure = "eigenvector"
        let n = nodeCount
        guard n > 0 else { throw .emptyGraph(measure: measure) }
        if let reason = disconnection() {
            throw .ambiguous(measure: measure, reason: "\(reason): the leading eigenvector is not unique")
        }
        let tolerance = 1e-14
        let maximumIterations = 100_000
        var vector = [Double](repeating: 1 / Double(n).squareRoot(), count: n)
        var next = [Double](repeating: 0, count: n)
        var converged = false
        withWeightedInArcs { arcs in
            for _ in 0..<maximumIterations {
                let squares = arcs.step(pulling: vector, previous: vector, into: &next, shifted: true,
                                        combining: .sum, SquaredNormRow())
                let scale = 1 / squares.squareRoot()
                var change = 0.0
                for node in 0..<n {
                    let value = next[node] * scale
                    change = max(change, abs(value - vector[node]))
                    next[node] = value
                }
                swap(&vector, &next)
                if change <= tolerance {
                    converged = true
                    break
                }
            }
        }
        guard converged else {
            throw .notConverged(measure: measure, iterations: maximumIterations, tolerance: tolerance)
        }
        return vector
    }

    /// Why the graph is not (strongly) connected, or nil when it is.
    func disconnection() -> String? {
        let n = nodeCount
        func reachesAll(offsets: [Int], neighbours: [Int32]) -> Bool {
            var seen = [Bool](repeating: false, count: n)
            var stack = [0]
            seen[0] = true
            var count = 1
            while let node = stack.popLast() {
                for arc in offsets[node]..<offsets[node + 1] {
                    let next = Int(neighbours[arc])
                    if !seen[next] {
                        seen[next] = true
                        count += 1
                        stack.append(next)
                    }
                }
            }
            return count == n
        }
        if !isDirected {
            return reachesAll(offsets: offsets, neighbours: targets) ? nil : "the graph is not connected"
        }
        let connected = reachesAll(offsets: offsets, neighbours: targets)
            && reachesAll(offsets: inOffsets, neighbours: inSources)
        return connected ? nil : "the graph is not strongly connected"
    }
}
