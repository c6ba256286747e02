import OrderedCollections

/// A graph of international relations: states, blocs and organisations joined by typed, weighted,
/// evidenced edges.
///
/// Nodes and edges have dense integer indices (their positions in ``nodes`` and ``edges``), and a
/// node is found by id in O(1). Parallel edges between the same pair are kept. The graph is
/// undirected unless ``isDirected`` is set, in which case ``Edge/source`` → ``Edge/target`` is the
/// direction of the relation.
///
/// ```swift
/// var graph = RelationGraph(name: "Example")
/// try graph.addNode(Node(id: "PAK", label: "Pakistan"))
/// try graph.addNode(Node(id: "CHN", label: "China"))
/// try graph.addEdge(from: "PAK", to: "CHN", type: .economic, weight: 5)
/// ```
public struct RelationGraph: Sendable {
    /// The graph's title.
    public var name: String
    /// Whether edges have a direction.
    public var isDirected: Bool
    /// The documents the evidence cites.
    public var sources: [Source]
    /// The file the graph was read from, as the caller named it; errors about the graph name it.
    /// Not part of the graph's value (`==` ignores it).
    public var file: String?
    /// How many self-loops (edges from a node to itself) the reader found in the file and left out,
    /// since the relations model has none. Only the DOT reader leaves them out; the others refuse them.
    /// Not part of the graph's value (`==` ignores it).
    public package(set) var omittedSelfLoops: Int
    /// How many rows of a dyad-year panel the CSV reader merged into another row of the same pair
    /// and year (the pair's other direction, in an undirected graph). Not part of the graph's value.
    public package(set) var mergedPanelRows: Int
    /// How many sources the reader listed by id alone, because evidence cites them and the file
    /// does not carry the sources table (GEXF cannot; GraphML and DOT from other tools may not).
    /// Not part of the graph's value.
    public package(set) var sourcesListedByID: Int = 0
    /// Edge types used beyond the built-in ones, in the order declared.
    public private(set) var declaredTypes: OrderedSet<RelationType>
    /// Node kinds used beyond the built-in ones, in the order declared.
    public private(set) var declaredKinds: OrderedSet<NodeKind>
    /// The nodes; a node's index is its position here.
    public private(set) var nodes: [Node]
    /// The edges; an edge's index is its position here.
    public private(set) var edges: [Edge]
    private var indexByID: [String: Int]
    /// Lower-cased id, label and aliases → the nodes that carry that name.
    private var indicesByName: [String: [Int]]
    /// Where the ties that fall outside their nodes' years were read (by edge index), for the error
    /// ``checkTieYears()`` throws. Only such ties are recorded.
    private var tieYearLocations: [Int: SourceLocation]

    /// Creates an empty graph.
    public init(name: String = "", directed: Bool = false) {
        self.name = name
        self.isDirected = directed
        self.sources = []
        self.file = nil
        self.omittedSelfLoops = 0
        self.mergedPanelRows = 0
        self.declaredTypes = []
        self.declaredKinds = []
        self.nodes = []
        self.edges = []
        self.indexByID = [:]
        self.indicesByName = [:]
        self.tieYearLocations = [:]
    }

    /// Builds a graph in one validated step: types and kinds are declared up front, so a misspelt
    /// one is an error (with the closest names), as reading a JSON file makes it, instead of being
    /// declared as a new type that every type filter then leaves out.
    ///
    /// ```swift
    /// let graph = try RelationGraph(name: "South Asia", types: ["membership"], nodes: [
    ///     Node(id: "PAK", label: "Pakistan"), Node(id: "SAARC", kind: .organization),
    /// ], edges: [
    ///     Edge(source: "PAK", target: "SAARC", type: "membership"),
    /// ])
    /// // type: "membrship" throws: unknown edge type 'membrship' (the graph has: economic, security,
    /// // cultural, membership); did you mean 'membership'?
    /// ```
    ///
    /// - Parameters:
    ///   - name: the graph's name (a diagram's title).
    ///   - directed: whether edges run from source to target.
    ///   - types: edge types beyond the built-in ones (economic, security, cultural).
    ///   - kinds: node kinds beyond the built-in ones (state, bloc, organization).
    ///   - sources: the sources evidence cites; when given, every evidence item must cite one of them.
    ///   - nodes: the nodes, in order; ids must be unique.
    ///   - edges: the edges, in order, between nodes given.
    /// - Throws: ``GraphError/unknownName(file:what:name:known:)`` for a type or kind neither built in
    ///   nor declared; ``GraphError/invalidValue(_:field:value:expected:)`` for a source listed twice
    ///   or evidence citing an unlisted one, as the JSON reader says them; and the errors of
    ///   ``addNode(_:at:)`` and ``addEdge(_:at:)``.
    /// - Complexity: O(V + E).
    public init(name: String = "", directed: Bool = false, types: [RelationType] = [], kinds: [NodeKind] = [],
                sources: [Source] = [], nodes: [Node], edges: [Edge]) throws(GraphError) {
        self.init(name: name, directed: directed)
        for type in types { declare(type: type) }
        for kind in kinds { declare(kind: kind) }
        var listed: Set<String> = []
        for source in sources { try NativeRules.checkUnique(source: source.id, among: &listed) }
        self.sources = sources
        reserveCapacity(nodes: nodes.count, edges: edges.count)
        for node in nodes {
            guard knows(kind: node.kind) else {
                throw .unknownName(file: nil, what: "node kind", name: node.kind.name, known: nodeKinds.map(\.name))
            }
            try insertNode(node)
        }
        for edge in edges {
            guard knows(type: edge.type) else {
                throw .unknownName(file: nil, what: "edge type", name: edge.type.name, known: relationTypes.map(\.name))
            }
            if !sources.isEmpty {
                for item in edge.evidence { try NativeRules.checkCited(item.source, among: listed) }
            }
            try addEdgeByID(edge)
        }
    }

    /// Removes a node and every edge that touches it.
    ///
    /// - Parameter id: the node's id, exactly.
    /// - Returns: the node and its edges, in the graph's order.
    /// - Throws: ``GraphError/noSuchNode(name:file:suggestions:)``, with the closest names, when no
    ///   node has this id; the graph is then unchanged.
    /// - Complexity: O(V + E): the positions of the later nodes and of every edge are renumbered.
    @discardableResult
    public mutating func removeNode(_ id: String) throws(GraphError) -> (node: Node, edges: [Edge]) {
        guard let index = indexByID[id] else {
            throw .noSuchNode(name: id, file: nil, suggestions: TextFormat.closestNames(to: id, among: nodes.map(\.id)))
        }
        var removedEdges: [Edge] = []
        removeEdges { edge in
            let touches = edge.sourceIndex == index || edge.targetIndex == index
            if touches { removedEdges.append(edge) }
            return touches
        }
        let node = nodes.remove(at: index)
        for position in edges.indices {
            if edges[position].sourceIndex > index { edges[position].sourceIndex -= 1 }
            if edges[position].targetIndex > index { edges[position].targetIndex -= 1 }
        }
        indexByID = [:]
        indicesByName = [:]
        for position in nodes.indices {
            indexByID[nodes[position].id] = position
            indexNames(of: position)
        }
        return (node, removedEdges)
    }

    /// Removes every edge for which `shouldRemove` is true, keeping the others in order.
    ///
    /// ```swift
    /// graph.removeEdges { $0.type == .cultural || $0.weight < 2 }
    /// ```
    /// - Returns: how many edges were removed.
    /// - Complexity: O(E).
    @discardableResult
    public mutating func removeEdges(where shouldRemove: (Edge) throws -> Bool) rethrows -> Int {
        var kept: [Edge] = []
        kept.reserveCapacity(edges.count)
        var locations: [Int: SourceLocation] = [:]
        for (position, edge) in edges.enumerated() where try !shouldRemove(edge) {
            if let location = tieYearLocations[position] { locations[kept.count] = location }
            kept.append(edge)
        }
        let removed = edges.count - kept.count
        edges = kept
        tieYearLocations = locations
        return removed
    }

    /// Reserves storage for the given numbers of nodes and edges.
    public mutating func reserveCapacity(nodes nodeCount: Int, edges edgeCount: Int) {
        nodes.reserveCapacity(nodeCount)
        edges.reserveCapacity(edgeCount)
        indexByID.reserveCapacity(nodeCount)
        indicesByName.reserveCapacity(nodeCount)
    }

    /// Every edge type the graph knows: the built-in ones, then the declared ones.
    public var relationTypes: [RelationType] {
        RelationType.builtIn + declaredTypes.filter { !$0.isBuiltIn }
    }

    /// Every node kind the graph knows: the built-in ones, then the declared ones.
    public var nodeKinds: [NodeKind] {
        NodeKind.builtIn + declaredKinds.filter { !$0.isBuiltIn }
    }

    /// Declares an edge type beyond the built-in ones. Declaring a type twice has no effect.
    public mutating func declare(type: RelationType) {
        if !type.isBuiltIn { declaredTypes.append(type) }
    }

    /// Declares a node kind beyond the built-in ones. Declaring a kind twice has no effect.
    public mutating func declare(kind: NodeKind) {
        if !kind.isBuiltIn { declaredKinds.append(kind) }
    }

    /// Whether a type is built in or declared.
    public func knows(type: RelationType) -> Bool { type.isBuiltIn || declaredTypes.contains(type) }

    /// Whether a kind is built in or declared.
    public func knows(kind: NodeKind) -> Bool { kind.isBuiltIn || declaredKinds.contains(kind) }

    /// The position of the node with exactly this id.
    ///
    /// - Complexity: O(1) on average.
    package func index(of id: String) -> Int? { indexByID[id] }

    /// The node with exactly this id.
    public subscript(id id: String) -> Node? { indexByID[id].map { nodes[$0] } }

    /// The source a piece of evidence cites (its title and citation), or nil when ``sources`` does
    /// not list it.
    ///
    /// ```swift
    /// let quote = path.edges[0].edge.evidence[0]
    /// print(graph.source(of: quote)?.title ?? quote.source)
    /// ```
    /// - Complexity: O(S) for S sources.
    public func source(of evidence: Evidence) -> Source? { sources.first { $0.id == evidence.source } }

    /// Adds a node. A kind that is not built in is declared.
    ///
    /// - Parameters:
    ///   - node: the node, whose id must be new to the graph.
    ///   - location: where the node was read, for the error message.
    /// - Throws: ``GraphError/duplicateNode(_:id:)`` when the id is taken,
    ///   ``GraphError/invalidYears(_:_:)`` when `until` is before `since` or the spells are out of
    ///   order, overlap or disagree with `since` and `until`.
    public mutating func addNode(_ node: Node, at location: SourceLocation? = nil) throws(GraphError) {
        try insertNode(node, at: location)
    }

    /// Adds a node and returns its position, for the readers.
    @discardableResult
    package mutating func insertNode(_ node: Node, at location: SourceLocation? = nil) throws(GraphError) -> Int {
        let index = nodes.count
        // Check before inserting: a failed add must leave the graph as it was.
        guard indexByID[node.id] == nil else { throw .duplicateNode(location, id: node.id) }
        if node.isDated, let problem = node.yearProblem { throw .invalidYears(location, problem) }
        indexByID[node.id] = index
        declare(kind: node.kind)
        nodes.append(node)
        indexNames(of: index)
        return index
    }

    /// Adds an edge between two nodes of the graph, given by id in ``Edge/source`` and ``Edge/target``,
    /// A type that is not built in is declared.
    ///
    /// - Parameters:
    ///   - edge: the edge, whose ends must be nodes of the graph.
    ///   - location: where the edge was read, for the error message.
    /// - Throws: ``GraphError/unknownNode(_:id:)`` for an id the graph does not have,
    ///   ``GraphError/invalidWeight(_:value:)`` unless the weight is finite and positive,
    ///   ``GraphError/selfLoop(_:id:)`` for an edge from a node to itself.
    public mutating func addEdge(_ edge: Edge, at location: SourceLocation? = nil) throws(GraphError) {
        try addEdgeByID(edge, at: location)
    }

    /// ``addEdge(_:at:)`` with the typed error, for the readers.
    @discardableResult
    package mutating func addEdgeByID(_ edge: Edge, at location: SourceLocation? = nil) throws(GraphError) -> Int {
        guard let source = indexByID[edge.source] else { throw .unknownNode(location, id: edge.source) }
        guard let target = indexByID[edge.target] else { throw .unknownNode(location, id: edge.target) }
        return try addEdge(edge, source: source, target: target, at: location)
    }

    /// Adds an edge between node positions, which the caller has already found; the edge's ids are
    /// set from them.
    @discardableResult
    package mutating func addEdge(_ edge: Edge, source: Int, target: Int,
                                  at location: SourceLocation? = nil) throws(GraphError) -> Int {
        guard nodes.indices.contains(source) else { throw .unknownNode(location, id: "#\(source)") }
        guard nodes.indices.contains(target) else { throw .unknownNode(location, id: "#\(target)") }
        guard edge.weight.isFinite, edge.weight > 0 else {
            throw .invalidWeight(location, value: edge.weight.isFinite ? TextFormat.number(edge.weight) : "\(edge.weight)")
        }
        guard source != target else { throw .selfLoop(location, id: nodes[source].id) }
        var edge = edge
        edge.source = nodes[source].id
        edge.target = nodes[target].id
        edge.sourceIndex = source
        edge.targetIndex = target
        declare(type: edge.type)
        edges.append(edge)
        if (edge.since != nil || edge.until != nil) && (nodes[source].isDated || nodes[target].isDated),
           let location, tieOutsideYears(edge) != nil {
            tieYearLocations[edges.count - 1] = location
        }
        return edges.count - 1
    }

    /// Adds an edge between two nodes given by id.
    ///
    /// - Throws: ``GraphError``, as ``addEdge(_:at:)``.
    public mutating func addEdge(from source: String, to target: String, type: RelationType = .economic,
                                 weight: Double = 1, polarity: Polarity = .cooperative,
                                 evidence: [Evidence] = [], note: String? = nil) throws(GraphError) {
        try addEdgeByID(Edge(source: source, target: target, type: type, weight: weight, polarity: polarity,
                             evidence: evidence, note: note))
    }

    /// The end of a tie that does not exist in a year the tie names, or nil.
    ///
    /// A tie falls outside its nodes' years when its `since` or its `until` is a year in which
    /// either end does not exist, or when, with both given, an end has a gap between two spells
    /// within them. An open end (no `since`, no `until`) names no year.
    package func tieOutsideYears(_ edge: Edge) -> Int? {
        guard edge.since != nil || edge.until != nil else { return nil }
        for end in [edge.sourceIndex, edge.targetIndex] where nodes.indices.contains(end) {
            let node = nodes[end]
            guard node.isDated else { continue }
            if let since = edge.since, !node.exists(in: since) { return end }
            if let until = edge.until, !node.exists(in: until) { return end }
            if let since = edge.since, let until = edge.until, node.spells.count > 1 {
                for (previous, next) in zip(node.spells, node.spells.dropFirst()) {
                    if let gapStart = previous.until, let gapEnd = next.since,
                       gapStart + 1 <= until && gapEnd - 1 >= since && gapStart + 1 <= gapEnd - 1 {
                        return end
                    }
                }
            }
        }
        return nil
    }

    /// Records where an edge was read when it falls outside its nodes' years, for a reader that
    /// works out locations only when needed.
    package mutating func locateTieYears(_ index: Int, at location: @autoclosure () -> SourceLocation) {
        guard edges.indices.contains(index), edges[index].since != nil || edges[index].until != nil,
              tieOutsideYears(edges[index]) != nil else { return }
        tieYearLocations[index] = location()
    }

    /// The error for a tie outside its nodes' years.
    private func tieYearError(_ index: Int, node: Int) -> GraphError {
        let edge = edges[index]
        let join = isDirected ? " → " : " – "
        let tie = "\(edge.source)\(join)\(edge.target) \(edge.type.name)"
        return .tieOutsideNodeYears(tieYearLocations[index] ?? file.map { SourceLocation(file: $0) }, tie: tie,
                                    node: nodes[node].id, tieYears: describeYears(since: edge.since, until: edge.until),
                                    nodeYears: nodes[node].yearsDescription)
    }

    /// Checks that every tie lies within the years of both its ends (see ``Node/exists(in:)``):
    /// a tie's `since` and `until` must be years in which both ends exist, and no end may have a gap
    /// between its spells within them.
    ///
    /// The readers of ``init(contentsOf:format:directed:)`` call it unless reading leniently.
    /// - Throws: ``GraphError/tieOutsideNodeYears(_:tie:node:tieYears:nodeYears:)`` for the first
    ///   such tie, naming where it was read when it came from a file.
    /// - Complexity: O(E).
    public func checkTieYears() throws(GraphError) {
        try checkTieYearsTyped()
    }

    /// ``checkTieYears()`` with the typed error.
    package func checkTieYearsTyped() throws(GraphError) {
        if tieYearLocations.isEmpty && !nodes.contains(where: \.isDated) { return }
        for index in edges.indices {
            if let node = tieOutsideYears(edges[index]) { throw tieYearError(index, node: node) }
        }
    }

    /// Makes every tie fit its nodes' years, as lenient reading does: a tie's `since` moves forward
    /// to the first year it names in which both ends exist, its `until` back to the last, and a tie
    /// with both years that spans a gap between an end's spells is split into one tie per stretch in
    /// which both ends exist. A tie with no such year is dropped. Open ends stay open.
    ///
    /// - Returns: how many ties were clipped (or split) and how many dropped.
    /// - Complexity: O(E).
    @discardableResult
    public mutating func clipTiesToNodeYears() -> TieClipping {
        var result = TieClipping()
        guard nodes.contains(where: \.isDated) else { return result }
        var kept: [Edge] = []
        kept.reserveCapacity(edges.count)
        for edge in edges {
            guard tieOutsideYears(edge) != nil else {
                kept.append(edge)
                continue
            }
            let lower = edge.since ?? Int.min, upper = edge.until ?? Int.max
            var pieces: [(low: Int, high: Int)] = []
            for a in nodes[edge.sourceIndex].existence {
                for b in nodes[edge.targetIndex].existence {
                    let low = max(a.since ?? Int.min, b.since ?? Int.min, lower)
                    let high = min(a.until ?? Int.max, b.until ?? Int.max, upper)
                    if low <= high { pieces.append((low, high)) }
                }
            }
            guard let first = pieces.map(\.low).min(), let last = pieces.map(\.high).max() else {
                result.dropped += 1
                continue
            }
            result.clipped += 1
            if edge.since != nil && edge.until != nil {
                // Both years named: one tie per stretch in which both ends exist (the spells of
                // one node do not overlap, so neither do the stretches).
                for piece in pieces.sorted(by: { $0.low < $1.low }) {
                    var part = edge
                    part.since = piece.low
                    part.until = piece.high
                    kept.append(part)
                }
            } else {
                var part = edge
                if edge.since != nil { part.since = first }
                if edge.until != nil { part.until = last }
                kept.append(part)
            }
        }
        edges = kept
        tieYearLocations = [:]
        return result
    }

    /// Puts the weights of every edge type on one scale, so that a type counted in tens (shared IGOs,
    /// 1–106) does not swamp a type rated 1–5 (alliance obligations) in a mixed-type path, centrality
    /// or bloc: each weight becomes a number in (0, 1] computed within its type, over all the graph's
    /// edges of that type (every year, both polarities), so that one tie keeps one weight in every
    /// view. Evidence, years and polarity are unchanged.
    ///
    /// - Complexity: O(E log E).
    public mutating func scaleWeights(_ scaling: WeightScaling) {
        var positionsByType: [RelationType: [Int]] = [:]
        for (position, edge) in edges.enumerated() { positionsByType[edge.type, default: []].append(position) }
        for positions in positionsByType.values {
            switch scaling {
            case .maximum:
                let top = positions.map { edges[$0].weight }.max() ?? 1
                for position in positions { edges[position].weight /= top }
            case .rank:
                // The share of the type's edges whose weight is at most this one: equal weights get
                // equal values, and the strongest gets 1.
                let sorted = positions.map { edges[$0].weight }.sorted()
                for position in positions {
                    let weight = edges[position].weight
                    var low = 0, high = sorted.count
                    while low < high {
                        let middle = (low + high) / 2
                        if sorted[middle] <= weight { low = middle + 1 } else { high = middle }
                    }
                    edges[position].weight = Double(low) / Double(sorted.count)
                }
            }
        }
    }

    private mutating func indexNames(of index: Int) {
        let node = nodes[index]
        var names: Set<String> = [node.id.lowercased(), node.label.lowercased()]
        for alias in node.aliases { names.insert(alias.lowercased()) }
        for name in names { indicesByName[name, default: []].append(index) }
    }

    /// The indices of the nodes whose id, label or alias equals `name`, ignoring case.
    /// An exact id match wins over every other.
    package func indices(named name: String) -> [Int] {
        if let exact = indexByID[name] { return [exact] }
        return indicesByName[name.lowercased()] ?? []
    }

    /// Finds the node a person means by `name`: its id, label or one of its aliases, in any case.
    ///
    /// - Throws: ``GraphError/noSuchNode(name:file:suggestions:)`` with the closest names when none
    ///   matches, ``GraphError/ambiguousNode(name:file:matches:)`` when several do.
    /// - Complexity: O(1) on a match; O(n) to rank suggestions otherwise.
    package func resolve(_ name: String, file: String? = nil) throws(GraphError) -> Int {
        let matches = indices(named: name)
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            throw .ambiguousNode(name: name, file: file, matches: matches.map(describe(node:)))
        }
        throw .noSuchNode(name: name, file: file, suggestions: suggestions(for: name).map(describe(node:)))
    }

    /// The node a person means by `name`: its id, label or one of its aliases, in any case, as the CLI
    /// resolves names. An exact id match wins over every other.
    ///
    /// ```swift
    /// let pakistan = try graph.node(named: "islamic republic of pakistan")   // PAK
    /// ```
    /// - Throws: ``GraphError/noSuchNode(name:file:suggestions:)`` with up to three close names
    ///   ("did you mean PAK (Pakistan)?") when none matches, ``GraphError/ambiguousNode(name:file:matches:)``
    ///   when several do.
    public func node(named name: String) throws(GraphError) -> Node {
        nodes[try resolve(name, file: file)]
    }

    /// `PAK (Pakistan)`, or the id alone when the label repeats it.
    package func describe(node index: Int) -> String {
        let node = nodes[index]
        return node.label == node.id ? node.id : "\(node.id) (\(node.label))"
    }

    /// Up to three nodes whose names are closest to `name` by edit distance, best first.
    package func suggestions(for name: String, limit: Int = 3) -> [Int] {
        let wanted = Array(name.lowercased().unicodeScalars)
        guard !wanted.isEmpty else { return [] }
        var scored: [(distance: Int, index: Int)] = []
        for (index, node) in nodes.enumerated() {
            var best = Int.max
            for candidate in [node.id, node.label] + node.aliases {
                let lower = Array(candidate.lowercased().unicodeScalars)
                var distance = editDistance(wanted, lower)
                if lower.count > wanted.count, lower.starts(with: wanted) { distance = min(distance, 1) }
                best = min(best, distance)
            }
            if best <= max(2, wanted.count / 3) { scored.append((best, index)) }
        }
        scored.sort { ($0.distance, nodes[$0.index].id) < ($1.distance, nodes[$1.index].id) }
        return scored.prefix(limit).map(\.index)
    }
}

/// What ``RelationGraph/clipTiesToNodeYears()`` changed.
public struct TieClipping: Hashable, Sendable {
    /// Ties whose `since` or `until` moved into their nodes' years, or that were split at a gap
    /// between an end's spells.
    public var clipped = 0
    /// Ties with no year in which both ends exist, left out.
    public var dropped = 0

    /// Nothing changed.
    public init() {}
}

/// Levenshtein distance between two scalar sequences.
func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
