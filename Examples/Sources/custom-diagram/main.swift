// custom-diagram: draws a diagram through the library API with a style of its own: the ego network
// of Pakistan's economic and security ties in its own colours, shapes and fonts, with the strongest
// economic path to India emphasised, nodes sized by PageRank, laid out by circo.
//
//     swift run custom-diagram [OUTPUT.svg]
//
// The output defaults to custom-diagram.svg in the current directory; it is written atomically.

import Entente
import EntenteGraphviz

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure of the example itself (as opposed to a ``GraphError`` or ``GraphvizError`` from the libraries).
struct DiagramError: Error, CustomStringConvertible {
    let description: String
    /// 64 (`EX_USAGE`) for a wrong command line, 1 for everything else.
    var exitCode: Int32 = 1
}

/// `Graphs/pakistan.json` of this repository, found from this source file's location.
func defaultGraphPath(sourceFile: String = #filePath) -> String {
    // …/Examples/Sources/custom-diagram/main.swift → … (the repository root)
    var components = sourceFile.split(separator: "/", omittingEmptySubsequences: false)
    components.removeLast(4)
    return components.joined(separator: "/") + "/Graphs/pakistan.json"
}

/// A style of this tool's own: warm paper, serif type, a diverging palette, hexagons for blocs.
func newspaperStyle() -> DiagramStyle {
    var style = DiagramStyle()
    style.typeColors[.economic] = "#2166AC"
    style.typeColors[.security] = "#B2182B"
    style.typeColors[.cultural] = "#1B7837"
    style.kindShapes[.bloc] = "hexagon"
    style.kindShapes[.organization] = "box"
    style.nodeFillColor = "#FFF8E7"
    style.nodeLineColor = "#3B3B3B"
    style.fontName = "Georgia"
    style.sizedFontRange = 11...26
    style.titleFontSize = 20
    style.penWidthPerWeight = 0.9
    style.highlightPenFactor = 3
    return style
}

func run(arguments: [String]) throws {
    guard arguments.count <= 1 else {
        throw DiagramError(description: "usage: custom-diagram [OUTPUT.svg]", exitCode: 64)
    }
    let output = arguments.first ?? "custom-diagram.svg"
    let graph = try RelationGraph(contentsOf: defaultGraphPath())

    // Pakistan's economic and security ties: Pakistan, its direct partners and rivals, and every such
    // edge among them. Adversarial edges are kept (drawn dashed): a diagram of relations shows the
    // conflicts too.
    let ties = RelationFilter(types: [.economic, .security], polarities: [.cooperative, .adversarial],
                              around: "Pakistan", depth: 1)

    // The strongest economic path to India over the cooperative economic ties of that ego network,
    // and PageRank over its cooperative ties to size the labels.
    let economic = try graph.analysis(types: [.economic])
    guard let route = try economic.shortestPath(from: "Pakistan", to: "India") else {
        throw DiagramError(description: "no economic path from Pakistan to India")
    }
    let cooperative = try Analysis(graph, filter: RelationFilter(types: [.economic, .security], around: "Pakistan"))

    let diagram = try Diagram(graph, showing: ties, style: newspaperStyle(), title: "Pakistan: economic and security ties",
                              highlight: route, nodeSizes: try cooperative.centrality(.pagerank))
    // circo keeps the hub's many spokes apart better than the default neato on so small a graph.
    try Renderer.render(diagram, to: output, layout: .circo)
    print("wrote \(output) (highlighted \(route.nodes.joined(separator: " → ")))")
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
} catch let error as DiagramError {
    printError("custom-diagram: \(error)")
    exit(error.exitCode)
} catch {
    printError("custom-diagram: \(error)")
    exit(1)
}
