// How the comparison results describe themselves: as `entente diff` and `entente merge` print them.

extension GraphDiff: CustomStringConvertible {
    /// What `entente diff` prints: the counts, the nodes added and removed, each tie added (`+`),
    /// removed (`-`), reweighted (`~`) and flipped (`!`), then the measure's table when one was compared.
    public var description: String {
        func describe(_ tie: GraphDiff.UnmatchedTie) -> String {
            "\(tie.source) \(tie.target) \(tie.type) \(TextFormat.number(tie.weight)) \(tie.polarity)"
        }
        var lines = [
            "nodes: \(addedNodes.count) added, \(removedNodes.count) removed",
            "ties:  \(addedTies.count) added, \(removedTies.count) removed, \(changedTies.count) weight changed, "
                + "\(flippedTies.count) flipped",
        ]
        if !addedNodes.isEmpty { lines.append("+ nodes: " + addedNodes.joined(separator: " ")) }
        if !removedNodes.isEmpty { lines.append("- nodes: " + removedNodes.joined(separator: " ")) }
        lines += addedTies.map { "+ " + describe($0) }
        lines += removedTies.map { "- " + describe($0) }
        lines += changedTies.map { "~ \($0.source) \($0.target) \($0.type) \(TextFormat.number($0.from))→\(TextFormat.number($0.to))" }
        lines += flippedTies.map {
            "! \($0.source) \($0.target) \($0.type) \($0.from) \(TextFormat.number($0.fromWeight)) → \($0.to) \(TextFormat.number($0.toWeight))"
        }
        if let measure {
            lines.append("")
            lines.append(measure.description)
        }
        return joinedLines(lines)
    }
}

extension MeasureComparison: CustomStringConvertible {
    /// The table `entente diff --measure M` ends with: each node's value in both graphs and the
    /// change (six decimals, `absent` where a graph lacks the node), largest change first.
    public var description: String {
        func fixed(_ value: Double?) -> String { value.map { String(format: "%.6f", $0) } ?? "absent" }
        let rows = map { entry in
            [entry.id, entry.label, fixed(entry.base), fixed(entry.other),
             entry.change.map { ($0 > 0 ? "+" : "") + String(format: "%.6f", $0) } ?? "absent"]
        }
        return joinedLines(alignedColumns(header: ["id", "label", "base", "other", "change"], rows: rows,
                                          rightAligned: [2, 3, 4]))
    }
}

extension MergeResult: CustomStringConvertible {
    /// The counts `entente merge` reports: `19 nodes, 57 edges (8 replaced, 12 added), 1 conflict`.
    public var description: String {
        "\(graph.nodes.count) nodes, \(graph.edges.count) edges (\(replacedTies) replaced, \(addedTies) added), "
            + "\(conflicts.count) conflict\(conflicts.count == 1 ? "" : "s")"
    }
}
