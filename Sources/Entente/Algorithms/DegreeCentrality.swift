extension WeightedAdjacency {
    /// Degree centrality: the number of neighbours of each node over n − 1, counting merged arcs
    /// (parallel edges count once), as `nx.degree_centrality` on the merged simple graph.
    ///
    /// On a directed graph the degree is in-degree + out-degree, so a value can exceed 1. A graph of
    /// one node gives 1, as networkx does.
    ///
    /// - Returns: one value per local node index.
    /// - Complexity: O(V).
    package func degreeCentrality() -> [Double] {
        let n = nodeCount
        guard n > 1 else { return [Double](repeating: 1, count: n) }
        let scale = 1 / Double(n - 1)
        return (0..<n).map { node in
            var degree = offsets[node + 1] - offsets[node]
            if isDirected { degree += inOffsets[node + 1] - inOffsets[node] }
            return Double(degree) * scale
        }
    }

    /// In- or out-degree centrality of a directed graph: the number of merged in-arcs (or out-arcs)
    /// of each node over n − 1, as `nx.in_degree_centrality` / `nx.out_degree_centrality` on the
    /// merged simple graph. A graph of one node gives 1, as networkx does.
    ///
    /// - Parameter incoming: in-degree when true, out-degree when false.
    /// - Throws: ``CentralityError/undirectedGraph(measure:)`` on an undirected graph, where networkx
    ///   raises `NetworkXNotImplemented`.
    /// - Returns: one value per local node index.
    /// - Complexity: O(V).
    package func directedDegreeCentrality(incoming: Bool) throws(CentralityError) -> [Double] {
        guard isDirected else { throw .undirectedGraph(measure: incoming ? "in-degree" : "out-degree") }
        let n = nodeCount
        guard n > 1 else { return [Double](repeating: 1, count: n) }
        let scale = 1 / Double(n - 1)
        let bounds = incoming ? inOffsets : offsets
        return (0..<n).map { Double(bounds[$0 + 1] - bounds[$0]) * scale }
    }

    /// Strength: the sum of the (summed) weights of a node's merged arcs, as
    /// `dict(G.degree(weight="weight"))`. On a directed graph, incoming plus outgoing.
    ///
    /// - Returns: one value per local node index.
    /// - Complexity: O(V + E).
    package func strength() -> [Double] {
        (0..<nodeCount).map { node in
            var total = 0.0
            for arc in offsets[node]..<offsets[node + 1] { total += weights[arc] }
            if isDirected {
                for arc in inOffsets[node]..<inOffsets[node + 1] { total += inWeights[arc] }
            }
            return total
        }
    }
}
