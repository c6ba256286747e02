/// The centrality measures Entente computes, by the names the CLI uses.
///
/// Distance measures (``closeness``, ``harmonic``, ``betweenness``, ``edgeBetweenness``) walk the
/// analysis's edge costs (its ``EdgeMetric``); strength measures (``strength``, ``pagerank``,
/// ``eigenvector``, ``katz``) use the summed weights of parallel edges; ``degree`` counts merged arcs.
public enum CentralityMeasure: String, CaseIterable, Sendable {
    /// Number of neighbours over n − 1 (`nx.degree_centrality`).
    case degree
    /// Number of in-neighbours over n − 1, on a directed graph (`nx.in_degree_centrality`).
    case inDegree = "in-degree"
    /// Number of out-neighbours over n − 1, on a directed graph (`nx.out_degree_centrality`).
    case outDegree = "out-degree"
    /// Sum of incident weights (`G.degree(weight="weight")`).
    case strength
    /// Wasserman–Faust closeness on incoming distances (`nx.closeness_centrality`).
    case closeness
    /// Sum of 1/distance from every other node (`nx.harmonic_centrality`).
    case harmonic
    /// Share of shortest paths through a node (`nx.betweenness_centrality`).
    case betweenness
    /// Share of shortest paths through an edge (`nx.edge_betweenness_centrality`).
    case edgeBetweenness = "edge-betweenness"
    /// Principal eigenvector of the weighted adjacency (`nx.eigenvector_centrality_numpy`).
    case eigenvector
    /// Random-walk rank along weighted out-edges (`nx.pagerank`).
    case pagerank
    /// Attenuated walk counts (`nx.katz_centrality_numpy`).
    case katz

    /// Whether the measure depends on the adjacency's metric (edge costs).
    public var usesMetric: Bool {
        switch self {
        case .closeness, .harmonic, .betweenness, .edgeBetweenness: return true
        case .degree, .inDegree, .outDegree, .strength, .eigenvector, .pagerank, .katz: return false
        }
    }

    /// Whether the measure gives one value per node (all but ``edgeBetweenness``).
    public var isNodeMeasure: Bool { self != .edgeBetweenness }

    /// Whether the measure is defined on directed graphs only (``inDegree``, ``outDegree``).
    public var needsDirectedGraph: Bool { self == .inDegree || self == .outDegree }
}

/// Why a centrality could not be computed. Every message names the measure.
package enum CentralityError: Error, CustomStringConvertible, Sendable, Equatable {
    /// An iterative method did not reach its tolerance within its iteration budget.
    case notConverged(measure: String, iterations: Int, tolerance: Double)
    /// The graph (after filtering) has no nodes.
    case emptyGraph(measure: String)
    /// The answer is not unique, e.g. the leading eigenvector of a disconnected graph.
    case ambiguous(measure: String, reason: String)
    /// A parameter is outside the range where the measure is defined.
    case invalidParameter(measure: String, name: String, value: Double, reason: String)
    /// The measure is defined on directed graphs only (networkx raises `NetworkXNotImplemented`).
    case undirectedGraph(measure: String)
    /// A value exceeds the largest finite number even with the weights scaled (a strength of 1e308
    /// plus 1e308, say).
    case overflow(measure: String)

    /// One line that starts with the measure's name: `pagerank: did not converge in 10000 iterations …`.
    package var description: String { "\(measure): \(reason)" }

    /// The measure's name.
    package var measure: String {
        switch self {
        case let .notConverged(measure, _, _), let .emptyGraph(measure), let .ambiguous(measure, _),
             let .invalidParameter(measure, _, _, _), let .undirectedGraph(measure), let .overflow(measure):
            return measure
        }
    }

    /// The problem without the measure's name.
    package var reason: String {
        switch self {
        case let .notConverged(_, iterations, tolerance):
            return "did not converge in \(iterations) iterations (tolerance \(TextFormat.number(tolerance)))"
        case .emptyGraph:
            return "the graph has no nodes"
        case let .ambiguous(_, reason):
            return reason
        case let .invalidParameter(_, name, value, reason):
            return "\(name) \(TextFormat.number(value)) \(reason)"
        case .undirectedGraph:
            return "the graph is undirected (every edge counts both ways); use degree"
        case .overflow:
            return "a value exceeds the largest finite number (about 1.8e308): the weights are too large"
        }
    }
}

/// The values of one centrality measure: per node, or per merged arc pair for edge betweenness.
package enum CentralityValues: Sendable {
    /// One value per local node index.
    case nodes([Double])
    /// One value per merged arc pair (see ``WeightedAdjacency/edgeBetweennessCentrality(normalized:monitor:)``).
    case edges([(source: Int, target: Int, value: Double)])
}

extension WeightedAdjacency {
    /// Computes one measure with the networkx defaults, or the parameters given, in the units of the
    /// graph's weights (the adjacency's ``weightExponent`` undone).
    ///
    /// - Parameters:
    ///   - measure: the measure to compute.
    ///   - normalized: for betweenness and edge betweenness.
    ///   - alpha: damping for PageRank (default 0.85) or attenuation for Katz (default 0.9/λmax,
    ///     see ``katzCentrality(alpha:beta:)``).
    ///   - beta: Katz's constant term (default 1).
    ///   - sample: betweenness only: the sources of an estimate (see
    ///     ``betweennessCentrality(normalized:sample:monitor:)``); `nil` for the exact value.
    ///   - monitor: closeness, harmonic, betweenness and edge betweenness count their sources on it and
    ///     stop when it is cancelled (the values are then incomplete).
    /// - Throws: ``CentralityError/emptyGraph(measure:)`` when the adjacency has no nodes,
    ///   ``CentralityError/overflow(measure:)`` when a value is not finite, and the errors of the
    ///   iterative measures.
    /// - Complexity: that of the measure chosen.
    package func centrality(_ measure: CentralityMeasure, normalized: Bool = true, alpha: Double? = nil,
                           beta: Double = 1, sample: SourceSample? = nil,
                           monitor: SweepMonitor? = nil) throws(CentralityError) -> CentralityValues {
        guard nodeCount > 0 else { throw .emptyGraph(measure: measure.rawValue) }
        let values: [Double]
        switch measure {
        case .degree: values = degreeCentrality()
        case .inDegree: values = try directedDegreeCentrality(incoming: true)
        case .outDegree: values = try directedDegreeCentrality(incoming: false)
        case .strength: values = strength().map(graphUnits(ofWeight:))
        case .closeness: values = closenessCentrality(monitor: monitor).map(graphUnits(ofInverseCost:))
        case .harmonic: values = harmonicCentrality(monitor: monitor).map(graphUnits(ofInverseCost:))
        case .betweenness: values = betweennessCentrality(normalized: normalized, sample: sample, monitor: monitor)
        case .edgeBetweenness: return .edges(edgeBetweennessCentrality(normalized: normalized, monitor: monitor))
        case .eigenvector: values = try eigenvectorCentrality()
        case .pagerank: values = try pageRank(alpha: alpha ?? 0.85)
        case .katz: values = try katz(alpha: alpha, beta: beta).values
        }
        guard values.allSatisfy(\.isFinite) else { throw .overflow(measure: measure.rawValue) }
        return .nodes(values)
    }
}

extension GraphError {
    /// The error of a measure that could not be computed, typed where a client acts on the cause.
    package init(_ error: CentralityError, file: String?) {
        switch error {
        case .overflow(let measure): self = .overflow(file: file, measure: measure)
        case .ambiguous(let measure, let reason): self = .notUnique(file: file, measure: measure, reason: reason)
        default: self = .measureFailed(file: file, measure: error.measure, reason: error.reason)
        }
    }
}
