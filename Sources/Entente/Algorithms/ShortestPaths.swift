import HeapModule

/// An entry of Dijkstra's priority queue: a tentative cost and the node it reaches.
/// Ordered by cost, then by node index, so that nodes are settled in a deterministic order.
@usableFromInline
struct QueueEntry: Comparable {
    @usableFromInline var cost: Double
    @usableFromInline var node: Int32

    @inlinable
    init(cost: Double, node: Int32) {
        self.cost = cost
        self.node = node
    }

    @inlinable
    static func < (lhs: QueueEntry, rhs: QueueEntry) -> Bool {
        lhs.cost < rhs.cost || (lhs.cost == rhs.cost && lhs.node < rhs.node)
    }
}

extension WeightedAdjacency {
    /// The cost of the cheapest path from `source` to every node of the view.
    ///
    /// Costs are the arc costs of the adjacency's ``metric`` (for parallel edges, the cheapest one).
    /// A directed graph is followed along edge direction. Unreachable nodes get `.infinity`, the
    /// source 0. Agrees with networkx `single_source_dijkstra_path_length(G, source, weight="cost")`
    /// (and `single_source_shortest_path_length` for ``EdgeMetric/hops``).
    ///
    /// The per-source sweeps' own Dijkstra (``SweepWorkspace``, an indexed queue with decrease-key)
    /// for ``EdgeMetric/length`` and ``EdgeMetric/strength``; their breadth-first search for
    /// ``EdgeMetric/hops``.
    ///
    /// - Parameter source: a local node index of the view, `0..<nodeCount`.
    /// - Returns: one cost per local node index.
    /// - Complexity: O((V + E) log V); O(V + E) for hops.
    package func distances(from source: Int) -> [Double] {
        precondition((0..<nodeCount).contains(source), "source \(source) is not a local node index")
        // The one Dijkstra (and breadth-first search) of the per-source sweeps, on a workspace of its own.
        let workspace = SweepWorkspace(nodeCount: nodeCount)
        return withArcLists(incoming: false) { arcs in
            if metric == .hops {
                workspace.levels(from: source, arcs: arcs)
                return workspace.level.map { $0 < 0 ? .infinity : Double($0) }
            }
            workspace.distances(from: source, arcs: arcs)
            return Array(workspace.distance)
        }
    }

    /// One cheapest path from `source` to `target`, or `nil` when `target` cannot be reached.
    ///
    /// Costs and direction as in ``distances(from:)``. Paths whose costs tie within
    /// ``pathCostsTie(_:_:)`` (relative 1e-10) count as equally cheap; among them the one returned is
    /// the one whose sequence of *local node indices* is lexicographically smallest, so the result
    /// does not depend on the order of the heap. Its cost is networkx
    /// `shortest_path_length(G, source, target, weight="cost")`; the path is one of
    /// `all_shortest_paths`. When `source == target` the path is that node alone, cost 0.
    ///
    /// - Parameters:
    ///   - source: a local node index of the view.
    ///   - target: a local node index of the view.
    /// - Complexity: O((V + E) log V); the search stops once every node as cheap as `target` is settled.
    package func shortestPath(from source: Int, to target: Int) -> GraphPath? {
        var search = PathSearch(self)
        return search.cheapestLocalPath(from: source, to: target).flatMap { relationPath(local: $0) }
    }

    /// Every cheapest path from `source` to `target` (empty when `target` cannot be reached).
    ///
    /// Costs and direction as in ``distances(from:)``. A path is cheapest when its cost ties with the
    /// cheapest cost within ``pathCostsTie(_:_:)`` (relative 1e-10, as igraph), so equal decimal sums
    /// such as 0.1 + 0.2 and 0.3 both count; networkx `all_shortest_paths(G, source, target,
    /// weight="cost")` compares exactly and finds the same paths whenever the sums are exactly equal.
    /// Sorted like Python's `sorted()` of the networkx lists: by the sequence of node ids, compared
    /// element by element by Unicode scalar values. When `source == target`, the one-node path.
    ///
    /// - Parameters:
    ///   - source: a local node index of the view.
    ///   - target: a local node index of the view.
    /// - Complexity: O((V + E) log V + P·L log P) for P paths of L nodes; P can grow exponentially
    ///   with the graph (a grid under ``EdgeMetric/hops``).
    package func allShortestPaths(from source: Int, to target: Int) -> [GraphPath] {
        var search = PathSearch(self)
        let paths = search.allCheapestLocalPaths(from: source, to: target).compactMap { relationPath(local: $0) }
        let ids = view.graph.nodes.map { Array($0.id.unicodeScalars.map(\.value)) }
        return paths.sorted { lhs, rhs in
            lhs.nodes.lexicographicallyPrecedes(rhs.nodes) { ids[$0].lexicographicallyPrecedes(ids[$1]) }
        }
    }

    /// The cheapest route from `source` to `target` that passes through `via`: a cheapest path from
    /// `source` to `via` (``shortestPath(from:to:)``) followed by a cheapest path from `via` to
    /// `target`, or `nil` when either leg does not exist.
    ///
    /// Like a journey with a stop, the route may pass a node twice (going out and back through a
    /// hub), so it need not be a simple path. Its cost is summed over all its hops, first to last.
    /// `via` may equal `source` or `target`; then the route is a plain cheapest path.
    /// networkx has no single function for it; it is `shortest_path(G, s, via) + shortest_path(G, via, t)[1:]`.
    ///
    /// - Parameters:
    ///   - source: a local node index of the view.
    ///   - via: the local node index of the stop.
    ///   - target: a local node index of the view.
    /// - Complexity: two searches, O((V + E) log V).
    package func shortestPath(from source: Int, via: Int, to target: Int) -> GraphPath? {
        var search = PathSearch(self)
        guard let first = search.cheapestLocalPath(from: source, to: via),
              let second = search.cheapestLocalPath(from: via, to: target) else {
            return nil
        }
        return relationPath(local: first + second.dropFirst())
    }
}

/// One point-to-point search over a ``WeightedAdjacency``, with buffers reused from search to search
/// (only the nodes a search touched are reset), and with nodes and first hops that can be blocked,
/// as Yen's algorithm needs.
///
/// After ``run(from:to:)`` every settled node has its final cost in `distance` and its settling
/// order in `rank`. The *tight* arcs, u → v with both settled, u settled first and
/// `distance[u] + cost ≈ distance[v]` (``pathCostsTie(_:_:)``), form an acyclic graph whose paths from
/// the source are exactly the cheapest paths.
struct PathSearch {
    let adjacency: WeightedAdjacency
    /// Cost from the source; `.infinity` for nodes not reached.
    private(set) var distance: [Double]
    /// Settling order; -1 for nodes not settled.
    private var rank: [Int32]
    /// Nodes found on a cheapest path to the target.
    private var onPath: [Bool]
    /// Nodes the search may not enter.
    private var blocked: [Bool]
    /// Targets of the source's arcs that the search may not take.
    private var blockedFirstHops: [Int32] = []
    private var touched: [Int32] = []
    private var source = -1

    init(_ adjacency: WeightedAdjacency) {
        self.adjacency = adjacency
        let n = adjacency.nodeCount
        distance = [Double](repeating: .infinity, count: n)
        rank = [Int32](repeating: -1, count: n)
        onPath = [Bool](repeating: false, count: n)
        blocked = [Bool](repeating: false, count: n)
    }

    /// Blocks or unblocks a node for the following searches.
    mutating func setBlocked(_ node: Int, _ isBlocked: Bool) { blocked[node] = isBlocked }

    /// Sets the first hops the following searches may not take.
    mutating func setBlockedFirstHops(_ hops: [Int32]) { blockedFirstHops = hops }

    private mutating func reset() {
        for node in touched {
            let u = Int(node)
            distance[u] = .infinity
            rank[u] = -1
            onPath[u] = false
        }
        touched.removeAll(keepingCapacity: true)
    }

    private func isBlockedHop(from u: Int, to v: Int) -> Bool {
        u == source && blockedFirstHops.contains(Int32(v))
    }

    /// Settles nodes in order of cost from `source` until every node as cheap as `target` is settled.
    /// Returns whether `target` was reached.
    mutating func run(from source: Int, to target: Int) -> Bool {
        precondition((0..<adjacency.nodeCount).contains(source) && (0..<adjacency.nodeCount).contains(target),
                     "node index out of range")
        reset()
        self.source = source
        guard !blocked[source] else { return false }
        distance[source] = 0
        touched.append(Int32(source))
        var order: Int32 = 0
        let offsets = adjacency.offsets, targets = adjacency.targets, costs = adjacency.costs
        if adjacency.metric == .hops {
            var queue: [Int32] = [Int32(source)]
            var head = 0
            while head < queue.count {
                let u = Int(queue[head])
                head += 1
                if rank[target] >= 0 && distance[u] > distance[target] { break }
                rank[u] = order
                order += 1
                for arc in offsets[u]..<offsets[u + 1] {
                    let v = Int(targets[arc])
                    if blocked[v] || distance[v] != .infinity || isBlockedHop(from: u, to: v) { continue }
                    distance[v] = distance[u] + 1
                    touched.append(Int32(v))
                    queue.append(Int32(v))
                }
            }
        } else {
            var queue = Heap<QueueEntry>()
            queue.insert(QueueEntry(cost: 0, node: Int32(source)))
            while let entry = queue.popMin() {
                let u = Int(entry.node)
                if entry.cost > distance[u] || rank[u] >= 0 { continue }
                if rank[target] >= 0 && entry.cost > distance[target]
                    && !pathCostsTie(entry.cost, distance[target]) { break }
                rank[u] = order
                order += 1
                for arc in offsets[u]..<offsets[u + 1] {
                    let v = Int(targets[arc])
                    if blocked[v] || rank[v] >= 0 || isBlockedHop(from: u, to: v) { continue }
                    let candidate = entry.cost + costs[arc]
                    if candidate < distance[v] {
                        if distance[v] == .infinity { touched.append(Int32(v)) }
                        distance[v] = candidate
                        queue.insert(QueueEntry(cost: candidate, node: Int32(v)))
                    }
                }
            }
        }
        return rank[target] >= 0
    }

    /// Whether the in-arc number `arc` of `w` (from `adjacency.inSources[arc]`) is tight.
    private func isTight(inArc arc: Int, of w: Int) -> Bool {
        let v = Int(adjacency.inSources[arc])
        return rank[v] >= 0 && rank[v] < rank[w] && !isBlockedHop(from: v, to: w)
            && pathCostsTie(distance[v] + adjacency.inCosts[arc], distance[w])
    }

    /// The cheapest path whose local node sequence is lexicographically smallest, or nil.
    mutating func cheapestLocalPath(from source: Int, to target: Int) -> [Int32]? {
        guard run(from: source, to: target) else { return nil }
        // Mark the nodes from which a tight path leads to the target...
        onPath[target] = true
        var stack = [target]
        while let w = stack.popLast() {
            for arc in adjacency.inOffsets[w]..<adjacency.inOffsets[w + 1] where isTight(inArc: arc, of: w) {
                let v = Int(adjacency.inSources[arc])
                if !onPath[v] {
                    onPath[v] = true
                    stack.append(v)
                }
            }
        }
        // ...then walk forward from the source, always to the lowest-numbered such node.
        var path: [Int32] = [Int32(source)]
        var u = source
        while u != target {
            var next: Int?
            for arc in adjacency.offsets[u]..<adjacency.offsets[u + 1] {
                let v = Int(adjacency.targets[arc])
                if onPath[v] && rank[v] > rank[u] && !isBlockedHop(from: u, to: v)
                    && pathCostsTie(distance[u] + adjacency.costs[arc], distance[v]) {
                    next = v
                    break
                }
            }
            guard let next else { return nil }  // unreachable: every marked node leads on
            path.append(Int32(next))
            u = next
        }
        return path
    }

    /// Every cheapest path, as local node sequences, in no particular order.
    mutating func allCheapestLocalPaths(from source: Int, to target: Int) -> [[Int32]] {
        guard run(from: source, to: target) else { return [] }
        // Depth-first enumeration backwards from the target along tight in-arcs: every settled node
        // but the source has one (the arc that set its cost), so every branch ends at the source.
        var paths: [[Int32]] = []
        var nodes: [Int] = [target]
        var cursors: [Int] = [adjacency.inOffsets[target]]
        while let w = nodes.last, var arc = cursors.last {
            if w == source {
                paths.append(nodes.reversed().map { Int32($0) })
                nodes.removeLast()
                cursors.removeLast()
                continue
            }
            let end = adjacency.inOffsets[w + 1]
            while arc < end && !isTight(inArc: arc, of: w) { arc += 1 }
            if arc < end {
                cursors[cursors.count - 1] = arc + 1
                let v = Int(adjacency.inSources[arc])
                nodes.append(v)
                cursors.append(adjacency.inOffsets[v])
            } else {
                nodes.removeLast()
                cursors.removeLast()
            }
        }
        return paths
    }
}
