import ArgumentParser
import Entente
import EntenteExact

/// `entente balance`: structural balance of the signed graph (triangles, walk index, frustration).
struct BalanceCommand: ParsableCommand {
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

    @OptionGroup var input: GraphInputOptions

    func validate() throws {
        if let timeLimit, !(timeLimit > 0) || !timeLimit.isFinite {
            throw ValidationError("--time-limit must be a number of seconds above 0 (found \(formatNumber(timeLimit)))")
        }
    }

    func run() throws {
        try reportingErrors {
            let loaded = try input.file.read(graph)
            let report = try loaded.structuralBalance(of: input.filter(polarities: [.cooperative, .adversarial]),
                                                      signs: weighted ? .weighted : .unweighted, rule: signRule,
                                                      limits: BalanceLimits(timeLimit: timeLimit), solver: CBCSolver())
            if let failure = report.frustration.solverFailure {
                guard allowHeuristic else { throw Failure(failure + "; or pass --allow-heuristic") }
                printError("\(failure); printing the heuristic result (not proven optimal)")
            }
            if json {
                print(report.json.rendered(pretty: false))
            } else {
                printText(report)
            }
        }
    }

    private func printText(_ report: StructuralBalance) {
        let census = report.triangles
        let frustration = report.frustration
        let share = census.balancedShare.map { " (\(formatNumber($0 * 100, significantDigits: 4))%)" } ?? ""
        print("signs:        \(report.signs) (\(weighted ? "weight" : "±1") per tie)")
        print("sign rule:    \(report.rule)")
        print("network:      \(report.nodeCount) nodes, \(report.positiveTies + report.negativeTies) ties "
              + "(\(report.positiveTies) positive, \(report.negativeTies) negative)")
        print("triangles:    \(census.total): +++ \(census.allPositive), +-- \(census.twoNegative), "
              + "++- \(census.oneNegative), --- \(census.allNegative)")
        print("balanced:     \(census.balanced) of \(census.total)\(share)")
        print("walk:         \(report.walk.map { formatNumber($0, significantDigits: 6) } ?? "n/a (a component of more than 1000 nodes)")")
        var value = "frustration:  " + formatNumber(frustration.value, significantDigits: 6)
        if frustration.hasNoNegativeTie {
            value += " (exact: no negative tie)"
        } else if frustration.isExact {
            value += " (exact)"
        } else {
            value += " (not proven optimal; bound \(formatNumber(frustration.bound, significantDigits: 6)), "
                + "gap \(formatNumber(frustration.gap, significantDigits: 6)))"
        }
        print(value)
        print("search:       " + searchLine(frustration))

        let tiesByPair = Dictionary(report.ties.map { ($0.pair, $0) }, uniquingKeysWith: { first, _ in first })
        print("")
        print("unbalanced triangles: \(census.unbalanced.count)")
        for triangle in census.unbalanced {
            let pairs = [[triangle[0], triangle[1]], [triangle[0], triangle[2]], [triangle[1], triangle[2]]]
            let pattern = String(pairs.compactMap { tiesByPair[$0] }.map { $0.sign < 0 ? "-" : "+" }.sorted())
            print("  \(triangle.joined(separator: " "))  \(pattern)")
            for pair in pairs {
                if let tie = tiesByPair[pair] { print("    " + line(tie)) }
            }
        }
        print("")
        print("frustrated ties: \(frustration.frustrated.count)")
        for pair in frustration.frustrated {
            if let tie = tiesByPair[pair] { print("  " + line(tie)) }
        }
        print("")
        for (number, camp) in frustration.camps.enumerated() {
            print("camp \(number) (\(camp.count)):" + camp.map { " " + $0 }.joined())
        }
        print("")
        let rows = [["id", "triangles", "unbalanced", "frustrated"]]
            + report.nodes.map { [$0.id, String($0.triangles), String($0.unbalanced), String($0.frustrated)] }
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            var text = row[0] + String(repeating: " ", count: widths[0] - row[0].count)
            for column in 1..<4 { text += "  " + String(repeating: " ", count: widths[column] - row[column].count) + row[column] }
            print(text)
        }
    }

    /// `2 blocks, 3 bridges; cores 40 nodes, 310 ties (largest 38, 300); branch and bound 1, solver 1 (CBC 2.10.8)`.
    private func searchLine(_ frustration: FrustrationIndex) -> String {
        let parts = frustration.decomposition
        var text = "\(parts.blocks) block\(parts.blocks == 1 ? "" : "s"), \(parts.bridges) bridge\(parts.bridges == 1 ? "" : "s"); "
            + "cores \(parts.coreNodes) nodes, \(parts.coreTies) ties"
        if parts.blocks > 1 { text += " (largest \(parts.largestCoreNodes), \(parts.largestCoreTies))" }
        let methods = FrustrationMethod.allCases.compactMap { method in parts.methods[method].map { "\(method.rawValue) \($0)" } }
        if !methods.isEmpty { text += "; " + methods.joined(separator: ", ") }
        if parts.methods[.solver] != nil, let solver = frustration.solver { text += " (\(solver))" }
        return text
    }

    /// `IND PAK  -5  security 5 adversarial` (net weight, then the edges that make the tie).
    private func line(_ tie: BalanceTie) -> String {
        let net = (tie.net > 0 ? "+" : "") + formatNumber(tie.net, significantDigits: 6)
        let edges = tie.edges.map { edge in
            "\(edge.type) \(formatNumber(edge.weight))" + (edge.polarity == .adversarial ? " adversarial" : "")
        }
        return "\(tie.pair.joined(separator: " "))  \(net)  \(edges.joined(separator: ", "))"
    }
}

/// `--sign-rule`.
extension SignRule: NamedArgument {}
