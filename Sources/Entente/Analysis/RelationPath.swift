/// A path between two nodes: the nodes it visits, the edge it takes at each hop, and its cost.
///
/// Nodes are ids; each hop's ``PathEdge/edge`` is the graph's own ``Edge``, so its evidence is one
/// property away. Its `description` is the line `entente path` prints:
/// `PAK -[economic 4]- EU  cost 0.25`.
public struct RelationPath: Hashable, Sendable, Encodable, CustomStringConvertible {
    /// Node ids from the first node to the last.
    public let nodes: [String]
    /// One entry per hop: for each the cheapest of the parallel edges between the two nodes (the
    /// first in file order among equally cheap ones).
    public let edges: [PathEdge]
    /// The sum of the hops' costs under the analysis's ``EdgeMetric``, added from first hop to last.
    public let cost: Double
    /// Whether the graph is directed (how the path is written).
    package let isDirected: Bool

    /// The number of hops (edges); 0 for the path that stays at its node.
    public var hops: Int { edges.count }

    /// A path found on an adjacency whose costs were multiplied by 2^costExponent, in the graph's units.
    package init(_ path: GraphPath, in graph: RelationGraph, costExponent: Int = 0) {
        nodes = path.nodes.map { graph.nodes[$0].id }
        edges = path.edges.enumerated().map { hop, index in
            PathEdge(source: graph.nodes[path.nodes[hop]].id, target: graph.nodes[path.nodes[hop + 1]].id,
                     edge: graph.edges[index], index: index)
        }
        cost = Double.times(path.cost, powerOfTwo: -costExponent)
        isDirected = graph.isDirected
    }

    /// `PAK -[economic 5]- CHN -[security 3 adversarial]- RUS  cost 0.533333`: each hop's type and
    /// weight, `adversarial` when it is, and the cost to six significant digits.
    public var description: String {
        let (open, close) = isDirected ? (" ->[", "]-> ") : (" -[", "]- ")
        var text = nodes.first ?? ""
        for hop in edges {
            text += open + hop.edge.type.name + " " + TextFormat.number(hop.edge.weight)
            if hop.edge.polarity == .adversarial { text += " adversarial" }
            text += close + hop.target
        }
        return text + "  cost " + TextFormat.number(cost, significantDigits: 6)
    }

    private enum CodingKeys: String, CodingKey { case nodes, cost, hops, edges }

    /// `{"nodes":[…],"cost":c,"hops":h,"edges":[…]}`, as `entente path --json` prints each path.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(nodes, forKey: .nodes)
        try container.encode(cost, forKey: .cost)
        try container.encode(hops, forKey: .hops)
        try container.encode(edges, forKey: .edges)
    }
}

/// One hop of a ``RelationPath``: the direction travelled and the edge taken.
public struct PathEdge: Hashable, Sendable, Encodable {
    /// The id of the node the hop leaves (for an undirected edge, maybe the edge's target).
    public let source: String
    /// The id of the node the hop reaches.
    public let target: String
    /// The edge taken, with its type, weight, polarity and evidence.
    public let edge: Edge
    /// The edge's position in the graph, for drawing it.
    package let index: Int

    /// `{"source","target","type","weight","polarity"[,"since"][,"until"],"evidence":[{"source","quote"}]}`:
    /// the direction travelled, the tie, and the quotes it rests on (each naming a ``Source/id``;
    /// ``PathReport`` lists those sources). `evidence` is always there, empty for a tie without any.
    public func encode(to encoder: any Encoder) throws {
        try edge.encodeTie(from: source, to: target, evidence: true, to: encoder)
    }

    /// The lines `entente path --explain` prints under a path for this hop: the tie, then each quote
    /// with the title of the source it comes from (the source's id when the graph does not list it).
    package func explanation(sources: [String: Source], directed: Bool) -> [String] {
        var tie = "\(edge.type.name) \(TextFormat.number(edge.weight)), \(edge.polarity.rawValue)"
        if let years = edge.years { tie += ", " + years }
        var lines = ["  \(source) \(directed ? "→" : "–") \(target): \(tie)"]
        if edge.evidence.isEmpty { lines.append("    (no evidence recorded)") }
        for item in edge.evidence {
            lines.append("    \u{201C}\(item.quote)\u{201D}")
            lines.append("      \u{2014} \(sources[item.source]?.title ?? item.source)")
        }
        return lines
    }
}

extension Edge {
    /// When the tie holds, in words: `since 2001`, `until 1991`, `1945–1991`; `nil` without years.
    package var years: String? {
        switch (since, until) {
        case (let since?, let until?): return "\(since)–\(until)"
        case (let since?, nil): return "since \(since)"
        case (nil, let until?): return "until \(until)"
        case (nil, nil): return nil
        }
    }
}

/// Which paths a query returns.
public enum PathSelection: Hashable, Sendable {
    /// One cheapest path (ties go to the lowest node positions in the file).
    case cheapest
    /// Every cheapest path, sorted by node ids.
    case allCheapest
    /// The `k` cheapest loopless paths (Yen's algorithm), cheapest first.
    case cheapestLoopless(k: Int)
}

/// The answer to a path query: the endpoints, the metric and the paths found (none when the target
/// cannot be reached). Encodes as `entente path --json` prints it.
public struct PathReport: Sendable, Encodable {
    /// The id of the first node.
    public let from: String
    /// The id of the last node.
    public let to: String
    /// The id of the stop, for a query with one.
    public let via: String?
    /// How edges were costed.
    public let metric: EdgeMetric
    /// The paths, in the order the selection gives.
    public let paths: [RelationPath]
    /// The sources that the paths' evidence cites, in the graph's order (each once).
    public let sources: [Source]
    /// What the analysis kept, in words, for a "no path" message.
    package let scope: String
    /// Whether the graph is directed (how hops are written).
    package var isDirected = false

    package init(from: String, to: String, via: String?, metric: EdgeMetric, paths: [RelationPath],
                 graphSources: [Source], scope: String) {
        self.from = from
        self.to = to
        self.via = via
        self.metric = metric
        self.paths = paths
        let cited = Set(paths.flatMap { $0.edges.flatMap { $0.edge.evidence.map(\.source) } })
        self.sources = graphSources.filter { cited.contains($0.id) }
        self.scope = scope
    }

    private enum CodingKeys: String, CodingKey { case from, to, via, metric, paths, sources }

    /// `{"from","to"[,"via"],"metric","paths":[…],"sources":[{"id","title","file"|"citation"}]}`:
    /// every hop carries its evidence, and `sources` lists the documents it cites.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encodeIfPresent(via, forKey: .via)
        try container.encode(metric.rawValue, forKey: .metric)
        try container.encode(paths, forKey: .paths)
        try container.encode(sources, forKey: .sources)
    }

    /// The lines `entente path` prints: one per path, or why there is none.
    public var lines: [String] {
        guard paths.isEmpty else { return paths.map(\.description) }
        return ["no path from \(fromName) to \(toName)\(viaName.map { " via \($0)" } ?? "") over \(scope)"]
    }

    /// The lines `entente path --explain` prints: each path, then under it every hop's tie (type,
    /// weight, polarity, years when known) and each quote it rests on with its source's title.
    /// Paths are separated by a blank line.
    ///
    /// ```text
    /// PAK -[economic 4]- EU  cost 0.25
    ///   PAK – EU: economic 4, cooperative
    ///     “…”
    ///       — Pakistan's foreign relations: … (article)
    /// ```
    public var explanation: [String] {
        guard !paths.isEmpty else { return lines }
        let byID = Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [String] = []
        for (number, path) in paths.enumerated() {
            if number > 0 { result.append("") }
            result.append(path.description)
            for hop in path.edges { result += hop.explanation(sources: byID, directed: isDirected) }
        }
        return result
    }

    package var fromName = "", toName = "", viaName: String?
}

extension Analysis {
    /// The paths from one node to another, as `entente path` prints them.
    ///
    /// - Parameters:
    ///   - from: where the path starts: id, label or alias.
    ///   - to: where it ends.
    ///   - via: a stop it must pass (only with ``PathSelection/cheapest``); the route may pass a
    ///     node twice, like a journey out and back through a hub.
    ///   - selection: one cheapest path, all of them, or the k cheapest loopless ones.
    /// - Throws: ``GraphError`` for a name that resolves to no node of the view, or for `via` with a
    ///   selection other than ``PathSelection/cheapest``, or k < 1.
    /// - Complexity: O((V + E) log V) for one path; Yen's O(k·L·(V + E) log V) for k.
    public func paths(from: String, to: String, via: String? = nil,
                      selection: PathSelection = .cheapest) throws(GraphError) -> PathReport {
        try pathReport(from: from, to: to, via: via, selection: selection)
    }

    /// ``paths(from:to:via:selection:)``, with Yen's search counting its paths on `monitor` and
    /// stopping when it is cancelled (the report is then incomplete: the caller checks).
    package func pathReport(from: String, to: String, via: String? = nil, selection: PathSelection = .cheapest,
                            monitor: SweepMonitor? = nil) throws(GraphError) -> PathReport {
        let source = try localPosition(of: from)
        let target = try localPosition(of: to)
        let stop = try via.map { name throws(GraphError) in try localPosition(of: name) }
        let found: [GraphPath]
        switch (selection, stop) {
        case (.cheapest, let stop?):
            found = adjacency.shortestPath(from: source, via: stop, to: target).map { [$0] } ?? []
        case (.cheapest, nil):
            found = adjacency.shortestPath(from: source, to: target).map { [$0] } ?? []
        case (.allCheapest, nil):
            found = adjacency.allShortestPaths(from: source, to: target)
        case (.cheapestLoopless(let k), nil):
            guard k >= 1 else { throw GraphError.invalidArgument("k must be at least 1, not \(k)") }
            found = adjacency.kShortestPaths(from: source, to: target, k: k, monitor: monitor)
        case (_, .some):
            throw GraphError.invalidArgument("a path via a stop is one cheapest route; it cannot be combined with all or k paths")
        }
        let name = { (local: Int) in graph.describe(node: view.nodeIndices[local]) }
        let relationPaths = found.map { RelationPath($0, in: graph, costExponent: adjacency.costExponent) }
        guard relationPaths.allSatisfy(\.cost.isFinite) else {
            throw GraphError.costOverflow(file: graph.file, from: name(source), to: name(target), metric: metric.rawValue)
        }
        var report = PathReport(from: graph.nodes[view.nodeIndices[source]].id, to: graph.nodes[view.nodeIndices[target]].id,
                                via: stop.map { graph.nodes[view.nodeIndices[$0]].id }, metric: metric,
                                paths: relationPaths, graphSources: graph.sources,
                                scope: filter.description(in: graph))
        report.isDirected = graph.isDirected
        report.fromName = name(source)
        report.toName = name(target)
        report.viaName = stop.map(name)
        return report
    }

    /// One cheapest path, or `nil` when `to` cannot be reached.
    ///
    /// ```swift
    /// let path = try graph.analysis(types: [.economic]).shortestPath(from: "Pakistan", to: "EU")
    /// print(path?.nodes ?? [])   // ["PAK", "EU"]
    /// ```
    /// Paths whose costs agree within a relative 1e-10 tie (as igraph compares them); the tie with
    /// the lowest node positions in the file wins. Agrees with networkx `shortest_path_length`.
    /// - Throws: ``GraphError`` for a name that resolves to no node of the view.
    /// - Complexity: O((V + E) log V).
    public func shortestPath(from: String, to: String, via: String? = nil) throws(GraphError) -> RelationPath? {
        try paths(from: from, to: to, via: via).paths.first
    }

    /// The `k` cheapest loopless paths, cheapest first (Yen's algorithm; costs as networkx
    /// `shortest_simple_paths`).
    /// - Throws: ``GraphError`` for an unknown name or k < 1.
    /// - Complexity: O(k·L·(V + E) log V) for paths of up to L nodes.
    public func shortestPaths(from: String, to: String, k: Int) throws(GraphError) -> [RelationPath] {
        try paths(from: from, to: to, selection: .cheapestLoopless(k: k)).paths
    }

    /// Every cheapest path, sorted by node ids (networkx `all_shortest_paths`, sorted).
    /// - Throws: ``GraphError`` for an unknown name.
    /// - Complexity: O((V + E) log V + P·L log P) for P paths of L nodes.
    public func allShortestPaths(from: String, to: String) throws(GraphError) -> [RelationPath] {
        try paths(from: from, to: to, selection: .allCheapest).paths
    }
}
