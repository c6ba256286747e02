/// Approximate betweenness from a sample of source nodes (Brandes & Pich 2007), the estimate networkx
/// computes with `betweenness_centrality(G, k=sources, seed=seed)`.
///
/// ```swift
/// let estimate = try analysis.centrality(.betweenness, sampling: BetweennessSampling(sources: 500, seed: 7))
/// ```
///
/// Only the `sources` sampled nodes start a shortest-path search (every node stays a target), so the
/// run takes about sources/n of the exact one's time. The sums are scaled as networkx 3.5 and later
/// scale them: with N = n − 1, a node outside the sample is divided by sources·(N − 1) (normalized)
/// or multiplied by N/(sources·c) (raw; c = 2 on an undirected graph, 1 on a directed one); a sampled
/// node cannot count the paths that start at itself, so `sources − 1` takes the place of `sources`
/// for it. Each value is an unbiased estimate of the exact one, and with `sources` = n the estimate
/// is the exact betweenness (up to the order of summation, within 1e-9). (networkx before 3.5 scaled
/// every node by n/k before the usual normalisation, which biases the sampled nodes' values.)
///
/// The sample is drawn from `seed` by Entente's own generator (SplitMix64 and a partial
/// Fisher–Yates shuffle of the view's nodes in file order), so a seed gives the same sample on
/// every platform, but not the sample Python's `random.sample` draws for that seed in networkx:
/// the estimator and its scaling are networkx's, the chosen nodes are not.
/// ``NodeValues/sampledSources`` lists the nodes chosen.
public struct BetweennessSampling: Hashable, Sendable, Encodable {
    /// The seed used when none is given: 0.
    public static let defaultSeed = 0

    /// The number of source nodes to sample: at least 2 and at most the number of nodes in the view.
    public var sources: Int
    /// The seed of the sample; the same seed and view give the same sample.
    public var seed: Int

    /// A sample of `sources` source nodes drawn from `seed`.
    public init(sources: Int, seed: Int = BetweennessSampling.defaultSeed) {
        self.sources = sources
        self.seed = seed
    }

    /// The sampled local positions among `nodeCount` nodes, in the order drawn: the first `sources`
    /// entries of a Fisher–Yates shuffle of `0..<nodeCount` driven by SplitMix64 seeded with `seed`.
    ///
    /// - Complexity: O(nodeCount).
    package func sample(nodeCount: Int) -> [Int32] {
        var generator = SplitMix64(seed: seed)
        var nodes = (0..<nodeCount).map(Int32.init)
        for position in 0..<min(sources, nodeCount) {
            nodes.swapAt(position, position + generator.next(below: nodeCount - position))
        }
        return Array(nodes.prefix(sources))
    }

    /// Why the sample cannot be drawn from a view of `nodeCount` nodes, or `nil` when it can.
    package func problem(nodeCount: Int) -> String? {
        if sources < 2 {
            return "a sample needs at least 2 sources, not \(sources) (with one source, that node's own "
                + "value is undefined; networkx gives NaN)"
        }
        if sources > nodeCount {
            return "cannot sample \(sources) sources: the analysed view has \(nodeCount) nodes"
        }
        return nil
    }
}
