/// A compact adjacency (CSR) of a ``GraphView`` under one ``EdgeMetric``: what the algorithms run on.
///
/// Nodes are the view's local indices. Parallel edges between a pair (same direction, for a directed
/// graph) are merged into one arc whose ``costs`` entry is the *cheapest* cost and whose ``weights``
/// entry is the *sum* of the weights, and which remembers the graph index of the cheapest edge.
/// An undirected edge gives an arc each way. Each node's arcs are sorted by target.
///
/// Build it once per (filter, metric) and reuse it: every algorithm only reads it.
package struct WeightedAdjacency: Sendable {
    /// The view the adjacency was built from.
    package let view: GraphView
    /// The metric that set ``costs``.
    package let metric: EdgeMetric
    /// Number of nodes (the view's).
    package let nodeCount: Int
    /// Whether arcs follow edge direction only.
    package let isDirected: Bool
    /// Out-arcs of node `u` are `offsets[u]..<offsets[u + 1]`.
    package let offsets: [Int]
    /// Target of each out-arc.
    package let targets: [Int32]
    /// Cost of each out-arc: the cheapest of the merged parallel edges.
    package let costs: [Double]
    /// Weight of each out-arc: the sum of the merged parallel edges' weights.
    package let weights: [Double]
    /// Graph edge index of the cheapest of the merged parallel edges of each out-arc.
    package let edgeIndices: [Int32]
    /// In-arcs of node `v` are `inOffsets[v]..<inOffsets[v + 1]` (the same as the out-arcs when undirected).
    package let inOffsets: [Int]
    /// Source of each in-arc.
    package let inSources: [Int32]
    /// Cost of each in-arc.
    package let inCosts: [Double]
    /// Weight of each in-arc.
    package let inWeights: [Double]
    /// The power of two, 2^weightExponent, every weight was multiplied by before it entered
    /// ``weights`` and ``costs``: 2⁰ while the view's weights lie between 2⁻⁴⁰ and 2⁴⁰, else the one
    /// that centres their range on 1, so that sums and products of huge (1e308) or tiny (5e-324)
    /// weights stay finite and nonzero. Being a power of two, it changes no digit of any result;
    /// ``graphUnits(ofWeight:)`` and its kin divide it back out. An exponent, not a
    /// factor: 2¹⁰⁷⁴, which lifts 5e-324 to 1, is beyond the largest finite Double.
    package let weightExponent: Int
    /// The power of two ``costs`` were multiplied by: ``weightExponent`` for `length`, its negation
    /// for `strength`, 0 for `hops`. A path cost in the graph's units is the stored one times 2^−costExponent.
    package var costExponent: Int {
        switch metric {
        case .length: return weightExponent
        case .strength: return -weightExponent
        case .hops: return 0
        }
    }

    /// A weight, a sum of weights or an eigenvalue of the stored weights, in the graph's units.
    package func graphUnits(ofWeight stored: Double) -> Double { Double.times(stored, powerOfTwo: -weightExponent) }
    /// An attenuation (Katz's alpha) in the graph's units as the stored weights count it.
    package func storedUnits(ofInverseWeight alpha: Double) -> Double { Double.times(alpha, powerOfTwo: -weightExponent) }
    /// A quantity that goes as one over a distance (closeness, harmonic centrality), in the graph's units.
    package func graphUnits(ofInverseCost stored: Double) -> Double { Double.times(stored, powerOfTwo: costExponent) }
    /// An attenuation (Katz's alpha, one over a weight) of the stored weights, in the graph's units.
    package func graphUnits(ofInverseWeight stored: Double) -> Double { Double.times(stored, powerOfTwo: weightExponent) }

    /// Builds the adjacency of a view.
    ///
    /// - Complexity: O(V + E log d) where d is the largest degree.
    package init(_ view: GraphView, metric: EdgeMetric) {
        self.view = view
        self.metric = metric
        self.nodeCount = view.nodeCount
        self.isDirected = view.isDirected
        let graph = view.graph
        let n = view.nodeCount
        let scale = view.weightExponent
        weightExponent = scale
        var arcSources: [Int32] = []
        var arcTargets: [Int32] = []
        var arcEdges: [Int32] = []
        let arcCapacity = view.edgeCount * (view.isDirected ? 1 : 2)
        arcSources.reserveCapacity(arcCapacity)
        arcTargets.reserveCapacity(arcCapacity)
        arcEdges.reserveCapacity(arcCapacity)
        for index in view.edgeIndices {
            let edge = graph.edges[index]
            guard let u = view.localIndex(ofNode: edge.sourceIndex), let v = view.localIndex(ofNode: edge.targetIndex), u != v else {
                continue
            }
            arcSources.append(Int32(u))
            arcTargets.append(Int32(v))
            arcEdges.append(Int32(index))
            if !view.isDirected {
                arcSources.append(Int32(v))
                arcTargets.append(Int32(u))
                arcEdges.append(Int32(index))
            }
        }
        let out = Self.compress(n: n, from: arcSources, to: arcTargets, edges: arcEdges, graph: graph, metric: metric,
                                scale: scale)
        offsets = out.offsets
        targets = out.neighbours
        costs = out.costs
        weights = out.weights
        edgeIndices = out.edges
        if view.isDirected {
            let incoming = Self.compress(n: n, from: arcTargets, to: arcSources, edges: arcEdges, graph: graph, metric: metric,
                                         scale: scale)
            inOffsets = incoming.offsets
            inSources = incoming.neighbours
            inCosts = incoming.costs
            inWeights = incoming.weights
        } else {
            inOffsets = out.offsets
            inSources = out.neighbours
            inCosts = out.costs
            inWeights = out.weights
        }
    }

    /// Counting sort of arcs by source, then per-row sort by neighbour and merge of parallel arcs.
    private static func compress(n: Int, from: [Int32], to: [Int32], edges: [Int32], graph: RelationGraph,
                                 metric: EdgeMetric, scale: Int)
        -> (offsets: [Int], neighbours: [Int32], costs: [Double], weights: [Double], edges: [Int32]) {
        var start = [Int](repeating: 0, count: n + 1)
        for u in from { start[Int(u) + 1] += 1 }
        for u in 0..<n { start[u + 1] += start[u] }
        var fill = start
        var order = [Int32](repeating: 0, count: from.count)
        for (arc, u) in from.enumerated() {
            order[fill[Int(u)]] = Int32(arc)
            fill[Int(u)] += 1
        }
        var offsets = [Int](repeating: 0, count: n + 1)
        var neighbours: [Int32] = []
        var costs: [Double] = []
        var weights: [Double] = []
        var edgeIDs: [Int32] = []
        neighbours.reserveCapacity(from.count)
        costs.reserveCapacity(from.count)
        weights.reserveCapacity(from.count)
        edgeIDs.reserveCapacity(from.count)
        for u in 0..<n {
            var row = order[start[u]..<start[u + 1]]
            if row.count > 1 {
                // Sort by neighbour, then by edge index so that the cheapest-edge choice is stable.
                row.sort { (to[Int($0)], edges[Int($0)]) < (to[Int($1)], edges[Int($1)]) }
            }
            var previous: Int32 = -1
            for arc in row {
                let v = to[Int(arc)]
                let edgeIndex = edges[Int(arc)]
                let weight = Double.times(graph.edges[Int(edgeIndex)].weight, powerOfTwo: scale)
                let cost = metric.cost(ofWeight: weight)
                if v == previous, let last = neighbours.indices.last {
                    weights[last] += weight
                    if cost < costs[last] {
                        costs[last] = cost
                        edgeIDs[last] = edgeIndex
                    }
                    continue
                }
                previous = v
                neighbours.append(v)
                costs.append(cost)
                weights.append(weight)
                edgeIDs.append(edgeIndex)
            }
            offsets[u + 1] = neighbours.count
        }
        return (offsets, neighbours, costs, weights, edgeIDs)
    }

    /// Number of merged arcs (for an undirected graph, twice the number of adjacent pairs).
    package var arcCount: Int { targets.count }
}

extension GraphView {
    /// The power of two, 2^weightExponent, that the weighted algorithms multiply this view's weights
    /// by: 0 while they lie between 2⁻⁴⁰ and 2⁴⁰, else −e for the mean e of the binary exponents of
    /// the smallest and the largest weight, which centres their range on 1.
    ///
    /// - Complexity: O(E).
    package var weightExponent: Int {
        var smallest = Double.infinity, largest = 0.0
        for index in edgeIndices {
            let weight = graph.edges[index].weight
            smallest = min(smallest, weight)
            largest = max(largest, weight)
        }
        return Double.centringExponent(smallest: smallest, largest: largest)
    }
}

extension Double {
    /// The power of two that centres magnitudes from `smallest` to `largest` on 1: 0 while they lie
    /// between 2⁻⁴⁰ and 2⁴⁰ (or when `largest` is not finite), else −e for the mean e of their binary
    /// exponents. The one rule of every weighted algorithm's scaling.
    package static func centringExponent(smallest: Double, largest: Double) -> Int {
        guard largest.isFinite, largest > 0x1p40 || (smallest < 0x1p-40 && smallest > 0) else { return 0 }
        return -(Int(largest.exponent) + Int(smallest.exponent)) / 2
    }

    /// x · 2^e, exact unless it overflows or falls below the smallest subnormal.
    package static func times(_ x: Double, powerOfTwo e: Int) -> Double {
        e == 0 ? x : Double(sign: .plus, exponent: e, significand: x)
    }
}
