/// A path through a graph: the nodes it visits, the edge it takes for each hop and what it costs.
///
/// Paths come from the path queries of ``WeightedAdjacency`` (``WeightedAdjacency/shortestPath(from:to:)``
/// and its relatives), which take and return positions in the *view* but report nodes and edges by
/// their indices in the *graph*, ready for `graph.nodes[…]` and `graph.edges[…]`.
package struct GraphPath: Hashable, Sendable {
    /// Graph node indices (`view.nodeIndices[local]`), from the first node to the last.
    package var nodes: [Int]
    /// Graph edge indices, one per hop: for each hop the cheapest of the parallel edges between the
    /// two nodes (``WeightedAdjacency/edgeIndices``), the lowest edge index among equally cheap ones.
    package var edges: [Int]
    /// The sum of the hops' costs under the adjacency's ``EdgeMetric``, added from first hop to last.
    package var cost: Double

    /// Creates a path.
    package init(nodes: [Int], edges: [Int], cost: Double) {
        self.nodes = nodes
        self.edges = edges
        self.cost = cost
    }

    /// The number of hops (edges); 0 for the path that stays at its node.
    package var hops: Int { edges.count }
}

/// Whether two path costs count as equal: they differ by at most 1e-10 of the larger magnitude,
/// as igraph compares path lengths. So `0.1 + 0.2` ties with `0.3`, which exact `==` would not.
@inlinable
package func pathCostsTie(_ a: Double, _ b: Double) -> Bool {
    a == b || abs(a - b) <= 1e-10 * max(abs(a), abs(b))
}

extension WeightedAdjacency {
    /// The out-arc from `u` to `v`, found by binary search in `u`'s row (arcs are sorted by target).
    func arc(from u: Int, to v: Int) -> Int? {
        var low = offsets[u], high = offsets[u + 1]
        let wanted = Int32(v)
        while low < high {
            let middle = (low + high) / 2
            if targets[middle] < wanted { low = middle + 1 } else { high = middle }
        }
        return low < offsets[u + 1] && targets[low] == wanted ? low : nil
    }

    /// The path along a sequence of local nodes joined by arcs, its cost summed from first hop to last.
    func relationPath(local nodes: [Int32]) -> GraphPath? {
        var path = GraphPath(nodes: [], edges: [], cost: 0)
        path.nodes.reserveCapacity(nodes.count)
        path.edges.reserveCapacity(max(nodes.count - 1, 0))
        for (position, node) in nodes.enumerated() {
            path.nodes.append(view.nodeIndices[Int(node)])
            guard position > 0 else { continue }
            guard let arc = arc(from: Int(nodes[position - 1]), to: Int(node)) else { return nil }
            path.edges.append(Int(edgeIndices[arc]))
            path.cost += costs[arc]
        }
        return path
    }

    /// The cost of a sequence of local nodes joined by arcs, summed from first hop to last.
    func cost(local nodes: [Int32]) -> Double {
        var total = 0.0
        for position in nodes.indices.dropFirst() {
            if let arc = arc(from: Int(nodes[position - 1]), to: Int(nodes[position])) {
                total += costs[arc]
            } else {
                return .infinity
            }
        }
        return total
    }
}
