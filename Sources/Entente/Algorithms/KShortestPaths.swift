extension WeightedAdjacency {
    /// Up to `k` loopless paths from `source` to `target`, cheapest first (Yen's algorithm).
    ///
    /// Costs and direction as in ``distances(from:)``; a path's cost is summed over its hops, first
    /// to last. The costs agree with the first `k` paths of networkx `shortest_simple_paths(G, source,
    /// target, weight="cost")`. Fewer than `k` paths come back when fewer simple paths exist, none
    /// when `target` cannot be reached; when `source == target`, the one-node path.
    ///
    /// Ties: costs within ``pathCostsTie(_:_:)`` (relative 1e-10) are equal. Among equally cheap
    /// candidates Yen's algorithm takes the one whose sequence of local node indices is
    /// lexicographically smallest, and each run of equal-cost paths in the result is sorted that
    /// way. When the `k`-th path ties with paths left out, which of them make the cut is decided by
    /// that same order among the candidates found so far, and can differ from networkx, whose order
    /// among equal costs follows its heap.
    ///
    /// - Parameters:
    ///   - source: a local node index of the view.
    ///   - target: a local node index of the view.
    ///   - k: the number of paths wanted, at least 1.
    ///   - monitor: counts the paths found (of `k`) and stops the search before the next spur node
    ///     when cancelled (the result is then incomplete: the caller checks ``SweepMonitor/isCancelled``).
    /// - Complexity: O(k·L·(V + E) log V) for paths of up to L nodes: one search per spur node.
    package func kShortestPaths(from source: Int, to target: Int, k: Int, monitor: SweepMonitor? = nil) -> [GraphPath] {
        precondition(k >= 1, "k must be at least 1")
        var search = PathSearch(self)
        guard let first = search.cheapestLocalPath(from: source, to: target) else { return [] }
        var accepted: [(cost: Double, nodes: [Int32])] = [(cost(local: first), first)]
        var candidates: [(cost: Double, nodes: [Int32])] = []
        var seen: Set<[Int32]> = [first]
        monitor?.advance()
        while accepted.count < k, let previous = accepted.last?.nodes {
            for spurIndex in 0..<(previous.count - 1) {
                if monitor?.isCancelled == true { return [] }
                let root = previous[0...spurIndex]
                let spur = Int(previous[spurIndex])
                // Leave out the next hop of every accepted path that shares this root...
                var hops: [Int32] = []
                for path in accepted where path.nodes.count > spurIndex + 1 && path.nodes[0...spurIndex] == root {
                    hops.append(path.nodes[spurIndex + 1])
                }
                // ...and the root's other nodes, so the new path stays loopless.
                for node in root.dropLast() { search.setBlocked(Int(node), true) }
                search.setBlockedFirstHops(hops)
                let spurPath = search.cheapestLocalPath(from: spur, to: target)
                for node in root.dropLast() { search.setBlocked(Int(node), false) }
                search.setBlockedFirstHops([])
                guard let spurPath else { continue }
                let candidate = Array(root.dropLast()) + spurPath
                if seen.insert(candidate).inserted {
                    candidates.append((cost(local: candidate), candidate))
                }
            }
            guard let best = Self.cheapest(of: candidates) else { break }
            accepted.append(candidates.remove(at: best))
            monitor?.advance()
        }
        return Self.sortingTies(accepted).compactMap { relationPath(local: $0.nodes) }
    }

    /// The position of the cheapest candidate, the smallest node sequence among tied ones.
    private static func cheapest(of candidates: [(cost: Double, nodes: [Int32])]) -> Int? {
        guard let lowest = candidates.map(\.cost).min() else { return nil }
        var best: Int?
        for (position, candidate) in candidates.enumerated() where pathCostsTie(candidate.cost, lowest) {
            if let current = best, !candidate.nodes.lexicographicallyPrecedes(candidates[current].nodes) { continue }
            best = position
        }
        return best
    }

    /// The paths with each run of tied costs sorted by node sequence.
    private static func sortingTies(_ paths: [(cost: Double, nodes: [Int32])]) -> [(cost: Double, nodes: [Int32])] {
        var result: [(cost: Double, nodes: [Int32])] = []
        var start = 0
        while start < paths.count {
            var end = start + 1
            while end < paths.count && pathCostsTie(paths[end].cost, paths[start].cost) { end += 1 }
            result += paths[start..<end].sorted { $0.nodes.lexicographicallyPrecedes($1.nodes) }
            start = end
        }
        return result
    }
}
