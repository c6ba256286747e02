/// Counts that describe a graph: what `entente info` prints.
public struct GraphSummary: Sendable, Equatable, Encodable {
    /// How many edges or nodes carry one name (a type, a polarity or a kind).
    public struct Count: Sendable, Hashable {
        /// The type, polarity or kind.
        public let name: String
        /// How many.
        public let count: Int
    }

    /// The graph's name.
    public var name: String
    /// Whether edges are directed.
    public var isDirected: Bool
    /// Number of nodes.
    public var nodeCount: Int
    /// Number of edges (parallel edges counted separately).
    public var edgeCount: Int
    /// Edges per type, for every built-in and declared type, in that order.
    public var types: [Count]
    /// Edges per polarity: cooperative, then adversarial.
    public var polarities: [Count]
    /// Nodes per kind, for every built-in and declared kind, in that order.
    public var kinds: [Count]
    /// Number of connected components (weakly connected, for a directed graph).
    public var components: Int
    /// The sources the evidence cites.
    public var sources: [Source]

    /// Summarises a graph, or what a filter keeps of it (for `info --at YEAR`).
    ///
    /// - Complexity: O(V + E).
    public init(_ graph: RelationGraph, filter: RelationFilter = .everything) {
        let view = GraphView(graph, filter: filter)
        name = graph.name
        isDirected = graph.isDirected
        nodeCount = view.nodeCount
        edgeCount = view.edgeCount
        var typeCounts: [RelationType: Int] = [:]
        var polarityCounts: [Polarity: Int] = [:]
        for edge in view.edges {
            typeCounts[edge.type, default: 0] += 1
            polarityCounts[edge.polarity, default: 0] += 1
        }
        var kindCounts: [NodeKind: Int] = [:]
        for index in view.nodeIndices { kindCounts[graph.nodes[index].kind, default: 0] += 1 }
        types = graph.relationTypes.map { Count(name: $0.name, count: typeCounts[$0] ?? 0) }
        polarities = Polarity.allCases.map { Count(name: $0.rawValue, count: polarityCounts[$0] ?? 0) }
        kinds = graph.nodeKinds.map { Count(name: $0.name, count: kindCounts[$0] ?? 0) }
        components = connectedComponents(of: view).count
        sources = graph.sources
    }

    private enum CodingKeys: String, CodingKey {
        case name, directed, nodes, edges, types, polarities, kinds, components, sources
    }

    /// `{"name","directed","nodes","edges","types","polarities","kinds","components","sources"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(isDirected, forKey: .directed)
        try container.encode(nodeCount, forKey: .nodes)
        try container.encode(edgeCount, forKey: .edges)
        for (key, counts) in [(CodingKeys.types, types), (.polarities, polarities), (.kinds, kinds)] {
            var nested = container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: key)
            for count in counts { try nested.encode(count.count, forKey: AnyCodingKey(count.name)) }
        }
        try container.encode(components, forKey: .components)
        try container.encode(sources, forKey: .sources)
    }
}
