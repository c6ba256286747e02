/// One node's ties, grouped by type, each with the other node, weight, polarity and evidence: what
/// `entente ties` prints.
///
/// ```swift
/// let ties = try graph.ties(of: "Pakistan", filter: RelationFilter(types: [.security], polarities: [.cooperative, .adversarial]))
/// ties.groups.first?.type                    // .security
/// ties.groups.first?.ties.first?.other.id    // "IND" (the heaviest first)
/// ```
/// Encodes as `entente ties --json` prints it:
/// `{"node":{"id","label","kind"},"types":[{"type","ties":[{"node","label","weight","polarity",
/// ["direction"],["since"],["until"],"evidence":[…]}]}],"sources":[…]}`.
public struct NodeTies: Sendable, Encodable {
    /// The former name of ``NeighbourTie``.
    @available(*, deprecated, renamed: "NeighbourTie")
    public typealias Tie = NeighbourTie

    /// One tie of the node.
    public struct NeighbourTie: Hashable, Sendable, Encodable {
        /// The node at the other end.
        public let other: Node
        /// The edge, with its weight, polarity, years and evidence.
        public let edge: Edge
        /// In a directed graph, whether the edge leaves the node (`true`) or reaches it; `nil` when
        /// the graph is undirected.
        public let isOutgoing: Bool?

        private enum CodingKeys: String, CodingKey { case node, label, weight, polarity, direction, since, until, evidence }

        /// `{"node","label","weight","polarity"[,"direction":"out"|"in"][,"since"][,"until"],"evidence":[…]}`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(other.id, forKey: .node)
            try container.encode(other.label, forKey: .label)
            try container.encode(edge.weight, forKey: .weight)
            try container.encode(edge.polarity, forKey: .polarity)
            try container.encodeIfPresent(isOutgoing.map { $0 ? "out" : "in" }, forKey: .direction)
            try container.encodeIfPresent(edge.since, forKey: .since)
            try container.encodeIfPresent(edge.until, forKey: .until)
            try container.encode(edge.evidence, forKey: .evidence)
        }
    }

    /// The ties of one type.
    public struct Group: Hashable, Sendable, Encodable {
        /// The type.
        public let type: RelationType
        /// Its ties, heaviest first, then by the other node's id.
        public let ties: [NeighbourTie]

        private enum CodingKeys: String, CodingKey { case type, ties }

        /// `{"type","ties":[…]}`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(type, forKey: .type)
            try container.encode(ties, forKey: .ties)
        }
    }

    /// The node asked about.
    public let node: Node
    /// Its ties by type, in the graph's type order; types without a kept tie are left out.
    public let groups: [Group]
    /// The sources the ties' evidence cites, in the graph's order.
    public let sources: [Source]

    /// The number of ties listed.
    public var count: Int { groups.reduce(0) { $0 + $1.ties.count } }

    private enum CodingKeys: String, CodingKey { case node, types, sources }
    private enum NodeKeys: String, CodingKey { case id, label, kind }

    /// `{"node":{"id","label","kind"},"types":[…],"sources":[…]}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var described = container.nestedContainer(keyedBy: NodeKeys.self, forKey: .node)
        try described.encode(node.id, forKey: .id)
        try described.encode(node.label, forKey: .label)
        try described.encode(node.kind, forKey: .kind)
        try container.encode(groups, forKey: .types)
        try container.encode(sources, forKey: .sources)
    }

    /// The lines `entente ties` prints: a heading, then per type its ties, one a line
    /// (`  IND  India  5  adversarial`), and with `evidence` each quote under its tie with the title
    /// of its source.
    public func lines(evidence: Bool = false) -> [String] {
        let name = node.label == node.id ? node.id : "\(node.id) (\(node.label))"
        var result = ["\(name): \(count) \(count == 1 ? "tie" : "ties")"]
        let titles = Dictionary(sources.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let all = groups.flatMap(\.ties)
        let idWidth = all.map { $0.other.id.count + ($0.isOutgoing == nil ? 0 : 2) }.max() ?? 0
        let labelWidth = all.map(\.other.label.count).max() ?? 0
        let weightWidth = all.map { TextFormat.number($0.edge.weight).count }.max() ?? 0
        for group in groups {
            result.append("\(group.type.name) (\(group.ties.count))")
            for tie in group.ties {
                let arrow = tie.isOutgoing.map { $0 ? "→ " : "← " } ?? ""
                let weight = TextFormat.number(tie.edge.weight)
                var line = "  " + (arrow + tie.other.id).padded(to: idWidth) + "  " + tie.other.label.padded(to: labelWidth)
                    + "  " + String(repeating: " ", count: weightWidth - weight.count) + weight
                    + "  " + tie.edge.polarity.rawValue
                if let years = tie.edge.years { line += "  " + years }
                result.append(line)
                guard evidence else { continue }
                if tie.edge.evidence.isEmpty { result.append("      (no evidence recorded)") }
                for item in tie.edge.evidence {
                    result.append("      \u{201C}\(item.quote)\u{201D}")
                    result.append("        \u{2014} \(titles[item.source] ?? item.source)")
                }
            }
        }
        return result
    }
}

extension String {
    /// The string followed by spaces up to `width` characters.
    fileprivate func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

/// How ``RelationGraph/ties(of:filter:order:)`` sorts the ties within a type (`entente ties --sort`).
public enum TieOrder: String, CaseIterable, Hashable, Sendable {
    /// Heaviest first, then by the other node's id, then by file order (the default).
    case weight
    /// By `since`, earliest first (a tie without `since` before every dated one), then by `until`
    /// (an open one last), then as ``weight`` orders them.
    case year
}

extension RelationGraph {
    /// The ties of one node that a filter keeps, grouped by type.
    ///
    /// The filter's types, years and kinds apply; by default every tie is listed, rivalries too
    /// (``RelationFilter/everything``). Within a type, ties are sorted by weight, heaviest first, then
    /// by the other node's id, then by file order; or first by their years (``TieOrder/year``).
    ///
    /// - Parameters:
    ///   - name: the node: id, label or alias, in any case.
    ///   - filter: which ties to list.
    ///   - order: how ties are sorted within a type.
    /// - Throws: ``GraphError`` for a name that resolves to no node ("did you mean …?"), a node the
    ///   filter leaves out, or a type or kind the graph does not know.
    /// - Complexity: O(V + E + d log d) for a node of degree d.
    public func ties(of name: String, filter: RelationFilter = .everything, order: TieOrder = .weight) throws(GraphError) -> NodeTies {
        let view = try GraphView(checked: self, filter: filter)
        let index = try resolve(name, file: file)
        guard view.localIndex(ofNode: index) != nil else {
            throw GraphError.notInView(file: file, node: describe(node: index), reason: filter.absenceReason(of: index, in: self))
        }
        var byType: [RelationType: [(tie: NodeTies.NeighbourTie, position: Int)]] = [:]
        for edgeIndex in view.edgeIndices {
            let edge = edges[edgeIndex]
            guard edge.sourceIndex == index || edge.targetIndex == index else { continue }
            let outgoing = edge.sourceIndex == index
            let tie = NodeTies.NeighbourTie(other: nodes[outgoing ? edge.targetIndex : edge.sourceIndex], edge: edge,
                                   isOutgoing: isDirected ? outgoing : nil)
            byType[edge.type, default: []].append((tie, edgeIndex))
        }
        let groups = relationTypes.compactMap { type -> NodeTies.Group? in
            guard let ties = byType[type] else { return nil }
            let sorted = ties.sorted { a, b in
                if order == .year {
                    let (x, y) = (a.tie.edge, b.tie.edge)
                    if x.since != y.since { return (x.since ?? Int.min) < (y.since ?? Int.min) }
                    if x.until != y.until { return (x.until ?? Int.max) < (y.until ?? Int.max) }
                }
                if a.tie.edge.weight != b.tie.edge.weight { return a.tie.edge.weight > b.tie.edge.weight }
                if a.tie.other.id != b.tie.other.id { return a.tie.other.id < b.tie.other.id }
                return a.position < b.position
            }
            return NodeTies.Group(type: type, ties: sorted.map(\.tie))
        }
        let cited = Set(groups.flatMap { $0.ties.flatMap { $0.edge.evidence.map(\.source) } })
        return NodeTies(node: nodes[index], groups: groups, sources: sources.filter { cited.contains($0.id) })
    }
}
