import ArgumentParser
import Entente

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Summarise a graph: nodes, edges per type and polarity, kinds, sources, components.",
        discussion: """
            --at YEAR counts only the nodes that exist in that year (their since, until and spells) \
            and the ties that hold in it (since ≤ YEAR or no since, and no until or until ≥ YEAR). --timeline prints, instead of the summary, per year the ties that \
            begin (+, their since) and end (-, their until), then how many ties carry no year.
            """
    )

    @Argument(help: "The graph file (\(readableExtensions); - with --format for standard input).")
    var graph: String

    @OptionGroup var file: GraphFileOptions

    @Option(help: ArgumentHelp("Only the nodes that exist in this year and the ties that hold in it: since ≤ YEAR (or no since) and no until, or until ≥ YEAR.",
                               valueName: "year"))
    var at: Int?

    @Flag(help: "Print per year the ties that begin and end, instead of the summary.")
    var timeline = false

    @Flag(help: "Print the summary (or the timeline) as JSON.")
    var json = false

    func run() throws {
        try reportingErrors {
            let loaded = try file.read(graph)
            var filter = RelationFilter.everything
            filter.year = at
            var output = Output()
            if timeline {
                let years = loaded.timeline(filter: filter)
                if json {
                    try output.json(years)
                } else {
                    for line in years.lines(directed: loaded.isDirected) { output.line(line) }
                }
                try output.flush()
                return
            }
            let summary = GraphSummary(loaded, filter: filter)
            try output.result(summary, asJSON: json)
            try output.flush()
        }
    }
}
