import ArgumentParser
import Entente
import EntenteGraphviz
import Foundation

/// `entente communities`: blocs, by Louvain or Leiden community detection.
struct CommunitiesCommand: AsyncParsableCommand {
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

            --from Y1 --to Y2 [--step N] finds the blocs of every year of the range instead, each \
            year's view as --at YEAR takes it, and labels them consistently from year to year: the \
            first year's blocs are numbered 1, 2, … largest first; each later year's are matched to the \
            previous year's greedily by Jaccard overlap (shared members / members of either), highest \
            first, and a bloc left unmatched gets the next new number. A row per year gives the number \
            of blocs, the modularity and, for each node named by --nodes, its bloc's label (blank when \
            it is in none). --csv prints the same columns; --json every year's labelled blocs; \
            -o chart.svg|png|pdf draws the modularity.
            """
    )

    @Argument(help: "The graph file (\(readableExtensions)).")
    var graph: String

    @OptionGroup var community: CommunityOptions

    @Flag(help: "Print the communities as JSON.")
    var json = false

    @OptionGroup var sweepOptions: YearSweepOptions

    @Option(help: "In a sweep, the nodes whose bloc label to show, comma-separated (ids, labels or aliases).")
    var nodes: String?

    @OptionGroup var analysis: AnalysisOptions

    func validate() throws {
        if analysis.includeAdversarial && !community.signed {
            throw ValidationError("--include-adversarial needs --signed: without it communities use cooperative ties only")
        }
        try sweepOptions.check(json: json, input: analysis.input, command: "communities", extra: nodes == nil ? [] : ["--nodes"])
        if let nodes, nodes.split(separator: ",").allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
            throw ValidationError("--nodes '\(nodes)' names no node")
        }
    }

    func run() async throws {
        if let years = sweepOptions.years {
            try await sweep(years)
            return
        }
        try reportingErrors {
            var options = analysis
            options.includeAdversarial = community.signed
            let result = try community.communities(of: try options.analysis(of: graph, metric: .strength), file: graph)
            var output = Output()
            try output.result(result, asJSON: json)
            try output.flush()
        }
    }
}

extension CommunitiesCommand {
    /// `--from --to`: a row per year, blocs labelled across years.
    private func sweep(_ years: ClosedRange<Int>) async throws {
        try await reportingErrors {
            var options = analysis
            options.includeAdversarial = community.signed
            let analysed = try options.analysis(of: graph, metric: .strength, notingYears: false)
            let named = try nodes.map { list in
                try list.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
                    .map { try analysed.graph.node(named: $0).id }
            } ?? []
            let bar = TerminalProgress(label: "communities \(years.lowerBound)–\(years.upperBound)", quiet: sweepOptions.quiet)
            let timeline: CommunityTimeline
            do {
                timeline = try await analysed.communityTimeline(
                    years: years, step: sweepOptions.stepValue, method: community.methodValue, resolution: community.resolutionValue,
                    seed: community.seedValue, signed: community.signed, signRule: community.signRule ?? .negativeWins,
                    progress: bar?.handler
                ).showing(named)
            } catch let error as CommunityError {
                throw Failure("\(graph): \(error)")
            }
            bar?.finish()
            if let output = sweepOptions.output {
                let title = "modularity of \(community.signed ? "signed " : "")blocs, \(analysed.filter.description(in: analysed.graph)), "
                    + "\(years.lowerBound)–\(years.upperBound)" + sweepOptions.stepPhrase
                try ChartRenderer.render(timeline.chart(title: title), to: output)
                return
            }
            var out = Output()
            if json {
                try out.json(timeline)
            } else if sweepOptions.csv {
                out.line((["year", "blocs", "modularity"] + named).map(CSVEdgeList.escape).joined(separator: ","))
                for row in timeline.years {
                    let labels = named.map { id in timeline.label(of: id, in: row.year).map(String.init) ?? "" }
                    out.line(([String(row.year), String(row.blocs.count), TextFormat.number(row.modularity)] + labels).joined(separator: ","))
                }
            } else {
                out.line(timeline.description)
            }
            try out.flush()
        }
    }
}
