import Foundation
import Testing
@testable import Entente

/// A small graph with every field set, parallel edges and awkward names.
func sampleGraph() throws -> RelationGraph {
    var graph = RelationGraph(name: "Sample \"relations\"")
    graph.sources = [Source(id: "s1", title: "Seed", file: "000.txt"), Source(id: "r1", title: "Ref", citation: "A book")]
    graph.declare(type: "membership")
    try graph.addNode(Node(id: "PAK", label: "Pakistan", kind: .state, aliases: ["Islamic Republic of Pakistan"]))
    try graph.addNode(Node(id: "CHN", label: "China", kind: .state, aliases: ["PRC"]))
    try graph.addNode(Node(id: "IND", label: "India"))
    try graph.addNode(Node(id: "SAARC", label: "SAARC", kind: .bloc))
    try graph.addNode(Node(id: "Korea, Republic of", label: "South \"Korea\"", kind: .state))
    try graph.addNode(Node(id: "中国", label: "中国", kind: .state))
    try graph.addEdge(Edge(source: graph.nodes[0].id, target: graph.nodes[1].id, type: .economic, weight: 5,
                           evidence: [Evidence(source: "s1", quote: "all-weather \"friendship\"")], since: 2015))
    try graph.addEdge(Edge(source: graph.nodes[0].id, target: graph.nodes[1].id, type: .security, weight: 4.5, note: "military ties"))
    try graph.addEdge(Edge(source: graph.nodes[0].id, target: graph.nodes[2].id, type: .security, weight: 4, polarity: .adversarial, until: 2020))
    try graph.addEdge(Edge(source: graph.nodes[0].id, target: graph.nodes[3].id, type: "membership", weight: 3, attributes: ["region": "South Asia"]))
    try graph.addEdge(Edge(source: graph.nodes[4].id, target: graph.nodes[5].id, type: .cultural, weight: 0.25))
    return graph
}

/// Edges as comparable tuples of ids and values (CSV keeps only these).
func edgeSignature(_ graph: RelationGraph) -> [String] {
    graph.edges.map { edge in
        "\(edge.source)|\(edge.target)|\(edge.type)|\(edge.weight)|\(edge.polarity)"
            + "|\(edge.since.map(String.init) ?? "")|\(edge.until.map(String.init) ?? "")|\(edge.note ?? "")"
            + "|\(edge.attributes.sorted { $0.key < $1.key })"
    }
}

@Suite struct NativeJSONTests {
    @Test func roundTripKeepsEverything() throws {
        let graph = try sampleGraph()
        let text = NativeJSON.write(graph)
        let back = try NativeJSON.read(Array(text.utf8), file: "sample.json")
        #expect(back.name == graph.name)
        #expect(back.nodes == graph.nodes)
        #expect(back.edges == graph.edges)
        #expect(back.sources == graph.sources)
        #expect(back.declaredTypes == graph.declaredTypes)
        #expect(NativeJSON.write(back) == text)
    }

    @Test func goldenOutput() throws {
        try expectGolden(NativeJSON.write(try sampleGraph()), "sample.json")
    }

    @Test func readsTheSeedGraphs() throws {
        for name in ["pakistan", "awaam-agenda"] {
            let url = packageRootDirectory.appendingPathComponent("Graphs/\(name).json")
            let graph = try NativeJSON.read(Array(try Data(contentsOf: url)), file: url.path)
            #expect(graph.nodes.count > 10)
            #expect(graph.edges.allSatisfy { !$0.evidence.isEmpty })
            // Writing the file back gives the same graph.
            let again = try NativeJSON.read(Array(NativeJSON.write(graph).utf8), file: "again.json")
            #expect(again.edges == graph.edges)
            #expect(again.nodes == graph.nodes)
        }
    }

    @Test(arguments: [
        ("{\"nodes\": [], \"edges\": [}", "x.json:1:25: invalid JSON: unexpected character '}', expected a value"),
        ("{\"nodes\": [\n  {\"id\": \"A\"},\n  {\"id\": \"A\"}\n], \"edges\": []}", "x.json:3:10: duplicate node id 'A'"),
        ("{\"nodes\": [{\"id\": \"A\"}], \"edges\": [\n {\"source\": \"A\", \"target\": \"B\"}]}",
         "x.json:2:28: edge references unknown node 'B'"),
        ("{\"nodes\": [{\"id\": \"A\"}, {\"id\": \"B\"}], \"edges\": [{\"source\": \"A\", \"target\": \"B\", \"weight\": -2}]}",
         "x.json:1:90: weight '-2' is not a finite number greater than 0"),
        ("{\"nodes\": [{\"id\": \"A\"}, {\"id\": \"B\"}], \"edges\": [{\"source\": \"A\", \"target\": \"B\", \"weight\": \"abc\"}]}",
         "x.json:1:90: weight 'abc' is not a finite number greater than 0"),
        ("{\"nodes\": [{\"id\": \"A\"}, {\"id\": \"B\"}], \"edges\": [{\"source\": \"A\", \"target\": \"B\", \"type\": \"trade\"}]}",
         "x.json:1:88: type 'trade' is not built in and not declared in \"types\""),
        ("{\"nodes\": [{\"id\": \"A\", \"wieght\": 1}], \"edges\": []}", "x.json:1:34: unknown field 'node.wieght'"),
        ("{\"nodes\": [{\"id\": \"A\"}], \"edges\": [{\"source\": \"A\", \"target\": \"A\"}]}",
         "x.json:1:36: edge joins node 'A' to itself"),
        ("[1, 2]", "x.json:1:1: graph '[…]' is not an object"),
        ("{\"nodes\": []}", "x.json:1:1: missing required field 'graph.edges'"),
        ("   \n", "x.json: file is empty"),
        ("{\"nodes\": [], \"edges\": []} x", "x.json:1:28: invalid JSON: unexpected character 'x' after the end of the JSON document"),
        ("{\"name\": \"a\u{01}\"}", "x.json:1:12: invalid JSON: control character (byte 0x01) in a string; write it escaped"),
        ("{\"nodes\": [], \"edges\": [], \"nodes\": []}", "x.json:1:28: invalid JSON: duplicate member 'nodes'"),
    ])
    func badInputNamesLineAndProblem(input: String, message: String) {
        #expect(throws: GraphError.self) { try NativeJSON.read(Array(input.utf8), file: "x.json") }
        do {
            _ = try NativeJSON.read(Array(input.utf8), file: "x.json")
        } catch {
            #expect(error.description == message)
        }
    }

    /// The text check (ASCII eight bytes at a time, other sequences by the standard decoder) agrees
    /// with the standard library's UTF-8 validation on inputs built to put multi-byte sequences,
    /// broken ones and zero bytes on every side of an eight-byte boundary.
    @Test func textCheckAgreesWithStandardValidation() {
        let pieces: [[UInt8]] = [Array("abcdefg".utf8), Array("é".utf8), Array("€".utf8), Array("𐀀".utf8),
                                 [0xE2, 0x82], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF], [0x80], [0x00], [0x0A], [0x7F]]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<4000 {
            var bytes: [UInt8] = Array("x".utf8)
            for _ in 0..<next(8) { bytes += pieces[next(pieces.count)].prefix(next(8) + 1) }
            let expected = String(validating: bytes, as: UTF8.self) != nil && !bytes.contains(0)
            let accepted = (try? FileIO.checkText(bytes, file: "t")) != nil
            #expect(accepted == expected, "\(bytes)")
        }
    }

    @Test func binaryInputIsRejected() {
        #expect(throws: GraphError.binary(file: "b.json")) { try NativeJSON.read([0x7B, 0x00, 0x7D], file: "b.json") }
        #expect(throws: GraphError.binary(file: "b.json")) { try NativeJSON.read([0x7B, 0xFF, 0x7D], file: "b.json") }
    }
}

@Suite struct CSVTests {
    @Test(arguments: ["source,target,type\nIND,KOR,", "source,target,type\nIND,KOR,\n", "source,target,type\r\nIND,\"KOR\",",
                      "source,target,type\nIND,KOR,\"\""])
    func emptyLastFieldAtTheEnd(_ text: String) throws {
        let graph = try CSVEdgeList.read(Array(text.utf8), file: "end.csv")
        #expect(graph.edges.count == 1)
        #expect(graph.edges.first?.type == .economic)
        #expect(graph.nodes.map(\.id) == ["IND", "KOR"])
    }

    @Test func readsQuotedUnicodeAndExtraColumns() throws {
        let text = #"""
        source,target,type,weight,polarity,region
        PAK,CHN,economic,5,cooperative,Asia
        "Korea, Republic of","He said ""hi""",cultural,0.5,,
        中国,PAK,security,2.5,adversarial,"multi
        line"

        """#
        let graph = try CSVEdgeList.read(Array(text.utf8), file: "t.csv")
        #expect(graph.nodes.map(\.id) == ["PAK", "CHN", "Korea, Republic of", "He said \"hi\"", "中国"])
        #expect(graph.edges.count == 3)
        #expect(graph.edges[0].attributes == ["region": "Asia"])
        #expect(graph.edges[1].polarity == .cooperative)
        #expect(graph.edges[1].weight == 0.5)
        #expect(graph.edges[2].polarity == .adversarial)
        #expect(graph.edges[2].attributes["region"] == "multi\nline")
        #expect(graph.name == "t")
    }

    @Test func writeThenReadKeepsEdges() throws {
        let graph = try sampleGraph()
        let text = CSVEdgeList.write(graph)
        let back = try CSVEdgeList.read(Array(text.utf8), file: "x.csv")
        #expect(edgeSignature(back) == edgeSignature(graph))
        #expect(CSVEdgeList.write(back) == text)
    }

    @Test func goldenOutput() throws {
        try expectGolden(CSVEdgeList.write(try sampleGraph()), "sample.csv")
    }

    @Test func parsesNumbersExactly() {
        for text in ["0.123", "5", "0.1", "1e-3", "2.5E2", "-0.7", "123456789.123456789", "0.30000000000000004", ".5"] {
            #expect(CSVEdgeList.parseDouble(text) == Double(text) ?? (text == ".5" ? 0.5 : nil), "\(text)")
        }
        #expect(CSVEdgeList.parseDouble("abc") == nil)
    }

    @Test func readsTheBenchmarkGraph() throws {
        let graph = try fixtureGraph("small")
        #expect(graph.nodes.count == 1000)
        #expect(graph.edges.count == 5000)
    }

    @Test(arguments: [
        ("source,target,weight\nA,B,abc\n", "x.csv:2:5: weight 'abc' is not a finite number greater than 0"),
        ("source,target,weight\nA,B,-2\n", "x.csv:2:5: weight '-2' is not a finite number greater than 0"),
        ("source,target,weight\nA,B,nan\n", "x.csv:2:5: weight 'nan' is not a finite number greater than 0"),
        ("source,target,weight\nA,B,inf\n", "x.csv:2:5: weight 'inf' is not a finite number greater than 0"),
        ("source,target,weight\nA,B,0\n", "x.csv:2:5: weight '0' is not a finite number greater than 0"),
        ("source,target,weight\nA,B,1\nC\n", "x.csv:3: short CSV row: 1 field, the header has 3"),
        ("source,target\nA,B,C\n", "x.csv:2: long CSV row: 3 fields, the header has 2"),
        ("from,to\nA,B\n", "x.csv:1:1: CSV header must name the columns 'source' and 'target' (found from,to)"),
        ("source,target\n\"A,B\n", "x.csv:2:1: unterminated quoted CSV field"),
        ("source,target\nA,A\n", "x.csv:2: edge joins node 'A' to itself"),
        ("source,target,polarity\nA,B,hostile\n", "x.csv:2:5: polarity 'hostile' is not cooperative or adversarial"),
        ("source,target\n,B\n", "x.csv:2:1: missing required field 'source'"),
        ("source,target\nA\"x,B\n", "x.csv:2:2: quote inside an unquoted CSV field (quote the whole field and double the quote)"),
        ("", "x.csv: file is empty"),
    ])
    func badInputNamesLineAndProblem(input: String, message: String) {
        do {
            _ = try CSVEdgeList.read(Array(input.utf8), file: "x.csv")
            Issue.record("expected an error for \(input.debugDescription)")
        } catch {
            #expect(error.description == message)
        }
    }
}

@Suite struct DOTWriterTests {
    @Test func goldenOutput() throws {
        try expectGolden(DOTWriter.write(try sampleGraph()), "sample.dot")
    }

    @Test func quotesForCgraph() {
        #expect(DOTWriter.quote("plain") == "\"plain\"")
        #expect(DOTWriter.quote("say \"hi\"") == "\"say \\\"hi\\\"\"")
        #expect(DOTWriter.quote("a\\b") == "\"a\\b\"")
        // A final backslash cannot be double-quoted so that cgraph reads it back: an HTML string can.
        #expect(DOTWriter.quote("end\\") == "<end\\>")
        #expect(DOTWriter.escapeLabel("a\\b\nc") == "a\\\\b\\nc")
        #expect(DOTWriter.unescapeLabel(DOTWriter.escapeLabel("a\\b\nc \\N")) == "a\\b\nc \\N")
    }
}

@Suite struct GraphMLTests {
    @Test func goldenOutput() throws {
        try expectGolden(GraphMLWriter.write(try sampleGraph()), "sample.graphml")
    }

    /// networkx reads the GraphML with typed attributes: weight as float, parallel edges kept.
    @Test(.enabled(if: networkxAvailable, "needs python3 with networkx (python3 -m pip install networkx)"))
    func networkxReadsIt() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("entente-graphml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("sample.graphml")
        try GraphMLWriter.write(try sampleGraph()).write(to: file, atomically: true, encoding: .utf8)
        let script = """
        import json, sys, networkx as nx
        g = nx.read_graphml(sys.argv[1])
        edges = sorted((u, v, d["type"], d["weight"], type(d["weight"]).__name__, d["polarity"]) for u, v, d in g.edges(data=True))
        print(json.dumps({"multigraph": g.is_multigraph(), "nodes": sorted(g.nodes), "labels": g.nodes["PAK"]["label"],
                          "kind": g.nodes["SAARC"]["kind"], "edges": edges, "since": [d.get("since") for _, _, d in g.edges(data=True)]}))
        """
        let python = try runPython(script, [file.path])
        #expect(python.status == 0)
        let result = try #require(try JSONSerialization.jsonObject(with: Data(python.output.utf8)) as? [String: Any])
        #expect(result["multigraph"] as? Bool == true)
        #expect((result["nodes"] as? [String])?.count == 6)
        #expect(result["labels"] as? String == "Pakistan")
        #expect(result["kind"] as? String == "bloc")
        let edges = try #require(result["edges"] as? [[Any]])
        #expect(edges.count == 5)
        #expect(edges.allSatisfy { $0[4] as? String == "float" })
        #expect(edges.contains { $0[0] as? String == "CHN" || $0[1] as? String == "CHN" })
        #expect(edges.contains { ($0[3] as? Double) == 4.5 && ($0[2] as? String) == "security" })
        #expect((result["since"] as? [Any])?.contains { ($0 as? Int) == 2015 } == true)
    }
}

/// Whether `python3` with jsonschema can be run.
let jsonschemaAvailable: Bool = {
    guard let result = try? runPython("import jsonschema", []) else { return false }
    return result.status == 0
}()

/// Runs a Python script with arguments; returns its exit status and standard output.
func runPython(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Schemas/entente-graph.schema.json describes what Entente reads and writes (checked with the
/// Python `jsonschema` package, which `make deps` installs).
@Suite struct JSONSchemaTests {
    static let validate = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        for path in sys.argv[2:]:
            errors = sorted(validator.iter_errors(json.load(open(path))), key=lambda e: list(e.path))
            print(path, len(errors), errors[0].message if errors else "")
        """

    @Test(.enabled(if: jsonschemaAvailable, "needs python3 with jsonschema (python3 -m pip install jsonschema)"))
    func graphsAndEntenteOutputConform() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("entente-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let written = directory.appendingPathComponent("written.json")
        try Data(NativeJSON.write(try sampleGraph()).utf8).write(to: written)
        let invalid = directory.appendingPathComponent("invalid.json")
        try Data(#"{"nodes": [{"id": "A", "colour": "red"}], "edges": [{"source": "A", "target": "A", "weight": -1}]}"#.utf8)
            .write(to: invalid)
        let files = ["Graphs/pakistan.json", "Graphs/awaam-agenda.json"].map { packageRootDirectory.appendingPathComponent($0).path }
            + [written.path, invalid.path]
        let schema = packageRootDirectory.appendingPathComponent("Schemas/entente-graph.schema.json").path
        let result = try runPython(Self.validate, [schema] + files)
        #expect(result.status == 0, "\(result.output)")
        let counts = result.output.split(separator: "\n").map { $0.split(separator: " ")[1] }
        #expect(counts == ["0", "0", "0", "2"], "\(result.output)")
    }
}

/// The native JSON writer writes the graph's `Codable` form straight from the model; these check it
/// against that form encoded by ``EntenteJSONEncoder``, byte for byte, on every shape of member.
@Suite struct NativeJSONWriterTests {
    /// The graph's Codable form, as the native format was written before the direct writer.
    private func encoded(_ graph: RelationGraph) throws -> [UInt8] {
        try EntenteJSONEncoder(pretty: true).encodedBytes(graph) + [0x0A]
    }

    @Test func writesTheCodableFormByteForByte() throws {
        var graph = RelationGraph(name: "Shapes \u{2028} \"quoted\"\n", directed: true)
        graph.declare(type: "membership")
        graph.declare(type: "trade\\route")
        graph.declare(kind: "organisation")
        graph.sources = [Source(id: "s1", title: "T"), Source(id: "s2", title: "U", file: "f.txt", citation: "C\tD")]
        try graph.addNode(Node(id: "A", label: "Alpha"))
        try graph.addNode(Node(id: "B", label: "Beta", since: 1816))
        try graph.addNode(Node(id: "C", label: "Gamma", since: 1816, until: 1900))
        try graph.addNode(Node(id: "D", label: "Delta", kind: "organisation", aliases: ["Δ", "d"]))
        try graph.addNode(Node(id: "E", label: "Epsilon", attributes: ["one": "1"]))
        try graph.addNode(Node(id: "F", label: "Phi", attributes: ["a": "1", "b": "2", "c": "3", "d": "4", "e": "\u{1}"]))
        try graph.addNode(Node(id: "G", label: "Germany", since: 1816, spells: [Spell(since: 1816, until: 1945), Spell(since: 1990)]))
        try graph.addEdge(Edge(source: "A", target: "B"))
        try graph.addEdge(Edge(source: "A", target: "C", type: "membership", weight: 0.1, polarity: .adversarial,
                               evidence: [Evidence(source: "s1", quote: "q \"1\""), Evidence(source: "s2", quote: "q2")],
                               since: 1850, until: 1860, note: "n", attributes: ["x": "y"]))
        try graph.addEdge(Edge(source: "D", target: "E", weight: 1e-7,
                               attributes: ["a": "1", "b": "2", "c": "3", "d": "4", "e": "5"]))
        try graph.addEdge(Edge(source: "F", target: "G", weight: 123456789.5, until: 1900))
        #expect(NativeJSON.bytes(graph) == (try encoded(graph)))
        #expect(NativeJSON.bytes(try sampleGraph()) == (try encoded(try sampleGraph())))
        #expect(NativeJSON.bytes(RelationGraph()) == (try encoded(RelationGraph())))
    }

    @Test(arguments: ["pakistan.json", "awaam-agenda.json", "world/security.json"])
    func writesTheRepositoryGraphsAsTheEncoderDoes(_ name: String) throws {
        let graph = try RelationGraph(contentsOf: packageRootDirectory.appendingPathComponent("Graphs/\(name)").path)
        #expect(NativeJSON.bytes(graph) == (try encoded(graph)))
    }

    @Test func streamsToAFileInChunksWithTheSameBytes() throws {
        let graph = try RelationGraph(contentsOf: packageRootDirectory.appendingPathComponent("Graphs/world/igo.json").path)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("entente-stream-\(getpid()).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try graph.write(to: path)
        let written = try FileIO.read(path)
        #expect(written.count > 4 << 20, "the file spans several chunks")
        #expect(written == NativeJSON.bytes(graph))
    }
}
