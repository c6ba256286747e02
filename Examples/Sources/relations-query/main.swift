// relations-query: embeds Entente the way a user's tool would. It loads a relations graph, asks for
// the strongest economic path between two nations and lists the brokers of the economic network.
//
//     swift run relations-query [GRAPH.json [FROM TO]]
//
// Without arguments it reads Graphs/pakistan.json of this repository and asks for Pakistan → India.

import Entente

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure of the example itself (as opposed to a ``GraphError`` from the library).
struct QueryError: Error, CustomStringConvertible {
    let description: String
    /// 64 (`EX_USAGE`) for a wrong command line, 1 for everything else.
    var exitCode: Int32 = 1
}

/// The graph this example reads by default: `Graphs/pakistan.json`, found from this source file's
/// location so that `swift run` works from any directory.
func defaultGraphPath(sourceFile: String = #filePath) -> String {
    // …/Examples/Sources/relations-query/main.swift → … (the repository root)
    var components = sourceFile.split(separator: "/", omittingEmptySubsequences: false)
    components.removeLast(4)
    return components.joined(separator: "/") + "/Graphs/pakistan.json"
}

/// `PAK (Pakistan)` for a node index.
func name(_ node: Int, in graph: RelationGraph) -> String { graph.describe(node: node) }

func run(arguments: [String]) throws {
    guard arguments.count == 0 || arguments.count == 1 || arguments.count == 3 else {
        throw QueryError(description: "usage: relations-query [GRAPH.json [FROM TO]]", exitCode: 64)
    }
    let path = arguments.first ?? defaultGraphPath()
    let fromName = arguments.count == 3 ? arguments[1] : "Pakistan"
    let toName = arguments.count == 3 ? arguments[2] : "India"

    // Load: FileIO reads the bytes (rejecting empty and binary files), NativeJSON parses them.
    // Both throw GraphError, whose description names the file, line and column of the problem.
    let graph = try NativeJSON.read(try FileIO.readText(path), file: path)

    // Names resolve by id, label or alias, in any case ("pakistan", "PAK", "Islamic Republic of Pakistan").
    let from = try graph.resolve(fromName, file: path)
    let to = try graph.resolve(toName, file: path)

    // Keep cooperative economic ties only, and make strong ties short: cost = 1 / weight.
    let view = GraphView(graph, filter: .analysis(types: [.economic], includeAdversarial: false))
    let adjacency = WeightedAdjacency(view, metric: .strength)

    // Algorithms take *local* indices of the view; paths come back with *graph* indices.
    guard let source = adjacency.view.localIndex(ofNode: from),
          let target = adjacency.view.localIndex(ofNode: to) else {
        throw QueryError(description: "\(path): \(name(from, in: graph)) or \(name(to, in: graph)) is not in the view")
    }

    print("\(graph.name): \(graph.nodes.count) nodes, \(graph.edges.count) edges")
    print("")
    print("Strongest economic path from \(name(from, in: graph)) to \(name(to, in: graph))")
    print("(cooperative economic ties only; cost = sum of 1/weight):")
    if let path = adjacency.shortestPath(from: source, to: target) {
        print("  \(name(path.nodes[0], in: graph))")
        for (hop, edgeIndex) in path.edges.enumerated() {
            let edge = graph.edges[edgeIndex]
            print("    -[\(edge.type) \(formatNumber(edge.weight))]- \(name(path.nodes[hop + 1], in: graph))")
        }
        print("  \(path.hops) hops, cost \(formatNumber(path.cost, significantDigits: 6))")
    } else {
        print("  no path")
    }

    // Betweenness over the same view and metric: who brokers the economic network.
    guard case .nodes(let values) = try adjacency.centrality(.betweenness) else {
        throw QueryError(description: "betweenness did not give one value per node")
    }
    // values[local] belongs to graph node adjacency.view.nodeIndices[local].
    let ranked = values.indices.map { local in
        (node: graph.nodes[adjacency.view.nodeIndices[local]], value: values[local])
    }.sorted { lhs, rhs in
        lhs.value != rhs.value ? lhs.value > rhs.value : lhs.node.id < rhs.node.id
    }
    print("")
    print("Top 5 by betweenness (normalized, same ties and costs):")
    for (rank, entry) in ranked.prefix(5).enumerated() {
        let id = entry.node.id.padding(to: 5)
        let label = entry.node.label.padding(to: 22)
        print("  \(rank + 1). \(id) \(label) \(formatNumber(entry.value, significantDigits: 6))")
    }
}

extension String {
    /// The string padded with spaces on the right to at least `width` characters.
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

/// Writes one line to standard error.
func printError(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(STDERR_FILENO, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            if written <= 0 { return }
            offset += written
        }
    }
}

do {
    try run(arguments: Array(CommandLine.arguments.dropFirst()))
} catch let error as QueryError {
    printError("relations-query: \(error)")
    exit(error.exitCode)
} catch {
    printError("relations-query: \(error)")
    exit(1)
}
