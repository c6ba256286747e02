import Entente
import EntenteGraphviz
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Names that hold control characters or look like markup are drawn literally, and the drawing
/// stays valid for its format.
@Suite struct HostileNameTests {
    private func hostileGraph() throws -> RelationGraph {
        var graph = RelationGraph(name: "hostile")
        try graph.addNode(Node(id: "A", label: "&lt;b&gt;bold&lt;/b&gt;"))
        try graph.addNode(Node(id: "B", label: "&#80;&#65;&#75;"))
        try graph.addNode(Node(id: "C", label: "bell\u{7} esc\u{1B}[31m nul-free\u{1} sep\u{2028}end"))
        try graph.addEdge(Edge(source: "A", target: "B", evidence: [Evidence(source: "s", quote: "a \u{1B}[2J quote")]))
        try graph.addEdge(Edge(source: "B", target: "C"))
        return graph
    }

    /// Every text node of the SVG, decoded by a real XML parser (which refuses a file that is not well-formed).
    private func svgTexts(_ bytes: [UInt8]) throws -> [String] {
        let document = try XMLDocument(data: Data(bytes))
        return try document.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue)
    }

    @Test func markupAndEntitiesAreDrawnAsWritten() throws {
        let texts = try svgTexts(try Renderer.render(try Diagram(hostileGraph()), as: .svg))
        #expect(texts.contains("&lt;b&gt;bold&lt;/b&gt;"), "\(texts)")
        #expect(texts.contains("&#80;&#65;&#75;"), "\(texts)")
        #expect(!texts.contains("PAK") && !texts.contains("<b>bold</b>"))
    }

    @Test func controlCharactersAreShownEscapedAndTheSVGIsWellFormed() throws {
        let texts = try svgTexts(try Renderer.render(try Diagram(hostileGraph()), as: .svg))
        #expect(texts.contains("bell\\u{7} esc\\u{1B}[31m nul-free\\u{1} sep\\u{2028}end"), "\(texts)")
    }

    @Test func graphvizJSONOfHostileNamesIsValidJSON() throws {
        let bytes = try Renderer.render(try Diagram(hostileGraph()), as: .json)
        #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(bytes)) }
    }
}
