import ArgumentParser
import Entente
import Foundation

/// `entente centrality`: one centrality measure (or all of them) for every node of a filtered graph.
struct CentralityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "centrality",
        abstract: "Centrality of every node: who is the hub.",
        discussion: """
            Distance measures (closeness, harmonic, betweenness, edge-betweenness) follow --metric; the \
            default, strength, makes strong ties short (cost = 1/weight), as `entente path` does. degree \
            counts neighbours; strength, eigenvector, pagerank and katz use the summed edge weights. \
            Values agree with networkx (see Tests/EntenteTests/Fixtures/README.md).

            The table is sorted by value, highest first, ties by id; `all` prints one row per node and one \
            column per node measure (edge-betweenness is left out, and in-degree and out-degree on undirected \
            graphs), sorted by id. JSON keys are node ids \
            (edge-betweenness: "A|B") in id order. With `all`, a measure that cannot be computed (such as \
            eigenvector on a disconnected graph) is reported on standard error and shown as n/a (JSON null).

            Katz's default alpha is 0.9/λmax (λmax: the largest eigenvalue of the weighted adjacency), \
            computed for the graph so that the series converges; a note on standard error gives it, and \
            the JSON carries "alpha" and "lambdaMax". An explicit --alpha at or past 1/λmax is an error.

            --samples K estimates betweenness from K source nodes drawn from --seed (default 0), on the \
            scale of the exact values; the JSON carries "sampling". --estimator spread (the default) takes \
            the sources at even steps along a walk of a shortest-path forest and shares each path between \
            its two ends by distance; --estimator networkx is networkx's betweenness_centrality(k=K): a \
            uniform sample, each path counted in full, scaled as networkx scales it. Either sample is \
            Entente's own, not the one Python's random draws for that seed.

            On a terminal, closeness, harmonic, betweenness, edge-betweenness and all show a progress bar with \
            an ETA on standard error once they have run for a quarter of a second, erased when done; \
            --quiet turns it off. Off a terminal nothing is drawn.
            """
    )

    @Argument(help: "The graph file (\(readableExtensions)).")
    var graph: String

    @Option(help: "The measure: \(CentralityCommand.measureNames.joined(separator: ", ")).")
    var measure: String

    @Option(help: "How weights become path costs for distance measures: length, strength (default) or hops.")
    var metric: String = EdgeMetric.strength.rawValue

    @Flag(help: "Unnormalized betweenness and edge-betweenness (networkx normalized=False).")
    var raw = false

    // Unconditional parsing (here and below) so that a negative value reaches validate(), which says
    // what is wrong with it, instead of reading as an unknown option.
    @Option(parsing: .unconditional,
            help: "Damping factor for pagerank (default 0.85, between 0 and 1) or attenuation for katz (default 0.9/λmax, computed).")
    var alpha: Double?

    @Option(parsing: .unconditional, help: "Print only the N highest rows of the table or CSV.")
    var top: Int?

    @Flag(help: "Print the values as JSON.")
    var json = false

    @Flag(help: "Print the rows as CSV with a header.")
    var csv = false

    // Unconditional parsing so that `--samples -4` reaches validate() instead of reading as an option.
    @Option(parsing: .unconditional,
            help: ArgumentHelp("Estimate betweenness from K sampled source nodes (at least 2, at most the number of nodes).",
                               valueName: "K"))
    var samples: Int?

    // Unconditional parsing so that a negative seed is read as a value, not as an option.
    @Option(parsing: .unconditional, help: "The seed of the --samples sample (default 0).")
    var seed: Int?

    @Option(help: ArgumentHelp("How --samples chooses and scales its sources: spread or networkx (default: spread).",
                               valueName: "estimator"))
    var estimator: BetweennessSampling.Estimator?

    @Flag(help: "Do not show the progress bar on standard error.")
    var quiet = false

    @OptionGroup var analysis: AnalysisOptions

    static let measureNames = CentralityMeasure.allCases.map(\.rawValue) + ["all"]

    /// The measures asked for: one, or every node measure for `all`.
    var measures: [CentralityMeasure] {
        if measure.lowercased() == "all" { return CentralityMeasure.allCases.filter(\.isNodeMeasure) }
        return CentralityMeasure(rawValue: measure.lowercased()).map { [$0] } ?? []
    }

    var edgeMetric: EdgeMetric? { EdgeMetric(argument: metric) }

    func validate() throws {
        if measures.isEmpty {
            throw ValidationError("unknown measure '\(measure)' (expected one of: \(Self.measureNames.joined(separator: ", ")))")
        }
        if edgeMetric == nil {
            throw ValidationError("unknown metric '\(metric)' (expected one of: \(EdgeMetric.allValueStrings.joined(separator: ", ")))")
        }
        if let top, top < 1 { throw ValidationError("--top must be at least 1, not \(top)") }
        if top != nil && measure.lowercased() == "all" {
            throw ValidationError("--top needs a single measure to rank by; `all` lists every node by id")
        }
        if json && csv { throw ValidationError("--json and --csv cannot be used together") }
        if let samples {
            if measures != [.betweenness] {
                throw ValidationError("--samples estimates betweenness only, not --measure \(measure)")
            }
            if samples < 2 {
                throw ValidationError("--samples must be at least 2, not \(samples)"
                    + (samples == 1 ? " (with one source, that node's own value is undefined)" : ""))
            }
        } else if seed != nil {
            throw ValidationError("--seed chooses the sample of --samples; give --samples too")
        } else if estimator != nil {
            throw ValidationError("--estimator chooses how --samples estimates; give --samples too")
        }
        if let alpha {
            if !alpha.isFinite || alpha <= 0 {
                throw ValidationError("--alpha must be a positive number, not \(alpha.isFinite ? TextFormat.number(alpha) : "\(alpha)")")
            }
            if measures.contains(.pagerank) && alpha >= 1 {
                throw ValidationError("--alpha for pagerank must be between 0 and 1, not \(TextFormat.number(alpha))")
            }
        }
    }

    func run() async throws {
        try await reportingErrors {
            let analysis = try self.analysis.analysis(of: graph, metric: edgeMetric ?? .strength)
            if samples == nil, let note = Self.longRunNote(measures: measures, nodes: analysis.nodeCount,
                                                          ties: analysis.edgeCount, file: graph) {
                printError(note)
            }
            var output = Output()
            // A bar when a measure reports per source (`all` has three); the others report just their end.
            let bar = measures.contains(where: \.usesMetric)
                ? TerminalProgress(label: measures.count == 1 ? measures[0].rawValue : "centralities", quiet: quiet) : nil
            defer { bar?.finish() }
            if measures == [.edgeBetweenness] {
                let values = try await analysis.edgeBetweenness(normalized: !raw, progress: bar?.handler)
                bar?.finish()
                if json {
                    try output.json(top.map { values.limited(to: $0) } ?? values)
                } else {
                    printEdges(values, into: &output)
                }
            } else if measures.count == 1, let only = measures.first {
                let sampling = samples.map {
                    BetweennessSampling(sources: $0, seed: seed ?? BetweennessSampling.defaultSeed,
                                        estimator: estimator ?? .spread)
                }
                let values = try await analysis.centrality(only, normalized: !raw, alpha: alpha, sampling: sampling,
                                                           progress: bar?.handler)
                bar?.finish()
                noteKatzAlpha(values)
                if let top { noteTieCut(values, top: top) }
                if json {
                    try output.json(top.map { values.limited(to: $0) } ?? values)
                } else {
                    printNodes(values, into: &output)
                }
            } else {
                let table = try await analysis.centralities(measures, normalized: !raw, alpha: alpha, progress: bar?.handler)
                bar?.finish()
                // A value past the largest finite number fails the command; it is never shown as n/a.
                if let overflow = table.columns.first(where: \.overflowed)?.failure { throw overflow }
                for column in table.columns {
                    if let failure = column.failure { printError("entente: \(failure)") }
                    if let values = column.values { noteKatzAlpha(values) }
                }
                if json {
                    try output.json(table)
                } else {
                    printAll(table, into: &output)
                }
            }
            try output.flush()
        }
    }

    /// Above this many steps (nodes × ties) an exact per-source measure takes minutes or more: about
    /// a shortest-path search per node, each touching every tie: at 10⁸ steps a second, 10¹¹ is a quarter of an hour.
    static let longRunSteps = 1e11

    /// `entente: note: FILE: exact betweenness of N nodes and M ties takes about N×M steps; …`, said
    /// before a per-source measure (closeness, harmonic, betweenness, edge-betweenness) whose exact
    /// run is that long, with --quiet too, since the silence would look like a hang; nil otherwise.
    static func longRunNote(measures: [CentralityMeasure], nodes: Int, ties: Int, file: String) -> String? {
        let steps = Double(nodes) * Double(max(ties, 1))
        guard steps > longRunSteps, let measure = measures.first(where: \.usesMetric) else { return nil }
        let sampled = measures.allSatisfy { $0 == .betweenness || !$0.usesMetric }
        return "entente: note: \(file): exact \(measure.rawValue) of \(nodes) nodes and \(ties) ties takes about "
            + "10^\(Int(log10(steps).rounded())) steps (minutes to hours)"
            + (sampled ? "; --samples K estimates it from K sampled sources in K/\(nodes) of the time" : "")
    }

    /// `entente: note: --top 3 cuts a tie: SAARC has the value of EU (0.00641026, rank 3); --top 4 shows
    /// every node of the tie`, when the last node shown shares its value with nodes left out.
    private func noteTieCut(_ values: NodeValues, top: Int) {
        let whole = values.top(top, includingTies: true)
        guard whole.count > top else { return }
        let last = whole[top - 1], left = whole[top...]
        // Its rank is shared by every node of the tie: 1 + the nodes above the tie.
        let rank = (whole.firstIndex { NodeValues.sharesRank($0.value, last.value) } ?? top - 1) + 1
        let names = left.prefix(5).map(\.id).joined(separator: ", ") + (left.count > 5 ? " and \(left.count - 5) more" : "")
        printError("entente: note: --top \(top) cuts a tie: \(names) \(left.count == 1 ? "has" : "have") the value of "
                   + "\(last.id) (\(TextFormat.number(last.value, significantDigits: 6)), rank \(rank)); "
                   + "--top \(top + left.count) shows every node of the tie")
    }

    private func noteKatzAlpha(_ values: NodeValues) {
        if let note = katzAlphaNote(values) { printError(note) }
    }

    private func printNodes(_ values: NodeValues, into output: inout Output) {
        let shown = top.map { values.limited(to: $0) } ?? values
        guard csv else { return output.line(shown.description) }
        output.line("id,label,\(values.measure.rawValue)")
        for row in shown.ranked {
            output.line([row.id, row.label, TextFormat.number(row.value)].map(CSVEdgeList.escape).joined(separator: ","))
        }
    }

    private func printEdges(_ values: EdgeValues, into output: inout Output) {
        let shown = top.map { values.limited(to: $0) } ?? values
        guard csv else { return output.line(shown.description) }
        output.line("source,target,edge-betweenness")
        for row in shown.ranked {
            output.line([row.tie.source, row.tie.target, TextFormat.number(row.value)].map(CSVEdgeList.escape)
                .joined(separator: ","))
        }
    }

    private func printAll(_ table: CentralityTable, into output: inout Output) {
        guard csv else { return output.line(table.description) }
        output.line((["id", "label"] + table.columns.map(\.measure.rawValue)).joined(separator: ","))
        for node in table.nodes.sorted(by: { $0.id < $1.id }) {
            let cells = [node.id, node.label] + table.columns.map { column in
                column.values?[node.id].map { TextFormat.number($0) } ?? ""
            }
            output.line(cells.map(CSVEdgeList.escape).joined(separator: ","))
        }
    }
}

/// The note on standard error when Katz ran with its computed default alpha:
/// `entente: katz: alpha = 0.9/λmax = 0.0315078 (λmax 28.5644); --alpha sets another`.
func katzAlphaNote(_ values: NodeValues) -> String? {
    guard values.measure == .katz, values.isDefaultAlpha, let alpha = values.alpha else { return nil }
    if values.largestEigenvalue == 0 {
        // No cycle (a directed acyclic graph, or no tie): every alpha converges.
        return "entente: katz: λmax = 0 (no cycle), so alpha = \(TextFormat.prose(alpha)), networkx's default; --alpha sets another"
    }
    // A λmax beyond the largest finite number is returned as nil, not as infinity.
    let lambda = TextFormat.prose(values.largestEigenvalue ?? .infinity)
    return "entente: katz: alpha = 0.9/λmax = \(TextFormat.prose(alpha)) (λmax \(lambda)); --alpha sets another"
}

/// `--estimator`.
extension BetweennessSampling.Estimator: NamedArgument, @retroactive ExpressibleByArgument {}
