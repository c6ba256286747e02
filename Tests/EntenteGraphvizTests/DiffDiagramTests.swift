import Entente
import EntenteGraphviz
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Diff diagrams (`Diagram(_:comparedWith:)`, `entente render --diff`).
@Suite struct DiffDiagramTests {
    private let style = DiagramStyle()

    private func fixture(_ name: String) throws -> RelationGraph {
        try RelationGraph(contentsOf: packageRoot.appendingPathComponent("Tests/EntenteTests/Fixtures/graphs/\(name).json").path)
    }

    /// The attribute list of the DOT statement whose `id` is `id`.
    private func statement(_ id: String, in source: String) throws -> String {
        try #require(source.split(separator: "\n").first { $0.contains("id=\"\(id)\"") }.map(String.init))
    }

    @Test func aGraphComparedWithItselfDrawsAsAPlainDiagram() throws {
        for name in ["pakistan", "awaam-agenda"] {
            let graph = try realGraph(name)
            #expect(try Diagram(graph, comparedWith: graph).source() == Diagram(graph).source())
        }
    }

    @Test func eachChangeHasItsMark() throws {
        let base = try fixture("diff-base"), other = try fixture("diff-other")
        let source = try Diagram(other, comparedWith: base).source()
        let economic = style.color(of: .economic, in: other), security = style.color(of: .security, in: other)
        // edge-0 B–A economic 3 → 5; edge-1 A–B security adversarial 2 → cooperative 3; edge-2 A–D added;
        // edge-4 A–E economic flipped to adversarial 1; edge-5 B–E unchanged; edge-6, edge-7 removed.
        #expect(try statement("edge-0", in: source).contains("label=\"3→5\""))
        let flipped = try statement("edge-1", in: source)
        #expect(flipped.contains("color=\"\(security):#FFFFFF:\(security)\"") && flipped.contains("label=\"−2→+3\""))
        #expect(flipped.contains("penwidth=\"5.25\""))
        let added = try statement("edge-2", in: source)
        #expect(added.contains("penwidth=\"1.75\"") && added.contains("label=\"+\""))
        #expect(try statement("edge-4", in: source).contains("label=\"+4→−1\""))
        let unchanged = try statement("edge-5", in: source)
        #expect(!unchanged.contains("label=") && unchanged.contains("color=\"\(security)\""))
        let removed = try statement("edge-6", in: source)
        #expect(removed.hasPrefix("  \"A\" -- \"C\"") && removed.contains("style=\"dotted\"")
                && removed.contains("color=\"\(style.color(of: .cultural, in: other))\(style.fadedAlpha)\""))
        #expect(try statement("edge-7", in: source).contains("color=\"\(economic)\(style.fadedAlpha)\""))
        #expect(try statement("node-3", in: source).contains("peripheries=\"2\""))       // D, added
        #expect(try statement("node-4", in: source).contains("style=\"dotted,filled\""))  // C, removed
        #expect(!(try statement("node-0", in: source)).contains("peripheries"))
    }

    @Test func svgShowsTheMarksAndTheirLegend() throws {
        let base = try fixture("diff-base"), other = try fixture("diff-other")
        let root = try parseSVG(try Renderer.render(try Diagram(other, comparedWith: base), as: .svg))
        #expect(svgGroups(root, "edge").count == other.edges.count + 2)
        #expect(svgGroups(root, "node").count == other.nodes.count + 1)
        let strings = root.descendants(named: "text").compactMap(\.stringValue)
        for label in ["3→5", "2→4", "−2→+3", "+4→−1", "+"] { #expect(strings.contains(label), "no label \(label)") }
        for legend in [" added", "┈┈┈ removed (faded)", "3→5: weight changed", ": polarity flipped",
                       "double outline: added node", "dotted, faded: removed node"] {
            #expect(strings.contains(legend), "legend lacks \(legend)")
        }
        // The removed A–C tie is dotted and faded; the flipped A–B tie is drawn as parallel lines.
        let edges = svgGroups(root, "edge")
        let removed = try #require(edges[6].descendants(named: "path").first)
        #expect(removed.value(of: "stroke-dasharray") != nil && removed.value(of: "stroke-opacity") != nil)
        #expect(edges[1].descendants(named: "path").count >= 2)
        let tooltip = edges[1].descendants(named: "a").first?.value(of: "xlink:title") ?? ""
        #expect(tooltip.hasPrefix("polarity flipped: adversarial → cooperative"))
    }

    @Test func filterAppliesToTheRemovedTiesToo() throws {
        let base = try fixture("diff-base"), other = try fixture("diff-other")
        let source = try Diagram(other, comparedWith: base, showing: RelationFilter(types: [.cultural], polarities: [.cooperative])).source()
        #expect(source.contains("id=\"edge-6\"") && !source.contains("id=\"edge-0\""))
        #expect(throws: GraphError.self) { try Diagram(other, comparedWith: base, showing: RelationFilter(types: ["trade"])) }
    }
}
