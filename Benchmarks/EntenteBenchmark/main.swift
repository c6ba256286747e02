// Times Entente's algorithms on a benchmark CSV (Benchmarks/gen_graph.py) and prints one JSON line per
// operation, in the format Benchmarks/peers.py prints for igraph and networkit, so that
// Benchmarks/compare.py can put them side by side. Benchmarks/compare.sh runs everything.
//
//     swift run -c release entente-benchmark GRAPH.csv [--graph NAME] [--ops a,b,...] [--runs N] [--label TEXT]
//                                                      [--samples K]
//
// Operations (undirected graph; "weighted" uses the CSV weight, as the peers do):
//   load                  file -> RelationGraph -> GraphView -> WeightedAdjacency (ready to run algorithms)
//   parse, adjacency      the two halves of load, reported for information
//   dijkstra              distances from n0, weight as length (metric .length)
//   bfs                   hop distances from n0 (metric .hops)
//   betweenness           exact betweenness under hops, not normalized
//   betweenness_weighted  the same under .length
//   closeness_weighted    Wasserman–Faust closeness under .length
//   pagerank_weighted     PageRank, alpha 0.85, summed weights
//   eigenvector           eigenvector centrality, summed weights
//   louvain               Louvain communities (view.communities(method: .louvain)), resolution 1, default
//                         seed; check = the modularity
//   leiden                Leiden communities, the same way
//   progress_overhead     exact betweenness under hops without and with a progress hook (a SweepMonitor
//                         whose handler counts its calls), runs alternated; two lines,
//                         betweenness_unmonitored and betweenness_monitored, the second with "overhead"
//                         (median monitored / median unmonitored − 1, in percent, wall clock) and
//                         "cpu_overhead" (the same over the process's user + system CPU time, which
//                         other processes on a loaded machine disturb less), "min_overhead" (fastest
//                         monitored / fastest unmonitored run − 1), and "advance_ns", the cost of
//                         the hook per source measured alone (two threads counting 2 million sources
//                         on one monitor with a handler) with "bound_overhead", that cost times
//                         the number of sources over the unmonitored median: what the hook can add
//   betweenness_sampled   betweenness estimated from --samples sources (default 500, seed 0) under .length,
//                         normalized, by the spread estimator (the default); the time includes the draw
//   betweenness_sampled_networkx   the same by networkx's estimator (a uniform sample)
//
// Timing protocol (the same as peers.py): each operation runs once; if that took less than 5 s it is a
// discarded warm-up, otherwise it counts as the first run; then runs continue until N are timed (a first
// run above 60 s is reported alone). seconds = median. "check" is a sum of the result, computed outside
// the timing, so that runs can be compared with the peers' and the work cannot be optimised away.
import Entente
import Foundation
import Synchronization

let allOperations = ["load", "parse", "adjacency", "dijkstra", "bfs", "betweenness", "betweenness_weighted",
                     "closeness_weighted", "pagerank_weighted", "eigenvector", "louvain", "leiden",
                     "progress_overhead", "betweenness_sampled", "betweenness_sampled_networkx"]
let warmUpLimit = 5.0
let singleRunLimit = 60.0
let sourceID = "n0"

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data("entente-benchmark: \(message)\n".utf8))
    exit(status)
}

/// The command line: a CSV path and `--name value` options.
struct Options {
    var csv = ""
    var graph = ""
    var operations = allOperations
    var runs = 3
    var label = "dev"
    var samples = 500

    init(_ arguments: ArraySlice<String>) {
        var rest = arguments
        while let argument = rest.popFirst() {
            guard argument.hasPrefix("--") else {
                guard csv.isEmpty else { fail("unexpected argument \(argument)", status: 64) }
                csv = argument
                continue
            }
            guard let value = rest.popFirst() else { fail("\(argument) needs a value", status: 64) }
            switch argument {
            case "--graph": graph = value
            case "--ops": operations = value.split(separator: ",").map(String.init)
            case "--runs":
                guard let count = Int(value), count >= 1 else { fail("--runs must be a positive whole number", status: 64) }
                runs = count
            case "--label": label = value
            case "--samples":
                guard let count = Int(value), count >= 2 else { fail("--samples must be a whole number of at least 2", status: 64) }
                samples = count
            default: fail("unknown option \(argument)", status: 64)
            }
        }
        guard !csv.isEmpty else {
            fail("usage: entente-benchmark GRAPH.csv [--graph NAME] [--ops a,b,...] [--runs N] [--label TEXT] [--samples K]", status: 64)
        }
        if graph.isEmpty {
            let name = csv.split(separator: "/").last.map(String.init) ?? csv
            graph = name.hasSuffix(".csv") ? String(name.dropLast(4)) : name
        }
        for operation in operations where !allOperations.contains(operation) {
            fail("unknown operation \(operation) (expected: \(allOperations.joined(separator: ",")))", status: 64)
        }
    }
}

func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
}

/// Runs `body` under the warm-up/median protocol; returns the timed runs and the last result.
func measure<Result>(runs: Int, _ body: () throws -> Result) rethrows -> (times: [Double], result: Result) {
    let clock = ContinuousClock()
    var times: [Double] = []
    var first = true
    while true {
        var result: Result?
        let elapsed = seconds(try clock.measure { result = try body() })
        if first {
            first = false
            if elapsed >= warmUpLimit { times.append(elapsed) }
            if elapsed > singleRunLimit, let result { return (times, result) }
        } else {
            times.append(elapsed)
        }
        if times.count >= runs, let result { return (times, result) }
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
}

/// Sum of the finite values (unreachable nodes are infinite).
func finiteSum(_ values: [Double]) -> Double { values.reduce(0) { $1.isFinite ? $0 + $1 : $0 } }

func jsonString(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}

func report(_ options: Options, op: String, times: [Double], check: Double?, nodes: Int, edges: Int,
            extra: [String] = []) {
    var fields = [
        "\"peer\": \"entente\"", "\"graph\": \(jsonString(options.graph))", "\"op\": \(jsonString(op))",
        "\"seconds\": \(median(times))", "\"runs\": [\(times.map { String($0) }.joined(separator: ", "))]",
        "\"version\": \(jsonString(options.label))", "\"nodes\": \(nodes)", "\"edges\": \(edges)",
    ]
    if let check { fields.append("\"check\": \(check)") }
    fields += extra
    // Unbuffered, so that a line is out as soon as its operation is done.
    FileHandle.standardOutput.write(Data(("{" + fields.joined(separator: ", ") + "}\n").utf8))
}

let options = Options(CommandLine.arguments.dropFirst())
let wanted = Set(options.operations)

func loadGraph(_ path: String) throws -> RelationGraph {
    try CSVEdgeList.read(try FileIO.readText(path), file: path)
}

do {
    // Load: the whole way from the file to an adjacency the algorithms run on (the peers' "load"
    // likewise ends with a graph object ready for their algorithms).
    if wanted.contains("load") {
        let (times, adjacency) = try measure(runs: options.runs) {
            WeightedAdjacency(GraphView(try loadGraph(options.csv), filter: .cooperative), metric: .length)
        }
        report(options, op: "load", times: times, check: finiteSum(adjacency.weights) / 2,
               nodes: adjacency.nodeCount, edges: adjacency.arcCount / 2)
    }
    if wanted.contains("parse") {
        let (times, graph) = try measure(runs: options.runs) { try loadGraph(options.csv) }
        report(options, op: "parse", times: times, check: nil, nodes: graph.nodes.count, edges: graph.edges.count)
    }
    let graph = try loadGraph(options.csv)
    let view = GraphView(graph, filter: .cooperative)
    let nodes = view.nodeCount, edges = view.edgeCount
    if wanted.contains("adjacency") {
        let (times, _) = measure(runs: options.runs) { WeightedAdjacency(view, metric: .length) }
        report(options, op: "adjacency", times: times, check: nil, nodes: nodes, edges: edges)
    }
    guard let sourceIndex = graph.index(of: sourceID), let source = view.localIndex(ofNode: sourceIndex) else {
        fail("\(options.csv) has no node \(sourceID)", status: 1)
    }
    let length = WeightedAdjacency(view, metric: .length)
    let hops = WeightedAdjacency(view, metric: .hops)

    /// Times one operation on an adjacency and reports it with the sum of its values.
    func run(_ op: String, _ body: () throws -> [Double]) rethrows {
        guard wanted.contains(op) else { return }
        let (times, values) = try measure(runs: options.runs, body)
        report(options, op: op, times: times, check: finiteSum(values), nodes: nodes, edges: edges)
    }
    // In the order of peers.py, so that the two logs read alike.
    run("dijkstra") { length.distances(from: source) }
    run("bfs") { hops.distances(from: source) }
    run("betweenness") { hops.betweennessCentrality(normalized: false) }
    run("betweenness_weighted") { length.betweennessCentrality(normalized: false) }
    run("closeness_weighted") { length.closenessCentrality() }
    try run("pagerank_weighted") { try length.pageRank(alpha: 0.85) }
    try run("eigenvector") { try length.eigenvectorCentrality() }
    // The cost of watching: the same sweep with and without a monitor that reports progress, the runs
    // alternated so that the load of a shared machine weighs on both alike.
    if wanted.contains("progress_overhead") {
        let clock = ContinuousClock()
        var plain: [Double] = [], monitored: [Double] = []
        var plainCPU: [Double] = [], monitoredCPU: [Double] = []
        var plainValues: [Double] = [], monitoredValues: [Double] = []
        let reports = ReportCounter()
        for _ in 0...options.runs {  // the first pair is a warm-up
            var cpu = processCPUSeconds()
            plain.append(seconds(clock.measure { plainValues = hops.betweennessCentrality(normalized: false) }))
            plainCPU.append(processCPUSeconds() - cpu)
            let monitor = SweepMonitor(total: nodes, report: reports.handler)
            cpu = processCPUSeconds()
            monitored.append(seconds(clock.measure {
                monitoredValues = hops.betweennessCentrality(normalized: false, monitor: monitor)
            }))
            monitoredCPU.append(processCPUSeconds() - cpu)
        }
        guard plainValues == monitoredValues else { fail("the monitored sweep gave other values", status: 1) }
        plain.removeFirst()
        monitored.removeFirst()
        plainCPU.removeFirst()
        monitoredCPU.removeFirst()
        let overhead = (median(monitored) / median(plain) - 1) * 100
        let cpuOverhead = (median(monitoredCPU) / median(plainCPU) - 1) * 100
        let minOverhead = ((monitored.min() ?? 0) / (plain.min() ?? 1) - 1) * 100
        // The hook alone: what one source's count, clock reading and cancellation check cost, with
        // both threads counting on one monitor (the shared counter's cache line goes back and forth).
        let perThread = 1_000_000
        let alone = SweepMonitor(total: 2 * perThread, report: ReportCounter().handler)
        let aloneTime = seconds(clock.measure {
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                for _ in 0..<perThread where !alone.isCancelled { alone.advance() }
            }
        })
        // Two threads share the work, so a source costs its thread aloneTime / perThread.
        let advanceSeconds = aloneTime / Double(perThread)
        let boundOverhead = advanceSeconds * Double(nodes) / 2 / median(plain) * 100
        report(options, op: "betweenness_unmonitored", times: plain, check: finiteSum(plainValues), nodes: nodes, edges: edges,
               extra: ["\"cpu_seconds\": \(median(plainCPU))"])
        report(options, op: "betweenness_monitored", times: monitored, check: finiteSum(monitoredValues), nodes: nodes,
               edges: edges, extra: ["\"overhead\": \(overhead)", "\"cpu_seconds\": \(median(monitoredCPU))",
                                     "\"cpu_overhead\": \(cpuOverhead)", "\"min_overhead\": \(minOverhead)",
                                     "\"advance_ns\": \(advanceSeconds * 1e9)", "\"bound_overhead\": \(boundOverhead)",
                                     "\"reports\": \(reports.count)"])
    }
    // Sampled betweenness by each estimator; the time includes drawing the sample (the spread sample's
    // shortest-path forest).
    for (op, estimator) in [("betweenness_sampled", BetweennessSampling.Estimator.spread),
                            ("betweenness_sampled_networkx", .networkx)] where wanted.contains(op) {
        let sampling = BetweennessSampling(sources: options.samples, seed: 0, estimator: estimator)
        let (times, values) = measure(runs: options.runs) {
            length.betweennessCentrality(sample: sampling.sample(in: length))
        }
        report(options, op: op, times: times, check: finiteSum(values), nodes: nodes, edges: edges,
               extra: ["\"sources\": \(options.samples)", "\"estimator\": \"\(estimator)\""])
    }
    // Communities from the view, as `entente communities` computes them: the timing includes building
    // the community graph from the view and the partition by id; the check is the modularity.
    for (op, method) in [("louvain", CommunityMethod.louvain), ("leiden", .leiden)] where wanted.contains(op) {
        let (times, result) = try measure(runs: options.runs) { try view.communities(method: method) }
        report(options, op: op, times: times, check: result.modularity, nodes: nodes, edges: edges)
    }
} catch {
    fail("\(error)", status: 1)
}

/// Counts the progress reports of the monitored runs (the hook a caller would pass, minus the drawing).
final class ReportCounter: Sendable {
    private let calls = Mutex(0)
    var count: Int { calls.withLock { $0 } }
    var handler: ProgressHandler { { [self] _ in calls.withLock { $0 += 1 } } }
}

/// User + system CPU time of this process so far (all threads), in seconds.
func processCPUSeconds() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) * 1e-6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}
