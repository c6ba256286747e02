import Entente
@testable import EntenteGraphviz
import Testing

@Suite struct DOTReaderTests {
    private func read(_ text: String) throws(GraphError) -> RelationGraph {
        try DOTReader.read(Array(text.utf8), file: "test.dot")
    }

    @Test func readsNodesEdgesAndAttributesInFileOrder() throws {
        let graph = try read("""
            graph "Relations" {
              "PAK" [label="Pakistan", kind="state", aliases="PK|Islamic Republic of Pakistan", capital="Islamabad"];
              "EU" [label="European\\nUnion", kind="bloc"];
              "CHN";
              "CHN" -- "PAK" [type="security", weight="4.5", polarity="cooperative", since="1951", note="ally",
                              evidence="article: all-weather friendship\nref: treaty: of 1963", strength="high"];
              "PAK" -- "EU" [type="economic"];
              "PAK" -- "CHN" [type="economic", weight=5];
              "EU" -- "CHN" [type="trade", polarity="adversarial", until="2020"];
            }
            """)
        #expect(graph.name == "Relations")
        #expect(!graph.isDirected)
        #expect(graph.nodes.map(\.id) == ["PAK", "EU", "CHN"])
        #expect(graph.nodes[0].label == "Pakistan")
        #expect(graph.nodes[0].aliases == ["PK", "Islamic Republic of Pakistan"])
        #expect(graph.nodes[0].attributes == ["capital": "Islamabad"])
        #expect(graph.nodes[1].label == "European\nUnion")
        #expect(graph.nodes[1].kind == .bloc)
        #expect(graph.nodes[2].label == "CHN")
        #expect(graph.nodes[2].kind == .state)
        #expect(graph.edges.count == 4)
        let first = graph.edges[0]
        #expect(first.source == "CHN" && first.target == "PAK")
        #expect(first.type == .security && first.weight == 4.5 && first.polarity == .cooperative)
        #expect(first.since == 1951 && first.until == nil && first.note == "ally")
        #expect(first.evidence == [Evidence(source: "article", quote: "all-weather friendship"),
                                   Evidence(source: "ref", quote: "treaty: of 1963")])
        #expect(first.attributes == ["strength": "high"])
        #expect(graph.edges[1].source == "PAK" && graph.edges[1].target == "EU" && graph.edges[1].weight == 1)
        #expect(graph.edges[2].type == .economic && graph.edges[2].weight == 5)
        #expect(graph.edges[3].type == "trade" && graph.edges[3].polarity == .adversarial && graph.edges[3].until == 2020)
        #expect(graph.knows(type: "trade"))
    }

    @Test func readsDirectedGraphs() throws {
        let graph = try read("digraph { a -> b; b -> a [weight=2] }")
        #expect(graph.isDirected)
        #expect(graph.name == "")
        #expect(graph.edges.map { [$0.source, $0.target] } == [["a", "b"], ["b", "a"]])
        #expect(try read("graph { a -- b }").isDirected == false)
    }

    @Test func syntaxErrorNamesTheLine() {
        #expect(throws: GraphError.syntax(Entente.SourceLocation(file: "test.dot", line: 3), "syntax error near '}'")) {
            try read("graph G {\n  a -- b;\n  c -- }\n")
        }
        do {
            _ = try read("graph {\n\n\n\n x -- \"\n")
            Issue.record("an unterminated string was accepted")
        } catch {
            #expect(error.location?.line != nil)
            #expect(error.description.hasPrefix("test.dot:"))
        }
    }

    @Test func eachReadStartsAfresh() throws {
        // What follows a graph (its final newline, a second graph) must not reach the next read.
        #expect(try read("graph { a -- b }\n\n").edges.count == 1)
        #expect(throws: GraphError.syntax(Entente.SourceLocation(file: "test.dot", line: 2), "syntax error near '}'")) {
            try read("graph {\n a -- }")
        }
        // A text of two graphs is refused (and the second must not reach the next read either).
        #expect(throws: GraphError.self) { try read("graph { a -- b } graph { c -- d }") }
        #expect(try read("graph { x -- y }").nodes.map(\.id) == ["x", "y"])
        // A render parses DOT text ending in a newline too.
        _ = try Renderer.render(try Diagram(try read("graph { a -- b }")), as: .dot, layout: .dot)
        #expect(throws: GraphError.syntax(Entente.SourceLocation(file: "test.dot", line: 1), "syntax error near '}'")) {
            try read("graph { a -- }")
        }
    }

    @Test func errorsOfOneReadDoNotLeakIntoTheNext() throws {
        #expect(throws: GraphError.self) { try read("graph { a -- }") }
        #expect(try read("graph { a -- b }").edges.count == 1)
    }

    @Test(arguments: ["0", "-2", "heavy", "nan", "inf", "1e999", "0x"])
    func rejectsInvalidWeights(_ weight: String) {
        #expect(throws: GraphError.invalidWeight(Entente.SourceLocation(file: "test.dot", line: 1), value: weight)) {
            try read("graph { a -- b [weight=\"\(weight)\"] }")
        }
    }

    @Test func leavesSelfLoopsOutAndCountsThemUnlessStrict() throws {
        let text = "digraph { a -> a; a -> b [weight=2]; b -> b; b -> b [type=security]; c }"
        let graph = try read(text)
        #expect(graph.nodes.map(\.id) == ["a", "b", "c"])
        #expect(graph.edges.map { "\($0.source)>\($0.target) \($0.weight)" } == ["a>b 2.0"])
        #expect(graph.omittedSelfLoops == 3)
        #expect(try read("graph { a -- b }").omittedSelfLoops == 0)
        #expect(throws: GraphError.selfLoop(Entente.SourceLocation(file: "test.dot"), id: "a")) {
            try DOTReader.read(Array(text.utf8), file: "test.dot", strict: true)
        }
    }

    @Test func readsLatin1WhenTheGraphSaysCharsetLatin1() throws {
        // "Zürich" -- "São Paulo" with label "Genève", every non-ASCII letter one Latin-1 byte.
        for charset in ["latin1", "Latin-1", "ISO-8859-1", "iso_8859-1", "ISO8859-1", "l1", "ISO-IR-100"] {
            let bytes = Array("graph { charset=\"\(charset)\"; \"Z".utf8) + [0xFC] + Array("rich\" [label=\"Gen".utf8) + [0xE8]
                + Array("ve\"]; \"Z".utf8) + [0xFC] + Array("rich\" -- \"S".utf8) + [0xE3] + Array("o Paulo\" }".utf8)
            let graph = try DOTReader.read(bytes, file: "test.dot")
            #expect(graph.nodes.map(\.id) == ["Zürich", "São Paulo"], "charset \(charset)")
            #expect(graph.nodes[0].label == "Genève")
            #expect(graph.edges.count == 1)
        }
        // Latin-1 without the charset: refused with the line of the first bad byte and the fix.
        let unsaid = Array("graph {\n  a -- \"Z".utf8) + [0xFC] + Array("rich\"\n}\n".utf8)
        #expect(throws: GraphError.syntax(Entente.SourceLocation(file: "test.dot", line: 2),
                                          "text is not valid UTF-8 (a Latin-1 file needs the graph attribute charset=latin1, as Graphviz reads it)")) {
            try DOTReader.read(unsaid, file: "test.dot")
        }
        #expect(throws: GraphError.self) { try DOTReader.read(Array("graph { charset=utf8; a }".utf8) + [0xFC], file: "test.dot") }
        // UTF-8 stays UTF-8, whatever unknown charset is named (Graphviz assumes UTF-8 then).
        let utf8 = try read("graph { charset=\"koi8-r\"; \"Zürich\" -- b }")
        #expect(utf8.nodes.map(\.id) == ["Zürich", "b"])
        #expect(try read("\u{FEFF}graph { a -- b }").edges.count == 1)
    }

    @Test func errorsNameTheLineOfTheProblem() {
        // cgraph reports a missing `]` at the statement after it; the error names the line of the `[`.
        #expect(throws: GraphError.syntax(Entente.SourceLocation(file: "test.dot", line: 2),
                                          "'[' is not closed by ']' (syntax error near '--' on line 3)")) {
            try read("graph g {\n  a -- b [weight=2\n  b -- c\n}\n")
        }
        #expect(throws: GraphError.invalidWeight(Entente.SourceLocation(file: "test.dot", line: 4), value: "abc")) {
            try read("graph g {\n  // weight=abc in a comment is not it\n  a -- b [weight=2]\n  b -- c [type=economic, weight=\"abc\"]\n}\n")
        }
        #expect(throws: GraphError.invalidValue(Entente.SourceLocation(file: "test.dot", line: 3), field: "until", value: "later",
                                                expected: "a year")) {
            try read("graph g {\n  a -- b\n  edge [until=later]\n  b -- c\n}\n")
        }
        // A string that never closes: one line, on the line where it opens.
        #expect {
            try read("graph g {\n  a -- b [label=\"x]\n  b -- c\n}\n")
        } throws: { error in
            guard let error = error as? GraphError else { return false }
            return error.location?.line == 2 && !error.description.contains("\n")
        }
    }

    @Test func rejectsBadValues() {
        #expect(throws: GraphError.invalidValue(Entente.SourceLocation(file: "test.dot", line: 1), field: "polarity", value: "hostile",
                                                expected: "cooperative or adversarial")) {
            try read("graph { a -- b [polarity=hostile] }")
        }
        #expect(throws: GraphError.invalidValue(Entente.SourceLocation(file: "test.dot", line: 1), field: "since", value: "soon",
                                                expected: "a year")) {
            try read("graph { a -- b [since=soon] }")
        }
    }

    @Test func rejectsEmptyAndBinaryFiles() {
        #expect(throws: GraphError.empty(file: "test.dot")) { try read("") }
        #expect(throws: GraphError.empty(file: "test.dot")) { try read("  \n\t\n") }
        #expect(throws: GraphError.binary(file: "test.dot")) {
            try DOTReader.read([0x67, 0x72, 0x61, 0x70, 0x68, 0x00, 0x7B, 0x7D], file: "test.dot")
        }
        #expect(throws: GraphError.binary(file: "test.dot")) { try DOTReader.read([0x89, 0x50, 0x4E, 0x47, 0xFF], file: "test.dot") }
        #expect(throws: GraphError.syntax(Entente.SourceLocation(file: "test.dot"), "no graph found in the DOT text")) {
            try read("/* only a comment */\n")
        }
    }

    @Test func skipsLayoutAttributes() throws {
        let graph = try read("""
            graph { graph [bb="0,0,100,100"]; a [pos="1,2", width="0.75", height="0.5", label="A", shape=box];
                    b [pos="3,4"]; a -- b [pos="1,2 3,4", lp="2,3", _draw_="c 7 -#000000 B 4 1 2 3 4", color=red] }
            """)
        #expect(graph.nodes[0].attributes == ["shape": "box"])
        #expect(graph.nodes[1].attributes.isEmpty)
        #expect(graph.edges[0].attributes == ["color": "red"])
    }

    /// cgraph parses the first graph of a text and ignores what follows; a second graph is refused,
    /// at its line, instead of being lost without a word.
    @Test func aSecondGraphIsRefusedAtItsLine() throws {
        let two = "graph a { x -- y }\n// between\n/* a \n comment */ digraph \"b}\" { z -> w }\n"
        do {
            _ = try read(two)
            Issue.record("a text of two graphs was read")
        } catch {
            #expect(error.description == "test.dot:4: a second graph starts here; Entente reads one graph per file (split the file)")
        }
        // Braces, quotes and HTML strings inside the first graph do not end it early.
        let one = "graph a { x [label=\"}\"]; y [label=<<b>}</b>>]; x -- y }\n# a comment\n  // another\n"
        let graph = try read(one)
        #expect(graph.nodes.map(\.id) == ["x", "y"])
        #expect(DOTLines.lineAfterFirstGraph(Array(one.utf8)) == nil)
        #expect(DOTLines.lineAfterFirstGraph(Array(two.utf8)) == 4)
    }
}
