import ArgumentParser
import Entente

/// `--sort`.
extension TieOrder: NamedArgument, @retroactive ExpressibleByArgument {}

/// `entente ties` (or `neighbours`): one node's ties, grouped by type.
struct TiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ties",
        abstract: "List a node's ties by type: the other node, weight, polarity and, with --evidence, the quotes.",
        discussion: """
            Types follow the graph's order; within a type, ties are sorted by weight (heaviest first), \
            then by the other node's id; --sort year sorts them by since first (undated ties first), \
            then until (open ties last). Rivalries are listed too unless --cooperative-only. --json \
            always carries each tie's evidence and the sources it cites.
            """,
        aliases: ["neighbours"]
    )

    @Argument(help: "The graph file (\(readableExtensions)).")
    var graph: String

    @Argument(help: "The node: an id, label or alias, in any case.")
    var node: String

    @Flag(help: "Print each tie's quotes with the title of their source.")
    var evidence = false

    @Flag(help: "List cooperative ties only.")
    var cooperativeOnly = false

    @Flag(help: "Print the ties as JSON, with their evidence and the sources it cites.")
    var json = false

    @Option(help: "Sort the ties within a type by weight (default: heaviest first) or year (since, then until).")
    var sort: TieOrder = .weight

    @OptionGroup var input: GraphInputOptions

    func run() throws {
        try reportingErrors {
            let filter = input.filter(polarities: cooperativeOnly ? [.cooperative] : Set(Polarity.allCases))
            let ties = try input.readForAnalysis(graph).ties(of: node, filter: filter, order: sort)
            var output = Output()
            if json {
                try output.json(ties)
            } else {
                output.line(evidence ? ties.lines(evidence: true).joined(separator: "\n") : ties.description)
            }
            try output.flush()
        }
    }
}
