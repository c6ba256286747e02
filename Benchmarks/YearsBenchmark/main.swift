// Times `--at YEAR` filtering on a world-sized graph: 200 states with years (one in five with two
// spells, as COW's), 100,000 ties with since/until, built in memory with a fixed seed. Prints one
// JSON line per operation: the median of --runs runs, in milliseconds.
//
//     swift run -c release years-benchmark [--runs N]
//
// Operations:
//   view_at         GraphView through RelationFilter(year:), both polarities: the nodes that exist in
//                   the year and the ties that hold in it (what every command's --at builds)
//   info_at         GraphSummary of the year (entente info --at: counts, components)
//   analysis_at     the same through Analysis(graph, filter:) with the analysis default (cooperative
//                   ties), checks included
//   subgraph_at     graph.subgraph(filter): the year as a graph of its own (convert --at)
//   check_ties      RelationGraph.checkTieYears() over every tie (what reading a file adds)
import Entente
import Foundation

var runs = 21
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    if argument == "--runs", let value = arguments.popFirst().flatMap(Int.init), value > 0 { runs = value }
}

/// SplitMix64, for a graph that is the same on every run and platform.
var state: UInt64 = 0x5EED
@MainActor func next(_ bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int((z ^ (z >> 31)) % UInt64(bound))
}

var graph = RelationGraph(name: "world-sized", directed: false)
var lifetimes: [(since: Int, until: Int)] = []
for index in 0..<200 {
    let since = 1816 + next(150)
    let until = min(2016, since + 20 + next(200))
    var node = Node(id: "S\(index)", since: since, until: until)
    if index % 5 == 0, until - since > 40 {
        // Two spells with a gap of ten years in the middle.
        let gap = since + (until - since) / 2
        node.spells = [Spell(since: since, until: gap - 5), Spell(since: gap + 5, until: until)]
    }
    try graph.addNode(node)
    lifetimes.append((since, until))
}
var added = 0
while added < 100_000 {
    let a = next(200), b = next(200)
    guard a != b else { continue }
    let low = max(lifetimes[a].since, lifetimes[b].since), high = min(lifetimes[a].until, lifetimes[b].until)
    guard low + 1 < high else { continue }
    let since = low + next(high - low)
    let until = since + next(high - since + 1)
    let edge = Edge(source: "S\(a)", target: "S\(b)", type: [RelationType.security, .economic, RelationType("membership")][next(3)],
                    weight: Double(1 + next(5)), polarity: next(5) == 0 ? .adversarial : .cooperative, since: since, until: until)
    try graph.addEdge(edge)
    added += 1
}
// Ties across a gap are clipped into the spells, as a lenient read would.
graph.clipTiesToNodeYears()
try graph.checkTieYears()

@MainActor func median(_ body: () throws -> Int) rethrows -> (milliseconds: Double, check: Int) {
    var times: [Double] = []
    var check = 0
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        check = try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    times.sort()
    return (times[times.count / 2], check)
}

@MainActor func report(_ operation: String, _ result: (milliseconds: Double, check: Int)) {
    let line = "{\"operation\":\"\(operation)\",\"nodes\":\(graph.nodes.count),\"ties\":\(graph.edges.count),"
        + "\"ms\":\(String(format: "%.3f", result.milliseconds)),\"check\":\(result.check),\"runs\":\(runs)}"
    print(line)
}

let everything = RelationFilter(polarities: [.cooperative, .adversarial], year: 1962)
report("view_at", median { graph.view(everything).edgeCount })
report("info_at", median { GraphSummary(graph, filter: everything).edgeCount })
report("analysis_at", try median { try Analysis(graph, filter: RelationFilter(year: 1962)).nodes.count })
report("subgraph_at", try median { try graph.subgraph(everything).edges.count })
report("check_ties", try median {
    try graph.checkTieYears()
    return graph.edges.count
})
