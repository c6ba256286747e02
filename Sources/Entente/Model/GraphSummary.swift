/// Counts that describe a graph: what `entente info` prints.
public struct GraphSummary: Sendable, Equatable {
    /// The graph's name.
    public var name: String
    /// Whether edges are directed.
    public var isDirected: Bool
    /// Number of nodes.
    public var nodeCount: Int
    /// Number of edges (parallel edges counted separately).
    public var edgeCount: Int
    /// Edges per type, for every built-in and declared type, in that order.
    public var types: [(type: RelationType, count: Int)]
    /// Edges per polarity: cooperative, then adversarial.
    public var polarities: [(polarity: Polarity, count: Int)]
    /// Nodes per kind, for every built-in and declared kind, in that order.
    public var kinds: [(kind: NodeKind, count: Int)]
    /// Number of connected components (weakly connected, for a directed graph).
    public var components: Int
    /// The sources the evidence cites.
    public var sources: [Source]

    /// Summarises a graph.
    ///
    /// - Complexity: O(V + E).
    public init(_ graph: RelationGraph) {
        name = graph.name
        isDirected = graph.isDirected
        nodeCount = graph.nodes.count
        edgeCount = graph.edges.count
        var typeCounts: [RelationType: Int] = [:]
        var polarityCounts: [Polarity: Int] = [:]
        for edge in graph.edges {
            typeCounts[edge.type, default: 0] += 1
            polarityCounts[edge.polarity, default: 0] += 1
        }
        var kindCounts: [NodeKind: Int] = [:]
        for node in graph.nodes { kindCounts[node.kind, default: 0] += 1 }
        types = graph.relationTypes.map { ($0, typeCounts[$0] ?? 0) }
        polarities = Polarity.allCases.map { ($0, polarityCounts[$0] ?? 0) }
        kinds = graph.nodeKinds.map { ($0, kindCounts[$0] ?? 0) }
        components = connectedComponents(of: GraphView(graph)).count
        sources = graph.sources
    }

    /// Whether two summaries have the same counts (their ``json`` renders alike) and the same sources.
    public static func == (lhs: GraphSummary, rhs: GraphSummary) -> Bool {
        lhs.json.rendered() == rhs.json.rendered() && lhs.sources == rhs.sources
    }

    /// `{"name","directed","nodes","edges","types","polarities","kinds","components"}`.
    public var json: JSONOutput {
        .object([
            ("name", .string(name)), ("directed", .bool(isDirected)), ("nodes", .integer(nodeCount)),
            ("edges", .integer(edgeCount)),
            ("types", .object(types.map { ($0.type.name, .integer($0.count)) })),
            ("polarities", .object(polarities.map { ($0.polarity.rawValue, .integer($0.count)) })),
            ("kinds", .object(kinds.map { ($0.kind.name, .integer($0.count)) })),
            ("components", .integer(components)),
        ])
    }
}
