/// How an edge's weight (the strength of a tie) becomes the cost of crossing it on a path.
public enum EdgeMetric: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// The weight is the cost (networkx `weight="weight"`).
    case length
    /// The cost is 1 / weight: strong ties make short links. The default for paths.
    case strength
    /// Every edge costs 1 (breadth-first search).
    case hops

    /// The cost of an edge of this weight.
    @inlinable
    public func cost(ofWeight weight: Double) -> Double {
        switch self {
        case .length: return weight
        case .strength: return 1 / weight
        case .hops: return 1
        }
    }

    /// `length`, `strength` or `hops`: the name the CLI's `--metric` takes.
    public var description: String { rawValue }
}
