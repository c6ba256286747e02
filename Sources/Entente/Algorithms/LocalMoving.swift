/// The moving phase shared by Louvain and Leiden: a partition of a ``CommunityGraph`` with the
/// strength totals of its communities, and the move of one node to the community where it adds
/// the most (signed) modularity.
///
/// All buffers are allocated once per graph level and reused for every node.
struct LocalMoving {
    /// The community of each node. Community ids are below the node count; not contiguous.
    var community: [Int32]
    /// K⁺ of each community id.
    private var positiveTotal: [Double]
    /// K⁻ of each community id (unused without negative ties).
    private var negativeTotal: [Double]
    /// Number of nodes in each community id.
    private var size: [Int32]
    /// Ids of empty communities, to put a node on its own.
    private var emptyIDs: [Int32]
    /// Scratch: weight from the current node to each community id; NaN for a community it has no
    /// tie to (NaN, not 0, because signed weights can sum to 0). Reset after each node.
    private var linkWeight: [Double]
    /// Scratch: the community ids linked to the current node, `linkedCount` of them.
    private var linked: [Int32]
    private let positiveFactor: Double
    private let negativeFactor: Double

    /// A partition of `graph` where node `u` is in community `initial[u]` (ids below the node count).
    init(_ graph: CommunityGraph, initial: [Int32], resolution: Double) {
        let n = graph.nodeCount
        community = initial
        positiveTotal = [Double](repeating: 0, count: n)
        negativeTotal = [Double](repeating: 0, count: n)
        size = [Int32](repeating: 0, count: n)
        for u in 0..<n {
            let c = Int(initial[u])
            positiveTotal[c] += graph.positiveStrength[u]
            negativeTotal[c] += graph.negativeStrength[u]
            size[c] += 1
        }
        emptyIDs = []
        for c in (0..<n).reversed() where size[c] == 0 { emptyIDs.append(Int32(c)) }
        linkWeight = [Double](repeating: .nan, count: n)
        linked = [Int32](repeating: 0, count: n)
        let factors = graph.nullModel(resolution: resolution)
        positiveFactor = factors.positive
        negativeFactor = factors.negative
    }

    /// Moves node `u` to the community where the modularity gain is largest: one of its neighbours'
    /// communities, or a community of its own when every other choice loses. It stays unless the
    /// gain beats staying by more than rounding (1e-12 of its strength), so ties keep the node
    /// where it is and the moving phase ends.
    ///
    /// - Returns: whether `u` changed community.
    /// - Complexity: O(degree of u).
    mutating func move(_ u: Int, in graph: CommunityGraph) -> Bool {
        let c0 = Int(community[u])
        let kPositive = graph.positiveStrength[u]
        let kNegative = graph.negativeStrength[u]
        let signed = negativeFactor > 0
        let positiveFactor = self.positiveFactor, negativeFactor = self.negativeFactor
        let tolerance = 1e-12 * (kPositive + kNegative)
        // Take u out of its community.
        positiveTotal[c0] -= kPositive
        if signed { negativeTotal[c0] -= kNegative }
        size[c0] -= 1
        let aloneInC0 = size[c0] == 0
        let (stay, best0, bestGain0) = graph.offsets.withUnsafeBufferPointer { offsets in
            graph.targets.withUnsafeBufferPointer { targets in
                graph.weights.withUnsafeBufferPointer { weights in
                    community.withUnsafeBufferPointer { community in
                        linkWeight.withUnsafeMutableBufferPointer { linkWeight in
                            linked.withUnsafeMutableBufferPointer { linked in
                                positiveTotal.withUnsafeBufferPointer { positiveTotal in
                                    negativeTotal.withUnsafeBufferPointer { negativeTotal in
                                        // The weight from u to each community it is tied to.
                                        var linkedCount = 0
                                        for arc in offsets[u]..<offsets[u + 1] {
                                            let c = Int(community[Int(targets[arc])])
                                            let weight = weights[arc]
                                            if linkWeight[c].isNaN {
                                                linkWeight[c] = weight
                                                linked[linkedCount] = Int32(c)
                                                linkedCount += 1
                                            } else {
                                                linkWeight[c] += weight
                                            }
                                        }
                                        func gain(_ c: Int, link: Double) -> Double {
                                            var value = link - kPositive * positiveTotal[c] * positiveFactor
                                            if signed { value += kNegative * negativeTotal[c] * negativeFactor }
                                            return value
                                        }
                                        let stayLink = linkWeight[c0].isNaN ? 0 : linkWeight[c0]
                                        let stay = aloneInC0 ? 0 : gain(c0, link: stayLink)
                                        var best = c0
                                        var bestGain = stay
                                        for index in 0..<linkedCount {
                                            let c = Int(linked[index])
                                            let link = linkWeight[c]
                                            linkWeight[c] = .nan
                                            guard c != c0 else { continue }
                                            let value = gain(c, link: link)
                                            if value > bestGain {
                                                best = c
                                                bestGain = value
                                            }
                                        }
                                        return (stay, best, bestGain)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var best = best0, bestGain = bestGain0
        if bestGain < -tolerance && !aloneInC0, let empty = emptyIDs.last {
            // Alone is better than anywhere else (gain 0).
            best = Int(empty)
            bestGain = 0
        }
        if best == c0 || bestGain <= stay + tolerance {
            positiveTotal[c0] += kPositive
            if signed { negativeTotal[c0] += kNegative }
            size[c0] += 1
            return false
        }
        if size[best] == 0, let last = emptyIDs.last, Int(last) == best { emptyIDs.removeLast() }
        if aloneInC0 { emptyIDs.append(Int32(c0)) }
        positiveTotal[best] += kPositive
        if signed { negativeTotal[best] += kNegative }
        size[best] += 1
        community[u] = Int32(best)
        return true
    }
}
