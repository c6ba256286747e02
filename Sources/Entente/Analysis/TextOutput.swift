private import Foundation

// How results print: every result type's `description` is the text the matching `entente` command
// prints, so that `print(result)` in a library program reads like the CLI, and the CLI prints the
// descriptions rather than formatting results itself.

/// Aligned columns for a text table: columns padded on the right, those in `rightAligned` (numbers)
/// on the left, two spaces between columns, no trailing spaces.
///
/// - Complexity: O(total length of the cells).
package func alignedColumns(header: [String], rows: [[String]], rightAligned: Set<Int>) -> [String] {
    // A name's control characters are shown escaped: a line feed in a name must not split a row.
    let all = [header] + rows.map { $0.map { TextFormat.escapingControls($0) } }
    let widths = header.indices.map { column in all.map { displayWidth($0[column]) }.max() ?? 0 }
    return all.map { line in
        var text = ""
        for (column, cell) in line.enumerated() {
            if column > 0 { text += "  " }
            let padding = String(repeating: " ", count: widths[column] - displayWidth(cell))
            text += rightAligned.contains(column) ? padding + cell : cell + padding
        }
        while text.last == " " { text.removeLast() }
        return text
    }
}

/// The number of characters of a cell: its byte count when it is ASCII (no grapheme breaking for
/// the ids and numbers of a 100,000-row table), its `Character` count otherwise.
private func displayWidth(_ cell: String) -> Int {
    cell.utf8.allSatisfy { $0 < 0x80 } ? cell.utf8.count : cell.count
}

/// A value with six decimals, as the tables show it; from 1e15 on, seven significant digits
/// (`6e+307`), as no table column is that wide.
package func tableNumber(_ value: Double) -> String {
    abs(value) >= 1e15 ? String(format: "%.7g", value) : String(format: "%.6f", value)
}

/// Lines joined by line feeds, with none after the last: a description of several lines, its names'
/// control characters shown escaped (``TextFormat/escapingControls(_:keepingLineFeeds:)``).
package func joinedLines(_ lines: [String]) -> String {
    TextFormat.escapingControls(lines.joined(separator: "\n"), keepingLineFeeds: true)
}

extension NodeValues: CustomStringConvertible {
    /// The table `entente centrality --measure M` prints: id, label and value (six decimals),
    /// highest first, ties by id.
    public var description: String {
        joinedLines(alignedColumns(header: ["id", "label", measure.rawValue],
                                   rows: ranked.map { [$0.id, $0.label, tableNumber($0.value)] }, rightAligned: [2]))
    }
}

extension EdgeValues: CustomStringConvertible {
    /// The table `entente centrality --measure edge-betweenness` prints, highest first.
    public var description: String {
        joinedLines(alignedColumns(header: ["source", "target", "edge-betweenness"],
                                   rows: ranked.map { [$0.tie.source, $0.tie.target, tableNumber($0.value)] },
                                   rightAligned: [2]))
    }
}

extension CentralityTable: CustomStringConvertible {
    /// The table `entente centrality --measure all` prints: one column per measure, nodes by id,
    /// `n/a` where a measure could not be computed.
    public var description: String {
        let header = ["id", "label"] + columns.map(\.measure.rawValue)
        let rows = nodes.sorted { $0.id < $1.id }.map { node in
            [node.id, node.label] + columns.map { column in column.values?[node.id].map(tableNumber) ?? "n/a" }
        }
        return joinedLines(alignedColumns(header: header, rows: rows, rightAligned: Set(2..<header.count)))
    }
}

extension NodeList: CustomStringConvertible {
    /// The table `entente nodes` prints: id, label, kind, degree, strength and aliases, in file order.
    public var description: String {
        let rows = rows.map { row in
            [row.node.id, row.node.label, row.node.kind.name, String(row.degree), TextFormat.number(row.strength),
             row.node.aliases.joined(separator: "; ")]
        }
        return joinedLines(alignedColumns(header: ["id", "label", "kind", "degree", "strength", "aliases"], rows: rows,
                                          rightAligned: [3, 4]))
    }
}

extension NodeTies: CustomStringConvertible {
    /// What `entente ties` prints: the node, then its ties by type, heaviest first
    /// (``lines(evidence:)`` with the quotes).
    public var description: String { joinedLines(lines()) }
}

extension Communities: CustomStringConvertible {
    /// What `entente communities` prints: the method, the settings that differ from the defaults,
    /// the modularity and the number of communities, then one numbered line of ids per community,
    /// and the isolated nodes (no tie in the view, so in no community) on a line of their own.
    public var description: String {
        var settings = signed ? ["signed"] : []
        if resolution != 1 { settings.append("resolution \(TextFormat.number(resolution))") }
        let qualifier = settings.isEmpty ? "" : " (" + settings.joined(separator: ", ") + ")"
        let noun = count == 1 ? "community" : "communities"
        var lines = ["\(method)\(qualifier): modularity \(tableNumber(modularity)), \(count) \(noun)"]
        let width = String(count).count
        for (position, community) in communities.enumerated() {
            let number = String(position + 1)
            lines.append(String(repeating: " ", count: width - number.count) + number + "  " + community.joined(separator: " "))
        }
        if !isolated.isEmpty {
            lines.append("isolated: \(isolated.count) node\(isolated.count == 1 ? "" : "s"): " + isolated.joined(separator: " "))
        }
        return joinedLines(lines)
    }
}

extension StructuralBalance: CustomStringConvertible {
    /// What `entente balance` prints: the signs and the sign rule, the network, the triangle census,
    /// the walk and frustration indices (exact, or the bound and gap), how the search went; then the unbalanced triangles and the frustrated ties with the edges that
    /// make each tie, the two camps, and a table of every node's triangles.
    public var description: String {
        let census = triangles
        let share = census.balancedShare.map { " (\(TextFormat.number($0 * 100, significantDigits: 4))%)" } ?? ""
        var frustrationLine = "frustration:  " + TextFormat.prose(frustration.value)
        if !frustration.value.isFinite {
            frustrationLine += " (the frustrated ties' weights add up beyond the largest finite number)"
        } else if frustration.hasNoNegativeTie {
            frustrationLine += " (exact: no negative tie)"
        } else if frustration.isExact {
            frustrationLine += " (exact)"
        } else {
            frustrationLine += " (not proven optimal; bound \(TextFormat.number(frustration.bound, significantDigits: 6)), "
                + "gap \(TextFormat.number(frustration.gap, significantDigits: 6)))"
        }
        // Why there is no walk index: a pair's weights add up beyond the largest finite number, or
        // a component is too large for its spectrum.
        let walkAbsence = ties.contains { !$0.net.isFinite } ? "n/a (a pair's weights add up beyond 1.8e308)"
            : "n/a (a component of more than 1000 nodes)"
        var lines = [
            "signs:        \(signs) (\(signs == .weighted ? "weight" : "±1") per tie)",
            "sign rule:    \(rule)",
            "network:      \(nodeCount) nodes, \(positiveTies + negativeTies) ties "
                + "(\(positiveTies) positive, \(negativeTies) negative)",
            "triangles:    \(census.total): +++ \(census.allPositive), +-- \(census.twoNegative), "
                + "++- \(census.oneNegative), --- \(census.allNegative)",
            "balanced:     \(census.balanced) of \(census.total)\(share)",
            "walk:         \(walk.map { TextFormat.number($0, significantDigits: 6) } ?? walkAbsence)",
            frustrationLine,
            "search:       " + frustration.searchSummary,
        ]
        /// `IND PAK  -5  security 5 adversarial` (net weight, then the edges that make the tie).
        func line(_ tie: BalanceTie) -> String {
            let net = (tie.net > 0 ? "+" : "") + TextFormat.prose(tie.net)
            let edges = tie.edges.map { edge in
                "\(edge.type) \(TextFormat.number(edge.weight))" + (edge.polarity == .adversarial ? " adversarial" : "")
            }
            return "\(tie.pair.joined(separator: " "))  \(net)  \(edges.joined(separator: ", "))"
        }
        let tiesByPair = Dictionary(ties.map { ($0.pair, $0) }, uniquingKeysWith: { first, _ in first })
        lines += ["", "unbalanced triangles: \(census.unbalanced.count)"]
        for triangle in census.unbalanced {
            let pairs = [[triangle[0], triangle[1]], [triangle[0], triangle[2]], [triangle[1], triangle[2]]]
            let pattern = String(pairs.compactMap { tiesByPair[$0] }.map { $0.sign < 0 ? "-" : "+" }.sorted())
            lines.append("  \(triangle.joined(separator: " "))  \(pattern)")
            lines += pairs.compactMap { tiesByPair[$0] }.map { "    " + line($0) }
        }
        lines += ["", "frustrated ties: \(frustration.frustrated.count)"]
        lines += frustration.frustrated.compactMap { tiesByPair[$0] }.map { "  " + line($0) }
        lines.append("")
        for (number, camp) in frustration.camps.enumerated() {
            lines.append("camp \(number) (\(camp.count)):" + camp.map { " " + $0 }.joined())
        }
        lines.append("")
        lines += alignedColumns(header: ["id", "triangles", "unbalanced", "frustrated"],
                                rows: nodes.map { [$0.id, String($0.triangles), String($0.unbalanced), String($0.frustrated)] },
                                rightAligned: [1, 2, 3])
        return joinedLines(lines)
    }
}

extension PathReport: CustomStringConvertible {
    /// What `entente path` prints: one line per path (``lines``).
    public var description: String { joinedLines(lines) }
}

extension GraphSummary: CustomStringConvertible {
    /// What `entente info` prints: name, direction, counts, components, counts per type, polarity
    /// and kind, and the sources.
    public var description: String {
        var lines = [
            "name:        \(name)",
            "directed:    \(isDirected ? "yes" : "no")",
            "nodes:       \(nodeCount)",
            "edges:       \(edgeCount)",
            "components:  \(components)",
            "types:       " + types.map { "\($0.name) \($0.count)" }.joined(separator: ", "),
            "polarities:  " + polarities.map { "\($0.name) \($0.count)" }.joined(separator: ", "),
            "kinds:       " + kinds.map { "\($0.name) \($0.count)" }.joined(separator: ", "),
        ]
        if sources.isEmpty {
            lines.append("sources:     none")
        } else {
            lines.append("sources:")
            for source in sources {
                let origin = source.file.map { "file \($0)" } ?? source.citation.map { "citation: \($0)" } ?? ""
                lines.append("  \(source.id): \(source.title)" + (origin.isEmpty ? "" : " (\(origin))"))
            }
        }
        return joinedLines(lines)
    }
}

extension RelationGraph: CustomStringConvertible {
    /// The graph's name and size: `Pakistan's foreign relations: 14 nodes, 45 edges`.
    public var description: String {
        "\(name.isEmpty ? "graph" : name): \(nodes.count) node\(nodes.count == 1 ? "" : "s"), "
            + "\(edges.count) edge\(edges.count == 1 ? "" : "s")\(isDirected ? " (directed)" : "")"
    }
}

extension FrustrationIndex {
    /// How the search went, as `entente balance` prints it: `2 blocks, 3 bridges; cores 40 nodes,
    /// 310 ties (largest 38, 300); branch and bound 1, solver 1 (CBC 2.10.8)`.
    public var searchSummary: String {
        let parts = decomposition
        var text = "\(parts.blocks) block\(parts.blocks == 1 ? "" : "s"), \(parts.bridges) bridge\(parts.bridges == 1 ? "" : "s"); "
            + "cores \(parts.coreNodes) nodes, \(parts.coreTies) ties"
        if parts.blocks > 1 { text += " (largest \(parts.largestCoreNodes), \(parts.largestCoreTies))" }
        let methods = FrustrationMethod.allCases.compactMap { method in parts.methods[method].map { "\(method.rawValue) \($0)" } }
        if !methods.isEmpty { text += "; " + methods.joined(separator: ", ") }
        if parts.methods[.solver] != nil, let solver { text += " (\(solver))" }
        return text
    }
}

extension NodeValues.Entry: CustomStringConvertible {
    /// `PAK (Pakistan) 0.621795`: the id, the label and the value as the tables show it.
    public var description: String {
        TextFormat.escapingControls(id == label ? "\(id) \(tableNumber(value))" : "\(id) (\(label)) \(tableNumber(value))")
    }
}

extension EdgeValues.Entry: CustomStringConvertible {
    /// `IND|PAK 0.125000`: the tie (its ids, as `--json` keys it) and its value as the table shows it.
    public var description: String { TextFormat.escapingControls("\(tie) \(tableNumber(value))") }
}

extension CentralityTimeline: CustomStringConvertible {
    /// The table `entente timeline` prints: a row per year, a column per node (headed by its id),
    /// values in six decimals, blank where the node has none (it does not exist that year, or the
    /// year has no ties); the years without values are listed after the table with their reason.
    public var description: String {
        let header = ["year"] + series.map(\.id)
        let rows = years.indices.map { column in
            [String(years[column])] + series.map { entry in entry.values[column].map(tableNumber) ?? "" }
        }
        var lines = alignedColumns(header: header, rows: rows, rightAligned: Set(1..<(series.count + 1)))
        for gap in gaps { lines.append("\(gap.year): no values (\(gap.reason))") }
        return joinedLines(lines)
    }
}
