import ArgumentParser
import Entente

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Summarise a graph: nodes, edges per type and polarity, kinds, sources, components."
    )

    @Argument(help: "The graph file (.json, .csv, .dot, .gv; - with --format for standard input).")
    var graph: String

    @OptionGroup var file: GraphFileOptions

    @Flag(help: "Print the summary as JSON.")
    var json = false

    func run() throws {
        try reportingErrors {
            let summary = GraphSummary(try file.read(graph))
            var output = Output()
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
