// Codable conformances of the model, in the shape of the native JSON format (Schemas/), so that an
// app can keep a graph in its own documents. Files are read by the strict reader (`NativeJSON`),
// which reports line and column; decoding here applies the same rules (`NativeRules`: members,
// non-empty names, whole years, declared types and kinds, cited sources), then the graph's own
// `addNode`/`addEdge`, and throws the same `GraphError`s without a location.

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

/// Checks the members of the object being decoded against the native format's rules (the first
/// unknown one in name order, then the first required one missing).
private func checkMembers(of decoder: any Decoder, _ what: String, allowed: [String], required: [String] = []) throws {
    let keys = try decoder.container(keyedBy: AnyCodingKey.self).allKeys.map(\.stringValue).sorted()
    try NativeRules.checkMembers(keys, of: what, allowed: allowed, required: required)
}

/// A string member that must hold a visible character.
private func nonEmpty<K: CodingKey>(_ container: KeyedDecodingContainer<K>, _ key: K, field: String) throws -> String {
    let text = try container.decode(String.self, forKey: key)
    try NativeRules.checkNonEmpty(text, field: field)
    return text
}

/// An optional year member: a whole number (`1945.0` is 1945).
private func year<K: CodingKey>(_ container: KeyedDecodingContainer<K>, _ key: K, field: String) throws -> Int? {
    guard let value = try container.decodeIfPresent(Double.self, forKey: key) else { return nil }
    return try NativeRules.year(value, text: TextFormat.number(value), field: field)
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
        try checkMembers(of: decoder, "evidence", allowed: NativeRules.evidenceMembers, required: NativeRules.evidenceMembers)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(source: try nonEmpty(container, .source, field: "evidence.source"),
                  quote: try nonEmpty(container, .quote, field: "evidence.quote"))
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
        try checkMembers(of: decoder, "source", allowed: NativeRules.sourceMembers, required: ["id"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let id = try nonEmpty(container, .id, field: "source.id")
        self.init(id: id, title: container.contains(.title) ? try nonEmpty(container, .title, field: "source.title") : id,
                  file: container.contains(.file) ? try nonEmpty(container, .file, field: "source.file") : nil,
                  citation: container.contains(.citation) ? try nonEmpty(container, .citation, field: "source.citation") : nil)
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
        try checkMembers(of: decoder, "spell", allowed: NativeRules.spellMembers)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(since: try year(container, .since, field: "spell.since"), until: try year(container, .until, field: "spell.until"))
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
        try checkMembers(of: decoder, "node", allowed: NativeRules.nodeMembers, required: ["id"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let aliases = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
        for alias in aliases { try NativeRules.checkNonEmpty(alias, field: "node.aliases") }
        self.init(id: try nonEmpty(container, .id, field: "node.id"),
                  label: container.contains(.label) ? try nonEmpty(container, .label, field: "node.label") : nil,
                  kind: container.contains(.kind) ? NodeKind(try nonEmpty(container, .kind, field: "node.kind")) : .state,
                  aliases: aliases,
                  attributes: try container.decodeIfPresent([String: String].self, forKey: .attributes) ?? [:],
                  since: try year(container, .since, field: "node.since"),
                  until: try year(container, .until, field: "node.until"),
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
        try checkMembers(of: decoder, "edge", allowed: NativeRules.edgeMembers, required: NativeRules.edgeRequired)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let polarity = container.contains(.polarity)
            ? try NativeRules.polarity(try nonEmpty(container, .polarity, field: "edge.polarity")) : .cooperative
        self.init(source: try nonEmpty(container, .source, field: "edge.source"),
                  target: try nonEmpty(container, .target, field: "edge.target"),
                  type: container.contains(.type) ? RelationType(try nonEmpty(container, .type, field: "edge.type")) : .economic,
                  weight: try container.decodeIfPresent(Double.self, forKey: .weight) ?? 1,
                  polarity: polarity,
                  evidence: try container.decodeIfPresent([Evidence].self, forKey: .evidence) ?? [],
                  since: try year(container, .since, field: "since"),
                  until: try year(container, .until, field: "until"),
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

    /// Decodes a graph in the shape of the native format under the rules of the strict reader
    /// (`RelationGraph(contentsOf:)`): what one rejects, the other rejects, with the same
    /// ``GraphError/problem`` (and no line: a decoder has none).
    ///
    /// - Throws: ``GraphError`` for an unknown or missing member, an empty name, a year that is not
    ///   whole, an undeclared type or kind, a repeated source id, evidence citing no listed source, a
    ///   duplicate id, an unknown node, a bad weight or a self-loop; `DecodingError` for a value of
    ///   the wrong JSON kind.
    public init(from decoder: any Decoder) throws {
        try checkMembers(of: decoder, "graph", allowed: NativeRules.graphMembers, required: NativeRules.graphRequired)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try container.decodeIfPresent(String.self, forKey: .name) ?? "",
                  directed: try container.decodeIfPresent(Bool.self, forKey: .directed) ?? false)
        var types = Set<RelationType>(), kinds = Set<NodeKind>()
        for name in try container.decodeIfPresent([String].self, forKey: .types) ?? [] {
            try NativeRules.checkNonEmpty(name, field: "types")
            types.insert(RelationType(name))
            declare(type: RelationType(name))
        }
        for name in try container.decodeIfPresent([String].self, forKey: .kinds) ?? [] {
            try NativeRules.checkNonEmpty(name, field: "kinds")
            kinds.insert(NodeKind(name))
            declare(kind: NodeKind(name))
        }
        sources = try container.decodeIfPresent([Source].self, forKey: .sources) ?? []
        var sourceIDs = Set<String>()
        for source in sources { try NativeRules.checkUnique(source: source.id, among: &sourceIDs) }
        let nodes = try container.decode([Node].self, forKey: .nodes)
        let edges = try container.decode([Edge].self, forKey: .edges)
        reserveCapacity(nodes: nodes.count, edges: edges.count)
        for node in nodes {
            try NativeRules.checkDeclared(node.kind, among: kinds)
            try addNode(node)
        }
        for edge in edges {
            try NativeRules.checkDeclared(edge.type, among: types)
            for evidence in edge.evidence { try NativeRules.checkCited(evidence.source, among: sourceIDs) }
            try addEdge(edge)
        }
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

extension Edge {
    private enum TieCodingKeys: String, CodingKey { case source, target, type, weight, polarity, since, until, evidence }

    /// A tie as the results print it (`entente path --json`, `entente info --timeline --json`):
    /// `{"source","target","type","weight","polarity"[,"since"][,"until"][,"evidence":[…]]}`, with
    /// the ends given (a path names them in the direction travelled) and, when `evidence`, the
    /// quotes, always there (empty for a tie without any). The native file format orders its members
    /// otherwise (``encode(to:)``), as the files written since the first release do.
    package func encodeTie(from source: String, to target: String, evidence: Bool, to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: TieCodingKeys.self)
        try container.encode(source, forKey: .source)
        try container.encode(target, forKey: .target)
        try container.encode(type, forKey: .type)
        try container.encode(weight, forKey: .weight)
        try container.encode(polarity, forKey: .polarity)
        try container.encodeIfPresent(since, forKey: .since)
        try container.encodeIfPresent(until, forKey: .until)
        if evidence { try container.encode(self.evidence, forKey: .evidence) }
    }
}
