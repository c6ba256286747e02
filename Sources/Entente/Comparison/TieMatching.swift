/// The identity of a tie across two graphs: its pair of node ids and its type. For an undirected
/// graph the pair is stored smaller id first, so `PAK–IND` and `IND–PAK` are one tie.
package struct TieKey: Hashable, Comparable, Sendable {
    package let first: String
    package let second: String
    package let type: RelationType

    package init(_ edge: Edge, directed: Bool) {
        if directed || edge.source <= edge.target {
            (first, second) = (edge.source, edge.target)
        } else {
            (first, second) = (edge.target, edge.source)
        }
        type = edge.type
    }

    package static func < (lhs: TieKey, rhs: TieKey) -> Bool {
        (lhs.first, lhs.second, lhs.type.name) < (rhs.first, rhs.second, rhs.type.name)
    }
}

/// One tie of two graphs, matched by ``TieKey``: an edge of the base, of the other graph, or of both.
package struct TieMatch: Sendable {
    package let key: TieKey
    /// The edge's position in the base graph, when it has one.
    package let base: Int?
    /// The edge's position in the other graph, when it has one.
    package let other: Int?
}

/// Matches the edges two views keep, tie by tie: for each pair and type, edges of the same polarity
/// pair up first, in file order; the rest pair up across polarities (a flip), in file order; what is
/// left is added or removed. Parallel edges of one pair and type are thus compared one to one.
///
/// Matches are sorted by key, then by the order they were made.
///
/// - Complexity: O(E log E) for the two views' edges together.
package func matchTies(base: GraphView, other: GraphView) -> [TieMatch] {
    let directed = base.isDirected
    var baseEdges: [TieKey: [Int]] = [:]
    var otherEdges: [TieKey: [Int]] = [:]
    for index in base.edgeIndices { baseEdges[TieKey(base.graph.edges[index], directed: directed), default: []].append(index) }
    for index in other.edgeIndices { otherEdges[TieKey(other.graph.edges[index], directed: directed), default: []].append(index) }
    let keys = Set(baseEdges.keys).union(otherEdges.keys).sorted()

    var matches: [TieMatch] = []
    for key in keys {
        var olds = baseEdges[key] ?? []
        var news = otherEdges[key] ?? []
        for polarity in Polarity.allCases {
            let oldOnes = olds.filter { base.graph.edges[$0].polarity == polarity }
            let newOnes = news.filter { other.graph.edges[$0].polarity == polarity }
            let paired = min(oldOnes.count, newOnes.count)
            for position in 0..<paired {
                matches.append(TieMatch(key: key, base: oldOnes[position], other: newOnes[position]))
            }
            let pairedOld = Set(oldOnes.prefix(paired))
            let pairedNew = Set(newOnes.prefix(paired))
            olds.removeAll(where: pairedOld.contains)
            news.removeAll(where: pairedNew.contains)
        }
        // What is left on both sides differs in polarity: flips, then additions or removals.
        let flips = min(olds.count, news.count)
        for position in 0..<flips { matches.append(TieMatch(key: key, base: olds[position], other: news[position])) }
        for index in olds.dropFirst(flips) { matches.append(TieMatch(key: key, base: index, other: nil)) }
        for index in news.dropFirst(flips) { matches.append(TieMatch(key: key, base: nil, other: index)) }
    }
    return matches
}

extension RelationFilter {
    /// The filter with the types and kinds a graph does not know left out, for comparing two graphs
    /// whose vocabularies differ (a `political` type in one only): a type the graph lacks keeps none
    /// of its edges anyway.
    package func restricted(to graph: RelationGraph) -> RelationFilter {
        var filter = self
        filter.types = types.map { $0.filter(graph.knows(type:)) }
        filter.excludedTypes = excludedTypes.filter(graph.knows(type:))
        filter.kinds = kinds.map { $0.filter(graph.knows(kind:)) }
        return filter
    }

    /// Checks that every type and kind the filter names is known to at least one of two graphs.
    package func checkNames(in base: RelationGraph, _ other: RelationGraph) throws(GraphError) {
        for type in (types ?? []).union(excludedTypes).sorted() where !base.knows(type: type) && !other.knows(type: type) {
            var known = base.relationTypes
            for type in other.relationTypes where !known.contains(type) { known.append(type) }
            throw .unknownName(file: other.file, what: "edge type", name: type.name, known: known.map(\.name))
        }
        for kind in (kinds ?? []).sorted() where !base.knows(kind: kind) && !other.knows(kind: kind) {
            var known = base.nodeKinds
            for kind in other.nodeKinds where !known.contains(kind) { known.append(kind) }
            throw .unknownName(file: other.file, what: "node kind", name: kind.name, known: known.map(\.name))
        }
    }
}

/// How a graph is named in messages about two graphs: its file, else its name, else `label`.
package func graphName(_ graph: RelationGraph, or label: String) -> String {
    if let file = graph.file, !file.isEmpty { return file }
    return graph.name.isEmpty ? label : graph.name
}

/// The error for comparing or merging a directed graph with an undirected one.
package func directionMismatch(base: RelationGraph, other: RelationGraph) -> GraphError {
    func direction(_ graph: RelationGraph) -> String { graph.isDirected ? "directed" : "undirected" }
    return .invalidArgument("\(graphName(other, or: "the other graph")): the graph is \(direction(other)) but "
                            + "\(graphName(base, or: "the base graph")) is \(direction(base)); ties cannot be matched")
}
