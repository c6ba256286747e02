import Foundation
import Testing
@testable import Entente

/// The sample graph's drawing: two type colours (membership and cultural have none), sizes by
/// node id (one node without a value) and positions for all but one node.
func sampleDrawing(_ graph: RelationGraph) -> GEXFDrawing {
    var drawing = GEXFDrawing(typeColors: [.economic: "#0072B2", .security: "#D55E00CC"], nodeColor: "#333333",
                              sizeCaption: "betweenness")
    for (index, node) in graph.nodes.enumerated() where index != 2 {
        drawing.nodeSizes[node.id] = Double(index) / 4
        drawing.positions[node.id] = NodePosition(x: Double(index) * 10.5, y: -Double(index) * 3)
    }
    return drawing
}

@Suite struct GEXFTests {
    @Test func goldenOutput() throws {
        let graph = try sampleGraph()
        try expectGolden(GEXFWriter.write(graph, drawing: sampleDrawing(graph)), "sample.gexf")
    }

    /// Entente → GEXF → Entente keeps nodes, edges, name and direction (not the sources table).
    @Test func roundTrip() throws {
        var graphs = [try sampleGraph(), try fixtureGraph("directed"), try fixtureGraph("relations")]
        for name in ["pakistan", "awaam-agenda"] {
            let url = packageRootDirectory.appendingPathComponent("Graphs/\(name).json")
            graphs.append(try NativeJSON.read(Array(try Data(contentsOf: url)), file: url.path))
        }
        for graph in graphs {
            let text = try GEXFWriter.write(graph, drawing: GEXFDrawing(typeColors: [.economic: "#0072B2"]))
            let back = try GEXFReader.read(Array(text.utf8), file: "x.gexf")
            #expect(back.name == graph.name)
            #expect(back.isDirected == graph.isDirected)
            #expect(back.nodes == graph.nodes)
            #expect(back.edges == graph.edges)
            #expect(try GEXFWriter.write(back, drawing: GEXFDrawing(typeColors: [.economic: "#0072B2"])) == text)
        }
    }

    /// The GEXF and GraphML writers build an edge's fixed text once per type: with 30 types met in
    /// a shuffled order (past the short list of names compared, into the dictionary), every edge
    /// still reads back with its own type, weight and polarity.
    @Test func everyEdgeKeepsItsTypeAmongMany() throws {
        let types = (0..<30).map { RelationType("type<\($0)>") }
        var graph = RelationGraph(name: "many types")
        for type in types { graph.declare(type: type) }
        for index in 0..<12 { try graph.addNode(Node(id: "n\(index)")) }
        var generator = SplitMix64(seed: 7)
        for index in 0..<600 {
            let type = types[Int(generator.next() % 30)]
            try graph.addEdge(from: "n\(index % 12)", to: "n\((index * 5 + 1) % 12)", type: type,
                              weight: Double(index % 7) / 8 + 1, polarity: index % 3 == 0 ? .adversarial : .cooperative)
        }
        let gexf = try GEXFWriter.write(graph, drawing: GEXFDrawing(typeColors: [types[3]: "#0072B2"]))
        let graphML = try GraphMLWriter.write(graph)
        for back in [try GEXFReader.read(Array(gexf.utf8), file: "x.gexf"), try GraphMLReader.read(Array(graphML.utf8), file: "x.graphml")] {
            #expect(back.edges.map(\.type) == graph.edges.map(\.type))
            #expect(back.edges.map(\.weight) == graph.edges.map(\.weight))
            #expect(back.edges.map(\.polarity) == graph.edges.map(\.polarity))
        }
        #expect(gexf.components(separatedBy: "<viz:color r=\"0\" g=\"114\" b=\"178\"/>").count - 1
                == graph.edges.count { $0.type == types[3] })
    }

    @Test func sizesAreScaledIntoTheRange() throws {
        let graph = try sampleGraph()
        let text = try GEXFWriter.write(graph, drawing: sampleDrawing(graph))
        // Values 0, 0.25, (none), 0.75, 1, 1.25 → 10…50; the node without a value gets the smallest.
        let sizes = text.split(separator: "\n").filter { $0.contains("<viz:size") }.map { String($0).trimmingSpaces }
        #expect(sizes == [10, 18, 10, 34, 42, 50].map { "<viz:size value=\"\($0)\"/>" })
        #expect(text.components(separatedBy: "<viz:position").count - 1 == 5)
        #expect(text.contains("<viz:color r=\"213\" g=\"94\" b=\"0\" a=\"0.8\"/>"))
    }

    /// networkx `read_gexf` reads the file: nodes, labels, edges with weights and parallel edges,
    /// attributes, and node viz (colour, size, position). networkx does not read edge viz, so the
    /// script checks edge colour, thickness and shape with ElementTree.
    @Test(.enabled(if: networkxAvailable, "needs python3 with networkx (python3 -m pip install networkx)"))
    func networkxReadsIt() throws {
        let graph = try sampleGraph()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("entente-gexf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("sample.gexf")
        try GEXFWriter.write(graph, drawing: sampleDrawing(graph)).write(to: file, atomically: true, encoding: .utf8)
        let script = """
            import json, sys, networkx as nx
            import xml.etree.ElementTree as ET
            g = nx.read_gexf(sys.argv[1])
            nodes = [[n, d["label"], d.get("kind"), d.get("betweenness"), d.get("viz", {})] for n, d in g.nodes(data=True)]
            edges = sorted([u, v, d["weight"], d["type"], d["polarity"], d.get("since"), d.get("note")] for u, v, d in g.edges(data=True))
            ns = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
            viz = []
            for e in ET.parse(sys.argv[1]).getroot().iter("{http://gexf.net/1.3}edge"):
                color = e.find("viz:color", ns)
                shape = e.find("viz:shape", ns)
                viz.append([e.get("id"), None if color is None else [int(color.get(k)) for k in "rgb"],
                            float(e.find("viz:thickness", ns).get("value")), None if shape is None else shape.get("value")])
            print(json.dumps({"directed": g.is_directed(), "multigraph": g.is_multigraph(), "name": g.graph.get("name"),
                              "nodes": nodes, "edges": edges, "edgeViz": viz}, ensure_ascii=False, default=str))
            """
        let python = try runPython(script, [file.path])
        #expect(python.status == 0, "\(python.output)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(python.output.utf8)) as? [String: Any])
        #expect(result["directed"] as? Bool == false)
        #expect(result["multigraph"] as? Bool == true)
        let nodes = try #require(result["nodes"] as? [[Any]])
        #expect(nodes.map { $0[0] as? String } == graph.nodes.map(\.id))
        #expect(nodes.map { $0[1] as? String } == graph.nodes.map(\.label))
        #expect(nodes.map { $0[2] as? String } == graph.nodes.map(\.kind.name))
        #expect(nodes.map { $0[3] as? Double } == [0, 0.25, nil, 0.75, 1, 1.25])
        let viz = nodes.compactMap { $0[4] as? [String: Any] }
        #expect(viz.map { $0["size"] as? Double } == [10, 18, 10, 34, 42, 50])
        #expect(viz.allSatisfy { ($0["color"] as? [String: Any])?["g"] as? Int == 51 })
        let first = try #require(viz[1]["position"] as? [String: Double])
        #expect(first == ["x": 10.5, "y": -3, "z": 0])
        #expect(viz[2]["position"] == nil)

        let edges = try #require(result["edges"] as? [[Any]])
        #expect(edges.count == 5)
        let expected = graph.edges.map { edge in
            [edge.source, edge.target, String(edge.weight), edge.type.name, edge.polarity.rawValue]
        }
        // networkx lists an undirected edge from either end; compare ends as a set.
        let read = edges.map { row in
            [row[0] as? String ?? "", row[1] as? String ?? "", String(row[2] as? Double ?? .nan), row[3] as? String ?? "", row[4] as? String ?? ""]
        }
        func normal(_ rows: [[String]]) -> [[String]] {
            rows.map { Array($0[0...1].sorted()) + $0[2...] }.sorted { $0.lexicographicallyPrecedes($1) }
        }
        #expect(normal(read) == normal(expected))
        #expect(edges.contains { ($0[5] as? Int) == 2015 })
        #expect(edges.contains { ($0[6] as? String) == "military ties" })

        let edgeViz = try #require(result["edgeViz"] as? [[Any]])
        #expect(edgeViz.map { $0[1] as? [Int] } == [[0, 114, 178], [213, 94, 0], [213, 94, 0], nil, nil])
        #expect(edgeViz.map { $0[2] as? Double } == graph.edges.map(\.weight))
        #expect(edgeViz.map { $0[3] as? String } == [nil, nil, "dashed", nil, nil])
    }

    /// A file as Gephi 0.10 writes GEXF (hand-written in its shape).
    @Test func readsGephiExport() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" version="1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">
              <meta lastmodifieddate="2024-05-01">
                <creator>Gephi 0.10.1</creator>
                <description></description>
              </meta>
              <graph defaultedgetype="undirected" mode="static">
                <attributes class="node" mode="static">
                  <attribute id="modularity_class" title="Modularity Class" type="integer"></attribute>
                  <attribute id="kind" title="kind" type="string"><default>bloc</default></attribute>
                </attributes>
                <nodes>
                  <node id="PAK" label="Pakistan">
                    <attvalues>
                      <attvalue for="modularity_class" value="0"></attvalue>
                      <attvalue for="kind" value="state"></attvalue>
                    </attvalues>
                    <viz:size value="10.0"></viz:size>
                    <viz:position x="-23.5" y="120.25"></viz:position>
                    <viz:color r="153" g="153" b="153"></viz:color>
                  </node>
                  <node id="EU" label="European Union"></node>
                </nodes>
                <edges>
                  <edge id="0" source="PAK" target="EU" label="trade" weight="5.0"></edge>
                  <edge id="1" source="EU" target="PAK" kind="security" weight="2"></edge>
                </edges>
              </graph>
            </gexf>
            """
        let graph = try GEXFReader.read(Array(text.utf8), file: "gephi.gexf")
        #expect(graph.name == "gephi")
        #expect(!graph.isDirected)
        #expect(graph.nodes.map(\.label) == ["Pakistan", "European Union"])
        #expect(graph.nodes.map(\.kind) == [.state, .bloc])
        #expect(graph.nodes[0].attributes == ["Modularity Class": "0"])
        #expect(graph.edges.map(\.weight) == [5, 2])
        #expect(graph.edges.map(\.type) == [.economic, .security])
        #expect(graph.edges[0].attributes == ["label": "trade"])
    }

    @Test(arguments: [
        ("<gexf>\n<graph>\n<nodes>\n</graph>\n</gexf>", "x.gexf:4:9: malformed XML: end tag does not match its start tag"),
        ("<gexf><graph><nodes><node id=\"A\"><attvalues>\n<attvalue for=\"zz\" value=\"1\"/></attvalues></node></nodes></graph></gexf>",
         "x.gexf:2:1: <attvalue> refers to attribute 'zz', which no node <attribute> declares"),
        ("<gexf><graph><nodes><node id=\"A\"/><node id=\"B\"/></nodes>\n<edges><edge source=\"A\" target=\"B\" weight=\"abc\"/></edges></graph></gexf>",
         "x.gexf:2:8: weight 'abc' is not a finite number greater than 0"),
        ("<gexf><graph><nodes><node id=\"A\"/></nodes>\n<edges><edge source=\"A\" target=\"B\"/></edges></graph></gexf>",
         "x.gexf:2:8: edge references unknown node 'B'"),
        ("<gexf><graph><nodes><node id=\"A\"><nodes/></node></nodes></graph></gexf>",
         "x.gexf:1:34: nested nodes (a GEXF hierarchy) are not supported"),
        ("<graphml/>", "x.gexf:1:1: the root element is <graphml>, not <gexf>"),
    ])
    func badInputNamesLineAndProblem(input: String, message: String) {
        #expect(readingError(input, file: "x.gexf", gexf: true) == message)
    }

    @Test func billionLaughsIsRefused() {
        let text = billionLaughs(root: "gexf") + "<gexf><graph><nodes><node id=\"A\" label=\"&lol9;\"/></nodes></graph></gexf>"
        #expect(readingError(text, file: "lol.gexf", gexf: true)
                == "lol.gexf:3:2: the document type declares entities (<!ENTITY …>); Entente refuses them rather than expand them")
    }
}
