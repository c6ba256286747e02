/// The values of one node measure, keyed by node id.
///
/// Iterates in file order; ``top(_:)`` ranks; subscripting by id looks a node up in O(1).
///
/// ```swift
/// let betweenness = try graph.analysis().centrality(.betweenness)
/// betweenness["PAK"]                                    // 0.621795…
/// for entry in betweenness.top(3) { print(entry.id, entry.value) }
/// ```
/// Encodes as `entente centrality --json` prints it: `{"measure","metric","values":{id: value}}`,
/// ids in Unicode order; Katz adds `"alpha"`, and `"lambdaMax"` when alpha is the default 0.9/λmax
/// (and λmax is finite); sampled betweenness adds `"sampling":{"sources":k,"seed":s}`.
public struct NodeValues: RandomAccessCollection, Sendable, Encodable {
    /// One node's value.
    public struct Entry: Hashable, Sendable {
        /// The node's id.
        public let id: String
        /// The node's label.
        public let label: String
        /// The measure's value.
        public let value: Double
    }

    /// The measure computed.
    public let measure: CentralityMeasure
    /// How edges were costed (it matters for the distance measures only).
    public let metric: EdgeMetric
    /// Katz's attenuation as used: the one given, or the default 0.9/λmax; `nil` for other measures.
    public let alpha: Double?
    /// λmax of the weighted adjacency, when Katz's alpha was derived from it (the default) and it is
    /// finite.
    public let largestEigenvalue: Double?
    /// Whether Katz's alpha is the computed default, 0.9/λmax.
    public let isDefaultAlpha: Bool
    /// For estimated betweenness, the sample it was estimated from; `nil` for exact values.
    public let sampling: BetweennessSampling?
    /// For estimated betweenness, the ids of the sampled source nodes in the order drawn; empty for
    /// exact values.
    public let sampledSources: [String]
    private let entries: [Entry]
    private let positionByID: [String: Int]

    package init(measure: CentralityMeasure, metric: EdgeMetric, view: GraphView, values: [Double],
                 alpha: Double? = nil, largestEigenvalue: Double? = nil, isDefaultAlpha: Bool = false,
                 sampling: BetweennessSampling? = nil, sample: [Int32] = []) {
        self.measure = measure
        self.metric = metric
        self.alpha = alpha
        self.largestEigenvalue = largestEigenvalue
        self.isDefaultAlpha = isDefaultAlpha
        self.sampling = sampling
        self.sampledSources = sample.map { view.node(at: Int($0)).id }
        var entries: [Entry] = []
        entries.reserveCapacity(values.count)
        var positions: [String: Int] = [:]
        positions.reserveCapacity(values.count)
        for (local, value) in values.enumerated() {
            let node = view.node(at: local)
            positions[node.id] = entries.count
            entries.append(Entry(id: node.id, label: node.label, value: value))
        }
        self.entries = entries
        self.positionByID = positions
    }

    private init(measure: CentralityMeasure, metric: EdgeMetric, alpha: Double?, largestEigenvalue: Double?,
                 isDefaultAlpha: Bool, sampling: BetweennessSampling?, sampledSources: [String], entries: [Entry]) {
        self.measure = measure
        self.metric = metric
        self.alpha = alpha
        self.largestEigenvalue = largestEigenvalue
        self.isDefaultAlpha = isDefaultAlpha
        self.sampling = sampling
        self.sampledSources = sampledSources
        self.entries = entries
        var positions: [String: Int] = [:]
        for (position, entry) in entries.enumerated() { positions[entry.id] = position }
        self.positionByID = positions
    }

    /// The first position.
    public var startIndex: Int { entries.startIndex }
    /// One past the last position.
    public var endIndex: Int { entries.endIndex }
    /// The entry at a position (file order).
    public subscript(position: Int) -> Entry { entries[position] }

    /// The value of the node with this id, or `nil` when the analysed view has no such node.
    public subscript(id: String) -> Double? { positionByID[id].map { entries[$0].value } }

    /// Every entry, highest value first, ties by id.
    public var ranked: [Entry] {
        entries.sorted { $0.value != $1.value ? $0.value > $1.value : $0.id < $1.id }
    }

    /// The `n` highest entries, highest first, ties by id.
    ///
    /// - Complexity: O(V log V).
    public func top(_ n: Int) -> [Entry] { Array(ranked.prefix(Swift.max(n, 0))) }

    /// The `n` highest entries; with `includingTies`, also every further entry that shares the n-th's
    /// rank (``sharesRank(_:_:)``), so that the cut never falls inside a tie (`top(3)` of Pakistan's
    /// betweenness shows EU but not SAARC, which shares its 0.00641026; `top(3, includingTies: true)`
    /// shows both).
    ///
    /// - Complexity: O(V log V).
    public func top(_ n: Int, includingTies: Bool) -> [Entry] {
        let sorted = ranked
        let first = Array(sorted.prefix(Swift.max(n, 0)))
        guard includingTies, let last = first.last else { return first }
        return first + sorted[first.count...].prefix { Self.sharesRank($0.value, last.value) }
    }

    /// Whether two values share a rank: neither is greater than the other by more than 1e-9 of it
    /// (plus 1e-15), so that values that differ only in the last bits of their sums are tied. The one
    /// rule of ``rank(of:)``, ``top(_:includingTies:)``, `entente centrality --top`'s tie note and the
    /// explorer page's ranks.
    public static func sharesRank(_ a: Double, _ b: Double) -> Bool {
        !isClearlyGreater(a, than: b) && !isClearlyGreater(b, than: a)
    }

    /// Whether `a` is greater than `b` by more than 1e-9 of `b` (plus 1e-15).
    package static func isClearlyGreater(_ a: Double, than b: Double) -> Bool { a > b + 1e-9 * abs(b) + 1e-15 }

    /// Competition ranks of some values, highest first (1 + the number of values clearly greater,
    /// ``sharesRank(_:_:)``); nil stays nil.
    ///
    /// - Complexity: O(V log V).
    package static func competitionRanks(of values: [Double?]) -> [Int?] {
        let known = values.compactMap { $0 }.sorted(by: >)
        return values.map { value in
            guard let value else { return nil }
            // `known` is descending: count its leading values clearly above this one.
            var low = 0, high = known.count
            while low < high {
                let middle = (low + high) / 2
                if isClearlyGreater(known[middle], than: value) { low = middle + 1 } else { high = middle }
            }
            return low + 1
        }
    }

    /// The values of the `n` highest nodes only (what `--top N --json` prints).
    public func limited(to n: Int) -> NodeValues {
        NodeValues(measure: measure, metric: metric, alpha: alpha, largestEigenvalue: largestEigenvalue,
                   isDefaultAlpha: isDefaultAlpha, sampling: sampling, sampledSources: sampledSources, entries: top(n))
    }

    /// The 1-based rank of a node (1 = highest), ties sharing the better rank (``sharesRank(_:_:)``);
    /// `nil` for an unknown id.
    public func rank(of id: String) -> Int? {
        guard let value = self[id] else { return nil }
        return entries.reduce(1) { $0 + (Self.isClearlyGreater($1.value, than: value) ? 1 : 0) }
    }

    private enum CodingKeys: String, CodingKey { case measure, metric, alpha, lambdaMax, sampling, values }

    /// `{"measure":m,"metric":c[,"alpha":a[,"lambdaMax":λ]][,"sampling":{"sources":k,"seed":s}],"values":{id: value}}`,
    /// ids in Unicode order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(measure.rawValue, forKey: .measure)
        try container.encode(metric.rawValue, forKey: .metric)
        try container.encodeIfPresent(alpha, forKey: .alpha)
        try container.encodeIfPresent(largestEigenvalue, forKey: .lambdaMax)
        try container.encodeIfPresent(sampling, forKey: .sampling)
        var values = container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .values)
        try encodeByID(into: &values)
    }

    /// The values as members keyed by id, in id order.
    package func encodeByID(into container: inout KeyedEncodingContainer<AnyCodingKey>) throws {
        for entry in entries.sorted(by: { $0.id < $1.id }) {
            try container.encode(entry.value, forKey: AnyCodingKey(entry.id))
        }
    }
}

/// The values of edge betweenness, keyed by the pair of nodes an edge joins (parallel edges are one
/// tie). Encodes as `entente centrality --measure edge-betweenness --json` prints it, with keys
/// `"A|B"` in Unicode order.
public struct EdgeValues: RandomAccessCollection, Sendable, Encodable {
    /// One tie's value.
    public struct Entry: Hashable, Sendable {
        /// The tie: its two node ids (for an undirected graph, the smaller id first).
        public let tie: NodePair
        /// The value.
        public let value: Double
    }

    /// The former name of ``Entente/NodePair``.
    @available(*, deprecated, renamed: "NodePair")
    public typealias Tie = Entente.NodePair

    /// The identity of a tie: ``Entente/NodePair``.
    public typealias NodePair = Entente.NodePair

    /// How edges were costed.
    public let metric: EdgeMetric
    /// Whether ties have a direction.
    public let isDirected: Bool
    private let entries: [Entry]
    private let positionByTie: [NodePair: Int]

    package init(metric: EdgeMetric, isDirected: Bool, entries: [Entry]) {
        self.metric = metric
        self.isDirected = isDirected
        self.entries = entries
        var positions: [NodePair: Int] = [:]
        for (position, entry) in entries.enumerated() { positions[entry.tie] = position }
        self.positionByTie = positions
    }

    /// The first position.
    public var startIndex: Int { entries.startIndex }
    /// One past the last position.
    public var endIndex: Int { entries.endIndex }
    /// The entry at a position (by the nodes' positions in the file).
    public subscript(position: Int) -> Entry { entries[position] }

    /// The value of a tie, in either order for an undirected graph; `nil` when the nodes are not adjacent.
    public subscript(tie: NodePair) -> Double? {
        if let position = positionByTie[tie] { return entries[position].value }
        guard !isDirected, let position = positionByTie[NodePair(tie.target, tie.source)] else { return nil }
        return entries[position].value
    }

    /// Every entry, highest first, ties by the pair of ids.
    public var ranked: [Entry] { entries.sorted { $0.value != $1.value ? $0.value > $1.value : $0.tie < $1.tie } }

    /// The `n` highest entries.
    public func top(_ n: Int) -> [Entry] { Array(ranked.prefix(Swift.max(n, 0))) }

    /// Only the `n` highest ties.
    public func limited(to n: Int) -> EdgeValues { EdgeValues(metric: metric, isDirected: isDirected, entries: top(n)) }

    private enum CodingKeys: String, CodingKey { case measure, metric, values }

    /// `{"measure":"edge-betweenness","metric":c,"values":{"A|B": value}}`, keys in Unicode order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(CentralityMeasure.edgeBetweenness.rawValue, forKey: .measure)
        try container.encode(metric.rawValue, forKey: .metric)
        var values = container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .values)
        for entry in entries.sorted(by: { $0.tie.description < $1.tie.description }) {
            try values.encode(entry.value, forKey: AnyCodingKey(entry.tie.description))
        }
    }
}

/// Several node measures over one view (`entente centrality --measure all`): a column per measure,
/// with the reason where one could not be computed.
public struct CentralityTable: Sendable, Encodable {
    /// One measure's column.
    public struct Column: Sendable {
        /// The measure.
        public let measure: CentralityMeasure
        /// Its values, or `nil` when it could not be computed.
        public let values: NodeValues?
        /// Why it could not be computed.
        public let failure: GraphError?
        /// Whether it failed because a value exceeds the largest finite number: a failure of the whole
        /// question rather than of one measure.
        public var overflowed: Bool { failure?.isOverflow ?? false }
    }

    /// How edges were costed.
    public let metric: EdgeMetric
    /// The columns, in the order asked.
    public let columns: [Column]
    /// Node ids and labels in file order.
    public let nodes: [Node]

    private enum CodingKeys: String, CodingKey { case metric, katz, measures }
    private enum KatzKeys: String, CodingKey { case alpha, lambdaMax }

    /// `{"metric":c[,"katz":{"alpha":a[,"lambdaMax":λ]}],"measures":{name: {id: value} | null}}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metric.rawValue, forKey: .metric)
        if let katz = columns.first(where: { $0.measure == .katz })?.values, let alpha = katz.alpha {
            var parameters = container.nestedContainer(keyedBy: KatzKeys.self, forKey: .katz)
            try parameters.encode(alpha, forKey: .alpha)
            try parameters.encodeIfPresent(katz.largestEigenvalue, forKey: .lambdaMax)
        }
        var measures = container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .measures)
        for column in columns {
            if let values = column.values {
                var nested = measures.nestedContainer(keyedBy: AnyCodingKey.self, forKey: AnyCodingKey(column.measure.rawValue))
                try values.encodeByID(into: &nested)
            } else {
                try measures.encodeNil(forKey: AnyCodingKey(column.measure.rawValue))
            }
        }
    }
}

extension Analysis {
    /// A node measure of every node in the view, keyed by id.
    ///
    /// ```swift
    /// let hubs = try graph.analysis().centrality(.betweenness).top(3)
    /// ```
    /// Distance measures (closeness, harmonic, betweenness) follow the analysis's metric; strength
    /// measures (strength, eigenvector, PageRank, Katz) sum parallel edges' weights; degree counts
    /// neighbours. Each agrees with its networkx function (``CentralityMeasure``).
    ///
    /// To watch a long run or cancel it, use the `async` variant,
    /// ``centrality(_:normalized:alpha:sampling:progress:)``.
    ///
    /// - Parameters:
    ///   - measure: a node measure (for edge betweenness, see ``edgeBetweenness(normalized:)``).
    ///   - normalized: for betweenness (networkx's default, true).
    ///   - alpha: PageRank's damping (default 0.85) or Katz's attenuation (default 0.9/λmax).
    ///   - sampling: betweenness only: estimate it from a sample of source nodes (see
    ///     ``BetweennessSampling``); `nil` (the default) for the exact values.
    /// - Throws: ``GraphError/measureFailed(file:measure:reason:)`` when the measure cannot be computed
    ///   (no convergence, eigenvector of a disconnected graph, alpha out of range, a sample of fewer
    ///   than 2 or more than n sources), ``GraphError/invalidArgument(_:)`` for sampling with a measure
    ///   other than betweenness.
    /// - Complexity: that of the measure: O(V·E + V² log V) for betweenness (O(k·(E + V log V)) for a
    ///   sample of k sources), O(k·E) for the iterative ones.
    public func centrality(_ measure: CentralityMeasure, normalized: Bool = true, alpha: Double? = nil,
                           sampling: BetweennessSampling? = nil) throws(GraphError) -> NodeValues {
        try nodeValues(measure, normalized: normalized, alpha: alpha, sampling: sampling)
    }

    package func nodeValues(_ measure: CentralityMeasure, normalized: Bool = true, alpha: Double? = nil,
                            sampling: BetweennessSampling? = nil,
                            monitor: SweepMonitor? = nil) throws(GraphError) -> NodeValues {
        let sample = try sampleSources(sampling, for: measure)
        let result: CentralityValues
        var katz: KatzResult?
        do throws(CentralityError) {
            if measure == .katz {
                let found = try adjacency.katz(alpha: alpha)
                guard found.values.allSatisfy(\.isFinite) else { throw CentralityError.overflow(measure: measure.rawValue) }
                katz = found
                result = .nodes(found.values)
            } else {
                result = try adjacency.centrality(measure, normalized: normalized, alpha: alpha, sample: sample,
                                                  monitor: monitor)
            }
        } catch {
            throw GraphError(error, file: graph.file)
        }
        guard case .nodes(let values) = result else {
            throw .measureFailed(file: graph.file, measure: measure.rawValue,
                                 reason: "gives a value per tie, not per node; use edgeBetweenness()")
        }
        return NodeValues(measure: measure, metric: metric, view: view, values: values, alpha: katz?.alpha,
                          largestEigenvalue: katz?.largestEigenvalue, isDefaultAlpha: measure == .katz && alpha == nil,
                          sampling: sampling, sample: sample?.sources ?? [])
    }

    /// The sampled sources of a betweenness estimate, after checking that the sample can be drawn.
    private func sampleSources(_ sampling: BetweennessSampling?,
                               for measure: CentralityMeasure) throws(GraphError) -> SourceSample? {
        guard let sampling else { return nil }
        guard measure == .betweenness else {
            throw .invalidArgument("sampling estimates betweenness only, not \(measure.rawValue)")
        }
        if let problem = sampling.problem(nodeCount: adjacency.nodeCount) {
            throw .measureFailed(file: graph.file, measure: measure.rawValue, reason: problem)
        }
        return sampling.sample(in: adjacency)
    }

    /// The number of units a monitor of `measure` counts: its sources for the per-source measures
    /// (the sample's size when sampling), 1 for the others.
    package func progressTotal(of measure: CentralityMeasure, sampling: BetweennessSampling?) -> Int {
        guard measure.usesMetric else { return 1 }
        return measure == .betweenness ? (sampling?.sources ?? adjacency.nodeCount) : adjacency.nodeCount
    }

    /// Edge betweenness of every tie (parallel edges are one tie), keyed by its pair of node ids
    /// (networkx `edge_betweenness_centrality`).
    ///
    /// - Parameter normalized: divide by n(n − 1) (networkx's default, true).
    /// - Complexity: O(V·E + V² log V).
    public func edgeBetweenness(normalized: Bool = true) -> EdgeValues {
        edgeValues(normalized: normalized)
    }

    package func edgeValues(normalized: Bool, monitor: SweepMonitor? = nil) -> EdgeValues {
        let entries = adjacency.edgeBetweennessCentrality(normalized: normalized, monitor: monitor).map { entry in
            var pair = (view.node(at: entry.source).id, view.node(at: entry.target).id)
            if !adjacency.isDirected && pair.1 < pair.0 { pair = (pair.1, pair.0) }
            return EdgeValues.Entry(tie: EdgeValues.NodePair(pair.0, pair.1), value: entry.value)
        }
        return EdgeValues(metric: metric, isDirected: adjacency.isDirected, entries: entries)
    }

    /// Several node measures at once; a measure that cannot be computed gets a column with its reason
    /// instead of values. In- and out-degree are left out on an undirected graph.
    public func centralities(_ measures: [CentralityMeasure], normalized: Bool = true,
                             alpha: Double? = nil) -> CentralityTable {
        centralityTable(measures, normalized: normalized, alpha: alpha)
    }

    /// The measures ``centralities(_:normalized:alpha:)`` computes, in order.
    package func tableMeasures(_ measures: [CentralityMeasure]) -> [CentralityMeasure] {
        measures.filter { $0.isNodeMeasure && (adjacency.isDirected || !$0.needsDirectedGraph) }
    }

    /// ``centralities(_:normalized:alpha:)`` counting on `monitor` each measure's units in turn (see
    /// ``progressTotal(of:sampling:)``), and stopping before the next measure, or inside a per-source
    /// one, when it is cancelled (the table is then incomplete: the caller checks).
    package func centralityTable(_ measures: [CentralityMeasure], normalized: Bool = true, alpha: Double? = nil,
                                 monitor: SweepMonitor? = nil) -> CentralityTable {
        var columns: [CentralityTable.Column] = []
        for measure in tableMeasures(measures) {
            if monitor?.isCancelled == true { break }
            do {
                columns.append(.init(measure: measure, values: try nodeValues(measure, normalized: normalized, alpha: alpha,
                                                                              monitor: monitor),
                                     failure: nil))
            } catch {
                columns.append(.init(measure: measure, values: nil, failure: error))
            }
            // The per-source measures counted their sources; the others count as one unit, done or failed.
            if !measure.usesMetric { monitor?.advance() }
        }
        return CentralityTable(metric: metric, columns: columns, nodes: nodes)
    }
}
