extension WeightedAdjacency {
    /// The sources of a ``BetweennessSampling/Estimator/spread`` estimate: `count` nodes taken at even
    /// steps along a depth-first walk of a shortest-path forest, so that every branch of the graph
    /// gets its share of sources.
    ///
    /// The draw, all from one SplitMix64 seeded with `seed`:
    /// 1. an offset `r` in `0..<n` (`next(below: n)`);
    /// 2. the forest: its first root is the node of highest degree (out-degree plus in-degree on a
    ///    directed graph; ties to the lower index), the tree is that node's shortest paths under the
    ///    metric (each node hangs from the lowest-index node before it on a shortest path; path
    ///    lengths tie as in Brandes' search), and while nodes are left, the next root is the one of
    ///    highest degree among them, whose tree holds only nodes not yet placed (a node whose every
    ///    shortest-path predecessor is already placed hangs from that root);
    /// 3. the walk: depth-first, preorder, tree after tree; each node's children (in index order) are
    ///    shuffled by ``SplitMix64/shuffle(_:)`` when the node is visited, and visited in that order;
    /// 4. the sample: the nodes at positions ⌊(r + j·n)/count⌋ of the walk, j = 0..<count.
    ///
    /// Every node is drawn with probability count/n, whatever the walk, and a branch of m nodes gets
    /// m·count/n sources give or take one, where a uniform sample's share varies by √(m·count/n).
    /// With count = n the sample is every node.
    ///
    /// - Precondition: 1 ≤ `count` ≤ ``nodeCount``.
    /// - Complexity: O(E + V log V) (O(V + E) under hops), one search per tree.
    package func spreadSample(count: Int, seed: Int) -> [Int32] {
        let n = nodeCount
        precondition(count >= 1 && count <= n, "a spread sample takes 1 to n nodes")
        var generator = SplitMix64(seed: seed)
        let offset = generator.next(below: n)
        let walk = shortestPathForestWalk(generator: &generator)
        return (0..<count).map { walk[(offset + $0 * n) / count] }
    }

    /// Step 2 and 3 of ``spreadSample(count:seed:)``: every node once, in the order of the walk.
    private func shortestPathForestWalk(generator: inout SplitMix64) -> [Int32] {
        let n = nodeCount
        let hops = metric == .hops
        func degree(_ node: Int) -> Int {
            let out = offsets[node + 1] - offsets[node]
            return isDirected ? out + inOffsets[node + 1] - inOffsets[node] : out
        }
        let byDegree = (0..<n).sorted { degree($0) != degree($1) ? degree($0) > degree($1) : $0 < $1 }
        // -1: not placed; otherwise the index of the tree the node belongs to.
        var tree = [Int32](repeating: -1, count: n)
        var parent = [Int32](repeating: -1, count: n)
        var roots: [Int32] = []
        let workspace = SweepWorkspace(nodeCount: n)
        withArcLists(incoming: false) { out in
            withArcLists(incoming: true) { incoming in
                for root in byDegree where tree[root] < 0 {
                    let current = Int32(roots.count)
                    roots.append(Int32(root))
                    if hops { workspace.levels(from: root, arcs: out) } else { workspace.distances(from: root, arcs: out) }
                    var reached: [Int] = []
                    for position in 0..<workspace.settled {
                        let node = Int(workspace.order[position])
                        if tree[node] < 0 {
                            tree[node] = current
                            reached.append(node)
                        }
                    }
                    for node in reached where node != root {
                        let here = workspace.settledDistance(of: node, hops: hops)
                        var best: Int32?
                        for arc in incoming.offsets[node]..<incoming.offsets[node + 1] {
                            let before = Int(incoming.targets[arc])
                            guard before != node, tree[before] == current else { continue }
                            let via = workspace.settledDistance(of: before, hops: hops) + (hops ? 1 : incoming.costs[arc])
                            if isTie(via, here), before < best ?? Int32.max { best = Int32(before) }
                        }
                        parent[node] = best ?? Int32(root)
                    }
                    workspace.reset()
                }
            }
        }
        // Children of each node in index order, as a CSR.
        var childOffsets = [Int](repeating: 0, count: n + 1)
        for node in 0..<n where parent[node] >= 0 { childOffsets[Int(parent[node]) + 1] += 1 }
        for node in 0..<n { childOffsets[node + 1] += childOffsets[node] }
        var fill = childOffsets
        var children = [Int32](repeating: 0, count: max(childOffsets[n], 0))
        for node in 0..<n where parent[node] >= 0 {
            children[fill[Int(parent[node])]] = Int32(node)
            fill[Int(parent[node])] += 1
        }
        var walk: [Int32] = []
        walk.reserveCapacity(n)
        var stack: [Int32] = []
        for root in roots {
            stack.append(root)
            while let node = stack.popLast() {
                walk.append(node)
                var next = Array(children[childOffsets[Int(node)]..<childOffsets[Int(node) + 1]])
                generator.shuffle(&next)
                stack.append(contentsOf: next.reversed())
            }
        }
        return walk
    }
}
