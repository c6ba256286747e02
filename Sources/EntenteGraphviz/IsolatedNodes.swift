import CGraphviz

/// What a diagram does with the nodes that no drawn edge touches, such as the states a type filter
/// leaves without a tie (`--types security`).
public enum IsolatedNodes: String, CaseIterable, Hashable, Sendable {
    /// Draw them apart, in rows under the rest of the drawing, in the graph's order (the default):
    /// the engine lays out the connected part alone, then the isolated nodes are moved under it.
    case apart
    /// Leave them out of the drawing (`--drop-isolated`).
    case omitted
}

extension Diagram {
    /// Graph indices of the drawn nodes that no drawn edge touches, in graph order.
    ///
    /// - Complexity: O(V + E).
    package var isolatedNodeIndices: [Int] {
        let graph = view.graph
        var touched = [Bool](repeating: false, count: graph.nodes.count)
        for index in view.edgeIndices {
            touched[graph.edges[index].sourceIndex] = true
            touched[graph.edges[index].targetIndex] = true
        }
        return view.nodeIndices.filter { !touched[$0] }
    }

    /// Whether the renderer routes the edges around the nodes again after `engine`'s layout
    /// (``DiagramStyle/reroutesEdges(after:nodes:edges:)``).
    func reroutesEdges(after engine: LayoutEngine) -> Bool {
        style.reroutesEdges(after: engine, nodes: view.nodeIndices.count, edges: view.edgeIndices.count)
    }

    /// The Graphviz names (``graphvizName(ofNode:)``) of the nodes the renderer moves into rows
    /// under the drawing: the isolated ones when ``isolatedNodes`` is ``IsolatedNodes/apart`` and
    /// some node has an edge, else none.
    var nodesSetApart: [String] {
        guard isolatedNodes == .apart else { return [] }
        let isolated = isolatedNodeIndices
        guard isolated.count < view.nodeIndices.count else { return [] }
        return isolated.map { graphvizName(ofNode: $0) }
    }
}

extension OwnedGraph {
    /// Moves laid-out nodes into centred rows under the rest of the drawing, then fits the bounding
    /// box and the graph label (the title and legend, on top) to the new drawing.
    ///
    /// Rows are as wide as the rest of the drawing, or `minimumRowWidth` if that is wider; nodes
    /// keep the order of `ids` and are `gap` points apart, with `2 × gap` above the first row.
    ///
    /// - Complexity: O(V + E + total spline points).
    func setApart(_ ids: [String], gap: Double, minimumRowWidth: Double) {
        let moved = Set(ids)
        var rest = entente_box(llx: .infinity, lly: .infinity, urx: -.infinity, ury: -.infinity)
        var byID: [String: OpaquePointer] = [:]
        var node = agfstnode(pointer)
        while let current = node {
            let id = String(cString: agnameof(UnsafeMutableRawPointer(current)))
            if moved.contains(id) {
                byID[id] = OpaquePointer(current)
            } else {
                let box = entente_nd_box(current)
                entente_box_add(&rest, box.llx, box.lly)
                entente_box_add(&rest, box.urx, box.ury)
                var edge = agfstout(pointer, current)
                while let drawn = edge {
                    entente_ed_extend(drawn, &rest)
                    edge = agnxtout(pointer, drawn)
                }
            }
            node = agnxtnode(pointer, current)
        }
        let nodes = ids.compactMap { byID[$0].map { UnsafeMutablePointer<Agnode_t>($0) } }
        guard !nodes.isEmpty, rest.llx.isFinite else { return }

        // Break the nodes into rows no wider than the rest of the drawing, then centre each row.
        let rowWidth = max(rest.urx - rest.llx, minimumRowWidth)
        var rows: [[UnsafeMutablePointer<Agnode_t>]] = [[]]
        var width = 0.0
        for current in nodes {
            let box = entente_nd_box(current)
            let nodeWidth = box.urx - box.llx
            if let last = rows.last, !last.isEmpty, width + gap + nodeWidth > rowWidth {
                rows.append([])
                width = 0
            }
            width += (rows[rows.count - 1].isEmpty ? 0 : gap) + nodeWidth
            rows[rows.count - 1].append(current)
        }
        var drawing = rest
        var top = rest.lly - 2 * gap
        let centre = (rest.llx + rest.urx) / 2
        for row in rows {
            let boxes = row.map(entente_nd_box)
            let height = boxes.map { $0.ury - $0.lly }.max() ?? 0
            let total = boxes.reduce(0) { $0 + $1.urx - $1.llx } + gap * Double(row.count - 1)
            var left = centre - total / 2
            for (current, box) in zip(row, boxes) {
                // The coordinate sits lw from the left edge (lw and rw differ for some shapes).
                entente_nd_move(current, left + entente_nd_x(current) - box.llx, top - height / 2)
                let placed = entente_nd_box(current)
                entente_box_add(&drawing, placed.llx, placed.lly)
                entente_box_add(&drawing, placed.urx, placed.ury)
                left += box.urx - box.llx + gap
            }
            top -= height + gap
        }

        // The label keeps its place on top, centred over the new drawing.
        let labelWidth = entente_gd_label_width(pointer)
        let labelHeight = entente_gd_label_height(pointer)
        if labelHeight > 0 {
            let middle = (drawing.llx + drawing.urx) / 2
            entente_gd_label_move(pointer, middle, drawing.ury + labelHeight / 2)
            entente_box_add(&drawing, middle - labelWidth / 2, drawing.ury + labelHeight)
            entente_box_add(&drawing, middle + labelWidth / 2, drawing.ury)
        }
        entente_gd_set_bb(pointer, drawing)
    }
}
