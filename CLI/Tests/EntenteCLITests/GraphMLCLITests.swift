import Foundation
import Testing

private let pakistan = "Graphs/pakistan.json"

@Suite struct GraphMLGEXFCLITests {
    /// JSON → GraphML → JSON and JSON → GEXF → JSON give the same native file back, but for the
    /// sources table, which neither GraphML nor GEXF as Entente writes them holds.
    @Test(arguments: ["graphml", "gexf"])
    func convertsThereAndBack(_ format: String) throws {
        let directory = try temporaryDirectory()
        let middle = directory.appendingPathComponent("pakistan.\(format)")
        let back = directory.appendingPathComponent("back.json")
        let there = try runEntente(["convert", pakistan, "-o", middle.path])
        #expect(there.status == 0, "\(there.stderr)")
        #expect(there.stderr.isEmpty)
        let result = try runEntente(["convert", middle.path, "-o", back.path])
        #expect(result.status == 0, "\(result.stderr)")
        let original = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: packageRoot.appendingPathComponent(pakistan))) as? [String: Any])
        let roundTrip = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: back)) as? [String: Any])
        for key in ["name", "directed", "types", "nodes", "edges"] {
            #expect(NSDictionary(dictionary: roundTrip).object(forKey: key).map { NSArray(array: [$0]) }
                    == NSDictionary(dictionary: original).object(forKey: key).map { NSArray(array: [$0]) }, "\(key)")
        }
        #expect((roundTrip["edges"] as? [Any])?.count == 45)
        // The counts agree; GEXF has no place for the sources table (docs/formats.md).
        let counts = { (text: String) in text.components(separatedBy: ",\"sources\":")[0] }
        #expect(counts(try runEntente(["info", middle.path, "--json"]).stdout) == counts(try runEntente(["info", pakistan, "--json"]).stdout))
    }

    @Test func gexfWithSizesAndLayout() throws {
        let directory = try temporaryDirectory()
        let output = directory.appendingPathComponent("pakistan.gexf")
        let result = try runEntente(["convert", pakistan, "-o", output.path, "--size-by", "betweenness", "--layout", "neato"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let text = try String(contentsOf: output, encoding: .utf8)
        #expect(text.components(separatedBy: "<viz:position ").count - 1 == 14)
        #expect(text.components(separatedBy: "<viz:size ").count - 1 == 14)
        #expect(text.components(separatedBy: "<viz:thickness ").count - 1 == 45)
        #expect(text.contains("<attribute id=\"n2\" title=\"betweenness\" type=\"double\"/>"))
        // Pakistan, the hub, is the largest node (betweenness 0.621795, as `entente centrality` says).
        #expect(text.contains("<attvalue for=\"n2\" value=\"0.6217948717948718\"/>"))
        let again = try runEntente(["convert", pakistan, "-o", "-", "--to", "gexf", "--size-by", "betweenness", "--layout", "neato"])
        #expect(again.stdout == text)
    }

    @Test(arguments: [
        (["convert", pakistan, "-o", "out.graphml", "--size-by", "degree"], "--size-by and --layout apply to GEXF output only"),
        (["convert", pakistan, "-o", "out.json", "--layout", "dot"], "--size-by and --layout apply to GEXF output only"),
        (["convert", pakistan, "-o", "out.gexf", "--size-by", "fame"], "--size-by 'fame' is not a node measure"),
        (["convert", pakistan, "-o", "out.gexf", "--layout", "spring"], "--layout"),
    ])
    func usageErrorsExit64(_ arguments: [String], _ message: String) throws {
        let directory = try temporaryDirectory()
        let result = try runEntente(arguments.map { $0 == pakistan ? packageRoot.appendingPathComponent(pakistan).path : $0 },
                                    in: directory)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}

/// The bad-input cases of GraphML and GEXF, through `entente info` and `entente convert`: one line
/// `entente: FILE:LINE:COL: problem`, exit 1, no output file.
@Suite struct XMLBadInputTests {
    static let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [\n <!ENTITY lol \"lol\">\n"
        + (2...9).map { " <!ENTITY lol\($0) \"" + String(repeating: "&lol\($0 == 2 ? "" : String($0 - 1));", count: 10) + "\">\n" }.joined()
        + "]>\n"
    static let entities = "the document type declares entities (<!ENTITY …>); Entente refuses them rather than expand them"

    static let cases: [(name: String, contents: String, message: String)] = [
        ("malformed.graphml", "<graphml>\n<graph>\n <node id=\"A\">\n</graph>\n</graphml>\n",
         "malformed.graphml:4:9: malformed XML: end tag does not match its start tag"),
        ("key.graphml", "<graphml>\n<graph>\n <node id=\"A\"><data key=\"d7\">x</data></node>\n</graph>\n</graphml>\n",
         "key.graphml:3:15: <data> refers to key 'd7', which no <key> declares"),
        ("weight.graphml", "<graphml>\n<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n<graph>\n"
         + " <node id=\"A\"/><node id=\"B\"/>\n <edge source=\"A\" target=\"B\"><data key=\"w\">heavy</data></edge>\n</graph>\n</graphml>\n",
         "weight.graphml:5:30: weight 'heavy' is not a finite number greater than 0"),
        ("unknown.graphml", "<graphml>\n<graph>\n <node id=\"A\"/>\n <edge source=\"A\" target=\"Z\"/>\n</graph>\n</graphml>\n",
         "unknown.graphml:4:2: edge references unknown node 'Z'"),
        ("laughs.graphml", laughs + "<graphml><graph><node id=\"&lol9;\"/></graph></graphml>\n", "laughs.graphml:3:2: " + entities),
        ("malformed.gexf", "<gexf>\n<graph>\n<nodes>\n<node id=\"A\">\n</nodes></graph></gexf>\n",
         "malformed.gexf:5:9: malformed XML: end tag does not match its start tag"),
        ("key.gexf", "<gexf><graph><nodes>\n<node id=\"A\"><attvalues><attvalue for=\"0\" value=\"x\"/></attvalues></node>\n</nodes></graph></gexf>\n",
         "key.gexf:2:25: <attvalue> refers to attribute '0', which no node <attribute> declares"),
        ("weight.gexf", "<gexf><graph><nodes><node id=\"A\"/><node id=\"B\"/></nodes>\n<edges>\n<edge source=\"A\" target=\"B\" weight=\"NaN\"/>\n</edges></graph></gexf>\n",
         "weight.gexf:3:1: weight 'NaN' is not a finite number greater than 0"),
        ("unknown.gexf", "<gexf><graph><nodes><node id=\"A\"/></nodes>\n<edges>\n<edge source=\"Q\" target=\"A\"/>\n</edges></graph></gexf>\n",
         "unknown.gexf:3:1: edge references unknown node 'Q'"),
        ("laughs.gexf", laughs.replacingOccurrences(of: "graphml", with: "gexf") + "<gexf><graph><nodes/></graph></gexf>\n",
         "laughs.gexf:3:2: " + entities),
    ]

    @Test(arguments: cases.indices)
    func oneLineExitOneNoOutput(_ index: Int) throws {
        let (name, contents, message) = Self.cases[index]
        let directory = try temporaryDirectory()
        try Data(contents.utf8).write(to: directory.appendingPathComponent(name))
        for command in [["info", name], ["convert", name, "-o", "out.gexf"], ["convert", name, "-o", "out.graphml"]] {
            let result = try runEntente(command, in: directory)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr == "entente: \(message)\n", "\(command)")
            #expect(result.stdout.isEmpty)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [name])
    }
}
