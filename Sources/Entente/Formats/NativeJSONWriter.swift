/// The writer of the native JSON format: the layout of the graph's `Codable` form through
/// ``EntenteJSONEncoder`` (two-space indent; arrays of scalars and objects of at most four scalar
/// members on one line), byte for byte, written straight from the model a node and an edge at a
/// time, so that a file streams to disk instead of being built as a tree first.
extension NativeJSON {
    /// Appends the graph's native JSON, ending in a newline, with a checkpoint after every node and
    /// edge.
    ///
    /// - Complexity: O(size of the text).
    package static func write(_ graph: RelationGraph, into text: inout ByteText) throws(GraphError) {
        text.append("{\n  \"name\": ")
        text.withBytes { appendJSONString(graph.name, to: &$0) }
        text.append(graph.isDirected ? ",\n  \"directed\": true" : ",\n  \"directed\": false")
        let types = graph.declaredTypes.filter { !$0.isBuiltIn }
        if !types.isEmpty { writeStrings(member: "types", types.map(\.name), into: &text) }
        let kinds = graph.declaredKinds.filter { !$0.isBuiltIn }
        if !kinds.isEmpty { writeStrings(member: "kinds", kinds.map(\.name), into: &text) }
        text.append(",\n  \"sources\": [")
        for (position, source) in graph.sources.enumerated() {
            text.append(position == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ")
            text.withBytes { bytes in
                appendJSONString(source.id, to: &bytes)
                bytes.append(contentsOf: ", \"title\": ".utf8)
                appendJSONString(source.title, to: &bytes)
                if let file = source.file {
                    bytes.append(contentsOf: ", \"file\": ".utf8)
                    appendJSONString(file, to: &bytes)
                }
                if let citation = source.citation {
                    bytes.append(contentsOf: ", \"citation\": ".utf8)
                    appendJSONString(citation, to: &bytes)
                }
            }
            text.append(byte: UInt8(ascii: "}"))
        }
        text.append(graph.sources.isEmpty ? "]" : "\n  ]")
        text.append(",\n  \"nodes\": [")
        for (position, node) in graph.nodes.enumerated() {
            text.append(position == 0 ? "\n    " : ",\n    ")
            text.withBytes { writeNode(node, into: &$0) }
            try text.checkpoint()
        }
        text.append(graph.nodes.isEmpty ? "]" : "\n  ]")
        text.append(",\n  \"edges\": [")
        for (position, edge) in graph.edges.enumerated() {
            text.append(position == 0 ? "\n    " : ",\n    ")
            text.withBytes { writeEdge(edge, into: &$0) }
            try text.checkpoint()
        }
        text.append(graph.edges.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
    }

    /// `,\n  "member": ["a", "b"]`.
    private static func writeStrings(member: String, _ names: [String], into text: inout ByteText) {
        text.append(",\n  \"\(member)\": [")
        text.withBytes { bytes in
            for (position, name) in names.enumerated() {
                if position > 0 { bytes.append(contentsOf: ", ".utf8) }
                appendJSONString(name, to: &bytes)
            }
        }
        text.append(byte: UInt8(ascii: "]"))
    }

    /// A node at depth 2 (an item of `nodes`): on one line when it has at most four members and
    /// none is an array or object, a member a line otherwise.
    private static func writeNode(_ node: Node, into bytes: inout [UInt8]) {
        let scalars = 3 + (node.since == nil ? 0 : 1) + (node.until == nil ? 0 : 1)
        let nested = node.aliases.isEmpty && node.spells.count < 2 && node.attributes.isEmpty
        var members = Members(inline: nested && scalars <= 4, indent: 3)
        bytes.append(UInt8(ascii: "{"))
        members.key("id", into: &bytes)
        appendJSONString(node.id, to: &bytes)
        members.key("label", into: &bytes)
        appendJSONString(node.label, to: &bytes)
        members.key("kind", into: &bytes)
        appendJSONString(node.kind.name, to: &bytes)
        if !node.aliases.isEmpty {
            members.key("aliases", into: &bytes)
            bytes.append(UInt8(ascii: "["))
            for (position, alias) in node.aliases.enumerated() {
                if position > 0 { bytes.append(contentsOf: ", ".utf8) }
                appendJSONString(alias, to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        }
        writeYears(since: node.since, until: node.until, members: &members, into: &bytes)
        if node.spells.count >= 2 {
            members.key("spells", into: &bytes)
            bytes.append(UInt8(ascii: "["))
            for (position, spell) in node.spells.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(&bytes, 4)
                bytes.append(UInt8(ascii: "{"))
                if let since = spell.since { bytes.append(contentsOf: "\"since\": \(since)".utf8) }
                if let until = spell.until {
                    if spell.since != nil { bytes.append(contentsOf: ", ".utf8) }
                    bytes.append(contentsOf: "\"until\": \(until)".utf8)
                }
                bytes.append(UInt8(ascii: "}"))
            }
            newline(&bytes, 3)
            bytes.append(UInt8(ascii: "]"))
        }
        writeAttributes(node.attributes, members: &members, into: &bytes)
        members.close(into: &bytes)
    }

    /// An edge at depth 2 (an item of `edges`): a member a line, as it always has at least five.
    private static func writeEdge(_ edge: Edge, into bytes: inout [UInt8]) {
        var members = Members(inline: false, indent: 3)
        bytes.append(UInt8(ascii: "{"))
        members.key("source", into: &bytes)
        appendJSONString(edge.source, to: &bytes)
        members.key("target", into: &bytes)
        appendJSONString(edge.target, to: &bytes)
        members.key("type", into: &bytes)
        appendJSONString(edge.type.name, to: &bytes)
        members.key("weight", into: &bytes)
        bytes.append(contentsOf: TextFormat.number(edge.weight).utf8)
        members.key("polarity", into: &bytes)
        appendJSONString(edge.polarity.rawValue, to: &bytes)
        if !edge.evidence.isEmpty {
            members.key("evidence", into: &bytes)
            bytes.append(UInt8(ascii: "["))
            for (position, evidence) in edge.evidence.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(&bytes, 4)
                bytes.append(contentsOf: "{\"source\": ".utf8)
                appendJSONString(evidence.source, to: &bytes)
                bytes.append(contentsOf: ", \"quote\": ".utf8)
                appendJSONString(evidence.quote, to: &bytes)
                bytes.append(UInt8(ascii: "}"))
            }
            newline(&bytes, 3)
            bytes.append(UInt8(ascii: "]"))
        }
        writeYears(since: edge.since, until: edge.until, members: &members, into: &bytes)
        if let note = edge.note {
            members.key("note", into: &bytes)
            appendJSONString(note, to: &bytes)
        }
        writeAttributes(edge.attributes, members: &members, into: &bytes)
        members.close(into: &bytes)
    }

    /// The `attributes` member of a node or edge at depth 2, names sorted: on one line when there
    /// are at most four.
    /// `"since"` and `"until"`, each when known: the years of a node or an edge.
    private static func writeYears(since: Int?, until: Int?, members: inout Members, into bytes: inout [UInt8]) {
        if let since {
            members.key("since", into: &bytes)
            bytes.append(contentsOf: String(since).utf8)
        }
        if let until {
            members.key("until", into: &bytes)
            bytes.append(contentsOf: String(until).utf8)
        }
    }

    private static func writeAttributes(_ attributes: [String: String], members: inout Members,
                                        into bytes: inout [UInt8]) {
        guard !attributes.isEmpty else { return }
        members.key("attributes", into: &bytes)
        let inline = attributes.count <= 4
        bytes.append(UInt8(ascii: "{"))
        for (position, (name, value)) in attributes.sorted(by: { $0.key < $1.key }).enumerated() {
            if position > 0 { bytes.append(contentsOf: (inline ? ", " : ",").utf8) }
            if !inline { newline(&bytes, 4) }
            appendJSONString(name, to: &bytes)
            bytes.append(contentsOf: ": ".utf8)
            appendJSONString(value, to: &bytes)
        }
        if !inline { newline(&bytes, 3) }
        bytes.append(UInt8(ascii: "}"))
    }

    /// The separators of an object's members, on one line or a member a line at `indent` levels.
    private struct Members {
        let inline: Bool
        let indent: Int
        var count = 0

        mutating func key(_ name: StaticString, into bytes: inout [UInt8]) {
            if count > 0 { bytes.append(contentsOf: (inline ? ", " : ",").utf8) }
            if !inline { newline(&bytes, indent) }
            count += 1
            bytes.append(UInt8(ascii: "\""))
            name.withUTF8Buffer { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: "\": ".utf8)
        }

        func close(into bytes: inout [UInt8]) {
            if !inline && count > 0 { newline(&bytes, indent - 1) }
            bytes.append(UInt8(ascii: "}"))
        }
    }
}
