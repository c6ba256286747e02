import Entente

/// How a relations diagram looks: colours, line widths, shapes and fonts.
///
/// Every property has a default chosen for print and for readers with colour-vision deficiency
/// (the Okabe–Ito palette); each can be changed before rendering.
///
/// ```swift
/// var style = DiagramStyle()
/// style.typeColors[.security] = "#000000"
/// style.penWidthPerWeight = 1
/// ```
public struct DiagramStyle: Sendable, Hashable {
    /// Edge colour (`#RRGGBB`) by relation type.
    public var typeColors: [RelationType: String]
    /// Colours for types without an entry in ``typeColors``, given in the order the graph lists its
    /// types, then again from the first.
    ///
    /// By default the rest of the Okabe–Ito palette, ordered so that the first extra types stay
    /// apart from the three standard colours (blue economic, vermilion security, bluish green
    /// cultural) for every common colour-vision deficiency: reddish purple `#CC79A7` (the 4th type,
    /// such as membership), sky blue `#56B4E9` (5th: a light blue beside economic's dark one),
    /// black `#000000` (6th), then orange `#E69F00` (7th), which is hard to tell from vermilion,
    /// and yellow `#F0E442` (8th), faint on white. A graph with more than six types reads better
    /// with ``typeColors`` set for the types that matter, or filtered to fewer types.
    public var extraTypeColors: [String]
    /// Line width per unit of edge weight: an edge of weight 4 is drawn `4 × penWidthPerWeight` points
    /// wide, as long as the heaviest edge drawn stays within ``maximumPenWidth``.
    public var penWidthPerWeight: Double
    /// The thinnest an edge is drawn, in points.
    public var minimumPenWidth: Double
    /// The widest an edge is drawn, in points: when the heaviest edge drawn would be wider, every
    /// width is scaled down by the same factor so that the heaviest is this wide.
    public var maximumPenWidth: Double
    /// Graphviz `style` of adversarial edges; cooperative edges are solid.
    public var adversarialLineStyle: String
    /// Node shape (a Graphviz shape name) by kind.
    public var kindShapes: [NodeKind: String]
    /// Shapes for kinds without an entry in ``kindShapes``, in the order the graph lists its kinds.
    public var extraKindShapes: [String]
    /// Kinds whose boxes get rounded corners (organisations, to tell them from blocs).
    public var roundedKinds: Set<NodeKind>
    /// Node fill colour.
    public var nodeFillColor: String
    /// Node outline and text colour.
    public var nodeLineColor: String
    /// Font family of every text.
    public var fontName: String
    /// Node label size in points, when no sizes are given.
    public var fontSize: Double
    /// Label sizes from the smallest to the largest size value, when node sizes are given.
    public var sizedFontRange: ClosedRange<Double>
    /// Title size in points.
    public var titleFontSize: Double
    /// Legend text size in points.
    public var legendFontSize: Double
    /// Whether the diagram carries a legend of types, polarities and kinds under its title.
    public var showsLegend: Bool
    /// How much wider highlighted edges are drawn.
    public var highlightPenFactor: Double
    /// Alpha (two hex digits) appended to the colours of what is not highlighted.
    public var fadedAlpha: String
    /// Text colour of nodes that are not highlighted.
    public var fadedTextColor: String
    /// Up to how many nodes neato routes edges as splines around the nodes (`splines=true`), which
    /// in Graphviz 2.43 takes about a second at 25 nodes and 75 edges and minutes at 100 and 400.
    public var splineNodeLimit: Int
    /// Up to how many edges neato routes splines (see ``splineNodeLimit``: both must hold).
    public var splineEdgeLimit: Int
    /// Up to how many nodes a diagram is a small or medium one: neato is the standard layout and
    /// overlapping nodes are pushed apart (`overlap=false`, or `prism` for sfdp). Beyond it the
    /// standard layout is sfdp and nodes may overlap, since neato and overlap removal take minutes
    /// on a graph of 1,500 nodes (see ``Diagram/standardLayout``).
    public var largeGraphNodeLimit: Int
    /// The length, in inches, that neato and fdp aim for on the edges of the centre of an ego view
    /// (`--around`), against 1 for the others: the centre's ties are drawn long enough to read,
    /// where overlap removal would otherwise leave some as stubs between touching nodes.
    public var egoEdgeLength: Double
    /// Space between the isolated nodes set apart under a drawing (``IsolatedNodes/apart``), in points.
    public var isolatedNodeGap: Double
    /// The most nodes and ties, counted together, that ``Renderer`` lays out: a larger diagram is
    /// refused with ``GraphvizError/tooLarge(nodes:ties:limit:)`` before Graphviz starts, where a
    /// layout would take gigabytes and minutes and could end the process (Graphviz exits on an
    /// allocation failure). `nil` lays out any size. Default 250,000: about 0.9 GB and a minute
    /// (``Diagram/estimatedLayoutBytes``).
    public var layoutSizeLimit: Int?

    /// The default style.
    public init() {
        typeColors = [.economic: "#0072B2", .security: "#D55E00", .cultural: "#009E73"]
        extraTypeColors = ["#CC79A7", "#56B4E9", "#000000", "#E69F00", "#F0E442"]
        penWidthPerWeight = 0.7
        minimumPenWidth = 0.7
        maximumPenWidth = 3.5
        adversarialLineStyle = "dashed"
        kindShapes = [.state: "ellipse", .bloc: "box", .organization: "box"]
        extraKindShapes = ["hexagon", "octagon", "diamond", "house", "parallelogram"]
        roundedKinds = [.organization]
        nodeFillColor = "#FFFFFF"
        nodeLineColor = "#333333"
        fontName = "Helvetica"
        fontSize = 12
        sizedFontRange = 10...22
        titleFontSize = 18
        legendFontSize = 11
        showsLegend = true
        highlightPenFactor = 2.5
        fadedAlpha = "40"
        fadedTextColor = "#999999"
        splineNodeLimit = 40
        splineEdgeLimit = 120
        largeGraphNodeLimit = 300
        egoEdgeLength = 2
        isolatedNodeGap = 18
        layoutSizeLimit = 250_000
    }

    /// The colour of a relation type in a graph: its entry in ``typeColors``, or else the next of
    /// ``extraTypeColors`` in the order of the graph's types, or black.
    public func color(of type: RelationType, in graph: RelationGraph) -> String {
        if let color = typeColors[type] { return color }
        let others = graph.relationTypes.filter { typeColors[$0] == nil }
        guard !extraTypeColors.isEmpty, let position = others.firstIndex(of: type) else { return "#000000" }
        return extraTypeColors[position % extraTypeColors.count]
    }

    /// The shape of a node kind in a graph: its entry in ``kindShapes``, or else the next of
    /// ``extraKindShapes`` in the order of the graph's kinds, or `ellipse`.
    public func shape(of kind: NodeKind, in graph: RelationGraph) -> String {
        if let shape = kindShapes[kind] { return shape }
        let others = graph.nodeKinds.filter { kindShapes[$0] == nil }
        guard !extraKindShapes.isEmpty, let position = others.firstIndex(of: kind) else { return "ellipse" }
        return extraKindShapes[position % extraKindShapes.count]
    }

    /// The width of an edge of the given weight, alone: `weight × penWidthPerWeight`, within
    /// ``minimumPenWidth``…``maximumPenWidth``.
    public func penWidth(ofWeight weight: Double) -> Double {
        penWidth(ofWeight: weight, largestWeight: weight)
    }

    /// The width of an edge of the given weight in a drawing whose heaviest edge weighs
    /// `largestWeight`: by scaled value, `weight × penWidthPerWeight` while `largestWeight ×
    /// penWidthPerWeight` ≤ ``maximumPenWidth`` (so the 1-to-5 rubric spans 0.7 to 3.5 points), else
    /// `weight × maximumPenWidth / largestWeight` (trade volumes of 120 and 30 are drawn 3.5 and 0.875
    /// points wide, not 84 and 21); never below ``minimumPenWidth``.
    public func penWidth(ofWeight weight: Double, largestWeight: Double) -> Double {
        let perWeight = largestWeight * penWidthPerWeight > maximumPenWidth && largestWeight > 0
            ? maximumPenWidth / largestWeight : penWidthPerWeight
        let width = weight * perWeight
        return width.isFinite ? max(minimumPenWidth, width) : maximumPenWidth
    }

    /// Graph attributes that make each layout engine draw a readable relations diagram of a given size.
    ///
    /// Spline routing (`splines=true`, edges around the nodes rather than through them) is asked of
    /// neato and fdp only, and only up to ``splineNodeLimit`` nodes and ``splineEdgeLimit`` edges.
    /// In Graphviz 2.43, splines asked of sfdp, circo or twopi route differently on every call in
    /// one process, and circo can crash; so those engines lay out with straight edges, and the
    /// renderer then routes the edges around the nodes in a second pass, neato's no-op layout over
    /// their positions (see ``reroutesEdges(after:nodes:edges:)``). Routing splines is slow beyond a
    /// few dozen nodes. twopi's root is the centre of an ego view (`--around`). Overlap removal is
    /// asked up to ``largeGraphNodeLimit`` nodes.
    /// Whether the renderer routes the edges again around the nodes after an engine's layout: after
    /// twopi, circo and sfdp (which draw straight edges through nodes), for diagrams of up to
    /// ``splineNodeLimit`` nodes and ``splineEdgeLimit`` edges.
    func reroutesEdges(after layout: LayoutEngine, nodes: Int, edges: Int) -> Bool {
        [.twopi, .circo, .sfdp].contains(layout) && nodes <= splineNodeLimit && edges <= splineEdgeLimit
    }

    func layoutAttributes(for layout: LayoutEngine, nodes: Int, edges: Int) -> [(String, String)] {
        let small = nodes <= splineNodeLimit && edges <= splineEdgeLimit
        let medium = nodes <= largeGraphNodeLimit
        switch layout {
        case .dot:
            return [("rankdir", "LR"), ("nodesep", "0.35"), ("ranksep", "1.1")]
        case .neato:
            if small { return [("overlap", "false"), ("splines", "true"), ("sep", "+14"), ("esep", "+6")] }
            return medium ? [("overlap", "false"), ("sep", "+14")] : []
        case .fdp:
            if small { return [("overlap", "false"), ("sep", "+14"), ("K", "1.4"), ("splines", "true"), ("esep", "+6")] }
            return medium ? [("overlap", "false"), ("sep", "+14"), ("K", "1.4")] : [("K", "1.4")]
        case .sfdp:
            return medium ? [("overlap", "prism"), ("sep", "+14")] : []
        case .circo:
            return []
        case .twopi:
            return medium ? [("overlap", "false"), ("ranksep", "1.6")] : [("ranksep", "1.6")]
        }
    }
}
