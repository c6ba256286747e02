/// One node measure at every year of a range: a table of years × nodes, as
/// ``Analysis/timeline(_:years:step:normalized:alpha:progress:)`` computes it.
///
/// ```swift
/// let security = try graph.analysis(types: ["security"])
/// let hubs = try await security.timeline(.betweenness, years: 1946...2014)
/// hubs["USA", 1962]                        // USA's betweenness in 1962, or nil
/// hubs.top(5)                              // the five highest in any year
/// ```
///
/// A value is absent (`nil`), never 0, where the node has none: the node is not in that year's view
/// (it does not exist then, or the filter leaves it out), no tie of the view holds in that year, or
/// the measure cannot be computed that year (``gaps`` says why).
///
/// Encodes as `entente timeline --json` prints it:
/// `{"measure","metric","years":[y…],"nodes":[{"id","label","values":[v|null…]}],"gaps":[{"year","reason"}]}`,
/// nodes in file order; `"normalized":false` for raw betweenness, `"alpha"` when one was given.
public struct CentralityTimeline: Sendable, Encodable {
    /// One node's values, one per year of ``CentralityTimeline/years``.
    public struct Series: Hashable, Sendable, Encodable {
        /// The node's id.
        public let id: String
        /// The node's label.
        public let label: String
        /// The node's value in each year, `nil` where it has none.
        public let values: [Double?]

        /// The highest value of any year, `nil` when the node has none.
        public var maximum: Double? { values.compactMap { $0 }.max() }
    }

    /// A year without values, and why.
    public struct Gap: Hashable, Sendable, Encodable {
        /// The year.
        public let year: Int
        /// Why the year has no values: no tie of the view holds in it, or the measure's failure.
        public let reason: String
    }

    /// The measure computed.
    public let measure: CentralityMeasure
    /// How edges were costed (for the distance measures).
    public let metric: EdgeMetric
    /// Whether betweenness was normalised.
    public let normalized: Bool
    /// PageRank's damping or Katz's attenuation, when one was given.
    public let alpha: Double?
    /// The filter of every year, without its year.
    public let filter: RelationFilter
    /// The years, ascending.
    public let years: [Int]
    /// Every node that has a value in some year, or is in some year's view, in file order.
    public let series: [Series]
    /// The years without any value, with the reason, ascending.
    public let gaps: [Gap]
    private let positionByID: [String: Int]
    private let positionByYear: [Int: Int]

    package init(measure: CentralityMeasure, metric: EdgeMetric, normalized: Bool, alpha: Double?,
                 filter: RelationFilter, years: [Int], series: [Series], gaps: [Gap]) {
        self.measure = measure
        self.metric = metric
        self.normalized = normalized
        self.alpha = alpha
        self.filter = filter
        self.years = years
        self.series = series
        self.gaps = gaps
        var positions: [String: Int] = [:]
        for (position, entry) in series.enumerated() { positions[entry.id] = position }
        self.positionByID = positions
        var yearPositions: [Int: Int] = [:]
        for (position, year) in years.enumerated() { yearPositions[year] = position }
        self.positionByYear = yearPositions
    }

    /// The value of a node (by id) in a year, or `nil` when it has none or the timeline does not
    /// cover the node or the year.
    public subscript(id: String, year: Int) -> Double? {
        guard let node = positionByID[id], let column = positionByYear[year] else { return nil }
        return series[node].values[column]
    }

    /// The series of a node, by id.
    public func series(of id: String) -> Series? { positionByID[id].map { series[$0] } }

    /// The `k` nodes with the highest value in any year, highest first, ties by id (nodes without
    /// any value come never).
    ///
    /// - Complexity: O(N·Y + N log N) for N nodes and Y years.
    public func top(_ k: Int) -> [Series] {
        let ranked = series.compactMap { entry in entry.maximum.map { (entry, $0) } }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.id < $1.0.id }
        return ranked.prefix(Swift.max(k, 0)).map(\.0)
    }

    /// The same timeline with only these nodes' series, in the order given (unknown ids are left out).
    public func selecting(_ ids: [String]) -> CentralityTimeline {
        CentralityTimeline(measure: measure, metric: metric, normalized: normalized, alpha: alpha, filter: filter,
                           years: years, series: ids.compactMap(series(of:)), gaps: gaps)
    }

    private enum CodingKeys: String, CodingKey { case measure, metric, normalized, alpha, years, nodes, gaps }

    /// See the type's description.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(measure.rawValue, forKey: .measure)
        try container.encode(metric.rawValue, forKey: .metric)
        if !normalized { try container.encode(false, forKey: .normalized) }
        try container.encodeIfPresent(alpha, forKey: .alpha)
        try container.encode(years, forKey: .years)
        try container.encode(series, forKey: .nodes)
        try container.encode(gaps, forKey: .gaps)
    }
}

extension Analysis {
    /// A node measure at every year of a range: the analysis's view restricted to each year in turn
    /// (its filter's ``RelationFilter/year`` set to it, as `--at` does), then the measure as
    /// ``centrality(_:normalized:alpha:sampling:)`` computes it.
    ///
    /// ```swift
    /// let hubs = try await graph.analysis(types: ["security"]).timeline(.betweenness, years: 1946...2014)
    /// ```
    ///
    /// Every setting of the analysis applies to every year: types, excluded types, polarities, kinds,
    /// ego network and metric. A year's values are those of `analysis(…, at: year).centrality(…)`, bit
    /// for bit, so a node absent from a year's view has no value that year; a year where no tie of the
    /// view holds, or where the measure fails (eigenvector on a disconnected graph, say), has no values
    /// and is listed in ``CentralityTimeline/gaps``.
    ///
    /// The years are computed in parallel, off the Swift concurrency pool, with progress and
    /// cancellation as ``centrality(_:normalized:alpha:sampling:progress:)`` has them: a unit is one
    /// source's search for the per-source measures and one year for the others, summed over the years.
    ///
    /// - Parameters:
    ///   - measure: a node measure (not edge betweenness).
    ///   - years: the first and last year; both within the graph's ``RelationGraph/datedYears``.
    ///   - step: take every `step`-th year from the first (default 1).
    ///   - normalized: for betweenness (networkx's default, true).
    ///   - alpha: PageRank's damping or Katz's attenuation (Katz's default 0.9/λmax is that year's λmax).
    ///   - progress: called with the progress of the sweep; `nil` for cancellation alone.
    /// - Throws: ``GraphError/invalidArgument(_:)`` for a step below 1 or years outside the graph's,
    ///   ``GraphError/measureFailed(file:measure:reason:)`` for edge betweenness, a value that
    ///   overflows, or a parameter out of range, and `CancellationError` when the task is cancelled.
    /// - Complexity: Y times the measure's on one year's view, for Y years, over the cores.
    public func timeline(_ measure: CentralityMeasure, years: ClosedRange<Int>, step: Int = 1, normalized: Bool = true,
                         alpha: Double? = nil, progress: ProgressHandler? = nil) async throws -> CentralityTimeline {
        guard measure.isNodeMeasure else {
            throw GraphError.measureFailed(file: graph.file, measure: measure.rawValue,
                                           reason: "gives a value per tie, not per node; a timeline needs a node measure")
        }
        let chosen = try graph.sweepYears(years, step: step)
        let outcomes = try await sweep(chosen, units: { $0.progressTotal(of: measure, sampling: nil) }, progress: progress) {
            analysis, monitor -> Result<NodeValues, GraphError> in
            let result = Result { () throws(GraphError) -> NodeValues in
                try analysis.nodeValues(measure, normalized: normalized, alpha: alpha, monitor: monitor)
            }
            if !measure.usesMetric { monitor.advance() }
            return result
        }
        var gaps: [CentralityTimeline.Gap] = []
        var columns: [NodeValues?] = []
        for (year, outcome) in zip(chosen, outcomes) {
            switch outcome as Result<NodeValues, GraphError>? {
            case nil:
                gaps.append(.init(year: year, reason: "no \(filter.description(in: graph)) hold in \(year)"))
                columns.append(nil)
            case .success(let values)?:
                columns.append(values)
            case .failure(let error)?:
                // A failure that no year can escape (an overflow, in-degree of an undirected graph) ends
                // the sweep; one that depends on the year's shape (a disconnected graph, an alpha past
                // that year's 1/λmax) leaves a gap.
                if error.isOverflow || isUndirectedFailure(error) { throw error }
                switch error {
                case .measureFailed(_, _, let reason), .notUnique(_, _, let reason):
                    gaps.append(.init(year: year, reason: "\(measure.rawValue): \(reason)"))
                    columns.append(nil)
                default:
                    throw error
                }
            }
        }
        var inView = [Bool](repeating: false, count: graph.nodes.count)
        for column in columns.compactMap({ $0 }) {
            for entry in column { if let index = graph.index(of: entry.id) { inView[index] = true } }
        }
        let series = graph.nodes.indices.filter { inView[$0] }.map { index in
            let node = graph.nodes[index]
            return CentralityTimeline.Series(id: node.id, label: node.label, values: columns.map { $0?[node.id] })
        }
        var yearless = filter
        yearless.year = nil
        return CentralityTimeline(measure: measure, metric: metric, normalized: normalized, alpha: alpha,
                                  filter: yearless, years: chosen, series: series, gaps: gaps)
    }

    /// Whether a measure failed because it needs a directed graph, which every year shares.
    private func isUndirectedFailure(_ error: GraphError) -> Bool {
        guard case .measureFailed(_, let measure, let reason) = error else { return false }
        return reason == CentralityError.undirectedGraph(measure: measure).reason
    }
}
