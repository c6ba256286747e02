import ArgumentParser
import Entente

/// `entente nodes`: every node with its names, kind, degree and strength.
struct NodesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nodes",
        abstract: "List the nodes: id, label, kind, degree, strength and aliases.",
        discussion: """
            One row per node, in file order. degree counts the distinct nodes a node is tied to \
            (parallel edges once), strength sums the weights of its ties (parallel edges each), both \
            over cooperative ties unless --include-adversarial, and over the ties --types, \
            --exclude-types, --kinds and --at keep. --csv joins aliases with '|'.
            """
    )

    @Argument(help: "The graph file (\(readableExtensions)).")
    var graph: String

    @Flag(help: "Print the nodes as JSON.")
    var json = false

    @Flag(help: "Print the nodes as CSV with a header.")
    var csv = false

    @OptionGroup var analysis: AnalysisOptions

    func validate() throws {
        if json && csv { throw ValidationError("--json and --csv cannot be used together") }
    }

    func run() throws {
        try reportingErrors {
            let list = try analysis.input.readForAnalysis(graph).nodeList(filter: analysis.filter)
            var output = Output()
            if json {
                try output.json(list)
            } else if csv {
                output.line("id,label,kind,aliases,degree,strength")
                for row in list.rows {
                    let cells = [row.node.id, row.node.label, row.node.kind.name, row.node.aliases.joined(separator: "|"),
                                 String(row.degree), TextFormat.number(row.strength)]
                    output.line(cells.map(CSVEdgeList.escape).joined(separator: ","))
                }
            } else {
                output.line(list.description)
            }
            try output.flush()
        }
    }
}
