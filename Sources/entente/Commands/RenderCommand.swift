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

    @Option(help: "Write this format (svg, png, pdf, dot, json) whatever the extension of -o.")
    var to: OutputFormat?

    @Option(help: "Graphviz layout engine: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")) (default: \(LayoutEngine.standard)).")
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
            help: ArgumentHelp("Emphasise a shortest path between two nodes (by hops, over cooperative edges).",
                               valueName: "from to"))
    var highlight: [String] = []

    @Option(help: ArgumentHelp("Scale nodes by a measure of the drawn view: degree.", valueName: "measure"))
    var sizeBy: String?

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
        // MERGE: accept every measure of the centrality engine here (and compute it in run()).
        if let sizeBy, sizeBy.lowercased() != "degree" {
            throw ValidationError("--size-by '\(sizeBy)' is not a measure this command knows (measures: degree)")
        }
    }

    func run() throws {
        try reportingErrors {
            let loaded = try input.load(graph)
            let keepsAdversarial = includeAdversarial ?? !cooperativeOnly
            var view = GraphView(loaded, filter: .analysis(types: input.typeSet, includeAdversarial: keepsAdversarial))
            if let around {
                let center = try loaded.resolve(around, file: graph)
                view = view.ego(around: center, depth: depth ?? 1)
            }
            var diagram = Diagram(view, title: title)
            if highlight.count == 2 { diagram.highlight = try highlightedPath(in: view) }
            if sizeBy != nil {
                diagram.nodeSizes = degrees(in: view)
                diagram.sizeCaption = "degree"
            }
            let format = outputFormat ?? .svg
            let bytes = try Renderer.render(diagram, as: format, layout: layout)
            try FileIO.writeAtomically(bytes, to: output)
        }
    }

    /// The nodes and edges of a shortest path by hops between the two --highlight nodes, over the
    /// cooperative edges of the drawn view.
    ///
    /// MERGE: replace this breadth-first search with the path engine
    /// (`WeightedAdjacency.shortestPath(from:to:)`, strength metric by default) and add `--metric`.
    private func highlightedPath(in view: GraphView) throws -> Highlight {
        let graph = view.graph
        let from = try graph.resolve(highlight[0], file: self.graph)
        let to = try graph.resolve(highlight[1], file: self.graph)
        for node in [from, to] where view.localIndex(ofNode: node) == nil {
            throw Failure("\(self.graph): \(graph.describe(node: node)) is not in the drawn view")
        }
        let adjacency = WeightedAdjacency(view.filtered(.cooperative), metric: .hops)
        guard let source = adjacency.view.localIndex(ofNode: from),
              let target = adjacency.view.localIndex(ofNode: to) else { return Highlight(nodes: [], edges: []) }
        var arcInto = [Int](repeating: -1, count: adjacency.nodeCount)
        var parent = [Int](repeating: -1, count: adjacency.nodeCount)
        var reached = [Bool](repeating: false, count: adjacency.nodeCount)
        reached[source] = true
        var queue = [source]
        var head = 0
        while head < queue.count && !reached[target] {
            let node = queue[head]
            head += 1
            for arc in adjacency.offsets[node]..<adjacency.offsets[node + 1] {
                let next = Int(adjacency.targets[arc])
                if !reached[next] {
                    reached[next] = true
                    arcInto[next] = arc
                    parent[next] = node
                    queue.append(next)
                }
            }
        }
        guard reached[target] else {
            throw Failure("\(self.graph): no cooperative path between \(graph.describe(node: from)) and "
                          + "\(graph.describe(node: to)) in the drawn view")
        }
        var nodes = [adjacency.view.nodeIndices[target]]
        var edges: [Int] = []
        var node = target
        while node != source {
            let arc = arcInto[node]
            edges.append(Int(adjacency.edgeIndices[arc]))
            node = parent[node]
            nodes.append(adjacency.view.nodeIndices[node])
        }
        return Highlight(nodes: nodes.reversed(), edges: edges.reversed())
    }

    /// The number of drawn edges at each drawn node, by graph node index.
    ///
    /// MERGE: `--size-by` other measures come from the centrality engine.
    private func degrees(in view: GraphView) -> [Int: Double] {
        var degree: [Int: Double] = [:]
        for index in view.nodeIndices { degree[index] = 0 }
        for edge in view.edges {
            degree[edge.source, default: 0] += 1
            degree[edge.target, default: 0] += 1
        }
        return degree
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
