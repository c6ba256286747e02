/// The graph Louvain and Leiden run on: undirected, weighted, in compressed sparse rows, with dense
/// `Int32` node indices and, per node, the weight of the ties *inside* it (a node of an aggregate
/// graph is a whole community of the level below).
///
/// Weights are signed. Without `signed`, only cooperative ties are read and every weight is
/// positive. With `signed`, the ``SignRule`` makes one signed weight of a pair's cooperative and
/// adversarial weights (``SignRule/net``: cooperative minus adversarial, summed in edge order, a
/// pair that sums to zero is no tie; ``SignRule/negativeWins``, the default: any adversarial edge
/// makes the pair negative). The null model of modularity needs each node's positive and negative strength, k⁺ and k⁻,
/// which add up under aggregation, so one signed weight per arc is enough.
struct CommunityGraph: Sendable {
    /// Number of nodes.
    let nodeCount: Int
    /// The arcs of node `u` are `offsets[u]..<offsets[u + 1]`; each tie gives an arc each way.
    let offsets: [Int]
    /// Target of each arc.
    let targets: [Int32]
    /// Signed weight of each arc.
    let weights: [Double]
    /// Signed weight of the ties inside each node, each tie counted once (0 on the first level).
    let loops: [Double]
    /// k⁺: the positive weight at each node, a tie inside it counted twice.
    let positiveStrength: [Double]
    /// k⁻: the negative weight at each node (magnitudes), a tie inside it counted twice; all zero
    /// when the graph has no negative tie.
    let negativeStrength: [Double]
    /// m⁺: the total positive weight (Σ k⁺ / 2).
    let positiveTotal: Double
    /// m⁻: the total negative weight (Σ k⁻ / 2).
    let negativeTotal: Double

    /// Whether any tie is negative.
    var hasNegativeTies: Bool { negativeTotal > 0 }

    private init(nodeCount: Int, offsets: [Int], targets: [Int32], weights: [Double], loops: [Double],
                 positiveStrength: [Double], negativeStrength: [Double], positiveTotal: Double, negativeTotal: Double) {
        self.nodeCount = nodeCount
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        self.loops = loops
        self.positiveStrength = positiveStrength
        self.negativeStrength = negativeStrength
        self.positiveTotal = positiveTotal
        self.negativeTotal = negativeTotal
    }

    /// The first-level graph of a view: one node per view node (local indices), parallel edges of a
    /// pair summed in edge order (a directed graph's two directions too: communities ignore direction).
    ///
    /// - Parameters:
    ///   - view: the view; its adversarial edges are read only when `signed`.
    ///   - signed: read adversarial edges as negative weights.
    ///   - rule: how a pair with edges of both polarities gets its signed weight.
    /// - Complexity: O(V + E).
    init(_ view: GraphView, signed: Bool, rule: SignRule = .negativeWins) {
        let graph = view.graph
        let n = view.nodeCount
        // Arcs both ways, bucketed by source (counting sort), in edge order within a bucket.
        var start = [Int](repeating: 0, count: n + 1)
        var ends: [(Int32, Int32, Double)] = []
        ends.reserveCapacity(view.edgeCount)
        // Modularity does not change when every weight is multiplied by one factor: a power of two
        // keeps sums of huge (1e308) or tiny (5e-324) weights finite and nonzero, and changes no digit.
        let exponent = view.weightExponent
        for index in view.edgeIndices {
            let edge = graph.edges[index]
            guard signed || edge.polarity == .cooperative,
                  let u = view.localIndex(ofNode: edge.sourceIndex), let v = view.localIndex(ofNode: edge.targetIndex), u != v else {
                continue
            }
            let weight = Double.times(edge.weight, powerOfTwo: exponent)
            ends.append((Int32(u), Int32(v), edge.polarity == .adversarial ? -weight : weight))
            start[u + 1] += 1
            start[v + 1] += 1
        }
        for u in 0..<n { start[u + 1] += start[u] }
        var fill = start
        var arcTargets = [Int32](repeating: 0, count: start[n])
        var arcWeights = [Double](repeating: 0, count: start[n])
        let byRule = signed && rule != .net
        for (u, v, weight) in ends {
            arcTargets[fill[Int(u)]] = v
            arcWeights[fill[Int(u)]] = weight
            fill[Int(u)] += 1
            arcTargets[fill[Int(v)]] = u
            arcWeights[fill[Int(v)]] = weight
            fill[Int(v)] += 1
        }
        // Merge the arcs of a pair (first appearance keeps its place) and drop pairs that sum to zero.
        var slot = [Int](repeating: -1, count: n)
        var offsets = [Int](repeating: 0, count: n + 1)
        var targets: [Int32] = []
        var weights: [Double] = []
        // Per merged arc, the cooperative and adversarial sums (for the rules other than net).
        var cooperative: [Double] = [], adversarial: [Double] = []
        targets.reserveCapacity(arcTargets.count)
        weights.reserveCapacity(arcTargets.count)
        var positive = [Double](repeating: 0, count: n)
        var negative = [Double](repeating: 0, count: n)
        for u in 0..<n {
            let rowStart = targets.count
            for arc in start[u]..<start[u + 1] {
                let v = Int(arcTargets[arc])
                if slot[v] >= rowStart {
                    weights[slot[v]] += arcWeights[arc]
                } else {
                    slot[v] = targets.count
                    targets.append(Int32(v))
                    weights.append(arcWeights[arc])
                    if byRule {
                        cooperative.append(0)
                        adversarial.append(0)
                    }
                }
                if byRule {
                    if arcWeights[arc] > 0 { cooperative[slot[v]] += arcWeights[arc] } else { adversarial[slot[v]] -= arcWeights[arc] }
                }
            }
            if byRule {
                for arc in rowStart..<targets.count {
                    weights[arc] = rule.signedWeight(cooperative: cooperative[arc], adversarial: adversarial[arc])
                }
            }
            var kept = rowStart
            for arc in rowStart..<targets.count where weights[arc] != 0 {
                targets[kept] = targets[arc]
                weights[kept] = weights[arc]
                if weights[arc] > 0 { positive[u] += weights[arc] } else { negative[u] -= weights[arc] }
                kept += 1
            }
            targets.removeLast(targets.count - kept)
            weights.removeLast(weights.count - kept)
            if byRule {
                cooperative.removeLast(cooperative.count - kept)
                adversarial.removeLast(adversarial.count - kept)
            }
            offsets[u + 1] = kept
        }
        self.init(nodeCount: n, offsets: offsets, targets: targets, weights: weights,
                  loops: [Double](repeating: 0, count: n), positiveStrength: positive, negativeStrength: negative,
                  positiveTotal: positive.reduce(0, +) / 2, negativeTotal: negative.reduce(0, +) / 2)
    }

    /// The graph whose nodes are the communities of this one: the weight between two communities is
    /// the sum of the weights between their members, the ties inside a community become its loop
    /// weight, and strengths add up. Rows list neighbours in order of first appearance.
    ///
    /// - Parameters:
    ///   - community: the community of each node, numbered `0..<count`.
    ///   - count: the number of communities.
    /// - Complexity: O(V + E).
    func aggregated(by community: [Int32], count: Int) -> CommunityGraph {
        let n = nodeCount
        var start = [Int](repeating: 0, count: count + 1)
        for c in community { start[Int(c) + 1] += 1 }
        for c in 0..<count { start[c + 1] += start[c] }
        var fill = start
        var members = [Int32](repeating: 0, count: n)
        for u in 0..<n {
            let c = Int(community[u])
            members[fill[c]] = Int32(u)
            fill[c] += 1
        }
        var newOffsets = [Int](repeating: 0, count: count + 1)
        // At most as many arcs as this level has; filled through buffer pointers, then trimmed.
        var newTargets = [Int32](repeating: 0, count: targets.count)
        var newWeights = [Double](repeating: 0, count: targets.count)
        var newLoops = [Double](repeating: 0, count: count)
        var newPositive = [Double](repeating: 0, count: count)
        var newNegative = [Double](repeating: 0, count: count)
        let slot = UnsafeMutableBufferPointer<Int>.allocate(capacity: count)
        slot.initialize(repeating: -1)
        defer { slot.deallocate() }
        var arcCount = 0
        offsets.withUnsafeBufferPointer { offsets in
            targets.withUnsafeBufferPointer { targets in
                weights.withUnsafeBufferPointer { weights in
                    community.withUnsafeBufferPointer { community in
                        newTargets.withUnsafeMutableBufferPointer { newTargets in
                            newWeights.withUnsafeMutableBufferPointer { newWeights in
                                for c in 0..<count {
                                    let rowStart = arcCount
                                    var inside = 0.0, loop = 0.0, positive = 0.0, negative = 0.0
                                    for position in start[c]..<start[c + 1] {
                                        let u = Int(members[position])
                                        loop += loops[u]
                                        positive += positiveStrength[u]
                                        negative += negativeStrength[u]
                                        for arc in offsets[u]..<offsets[u + 1] {
                                            let d = Int(community[Int(targets[arc])])
                                            let weight = weights[arc]
                                            if d == c {
                                                inside += weight
                                            } else if slot[d] >= rowStart {
                                                newWeights[slot[d]] += weight
                                            } else {
                                                slot[d] = arcCount
                                                newTargets[arcCount] = Int32(d)
                                                newWeights[arcCount] = weight
                                                arcCount += 1
                                            }
                                        }
                                    }
                                    newLoops[c] = loop + inside / 2
                                    newPositive[c] = positive
                                    newNegative[c] = negative
                                    newOffsets[c + 1] = arcCount
                                }
                            }
                        }
                    }
                }
            }
        }
        newTargets.removeLast(newTargets.count - arcCount)
        newWeights.removeLast(newWeights.count - arcCount)
        return CommunityGraph(nodeCount: count, offsets: newOffsets, targets: newTargets, weights: newWeights,
                              loops: newLoops, positiveStrength: newPositive, negativeStrength: newNegative,
                              positiveTotal: positiveTotal, negativeTotal: negativeTotal)
    }

    /// The null-model factors γ/(2m⁺) and γ/(2m⁻) (0 for a layer without weight): the gain of
    /// putting node `i` with a set of total strengths K⁺, K⁻ is `w − k⁺ᵢ·K⁺·positive + k⁻ᵢ·K⁻·negative`.
    func nullModel(resolution: Double) -> (positive: Double, negative: Double) {
        (positiveTotal > 0 ? resolution / (2 * positiveTotal) : 0,
         negativeTotal > 0 ? resolution / (2 * negativeTotal) : 0)
    }

    /// The (signed) modularity of a partition of this graph (see ``GraphView/modularity(of:resolution:signed:signRule:)``):
    ///
    ///     Q = 1/(m⁺ + m⁻) · Σ_c [ w_c − γ (K⁺_c)² / (4m⁺) + γ (K⁻_c)² / (4m⁻) ]
    ///
    /// where w_c is the signed weight inside community c (each tie once, loops included) and K±_c
    /// the sums of k± over its nodes; a layer without weight has no term. Without negative ties this
    /// is Newman's modularity Σ_c [w_c/m − γ (K_c/2m)²], as networkx computes it.
    ///
    /// - Parameters:
    ///   - community: the community of each node, numbered `0..<count`.
    ///   - count: the number of communities.
    ///   - resolution: γ.
    /// - Complexity: O(V + E).
    func modularity(of community: [Int32], count: Int, resolution: Double) -> Double {
        var inside = [Double](repeating: 0, count: count)
        var positive = [Double](repeating: 0, count: count)
        var negative = [Double](repeating: 0, count: count)
        for u in 0..<nodeCount {
            let c = Int(community[u])
            positive[c] += positiveStrength[u]
            negative[c] += negativeStrength[u]
            var within = 0.0
            for arc in offsets[u]..<offsets[u + 1] where community[Int(targets[arc])] == community[u] {
                within += weights[arc]
            }
            inside[c] += loops[u] + within / 2
        }
        let total = positiveTotal + negativeTotal
        guard total > 0 else { return 0 }
        var sum = 0.0
        for c in 0..<count {
            var term = inside[c]
            if positiveTotal > 0 { term -= resolution * positive[c] * positive[c] / (4 * positiveTotal) }
            if negativeTotal > 0 { term += resolution * negative[c] * negative[c] / (4 * negativeTotal) }
            sum += term
        }
        if (sum / total).isFinite { return sum / total }
        // A huge resolution (1e308) overflows γ·K²: the same sum in shares of the totals, each ≤ 1.
        sum = 0
        for c in 0..<count {
            var term = inside[c] / total
            if positiveTotal > 0 {
                let share = positive[c] / (2 * positiveTotal)
                term -= resolution * (share * share * (positiveTotal / total))
            }
            if negativeTotal > 0 {
                let share = negative[c] / (2 * negativeTotal)
                term += resolution * (share * share * (negativeTotal / total))
            }
            sum += term
        }
        return sum
    }
}

/// Numbers communities `0..<count` in order of their first node, in place; returns the count.
///
/// - Parameter community: any non-negative labels below `labelBound`.
/// - Complexity: O(V + labelBound).
func renumberCommunities(_ community: inout [Int32], labelBound: Int) -> Int {
    var number = [Int32](repeating: -1, count: labelBound)
    var count: Int32 = 0
    for u in community.indices {
        let label = Int(community[u])
        if number[label] < 0 {
            number[label] = count
            count += 1
        }
        community[u] = number[label]
    }
    return Int(count)
}
