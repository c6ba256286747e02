/// Structural balance in every year of a range: per year the size of the signed network, the share
/// of balanced triangles, Estrada & Benzi's walk index and the frustration index with its proof
/// (`entente balance GRAPH --from 1946 --to 2014`).
///
/// Made by ``RelationGraph/balanceTimeline(of:years:step:signs:rule:limits:solver:progress:)``. A
/// year where no tie of the view holds has no row; it is listed in ``gaps``.
public struct BalanceTimeline: Sendable, Encodable, CustomStringConvertible {
    /// One year's balance.
    public struct Year: Sendable, Hashable, Encodable {
        /// The year.
        public let year: Int
        /// Nodes of the year's view (the states that exist then).
        public let nodes: Int
        /// Positive ties of the signed network.
        public let positive: Int
        /// Negative ties of the signed network.
        public let negative: Int
        /// Triangles, and the balanced ones among them (+++ and +−−).
        public let triangles: Int
        /// Balanced triangles.
        public let balanced: Int
        /// Estrada & Benzi's walk index, nil when a component exceeds ``BalanceLimits/walkNodeLimit``.
        public let walk: Double?
        /// The frustration index (weighted: the total weight of the frustrated ties).
        public let frustration: Double
        /// Its proven lower bound (equal to it when exact).
        public let bound: Double
        /// Whether the frustration is proven minimal.
        public let exact: Bool
        /// Why the exact solver could not run, when a core needed it (the row is then the heuristic's).
        public let solverFailure: String?

        /// Positive and negative ties.
        public var ties: Int { positive + negative }
        /// The balanced share of the triangles, nil without triangles.
        public var balancedShare: Double? { triangles == 0 ? nil : Double(balanced) / Double(triangles) }

        private enum CodingKeys: String, CodingKey {
            case year, nodes, ties, positive, negative, triangles, balanced, balancedShare, walk, frustration, bound, exact
        }

        /// `{"year","nodes","ties","positive","negative","triangles","balanced","balancedShare","walk",
        /// "frustration","bound","exact"}`, nulls where a value is missing.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(year, forKey: .year)
            try container.encode(nodes, forKey: .nodes)
            try container.encode(ties, forKey: .ties)
            try container.encode(positive, forKey: .positive)
            try container.encode(negative, forKey: .negative)
            try container.encode(triangles, forKey: .triangles)
            try container.encode(balanced, forKey: .balanced)
            try container.encode(balancedShare, forKey: .balancedShare)
            try container.encode(walk, forKey: .walk)
            try container.encode(frustration, forKey: .frustration)
            try container.encode(bound, forKey: .bound)
            try container.encode(exact, forKey: .exact)
        }
    }

    /// Whether ties count ±1 or their weight.
    public let signs: BalanceSigns
    /// How a pair with edges of both polarities got its sign.
    public let rule: SignRule
    /// The years computed, in order; a year without ties is in ``gaps`` instead.
    public let years: [Year]
    /// The years of the range where no tie of the view holds.
    public let gaps: [CentralityTimeline.Gap]

    private enum CodingKeys: String, CodingKey { case signs, rule, years, gaps }

    /// `{"signs","rule","years":[…],"gaps":[{"year","reason"}]}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(signs.rawValue, forKey: .signs)
        try container.encode(rule.rawValue, forKey: .rule)
        try container.encode(years, forKey: .years)
        try container.encode(gaps, forKey: .gaps)
    }

    /// The table `entente balance --from --to` prints: a row per year; `frustration` is the value,
    /// followed by `≥ BOUND` when the search did not prove it.
    public var description: String {
        let header = ["year", "nodes", "ties", "negative", "triangles", "balanced", "walk", "frustration", "exact"]
        let rows = years.map { row -> [String] in
            [String(row.year), String(row.nodes), String(row.ties), String(row.negative), String(row.triangles),
             row.balancedShare.map { TextFormat.number($0 * 100, significantDigits: 4) + "%" } ?? "",
             row.walk.map(tableNumber) ?? "n/a",
             TextFormat.number(row.frustration, significantDigits: 6),
             row.exact ? "yes" : "no, bound \(TextFormat.number(row.bound, significantDigits: 6))"]
        }
        var lines = [
            "signs:  \(signs == .weighted ? "weighted (ties count their weight)" : "unweighted (±1 per tie)")",
            "rule:   \(rule.rawValue)",
        ]
        lines += alignedColumns(header: header, rows: rows, rightAligned: Set(1..<8))
        for gap in gaps { lines.append("\(gap.year): no values (\(gap.reason))") }
        return joinedLines(lines)
    }

}

extension RelationGraph {
    /// Structural balance in every year of a range: each year's view (the filter with its year set,
    /// as `--at` takes it), its signed network and ``StructuralBalance``, the years in parallel.
    ///
    /// ```swift
    /// let balance = try await world.balanceTimeline(years: 1946...2014, solver: CBCSolver())
    /// print(balance)     // the table `entente balance --from 1946 --to 2014` prints
    /// ```
    ///
    /// - Parameters:
    ///   - filter: the ties taken; both polarities by default. Its year is replaced by each year's.
    ///   - years: the range; it must lie within ``datedYears``.
    ///   - step: every `step`-th year from the first.
    ///   - signs: as in ``structuralBalance(of:signs:rule:limits:solver:)``.
    ///   - rule: as there.
    ///   - limits: as there.
    ///   - solver: as there.
    ///   - progress: called as years finish; `nil` for none.
    /// - Throws: ``GraphError/invalidArgument(_:)`` for a step below 1, a graph without years or a
    ///   range outside them; `CancellationError` when the task is cancelled; ``GraphError`` when the
    ///   filter names a type or kind the graph lacks.
    /// - Complexity: one ``structuralBalance(of:signs:rule:limits:solver:)`` per year.
    public func balanceTimeline(of filter: RelationFilter = .everything, years: ClosedRange<Int>, step: Int = 1,
                                signs: BalanceSigns = .unweighted, rule: SignRule = .negativeWins,
                                limits: BalanceLimits = BalanceLimits(), solver: (any FrustrationSolver)? = nil,
                                progress: ProgressHandler? = nil) async throws -> BalanceTimeline {
        let chosen = try sweepYears(years, step: step)
        var yearless = filter
        yearless.year = nil
        _ = try GraphView(checked: self, filter: yearless)  // unknown types or kinds, whatever the year
        let analysis = try Analysis(self, filter: yearless, metric: .strength)
        let reports = try await analysis.sweep(chosen, units: { _ in 1 }, progress: progress) { year, monitor in
            let report = year.view.structuralBalance(signs, rule: rule, limits: limits, solver: solver, monitor: monitor)
            monitor.advance()
            return report
        }
        var rows: [BalanceTimeline.Year] = []
        var gaps: [CentralityTimeline.Gap] = []
        for (year, report) in zip(chosen, reports) {
            guard let report else {
                gaps.append(.init(year: year, reason: "no \(yearless.description(in: self)) hold in \(year)"))
                continue
            }
            rows.append(BalanceTimeline.Year(
                year: year, nodes: report.nodeCount, positive: report.positiveTies, negative: report.negativeTies,
                triangles: report.triangles.total, balanced: report.triangles.balanced, walk: report.walk,
                frustration: report.frustration.value, bound: report.frustration.bound, exact: report.frustration.isExact,
                solverFailure: report.frustration.solverFailure))
        }
        return BalanceTimeline(signs: signs, rule: rule, years: rows, gaps: gaps)
    }
}
