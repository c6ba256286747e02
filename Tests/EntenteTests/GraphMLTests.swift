import Foundation
import Testing
@testable import Entente

/// Whether `python3` with networkx can be run (the tests that need it are skipped otherwise).
let networkxAvailable: Bool = {
    guard let result = try? runPython("import networkx", []) else { return false }
    return result.status == 0
}()

/// The message of the error that reading `text` as GraphML (or GEXF) throws, or nil when it reads.
func readingError(_ text: String, file: String, gexf: Bool = false) -> String? {
    do {
        if gexf { _ = try GEXFReader.read(Array(text.utf8), file: file) } else { _ = try GraphMLReader.read(Array(text.utf8), file: file) }
        return nil
    } catch {
        return error.description
    }
}

/// Reads `Fixtures/graphml/NAME`.
private func graphMLFixture(_ name: String) throws -> RelationGraph {
    let url = fixturesDirectory.appendingPathComponent("graphml/\(name)")
    return try GraphMLReader.read(Array(try Data(contentsOf: url)), file: name)
}

/// Everything of a graph that GraphML and GEXF hold: name, direction, nodes, edges and the types used.
private func expectSameContent(_ back: RelationGraph, _ graph: RelationGraph, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(back.name == graph.name, sourceLocation: sourceLocation)
    #expect(back.isDirected == graph.isDirected, sourceLocation: sourceLocation)
    #expect(back.nodes == graph.nodes, sourceLocation: sourceLocation)
    #expect(back.edges == graph.edges, sourceLocation: sourceLocation)
    #expect(back.relationTypes == graph.relationTypes, sourceLocation: sourceLocation)
}

/// A billion-laughs document: nine levels of ten, 3 × 10⁹ characters once expanded.
func billionLaughs(root: String) -> String {
    var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE \(root) [\n <!ENTITY lol \"lol\">\n"
    for level in 2...9 {
        text += " <!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 2 ? "" : String(level - 1));", count: 10) + "\">\n"
    }
    return text + "]>\n"
}

@Suite struct GraphMLReaderTests {
    /// Entente → GraphML → Entente keeps everything GraphML holds (not the sources table, which
    /// GraphMLWriter does not write), and writing again gives the same bytes.
    @Test(arguments: ["pakistan", "awaam-agenda"])
    func seedGraphsRoundTrip(_ name: String) throws {
        let url = packageRootDirectory.appendingPathComponent("Graphs/\(name).json")
        let graph = try NativeJSON.read(Array(try Data(contentsOf: url)), file: url.path)
        let text = try GraphMLWriter.write(graph)
        let back = try GraphMLReader.read(Array(text.utf8), file: "\(name).graphml")
        expectSameContent(back, graph)
        #expect(back.edges.allSatisfy { !$0.evidence.isEmpty })
        #expect(try GraphMLWriter.write(back) == text)
    }

    @Test func sampleAndDirectedGraphsRoundTrip() throws {
        for graph in [try sampleGraph(), try fixtureGraph("directed"), try fixtureGraph("relations")] {
            let back = try GraphMLReader.read(Array(try GraphMLWriter.write(graph).utf8), file: "x.graphml")
            expectSameContent(back, graph)
        }
    }

    /// networkx `write_graphml` output (Fixtures/make_graphml_fixtures.py) reads back with the nodes,
    /// edges and weights networkx's own reader finds.
    @Test(arguments: ["karate", "lesmis", "hostile"])
    func networkxFilesReadAsNetworkxReadsThem(_ name: String) throws {
        let expected = try #require(try fixtureJSON("graphml/expected.json") as? [String: Any])
        let reference = try #require(expected[name] as? [String: Any])
        let graph = try graphMLFixture("\(name).graphml")
        #expect(graph.isDirected == (reference["directed"] as? Bool))
        #expect(graph.nodes.map(\.id) == (reference["nodes"] as? [String]))
        let edges = graph.edges.map { edge -> [String] in
            var ends = [edge.source, edge.target]
            if !graph.isDirected { ends.sort() }
            return ends + [String(edge.weight)]
        }.sorted { $0.lexicographicallyPrecedes($1) }
        let referenceEdges = try #require(reference["edges"] as? [[Any]]).map { row in
            [row[0] as? String ?? "", row[1] as? String ?? "", String((row[2] as? Double) ?? .nan)]
        }.sorted { $0.lexicographicallyPrecedes($1) }
        #expect(edges.count == referenceEdges.count)
        #expect(edges == referenceEdges)
        for (id, label) in reference["labels"] as? [String: String] ?? [:] {
            #expect(graph[id: id]?.label == label, "label of \(id.debugDescription)")
        }
    }

    @Test func karateKeepsItsAttributesAndName() throws {
        let graph = try graphMLFixture("karate.graphml")
        #expect(graph.name == "Zachary's Karate Club")
        #expect(graph.nodes.count == 34)
        #expect(graph.edges.count == 78)
        #expect(graph[id: "0"]?.attributes == ["club": "Mr. Hi"])
        #expect(graph[id: "33"]?.attributes == ["club": "Officer"])
        #expect(graph[id: "0"]?.label == "0")
        #expect(graph.edges.allSatisfy { $0.type == .economic && $0.polarity == .cooperative })
        #expect(graph.edges.first?.weight == 4)
    }

    /// The hostile file: names survive, typed attributes are kept as written, a key's `<default>`
    /// goes to every node without a value of its own (GraphML's rule; networkx keeps it aside).
    @Test func hostileNamesTypesAndDefaults() throws {
        let graph = try graphMLFixture("hostile.graphml")
        #expect(graph.name == "Hostile <names> & \"quotes\"")
        #expect(graph.isDirected)
        #expect(graph.nodes.map(\.label).contains("line one\nline two"))
        #expect(graph.nodes.map(\.label).contains("  padded  "))
        #expect(graph.nodes.map(\.id).contains("ab\u{202E}cd\u{202C}"))
        let hebrew = try #require(graph[id: "פקיסטן"])
        #expect(hebrew.attributes["region"] == "West Asia")
        #expect(hebrew.kind == .state)
        #expect(graph.nodes.filter { $0.id != "פקיסטן" }.allSatisfy { $0.attributes["region"] == "South Asia" })
        #expect(graph.nodes[0].attributes["active"] == "True")
        #expect(graph.nodes[0].kind == .bloc)
        #expect(graph.nodes[1].attributes["population"] == "1000")
        #expect(graph.edges.count == 11)
        let parallel = graph.edges.filter { Set([$0.source, $0.target]) == Set([graph.nodes[0].id, graph.nodes[1].id]) }
        #expect(parallel.map(\.type) == [.economic, .security, .cultural])
        #expect(parallel.map(\.weight) == [0.1, 5, 1.5])
        // networkx writes edges grouped by source node, so the file order is not the insertion order.
        #expect(graph.edges.filter { $0.polarity == .adversarial }.map(\.note) == ["edge & <3>", "edge & <7>"])
        #expect(graph.edges[0].note == "edge & <0>")
    }

    /// A file as yEd 3.x writes one (hand-written in its shape): labels inside graphics keys.
    @Test func readsYEdLabels() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml" xmlns:yed="http://www.yworks.com/xml/yed/3">
              <!--Created by yEd 3.23.2-->
              <key attr.name="Description" attr.type="string" for="graph" id="d0"/>
              <key for="port" id="d1" yfiles.type="portgraphics"/>
              <key attr.name="url" attr.type="string" for="node" id="d4"/>
              <key attr.name="description" attr.type="string" for="node" id="d5"/>
              <key for="node" id="d6" yfiles.type="nodegraphics"/>
              <key for="graphml" id="d7" yfiles.type="resources"/>
              <key for="edge" id="d10" yfiles.type="edgegraphics"/>
              <graph edgedefault="directed" id="G">
                <data key="d0"/>
                <node id="n0">
                  <data key="d5"><![CDATA[Islamic Republic & <more>]]></data>
                  <data key="d6">
                    <y:ShapeNode>
                      <y:Geometry height="30.0" width="30.0" x="0.0" y="0.0"/>
                      <y:Fill color="#FFCC00" transparent="false"/>
                      <y:NodeLabel alignment="center" fontSize="12" visible="true">Pakistan<y:LabelModel><y:SmartNodeLabelModel distance="4.0"/></y:LabelModel></y:NodeLabel>
                      <y:NodeLabel>second label</y:NodeLabel>
                      <y:Shape type="rectangle"/>
                    </y:ShapeNode>
                  </data>
                </node>
                <node id="n1">
                  <data key="d6"><y:ShapeNode><y:NodeLabel>China</y:NodeLabel></y:ShapeNode></data>
                </node>
                <edge id="e0" source="n0" target="n1">
                  <data key="d10">
                    <y:PolyLineEdge>
                      <y:LineStyle color="#000000" type="line" width="1.0"/>
                      <y:EdgeLabel alignment="center">trade</y:EdgeLabel>
                    </y:PolyLineEdge>
                  </data>
                </edge>
              </graph>
              <data key="d7"><y:Resources/></data>
            </graphml>
            """
        let graph = try GraphMLReader.read(Array(text.utf8), file: "dir/yed.graphml")
        #expect(graph.name == "yed")
        #expect(graph.isDirected)
        #expect(graph.nodes.map(\.label) == ["Pakistan", "China"])
        #expect(graph.nodes[0].attributes == ["description": "Islamic Republic & <more>"])
        #expect(graph.edges.count == 1)
        #expect(graph.edges[0].attributes == ["label": "trade"])
        #expect(graph.edges[0].weight == 1)
    }

    /// A file as Gephi 0.10 exports GraphML (hand-written in its shape): drawing data as plain keys.
    @Test func readsGephiExport() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">
            <key attr.name="label" attr.type="string" for="node" id="label"/>
            <key attr.name="Edge Label" attr.type="string" for="edge" id="edgelabel"/>
            <key attr.name="weight" attr.type="double" for="edge" id="weight"/>
            <key attr.name="r" attr.type="int" for="node" id="r"/>
            <key attr.name="x" attr.type="float" for="node" id="x"/>
            <key attr.name="Modularity Class" attr.type="int" for="node" id="modularity_class"/>
            <graph edgedefault="undirected">
            <node id="PAK">
            <data key="label">Pakistan</data>
            <data key="modularity_class">0</data>
            <data key="r">153</data>
            <data key="x">-23.5</data>
            </node>
            <node id="CHN">
            <data key="label">China</data>
            </node>
            <edge id="0" source="PAK" target="CHN">
            <data key="weight">5.0</data>
            <data key="edgelabel">friendship</data>
            </edge>
            <edge id="1" source="CHN" target="PAK">
            <data key="weight">2.5</data>
            </edge>
            </graph>
            </graphml>
            """
        let graph = try GraphMLReader.read(Array(text.utf8), file: "gephi.graphml")
        #expect(!graph.isDirected)
        #expect(graph.nodes.map(\.label) == ["Pakistan", "China"])
        #expect(graph.nodes[0].attributes == ["Modularity Class": "0", "r": "153", "x": "-23.5"])
        #expect(graph.edges.map(\.weight) == [5, 2.5])
        #expect(graph.edges[0].attributes == ["Edge Label": "friendship"])
    }

    /// Keys declared for `all` with defaults; edges before the nodes they join; empty optional values.
    @Test func defaultsAndOrder() throws {
        let text = """
            <graphml>
              <key id="w" for="edge" attr.name="weight" attr.type="double"><default>2.5</default></key>
              <key id="t" for="all" attr.name="type"><default>security</default></key>
              <key id="p" for="edge" attr.name="polarity"/>
              <graph edgedefault="undirected">
                <edge source="A" target="B"/>
                <edge source="B" target="C"><data key="w">4</data><data key="t">trade</data><data key="p"></data></edge>
                <node id="A"/><node id="B"/><node id="C"/>
              </graph>
            </graphml>
            """
        let graph = try GraphMLReader.read(Array(text.utf8), file: "d.graphml")
        #expect(graph.nodes.map(\.id) == ["A", "B", "C"])
        #expect(graph.nodes[0].attributes == ["type": "security"])
        #expect(graph.edges.map(\.weight) == [2.5, 4])
        #expect(graph.edges.map(\.type) == [.security, RelationType("trade")])
        #expect(graph.edges.allSatisfy { $0.polarity == .cooperative })
    }

    @Test(arguments: [
        ("<graphml>\n<graph>\n<node id=\"A\">\n</graph>\n</graphml>\n", "x.graphml:4:9: malformed XML: end tag does not match its start tag"),
        ("<graphml><graph><node id=\"A\"/>", "x.graphml:1:31: malformed XML: the document does not end where its root element does (an element left open, or content after it)"),
        ("<graphml><graph><node id=\"a&b\"/></graph></graphml>", "x.graphml:1:30: malformed XML: '&' that does not start an entity reference (write it '&amp;')"),
        ("<graphml><graph><node id=\"&x;\"/></graph></graphml>",
         "x.graphml:1:30: malformed XML: undeclared entity (only &lt; &gt; &amp; &quot; &apos; and character references are known)"),
        ("<graphml>\n<graph>\n <node id=\"A\"/><node id=\"B\"/>\n <edge source=\"A\" target=\"B\"><data key=\"d9\">1</data></edge>\n</graph>\n</graphml>",
         "x.graphml:4:30: <data> refers to key 'd9', which no <key> declares"),
        ("<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n<graph>\n <node id=\"A\"/><node id=\"B\"/>\n"
         + " <edge source=\"A\" target=\"B\"><data key=\"w\">abc</data></edge>\n</graph></graphml>",
         "x.graphml:4:30: weight 'abc' is not a finite number greater than 0"),
        ("<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\"><default>-1</default></key>\n<graph>\n <node id=\"A\"/><node id=\"B\"/>\n"
         + " <edge source=\"A\" target=\"B\"/>\n</graph></graphml>",
         "x.graphml:1:52: weight '-1' is not a finite number greater than 0"),
        ("<graphml>\n<graph>\n <node id=\"A\"/>\n <edge source=\"A\" target=\"Z\"/>\n</graph>\n</graphml>",
         "x.graphml:4:2: edge references unknown node 'Z'"),
        ("<graphml>\n<graph>\n <node id=\"A\"/>\n <edge source=\"A\" target=\"A\"/>\n</graph>\n</graphml>",
         "x.graphml:4:2: edge joins node 'A' to itself"),
        ("<graphml>\n<graph>\n <node id=\"A\"/>\n <node id=\"A\"/>\n</graph>\n</graphml>", "x.graphml:4:2: duplicate node id 'A'"),
        ("<graphml><key id=\"n\" for=\"node\" attr.name=\"population\" attr.type=\"int\"/>\n<graph>\n <node id=\"A\"><data key=\"n\">many</data></node>\n</graph></graphml>",
         "x.graphml:3:15: population 'many' is not a whole number"),
        ("<graphml><key id=\"n\" for=\"node\" attr.name=\"p\" attr.type=\"integer\"/></graphml>",
         "x.graphml:1:10: attr.type 'integer' is not boolean, int, long, float, double or string"),
        ("<graphml><key id=\"p\" for=\"edge\" attr.name=\"polarity\"/>\n<graph>\n <node id=\"A\"/><node id=\"B\"/>\n"
         + " <edge source=\"A\" target=\"B\"><data key=\"p\">hostile</data></edge>\n</graph></graphml>",
         "x.graphml:4:30: polarity 'hostile' is not cooperative or adversarial"),
        ("<graphml>\n<graph edgedefault=\"undirected\">\n <node id=\"A\"/><node id=\"B\"/>\n <edge source=\"A\" target=\"B\" directed=\"true\"/>\n</graph>\n</graphml>",
         "x.graphml:4:2: edge has directed=\"true\" in a graph whose edgedefault is undirected; Entente reads a graph as all directed or all undirected"),
        ("<graphml>\n<graph>\n <node id=\"A\"/>\n <hyperedge><endpoint node=\"A\"/></hyperedge>\n</graph>\n</graphml>",
         "x.graphml:4:2: hyperedges are not supported"),
        ("<graphml>\n<graph>\n <node id=\"A\">\n  <graph/>\n </node>\n</graph>\n</graphml>",
         "x.graphml:4:3: nested graphs (a <graph> inside a <node>) are not supported"),
        ("<graphml>\n<graph/>\n<graph/>\n</graphml>", "x.graphml:3:1: a second <graph>: Entente reads one graph per GraphML file"),
        ("<graphml>\n<graph>\n <node/>\n</graph>\n</graphml>", "x.graphml:3:2: missing required field 'node.id'"),
        ("<graphml>\n</graphml>\n", "x.graphml:2:1: no <graph> element in the GraphML file"),
        ("<gexf/>", "x.graphml:1:1: the root element is <gexf>, not <graphml>"),
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE g [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<graphml/>",
         "x.graphml:2:14: the document type declares entities (<!ENTITY …>); Entente refuses them rather than expand them"),
        ("", "x.graphml: file is empty"),
    ])
    func badInputNamesLineAndProblem(input: String, message: String) {
        #expect(readingError(input, file: "x.graphml") == message)
    }

    /// The entity declarations are refused before XMLParser sees them: nothing is expanded.
    @Test func billionLaughsIsRefused() {
        let text = billionLaughs(root: "graphml") + """
            <graphml><key id="l" for="node" attr.name="label"/><graph><node id="A"><data key="l">&lol9;</data></node></graph></graphml>
            """
        #expect(readingError(text, file: "lol.graphml")
                == "lol.graphml:3:2: the document type declares entities (<!ENTITY …>); Entente refuses them rather than expand them")
    }

    /// 64 KB built to be slow: deep nesting, thousands of attributes, keys × nodes of defaults,
    /// text of entity references, many parallel edges, tags over many lines. Each ends in a moment
    /// with the outcome below; the time limit guards against a hang.
    @Test(.timeLimit(.minutes(1)))
    func hostileSixtyFourKilobytes() throws {
        let size = 65_536
        func fit(_ head: String, _ unit: String, _ tail: String) -> (text: String, count: Int) {
            let count = (size - head.utf8.count - tail.utf8.count) / unit.utf8.count
            return (head + String(repeating: unit, count: count) + tail, count)
        }
        let deep = fit("<graphml><key id=\"x\" for=\"node\" attr.name=\"x\"/><graph><node id=\"A\"><data key=\"x\">", "<a>", "")
        #expect(readingError(deep.text, file: "h.graphml")?.contains(": malformed XML: ") == true)

        let ampersands = fit("<graphml><key id=\"x\" for=\"node\" attr.name=\"x\"/><graph><node id=\"A\"><data key=\"x\">", "&amp;",
                             "</data></node></graph></graphml>")
        let text = try GraphMLReader.read(Array(ampersands.text.utf8), file: "h.graphml")
        #expect(text.nodes.first?.attributes["x"] == String(repeating: "&", count: ampersands.count))

        let keys = (0..<400).map { "<key id=\"k\($0)\" for=\"all\" attr.name=\"a\($0)\"><default>\($0)</default></key>" }.joined()
        let nodeCount = (size - keys.utf8.count - 40) / 16
        let defaults = "<graphml>\(keys)<graph>" + (0..<nodeCount).map { "<node id=\"n\($0)\"/>" }.joined() + "</graph></graphml>"
        let withDefaults = try GraphMLReader.read(Array(defaults.utf8), file: "h.graphml")
        #expect(withDefaults.nodes.count == nodeCount)
        #expect(withDefaults.nodes.allSatisfy { $0.attributes.count == 400 && $0.attributes["a7"] == "7" })

        let parallel = fit("<graphml><graph><node id=\"A\"/><node id=\"B\"/>", "<edge source=\"A\" target=\"B\"/>", "</graph></graphml>")
        #expect(try GraphMLReader.read(Array(parallel.text.utf8), file: "h.graphml").edges.count == parallel.count)

        let attributes = fit("<graphml><graph><node id=\"A\" ", "a=\"x\" ", "/></graph></graphml>")
        #expect(readingError(attributes.text, file: "h.graphml")?.hasSuffix(": malformed XML: attribute given twice") == true)

        let lines = fit("<graphml><graph>", "<node\nid=\"n\"/>", "</graph></graphml>")
        #expect(readingError(lines.text, file: "h.graphml") == "h.graphml:2:9: duplicate node id 'n'")

        let declarations = fit("<!DOCTYPE graphml [", "<!ELEMENT a ANY>", "]><graphml/>")
        #expect(readingError(declarations.text, file: "h.graphml")?.hasSuffix(": no <graph> element in the GraphML file") == true)
    }
}
