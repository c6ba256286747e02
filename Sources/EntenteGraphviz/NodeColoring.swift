import Entente

/// Node fills that show a partition of the nodes: the two camps of a structural balance split, with
/// its frustrated ties marked, or communities (blocs). Set it as ``Diagram/nodeColoring``.
///
/// ```swift
/// var diagram = try Diagram(graph)
/// diagram.nodeColoring = .camps(try graph.structuralBalance())       // entente render --balance
///
/// let blocs = try graph.analysis().communities()
/// diagram.nodeColoring = .communities(blocs)                         // --color-by community
/// ```
///
/// **Camps.** Camp 0 is filled light blue and camp 1 light yellow (``campFills``): Paul Tol's
/// "light" scheme, told apart by readers with any common colour-vision deficiency and in greyscale
/// (CIE lightness 68 against 88). A frustrated tie of the split (one whose sign disagrees with the
/// camps: cooperative across them or adversarial within one) is drawn as a line of its type's
/// colour cased in black, labelled `✗`; every edge of the pair that the balance analysis kept is
/// marked, matched by its ends, type, polarity and weight. The legend shows each camp's fill and
/// node count, the frustrated-tie mark, and the frustration index; a split the local search found
/// but could not prove optimal is captioned "best split found (not proven optimal)". A graph with
/// no adversarial tie has every node in camp 0 and nothing frustrated.
///
/// **Communities.** Communities are filled in order (largest first, as `Communities` sorts them and
/// `entente communities` numbers them) from ``communityFills``, Paul Tol's "light" qualitative scheme,
/// light enough for the dark node labels (contrast at least 5:1). Beyond its eight colours, the
/// remaining communities share ``defaultOtherFill`` (pale grey) and one legend cell, "other".
///
/// A node the partition does not name keeps ``DiagramStyle/nodeFillColor``: compute the partition on
/// the view the diagram draws (the same filter, with adversarial ties for balance) so that every
/// node has a fill.
public struct NodeColoring: Sendable {
    /// What the fills show.
    public enum Partition: Sendable {
        /// The two camps of a structural balance split (`StructuralBalance.frustration`).
        case camps(StructuralBalance)
        /// Communities (blocs).
        case communities(Communities)
    }

    /// Camp 0 and camp 1: light blue and light yellow (Paul Tol's "light" scheme).
    public static let campFills = ["#77AADD", "#EEDD88"]
    /// Community fills, in order: Paul Tol's "light" qualitative scheme (light blue, light yellow,
    /// orange, pink, light cyan, mint, pear, olive), with yellow second so that the two largest
    /// communities differ in greyscale too.
    public static let communityFills = ["#77AADD", "#EEDD88", "#EE8866", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33",
                                        "#AAAA00"]
    /// The fill of the groups past the end of ``fills``: pale grey (Tol's "light" grey).
    public static let defaultOtherFill = "#DDDDDD"

    /// What the fills show.
    public let partition: Partition
    /// One fill (`#RRGGBB`) per group, in the partition's order.
    public var fills: [String]
    /// The fill of every group past the end of ``fills``.
    public var otherFill: String
    /// The position of each node id's group: camp 0 or 1, or the community's position.
    private let groupByID: [String: Int]
    /// The edges of the frustrated ties, by what identifies them in a `BalanceTieEdge`.
    private let frustratedEdges: Set<TieEdgeKey>

    /// Creates a colouring of a partition with the given fills (`nil`: ``campFills`` for camps,
    /// ``communityFills`` for communities).
    ///
    /// - Complexity: O(V + frustrated edges).
    public init(_ partition: Partition, fills: [String]? = nil, otherFill: String = NodeColoring.defaultOtherFill) {
        self.partition = partition
        self.otherFill = otherFill
        var groups: [String: Int] = [:]
        var frustrated: Set<TieEdgeKey> = []
        switch partition {
        case .camps(let balance):
            self.fills = fills ?? Self.campFills
            for (camp, ids) in balance.frustration.camps.enumerated() {
                for id in ids { groups[id] = camp }
            }
            for tie in balance.ties where tie.isFrustrated {
                for edge in tie.edges { frustrated.insert(TieEdgeKey(edge)) }
            }
        case .communities(let communities):
            self.fills = fills ?? Self.communityFills
            for (position, ids) in communities.communities.enumerated() {
                for id in ids { groups[id] = position }
            }
        }
        groupByID = groups
        frustratedEdges = frustrated
    }

    /// The two camps of a structural balance split, its frustrated ties marked.
    public static func camps(_ balance: StructuralBalance) -> NodeColoring { NodeColoring(.camps(balance)) }

    /// Communities, one fill each.
    public static func communities(_ communities: Communities) -> NodeColoring { NodeColoring(.communities(communities)) }

    /// The fill of a node, or `nil` for an id the partition does not name.
    public func fill(of id: String) -> String? {
        groupByID[id].map(fill(ofGroup:))
    }

    /// Whether an edge belongs to a frustrated tie (always `false` for communities).
    public func isFrustrated(_ edge: Edge) -> Bool {
        !frustratedEdges.isEmpty && frustratedEdges.contains(TieEdgeKey(edge))
    }

    private func fill(ofGroup group: Int) -> String { group < fills.count ? fills[group] : otherFill }

    /// Fills a node by its group.
    func style(node: Node, attributes: inout [(String, String)]) {
        if let fill = fill(of: node.id) { attributes.set("fillcolor", fill) }
    }

    /// Marks an edge of a frustrated tie: its colour cased in black, at least twice the thinnest
    /// width, labelled `✗`.
    func style(edge: Edge, color: String, attributes: inout [(String, String)], style: DiagramStyle) {
        guard isFrustrated(edge) else { return }
        let width = attributes.value(of: "penwidth").flatMap(Double.init) ?? style.minimumPenWidth
        attributes.set("color", "#000000:\(color):#000000")
        attributes.set("penwidth", TextFormat.number(max(width, 2 * style.minimumPenWidth)))
        attributes.set("label", "✗")
        attributes.set("fontname", style.fontName + "-Bold")
        attributes.set("fontsize", "16")
        attributes.set("fontcolor", "#000000")
        attributes.set("tooltip", "frustrated: its sign disagrees with the camps\\n" + (attributes.value(of: "tooltip") ?? ""))
    }

    /// The legend cells of the groups with a node in the view, then the marks and the measure.
    func legendCells(view: GraphView) -> [String] {
        let graph = view.graph
        var drawn: [Int: Int] = [:]
        for index in view.nodeIndices {
            if let group = groupByID[graph.nodes[index].id] { drawn[group, default: 0] += 1 }
        }
        func swatch(_ fill: String, _ text: String) -> String {
            "<TD BGCOLOR=\"\(fill)\" BORDER=\"1\" COLOR=\"#333333\" CELLPADDING=\"3\">\(escapeHTML(text))</TD>"
        }
        func nodes(_ count: Int) -> String { count == 1 ? "1 node" : "\(count) nodes" }
        var cells: [String] = []
        switch partition {
        case .camps(let balance):
            for camp in drawn.keys.sorted() {
                cells.append(swatch(fill(ofGroup: camp), "camp \(camp): \(nodes(drawn[camp] ?? 0))"))
            }
            // Ties, not edges: the parallel edges of a frustrated pair are one tie.
            let marked = Set(view.edgeIndices.map { graph.edges[$0] }.filter(isFrustrated).map { [$0.source, $0.target].sorted() }).count
            if marked > 0 {
                cells.append("<TD><B>═══ ✗</B> frustrated tie\(marked == 1 ? "" : "s") (\(marked))</TD>")
            }
            let frustration = balance.frustration
            let value = TextFormat.number(frustration.value, significantDigits: 6)
            let signs = balance.signs == .weighted ? "weighted " : ""
            cells.append(frustration.isExact
                ? "<TD>\(signs)frustration \(value) (optimal split)</TD>"
                : "<TD>\(signs)frustration \(value): best split found (not proven optimal)</TD>")
        case .communities(let communities):
            let shown = drawn.keys.sorted()
            for group in shown where group < fills.count {
                cells.append(swatch(fill(ofGroup: group), "community \(group + 1): \(nodes(drawn[group] ?? 0))"))
            }
            let others = shown.filter { $0 >= fills.count }
            if !others.isEmpty {
                let count = others.reduce(0) { $0 + (drawn[$1] ?? 0) }
                cells.append(swatch(otherFill, "other: \(others.count) communities, \(nodes(count))"))
            }
            let isolated = Set(communities.isolated)
            let unfilled = view.nodeIndices.filter { isolated.contains(graph.nodes[$0].id) }.count
            if unfilled > 0 { cells.append("<TD>isolated: \(nodes(unfilled)), no fill</TD>") }
            var caption = "\(communities.method)" + (communities.signed ? " (signed)" : "")
            caption += ", modularity \(TextFormat.number(communities.modularity, significantDigits: 4))"
            cells.append("<TD>\(escapeHTML(caption))</TD>")
        }
        return cells
    }
}

/// What identifies an edge of a balance tie: its ends as written, type, polarity and weight.
private struct TieEdgeKey: Hashable {
    var source: String
    var target: String
    var type: RelationType
    var polarity: Polarity
    var weight: Double

    init(_ edge: BalanceTieEdge) {
        (source, target, type, polarity, weight) = (edge.source, edge.target, edge.type, edge.polarity, edge.weight)
    }

    init(_ edge: Edge) {
        (source, target, type, polarity, weight) = (edge.source, edge.target, edge.type, edge.polarity, edge.weight)
    }
}
