extension WeightedAdjacency {
    /// Closeness centrality with the Wasserman–Faust correction, as
    /// `nx.closeness_centrality(G, distance="cost")` (wf_improved=True):
    /// C(u) = (r − 1)/Σ_v d(v, u) · (r − 1)/(n − 1), where r counts the nodes that reach u, u included.
    ///
    /// Distances are **incoming** (from v to u) on a directed graph, as networkx computes them, so the
    /// value says how easily the others reach u. A node no other node reaches gets 0, as does every
    /// node of a one-node graph. Path lengths are sums of ``costs`` (breadth-first search under
    /// ``EdgeMetric/hops``). Runs one search per node, in parallel, deterministically.
    ///
    /// - Parameter monitor: counts the searches and stops them when cancelled (see ``SweepMonitor``).
    /// - Returns: one value per local node index.
    /// - Complexity: O(V·(E + V) log V) time (O(V·E) under hops), O(V) memory per chunk.
    package func closenessCentrality(monitor: SweepMonitor? = nil) -> [Double] {
        let n = nodeCount
        let hops = metric == .hops
        return incomingDistanceSummaries(monitor: monitor) { _, workspace in
            let reached = workspace.settled
            var total = 0.0
            for position in 0..<reached { total += workspace.settledDistance(position, hops: hops) }
            guard total > 0, n > 1 else { return 0 }
            let others = Double(reached - 1)
            return others / total * (others / Double(n - 1))
        }
    }
}
