import ArgumentParser
import Entente

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Summarise a graph: nodes, edges per type and polarity, kinds, sources, components."
    )

    @Argument(help: "The graph file (.json, .csv, .dot, .gv).")
    var graph: String

    @OptionGroup var file: GraphFileOptions

    @Flag(help: "Print the summary as JSON.")
    var json = false

    func run() throws {
        try reportingErrors {
            let loaded = try file.read(graph)
            let summary = GraphSummary(loaded)
            if json {
                print(summary.json.rendered(pretty: false))
                return
            }
            print("name:        \(summary.name)")
            print("directed:    \(summary.isDirected ? "yes" : "no")")
            print("nodes:       \(summary.nodeCount)")
            print("edges:       \(summary.edgeCount)")
            print("components:  \(summary.components)")
            print("types:       " + summary.types.map { "\($0.type) \($0.count)" }.joined(separator: ", "))
            print("polarities:  " + summary.polarities.map { "\($0.polarity) \($0.count)" }.joined(separator: ", "))
            print("kinds:       " + summary.kinds.map { "\($0.kind) \($0.count)" }.joined(separator: ", "))
            if summary.sources.isEmpty {
                print("sources:     none")
            } else {
                print("sources:")
                for source in summary.sources {
                    let origin = source.file.map { "file \($0)" } ?? source.citation.map { "citation: \($0)" } ?? ""
                    print("  \(source.id): \(source.title)" + (origin.isEmpty ? "" : " (\(origin))"))
                }
            }
        }
    }
}
