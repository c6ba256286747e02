/// What changed from one relation graph (the *base*) to another: nodes added and removed, ties
/// added, removed, reweighted and flipped, and optionally a node measure in both.
///
/// ```swift
/// let today = try RelationGraph(contentsOf: "Graphs/pakistan.json")
/// let agenda = try RelationGraph(contentsOf: "Graphs/awaam-agenda.json")
/// let diff = try agenda.difference(from: today, measure: .betweenness)
/// diff.flippedTies.first      // PAK–IRN security: adversarial → cooperative
/// diff.measure?["PAK"]?.change
/// ```
///
/// Nodes are matched by id. Ties are matched per pair of nodes and type (for an undirected graph
/// the pair has no order): a tie is *added* or *removed* when only one graph has it, *changed* when
/// its weight differs, *flipped* when its polarity does (whatever its weights). Between the same
/// pair and type, parallel edges are matched one to one: same polarity first, in file order.
/// Other fields (evidence, notes, years) are not compared.
///
/// Encodes as `entente diff --json` prints it:
/// `{"nodes":{"added":[…],"removed":[…]},"ties":{"added":[…],"removed":[…],"changed":[…],"flipped":[…]}}`
/// plus `"measure"` when one was asked for. Lists are sorted by node ids, then type.
public struct GraphDiff: Sendable, Encodable {
    /// The former name of ``UnmatchedTie``.
    @available(*, deprecated, renamed: "UnmatchedTie")
    public typealias Tie = UnmatchedTie

    /// A tie that only one graph has; encodes as `{"source","target","type","weight","polarity"}`.
    public struct UnmatchedTie: Hashable, Sendable, Encodable {
        /// The source node's id, as the graph that has the tie writes it.
        public let source: String
        /// The target node's id.
        public let target: String
        /// The tie's type.
        public let type: RelationType
        /// Its weight.
        public let weight: Double
        /// Its polarity.
        public let polarity: Polarity
    }

    /// A tie both graphs have, with the same polarity and another weight; encodes as
    /// `{"source","target","type","from":w,"to":w}`.
    public struct WeightChange: Hashable, Sendable, Encodable {
        /// The source node's id, as the other graph writes it.
        public let source: String
        /// The target node's id.
        public let target: String
        /// The tie's type.
        public let type: RelationType
        /// The weight in the base.
        public let from: Double
        /// The weight in the other graph.
        public let to: Double
    }

    /// A tie both graphs have, with opposite polarities; encodes as
    /// `{"source","target","type","from":polarity,"to":polarity,"fromWeight":w,"toWeight":w}`.
    public struct PolarityFlip: Hashable, Sendable, Encodable {
        /// The source node's id, as the other graph writes it.
        public let source: String
        /// The target node's id.
        public let target: String
        /// The tie's type.
        public let type: RelationType
        /// The polarity in the base.
        public let from: Polarity
        /// The polarity in the other graph.
        public let to: Polarity
        /// The weight in the base.
        public let fromWeight: Double
        /// The weight in the other graph.
        public let toWeight: Double
    }

    /// Ids of the nodes only the other graph has, sorted.
    public let addedNodes: [String]
    /// Ids of the nodes only the base has, sorted.
    public let removedNodes: [String]
    /// Ties only the other graph has.
    public let addedTies: [UnmatchedTie]
    /// Ties only the base has.
    public let removedTies: [UnmatchedTie]
    /// Ties whose weight changed (same polarity).
    public let changedTies: [WeightChange]
    /// Ties whose polarity flipped.
    public let flippedTies: [PolarityFlip]
    /// A node measure in both graphs, when one was asked for.
    public let measure: MeasureComparison?

    /// Whether the two graphs have the same nodes and ties (a measure may still be attached).
    public var isEmpty: Bool {
        addedNodes.isEmpty && removedNodes.isEmpty && addedTies.isEmpty && removedTies.isEmpty
            && changedTies.isEmpty && flippedTies.isEmpty
    }

    package init(base: GraphView, other: GraphView, measure: MeasureComparison?) {
        let baseIDs = Set(base.nodeIndices.map { base.graph.nodes[$0].id })
        let otherIDs = Set(other.nodeIndices.map { other.graph.nodes[$0].id })
        addedNodes = otherIDs.subtracting(baseIDs).sorted()
        removedNodes = baseIDs.subtracting(otherIDs).sorted()
        var added: [UnmatchedTie] = [], removed: [UnmatchedTie] = [], changed: [WeightChange] = [], flipped: [PolarityFlip] = []
        for match in matchTies(base: base, other: other) {
            switch (match.base.map { base.graph.edges[$0] }, match.other.map { other.graph.edges[$0] }) {
            case let (old?, new?):
                if old.polarity != new.polarity {
                    flipped.append(PolarityFlip(source: new.source, target: new.target, type: new.type, from: old.polarity,
                                                to: new.polarity, fromWeight: old.weight, toWeight: new.weight))
                } else if old.weight != new.weight {
                    changed.append(WeightChange(source: new.source, target: new.target, type: new.type,
                                                from: old.weight, to: new.weight))
                }
            case let (old?, nil):
                removed.append(UnmatchedTie(source: old.source, target: old.target, type: old.type, weight: old.weight,
                                   polarity: old.polarity))
            case let (nil, new?):
                added.append(UnmatchedTie(source: new.source, target: new.target, type: new.type, weight: new.weight,
                                 polarity: new.polarity))
            case (nil, nil):
                break
            }
        }
        addedTies = added
        removedTies = removed
        changedTies = changed
        flippedTies = flipped
        self.measure = measure
    }

    private enum CodingKeys: String, CodingKey { case nodes, ties, measure }
    private enum NodeKeys: String, CodingKey { case added, removed }
    private enum TieKeys: String, CodingKey { case added, removed, changed, flipped }

    /// The JSON of `entente diff --json` (see the type's description).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var nodes = container.nestedContainer(keyedBy: NodeKeys.self, forKey: .nodes)
        try nodes.encode(addedNodes, forKey: .added)
        try nodes.encode(removedNodes, forKey: .removed)
        var ties = container.nestedContainer(keyedBy: TieKeys.self, forKey: .ties)
        try ties.encode(addedTies, forKey: .added)
        try ties.encode(removedTies, forKey: .removed)
        try ties.encode(changedTies, forKey: .changed)
        try ties.encode(flippedTies, forKey: .flipped)
        if let measure { try container.encode(measure, forKey: .measure) }
    }
}

/// One node measure in two graphs, node by node: the value in each (absent when the node is not in
/// that graph's view, which is not the same as 0) and the change.
public struct MeasureComparison: RandomAccessCollection, Sendable, Encodable {
    /// One node's values.
    public struct Entry: Hashable, Sendable {
        /// The node's id.
        public let id: String
        /// The node's label (the other graph's when both have the node).
        public let label: String
        /// The value in the base, or `nil` when the base's view has no such node.
        public let base: Double?
        /// The value in the other graph, or `nil` when its view has no such node.
        public let other: Double?
        /// `other − base`, or `nil` when either is absent.
        public var change: Double? {
            guard let base, let other else { return nil }
            return other - base
        }
    }

    /// The measure compared.
    public let measure: CentralityMeasure
    private let entries: [Entry]
    private let positionByID: [String: Int]

    /// Pairs up two measures' values by node id: largest absolute change first, then nodes present on
    /// one side only, each group by id.
    public init(base: NodeValues, other: NodeValues) {
        measure = other.measure
        var labels: [String: String] = [:]
        for entry in base { labels[entry.id] = entry.label }
        for entry in other { labels[entry.id] = entry.label }
        let rows = labels.map { id, label in Entry(id: id, label: label, base: base[id], other: other[id]) }
        entries = rows.sorted { lhs, rhs in
            switch (lhs.change.map(abs), rhs.change.map(abs)) {
            case let (left?, right?): return left != right ? left > right : lhs.id < rhs.id
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return lhs.id < rhs.id
            }
        }
        var positions: [String: Int] = [:]
        for (position, entry) in entries.enumerated() { positions[entry.id] = position }
        positionByID = positions
    }

    /// The first position.
    public var startIndex: Int { entries.startIndex }
    /// One past the last position.
    public var endIndex: Int { entries.endIndex }
    /// The entry at a position: largest absolute change first.
    public subscript(position: Int) -> Entry { entries[position] }
    /// The entry of the node with this id, or `nil` when neither graph's view has it.
    public subscript(id: String) -> Entry? { positionByID[id].map { entries[$0] } }

    private enum CodingKeys: String, CodingKey { case name, values }
    private enum ValueKeys: String, CodingKey { case base, other, change }

    /// `{"name":m,"values":{id:{"base":x|null,"other":y|null,"change":d|null}}}`, ids in Unicode order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(measure.rawValue, forKey: .name)
        var values = container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .values)
        for entry in entries.sorted(by: { $0.id < $1.id }) {
            var row = values.nestedContainer(keyedBy: ValueKeys.self, forKey: AnyCodingKey(entry.id))
            try encode(entry.base, to: &row, forKey: .base)
            try encode(entry.other, to: &row, forKey: .other)
            try encode(entry.change, to: &row, forKey: .change)
        }
    }

    private func encode(_ value: Double?, to row: inout KeyedEncodingContainer<ValueKeys>, forKey key: ValueKeys) throws {
        if let value { try row.encode(value, forKey: key) } else { try row.encodeNil(forKey: key) }
    }
}

extension RelationGraph {
    /// What changed from `base` to this graph: nodes and ties added and removed, weights changed,
    /// polarities flipped (see ``GraphDiff``), and optionally a node measure in both.
    ///
    /// ```swift
    /// let diff = try agenda.difference(from: today)
    /// let security = try agenda.difference(from: today, filter: RelationFilter(types: [.security]))
    /// ```
    ///
    /// - Parameters:
    ///   - base: the graph compared against.
    ///   - filter: which ties and nodes to compare. Its types, kinds and year apply to both graphs (a
    ///     type only one graph knows keeps that graph's ties of the type); ties of both polarities are
    ///     compared whatever its polarities say, since a flip needs both. Its centre is not used.
    ///   - measure: a node measure to compute in both graphs, through `filter` as an analysis takes it
    ///     (its polarities apply: cooperative ties only by default, as `entente centrality`).
    ///   - metric: how weights become path costs for a distance measure.
    /// - Throws: ``GraphError`` when the graphs differ in direction, when the filter names a type or
    ///   kind neither graph knows, or when the measure cannot be computed in one of them (a view with
    ///   no edges, say).
    /// - Complexity: O(V + E log E), plus the measure's cost in each graph.
    public func difference(from base: RelationGraph, filter: RelationFilter = .cooperative,
                           measure: CentralityMeasure? = nil, metric: EdgeMetric = .strength) throws(GraphError) -> GraphDiff {
        try difference(from: base, baseYear: filter.year, otherYear: filter.year, filter: filter, measure: measure, metric: metric)
    }

    /// What changed in this graph from one year to another: the nodes and ties of `fromYear`'s view
    /// (the states that exist then, the ties that hold then) against those of `toYear`'s, as
    /// `entente diff GRAPH --from-year 1985 --to-year 1995` prints it. States that enter the system
    /// are added nodes, ties that begin are added ties, a pair whose alliance deepened is reweighted.
    ///
    /// ```swift
    /// let endOfColdWar = try world.difference(fromYear: 1985, toYear: 1995, filter: RelationFilter(types: [.security]))
    /// ```
    ///
    /// - Parameters:
    ///   - fromYear: the year of the base view.
    ///   - toYear: the year of the other view.
    ///   - filter: as in ``difference(from:filter:measure:metric:)``; its year is not used.
    ///   - measure: a node measure to compare between the two years; `nil` for none.
    ///   - metric: how weights become costs for a distance measure.
    /// - Throws: ``GraphError/invalidArgument(_:)`` when the graph has no years or a year lies outside
    ///   them (``datedYears``); otherwise as ``difference(from:filter:measure:metric:)``.
    public func difference(fromYear: Int, toYear: Int, filter: RelationFilter = .cooperative,
                           measure: CentralityMeasure? = nil, metric: EdgeMetric = .strength) throws(GraphError) -> GraphDiff {
        try difference(from: self, inYear: fromYear, toYear: toYear, filter: filter, measure: measure, metric: metric)
    }

    /// What changed from `base` as it was in `year` to this graph as it is in `otherYear` (each year
    /// checked against its own graph's ``datedYears``): the per-side form of `entente diff BASE OTHER
    /// --from-year Y1 --to-year Y2`.
    ///
    /// ```swift
    /// let change = try after.difference(from: before, inYear: 1985, toYear: 1995)
    /// ```
    ///
    /// - Parameters:
    ///   - base: the graph compared against, seen in `year`.
    ///   - year: the year of `base`'s view.
    ///   - otherYear: the year of this graph's view.
    ///   - filter: as in ``difference(from:filter:measure:metric:)``; its year is replaced by each side's.
    ///   - measure: a node measure to compare; `nil` for none.
    ///   - metric: how weights become costs for a distance measure.
    /// - Throws: ``GraphError/invalidArgument(_:)`` when a year lies outside its graph's
    ///   ``datedYears``; otherwise as ``difference(from:filter:measure:metric:)``.
    public func difference(from base: RelationGraph, inYear year: Int, toYear otherYear: Int,
                           filter: RelationFilter = .cooperative, measure: CentralityMeasure? = nil,
                           metric: EdgeMetric = .strength) throws(GraphError) -> GraphDiff {
        _ = try base.sweepYears(year...year, step: 1)
        _ = try sweepYears(otherYear...otherYear, step: 1)
        return try difference(from: base, baseYear: year, otherYear: otherYear, filter: filter, measure: measure, metric: metric)
    }

    /// The difference from `base` seen in `baseYear` (nil: every year) to this graph seen in
    /// `otherYear`; the filter's own year is replaced by each side's.
    private func difference(from base: RelationGraph, baseYear: Int?, otherYear: Int?, filter: RelationFilter,
                            measure: CentralityMeasure?, metric: EdgeMetric) throws(GraphError) -> GraphDiff {
        guard base.isDirected == isDirected else { throw directionMismatch(base: base, other: self) }
        try filter.checkNames(in: base, self)
        var compared = filter
        compared.polarities = Set(Polarity.allCases)
        compared.center = nil
        func seen(_ filter: RelationFilter, in year: Int?) -> RelationFilter {
            var filter = filter
            filter.year = year
            return filter
        }
        let baseView = GraphView(base, filter: seen(compared, in: baseYear).restricted(to: base))
        let otherView = GraphView(self, filter: seen(compared, in: otherYear).restricted(to: self))
        var comparison: MeasureComparison?
        if let measure {
            var analysed = filter
            analysed.center = nil
            func values(in graph: RelationGraph, year: Int?) throws(GraphError) -> NodeValues {
                let restricted = seen(analysed, in: year).restricted(to: graph)
                // Every type asked for is one the graph lacks: say so in the words of the filter given.
                if restricted.types?.isEmpty == true && !graph.nodes.isEmpty {
                    throw GraphError.emptyView(file: graph.file, description: analysed.description)
                }
                return try Analysis(graph, filter: restricted, metric: metric).centrality(measure)
            }
            comparison = MeasureComparison(base: try values(in: base, year: baseYear), other: try values(in: self, year: otherYear))
        }
        return GraphDiff(base: baseView, other: otherView, measure: comparison)
    }
}
