import ArgumentParser
import Entente

/// `entente balance`: structural balance of the signed graph (triangles, walk index, frustration).
struct BalanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "balance",
        abstract: "Structural balance: is the region balanced, and which ties stand in the way.",
        discussion: """
            Signs: per pair of nodes, the sign of (sum of cooperative weights - sum of adversarial \
            weights) over the edges kept by --types and --kinds; a pair that sums to zero is no tie, and \
            edge direction is ignored. Adversarial edges are always included. By default every tie \
            counts +1 or -1 (unweighted); --weighted makes it count its net weight in the walk index \
            and the frustration index (triangle counts depend on signs only).

            Prints the triangles by sign pattern (+++ and +-- balanced, ++- and --- unbalanced), the \
            walk-based balance of Estrada & Benzi, K = tr(exp(A)) / tr(exp(|A|)) (1 = balanced; n/a for \
            components of more than 1000 nodes), and \
            the frustration index: the fewest ties (weighted: least total weight) whose sign disagrees \
            with a split of the nodes into two camps, and that split. It is exact for components of up \
            to 64 nodes within the search budget, otherwise the best split a seeded local search finds \
            ("not exact", with a proven lower bound). Camp 0 holds the first node in file order. Then \
            every unbalanced triangle with its ties, the frustrated ties, the camps, and per node the \
            triangles through it, the unbalanced ones and the frustrated ties it touches. Lists are \
            sorted by node ids; --json also gives each listed tie's edges and evidence.
            """
    )

    @Argument(help: "The graph file (\(readableExtensions)).")
    var graph: String

    @Flag(help: "Ties count their net weight (cooperative minus adversarial), not ±1.")
    var weighted = false

    @Flag(help: "Print the report as JSON.")
    var json = false

    @OptionGroup var input: GraphInputOptions

    func run() throws {
        try reportingErrors {
            let loaded = try input.file.read(graph)
            let report = try loaded.structuralBalance(of: input.filter(polarities: [.cooperative, .adversarial]),
                                                      signs: weighted ? .weighted : .unweighted)
            var output = Output()
            if json {
                try output.json(report)
            } else {
                output.line(report.description)
            }
            try output.flush()
        }
    }
}
