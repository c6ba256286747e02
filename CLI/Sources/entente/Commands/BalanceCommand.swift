import ArgumentParser
import Entente
import EntenteExact
import EntenteGraphviz

/// `entente balance`: structural balance of the signed graph (triangles, walk index, frustration).
struct BalanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "balance",
        abstract: "Structural balance: is the region balanced, and which ties stand in the way.",
        discussion: """
            Signs: per pair of nodes, over the edges kept by --types and --kinds (edge direction \
            ignored), the sign rule decides: negative-wins (the default, as in the literature on \
            international relations: any adversarial edge makes the pair negative, weight the sum of \
            its adversarial weights), positive-wins (any cooperative edge makes it positive), or net \
            (the sign of (sum of cooperative weights - sum of adversarial weights); a pair that sums \
            to zero is no tie). Adversarial edges are always included. By default every tie \
            counts +1 or -1 (unweighted); --weighted makes it count its weight in the walk index \
            and the frustration index (triangle counts depend on signs only).

            Prints the triangles by sign pattern (+++ and +-- balanced, ++- and --- unbalanced), the \
            walk-based balance of Estrada & Benzi, K = tr(exp(A)) / tr(exp(|A|)) (1 = balanced; n/a for \
            components of more than 1000 nodes), and \
            the frustration index: the fewest ties (weighted: least total weight) whose sign disagrees \
            with a split of the nodes into two camps, and that split, proven optimal: the signed \
            network is cut into blocks (bridges and nodes of degree one and two removed), small cores \
            are solved by branch and bound, larger ones by COIN-OR CBC (loaded at run time: apt-get \
            install coinor-libcbc3, or brew install cbc). Without CBC, balance fails unless \
            --allow-heuristic, which prints the best split found with its proven bound ("not proven \
            optimal"); so does a --time-limit that stops the search. Camp 0 holds the first node in \
            file order. Then \
            every unbalanced triangle with its ties, the frustrated ties, the camps, and per node the \
            triangles through it, the unbalanced ones and the frustrated ties it touches. Lists are \
            sorted by node ids; --json also gives each listed tie's edges and evidence.

            --from Y1 --to Y2 [--step N] computes the balance in every year of the range instead, each \
            year's view as --at YEAR takes it, the years in parallel: a row per year with the nodes, \
            ties, negative ties, triangles, the balanced share of triangles, the walk index, the \
            frustration and whether it is proven (else its bound); --csv and --json print the same \
            values, -o chart.svg|png|pdf draws the balanced share of triangles and (unweighted) the \
            share of ties frustrated.
            """
    )

    @Argument(help: "The graph file (\(readableExtensions)).")
    var graph: String

    @Flag(help: "Ties count their weight under the sign rule, not ±1.")
    var weighted = false

    @Option(name: .customLong("sign-rule"),
            help: "The sign of a pair with edges of both polarities: negative-wins (default), positive-wins or net.")
    var signRule: SignRule = .negativeWins

    @Option(name: .customLong("time-limit"),
            help: "Seconds the exact search may take; then the best split and bound are reported, not proven optimal.")
    var timeLimit: Double?

    @Flag(name: .customLong("allow-heuristic"),
          help: "Without the exact solver (COIN-OR CBC), print the heuristic result instead of failing.")
    var allowHeuristic = false

    @Flag(help: "Print the report as JSON.")
    var json = false

    @OptionGroup var sweepOptions: YearSweepOptions

    @OptionGroup var input: GraphInputOptions

    func validate() throws {
        if let timeLimit, !(timeLimit > 0) || !timeLimit.isFinite {
            throw ValidationError("--time-limit must be a number of seconds above 0 (found \(TextFormat.number(timeLimit)))")
        }
        try sweepOptions.check(json: json, input: input, command: "balance")
    }

    func run() async throws {
        if let years = sweepOptions.years {
            try await sweep(years)
            return
        }
        try reportingErrors {
            let loaded = try input.readForAnalysis(graph)
            let report = try loaded.structuralBalance(of: input.filter(polarities: [.cooperative, .adversarial]),
                                                      signs: weighted ? .weighted : .unweighted, rule: signRule,
                                                      limits: BalanceLimits(timeLimit: timeLimit), solver: CBCSolver())
            if let failure = report.frustration.solverFailure {
                guard allowHeuristic else { throw Failure(failure + "; or pass --allow-heuristic") }
                printError("\(failure); printing the heuristic result (not proven optimal)")
            }
            var output = Output()
            try output.result(report, asJSON: json)
            try output.flush()
        }
    }
}

extension BalanceCommand {
    /// `--from --to`: a row per year.
    private func sweep(_ years: ClosedRange<Int>) async throws {
        try await reportingErrors {
            let loaded = try input.read(graph)
            let bar = TerminalProgress(label: "balance \(years.lowerBound)–\(years.upperBound)", quiet: sweepOptions.quiet)
            let filter = input.filter(polarities: [.cooperative, .adversarial])
            let timeline = try await loaded.balanceTimeline(of: filter, years: years, step: sweepOptions.stepValue,
                                                            signs: weighted ? .weighted : .unweighted, rule: signRule,
                                                            limits: BalanceLimits(timeLimit: timeLimit), solver: CBCSolver(),
                                                            progress: bar?.handler)
            bar?.finish()
            let failures = timeline.years.filter { $0.solverFailure != nil }
            if let failure = failures.first?.solverFailure {
                guard allowHeuristic else { throw Failure(failure + "; or pass --allow-heuristic") }
                printError("\(failure); printing the heuristic result (not proven optimal) for \(failures.count) years")
            }
            if let output = sweepOptions.output {
                let title = "structural balance of \(filter.caption(in: loaded) ?? "all ties"), \(years.lowerBound)–\(years.upperBound)"
                    + sweepOptions.stepPhrase
                try ChartRenderer.render(timeline.chart(title: title), to: output)
                return
            }
            var out = Output()
            if json {
                try out.json(timeline)
            } else if sweepOptions.csv {
                out.line("year,nodes,ties,positive,negative,triangles,balanced,balanced_share,walk,frustration,bound,exact")
                for row in timeline.years {
                    out.line([String(row.year), String(row.nodes), String(row.ties), String(row.positive), String(row.negative),
                              String(row.triangles), String(row.balanced), row.balancedShare.map(TextFormat.number) ?? "",
                              row.walk.map(TextFormat.number) ?? "", TextFormat.number(row.frustration), TextFormat.number(row.bound),
                              row.exact ? "true" : "false"].joined(separator: ","))
                }
            } else {
                out.line(timeline.description)
            }
            try out.flush()
        }
    }
}

/// `--sign-rule`.
extension SignRule: NamedArgument, @retroactive ExpressibleByArgument {}
