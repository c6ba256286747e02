/// Leiden community detection (Traag, Waltman & van Eck 2019) on a ``CommunityGraph``: the engine of
/// ``GraphView/communities(method:resolution:seed:signed:signRule:)`` with ``CommunityMethod/leiden``.
///
/// One iteration repeats, level by level:
/// 1. **Fast local moving.** A queue holds every node, in an order shuffled by a SplitMix64
///    generator seeded with `seed`; a node is moved to the neighbouring community with the largest
///    modularity gain (ties: it stays), and when it moves, its neighbours outside its new community
///    join the queue again. It ends when the queue is empty.
/// 2. **Refinement.** Within each community, nodes start on their own; each node that is well
///    connected to its community (putting it together with the rest would not lower modularity),
///    taken in random order and still alone, joins the refined sub-community in its community, linked
///    to it by positive weight and itself well connected, with the largest gain, if that gain is
///    positive. Sub-communities are therefore connected.
/// 3. **Aggregation.** The sub-communities become the nodes of the next level (O(V + E)), each
///    starting in the community it was part of. When refinement merged nothing, the communities
///    themselves are aggregated (as igraph does), so that every level shrinks the graph.
///
/// It stops when the moving phase leaves every node of a level in a community of its own. Two
/// iterations are run, the second starting from the first's partition (unless the first was
/// already stable), as igraph `community_leiden` and leidenalg `find_partition` do by default. Refinement picks the best
/// sub-community rather than a random one weighted by exp(gain/0.01), which on weights of order 1
/// is what igraph's choice comes to.
///
/// Last, a community that is still not connected by positive ties is split into its connected
/// parts when that does not lower modularity, which is always so without negative ties: every
/// community returned for a graph without adversarial ties is connected.
///
/// - Returns: the community of every node of `graph`, numbered `0..<count` by first node.
/// - Complexity: O(E) per pass of the queue and per level; O(log V) levels in practice.
func leidenCommunities(_ graph: CommunityGraph, resolution: Double, seed: Int, iterations: Int = 2) -> [Int32] {
    var random = SplitMix64(seed: seed)
    var partition = (0..<Int32(graph.nodeCount)).map { $0 }
    for _ in 0..<iterations {
        let next = leidenIteration(graph, initial: partition, resolution: resolution, random: &random)
        if next == partition { break }
        partition = next
    }
    splitDisconnectedCommunities(graph, &partition, resolution: resolution)
    return partition
}

/// One Leiden iteration from a partition of the first-level graph; returns the new partition,
/// numbered by first node.
private func leidenIteration(_ graph: CommunityGraph, initial: [Int32], resolution: Double,
                             random: inout SplitMix64) -> [Int32] {
    // aggregateOf[u]: the node of the current level that holds first-level node u.
    var aggregateOf = (0..<Int32(graph.nodeCount)).map { $0 }
    var level = graph
    var partition = initial
    while true {
        var moving = LocalMoving(level, initial: partition, resolution: resolution)
        moveNodesFast(level, &moving, random: &random)
        partition = moving.community
        let count = renumberCommunities(&partition, labelBound: level.nodeCount)
        if count == level.nodeCount { break }
        var refined = refine(level, partition: partition, count: count, resolution: resolution, random: &random)
        var refinedCount = renumberCommunities(&refined, labelBound: level.nodeCount)
        if refinedCount == level.nodeCount {
            refined = partition
            refinedCount = count
        }
        // The next level's nodes are the refined sub-communities, each in its community.
        var next = [Int32](repeating: 0, count: refinedCount)
        for u in 0..<level.nodeCount { next[Int(refined[u])] = partition[u] }
        for u in aggregateOf.indices { aggregateOf[u] = refined[Int(aggregateOf[u])] }
        level = level.aggregated(by: refined, count: refinedCount)
        partition = next
    }
    var result = aggregateOf.map { partition[Int($0)] }
    _ = renumberCommunities(&result, labelBound: graph.nodeCount)
    return result
}

/// Leiden's fast local moving: a queue of nodes, first all of them in a shuffled order, each moved to
/// its best community; the neighbours of a node that moved, outside its new community, are queued
/// again. Louvain uses it too.
///
/// - Returns: whether any node moved.
@discardableResult
func moveNodesFast(_ graph: CommunityGraph, _ moving: inout LocalMoving, random: inout SplitMix64) -> Bool {
    let n = graph.nodeCount
    guard n > 0 else { return false }
    var movedAtAll = false
    var queue = (0..<Int32(n)).map { $0 }
    random.shuffle(&queue)
    var queued = [Bool](repeating: true, count: n)
    // A ring buffer: at most n nodes are queued at once.
    var head = 0, length = n
    while length > 0 {
        let u = Int(queue[head])
        head = head + 1 == n ? 0 : head + 1
        length -= 1
        queued[u] = false
        guard moving.move(u, in: graph) else { continue }
        movedAtAll = true
        let c = moving.community[u]
        for arc in graph.offsets[u]..<graph.offsets[u + 1] {
            let v = Int(graph.targets[arc])
            if !queued[v] && moving.community[v] != c {
                queued[v] = true
                var tail = head + length
                if tail >= n { tail -= n }
                queue[tail] = Int32(v)
                length += 1
            }
        }
    }
    return movedAtAll
}

/// Leiden's refinement of a partition (see ``leidenCommunities(_:resolution:seed:iterations:)``).
///
/// - Returns: the refined sub-community of every node, labelled by node ids (not contiguous).
private func refine(_ graph: CommunityGraph, partition: [Int32], count: Int, resolution: Double,
                    random: inout SplitMix64) -> [Int32] {
    let n = graph.nodeCount
    let (positiveFactor, negativeFactor) = graph.nullModel(resolution: resolution)
    // Nodes in a random order, then grouped by community (stable, so random within each).
    var order = (0..<Int32(n)).map { $0 }
    random.shuffle(&order)
    var start = [Int](repeating: 0, count: count + 1)
    for u in 0..<n { start[Int(partition[u]) + 1] += 1 }
    for c in 0..<count { start[c + 1] += start[c] }
    var fill = start
    var members = [Int32](repeating: 0, count: n)
    for u in order {
        let c = Int(partition[Int(u)])
        members[fill[c]] = u
        fill[c] += 1
    }
    // Totals of each community of the partition (communities are renumbered; recompute).
    var communityPositive = [Double](repeating: 0, count: count)
    var communityNegative = [Double](repeating: 0, count: count)
    for u in 0..<n {
        communityPositive[Int(partition[u])] += graph.positiveStrength[u]
        communityNegative[Int(partition[u])] += graph.negativeStrength[u]
    }
    // Sub-communities, labelled by node id: each node starts alone. Scratch buffers are raw
    // allocations so that the loops below run without bounds checks or copy-on-write checks.
    var refined = (0..<Int32(n)).map { $0 }
    let subPositive = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
    let subNegative = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
    let outward = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
    let isAlone = UnsafeMutableBufferPointer<Bool>.allocate(capacity: n)
    let linkWeight = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
    let mark = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
    let linked = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
    defer {
        for buffer in [subPositive, subNegative, outward, linkWeight] { buffer.deallocate() }
        isAlone.deallocate()
        mark.deallocate()
        linked.deallocate()
    }
    _ = subPositive.initialize(from: graph.positiveStrength)
    _ = subNegative.initialize(from: graph.negativeStrength)
    isAlone.initialize(repeating: true)
    linkWeight.initialize(repeating: 0)
    mark.initialize(repeating: -1)
    linked.initialize(repeating: 0)
    /// The modularity gain of joining two disjoint sets with these strengths and this weight between them.
    func joinGain(_ link: Double, _ aPositive: Double, _ aNegative: Double, _ bPositive: Double,
                  _ bNegative: Double) -> Double {
        link - aPositive * bPositive * positiveFactor + aNegative * bNegative * negativeFactor
    }
    graph.offsets.withUnsafeBufferPointer { offsets in
        graph.targets.withUnsafeBufferPointer { targets in
            graph.weights.withUnsafeBufferPointer { weights in
                partition.withUnsafeBufferPointer { partition in
                    refined.withUnsafeMutableBufferPointer { refined in
                        // Weight from each sub-community (a node, for now) to the rest of its community.
                        for u in 0..<n {
                            var total = 0.0
                            for arc in offsets[u]..<offsets[u + 1] where partition[Int(targets[arc])] == partition[u] {
                                total += weights[arc]
                            }
                            outward[u] = total
                        }
                        for c in 0..<count where start[c + 1] - start[c] > 1 {
                            let cPositive = communityPositive[c], cNegative = communityNegative[c]
                            for position in start[c]..<start[c + 1] {
                                let u = Int(members[position])
                                guard isAlone[u] else { continue }
                                let kPositive = subPositive[u], kNegative = subNegative[u]
                                // Well connected: joining u to the rest of its community does not lower modularity.
                                guard joinGain(outward[u], kPositive, kNegative, cPositive - kPositive,
                                               cNegative - kNegative) >= 0 else {
                                    continue
                                }
                                var linkedCount = 0
                                for arc in offsets[u]..<offsets[u + 1] {
                                    let v = Int(targets[arc])
                                    guard partition[v] == partition[u] else { continue }
                                    let r = Int(refined[v])
                                    if mark[r] == Int32(u) {
                                        linkWeight[r] += weights[arc]
                                    } else {
                                        mark[r] = Int32(u)
                                        linkWeight[r] = weights[arc]
                                        linked[linkedCount] = Int32(r)
                                        linkedCount += 1
                                    }
                                }
                                var best = -1
                                var bestGain = 1e-12 * (kPositive + kNegative)
                                for index in 0..<linkedCount {
                                    let r = Int(linked[index])
                                    guard r != u, linkWeight[r] > 0 else { continue }
                                    let rPositive = subPositive[r], rNegative = subNegative[r]
                                    // The sub-community must itself be well connected to the rest of the community.
                                    guard joinGain(outward[r], rPositive, rNegative, cPositive - rPositive,
                                                   cNegative - rNegative) >= 0 else {
                                        continue
                                    }
                                    let gain = joinGain(linkWeight[r], kPositive, kNegative, rPositive, rNegative)
                                    if gain > bestGain {
                                        best = r
                                        bestGain = gain
                                    }
                                }
                                guard best >= 0 else { continue }
                                refined[u] = Int32(best)
                                isAlone[u] = false
                                isAlone[best] = false
                                subPositive[best] += kPositive
                                subNegative[best] += kNegative
                                subPositive[u] = 0
                                subNegative[u] = 0
                                outward[best] += outward[u] - 2 * linkWeight[best]
                                outward[u] = 0
                            }
                        }
                    }
                }
            }
        }
    }
    return refined
}

/// Splits every community that is not connected by positive ties into its connected parts, when
/// that does not lower the (signed) modularity; relabels `partition` by first node.
///
/// Without negative ties, splitting only removes null-model terms between parts that share no
/// tie, so it always raises modularity.
///
/// - Complexity: O(V + E).
func splitDisconnectedCommunities(_ graph: CommunityGraph, _ partition: inout [Int32], resolution: Double) {
    let n = graph.nodeCount
    guard n > 0 else { return }
    // Parts: components of the positive ties inside each community (breadth-first).
    var part = [Int32](repeating: -1, count: n)
    var partCount: Int32 = 0
    var stack: [Int32] = []
    for root in 0..<n where part[root] < 0 {
        part[root] = partCount
        stack.append(Int32(root))
        while let u32 = stack.popLast() {
            let u = Int(u32)
            for arc in graph.offsets[u]..<graph.offsets[u + 1] where graph.weights[arc] > 0 {
                let v = Int(graph.targets[arc])
                if part[v] < 0 && partition[v] == partition[u] {
                    part[v] = partCount
                    stack.append(Int32(v))
                }
            }
        }
        partCount += 1
    }
    var communityCount = 0
    for c in partition { communityCount = max(communityCount, Int(c) + 1) }
    guard Int(partCount) > communityCount else { return }
    // Per part and per community: inside weight and strengths; the modularity terms compare.
    let (positiveFactor, negativeFactor) = graph.nullModel(resolution: resolution)
    var partInside = [Double](repeating: 0, count: Int(partCount))
    var partPositive = partInside, partNegative = partInside
    var communityInside = [Double](repeating: 0, count: communityCount)
    var communityPositive = communityInside, communityNegative = communityInside
    var partsOfCommunity = [Int](repeating: 0, count: communityCount)
    var partCounted = [Bool](repeating: false, count: Int(partCount))
    for u in 0..<n {
        let p = Int(part[u]), c = Int(partition[u])
        if !partCounted[p] {
            partCounted[p] = true
            partsOfCommunity[c] += 1
        }
        partPositive[p] += graph.positiveStrength[u]
        partNegative[p] += graph.negativeStrength[u]
        communityPositive[c] += graph.positiveStrength[u]
        communityNegative[c] += graph.negativeStrength[u]
        partInside[p] += graph.loops[u]
        communityInside[c] += graph.loops[u]
        for arc in graph.offsets[u]..<graph.offsets[u + 1] {
            let v = Int(graph.targets[arc])
            if part[v] == part[u] { partInside[p] += graph.weights[arc] / 2 }
            if partition[v] == partition[u] { communityInside[c] += graph.weights[arc] / 2 }
        }
    }
    // Modularity term (times m⁺ + m⁻): w − γK⁺²/(4m⁺) + γK⁻²/(4m⁻) = w − K⁺²·f⁺/2 + K⁻²·f⁻/2.
    func term(_ inside: Double, _ positive: Double, _ negative: Double) -> Double {
        inside - positive * positive * positiveFactor / 2 + negative * negative * negativeFactor / 2
    }
    var splitTerm = [Double](repeating: 0, count: communityCount)
    for u in 0..<n where partCounted[Int(part[u])] {
        let p = Int(part[u])
        partCounted[p] = false
        splitTerm[Int(partition[u])] += term(partInside[p], partPositive[p], partNegative[p])
    }
    var split = [Bool](repeating: false, count: communityCount)
    for c in 0..<communityCount where partsOfCommunity[c] > 1 {
        split[c] = splitTerm[c] >= term(communityInside[c], communityPositive[c], communityNegative[c])
    }
    // A split community's nodes take their part's label (offset past the community labels).
    for u in 0..<n where split[Int(partition[u])] {
        partition[u] = Int32(communityCount) + part[u]
    }
    _ = renumberCommunities(&partition, labelBound: communityCount + Int(partCount))
}
