/// CSV edge lists (RFC 4180): a header row naming the columns, then one edge per row.
///
/// Columns `source` and `target` are required; `type` (default `economic`), `weight` (default 1),
/// `polarity` (default `cooperative`), `since`, `until` and `note` are read when present; any other
/// column is kept as an edge attribute and written back. An empty cell in an optional column takes
/// its default. Fields may be quoted (`"Korea, Republic of"`, `""` for a quote inside) and hold any
/// Unicode. Years may be written `1945.0` (as pandas writes a column with gaps); `1945.5` is an
/// error. Nodes are created in order of first appearance, labelled by their id, unless a node table
/// (``CSVNodeTable``) gives them: then an edge naming a node the table does not list is an error.
///
/// **Dyad-year panels.** A file with a `year` column and neither `since` nor `until` is read as a
/// panel: one row per pair and year, as ATOP and the COW datasets give them. Rows of the same pair,
/// type and polarity in consecutive years with the same weight become one tie from the first year
/// (`since`) to the last (`until`); a missing year or a change of weight starts a new tie. In an
/// undirected graph the rows of both directions of a pair (`USA,GBR` and `GBR,USA`) in a year are one
/// dyad-year: with equal weights they merge (counted in ``RelationGraph/mergedPanelRows``); with
/// different weights they are an error naming the row, unless a ``PanelCombine`` rule is given,
/// which then combines the weights of every pair of rows of one dyad-year. Ties come out in the
/// order their first row appears, then by year. Other columns are kept from a tie's first row.
///
/// CSV holds edges only: labels, kinds, aliases and isolated nodes go in the node table, and
/// evidence is not written.
public enum CSVEdgeList {
    static let knownColumns = ["source", "target", "type", "weight", "polarity", "since", "until", "note"]

    /// Reads a graph from CSV bytes.
    ///
    /// - Parameters:
    ///   - bytes: the contents of the file, UTF-8, without a byte-order mark.
    ///   - file: the name used in error messages.
    ///   - directed: whether the edges have a direction (CSV cannot say).
    ///   - nodes: the nodes of a node table (``CSVNodeTable/read(_:file:directed:)``); every edge
    ///     must name one of them. Nil creates nodes as edges name them.
    ///   - combine: how a panel read as undirected combines the two directions of a dyad-year whose
    ///     weights differ; nil refuses such a pair.
    /// - Throws: ``GraphError`` naming the file, line and column of the first problem.
    /// - Complexity: O(size of the input), plus O(R log R) to sort the R rows of a panel.
    public static func read(_ bytes: [UInt8], file: String, directed: Bool = false, nodes: RelationGraph? = nil,
                            combine: PanelCombine? = nil) throws(GraphError) -> RelationGraph {
        try FileIO.checkText(bytes, file: file)
        var graph = RelationGraph(name: baseName(file), directed: directed)
        if let nodes {
            graph = nodes
            graph.name = baseName(file)
            graph.isDirected = directed
        }
        let fixedNodes = nodes?.file ?? (nodes == nil ? nil : "the node table")
        var reader = RowReader(bytes: bytes, file: file)
        let (header, names) = try reader.header()
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }
        guard let sourceColumn = column("source"), let targetColumn = column("target") else {
            throw .syntax(SourceLocation(file: file, line: header.line, column: 1),
                          "CSV header must name the columns 'source' and 'target' (found \(names.joined(separator: ",")))")
        }
        let typeColumn = column("type"), weightColumn = column("weight"), polarityColumn = column("polarity")
        let sinceColumn = column("since"), untilColumn = column("until"), noteColumn = column("note")
        let yearColumn = sinceColumn == nil && untilColumn == nil ? column("year") : nil
        let extraColumns = names.indices.filter { !knownColumns.contains(names[$0]) && $0 != yearColumn }
        let estimatedRows = bytes.count / 24
        graph.reserveCapacity(nodes: estimatedRows / 4, edges: yearColumn == nil ? estimatedRows : estimatedRows / 8)
        var typeCache: [String: RelationType] = [:]
        var panel = PanelRows()

        while let row = try reader.nextRecord(width: names.count) {
            func location(_ column: Int) -> SourceLocation {
                SourceLocation(file: file, line: row.line, column: row.columns[column])
            }
            let sourceID = row.fields[sourceColumn], targetID = row.fields[targetColumn]
            guard !sourceID.isEmpty else { throw .missingField(location(sourceColumn), field: "source") }
            guard !targetID.isEmpty else { throw .missingField(location(targetColumn), field: "target") }
            let source: Int, target: Int
            if let fixedNodes {
                guard let found = graph.index(of: sourceID) else {
                    throw .syntax(location(sourceColumn), "edge names node \(quoted(sourceID)), which the node table \(fixedNodes) does not list")
                }
                guard let other = graph.index(of: targetID) else {
                    throw .syntax(location(targetColumn), "edge names node \(quoted(targetID)), which the node table \(fixedNodes) does not list")
                }
                source = found
                target = other
            } else {
                source = try nodeIndex(sourceID, in: &graph)
                target = try nodeIndex(targetID, in: &graph)
            }
            var edge = Edge(source: "", target: "")
            if let typeColumn, !row.fields[typeColumn].isEmpty {
                let name = row.fields[typeColumn]
                if let cached = typeCache[name] {
                    edge.type = cached
                } else {
                    let type = RelationType(name)
                    typeCache[name] = type
                    edge.type = type
                }
            }
            if let weightColumn, !row.fields[weightColumn].isEmpty {
                guard let weight = parseDouble(row.fields[weightColumn]), weight.isFinite, weight > 0 else {
                    throw .invalidWeight(location(weightColumn), value: row.fields[weightColumn])
                }
                edge.weight = weight
            }
            if let polarityColumn, !row.fields[polarityColumn].isEmpty {
                guard let polarity = Polarity(rawValue: row.fields[polarityColumn].lowercased()) else {
                    throw .invalidValue(location(polarityColumn), field: "polarity", value: row.fields[polarityColumn],
                                        expected: "cooperative or adversarial")
                }
                edge.polarity = polarity
            }
            if sinceColumn != nil { edge.since = try year(in: row, column: sinceColumn, named: "since", file: file) }
            if untilColumn != nil { edge.until = try year(in: row, column: untilColumn, named: "until", file: file) }
            if let noteColumn, !row.fields[noteColumn].isEmpty { edge.note = row.fields[noteColumn] }
            for column in extraColumns where !row.fields[column].isEmpty {
                edge.attributes[header.fields[column]] = row.fields[column]
            }
            if let yearColumn {
                guard let year = try year(in: row, column: yearColumn, named: "year", file: file) else {
                    throw .missingField(location(yearColumn), field: "year")
                }
                guard source != target else { throw .selfLoop(SourceLocation(file: file, line: row.line), id: sourceID) }
                panel.append(edge, source: source, target: target, year: year, line: row.line)
                continue
            }
            try graph.addEdge(edge, source: source, target: target, at: SourceLocation(file: file, line: row.line))
        }
        if yearColumn != nil {
            try panel.collapse(into: &graph, file: file, combine: combine)
        }
        return graph
    }

    /// The year in a row's column (`1945`, `1945.0`), nil when the column is absent or the cell empty.
    ///
    /// - Throws: ``GraphError/invalidValue(_:field:value:expected:)`` at the cell for a year that is
    ///   not a whole number.
    static func year(in row: Row, column: Int?, named name: String, file: String) throws(GraphError) -> Int? {
        guard let column, !row.fields[column].isEmpty else { return nil }
        guard let year = parseYear(row.fields[column]) else {
            throw .invalidValue(SourceLocation(file: file, line: row.line, column: row.columns[column]), field: name,
                                value: row.fields[column], expected: "a whole year")
        }
        return year
    }

    private static func nodeIndex(_ id: String, in graph: inout RelationGraph) throws(GraphError) -> Int {
        if let index = graph.index(of: id) { return index }
        return try graph.insertNode(Node(id: id))
    }

    /// The graph's edges as CSV text: `source,target,type,weight,polarity`, then `since`, `until`,
    /// `note` and attribute columns when any edge has them. Deterministic; ends in a newline.
    public static func write(_ graph: RelationGraph) -> String {
        String(decoding: ByteText.inMemoryInfallible(reservingCapacity: 40 * graph.edges.count + 4096) {
            (text) throws(GraphError) in try write(graph, into: &text)
        }, as: UTF8.self)
    }

    /// Appends the graph's CSV edge list to text that may stream to a file, with a checkpoint
    /// after every edge: what ``write(_:)`` returns.
    ///
    /// - Throws: what handing the text over throws (a write error).
    package static func write(_ graph: RelationGraph, into text: inout ByteText) throws(GraphError) {
        let hasSince = graph.edges.contains { $0.since != nil }
        let hasUntil = graph.edges.contains { $0.until != nil }
        let hasNote = graph.edges.contains { $0.note != nil }
        var attributeNames = Set<String>()
        for edge in graph.edges { attributeNames.formUnion(edge.attributes.keys) }
        let extras = attributeNames.subtracting(knownColumns).sorted()
        var header = ["source", "target", "type", "weight", "polarity"]
        if hasSince { header.append("since") }
        if hasUntil { header.append("until") }
        if hasNote { header.append("note") }
        header += extras
        appendRecord(header, into: &text)
        for edge in graph.edges {
            appendField(edge.source, into: &text)
            text.append(byte: UInt8(ascii: ","))
            appendField(edge.target, into: &text)
            text.append(byte: UInt8(ascii: ","))
            appendField(edge.type.name, into: &text)
            text.append(byte: UInt8(ascii: ","))
            text.append(TextFormat.number(edge.weight))
            text.append(byte: UInt8(ascii: ","))
            text.append(edge.polarity.rawValue)
            if hasSince {
                text.append(byte: UInt8(ascii: ","))
                if let since = edge.since { text.append(since) }
            }
            if hasUntil {
                text.append(byte: UInt8(ascii: ","))
                if let until = edge.until { text.append(until) }
            }
            if hasNote {
                text.append(byte: UInt8(ascii: ","))
                if let note = edge.note { appendField(note, into: &text) }
            }
            for name in extras {
                text.append(byte: UInt8(ascii: ","))
                if let value = edge.attributes[name] { appendField(value, into: &text) }
            }
            text.append(byte: 0x0A)
            try text.checkpoint()
        }
    }

    /// Appends fields as one record: escaped, joined by commas, ending in a newline.
    package static func appendRecord(_ fields: [String], into text: inout ByteText) {
        for (position, field) in fields.enumerated() {
            if position > 0 { text.append(byte: UInt8(ascii: ",")) }
            appendField(field, into: &text)
        }
        text.append(byte: 0x0A)
    }

    /// Appends ``escape(_:)`` of a field, without a new string when it needs no quotes.
    package static func appendField(_ field: String, into text: inout ByteText) {
        if needsQuotes(field) { text.append(escape(field)) } else { text.append(field) }
    }

    /// Quotes a field when it holds a comma, quote, line break or leading/trailing space.
    public static func escape(_ field: String) -> String {
        // A scan of the bytes, not the characters: no grapheme breaking for a test of four ASCII bytes.
        guard needsQuotes(field) else { return field }
        return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
    }

    /// Whether a field holds a comma, quote, line break or leading/trailing space.
    private static func needsQuotes(_ field: String) -> Bool {
        field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            || field.utf8.first == 0x20 || field.utf8.last == 0x20
    }

    /// Parses a decimal number; fast for plain decimals such as `0.123`, exact like `strtod` for all.
    static func parseDouble(_ text: String) -> Double? {
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = 0
        var seenPoint = false
        var negative = false
        var simple = true
        for (position, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                mantissa = mantissa &* 10 &+ UInt64(byte - UInt8(ascii: "0"))
                digits += 1
                if seenPoint { fraction += 1 }
            case UInt8(ascii: ".") where !seenPoint:
                seenPoint = true
            case UInt8(ascii: "-") where position == 0:
                negative = true
            default:
                simple = false
            }
            if !simple { break }
        }
        if simple, digits > 0, digits <= 15, fraction <= 22 {
            // Both operands are exact doubles, so one division rounds correctly (Clinger's fast path).
            let value = Double(mantissa) / powersOfTen[fraction]
            return negative ? -value : value
        }
        return Double(text.trimmingSpaces)
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    static func baseName(_ file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { return String(name[..<dot]) }
        return name
    }

    /// One parsed CSV record: its fields, the line it starts on, and each field's column.
    struct Row {
        var fields: [String]
        var columns: [Int]
        var line: Int
    }

    /// Splits CSV bytes into records, honouring RFC 4180 quoting (quoted fields may span lines).
    struct RowReader {
        let bytes: [UInt8]
        let file: String
        var position = 0
        var line = 1

        init(bytes: [UInt8], file: String) {
            self.bytes = bytes
            self.file = file
        }

        mutating func nextRow() throws(GraphError) -> Row? {
            guard position < bytes.count else { return nil }
            var row = Row(fields: [], columns: [], line: line)
            var lineStart = position
            let count = bytes.count
            while true {
                let fieldColumn = position - lineStart + 1
                if position < count && bytes[position] == UInt8(ascii: "\"") {
                    let openLine = line, openColumn = fieldColumn
                    position += 1
                    var field: [UInt8] = []
                    while true {
                        guard position < count else {
                            throw .syntax(SourceLocation(file: file, line: openLine, column: openColumn),
                                          "unterminated quoted CSV field")
                        }
                        let byte = bytes[position]
                        if byte == UInt8(ascii: "\"") {
                            if position + 1 < count && bytes[position + 1] == UInt8(ascii: "\"") {
                                field.append(byte)
                                position += 2
                                continue
                            }
                            position += 1
                            break
                        }
                        if byte == 0x0A {
                            line += 1
                            lineStart = position + 1
                        }
                        field.append(byte)
                        position += 1
                    }
                    row.fields.append(String(decoding: field, as: UTF8.self))
                    row.columns.append(fieldColumn)
                    guard position < count else { return row }
                    let next = bytes[position]
                    if next == UInt8(ascii: ",") {
                        position += 1
                        continue
                    }
                    if next == 0x0A || next == 0x0D {
                        consumeLineEnd()
                        return row
                    }
                    throw .syntax(SourceLocation(file: file, line: line, column: position - lineStart + 1),
                                  "unexpected character after a closing quote in a CSV field")
                }
                let start = position
                while position < count {
                    let byte = bytes[position]
                    if byte == UInt8(ascii: ",") || byte == 0x0A || byte == 0x0D { break }
                    if byte == UInt8(ascii: "\"") {
                        throw .syntax(SourceLocation(file: file, line: line, column: position - lineStart + 1),
                                      "quote inside an unquoted CSV field (quote the whole field and double the quote)")
                    }
                    position += 1
                }
                row.fields.append(String(decoding: bytes[start..<position], as: UTF8.self))
                row.columns.append(fieldColumn)
                guard position < count else { return row }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    continue  // a comma at the very end leaves one empty field, read on the next turn
                }
                consumeLineEnd()
                return row
            }
        }

        /// Reads the header row: its record and its column names, trimmed and lower-cased.
        ///
        /// - Throws: ``GraphError/empty(file:)`` for no row, ``GraphError/syntax(_:_:)`` for a
        ///   repeated column.
        mutating func header() throws(GraphError) -> (row: Row, names: [String]) {
            guard let header = try nextRow() else { throw .empty(file: file) }
            let names = header.fields.map { $0.trimmingSpaces.lowercased() }
            for (position, name) in names.enumerated() where names[..<position].contains(name) {
                throw .syntax(SourceLocation(file: file, line: header.line), "CSV header repeats the column \(quoted(name))")
            }
            return (header, names)
        }

        /// The next record that is not a blank line, which must have `width` fields.
        ///
        /// - Throws: ``GraphError/syntax(_:_:)`` for a short or long row.
        mutating func nextRecord(width: Int) throws(GraphError) -> Row? {
            while let row = try nextRow() {
                if row.fields.count == 1 && row.fields[0].isEmpty { continue }  // blank line
                guard row.fields.count == width else {
                    let problem = row.fields.count < width ? "short CSV row" : "long CSV row"
                    throw .syntax(SourceLocation(file: file, line: row.line),
                                  "\(problem): \(row.fields.count) field\(row.fields.count == 1 ? "" : "s"), the header has \(width)")
                }
                return row
            }
            return nil
        }

        private mutating func consumeLineEnd() {
            if position < bytes.count && bytes[position] == 0x0D { position += 1 }
            if position < bytes.count && bytes[position] == 0x0A { position += 1 }
            line += 1
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(scalars[first...last])
    }

    /// Every occurrence of `target` replaced by `replacement` (no Foundation needed).
    package func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(count)
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
