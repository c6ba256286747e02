/// How a tie of a ``ComparisonGraph`` differs from the base.
package enum TieChange: Hashable, Sendable {
    /// Only the other graph has it.
    case added
    /// Only the base has it.
    case removed
    /// Both have it, with the same polarity; the base's weight.
    case reweighted(from: Double)
    /// Both have it, with opposite polarities; the base's polarity and weight.
    case flipped(from: Polarity, weight: Double)
}

/// One graph drawn against a base, for a diff diagram: the other graph's nodes and edges (at their
/// own positions), followed by the nodes and ties only the base has; with the change of each.
package struct ComparisonGraph: Sendable {
    /// The other graph, extended with the base's removed nodes and ties.
    package let graph: RelationGraph
    /// The change of each edge of ``graph`` that changed, by edge position.
    package let edgeChanges: [Int: TieChange]
    /// Positions in ``graph`` of the nodes only the other graph has.
    package let addedNodes: Set<Int>
    /// Positions in ``graph`` of the nodes only the base has.
    package let removedNodes: Set<Int>

    /// Compares two whole graphs.
    ///
    /// - Throws: ``GraphError/invalidArgument(_:)`` when they differ in direction.
    package init(_ other: RelationGraph, base: RelationGraph) throws(GraphError) {
        guard base.isDirected == other.isDirected else { throw directionMismatch(base: base, other: other) }
        var graph = other
        for type in base.relationTypes { graph.declare(type: type) }
        for kind in base.nodeKinds { graph.declare(kind: kind) }
        var removedNodes: Set<Int> = []
        for node in base.nodes where other[id: node.id] == nil {
            removedNodes.insert(try graph.insertNode(node))
        }
        var changes: [Int: TieChange] = [:]
        for match in matchTies(base: GraphView(base), other: GraphView(other)) {
            switch (match.base, match.other) {
            case let (old?, new?):
                let before = base.edges[old], after = other.edges[new]
                if before.polarity != after.polarity {
                    changes[new] = .flipped(from: before.polarity, weight: before.weight)
                } else if before.weight != after.weight {
                    changes[new] = .reweighted(from: before.weight)
                }
            case let (old?, nil):
                changes[try graph.addEdgeByID(base.edges[old])] = .removed
            case let (nil, new?):
                changes[new] = .added
            case (nil, nil):
                break
            }
        }
        self.graph = graph
        self.edgeChanges = changes
        self.addedNodes = Set(other.nodes.indices.filter { base[id: other.nodes[$0].id] == nil })
        self.removedNodes = removedNodes
    }
}
