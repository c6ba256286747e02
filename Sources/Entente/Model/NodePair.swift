/// The identity of a tie: an ordered pair of node ids. Edge values of an undirected graph store the
/// smaller id first; balance results sort each pair.
public struct NodePair: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The first node's id.
    public let source: String
    /// The second node's id.
    public let target: String

    /// Creates a tie. For an undirected graph pass the ids in either order; lookups normalise it.
    public init(_ source: String, _ target: String) {
        self.source = source
        self.target = target
    }

    /// `A|B`, the key of the JSON output.
    public var description: String { source + "|" + target }

    /// Orders ties by source id, then target id.
    public static func < (lhs: NodePair, rhs: NodePair) -> Bool { (lhs.source, lhs.target) < (rhs.source, rhs.target) }
}
