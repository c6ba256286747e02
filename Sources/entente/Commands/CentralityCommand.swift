import ArgumentParser
import Entente
import Foundation

/// `entente centrality`: one centrality measure (or all of them) for every node of a filtered graph.
struct CentralityCommand: ParsableCommand {
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
            """
    )

    @Argument(help: "The graph file (.json, .csv, .dot, .gv).")
    var graph: String

    @Option(help: "The measure: \(CentralityCommand.measureNames.joined(separator: ", ")).")
    var measure: String

    @Option(help: "How weights become path costs for distance measures: length, strength (default) or hops.")
    var metric: String = EdgeMetric.strength.rawValue

    @Flag(help: "Unnormalized betweenness and edge-betweenness (networkx normalized=False).")
    var raw = false

    @Option(help: "Damping factor for pagerank (default 0.85, between 0 and 1) or attenuation for katz (default 0.1).")
    var alpha: Double?

    @Option(help: "Print only the N highest rows of the table or CSV.")
    var top: Int?

    @Flag(help: "Print the values as JSON.")
    var json = false

    @Flag(help: "Print the rows as CSV with a header.")
    var csv = false

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
        if let alpha {
            if !alpha.isFinite || alpha <= 0 {
                throw ValidationError("--alpha must be a positive number, not \(formatNumber(alpha))")
            }
            if measures.contains(.pagerank) && alpha >= 1 {
                throw ValidationError("--alpha for pagerank must be between 0 and 1, not \(formatNumber(alpha))")
            }
        }
    }

    func run() throws {
        try reportingErrors {
            let loaded = try analysis.load(graph)
            let view = try analysis.view(of: loaded, file: graph)
            let metric = edgeMetric ?? .strength
            let adjacency = WeightedAdjacency(view, metric: metric)
            let ids = (0..<view.nodeCount).map { view.node(at: $0).id }
            let labels = (0..<view.nodeCount).map { view.node(at: $0).label }
            let byID = ids.indices.sorted { ids[$0] < ids[$1] }

            if measures == [.edgeBetweenness] {
                let values = adjacency.edgeBetweennessCentrality(normalized: !raw)
                printEdges(values.map { entry in
                    var pair = (ids[entry.source], ids[entry.target])
                    if !adjacency.isDirected && pair.1 < pair.0 { pair = (pair.1, pair.0) }
                    return (pair.0, pair.1, entry.value)
                }, metric: metric)
                return
            }
            if measures.count == 1, let only = measures.first {
                let values: [Double]
                do {
                    values = try nodeValues(only, adjacency)
                } catch {
                    throw Failure("\(graph): \(error)")
                }
                printNodes(only, values: values, ids: ids, labels: labels, byID: byID, metric: metric)
                return
            }
            var columns: [(CentralityMeasure, [Double]?)] = []
            // In- and out-degree are columns of directed graphs only (networkx refuses them otherwise).
            for measure in measures where adjacency.isDirected || !measure.needsDirectedGraph {
                do {
                    columns.append((measure, try nodeValues(measure, adjacency)))
                } catch {
                    printError("entente: \(graph): \(error)")
                    columns.append((measure, nil))
                }
            }
            printAll(columns, ids: ids, labels: labels, byID: byID, metric: metric)
        }
    }

    /// The values of a node measure with the command's options.
    private func nodeValues(_ measure: CentralityMeasure, _ adjacency: WeightedAdjacency) throws -> [Double] {
        switch try adjacency.centrality(measure, normalized: !raw, alpha: alpha) {
        case .nodes(let values): return values
        case .edges: throw Failure("\(measure.rawValue) does not give one value per node")
        }
    }

    private func printNodes(_ measure: CentralityMeasure, values: [Double], ids: [String], labels: [String],
                            byID: [Int], metric: EdgeMetric) {
        if json {
            let document = JSONOutput.object([
                ("measure", .string(measure.rawValue)),
                ("metric", .string(metric.rawValue)),
                ("values", .object(byID.map { (ids[$0], .number(values[$0])) })),
            ])
            print(document.rendered(pretty: false))
            return
        }
        var rows = values.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : ids[$0] < ids[$1] }
        if let top { rows = Array(rows.prefix(top)) }
        if csv {
            print("id,label,\(measure.rawValue)")
            for row in rows {
                print([ids[row], labels[row], formatNumber(values[row])].map(CSVEdgeList.escape).joined(separator: ","))
            }
            return
        }
        printTable(header: ["id", "label", measure.rawValue],
                   rows: rows.map { [ids[$0], labels[$0], fixed(values[$0])] }, numericColumns: 1)
    }

    private func printEdges(_ values: [(String, String, Double)], metric: EdgeMetric) {
        if json {
            let keyed = values.map { ("\($0.0)|\($0.1)", $0.2) }.sorted { $0.0 < $1.0 }
            let document = JSONOutput.object([
                ("measure", .string(CentralityMeasure.edgeBetweenness.rawValue)),
                ("metric", .string(metric.rawValue)),
                ("values", .object(keyed.map { ($0.0, .number($0.1)) })),
            ])
            print(document.rendered(pretty: false))
            return
        }
        var rows = values.sorted { $0.2 != $1.2 ? $0.2 > $1.2 : ($0.0, $0.1) < ($1.0, $1.1) }
        if let top { rows = Array(rows.prefix(top)) }
        if csv {
            print("source,target,edge-betweenness")
            for row in rows { print([row.0, row.1, formatNumber(row.2)].map(CSVEdgeList.escape).joined(separator: ",")) }
            return
        }
        printTable(header: ["source", "target", "edge-betweenness"], rows: rows.map { [$0.0, $0.1, fixed($0.2)] },
                   numericColumns: 1)
    }

    private func printAll(_ columns: [(CentralityMeasure, [Double]?)], ids: [String], labels: [String], byID: [Int],
                          metric: EdgeMetric) {
        if json {
            let measures: [(String, JSONOutput)] = columns.map { measure, values in
                guard let values else { return (measure.rawValue, .null) }
                return (measure.rawValue, .object(byID.map { (ids[$0], .number(values[$0])) }))
            }
            print(JSONOutput.object([("metric", .string(metric.rawValue)), ("measures", .object(measures))])
                .rendered(pretty: false))
            return
        }
        let rows = byID
        let header = ["id", "label"] + columns.map(\.0.rawValue)
        if csv {
            print(header.joined(separator: ","))
            for row in rows {
                let cells = [ids[row], labels[row]] + columns.map { $0.1.map { formatNumber($0[row]) } ?? "" }
                print(cells.map(CSVEdgeList.escape).joined(separator: ","))
            }
            return
        }
        printTable(header: header, rows: rows.map { row in
            [ids[row], labels[row]] + columns.map { $0.1.map { fixed($0[row]) } ?? "n/a" }
        }, numericColumns: columns.count)
    }

    /// A value with six decimals, as the table shows it.
    private func fixed(_ value: Double) -> String { String(format: "%.6f", value) }

    /// Prints aligned columns: text columns padded on the right, the last `numericColumns` on the left.
    private func printTable(header: [String], rows: [[String]], numericColumns: Int) {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        let firstNumeric = header.count - numericColumns
        for line in all {
            let cells = line.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column >= firstNumeric ? padding + cell : cell + padding
            }
            var text = cells.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            print(text)
        }
    }
}
