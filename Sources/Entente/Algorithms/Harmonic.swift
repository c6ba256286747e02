extension WeightedAdjacency {
    /// Harmonic centrality, as `nx.harmonic_centrality(G, distance="cost")`: H(u) = Σ_{v ≠ u} 1/d(v, u)
    /// over the nodes v that reach u (unreachable nodes add 0). Not normalized.
    ///
    /// Distances are **incoming** on a directed graph, as in networkx. Path lengths are sums of
    /// ``costs`` (breadth-first search under ``EdgeMetric/hops``). Runs one search per node, in
    /// parallel, deterministically.
    ///
    /// - Parameter monitor: counts the searches and stops them when cancelled (see ``SweepMonitor``).
    /// - Returns: one value per local node index.
    /// - Complexity: O(V·(E + V) log V) time (O(V·E) under hops), O(V) memory per chunk.
    package func harmonicCentrality(monitor: SweepMonitor? = nil) -> [Double] {
        let hops = metric == .hops
        return incomingDistanceSummaries(monitor: monitor) { _, workspace in
            var total = 0.0
            for position in 0..<workspace.settled {
                let distance = workspace.settledDistance(position, hops: hops)
                if distance > 0 { total += 1 / distance }
            }
            return total
        }
    }
}
