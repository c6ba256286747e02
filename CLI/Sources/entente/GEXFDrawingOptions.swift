import ArgumentParser
import Entente
import EntenteGraphviz

/// `entente convert` options for GEXF output: what Gephi draws besides the graph.
///
/// Edge colours (by type, the diagram palette) and thicknesses (the weight) are always written;
/// node sizes only with `--size-by`, positions only with `--layout`.
struct GEXFDrawingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("GEXF: size nodes by a centrality over the cooperative edges, strong ties short "
                               + "(as `entente centrality` computes it): \(sizeMeasures.map(\.rawValue).joined(separator: ", ")).",
                               valueName: "measure"))
    var sizeBy: String?

    @Option(help: ArgumentHelp("GEXF: lay the graph out with this Graphviz engine and write the node positions.",
                               valueName: "engine"))
    var layout: LayoutEngine?

    /// The measures --size-by accepts: those with one value per node.
    static let sizeMeasures = CentralityMeasure.allCases.filter(\.isNodeMeasure)

    /// The --size-by measure, or nil when none or an unknown one was given.
    var sizeMeasure: CentralityMeasure? {
        sizeBy.flatMap { CentralityMeasure(rawValue: $0.lowercased()) }.flatMap { $0.isNodeMeasure ? $0 : nil }
    }

    /// Whether any of the options was given.
    var isEmpty: Bool { sizeBy == nil && layout == nil }

    func validate() throws {
        if let sizeBy, sizeMeasure == nil {
            throw ValidationError("--size-by '\(sizeBy)' is not a node measure (measures: "
                                  + Self.sizeMeasures.map(\.rawValue).joined(separator: ", ") + ")")
        }
    }

    /// The drawing to write with a graph: the diagram palette, and sizes and positions when asked for.
    func drawing(of graph: RelationGraph) throws -> GEXFDrawing {
        var positions: [String: NodePosition] = [:]
        if let layout { positions = try Renderer.nodePositions(of: try Diagram(graph), layout: layout) }
        var drawing = GEXFDrawing(graph, positions: positions)
        if let sizeMeasure, !graph.nodes.isEmpty {
            for entry in try graph.analysis().centrality(sizeMeasure) { drawing.nodeSizes[entry.id] = entry.value }
            drawing.sizeCaption = sizeMeasure.rawValue
        }
        return drawing
    }
}
