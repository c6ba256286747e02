/// A cheap, read-only selection of a graph's nodes and edges.
///
/// A view holds index lists into its ``graph``; no node, edge or evidence is copied. Filtering edges
/// keeps every node (an isolated state is still a state); filtering by kind, by year (the nodes
/// that exist in it, ``Node/exists(in:)``) or taking an ego network removes nodes and every edge
/// that touches them.
///
/// Within a view nodes have *local* indices `0..<nodeCount`, in the order of the graph.
package struct GraphView: Sendable {
    /// The graph the view selects from.
    package let graph: RelationGraph
    /// Indices into `graph.nodes` of the nodes kept, ascending.
    package let nodeIndices: [Int]
    /// Indices into `graph.edges` of the edges kept, ascending.
    package let edgeIndices: [Int]
    /// For every graph node, its local index in the view or -1.
    private let localIndexByNode: [Int32]

    /// A view of the whole graph.
    package init(_ graph: RelationGraph) {
        self.init(graph: graph, nodeIndices: Array(graph.nodes.indices), edgeIndices: Array(graph.edges.indices))
    }

    /// A view of the graph through a filter.
    ///
    /// - Complexity: O(V + E).
    package init(_ graph: RelationGraph, filter: RelationFilter) {
        self.init(GraphView(graph), filter: filter)
    }

    private init(_ base: GraphView, filter: RelationFilter) {
        let graph = base.graph
        var nodes = base.nodeIndices
        if let kinds = filter.kinds {
            nodes = nodes.filter { kinds.contains(graph.nodes[$0].kind) }
        }
        if let year = filter.year {
            nodes = nodes.filter { graph.nodes[$0].exists(in: year) }
        }
        if let period = filter.period {
            nodes = nodes.filter { graph.nodes[$0].exists(during: period) }
        }
        var kept = [Bool](repeating: false, count: graph.nodes.count)
        for node in nodes { kept[node] = true }
        // The tests of `filter.keeps`, decided once where they can be: this loop runs over every
        // edge of a world-sized graph for each `--at` (a few milliseconds for 100,000 ties).
        let keepsCooperative = filter.polarities.contains(.cooperative)
        let keepsAdversarial = filter.polarities.contains(.adversarial)
        let checksTypes = filter.types != nil || !filter.excludedTypes.isEmpty
        let year = filter.year
        let minimumWeight = filter.minimumWeight ?? -.infinity
        var edges: [Int] = []
        edges.reserveCapacity(base.edgeIndices.count)
        graph.edges.withUnsafeBufferPointer { all in
            kept.withUnsafeBufferPointer { keptNodes in
                for index in base.edgeIndices {
                    guard keptNodes[all[index].sourceIndex], keptNodes[all[index].targetIndex] else { continue }
                    guard all[index].polarity == .cooperative ? keepsCooperative : keepsAdversarial else { continue }
                    if let year {
                        guard (all[index].since ?? Int.min) <= year, (all[index].until ?? Int.max) >= year else { continue }
                    }
                    if checksTypes && !filter.keeps(type: all[index].type) { continue }
                    if all[index].weight < minimumWeight { continue }
                    if let period = filter.period, !all[index].holds(during: period) { continue }
                    edges.append(index)
                }
            }
        }
        if filter.largestComponent {
            (nodes, edges) = Self.largestComponent(graph: graph, nodes: nodes, edges: edges)
        }
        self.init(graph: graph, nodeIndices: nodes, edgeIndices: edges)
    }

    /// The nodes and edges of the largest weakly connected component (ties: the one holding the
    /// first node in graph order).
    private static func largestComponent(graph: RelationGraph, nodes: [Int], edges: [Int]) -> (nodes: [Int], edges: [Int]) {
        let components = componentNumbers(nodeCount: graph.nodes.count,
                                          pairs: edges.lazy.map { (graph.edges[$0].sourceIndex, graph.edges[$0].targetIndex) })
        let root = components.component
        var size = [Int](repeating: 0, count: components.count)
        for node in nodes { size[root[node]] += 1 }
        var best: (root: Int, size: Int)?
        for node in nodes where size[root[node]] > (best?.size ?? 0) { best = (root[node], size[root[node]]) }
        guard let best else { return (nodes, edges) }
        return (nodes.filter { root[$0] == best.root }, edges.filter { root[graph.edges[$0].sourceIndex] == best.root })
    }

    private init(graph: RelationGraph, nodeIndices: [Int], edgeIndices: [Int]) {
        self.graph = graph
        self.nodeIndices = nodeIndices
        self.edgeIndices = edgeIndices
        var local = [Int32](repeating: -1, count: graph.nodes.count)
        for (position, node) in nodeIndices.enumerated() { local[node] = Int32(position) }
        self.localIndexByNode = local
    }

    /// The number of nodes in the view.
    package var nodeCount: Int { nodeIndices.count }
    /// The number of edges in the view.
    package var edgeCount: Int { edgeIndices.count }
    /// Whether the graph's edges are directed.
    package var isDirected: Bool { graph.isDirected }

    /// The local index of a graph node, or `nil` when the view leaves it out.
    package func localIndex(ofNode graphIndex: Int) -> Int? {
        guard localIndexByNode.indices.contains(graphIndex) else { return nil }
        let local = localIndexByNode[graphIndex]
        return local < 0 ? nil : Int(local)
    }

    /// Values given per local index (as the algorithms return them) keyed by graph node index, as
    /// the graph's `nodes` and a diagram's node sizes take them.
    ///
    /// - Parameter values: one value per local index, `nodeCount` of them.
    /// - Complexity: O(V).
    package func byGraphNode<Value>(_ values: [Value]) -> [Int: Value] {
        var result: [Int: Value] = [:]
        result.reserveCapacity(values.count)
        for (node, value) in zip(nodeIndices, values) { result[node] = value }
        return result
    }

    /// The node at a local index.
    package func node(at localIndex: Int) -> Node { graph.nodes[nodeIndices[localIndex]] }

    /// The view's edges, in graph order.
    package var edges: some RandomAccessCollection<Edge> { edgeIndices.lazy.map { graph.edges[$0] } }

    /// The view through a further filter.
    package func filtered(_ filter: RelationFilter) -> GraphView { GraphView(self, filter: filter) }

    /// The ego network of a node: the node, every node within `depth` edges of it (following edge
    /// direction in a directed graph, as networkx `ego_graph` does), and every edge of the view among them.
    ///
    /// - Parameters:
    ///   - center: a graph node index.
    ///   - depth: how many edges away from `center` a node may be; 0 keeps `center` alone.
    /// - Complexity: O(V + E).
    package func ego(around center: Int, depth: Int) -> GraphView {
        guard localIndex(ofNode: center) != nil else {
            return GraphView(graph: graph, nodeIndices: [], edgeIndices: [])
        }
        var neighbours = [[Int]](repeating: [], count: graph.nodes.count)
        for index in edgeIndices {
            let edge = graph.edges[index]
            neighbours[edge.sourceIndex].append(edge.targetIndex)
            if !graph.isDirected { neighbours[edge.targetIndex].append(edge.sourceIndex) }
        }
        var distance = [Int](repeating: -1, count: graph.nodes.count)
        distance[center] = 0
        var frontier = [center]
        var level = 0
        while !frontier.isEmpty && level < depth {
            level += 1
            var next: [Int] = []
            for node in frontier {
                for neighbour in neighbours[node] where distance[neighbour] < 0 {
                    distance[neighbour] = level
                    next.append(neighbour)
                }
            }
            frontier = next
        }
        let nodes = nodeIndices.filter { distance[$0] >= 0 }
        let edges = edgeIndices.filter { index in
            let edge = graph.edges[index]
            return distance[edge.sourceIndex] >= 0 && distance[edge.targetIndex] >= 0
        }
        return GraphView(graph: graph, nodeIndices: nodes, edgeIndices: edges)
    }

    /// The view as a graph of its own (nodes re-indexed, evidence shared copy-on-write).
    package func subgraph() -> RelationGraph {
        var result = RelationGraph(name: graph.name, directed: graph.isDirected)
        result.sources = graph.sources
        for type in graph.declaredTypes { result.declare(type: type) }
        for kind in graph.declaredKinds { result.declare(kind: kind) }
        result.reserveCapacity(nodes: nodeCount, edges: edgeCount)
        for node in nodeIndices {
            // Ids are unique in the source graph, so neither call can fail.
            _ = try? result.insertNode(graph.nodes[node])
        }
        for index in edgeIndices {
            let edge = graph.edges[index]
            guard let source = localIndex(ofNode: edge.sourceIndex), let target = localIndex(ofNode: edge.targetIndex) else {
                continue
            }
            _ = try? result.addEdge(edge, source: source, target: target)
        }
        return result
    }
}



extension RelationGraph {
    /// The part of the graph a filter keeps, as a graph of its own: what `entente convert --at YEAR`
    /// (and `--types`, `--exclude-types`, `--kinds`) writes. Nodes and edges keep their fields and
    /// their order; the sources and declarations are kept whole.
    ///
    /// ```swift
    /// let world1962 = try world.subgraph(RelationFilter(polarities: [.cooperative, .adversarial], year: 1962))
    /// ```
    /// The filter is checked as ``Analysis`` checks it, so that a misspelt type keeps nothing silently:
    ///
    /// - Throws: ``GraphError/unknownName(file:what:name:known:)`` for a type or kind the graph does
    ///   not declare, ``GraphError/noSuchNode(name:file:suggestions:)`` for a centre that names no
    ///   node, ``GraphError/emptyGraph(file:)`` for a graph without nodes.
    /// - Complexity: O(V + E).
    public func subgraph(_ filter: RelationFilter) throws(GraphError) -> RelationGraph {
        var result = try GraphView(checked: self, filter: filter).subgraph()
        result.file = file
        return result
    }

    /// A view of the graph through a filter (unchecked: for the algorithms and tests).
    package func view(_ filter: RelationFilter = .everything) -> GraphView { GraphView(self, filter: filter) }
}
