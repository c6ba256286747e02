/// A CSV node table: the nodes of a CSV edge list, one per row, as Gephi, igraph and networkx
/// users keep them beside their edges.
///
/// Column `id` is required (Gephi's `Id` too: headers are matched in any case); `label` (Gephi's
/// `Label`), `kind` (default `state`), `aliases` (joined by `|`), `since`, `until` and `spells`
/// (`1816-1945|1990-2016`, for a node of several spells; ``Spell``) are read when present, and any
/// other column is kept as a node attribute under its header. Years may be written `1945.0`.
///
/// Errors name the table's file and line: a duplicate id, `until` before `since`, spells out of
/// order, a year that is not whole.
///
/// ``RelationGraph/init(contentsOf:nodeTable:format:options:)`` reads an edge list with its table;
/// `entente convert -o edges.csv` writes `edges.csv` and its table `edges.nodes.csv`.
public enum CSVNodeTable {
    static let knownColumns = ["id", "label", "kind", "aliases", "since", "until", "spells"]

    /// Reads the nodes of a node table into a graph without edges.
    ///
    /// - Parameters:
    ///   - bytes: the contents of the table, UTF-8, without a byte-order mark.
    ///   - file: the name used in error messages.
    ///   - directed: whether the graph the nodes are for is directed.
    /// - Throws: ``GraphError`` naming the file, line and column of the first problem.
    /// - Complexity: O(size of the input).
    public static func read(_ bytes: [UInt8], file: String, directed: Bool = false) throws(GraphError) -> RelationGraph {
        try FileIO.checkText(bytes, file: file)
        var graph = RelationGraph(name: CSVEdgeList.baseName(file), directed: directed)
        var reader = CSVEdgeList.RowReader(bytes: bytes, file: file)
        let (header, names) = try reader.header()
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }
        guard let idColumn = column("id") else {
            throw .syntax(SourceLocation(file: file, line: header.line, column: 1),
                          "CSV node table header must name the column 'id' (found \(names.joined(separator: ",")))")
        }
        let labelColumn = column("label"), kindColumn = column("kind"), aliasesColumn = column("aliases")
        let sinceColumn = column("since"), untilColumn = column("until"), spellsColumn = column("spells")
        let extraColumns = names.indices.filter { !knownColumns.contains(names[$0]) }
        while let row = try reader.nextRecord(width: names.count) {
            func location(_ column: Int) -> SourceLocation {
                SourceLocation(file: file, line: row.line, column: row.columns[column])
            }
            let id = row.fields[idColumn]
            guard !id.trimmingSpaces.isEmpty else { throw .missingField(location(idColumn), field: "id") }
            var node = Node(id: id)
            if let labelColumn, !row.fields[labelColumn].isEmpty { node.label = row.fields[labelColumn] }
            if let kindColumn, !row.fields[kindColumn].isEmpty { node.kind = NodeKind(row.fields[kindColumn]) }
            if let aliasesColumn, !row.fields[aliasesColumn].isEmpty {
                node.aliases = row.fields[aliasesColumn].split(separator: "|").map(String.init)
            }
            node.since = try CSVEdgeList.year(in: row, column: sinceColumn, named: "since", file: file)
            node.until = try CSVEdgeList.year(in: row, column: untilColumn, named: "until", file: file)
            if let spellsColumn, !row.fields[spellsColumn].isEmpty {
                guard let spells = Spell.list(parsing: row.fields[spellsColumn]) else {
                    throw .invalidValue(location(spellsColumn), field: "spells", value: row.fields[spellsColumn],
                                        expected: "spells such as 1816-1945|1990-2016")
                }
                if spells.count == 1 && sinceColumn == nil && untilColumn == nil {
                    node.setExistence(spells)
                } else {
                    node.spells = spells
                    if sinceColumn == nil { node.since = spells.first?.since }
                    if untilColumn == nil { node.until = spells.last?.until }
                }
            }
            for column in extraColumns where !row.fields[column].isEmpty {
                node.attributes[header.fields[column]] = row.fields[column]
            }
            try graph.insertNode(node, at: location(idColumn))
        }
        graph.file = file
        return graph
    }

    /// The graph's nodes as a node table: `id,label,kind`, then `aliases`, `since`, `until`,
    /// `spells` and attribute columns when any node has them. Deterministic; ends in a newline.
    public static func write(_ graph: RelationGraph) -> String {
        String(decoding: ByteText.inMemoryInfallible(reservingCapacity: 32 * graph.nodes.count + 4096) {
            (text) throws(GraphError) in try write(graph, into: &text)
        }, as: UTF8.self)
    }

    /// Appends the node table to text that may stream to a file, with a checkpoint after every
    /// node: what ``write(_:)`` returns.
    ///
    /// - Throws: what handing the text over throws (a write error).
    package static func write(_ graph: RelationGraph, into text: inout ByteText) throws(GraphError) {
        let hasAliases = graph.nodes.contains { !$0.aliases.isEmpty }
        let hasSince = graph.nodes.contains { $0.since != nil }
        let hasUntil = graph.nodes.contains { $0.until != nil }
        let hasSpells = graph.nodes.contains { !$0.spells.isEmpty }
        var attributeNames = Set<String>()
        for node in graph.nodes { attributeNames.formUnion(node.attributes.keys) }
        let extras = attributeNames.filter { !knownColumns.contains($0.lowercased()) }.sorted()
        var header = ["id", "label", "kind"]
        if hasAliases { header.append("aliases") }
        if hasSince { header.append("since") }
        if hasUntil { header.append("until") }
        if hasSpells { header.append("spells") }
        header += extras
        CSVEdgeList.appendRecord(header, into: &text)
        for node in graph.nodes {
            CSVEdgeList.appendField(node.id, into: &text)
            text.append(byte: UInt8(ascii: ","))
            CSVEdgeList.appendField(node.label, into: &text)
            text.append(byte: UInt8(ascii: ","))
            CSVEdgeList.appendField(node.kind.name, into: &text)
            if hasAliases {
                text.append(byte: UInt8(ascii: ","))
                CSVEdgeList.appendField(node.aliases.joined(separator: "|"), into: &text)
            }
            if hasSince {
                text.append(byte: UInt8(ascii: ","))
                if let since = node.since { text.append(since) }
            }
            if hasUntil {
                text.append(byte: UInt8(ascii: ","))
                if let until = node.until { text.append(until) }
            }
            if hasSpells {
                text.append(byte: UInt8(ascii: ","))
                CSVEdgeList.appendField(node.spells.map(\.description).joined(separator: "|"), into: &text)
            }
            for name in extras {
                text.append(byte: UInt8(ascii: ","))
                CSVEdgeList.appendField(node.attributes[name] ?? "", into: &text)
            }
            text.append(byte: 0x0A)
            try text.checkpoint()
        }
    }

    /// The node table written beside a CSV edge list: `edges.csv` → `edges.nodes.csv`
    /// (`edges` → `edges.nodes.csv`).
    public static func path(besideEdgeList path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        let directory = String(path.dropLast(name.count))
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            return directory + String(name[..<dot]) + ".nodes" + String(name[dot...])
        }
        return directory + name + ".nodes.csv"
    }
}

extension RelationGraph {
    /// Writes the graph as a CSV edge list and, beside it, its node table
    /// (``CSVNodeTable/path(besideEdgeList:)``: `edges.csv` and `edges.nodes.csv`), each atomically:
    /// the node table first, so that a failure leaves no edge list without its table.
    ///
    /// - Returns: the path of the node table written.
    /// - Throws: ``GraphError/io(file:reason:)``.
    @discardableResult
    public func writeCSV(to path: String) throws(GraphError) -> String {
        let table = CSVNodeTable.path(besideEdgeList: path)
        try FileIO.writeAtomically(to: table) { (text) throws(GraphError) in try CSVNodeTable.write(self, into: &text) }
        try FileIO.writeAtomically(to: path) { (text) throws(GraphError) in try CSVEdgeList.write(self, into: &text) }
        return table
    }
}
