import Entente

extension Diagram {
    /// Creates a diff diagram: `other` drawn against `base`, showing what changed from the base.
    ///
    /// ```swift
    /// let diagram = try Diagram(agenda, comparedWith: today)
    /// try Renderer.render(diagram, to: "diff.svg")
    /// ```
    ///
    /// Ties are matched as `GraphDiff` matches them (per pair and type). Added ties are drawn bold
    /// with a `+` label; removed ties (the base's, drawn too) faded and dotted; a changed weight is
    /// labelled `3→5`; a flipped polarity is drawn as a double line labelled with the signed weights
    /// (`−2→+3`). Nodes only the other graph has get a double outline; nodes only the base has are
    /// drawn faded and dotted. Type colours and the rest of the style are those of any diagram, and
    /// the legend explains each mark the diagram uses.
    ///
    /// - Parameters:
    ///   - other: the graph drawn.
    ///   - base: the graph it is compared with; its removed nodes and ties are drawn too.
    ///   - filter: what to draw, applied to both graphs (types either graph declares may be named).
    ///   - style: how the diagram looks.
    ///   - title: the title over the diagram; `nil` uses the other graph's name and what the filter keeps.
    /// - Throws: `GraphError` when the graphs differ in direction or the filter names a type or kind
    ///   neither graph knows.
    public init(_ other: RelationGraph, comparedWith base: RelationGraph, showing filter: RelationFilter = .everything,
                style: DiagramStyle = DiagramStyle(), title: String? = nil) throws(GraphError) {
        let comparison = try ComparisonGraph(other, base: base)
        self.init(view: try GraphView(checked: comparison.graph, filter: filter), filter: filter, style: style, title: title,
                  highlight: nil, nodeSizes: nil)
        self.comparison = comparison
    }
}

extension ComparisonGraph {
    /// Marks a node that only one graph has.
    func style(node index: Int, kind: NodeKind, attributes: inout [(String, String)], style: DiagramStyle) {
        if addedNodes.contains(index) {
            attributes.set("peripheries", "2")
            attributes.set("tooltip", "added\\n" + (attributes.value(of: "tooltip") ?? ""))
        } else if removedNodes.contains(index) {
            attributes.set("style", style.roundedKinds.contains(kind) ? "rounded,dotted,filled" : "dotted,filled")
            attributes.set("color", style.nodeLineColor + style.fadedAlpha)
            attributes.set("fontcolor", style.fadedTextColor)
            attributes.set("tooltip", "removed\\n" + (attributes.value(of: "tooltip") ?? ""))
        }
    }

    /// Marks a tie that changed: bold and `+` when added, faded and dotted when removed, `3→5` when
    /// reweighted, a bold double line and `−2→+3` when flipped.
    func style(edge index: Int, color: String, attributes: inout [(String, String)], style: DiagramStyle) {
        guard let change = edgeChanges[index] else { return }
        let edge = graph.edges[index]
        // Bold: the highlight's factor, to two decimals.
        let bold = TextFormat.number((style.penWidth(ofWeight: edge.weight) * style.highlightPenFactor * 100).rounded() / 100)
        let note: String
        switch change {
        case .added:
            attributes.set("penwidth", bold)
            attributes.set("label", "+")
            attributes.set("fontname", style.fontName + "-Bold")
            attributes.set("fontsize", "16")
            attributes.set("fontcolor", color)
            note = "added"
        case .removed:
            attributes.set("color", color + style.fadedAlpha)
            attributes.set("style", "dotted")
            note = "removed"
        case .reweighted(let from):
            attributes.set("label", "\(TextFormat.number(from))→\(TextFormat.number(edge.weight))")
            attributes.set("fontcolor", color)
            note = "weight \(TextFormat.number(from))→\(TextFormat.number(edge.weight))"
        case .flipped(let from, let weight):
            let label = signed(weight, from) + "→" + signed(edge.weight, edge.polarity)
            // A colour list draws parallel lines: a double line in the type's own colour.
            attributes.set("color", "\(color):#FFFFFF:\(color)")
            attributes.set("penwidth", bold)
            attributes.set("label", label)
            attributes.set("fontname", style.fontName + "-Bold")
            attributes.set("fontcolor", color)
            note = "polarity flipped: \(from) → \(edge.polarity) (\(label))"
        }
        attributes.set("tooltip", note + "\\n" + (attributes.value(of: "tooltip") ?? ""))
    }

    /// `+3` or `−2`.
    private func signed(_ weight: Double, _ polarity: Polarity) -> String {
        (polarity == .cooperative ? "+" : "−") + TextFormat.number(weight)
    }

    /// Legend cells for the line marks the view uses.
    func legendLineCells(edges: [Int]) -> [String] {
        let used = edges.compactMap { edgeChanges[$0] }
        var cells: [String] = []
        if used.contains(.added) { cells.append("<TD><B>━━━ +</B> added</TD>") }
        if used.contains(.removed) { cells.append("<TD>┈┈┈ removed (faded)</TD>") }
        if used.contains(where: { if case .reweighted = $0 { true } else { false } }) {
            cells.append("<TD>3→5: weight changed</TD>")
        }
        if used.contains(where: { if case .flipped = $0 { true } else { false } }) {
            cells.append("<TD><B>═══ −2→+3</B>: polarity flipped</TD>")
        }
        return cells
    }

    /// Legend cells for the node marks the view uses.
    func legendNodeCells(nodes: [Int]) -> [String] {
        var cells: [String] = []
        if nodes.contains(where: addedNodes.contains) { cells.append("<TD>double outline: added node</TD>") }
        if nodes.contains(where: removedNodes.contains) { cells.append("<TD>dotted, faded: removed node</TD>") }
        return cells
    }
}

extension [(String, String)] {
    /// Replaces the value of an attribute, or appends it.
    mutating func set(_ name: String, _ value: String) {
        if let position = firstIndex(where: { $0.0 == name }) {
            self[position].1 = value
        } else {
            append((name, value))
        }
    }

    /// The value of an attribute.
    func value(of name: String) -> String? { first(where: { $0.0 == name })?.1 }
}
