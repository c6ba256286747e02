/// Which relations an analysis or a diagram keeps: edge types, polarities, node kinds, a year and an
/// ego network.
///
/// ```swift
/// let filter = RelationFilter(types: [.economic, .security])     // cooperative by default
/// let security2020 = RelationFilter(types: [.security], year: 2020)
/// let aroundIndia = RelationFilter(around: "India", depth: 1)
/// ```
///
/// Filtering edges keeps every node (an isolated state is still a state); filtering by kind or by
/// year (the states that exist in it) removes nodes with their edges, and an ego filter keeps the
/// nodes within `depth` kept edges of its centre.
public struct RelationFilter: Hashable, Sendable, CustomStringConvertible {
    /// Edge types to keep; `nil` keeps every type (before ``excludedTypes``).
    public var types: Set<RelationType>?
    /// Edge types to leave out, whatever ``types`` says (`--exclude-types membership`).
    public var excludedTypes: Set<RelationType>
    /// Polarities to keep.
    public var polarities: Set<Polarity>
    /// Node kinds to keep; `nil` keeps every kind. Edges of a removed node go with it.
    public var kinds: Set<NodeKind>?
    /// Keep only the nodes that exist in this year (``Node/exists(in:)``) and, among their edges, the
    /// ones that hold in it (``Edge/holds(in:)``); `nil` keeps every node and edge.
    public var year: Int?
    /// Keep only the nodes within ``depth`` kept edges of this node (id, label or alias); `nil` keeps all.
    public var center: String?
    /// How many edges away from ``center`` a node may be; 0 keeps the centre alone.
    public var depth: Int
    /// Keep only the largest connected component of what the rest of the filter keeps: its nodes
    /// and the edges among them (`--largest-component`), as networkx users take
    /// `G.subgraph(max(nx.connected_components(G), key=len))` and igraph users
    /// `g.connected_components().giant()`. Components are weak in a directed graph (direction
    /// ignored); of equal sizes, the one with the first node in graph order is kept. Measures that
    /// need a connected graph (eigenvector) then run on it, and ranks count its nodes.
    public var largestComponent: Bool = false
    /// Keep only the edges whose weight is at least this (`--min-weight`), as the analysis sees the
    /// weight: leaving out weak ties (ATOP's consultation and non-aggression pacts, weights 1 and 2)
    /// keeps blocs that a single weak treaty would otherwise merge. `nil` keeps every weight.
    public var minimumWeight: Double?
    /// Keep only the nodes that exist in some year of this period and the ties that hold in some
    /// year of it (`--during 1993-2001`): the network of a period taken as one, as Traag & Bruggeman
    /// take the alliances and disputes of 1993–2001. `nil` keeps every year; with ``year`` as well,
    /// both apply.
    public var period: ClosedRange<Int>?

    /// Creates a filter. By default it keeps cooperative edges of every type between every node,
    /// as the analyses do (a path or a centrality through a rivalry is not a tie).
    public init(types: Set<RelationType>? = nil, excluding excludedTypes: Set<RelationType> = [],
                polarities: Set<Polarity> = [.cooperative], kinds: Set<NodeKind>? = nil, year: Int? = nil,
                around center: String? = nil, depth: Int = 1) {
        self.types = types
        self.excludedTypes = excludedTypes
        self.polarities = polarities
        self.kinds = kinds
        self.year = year
        self.center = center
        self.depth = depth
    }

    /// Keeps everything: what a diagram draws by default.
    public static let everything = RelationFilter(polarities: Set(Polarity.allCases))
    /// Keeps cooperative edges only: the default of the analyses.
    public static let cooperative = RelationFilter()

    /// A filter for analyses: cooperative edges unless `includeAdversarial`, of the given types,
    /// between nodes of the given kinds.
    package static func analysis(types: Set<RelationType>? = nil, includeAdversarial: Bool = false,
                                 kinds: Set<NodeKind>? = nil) -> RelationFilter {
        RelationFilter(types: types, polarities: includeAdversarial ? Set(Polarity.allCases) : [.cooperative], kinds: kinds)
    }

    /// Whether the filter keeps adversarial edges.
    public var includesAdversarial: Bool { polarities.contains(.adversarial) }

    /// Whether an edge type passes the type tests (``types`` and ``excludedTypes``).
    package func keeps(type: RelationType) -> Bool {
        (types?.contains(type) ?? true) && !excludedTypes.contains(type)
    }

    /// Whether an edge passes the type, polarity and year tests.
    package func keeps(_ edge: Edge) -> Bool {
        polarities.contains(edge.polarity) && (types?.contains(edge.type) ?? true)
            && !excludedTypes.contains(edge.type) && (year.map(edge.holds(in:)) ?? true)
            && edge.weight >= (minimumWeight ?? -.infinity)
            && (period.map(edge.holds(during:)) ?? true)
    }

    /// What the filter keeps, in words: `cooperative economic or security edges`.
    public var description: String { phrase(typeOrder: nil, kindOrder: nil) }

    /// ``description`` with types and kinds listed in a graph's order.
    public func description(in graph: RelationGraph) -> String {
        phrase(typeOrder: graph.relationTypes, kindOrder: graph.nodeKinds)
    }

    private func phrase(typeOrder: [RelationType]?, kindOrder: [NodeKind]?) -> String {
        var words: [String] = []
        if polarities == [.cooperative] { words.append("cooperative") }
        if polarities == [.adversarial] { words.append("adversarial") }
        if let types {
            let ordered = typeOrder?.filter(types.contains) ?? types.sorted()
            words.append(ordered.map(\.name).joined(separator: " or "))
        }
        var phrase = (words + ["edges"]).joined(separator: " ")
        if !excludedTypes.isEmpty {
            let ordered = typeOrder?.filter(excludedTypes.contains) ?? excludedTypes.sorted()
            phrase += " other than " + ordered.map(\.name).joined(separator: " or ")
        }
        if let kinds {
            let ordered = kindOrder?.filter(kinds.contains) ?? kinds.sorted()
            phrase += " between " + ordered.map(\.name).joined(separator: " or ") + " nodes"
        }
        if let minimumWeight { phrase += " of weight ≥ \(TextFormat.number(minimumWeight, significantDigits: 6))" }
        if let year { phrase += " in \(year)" }
        if let period { phrase += " in \(period.lowerBound)–\(period.upperBound)" }
        if largestComponent { phrase += " in the largest component" }
        return phrase
    }
}
