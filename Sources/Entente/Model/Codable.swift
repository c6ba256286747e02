// Codable conformances of the model, in the shape of the native JSON format (Schemas/), so that an
// app can keep a graph in its own documents. Files are read by the strict reader (`NativeJSON`),
// which reports line and column; decoding here validates the same rules through the graph's own
// `addNode`/`addEdge`.

/// A coding key made from any string: node attributes, and keyed-by-id results.
package struct AnyCodingKey: CodingKey {
    package var stringValue: String
    package var intValue: Int? { nil }
    package init(_ string: String) { self.stringValue = string }
    package init?(stringValue: String) { self.stringValue = stringValue }
    package init?(intValue: Int) { nil }
}

extension KeyedEncodingContainer where Key == AnyCodingKey {
    /// Encodes string attributes sorted by name, so that output is deterministic.
    mutating func encodeSorted(_ attributes: [String: String]) throws {
        for (name, value) in attributes.sorted(by: { $0.key < $1.key }) {
            try encode(value, forKey: AnyCodingKey(name))
        }
    }
}

func encodeAttributes<K: CodingKey>(_ attributes: [String: String], in container: inout KeyedEncodingContainer<K>,
                                    forKey key: K) throws {
    guard !attributes.isEmpty else { return }
    var nested = container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: key)
    try nested.encodeSorted(attributes)
}

/// A vocabulary value written as its bare name (`"economic"`, `"state"`).
protocol NamedVocabulary: Codable {
    var name: String { get }
    init(_ name: String)
}

extension NamedVocabulary {
    /// Decodes the value from its name.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the value as its name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}

extension RelationType: NamedVocabulary {}
extension NodeKind: NamedVocabulary {}

extension Polarity: Codable {}
extension Evidence: Codable {
    private enum CodingKeys: String, CodingKey { case source, quote }

    /// Decodes a piece of evidence: `{"source": "article", "quote": "…"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(source: try container.decode(String.self, forKey: .source),
                  quote: try container.decode(String.self, forKey: .quote))
    }

    /// Encodes the evidence as an `evidence` entry of the native format.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(source, forKey: .source)
        try container.encode(quote, forKey: .quote)
    }
}

extension Source: Codable {
    private enum CodingKeys: String, CodingKey { case id, title, file, citation }

    /// Decodes a source; the title defaults to the id, as in the native reader.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let id = try container.decode(String.self, forKey: .id)
        self.init(id: id, title: try container.decodeIfPresent(String.self, forKey: .title) ?? id,
                  file: try container.decodeIfPresent(String.self, forKey: .file),
                  citation: try container.decodeIfPresent(String.self, forKey: .citation))
    }

    /// Encodes the source as a `sources` entry of the native format.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(file, forKey: .file)
        try container.encodeIfPresent(citation, forKey: .citation)
    }
}

extension Spell: Codable {
    private enum CodingKeys: String, CodingKey { case since, until }

    /// Decodes a spell: `{"since": 1816, "until": 1945}`, either member left out when open.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(since: try container.decodeIfPresent(Int.self, forKey: .since),
                  until: try container.decodeIfPresent(Int.self, forKey: .until))
    }

    /// Encodes the spell as an entry of a node's `spells`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(since, forKey: .since)
        try container.encodeIfPresent(until, forKey: .until)
    }
}

extension Node: Codable {
    private enum CodingKeys: String, CodingKey { case id, label, kind, aliases, since, until, spells, attributes }

    /// Decodes a node; the label defaults to the id and the kind to `state`, as in the native reader.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try container.decode(String.self, forKey: .id),
                  label: try container.decodeIfPresent(String.self, forKey: .label),
                  kind: try container.decodeIfPresent(NodeKind.self, forKey: .kind) ?? .state,
                  aliases: try container.decodeIfPresent([String].self, forKey: .aliases) ?? [],
                  attributes: try container.decodeIfPresent([String: String].self, forKey: .attributes) ?? [:],
                  since: try container.decodeIfPresent(Int.self, forKey: .since),
                  until: try container.decodeIfPresent(Int.self, forKey: .until),
                  spells: try container.decodeIfPresent([Spell].self, forKey: .spells) ?? [])
    }

    /// Encodes the node as a `nodes` entry of the native format: `since` and `until` when known,
    /// `spells` when the node has several.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(label, forKey: .label)
        try container.encode(kind.name, forKey: .kind)
        if !aliases.isEmpty { try container.encode(aliases, forKey: .aliases) }
        try container.encodeIfPresent(since, forKey: .since)
        try container.encodeIfPresent(until, forKey: .until)
        if spells.count >= 2 { try container.encode(spells, forKey: .spells) }
        try encodeAttributes(attributes, in: &container, forKey: .attributes)
    }
}

extension Edge: Codable {
    private enum CodingKeys: String, CodingKey {
        case source, target, type, weight, polarity, evidence, since, until, note, attributes
    }

    /// Decodes an edge; type, weight and polarity default to economic, 1 and cooperative.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(source: try container.decode(String.self, forKey: .source),
                  target: try container.decode(String.self, forKey: .target),
                  type: try container.decodeIfPresent(RelationType.self, forKey: .type) ?? .economic,
                  weight: try container.decodeIfPresent(Double.self, forKey: .weight) ?? 1,
                  polarity: try container.decodeIfPresent(Polarity.self, forKey: .polarity) ?? .cooperative,
                  evidence: try container.decodeIfPresent([Evidence].self, forKey: .evidence) ?? [],
                  since: try container.decodeIfPresent(Int.self, forKey: .since),
                  until: try container.decodeIfPresent(Int.self, forKey: .until),
                  note: try container.decodeIfPresent(String.self, forKey: .note),
                  attributes: try container.decodeIfPresent([String: String].self, forKey: .attributes) ?? [:])
    }

    /// Encodes the edge as an `edges` entry of the native format.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(source, forKey: .source)
        try container.encode(target, forKey: .target)
        // Names as strings: what the vocabulary types encode to, without a nested encoder per edge.
        try container.encode(type.name, forKey: .type)
        try container.encode(weight, forKey: .weight)
        try container.encode(polarity.rawValue, forKey: .polarity)
        if !evidence.isEmpty { try container.encode(evidence, forKey: .evidence) }
        try container.encodeIfPresent(since, forKey: .since)
        try container.encodeIfPresent(until, forKey: .until)
        try container.encodeIfPresent(note, forKey: .note)
        try encodeAttributes(attributes, in: &container, forKey: .attributes)
    }
}

extension RelationGraph: Codable {
    private enum CodingKeys: String, CodingKey { case name, directed, types, kinds, sources, nodes, edges }

    /// Decodes a graph in the shape of the native format, validating every node and edge as
    /// ``addNode(_:at:)`` and ``addEdge(_:at:)`` do.
    ///
    /// - Throws: `DecodingError`, or ``GraphError`` for a duplicate id, an unknown node, a bad weight
    ///   or a self-loop.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try container.decodeIfPresent(String.self, forKey: .name) ?? "",
                  directed: try container.decodeIfPresent(Bool.self, forKey: .directed) ?? false)
        for type in try container.decodeIfPresent([RelationType].self, forKey: .types) ?? [] { declare(type: type) }
        for kind in try container.decodeIfPresent([NodeKind].self, forKey: .kinds) ?? [] { declare(kind: kind) }
        sources = try container.decodeIfPresent([Source].self, forKey: .sources) ?? []
        let nodes = try container.decode([Node].self, forKey: .nodes)
        let edges = try container.decode([Edge].self, forKey: .edges)
        reserveCapacity(nodes: nodes.count, edges: edges.count)
        for node in nodes { try addNode(node) }
        for edge in edges { try addEdge(edge) }
    }

    /// Encodes the graph in the shape of the native format.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(isDirected, forKey: .directed)
        let types = declaredTypes.filter { !$0.isBuiltIn }
        if !types.isEmpty { try container.encode(Array(types), forKey: .types) }
        let kinds = declaredKinds.filter { !$0.isBuiltIn }
        if !kinds.isEmpty { try container.encode(Array(kinds), forKey: .kinds) }
        try container.encode(sources, forKey: .sources)
        try container.encode(nodes, forKey: .nodes)
        try container.encode(edges, forKey: .edges)
    }
}

extension RelationGraph: Equatable {
    /// Whether two graphs hold the same name, direction, declarations, sources, nodes and edges, in
    /// the same order.
    public static func == (lhs: RelationGraph, rhs: RelationGraph) -> Bool {
        lhs.name == rhs.name && lhs.isDirected == rhs.isDirected && lhs.sources == rhs.sources
            && lhs.declaredTypes == rhs.declaredTypes && lhs.declaredKinds == rhs.declaredKinds
            && lhs.nodes == rhs.nodes && lhs.edges == rhs.edges
    }
}
