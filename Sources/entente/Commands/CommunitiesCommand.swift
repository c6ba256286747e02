import ArgumentParser
import Entente
import Foundation

/// `entente communities`: blocs, by Louvain or Leiden community detection.
struct CommunitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "communities",
        abstract: "Blocs: communities of nodes tied more closely to each other than to the rest.",
        discussion: """
            Finds the partition of the nodes with the highest modularity by Louvain or Leiden (the \
            default; its communities are connected) on weighted cooperative ties: the weights of the \
            edges between two nodes are summed, direction ignored. --signed gives each pair the sign \
            and weight of its cooperative weights minus its adversarial ones (a pair that sums to zero \
            is no tie) and optimises Traag & Bruggeman's signed modularity, which rewards rivals in \
            different blocs; it includes adversarial edges. --types and --kinds choose the edges and \
            nodes first.

            The node order is shuffled from --seed, so the same seed gives the same blocs (another seed \
            may give others). Small graphs get several runs, 100,000 / (nodes + ties) of them and at most \
            10 (one run from 50,000 nodes and ties up): the first from --seed, the others from seeds \
            drawn from it; the partition with the highest modularity is kept.

            Prints the method, the modularity and the number of communities, then one community per \
            line, largest first (then by first id), ids in id order. Nodes without a tie in the view \
            (under --at YEAR, states of that year that have none) form no community: they are listed \
            apart, on a last line "isolated: N nodes: ids". --json prints \
            {"method","signed","resolution","seed","modularity","communities":[[ids]],"isolated":[ids]} \
            in that order.
            """
    )

    @Argument(help: "The graph file (\(readableExtensions)).")
    var graph: String

    @OptionGroup var community: CommunityOptions

    @Flag(help: "Print the communities as JSON.")
    var json = false

    @OptionGroup var analysis: AnalysisOptions

    func validate() throws {
        if analysis.includeAdversarial && !community.signed {
            throw ValidationError("--include-adversarial needs --signed: without it communities use cooperative ties only")
        }
    }

    func run() throws {
        try reportingErrors {
            var options = analysis
            options.includeAdversarial = community.signed
            let result = try community.communities(of: try options.analysis(of: graph, metric: .strength), file: graph)
            var output = Output()
            if json {
                try output.json(result)
            } else {
                output.line(result.description)
            }
            try output.flush()
        }
    }
}
