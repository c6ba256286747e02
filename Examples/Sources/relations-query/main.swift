// relations-query: the README's quick start with arguments and evidence, compiled and run by `make test`. It embeds Entente the
// way a user's tool would: load a graph, ask for the strongest economic path between two nations,
// rank the hubs, and render a diagram — one statement each.
//
//     swift run relations-query [GRAPH.json [FROM TO]]
//
// Without arguments it reads Graphs/pakistan.json of this repository and asks for Pakistan → EU.

import Entente
import EntenteGraphviz

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `Graphs/pakistan.json` of this repository, found from this file's location so that `swift run`
/// works from any directory.
func defaultGraphPath(sourceFile: String = #filePath) -> String {
    var components = sourceFile.split(separator: "/", omittingEmptySubsequences: false)
    components.removeLast(4)  // …/Examples/Sources/relations-query/main.swift → the repository root
    return components.joined(separator: "/") + "/Graphs/pakistan.json"
}

let arguments = Array(CommandLine.arguments.dropFirst())
let file = arguments.first ?? defaultGraphPath()
let (from, to) = arguments.count == 3 ? (arguments[1], arguments[2]) : ("Pakistan", "EU")

do {
    let graph = try RelationGraph(contentsOf: file)
    let path = try graph.analysis(types: [.economic]).shortestPath(from: from, to: to)
    let hubs = try graph.analysis().centrality(.betweenness).top(3)
    try Renderer.render(try Diagram(graph, highlight: path), to: "pakistan.svg")

    print(path.map { "\($0)" } ?? "no economic path from \(from) to \(to)")
    for hub in hubs { print(hub.id, hub.label, hub.value) }
    if let tie = path?.edges.first, let quote = tie.edge.evidence.first {
        print("why \(tie.source)–\(tie.target): “\(quote.quote)” (\(quote.source))")
    }
} catch {
    print("relations-query: \(error)")
    exit(1)
}
