import Entente
import EntenteGraphviz
import Foundation
import Testing

/// Edge widths are bounded: the 1-to-5 seed graphs keep their widths byte for byte, heavy weights are
/// scaled into the same range.
@Suite struct PenWidthTests {
    /// `source target type penwidth` for every edge line of a diagram's DOT source, in edge order.
    private func widths(_ diagram: Diagram, of graph: RelationGraph) -> [String] {
        let source = diagram.source()
        let edgeLines = source.split(separator: "\n").filter { $0.contains(" -- ") || $0.contains(" -> ") }
        return zip(graph.edges, edgeLines).map { edge, line in
            let width = line.firstRange(of: "penwidth=").map { range in
                String(line[range.upperBound...].prefix { $0 != "," && $0 != "]" && $0 != " " })
            } ?? "?"
            return "\(edge.source) \(edge.target) \(edge.type.name) \(width.trimmingCharacters(in: ["\""]))"
        }
    }

    @Test(arguments: ["pakistan", "awaam-agenda"])
    func seedGraphsKeepTheirWidths(name: String) throws {
        let graph = try realGraph(name)
        let golden = try String(contentsOf: goldenDirectory.appendingPathComponent("\(name)-penwidths.txt"), encoding: .utf8)
        #expect(widths(try Diagram(graph), of: graph).joined(separator: "\n") + "\n" == golden)
    }

    @Test func heavyWeightsAreScaledIntoTheRange() throws {
        var graph = RelationGraph(name: "trade")
        for id in ["A", "B", "C", "D"] { try graph.addNode(Node(id: id)) }
        try graph.addEdge(from: "A", to: "B", weight: 120)
        try graph.addEdge(from: "B", to: "C", weight: 30)
        try graph.addEdge(from: "C", to: "D", weight: 1e308)
        try graph.addEdge(from: "A", to: "D", weight: 1)
        #expect(widths(try Diagram(graph), of: graph) == ["A B economic 0.7", "B C economic 0.7", "C D economic 3.5",
                                                          "A D economic 0.7"])
        let style = DiagramStyle()
        #expect(style.penWidth(ofWeight: 120, largestWeight: 120) == 3.5)
        #expect(style.penWidth(ofWeight: 30, largestWeight: 120) == 0.875)
        #expect(style.penWidth(ofWeight: 4, largestWeight: 5) == 4 * 0.7)
        #expect(style.penWidth(ofWeight: 120) == 3.5)
    }
}
