/// Writes graphs as Graphviz DOT text, quoting every id and value so that it survives a round trip
/// through Graphviz's parser (see ``quote(_:)`` for the one rare exception).
///
/// Graph attributes: `label` (the name), and `sources` (the sources table as a JSON array, as in
/// the native format) when the graph lists any. Node attributes: `label`, `kind`, `aliases` (joined by `|`), `since`, `until`, and `spells`
/// (`1816-1945|1990-2016`) for a node of several spells. Edge attributes: `type`, `weight`,
/// `polarity`, `since`, `until`, `note`, `evidence` (each `source: quote`, joined by a line break),
/// plus the attributes read from other formats. Labels are escString-escaped (`\\` for a backslash)
/// because Graphviz interprets escapes in them; other values are kept as written.
public enum DOTWriter {
    /// The graph as DOT text, deterministic byte for byte, ending in a newline.
    ///
    /// - Throws: ``GraphError/invalidValue(_:field:value:expected:)`` for a name or value that no
    ///   DOT string reads back as (rare: an odd run of backslashes before a quote whose angle brackets
    ///   do not nest); the writer never changes a name.
    public static func write(_ graph: RelationGraph) throws(GraphError) -> String {
        String(decoding: try ByteText.inMemory(reservingCapacity: 96 * graph.edges.count + 64 * graph.nodes.count + 4096) {
            (text) throws(GraphError) in try write(graph, into: &text)
        }, as: UTF8.self)
    }

    /// Appends the graph's DOT text to text that may stream to a file, with a checkpoint after
    /// every node and edge: what ``write(_:)`` returns.
    ///
    /// - Throws: what handing the text over throws (a write error).
    package static func write(_ graph: RelationGraph, into text: inout ByteText) throws(GraphError) {
        let arrow = graph.isDirected ? " -> " : " -- "
        text.append(graph.isDirected ? "digraph " : "graph ")
        try appendQuoted(graph.name, field: "graph name", into: &text)
        text.append(" {\n")
        if !graph.name.isEmpty {
            text.append("  graph [label=")
            try appendQuoted(escapeLabel(graph.name), field: "graph name", into: &text)
            text.append("];\n")
        }
        if !graph.sources.isEmpty {
            text.append("  graph [sources=")
            try appendQuoted(Source.listText(graph.sources), field: "sources table", into: &text)
            text.append("];\n")
        }
        for node in graph.nodes {
            // Named only in an error: built then, not for every node.
            let owner = { "node '\(node.id)'" }
            text.append("  ")
            try appendQuoted(node.id, field: "node id", into: &text)
            text.append(" [")
            try attribute("label", escapeLabel(node.label), first: true, of: owner(), into: &text)
            try attribute("kind", node.kind.name, of: owner(), into: &text)
            if !node.aliases.isEmpty { try attribute("aliases", node.aliases.joined(separator: "|"), of: owner(), into: &text) }
            if let since = node.since { try attribute("since", String(since), of: owner(), into: &text) }
            if let until = node.until { try attribute("until", String(until), of: owner(), into: &text) }
            if !node.spells.isEmpty {
                try attribute("spells", node.spells.map(\.description).joined(separator: "|"), of: owner(), into: &text)
            }
            for (key, value) in node.attributes.sorted(by: { $0.key < $1.key }) { try attribute(key, value, of: owner(), into: &text) }
            text.append("];\n")
            try text.checkpoint()
        }
        for edge in graph.edges {
            let owner = { "edge '\(edge.source)' \(arrow.dropFirst().dropLast()) '\(edge.target)'" }
            text.append("  ")
            try appendQuoted(edge.source, field: "edge source", into: &text)
            text.append(arrow)
            try appendQuoted(edge.target, field: "edge target", into: &text)
            text.append(" [")
            try attribute("type", edge.type.name, first: true, of: owner(), into: &text)
            try attribute("weight", TextFormat.number(edge.weight), of: owner(), into: &text)
            try attribute("polarity", edge.polarity.rawValue, of: owner(), into: &text)
            if let since = edge.since { try attribute("since", String(since), of: owner(), into: &text) }
            if let until = edge.until { try attribute("until", String(until), of: owner(), into: &text) }
            if let note = edge.note { try attribute("note", note, of: owner(), into: &text) }
            if !edge.evidence.isEmpty {
                try attribute("evidence", edge.evidence.map { "\($0.source): \($0.quote)" }.joined(separator: "\n"), of: owner(), into: &text)
            }
            if !edge.attributes.isEmpty {
                for (key, value) in edge.attributes.sorted(by: { $0.key < $1.key }) { try attribute(key, value, of: owner(), into: &text) }
            }
            text.append("];\n")
            try text.checkpoint()
        }
        text.append("}\n")
    }

    /// `"key"="value"` of an attribute list, after `, ` unless it is the first; `owner` names the
    /// node or edge in the error when the value cannot be written.
    private static func attribute(_ key: String, _ value: String, first: Bool = false, of owner: @autoclosure () -> String,
                                  into text: inout ByteText) throws(GraphError) {
        if !first { text.append(", ") }
        try appendQuoted(key, field: "\(owner()) attribute name", into: &text)
        text.append(byte: UInt8(ascii: "="))
        try appendQuoted(value, field: "\(owner()) \(key)", into: &text)
    }

    /// Appends ``quote(_:)`` of a value, without a new string in the common case.
    ///
    /// - Throws: ``GraphError/invalidValue(_:field:value:expected:)`` naming `field` when no DOT
    ///   string reads back as the value: the writer never changes a name.
    private static func appendQuoted(_ value: String, field: @autoclosure () -> String, into text: inout ByteText) throws(GraphError) {
        if readsBackVerbatim(value) {
            text.append(byte: UInt8(ascii: "\""))
            text.append(value)
            text.append(byte: UInt8(ascii: "\""))
            return
        }
        guard let exact = exactQuote(value) else {
            throw .invalidValue(nil, field: field(), value: value,
                                expected: "text DOT can hold: Graphviz reads an odd run of backslashes before a quote or line end back "
                                    + "differently, and this value's angle brackets do not nest (write JSON or GraphML instead)")
        }
        text.append(exact)
    }

    /// A DOT string that cgraph reads back as exactly `value`.
    ///
    /// cgraph's lexer (Graphviz 2.43) turns `\"` into `"`, keeps `\\` as two backslashes, drops a
    /// backslash-newline, keeps any other backslash, and drops a line feed that stands alone between
    /// a quote or backslash and another. So a value is written double-quoted with `"` escaped as
    /// `\"` when that reads back as the value: always, unless it has an odd run of backslashes
    /// before a quote, a line feed or its end, or such a lone line feed. Those values are written as
    /// a DOT HTML string `<…>`, which cgraph keeps verbatim, when their angle brackets nest; a value
    /// that fits neither form (rare: both conditions at once) is written double-quoted and reads back
    /// with its backslashes changed.
    public static func quote(_ value: String) -> String {
        if let exact = exactQuote(value) { return exact }
        // Neither form reads back exactly: make every odd run of backslashes before a quote, a line
        // feed or the end even, so that the string at least stays one string.
        var lossy = ""
        var run = 0
        for scalar in value.unicodeScalars {
            if scalar == "\\" {
                run += 1
            } else {
                if !run.isMultiple(of: 2) && (scalar == "\"" || scalar == "\n") { lossy += "\\" }
                if scalar == "\"" { lossy += "\\" }
                run = 0
            }
            lossy.unicodeScalars.append(scalar)
        }
        if !run.isMultiple(of: 2) { lossy += "\\" }
        return "\"" + lossy + "\""
    }

    /// Whether `"value"` reads back as `value`, found in one pass over the bytes: no quote, no
    /// backslash before a line feed or at the end of an odd run, and no line feed standing alone
    /// between backslash escapes (the rules of ``readQuoted(_:)``, which this agrees with).
    package static func readsBackVerbatim(_ value: String) -> Bool {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), lineFeed = UInt8(ascii: "\n")
        return value.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var position = 0
            var runStart = 0
            while position < bytes.count {
                let byte = bytes[position]
                if byte == quote { return false }
                if byte == backslash {
                    guard position + 1 < bytes.count else { return false }
                    let next = bytes[position + 1]
                    if next == lineFeed || next == quote { return false }
                    position += next == backslash ? 2 : 1
                    runStart = position
                    continue
                }
                if byte == lineFeed && position == runStart && (position + 1 == bytes.count || bytes[position + 1] == backslash) {
                    return false
                }
                position += 1
            }
            return true
        } ?? (readQuoted(value) == value && !value.utf8.contains(UInt8(ascii: "\"")))
    }

    /// What cgraph's lexer makes of the inside of a double-quoted string, or nil when the string
    /// would end before the closing quote (a `"` left unescaped, or escaped by a final backslash).
    package static func readQuoted(_ body: String) -> String? {
        let scalars = Array(body.unicodeScalars)
        var text = String.UnicodeScalarView()
        var position = 0
        while position < scalars.count {
            let scalar = scalars[position]
            let next = position + 1 < scalars.count ? scalars[position + 1] : nil
            if scalar == "\"" { return nil }
            if scalar == "\\" {
                switch next {
                case nil: return nil
                case "\"": text.append("\""); position += 2
                case "\\": text.append("\\"); text.append("\\"); position += 2
                case "\n": position += 2
                default: text.append(scalar); position += 1
                }
                continue
            }
            // The longest run without a quote or backslash; a lone line feed matches the
            // line-counting rule first and is dropped.
            var end = position
            while end < scalars.count && scalars[end] != "\"" && scalars[end] != "\\" { end += 1 }
            if end - position == 1 && scalar == "\n" {
                position = end
                continue
            }
            text.append(contentsOf: scalars[position..<end])
            position = end
        }
        return String(text)
    }

    /// Whether `<value>` is one DOT HTML string: every `>` closes an earlier `<`, and all are closed.
    private static func nestsAngleBrackets(_ value: String) -> Bool {
        var depth = 0
        for scalar in value.unicodeScalars {
            if scalar == "<" { depth += 1 }
            if scalar == ">" {
                depth -= 1
                if depth < 0 { return false }
            }
        }
        return depth == 0
    }

    /// The DOT string that cgraph reads back as exactly `value` (``quote(_:)``'s first two forms),
    /// or nil when there is none.
    package static func exactQuote(_ value: String) -> String? {
        // The common case, and a fast one for diagrams of thousands of edges.
        if readsBackVerbatim(value) { return "\"" + value + "\"" }
        var body = ""
        for scalar in value.unicodeScalars {
            if scalar == "\"" { body += "\\" }
            body.unicodeScalars.append(scalar)
        }
        if readQuoted(body) == value { return "\"" + body + "\"" }
        if nestsAngleBrackets(value) { return "<" + value + ">" }
        return nil
    }

    /// Escapes a label for Graphviz's escString rules: a backslash is written `\\`, a line break `\n`.
    public static func escapeLabel(_ label: String) -> String {
        // Most labels have neither a backslash nor a line break: returned as they are.
        guard label.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\n") }) else { return label }
        var text = ""
        for scalar in label.unicodeScalars {
            switch scalar {
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    /// Reverses ``escapeLabel(_:)``: `\\` → `\`, `\n`, `\l`, `\r` → line break; `\N` → the node id.
    public static func unescapeLabel(_ label: String, nodeID: String = "") -> String {
        var text = ""
        var scalars = label.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\" else {
                text.unicodeScalars.append(scalar)
                continue
            }
            guard let next = scalars.next() else {
                text += "\\"
                break
            }
            switch next {
            case "n", "l", "r": text += "\n"
            case "N": text += nodeID
            default: text.unicodeScalars.append(next)
            }
        }
        return text
    }
}
