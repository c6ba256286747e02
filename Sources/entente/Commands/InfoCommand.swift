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
            if json {
                try output.json(summary)
            } else {
                output.line("name:        \(summary.name)")
                output.line("directed:    \(summary.isDirected ? "yes" : "no")")
                output.line("nodes:       \(summary.nodeCount)")
                output.line("edges:       \(summary.edgeCount)")
                output.line("components:  \(summary.components)")
                output.line("types:       " + summary.types.map { "\($0.name) \($0.count)" }.joined(separator: ", "))
                output.line("polarities:  " + summary.polarities.map { "\($0.name) \($0.count)" }.joined(separator: ", "))
                output.line("kinds:       " + summary.kinds.map { "\($0.name) \($0.count)" }.joined(separator: ", "))
                if summary.sources.isEmpty {
                    output.line("sources:     none")
                } else {
                    output.line("sources:")
                    for source in summary.sources {
                        let origin = source.file.map { "file \($0)" } ?? source.citation.map { "citation: \($0)" } ?? ""
                        output.line("  \(source.id): \(source.title)" + (origin.isEmpty ? "" : " (\(origin))"))
                    }
                }
            }
            try output.flush()
        }
    }
}
