import ArgumentParser
import Entente
import EntenteGraphviz
import EntenteExact

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

            --diff BASE draws the graph against BASE (ties matched per pair and type, as `entente diff` \
            matches them): added ties bold with a + label, removed ties (BASE's) faded and dotted, a \
            changed weight labelled 3→5, a flipped polarity as a double line labelled with the signed \
            weights (−2→+3); added nodes get a double outline, removed ones are faded. Type colours \
            stay as they are; the legend explains each mark used.

            A filtered diagram (--types, --exclude-types, --kinds, --at, --around, --cooperative-only) \
            says so in its default title. Nodes left without a drawn edge are drawn apart under the \
            rest unless --drop-isolated. For png and pdf, characters that no installed font covers \
            are named in one warning on standard error, with the font package to install.

            --balance fills the nodes by the two camps of the structural balance split that `entente \
            balance` finds for the drawn view (camp 0 light blue, camp 1 light yellow) and draws each \
            frustrated tie in its type's colour cased in black, labelled ✗; --weighted counts net \
            weights as `entente balance --weighted` does. --color-by community fills the nodes by \
            community of the drawn view, found as `entente communities` finds them (--method, \
            --resolution, --seed, --signed), largest first, from a colour-blind-safe palette of eight \
            fills; further communities share a grey fill, "other". The legend names each fill.
            """
    )

    @Argument(help: "The graph file to draw (\(readableExtensions)).")
    var graph: String

    @Option(name: .shortAndLong, help: "The file to write (.svg, .png, .pdf, .dot, .gv, .json, .html), or - for standard output.")
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

    // Unconditional parsing so that `--depth -3` reaches validate() instead of reading as an option.
    @Option(parsing: .unconditional, help: "How many edges away from --around to draw (default: 1).")
    var depth: Int?

    @Option(help: "The title over the diagram (default: the graph's name and what the filters keep, as in \"…: security ties\"); \"\" draws none.")
    var title: String?

    @Flag(help: "Leave out nodes that no drawn edge touches (default: drawn apart, in rows under the rest).")
    var dropIsolated = false

    @Flag(help: "Lay out a drawing of more than 250,000 nodes and ties together (about 0.9 GB and a minute with sfdp), which is otherwise refused before Graphviz starts.")
    var force = false

    @Option(parsing: .upToNextOption,
            help: ArgumentHelp("Emphasise the cheapest path between two nodes under --metric (over cooperative edges unless --include-adversarial).",
                               valueName: "from to"))
    var highlight: [String] = []

    @Option(help: ArgumentHelp("Draw the changes from this graph to GRAPH (read with the same --format and --directed).",
                               valueName: "base"))
    var diff: String?

    @Option(help: "How --highlight and the distance measures of --size-by cost an edge: its weight (length), 1/weight (strength) or 1 (hops).")
    var metric: EdgeMetric = .strength

    @Option(help: ArgumentHelp("Scale nodes by a centrality of the drawn view: \(sizeMeasures.map(\.rawValue).joined(separator: ", ")).",
                               valueName: "measure"))
    var sizeBy: String?

    @Flag(help: "Fill the nodes by the two camps of the structural balance split (as `entente balance` finds it) and mark its frustrated ties.")
    var balance = false

    @Flag(help: "With --balance: ties count their net weight (cooperative minus adversarial), not ±1.")
    var weighted = false

    @Option(help: ArgumentHelp("Fill the nodes by group: \(Self.colorKeys.joined(separator: ", ")) (with --method, --resolution, --seed, --signed as `entente communities` takes them).",
                               valueName: "groups"))
    var colorBy: String?

    @OptionGroup var community: CommunityOptions

    @Option(parsing: .unconditional,
            help: "Attenuation for --size-by katz (default 0.9/λmax, computed) or damping for --size-by pagerank (default 0.85).")
    var alpha: Double?

    /// The groups --color-by accepts.
    static let colorKeys = ["community"]

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
        return OutputFormat(name: FileIO.pathExtension(output))
    }

    func validate() throws {
        if outputFormat == nil {
            let name = FileIO.pathExtension(output)
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
        if diff != nil && !highlight.isEmpty {
            throw ValidationError("--diff and --highlight cannot be used together: both fade what they do not mark")
        }
        if let sizeBy, sizeMeasure == nil {
            throw ValidationError("--size-by '\(sizeBy)' is not a node measure (measures: "
                                  + Self.sizeMeasures.map(\.rawValue).joined(separator: ", ") + ")")
        }
        try validateColoring()
        if let alpha {
            guard sizeMeasure == .katz || sizeMeasure == .pagerank else {
                throw ValidationError("--alpha needs --size-by katz or --size-by pagerank")
            }
            if !alpha.isFinite || alpha <= 0 {
                throw ValidationError("--alpha must be a positive number, not \(alpha.isFinite ? TextFormat.number(alpha) : "\(alpha)")")
            }
            if sizeMeasure == .pagerank && alpha >= 1 {
                throw ValidationError("--alpha for pagerank must be between 0 and 1, not \(TextFormat.number(alpha))")
            }
        }
    }

    /// Checks --balance, --weighted, --color-by and the community options against each other.
    private func validateColoring() throws {
        if let colorBy, !Self.colorKeys.contains(colorBy.lowercased()) {
            if ["camp", "camps", "balance"].contains(colorBy.lowercased()) {
                throw ValidationError("--color-by '\(colorBy)': the two camps of structural balance are drawn by --balance")
            }
            let close = TextFormat.closestNames(to: colorBy, among: Self.colorKeys)
            throw ValidationError("--color-by '\(colorBy)' is not known (values: \(Self.colorKeys.joined(separator: ", ")))"
                                  + (close.isEmpty ? "" : "; did you mean '\(close.joined(separator: "' or '"))'?"))
        }
        if balance && colorBy != nil {
            throw ValidationError("--balance and --color-by both fill the nodes: choose one")
        }
        if weighted && !balance { throw ValidationError("--weighted needs --balance") }
        if colorBy == nil, let option = community.given.first {
            throw ValidationError("\(option) needs --color-by community")
        }
        let coloring = balance ? "--balance" : colorBy != nil ? "--color-by" : nil
        if let coloring {
            if diff != nil { throw ValidationError("--diff and \(coloring) cannot be used together: both mark the nodes") }
            if !highlight.isEmpty {
                throw ValidationError("--highlight and \(coloring) cannot be used together: the highlight fades what the fills show")
            }
        }
        if includeAdversarial == false || cooperativeOnly {
            if balance { throw ValidationError("--balance needs the adversarial ties that split the camps: drop --cooperative-only or --no-include-adversarial") }
            if community.signed { throw ValidationError("--signed needs adversarial ties: drop --cooperative-only or --no-include-adversarial") }
        }
    }

    func run() throws {
        try reportingErrors {
            let loaded = try input.readForAnalysis(graph)
            let keepsAdversarial = includeAdversarial ?? !cooperativeOnly
            let filter = input.filter(polarities: keepsAdversarial ? Set(Polarity.allCases) : [.cooperative],
                                      around: around, depth: depth ?? 1)
            var diagram: Diagram
            if let diff {
                diagram = try Diagram(loaded, comparedWith: try input.read(diff), showing: filter, title: title)
            } else {
                diagram = try Diagram(loaded, showing: filter, title: title)
            }
            if dropIsolated { diagram.isolatedNodes = .omitted }
            if highlight.count == 2 || sizeMeasure != nil {
                // Paths and sizes are those of the drawn view, over its cooperative edges unless
                // --include-adversarial, as `entente path` and `entente centrality` would find them.
                var analysed = filter
                if includeAdversarial != true { analysed.polarities = [.cooperative] }
                if highlight.count == 2 {
                    let path: RelationPath?
                    do {
                        path = try diagram.highlightShortestPath(from: highlight[0], to: highlight[1],
                                                                 polarities: analysed.polarities, metric: metric)
                    } catch GraphError.notInView(_, let node, let reason) {
                        throw Failure("\(graph): \(node) is not in the drawn view: \(reason.words(naming: \.flag))")
                    }
                    if path == nil {
                        let kind = includeAdversarial == true ? "" : "cooperative "
                        throw Failure("\(graph): no \(kind)path between \(try loaded.node(named: highlight[0]).id) and "
                                      + "\(try loaded.node(named: highlight[1]).id) in the drawn view")
                    }
                }
                if let sizeMeasure {
                    // Over the analysed ties (cooperative unless --include-adversarial), as `entente
                    // centrality` and `convert --size-by` compute them, not over every drawn edge.
                    let sizes = try Analysis(loaded, filter: analysed, metric: metric).centrality(sizeMeasure, alpha: alpha)
                    if let note = katzAlphaNote(sizes) { printError(note) }
                    diagram.nodeSizes = sizes
                }
            }
            if balance {
                // The camps of `entente balance` (default sign rule, exact with CBC when it is installed).
                let report = try loaded.structuralBalance(of: filter, signs: weighted ? .weighted : .unweighted,
                                                          solver: CBCSolver())
                if !report.frustration.isExact {
                    printError("entente: balance: the camps are the best split found, not proven optimal "
                               + "(frustration \(TextFormat.number(report.frustration.value, significantDigits: 6)), bound "
                               + "\(TextFormat.number(report.frustration.bound, significantDigits: 6)))"
                               + (report.frustration.solverFailure.map { ": " + $0 } ?? ""))
                }
                diagram.nodeColoring = .camps(report)
            }
            if colorBy != nil {
                var analysed = filter
                analysed.polarities = community.signed ? Set(Polarity.allCases) : [.cooperative]
                let blocs = try community.communities(of: try Analysis(loaded, filter: analysed), file: graph)
                let palette = NodeColoring.communityFills.count
                if blocs.count > palette {
                    let rest = blocs.count == palette + 1 ? "community \(blocs.count) gets" : "communities \(palette + 1) to \(blocs.count) share"
                    printError("entente: \(blocs.count) communities, \(palette) fills: \(rest) the grey fill 'other'")
                }
                diagram.nodeColoring = .communities(blocs)
            }
            let format = outputFormat ?? .svg
            if force { diagram.style.layoutSizeLimit = nil }
            if let missing = Renderer.missingGlyphs(in: diagram, as: format) { printError("entente: warning: \(missing.debianAdvice)") }
            let bytes: [UInt8]
            do {
                bytes = format == .html
                    ? try ExplorerPage.render(diagram, layout: layout ?? diagram.standardLayout, metric: metric)
                    : try Renderer.render(diagram, as: format, layout: layout)
            } catch GraphvizError.tooLarge(let nodes, let ties, let limit) {
                let gigabytes = Double(diagram.estimatedLayoutBytes) / 1e9
                let minutes = max(1, Int((diagram.estimatedLayoutSeconds / 60).rounded()))
                throw Failure("\(graph): the drawing has \(TextFormat.grouped(nodes)) nodes and \(TextFormat.grouped(ties)) ties, more than the "
                              + "\(TextFormat.grouped(limit)) together that render lays out (Graphviz would need about "
                              + "\(TextFormat.number(gigabytes, significantDigits: 2)) GB and \(minutes) min); draw a part of it with --around, "
                              + "--types, --min-weight or --at, or give --force")
            }
            try FileIO.writeAtomically(bytes, to: output)
        }
    }
}

extension OutputFormat: @retroactive ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// `--layout`.
extension LayoutEngine: NamedArgument, @retroactive ExpressibleByArgument {}

extension MissingGlyphs {
    /// The warning with Debian's package for each font family (the platform `make deps` installs
    /// on): `no installed font has glyphs for '北京' (Han); install fonts-noto-cjk (Debian's package name)`.
    var debianAdvice: String {
        let packages = fontFamilies.map { family in
            switch family {
            case "Noto Sans CJK": return "fonts-noto-cjk"
            case "Noto Color Emoji": return "fonts-noto-color-emoji"
            case "Noto Sans": return "fonts-noto-core"
            default: return "fonts-noto"
            }
        }
        return cause + "; install \(packages.joined(separator: " and ")) (Debian's package \(packages.count == 1 ? "name" : "names"))"
    }
}
