/// One analysed view of a graph: which relations count (a ``RelationFilter``) and how an edge's weight
/// becomes a path cost (an ``EdgeMetric``). Every question is asked by node id, label or alias, and
/// every answer is keyed by node id.
///
/// ```swift
/// let graph = try RelationGraph(contentsOf: "Graphs/pakistan.json")
/// let path = try graph.analysis(types: [.economic]).shortestPath(from: "Pakistan", to: "EU")
/// let hubs = try graph.analysis().centrality(.betweenness).top(3)
/// ```
///
/// Building an analysis compacts the view into the adjacency the algorithms share (O(V + E log d));
/// build it once and ask it many questions. It is a value: cheap to copy, safe to share across tasks.
public struct Analysis: Sendable {
    /// The graph analysed.
    public let graph: RelationGraph
    /// Which relations count.
    public let filter: RelationFilter
    /// How weights become path costs for paths and distance measures.
    public let metric: EdgeMetric
    /// The kept nodes and edges.
    package let view: GraphView
    /// How many nodes the filter keeps.
    public var nodeCount: Int { view.nodeCount }
    /// How many edges (ties) the filter keeps.
    public var edgeCount: Int { view.edgeCount }
    /// The compact adjacency of ``view`` under ``metric``.
    package let adjacency: WeightedAdjacency

    /// Creates the analysis of a graph through a filter.
    ///
    /// - Throws: ``GraphError`` when the graph has no nodes, when the filter keeps no edge (no path or
    ///   centrality means anything there), when it names a type or kind the graph does not know, or
    ///   when its centre does not resolve.
    public init(_ graph: RelationGraph, filter: RelationFilter = .cooperative, metric: EdgeMetric = .strength) throws(GraphError) {
        self.view = try GraphView(checked: graph, filter: filter)
        guard view.edgeCount > 0 else {
            throw GraphError.emptyView(file: graph.file, description: filter.description(in: graph))
        }
        self.graph = graph
        self.filter = filter
        self.metric = metric
        self.adjacency = WeightedAdjacency(view, metric: metric)
    }

    /// The same view under another metric.
    public func with(metric: EdgeMetric) -> Analysis {
        Analysis(graph: graph, filter: filter, metric: metric, view: view)
    }

    private init(graph: RelationGraph, filter: RelationFilter, metric: EdgeMetric, view: GraphView) {
        self.graph = graph
        self.filter = filter
        self.metric = metric
        self.view = view
        self.adjacency = WeightedAdjacency(view, metric: metric)
    }

    /// The nodes kept, in file order.
    public var nodes: [Node] { view.nodeIndices.map { graph.nodes[$0] } }
    /// The edges kept, in file order.
    public var edges: [Edge] { view.edgeIndices.map { graph.edges[$0] } }

    /// The node a name means (id, label or alias, any case), which must be in the view.
    ///
    /// - Throws: ``GraphError/noSuchNode(name:file:suggestions:)`` ("did you mean …?"),
    ///   ``GraphError/ambiguousNode(name:file:matches:)``, or ``GraphError/notInView(file:node:reason:)``
    ///   saying which filter leaves the node out.
    public func node(named name: String) throws(GraphError) -> Node {
        graph.nodes[try position(of: name)]
    }

    /// The view-local position of a named node.
    package func localPosition(of name: String) throws(GraphError) -> Int {
        let index = try position(of: name)
        guard let local = view.localIndex(ofNode: index) else {
            throw .notInView(file: graph.file, node: graph.describe(node: index), reason: filter.absenceReason(of: index, in: graph))
        }
        return local
    }

    private func position(of name: String) throws(GraphError) -> Int {
        try graph.resolve(name, file: graph.file)
    }
}

extension RelationGraph {
    /// The analysis of this graph through a filter built from the arguments: the one-statement entry
    /// point for paths and centralities.
    ///
    /// ```swift
    /// let economic = try graph.analysis(types: [.economic])
    /// let noMembership = try graph.analysis(excluding: ["membership"], metric: .hops)
    /// ```
    ///
    /// - Parameters:
    ///   - types: edge types to keep (`nil`: all).
    ///   - excludedTypes: edge types to leave out.
    ///   - includeAdversarial: keep adversarial edges too (default: cooperative only).
    ///   - kinds: node kinds to keep (`nil`: all).
    ///   - year: keep only the nodes that exist in this year and the edges that hold in it.
    ///   - center: keep only the nodes within `depth` edges of this node (id, label or alias).
    ///   - depth: the ego network's radius.
    ///   - minimumWeight: keep only the edges of at least this weight (``RelationFilter/minimumWeight``).
    ///   - metric: how weights become path costs (default: strength, cost = 1/weight).
    /// - Throws: ``GraphError``, as ``Analysis/init(_:filter:metric:)``.
    public func analysis(types: Set<RelationType>? = nil, excluding excludedTypes: Set<RelationType> = [],
                         includeAdversarial: Bool = false, kinds: Set<NodeKind>? = nil, at year: Int? = nil,
                         around center: String? = nil, depth: Int = 1, minimumWeight: Double? = nil,
                         metric: EdgeMetric = .strength) throws(GraphError) -> Analysis {
        var filter = RelationFilter(types: types, excluding: excludedTypes,
                                    polarities: includeAdversarial ? Set(Polarity.allCases) : [.cooperative],
                                    kinds: kinds, year: year, around: center, depth: depth)
        filter.minimumWeight = minimumWeight
        return try Analysis(self, filter: filter, metric: metric)
    }
}

extension GraphView {
    /// The view of a graph through a filter, after checking that the filter's types and kinds exist
    /// and that its centre resolves.
    package init(checked graph: RelationGraph, filter: RelationFilter) throws(GraphError) {
        guard !graph.nodes.isEmpty else { throw .emptyGraph(file: graph.file) }
        for type in (filter.types ?? []).union(filter.excludedTypes).sorted() where !graph.knows(type: type) {
            throw .unknownName(file: graph.file, what: "edge type", name: type.name,
                               known: graph.relationTypes.map(\.name))
        }
        for kind in (filter.kinds ?? []).sorted() where !graph.knows(kind: kind) {
            throw .unknownName(file: graph.file, what: "node kind", name: kind.name, known: graph.nodeKinds.map(\.name))
        }
        var view = GraphView(graph, filter: filter)
        if let center = filter.center {
            view = view.ego(around: try graph.resolve(center, file: graph.file), depth: filter.depth)
        }
        self = view
    }

    /// The number of edges on a shortest path between two graph nodes in this view, ignoring
    /// direction; `nil` when they are not connected.
    package func hopDistance(from start: Int, to end: Int) -> Int? {
        var neighbours = [[Int]](repeating: [], count: graph.nodes.count)
        for index in edgeIndices {
            let edge = graph.edges[index]
            neighbours[edge.sourceIndex].append(edge.targetIndex)
            neighbours[edge.targetIndex].append(edge.sourceIndex)
        }
        var distance = [Int](repeating: -1, count: graph.nodes.count)
        distance[start] = 0
        var frontier = [start]
        while !frontier.isEmpty {
            var next: [Int] = []
            for node in frontier {
                for neighbour in neighbours[node] where distance[neighbour] < 0 {
                    distance[neighbour] = distance[node] + 1
                    if neighbour == end { return distance[neighbour] }
                    next.append(neighbour)
                }
            }
            frontier = next
        }
        return start == end ? 0 : nil
    }
}

extension RelationFilter {
    /// Why the view leaves out a graph node: its kind, its year, or its distance from the ego centre.
    package func absenceReason(of index: Int, in graph: RelationGraph) -> GraphError.Exclusion {
        let node = graph.nodes[index]
        if let kinds = kinds, !kinds.contains(node.kind) {
            return .kind(node: node.id, kind: node.kind.name, kept: graph.nodeKinds.filter(kinds.contains).map(\.name))
        }
        if let year, !node.exists(in: year) {
            return .year(node: node.id, year: year, exists: node.yearsDescription)
        }
        if let center, let centre = try? graph.resolve(center) {
            var unbounded = self
            unbounded.center = nil
            let whole = GraphView(graph, filter: unbounded)
            let centreID = graph.nodes[centre].id
            if let distance = whole.hopDistance(from: centre, to: index) {
                return .distance(node: node.id, distance: distance, centre: centreID, depth: depth)
            }
            return .notConnected(node: node.id, centre: centreID, filter: description(in: graph))
        }
        if largestComponent { return .largestComponent(node: node.id) }
        return .other(node: node.id)
    }
}
