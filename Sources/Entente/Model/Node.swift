/// A state, bloc or organisation in a ``RelationGraph``.
public struct Node: Hashable, Sendable {
    /// The unique identifier: ISO 3166-1 alpha-3 for states (`PAK`), a short acronym otherwise (`EU`).
    public var id: String
    /// The name shown to people (`Pakistan`).
    public var label: String
    /// What the node is: state, bloc, organization or a declared kind.
    public var kind: NodeKind
    /// Other names a user may type for this node (`Islamic Republic of Pakistan`).
    public var aliases: [String]
    /// Attributes read from a file that Entente has no field for, kept for writing back.
    public var attributes: [String: String]
    /// The first year the node exists, when known (the first spell's, when it has ``spells``).
    public var since: Int?
    /// The last year the node existed, when it has ceased to (the last spell's, when it has ``spells``).
    public var until: Int?
    /// The spells of a node that exists in several stretches of years (COW's Germany: 1816–1945 and
    /// 1990–2016), in order and without overlap; empty for a node of one spell, from ``since`` to
    /// ``until``. When not empty it has at least two spells, the first beginning in ``since`` and the
    /// last ending in ``until`` (``RelationGraph/addNode(_:at:)`` checks it). See ``exists(in:)``.
    public var spells: [Spell]

    /// Creates a node. The label defaults to the id.
    public init(id: String, label: String? = nil, kind: NodeKind = .state, aliases: [String] = [],
                attributes: [String: String] = [:], since: Int? = nil, until: Int? = nil, spells: [Spell] = []) {
        self.id = id
        self.label = label ?? id
        self.kind = kind
        self.aliases = aliases
        self.attributes = attributes
        self.since = since
        self.until = until
        self.spells = spells
    }
}

/// The words a relation rests on: a quote and the ``Source`` it comes from.
public struct Evidence: Hashable, Sendable {
    /// The ``Source/id`` of the document quoted.
    public var source: String
    /// The sentence, or part of one, copied word for word.
    public var quote: String

    /// Creates a piece of evidence.
    public init(source: String, quote: String) {
        self.source = source
        self.quote = quote
    }
}

/// A document a graph's evidence cites: a file of the project's seeds or a named public reference.
public struct Source: Hashable, Sendable {
    /// The identifier that ``Evidence/source`` refers to.
    public var id: String
    /// The document's title.
    public var title: String
    /// The file name of a seed document, when the source is one.
    public var file: String?
    /// A bibliographic citation, for a public reference outside the seeds.
    public var citation: String?

    /// Creates a source.
    public init(id: String, title: String, file: String? = nil, citation: String? = nil) {
        self.id = id
        self.title = title
        self.file = file
        self.citation = citation
    }
}

/// A relation between two nodes of a ``RelationGraph``, by their ids.
///
/// Parallel edges (several edges between the same pair, usually of different types) are allowed
/// and kept: Pakistan–China is both an economic and a security tie. An edge is `Codable` in the shape
/// of the native JSON format's `edges` entries.
public struct Edge: Hashable, Sendable {
    /// The id of the source node (for an undirected graph, the endpoint written first).
    public var source: String
    /// The id of the target node.
    public var target: String
    /// What the relation is about.
    public var type: RelationType
    /// The strength of the tie: finite and greater than zero (1…5 in the rubric of Graphs/README.md).
    public var weight: Double
    /// Cooperative (default) or adversarial.
    public var polarity: Polarity
    /// The quotes the relation rests on.
    public var evidence: [Evidence]
    /// The first year the relation holds, when known.
    public var since: Int?
    /// The last year the relation held, when it has ended.
    public var until: Int?
    /// A remark on the edge (why it is there, how it was weighted).
    public var note: String?
    /// Attributes read from a file that Entente has no field for, kept for writing back.
    public var attributes: [String: String]
    /// Position of the source node in the graph that holds the edge; set by ``RelationGraph/addEdge(_:at:)``.
    package var sourceIndex: Int = -1
    /// Position of the target node in the graph that holds the edge.
    package var targetIndex: Int = -1

    /// Creates an edge between two nodes given by id.
    public init(source: String, target: String, type: RelationType = .economic, weight: Double = 1,
                polarity: Polarity = .cooperative, evidence: [Evidence] = [], since: Int? = nil,
                until: Int? = nil, note: String? = nil, attributes: [String: String] = [:]) {
        self.source = source
        self.target = target
        self.type = type
        self.weight = weight
        self.polarity = polarity
        self.evidence = evidence
        self.since = since
        self.until = until
        self.note = note
        self.attributes = attributes
    }

    /// Whether two edges say the same: the same ends, type, weight, polarity, evidence, years, note
    /// and attributes. Where an edge sits in a graph is no part of it: an edge built with the
    /// fields of a graph's edge equals it.
    public static func == (lhs: Edge, rhs: Edge) -> Bool {
        lhs.source == rhs.source && lhs.target == rhs.target && lhs.type == rhs.type && lhs.weight == rhs.weight
            && lhs.polarity == rhs.polarity && lhs.evidence == rhs.evidence && lhs.since == rhs.since
            && lhs.until == rhs.until && lhs.note == rhs.note && lhs.attributes == rhs.attributes
    }

    /// Hashes what ``==(_:_:)`` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
        hasher.combine(target)
        hasher.combine(type)
        hasher.combine(weight)
        hasher.combine(polarity)
        hasher.combine(evidence)
        hasher.combine(since)
        hasher.combine(until)
        hasher.combine(note)
        hasher.combine(attributes)
    }

    /// Whether the edge holds in a year: it began in or before it (or has no `since`) and has not
    /// ended before it (no `until`, or `until` ≥ year).
    public func holds(in year: Int) -> Bool {
        (since ?? Int.min) <= year && (until ?? Int.max) >= year
    }

    /// Whether the edge holds in at least one year of `years` (`--during`).
    public func holds(during years: ClosedRange<Int>) -> Bool { Spell(since: since, until: until).overlaps(years) }
}
