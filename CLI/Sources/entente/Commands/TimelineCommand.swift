import ArgumentParser
import Foundation
import Entente
import EntenteGraphviz

/// `entente timeline`: one node measure at every year of a range, as a table, CSV, JSON or a chart.
struct TimelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "A centrality measure at every year of a range: who was the hub, and when.",
        discussion: """
            Each year is the graph as --at YEAR sees it (the nodes that exist then, the ties that hold \
            then), with every filter of `centrality` applied. The table has a row per year and a column \
            per node; a node that does not exist in a year, or has no tie of the view then, has no value \
            there: blank in the table, no row in --csv, null in --json; never 0. Years where no tie of \
            the view holds at all are listed after the table.

            Nodes: --nodes names them (ids, labels or aliases), --top K takes the K with the highest \
            value in any year; without either, the top 10.

            -o FILE.svg, .png or .pdf draws a line chart instead: a line per node (the diagrams' \
            colour-blind-safe palette), labelled at its right end, with gaps where the node has no \
            value. The SVG is Entente's own; png and pdf are drawn from it by libgvc (see docs/timeline.md).

            --csv is long form: year,id,label,value, one row per value. The years run in parallel; on a \
            terminal a progress bar shows on standard error (--quiet turns it off).
            """
    )

    @Argument(help: "The graph file (\(readableExtensions)); its ties carry years (since, until).")
    var graph: String

    @Option(help: "The measure: \(CentralityMeasure.allCases.filter(\.isNodeMeasure).map(\.rawValue).joined(separator: ", ")).")
    var measure: String

    @Option(parsing: .unconditional, help: "The first year.")
    var from: Int

    @Option(parsing: .unconditional, help: "The last year.")
    var to: Int

    @Option(parsing: .unconditional, help: "Take every N-th year from --from (default 1).")
    var step: Int = 1

    @Option(help: "The nodes to show, comma-separated (ids, labels or aliases).")
    var nodes: String?

    @Option(parsing: .unconditional, help: "Show the K nodes with the highest value in any year (default 10 when --nodes is not given).")
    var top: Int?

    @Option(help: "How weights become path costs for distance measures: length, strength (default) or hops.")
    var metric: String = EdgeMetric.strength.rawValue

    @Flag(help: "Unnormalized betweenness (networkx normalized=False).")
    var raw = false

    @Option(parsing: .unconditional,
            help: "Damping factor for pagerank (default 0.85) or attenuation for katz (default 0.9/λmax of each year).")
    var alpha: Double?

    @Flag(help: "Print the timeline as JSON.")
    var json = false

    @Flag(help: "Print the values as CSV (long form: year,id,label,value).")
    var csv = false

    @Option(name: .shortAndLong, help: "Draw a line chart to this file (.svg, .png or .pdf) instead of printing a table.")
    var output: String?

    @Flag(help: "Do not show the progress bar on standard error.")
    var quiet = false

    @OptionGroup var analysis: AnalysisOptions

    var chosenMeasure: CentralityMeasure? {
        CentralityMeasure(rawValue: measure.lowercased()).flatMap { $0.isNodeMeasure ? $0 : nil }
    }

    func validate() throws {
        guard chosenMeasure != nil else {
            throw ValidationError("unknown node measure '\(measure)' (expected one of: "
                + CentralityMeasure.allCases.filter(\.isNodeMeasure).map(\.rawValue).joined(separator: ", ") + ")")
        }
        if EdgeMetric(argument: metric) == nil {
            throw ValidationError("unknown metric '\(metric)' (expected one of: \(EdgeMetric.allValueStrings.joined(separator: ", ")))")
        }
        if json && csv { throw ValidationError("--json and --csv cannot be used together") }
        try validateYearSweep(from: from, to: to, step: step, input: analysis.input, command: "timeline", chart: output,
                              printsValues: json || csv)
        if let top, top < 1 { throw ValidationError("--top must be at least 1, not \(top)") }
        if top != nil && nodes != nil { throw ValidationError("--nodes and --top cannot be used together") }
        if let nodes, nodes.split(separator: ",").allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
            throw ValidationError("--nodes '\(nodes)' names no node")
        }
        if let alpha, !alpha.isFinite || alpha <= 0 {
            throw ValidationError("--alpha must be a positive number, not \(alpha.isFinite ? TextFormat.number(alpha) : "\(alpha)")")
        }
        if let alpha, chosenMeasure == .pagerank, alpha >= 1 {
            throw ValidationError("--alpha for pagerank must be between 0 and 1, not \(TextFormat.number(alpha))")
        }
    }

    func run() async throws {
        try await reportingErrors {
            guard let measure = chosenMeasure else { return }
            let analysis = try self.analysis.analysis(of: graph, metric: EdgeMetric(argument: metric) ?? .strength, notingYears: false)
            // Names resolve before the sweep, so that a typo costs nothing.
            let named = try nodes.map { list in
                try list.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
                    .map { try analysis.graph.node(named: $0).id }
            }
            let bar = TerminalProgress(label: "\(measure.rawValue) \(from)–\(to)", quiet: quiet)
            let timeline = try await analysis.timeline(measure, years: from...to, step: step, normalized: !raw, alpha: alpha,
                                                       progress: bar?.handler)
            bar?.finish()
            let shown: CentralityTimeline
            if let named {
                shown = timeline.selecting(named)
                for id in named where timeline.series(of: id) == nil {
                    printError("entente: note: \(id) has no value in any year of \(from)–\(to) (it does not exist then, or has no tie of the view)")
                }
            } else {
                shown = timeline.selecting(timeline.top(top ?? 10).map(\.id))
            }
            if let output {
                let title = "\(measure.rawValue) of \(analysis.filter.description(in: analysis.graph)), \(from)–\(to)"
                    + (step > 1 ? " every \(step) years" : "")
                try ChartRenderer.render(LineChart(shown, title: title), to: output)
                return
            }
            var out = Output()
            if json {
                try out.json(shown)
            } else if csv {
                out.line("year,id,label,value")
                for (column, year) in shown.years.enumerated() {
                    for series in shown.series {
                        guard let value = series.values[column] else { continue }
                        out.line([String(year), series.id, series.label, TextFormat.number(value)].map(CSVEdgeList.escape).joined(separator: ","))
                    }
                }
            } else {
                out.line(shown.description)
            }
            try out.flush()
        }
    }
}
