import Foundation
import Testing

private let pakistan = "Graphs/pakistan.json"
private let agenda = "Graphs/awaam-agenda.json"

/// The comparable content of a native JSON graph: nodes (id, label, kind) and edges (source,
/// target, type, weight, polarity), in file order.
private func skeleton(ofJSONAt url: URL) throws -> (nodes: [String], edges: [String]) {
    let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    let nodes = try #require(document["nodes"] as? [[String: Any]]).map {
        "\($0["id"] ?? "") \($0["label"] ?? "") \($0["kind"] ?? "")"
    }
    let edges = try #require(document["edges"] as? [[String: Any]]).map {
        "\($0["source"] ?? "") \($0["target"] ?? "") \($0["type"] ?? "") \($0["weight"] ?? "") \($0["polarity"] ?? "cooperative")"
    }
    return (nodes, edges)
}

@Suite struct InfoCommandTests {
    @Test func summarisesBothSeedGraphs() throws {
        let result = try runEntente(["info", pakistan, "--json"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("""
            {"name":"Pakistan's foreign relations","directed":false,"nodes":14,"edges":45,\
            "types":{"economic":12,"security":9,"cultural":5,"membership":19},\
            "polarities":{"cooperative":43,"adversarial":2},\
            "kinds":{"state":10,"bloc":2,"organization":2},"components":1,"sources":[\
            {"id":"article","title":"Pakistan's foreign relations: neighbours, major powers, the Muslim world and \
            international organisations (article)","file":"000_823396fff7b74d69.txt"},
            """))
        #expect(result.stdout.contains("""
            {"id":"ref-gcc","title":"Charter of the Gulf Cooperation Council (1981)","citation":"Charter of the \
            Cooperation Council for the Arab States of the Gulf, Abu Dhabi, 25 May 1981; member states: Bahrain, \
            Kuwait, Oman, Qatar, Saudi Arabia, United Arab Emirates (gcc-sg.org)"}]}

            """))
        let manifesto = try runEntente(["info", agenda, "--json"])
        #expect(manifesto.stdout.hasPrefix("""
            {"name":"Awaam Pakistan foreign-policy agenda","directed":false,"nodes":13,"edges":20,\
            "types":{"economic":9,"security":3,"cultural":0,"membership":6,"political":2},\
            "polarities":{"cooperative":20,"adversarial":0},\
            "kinds":{"state":5,"bloc":6,"organization":2},"components":1,"sources":[\
            {"id":"manifesto","title":"Awaam Pakistan manifesto, Foreign Policy and National Security: \
            “Mazboot, Khudmukhtar Pakistan.”","file":"002_8f49d3cdf4e045be.txt"},
            """))
    }

    @Test func textNamesCountsAndSources() throws {
        let result = try runEntente(["info", pakistan])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("nodes:       14"))
        #expect(lines.contains("types:       economic 12, security 9, cultural 5, membership 19"))
        #expect(lines.contains("polarities:  cooperative 43, adversarial 2"))
        #expect(lines.contains { $0.hasPrefix("  article: ") && $0.hasSuffix("(file 000_823396fff7b74d69.txt)") })
    }

    @Test func countsComponentsOfADisconnectedCSV() throws {
        let csv = "source,target\nA,B\nC,D\nD,E\n"
        let result = try runEntente(["info", "-", "--format", "csv", "--json"], stdin: Data(csv.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"nodes\":5,\"edges\":3,"))
        #expect(result.stdout.hasSuffix("\"components\":2,\"sources\":[]}\n"))
    }
}

@Suite struct ConvertCommandTests {
    @Test func jsonToCSVToJSONKeepsEveryEdge() throws {
        let directory = try temporaryDirectory()
        let csv = directory.appendingPathComponent("pakistan.csv")
        let back = directory.appendingPathComponent("back.json")
        let toCSV = try runEntente(["convert", pakistan, "-o", csv.path])
        #expect(toCSV.status == 0)
        // The edge list and, beside it, its node table (labels, kinds, aliases).
        let table = directory.appendingPathComponent("pakistan.nodes.csv")
        #expect(toCSV.stderr == "entente: note: wrote the node table \(table.path) beside the edge list; evidence is not written\n")
        #expect(FileManager.default.fileExists(atPath: table.path))
        let toJSON = try runEntente(["convert", csv.path, "--node-table", table.path, "-o", back.path])
        #expect(toJSON.status == 0, "\(toJSON.stderr)")
        let original = try skeleton(ofJSONAt: packageRoot.appendingPathComponent(pakistan))
        let roundTrip = try skeleton(ofJSONAt: back)
        #expect(roundTrip.edges == original.edges)
        // With its node table, a CSV keeps the nodes, their order, labels, kinds and aliases.
        #expect(roundTrip.nodes == original.nodes)
        // Converting the CSV again gives the same bytes: nothing drifts.
        let again = directory.appendingPathComponent("again.csv")
        #expect(try runEntente(["convert", back.path, "-o", again.path]).status == 0)
        #expect(try Data(contentsOf: again) == Data(contentsOf: csv))
    }

    @Test func jsonToDOTToJSONKeepsNodesAndEdges() throws {
        let directory = try temporaryDirectory()
        let dot = directory.appendingPathComponent("pakistan.gv")
        let back = directory.appendingPathComponent("back.json")
        #expect(try runEntente(["convert", pakistan, "-o", dot.path]).status == 0)
        let result = try runEntente(["convert", dot.path, "-o", back.path])
        #expect(result.status == 0, "\(result.stderr)")
        let original = try skeleton(ofJSONAt: packageRoot.appendingPathComponent(pakistan))
        let roundTrip = try skeleton(ofJSONAt: back)
        #expect(roundTrip.nodes == original.nodes)
        #expect(roundTrip.edges == original.edges)
    }

    @Test func writesToStandardOutput() throws {
        let result = try runEntente(["convert", agenda, "-o", "-", "--to", "graphml"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("<?xml"))
        #expect(result.stdout.components(separatedBy: "<edge ").count - 1 == 20)
    }

    @Test func failedConversionLeavesTheOldFileAlone() throws {
        let directory = try temporaryDirectory()
        let bad = directory.appendingPathComponent("bad.csv")
        try Data("source,target,weight\nA,B,1\nB,C,abc\n".utf8).write(to: bad)
        let output = directory.appendingPathComponent("out.json")
        try Data("precious".utf8).write(to: output)
        let result = try runEntente(["convert", bad.path, "-o", output.path])
        #expect(result.status == 1)
        #expect(result.stderr == "entente: \(bad.path):3:5: weight 'abc' is not a finite number greater than 0\n")
        #expect(try String(contentsOf: output, encoding: .utf8) == "precious")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["bad.csv", "out.json"])
    }

    @Test func unwritableOutputIsOneLine() throws {
        let result = try runEntente(["convert", packageRoot.appendingPathComponent(pakistan).path,
                                     "-o", "no-such-directory/out.json"], in: try temporaryDirectory())
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("entente: no-such-directory/out.json: "))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test(arguments: [
        (["convert", pakistan, "-o", "out.xyz"], "cannot write format 'xyz'"),
        (["convert", pakistan, "-o", "-"], "needs --to FORMAT"),
        (["convert", pakistan, "-o", "out"], "cannot write format '(no extension)'"),
        (["info"], "Missing expected argument '<graph>'"),
        (["info", pakistan, "--colour"], "Unknown option '--colour'"),
    ])
    func usageErrorsExit64(_ arguments: [String], _ message: String) throws {
        let directory = try temporaryDirectory()
        let result = try runEntente(arguments.map { $0 == pakistan ? packageRoot.appendingPathComponent(pakistan).path : $0 },
                                    in: directory)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func unknownInputExtensionIsAUsageError() throws {
        let directory = try temporaryDirectory()
        let notes = directory.appendingPathComponent("notes.txt")
        try Data("PAK CHN".utf8).write(to: notes)
        let result = try runEntente(["info", notes.path])
        #expect(result.status == 64)
        #expect(result.stderr == "entente: \(notes.path): unsupported format 'txt' (supported: json, csv, dot, graphml, gexf)\n")
        let forced = try runEntente(["info", notes.path, "--format", "csv"])
        #expect(forced.status == 1)
        #expect(forced.stderr == "entente: \(notes.path):1:1: CSV header must name the columns 'source' and 'target' (found pak chn)\n")
    }
}

/// Every kind of bad input file, through `entente info` and `entente convert`: one line on standard
/// error naming the file, the line (and column where known) and the problem; exit 1; no output file.
@Suite struct BadInputTests {
    static let cases: [(name: String, contents: [UInt8], message: String)] = [
        ("malformed.json", Array("{\"name\": \"x\", \"nodes\": [\n  {\"id\": \"A\"},\n  {\"id\": \"B\"\n]}".utf8),
         "malformed.json:4:1: invalid JSON: unexpected character ']', expected ',' or '}'"),
        ("unknown.json", Array("""
            {"name":"x","nodes":[{"id":"A","label":"A","kind":"state"}],
            "edges":[{"source":"A","target":"Z","type":"economic","weight":1}]}
            """.utf8),
         "unknown.json:2:33: edge references unknown node 'Z'"),
        ("duplicate.json", Array("""
            {"name":"x","nodes":[{"id":"A","label":"A","kind":"state"},
            {"id":"A","label":"A","kind":"state"}],"edges":[]}
            """.utf8),
         "duplicate.json:2:7: duplicate node id 'A'"),
        ("abc.csv", Array("source,target,weight\nA,B,1\nB,C,abc\n".utf8),
         "abc.csv:3:5: weight 'abc' is not a finite number greater than 0"),
        ("negative.csv", Array("source,target,weight\nA,B,-2\n".utf8),
         "negative.csv:2:5: weight '-2' is not a finite number greater than 0"),
        ("nan.csv", Array("source,target,weight\nA,B,nan\n".utf8),
         "nan.csv:2:5: weight 'nan' is not a finite number greater than 0"),
        ("inf.csv", Array("source,target,weight\nA,B,inf\n".utf8),
         "inf.csv:2:5: weight 'inf' is not a finite number greater than 0"),
        ("zero.json", Array("""
            {"name":"x","nodes":[{"id":"A","label":"A","kind":"state"},{"id":"B","label":"B","kind":"state"}],
            "edges":[{"source":"A","target":"B","type":"economic","weight":0}]}
            """.utf8),
         "zero.json:2:64: weight '0' is not a finite number greater than 0"),
        ("short.csv", Array("source,target,weight\nA,B,1\nC\n".utf8),
         "short.csv:3: short CSV row: 1 field, the header has 3"),
        ("syntax.dot", Array("graph {\n A -- B\n C -- \n}\n".utf8),
         "syntax.dot:4: syntax error near '}'"),
        ("empty.json", [], "empty.json: file is empty"),
        ("binary.csv", [0x00, 0x01, 0x02, 0xFF, 0xFE], "binary.csv: file is not text (binary data or invalid UTF-8)"),
    ]

    @Test(arguments: cases.indices)
    func oneLineExitOneNoOutput(_ index: Int) throws {
        let (name, contents, message) = Self.cases[index]
        let directory = try temporaryDirectory()
        try Data(contents).write(to: directory.appendingPathComponent(name))
        for command in [["info", name], ["convert", name, "-o", "out.graphml"]] {
            let result = try runEntente(command, in: directory)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr == "entente: \(message)\n", "\(command)")
            #expect(result.stdout.isEmpty)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [name])
    }

    @Test func missingFileAndDirectory() throws {
        let directory = try temporaryDirectory()
        let missing = try runEntente(["info", "missing.json"], in: directory)
        #expect(missing.status == 1)
        #expect(missing.stderr == "entente: missing.json: cannot open: No such file or directory\n")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("graphs.json"),
                                                withIntermediateDirectories: false)
        let folder = try runEntente(["info", "graphs.json"], in: directory)
        #expect(folder.status == 1)
        #expect(folder.stderr == "entente: graphs.json: is a directory, not a graph file\n")
    }
}
