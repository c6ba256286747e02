/// Every node of a filtered graph with its names, kind, degree and strength: what `entente nodes`
/// prints.
///
/// ```swift
/// let list = try graph.nodeList()
/// list.rows.first?.node.id          // "PAK"
/// list.rows.first?.degree           // distinct neighbours over cooperative ties
/// ```
/// Encodes as `entente nodes --json` prints it:
/// `{"nodes":[{"id","label","kind","aliases":[…][,"since"][,"until"][,"spells"],"degree","strength"}]}`,
/// in file order; a node's years only when it has them.
public struct NodeList: Sendable, Encodable {
    /// One node.
    public struct Row: Hashable, Sendable, Encodable {
        /// The node (id, label, kind, aliases).
        public let node: Node
        /// How many distinct nodes it is tied to by a kept edge (parallel edges count once;
        /// in a directed graph, in either direction).
        public let degree: Int
        /// The sum of the weights of its kept edges (parallel edges each count).
        public let strength: Double

        private enum CodingKeys: String, CodingKey { case id, label, kind, aliases, since, until, spells, degree, strength }

        /// `{"id","label","kind","aliases":[…][,"since"][,"until"][,"spells"],"degree","strength"}`;
        /// `aliases` is always there, the years when the node has them.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(node.id, forKey: .id)
            try container.encode(node.label, forKey: .label)
            try container.encode(node.kind.name, forKey: .kind)
            try container.encode(node.aliases, forKey: .aliases)
            try container.encodeIfPresent(node.since, forKey: .since)
            try container.encodeIfPresent(node.until, forKey: .until)
            if !node.spells.isEmpty { try container.encode(node.spells, forKey: .spells) }
            try container.encode(degree, forKey: .degree)
            try container.encode(strength, forKey: .strength)
        }
    }

    /// The nodes the filter keeps, in file order.
    public let rows: [Row]

    private enum CodingKeys: String, CodingKey { case nodes }

    /// `{"nodes":[…]}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rows, forKey: .nodes)
    }
}

extension NodeList: CompactJSONWritable {
    /// What ``encode(to:)`` gives through ``EntenteJSONEncoder``, written row by row: what
    /// `entente nodes --json` prints for a graph of 100,000 nodes without a tree of them first.
    package func writeCompactJSON(into bytes: inout [UInt8]) {
        bytes.reserveCapacity(bytes.count + 96 * rows.count + 16)
        bytes.append(contentsOf: #"{"nodes":["#.utf8)
        for position in rows.indices {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            rows[position].writeCompactJSON(into: &bytes)
        }
        bytes.append(contentsOf: "]}".utf8)
    }
}

extension NodeList.Row {
    /// The row as ``encode(to:)`` gives it through ``EntenteJSONEncoder``.
    func writeCompactJSON(into bytes: inout [UInt8]) {
        bytes.append(contentsOf: #"{"id":"#.utf8)
        appendJSONString(node.id, to: &bytes)
        bytes.append(contentsOf: #","label":"#.utf8)
        appendJSONString(node.label, to: &bytes)
        bytes.append(contentsOf: #","kind":"#.utf8)
        appendJSONString(node.kind.name, to: &bytes)
        bytes.append(contentsOf: #","aliases":["#.utf8)
        for (position, alias) in node.aliases.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            appendJSONString(alias, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        if let since = node.since {
            bytes.append(contentsOf: #","since":"#.utf8)
            bytes.append(contentsOf: String(since).utf8)
        }
        if let until = node.until {
            bytes.append(contentsOf: #","until":"#.utf8)
            bytes.append(contentsOf: String(until).utf8)
        }
        if !node.spells.isEmpty {
            bytes.append(contentsOf: #","spells":["#.utf8)
            for (position, spell) in node.spells.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                switch (spell.since, spell.until) {
                case let (since?, until?): bytes.append(contentsOf: #"{"since":\#(since),"until":\#(until)}"#.utf8)
                case let (since?, nil): bytes.append(contentsOf: #"{"since":\#(since)}"#.utf8)
                case let (nil, until?): bytes.append(contentsOf: #"{"until":\#(until)}"#.utf8)
                case (nil, nil): bytes.append(contentsOf: "{}".utf8)
                }
            }
            bytes.append(UInt8(ascii: "]"))
        }
        bytes.append(contentsOf: #","degree":"#.utf8)
        bytes.append(contentsOf: String(degree).utf8)
        bytes.append(contentsOf: #","strength":"#.utf8)
        bytes.append(contentsOf: TextFormat.number(strength).utf8)
        bytes.append(UInt8(ascii: "}"))
    }
}

extension RelationGraph {
    /// Every node the filter keeps, in file order, with its degree and strength over the kept edges.
    ///
    /// By default the ties counted are the cooperative ones, as `entente centrality --measure strength`
    /// sums them; pass ``RelationFilter/everything`` to count rivalries too. Unlike an ``Analysis``,
    /// a filter that keeps no edge is no error: every node then has degree 0.
    ///
    /// - Throws: ``GraphError`` for an empty graph, a type or kind the graph does not know, an ego
    ///   centre that does not resolve, or a strength that exceeds the largest finite number.
    /// - Complexity: O(V + E log E).
    public func nodeList(filter: RelationFilter = .cooperative) throws(GraphError) -> NodeList {
        let view = try GraphView(checked: self, filter: filter)
        // Distinct neighbours by sorting each tie's two directions packed as (node, neighbour):
        // one array for the graph instead of a set per node.
        var strength = [Double](repeating: 0, count: nodes.count)
        var pairs: [UInt64] = []
        pairs.reserveCapacity(2 * view.edgeIndices.count)
        for index in view.edgeIndices {
            let edge = edges[index]
            let source = UInt64(edge.sourceIndex), target = UInt64(edge.targetIndex)
            pairs.append(source << 32 | target)
            pairs.append(target << 32 | source)
            strength[edge.sourceIndex] += edge.weight
            strength[edge.targetIndex] += edge.weight
        }
        pairs.sort()
        var degree = [Int](repeating: 0, count: nodes.count)
        for (position, pair) in pairs.enumerated() where position == 0 || pairs[position - 1] != pair {
            degree[Int(pair >> 32)] += 1
        }
        var rows: [NodeList.Row] = []
        for index in view.nodeIndices {
            guard strength[index].isFinite else {
                throw GraphError.measureFailed(file: file, measure: "strength",
                                               reason: "the weights of \(nodes[index].id)'s ties add up beyond the "
                                                   + "largest finite number (about 1.8e308)")
            }
            rows.append(NodeList.Row(node: nodes[index], degree: degree[index], strength: strength[index]))
        }
        return NodeList(rows: rows)
    }
}
