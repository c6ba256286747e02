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
        abstract: "Render a relations diagram (svg, png, pdf, dot, json) through Graphviz.",
        discussion: """
            The output format comes from the extension of -o unless --to is given; -o - writes to \
            standard output, as svg unless --to says otherwise. Edges are coloured by type, drawn as \
            wide as their weight, dashed when adversarial; the legend under the title explains them. \
            No Graphviz program is run: Entente links Graphviz's libraries.
            """
    )

    @Argument(help: "The graph file to draw (.json, .csv, .dot, .gv).")
    var graph: String

    @Option(name: .shortAndLong, help: "The file to write (.svg, .png, .pdf, .dot, .gv, .json), or - for standard output.")
    var output: String

    @Option(help: "Write this format whatever the extension of -o.")
    var to: OutputFormat?

    @Option(help: "The Graphviz layout engine (default: neato, or sfdp for a diagram of over 300 nodes).")
    var layout: LayoutEngine?

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
            let loaded = try input.file.read(graph)
            let keepsAdversarial = includeAdversarial ?? !cooperativeOnly
            let filter = input.filter(polarities: keepsAdversarial ? Set(Polarity.allCases) : [.cooperative],
                                      around: around, depth: depth ?? 1)
            var diagram = try Diagram(loaded, showing: filter, title: title)
            if highlight.count == 2 || sizeMeasure != nil {
                // Paths and sizes are those of the drawn view, over its cooperative edges unless
                // --include-adversarial, as `entente path` and `entente centrality` would find them.
                var analysed = filter
                if includeAdversarial != true { analysed.polarities = [.cooperative] }
                if highlight.count == 2 {
                    for name in highlight {
                        let node = try loaded.node(named: name)
                        if let index = loaded.index(of: node.id), diagram.view.localIndex(ofNode: index) == nil {
                            throw Failure("\(graph): \(loaded.describe(node: index)) is not in the drawn view: "
                                          + filter.absenceReason(of: index, in: loaded))
                        }
                    }
                    let analysis = try Analysis(loaded, filter: analysed, metric: metric)
                    guard let path = try analysis.shortestPath(from: highlight[0], to: highlight[1]) else {
                        let kind = includeAdversarial == true ? "" : "cooperative "
                        throw Failure("\(graph): no \(kind)path between \(try analysis.node(named: highlight[0]).id) and "
                                      + "\(try analysis.node(named: highlight[1]).id) in the drawn view")
                    }
                    diagram.highlight = path
                }
                if let sizeMeasure {
                    diagram.nodeSizes = try Analysis(loaded, filter: filter, metric: metric).centrality(sizeMeasure)
                }
            }
            let bytes = try Renderer.render(diagram, as: outputFormat ?? .svg, layout: layout)
            try FileIO.writeAtomically(bytes, to: output)
        }
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
