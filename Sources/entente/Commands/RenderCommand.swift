import ArgumentParser
import Entente
import EntenteGraphviz

/// `entente render`: draws a relations diagram with Graphviz's libraries, in process.
///
/// Unlike the analysis commands, rendering keeps adversarial edges by default: a diagram of
/// relations shows the conflicts too (dashed). `--no-include-adversarial` (or `--cooperative-only`)
/// leaves them out. The input options (`--format`, `--directed`, `--types`) are those of every command.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a relations diagram (svg, png, pdf, dot, json, or an interactive html page) through Graphviz.",
        discussion: """
            The output format comes from the extension of -o unless --to is given; -o - writes to \
            standard output, as svg unless --to says otherwise. Edges are coloured by type, drawn as \
            wide as their weight, dashed when adversarial; the legend under the title explains them. \
            No Graphviz program is run: Entente links Graphviz's libraries. An .html page holds the \
            drawing with the graph's data: filters, search, evidence and a path finder, offline.
            """
    )

    @Argument(help: "The graph file to draw (.json, .csv, .dot, .gv).")
    var graph: String

    @Option(name: .shortAndLong, help: "The file to write (.svg, .png, .pdf, .dot, .gv, .json, .html), or - for standard output.")
    var output: String

    @Option(help: "Write this format whatever the extension of -o.")
    var to: OutputFormat?

    @Option(help: "The Graphviz layout engine.")
    var layout: LayoutEngine = .standard

    @OptionGroup var input: GraphInputOptions

    @Flag(inversion: .prefixedNo, help: "Draw adversarial edges, dashed (default: yes).")
    var includeAdversarial: Bool?

    @Flag(help: "Draw cooperative edges only (the same as --no-include-adversarial).")
    var cooperativeOnly = false

    @Option(help: ArgumentHelp("Draw only the nodes within --depth edges of this node.", valueName: "node"))
    var around: String?

    @Option(help: "How many edges away from --around to draw (default: 1).")
    var depth: Int?

    @Option(help: "The title over the diagram (default: the graph's name).")
    var title: String?

    @Option(parsing: .upToNextOption,
            help: ArgumentHelp("Emphasise the cheapest path between two nodes under --metric (over cooperative edges unless --include-adversarial).",
                               valueName: "from to"))
    var highlight: [String] = []

    @Option(help: "How --highlight and the distance measures of --size-by cost an edge: its weight (length), 1/weight (strength) or 1 (hops).")
    var metric: EdgeMetric = .strength

    @Option(help: ArgumentHelp("Scale nodes by a centrality of the drawn view: \(sizeMeasures.map(\.rawValue).joined(separator: ", ")).",
                               valueName: "measure"))
    var sizeBy: String?

    /// The measures --size-by accepts: those with one value per node.
    static let sizeMeasures = CentralityMeasure.allCases.filter(\.isNodeMeasure)

    /// The --size-by measure, or nil when none or an unknown one was given.
    var sizeMeasure: CentralityMeasure? {
        sizeBy.flatMap { CentralityMeasure(rawValue: $0.lowercased()) }.flatMap { $0.isNodeMeasure ? $0 : nil }
    }

    /// The format to write: --to, or the extension of -o, or svg for standard output.
    var outputFormat: OutputFormat? {
        if let to { return to }
        if output == "-" { return .svg }
        return OutputFormat(name: pathExtension(output))
    }

    func validate() throws {
        if outputFormat == nil {
            let name = pathExtension(output)
            throw ValidationError("cannot render format '\(name.isEmpty ? "(no extension)" : name)' (formats: "
                                  + OutputFormat.allCases.map(\.rawValue).joined(separator: ", ") + "); use --to")
        }
        if includeAdversarial == true && cooperativeOnly {
            throw ValidationError("--include-adversarial and --cooperative-only contradict each other")
        }
        if let depth {
            if depth < 0 { throw ValidationError("--depth must be 0 or more, not \(depth)") }
            if around == nil { throw ValidationError("--depth needs --around NODE") }
        }
        if !highlight.isEmpty && highlight.count != 2 {
            throw ValidationError("--highlight takes two nodes, FROM and TO (got \(highlight.count))")
        }
        if let sizeBy, sizeMeasure == nil {
            throw ValidationError("--size-by '\(sizeBy)' is not a node measure (measures: "
                                  + Self.sizeMeasures.map(\.rawValue).joined(separator: ", ") + ")")
        }
    }

    func run() throws {
        try reportingErrors {
            let loaded = try input.load(graph)
            let keepsAdversarial = includeAdversarial ?? !cooperativeOnly
            var view = GraphView(loaded, filter: .analysis(types: input.typeSet, includeAdversarial: keepsAdversarial,
                                                          kinds: input.kindSet))
            if let around {
                let center = try loaded.resolve(around, file: graph)
                view = view.ego(around: center, depth: depth ?? 1)
            }
            var diagram = Diagram(view, title: title)
            if highlight.count == 2 { diagram.highlight = try highlightedPath(in: view) }
            if let sizeMeasure {
                diagram.nodeSizes = try sizes(by: sizeMeasure, in: view)
                diagram.sizeCaption = sizeMeasure.usesMetric ? "\(sizeMeasure.rawValue) (\(metric.rawValue))" : sizeMeasure.rawValue
            }
            let format = outputFormat ?? .svg
            let bytes = format == .html
                ? try ExplorerPage.render(diagram, layout: layout, metric: metric)
                : try Renderer.render(diagram, as: format, layout: layout)
            try FileIO.writeAtomically(bytes, to: output)
        }
    }

    /// The cheapest path between the two --highlight nodes under --metric, found by the path engine
    /// in the drawn view: over its cooperative edges, or over all of them with --include-adversarial,
    /// as `entente path` would.
    private func highlightedPath(in view: GraphView) throws -> Highlight {
        let graph = view.graph
        let from = try graph.resolve(highlight[0], file: self.graph)
        let to = try graph.resolve(highlight[1], file: self.graph)
        for node in [from, to] where view.localIndex(ofNode: node) == nil {
            throw Failure("\(self.graph): \(graph.describe(node: node)) is not in the drawn view")
        }
        let searched = includeAdversarial == true ? view : view.filtered(.cooperative)
        let adjacency = WeightedAdjacency(searched, metric: metric)
        guard let source = adjacency.view.localIndex(ofNode: from),
              let target = adjacency.view.localIndex(ofNode: to),
              let path = adjacency.shortestPath(from: source, to: target) else {
            let kind = includeAdversarial == true ? "" : "cooperative "
            throw Failure("\(self.graph): no \(kind)path between \(graph.describe(node: from)) and "
                          + "\(graph.describe(node: to)) in the drawn view")
        }
        return Highlight(path)
    }

    /// The --size-by measure of every drawn node, by graph node index, over the drawn view under --metric.
    private func sizes(by measure: CentralityMeasure, in view: GraphView) throws -> [Int: Double] {
        let adjacency = WeightedAdjacency(view, metric: metric)
        guard case .nodes(let values) = try adjacency.centrality(measure) else { return [:] }
        return adjacency.view.byGraphNode(values)
    }
}

extension OutputFormat: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension LayoutEngine: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
