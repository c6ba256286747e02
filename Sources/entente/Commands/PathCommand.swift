import ArgumentParser
import Entente

struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Shortest links between two nations.",
        discussion: """
            Prints the cheapest path from FROM to TO, one line per path: each hop shows the type and \
            weight of the edge taken (the cheapest of parallel edges). Costs follow --metric. Equal \
            costs (within 1e-10 relative) are ties; --all prints every tied path sorted by node ids, \
            otherwise ties go to the lowest node positions in the file. --via routes through a stop \
            and may pass a node twice.
            """
    )

    @Argument(help: "The graph file (.json, .csv, .dot, .gv).")
    var graph: String

    @Argument(help: "Where the path starts: a node id, label or alias, in any case.")
    var from: String

    @Argument(help: "Where the path ends: a node id, label or alias, in any case.")
    var to: String

    @Option(help: "Cost of an edge: length (its weight), strength (1/weight), hops (1 per edge).")
    var metric: EdgeMetric = .strength

    @Flag(help: "Print every cheapest path, not just one.")
    var all = false

    // Unconditional parsing so that `--k -2` reaches validate() instead of reading as an option.
    @Option(name: .customLong("k"), parsing: .unconditional, help: ArgumentHelp("Print the N cheapest loopless paths (Yen's algorithm).", valueName: "N"))
    var k: Int?

    @Option(help: ArgumentHelp("Route through this node (id, label or alias).", valueName: "NODE"))
    var via: String?

    @Flag(help: "Print the paths as JSON.")
    var json = false

    @OptionGroup var analysis: AnalysisOptions

    func validate() throws {
        if let k, k < 1 { throw ValidationError("--k must be at least 1, not \(k)") }
        if all && k != nil { throw ValidationError("--all and --k cannot be used together") }
        if via != nil && (all || k != nil) { throw ValidationError("--via cannot be combined with --all or --k") }
    }

    func run() throws {
        try reportingErrors {
            let loaded = try analysis.load(graph)
            let source = try loaded.resolve(from, file: graph)
            let target = try loaded.resolve(to, file: graph)
            let stop = try via.map { name throws(GraphError) in try loaded.resolve(name, file: graph) }
            let view = try analysis.view(of: loaded, file: graph)
            let adjacency = WeightedAdjacency(view, metric: metric)
            guard let start = view.localIndex(ofNode: source), let end = view.localIndex(ofNode: target) else {
                throw Failure("\(graph): \(loaded.describe(node: source)) or \(loaded.describe(node: target)) is not in the analysed view")
            }
            let paths: [RelationPath]
            if let stop {
                guard let middle = view.localIndex(ofNode: stop) else {
                    throw Failure("\(graph): \(loaded.describe(node: stop)) is not in the analysed view")
                }
                paths = adjacency.shortestPath(from: start, via: middle, to: end).map { [$0] } ?? []
            } else if all {
                paths = adjacency.allShortestPaths(from: start, to: end)
            } else if let k {
                paths = adjacency.kShortestPaths(from: start, to: end, k: k)
            } else {
                paths = adjacency.shortestPath(from: start, to: end).map { [$0] } ?? []
            }
            if json {
                print(document(paths, in: loaded, from: source, to: target, via: stop).rendered(pretty: false))
            } else if paths.isEmpty {
                let through = stop.map { " via \(loaded.describe(node: $0))" } ?? ""
                print("no path from \(loaded.describe(node: source)) to \(loaded.describe(node: target))\(through) over \(analysis.edgeDescription(loaded))")
            } else {
                for path in paths { print(line(path, in: loaded)) }
            }
        }
    }

    /// `PAK -[economic 5]- CHN -[security 3 adversarial]- RUS  cost 0.533333`.
    private func line(_ path: RelationPath, in graph: RelationGraph) -> String {
        let (open, close) = graph.isDirected ? (" ->[", "]-> ") : (" -[", "]- ")
        var text = path.nodes.first.map { graph.nodes[$0].id } ?? ""
        for (hop, index) in path.edges.enumerated() {
            let edge = graph.edges[index]
            text += open + edge.type.name + " " + formatNumber(edge.weight)
            if edge.polarity == .adversarial { text += " adversarial" }
            text += close + graph.nodes[path.nodes[hop + 1]].id
        }
        return text + "  cost " + formatNumber(path.cost, significantDigits: 6)
    }

    /// `{"from","to"[,"via"],"metric","paths":[{"nodes","cost","hops","edges"}]}`.
    private func document(_ paths: [RelationPath], in graph: RelationGraph, from source: Int, to target: Int,
                          via stop: Int?) -> JSONOutput {
        var members: [(String, JSONOutput)] = [("from", .string(graph.nodes[source].id)), ("to", .string(graph.nodes[target].id))]
        if let stop { members.append(("via", .string(graph.nodes[stop].id))) }
        members.append(("metric", .string(metric.rawValue)))
        members.append(("paths", .array(paths.map { path in
            let hops: [JSONOutput] = path.edges.enumerated().map { hop, index in
                let edge = graph.edges[index]
                // The direction travelled, which for an undirected edge may be the reverse of the file's.
                return .object([
                    ("source", .string(graph.nodes[path.nodes[hop]].id)),
                    ("target", .string(graph.nodes[path.nodes[hop + 1]].id)),
                    ("type", .string(edge.type.name)), ("weight", .number(edge.weight)),
                    ("polarity", .string(edge.polarity.rawValue)),
                ])
            }
            return .object([
                ("nodes", .array(path.nodes.map { .string(graph.nodes[$0].id) })), ("cost", .number(path.cost)),
                ("hops", .integer(path.hops)), ("edges", .array(hops)),
            ])
        })))
        return .object(members)
    }
}
