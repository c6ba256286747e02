import Foundation
import Testing

// Node years, --at, node tables, panels and dataset-sized XML, through the binary as a user runs it.
// The graphs are Tests/EntenteTests/Fixtures/years (make_years_fixtures.py).

private let years = "Tests/EntenteTests/Fixtures/years/"

/// Writes `text` into a fresh directory and returns the file's path.
private func file(_ name: String, _ text: String) throws -> (directory: URL, path: String) {
    let directory = try temporaryDirectory()
    let url = directory.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return (directory, url.path)
}

/// The JSON object a command printed.
private func object(_ result: CLIResult) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
}

@Suite struct AtYearCLITests {
    @Test func infoNodesAndTiesCountTheStatesOfTheYear() throws {
        let info = try object(try runEntente(["info", years + "states.json", "--at", "1962", "--json"]))
        #expect(info["nodes"] as? Int == 9 && info["edges"] as? Int == 13)
        let nodes = try runEntente(["nodes", years + "states.json", "--at", "1962", "--csv"])
        #expect(nodes.status == 0)
        #expect(nodes.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
                == ["USA", "UKG", "FRN", "GFR", "GDR", "RUS", "POL", "IND", "PAK"])
        let json = try object(try runEntente(["nodes", years + "states.json", "--at", "1990", "--json"]))
        let germany = try #require((json["nodes"] as? [[String: Any]])?.first { $0["id"] as? String == "GMY" })
        #expect(germany["since"] as? Int == 1816 && germany["until"] == nil && (germany["spells"] as? [Any])?.count == 2)
        let absent = try runEntente(["ties", years + "states.json", "GMY", "--at", "1962"])
        #expect(absent.status == 1)
        #expect(absent.stderr == "entente: \(years)states.json: GMY does not exist in 1962 (it exists 1816–1945 and 1990–); "
                + "--at 1962 leaves it out\n")
        let bySince = try runEntente(["ties", years + "states.json", "USA", "--sort", "year"])
        #expect(bySince.status == 0)
        #expect(bySince.stdout.split(separator: "\n").dropFirst(2).map { String($0.split(separator: " ")[0]) }
                == ["RUS", "FRN", "UKG", "PAK", "GFR", "GMY"])
        #expect(try runEntente(["ties", years + "states.json", "USA", "--sort", "size"]).status == 64)
    }

    @Test func communitiesListIsolatedStatesApart() throws {
        let text = try runEntente(["communities", years + "states.json", "--at", "1962", "--method", "louvain"])
        #expect(text.status == 0)
        #expect(text.stdout.hasSuffix("""
            2 communities
            1  FRN GFR PAK UKG USA
            2  GDR POL RUS
            isolated: 1 node: IND

            """))
        let json = try object(try runEntente(["communities", years + "states.json", "--at", "1962", "--method", "louvain", "--json"]))
        #expect(json["isolated"] as? [String] == ["IND"])
        #expect((json["communities"] as? [[String]])?.count == 2)
    }

    @Test func isolatedStatesTakeNoFill() throws {
        let result = try runEntente(["render", years + "states.json", "--at", "1962", "--color-by", "community",
                                     "--method", "louvain", "-o", "-", "--to", "dot"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        /// A node's statement, over the lines Graphviz spreads its attributes on.
        func statement(_ id: String) throws -> String {
            let start = try #require(lines.firstIndex { $0.hasPrefix("\t\(id)\t[") })
            let end = try #require(lines[start...].firstIndex { $0.hasSuffix("];") })
            return lines[start...end].joined(separator: "\n")
        }
        let india = try statement("IND"), usa = try statement("USA")
        #expect(usa.contains("#77AADD"))
        #expect(!india.contains("#77AADD") && !india.contains("#EEDD88"))
        #expect(result.stdout.contains("isolated: 1 node, no fill"))
        // States of other years are not drawn at all.
        #expect(!result.stdout.contains("BAV") && !result.stdout.contains("GMY"))
    }

    @Test func diffComparesTheStatesOfTheYear() throws {
        // Without Zanzibar (1963–1964): a removed node over all years, no change in 1962.
        let original = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: packageRoot.appendingPathComponent(years + "states.json"))) as? [String: Any])
        var other = original
        other["nodes"] = (original["nodes"] as? [[String: Any]])?.filter { $0["id"] as? String != "ZAN" }
        let (_, path) = try file("other.json", String(decoding: try JSONSerialization.data(withJSONObject: other), as: UTF8.self))
        let always = try runEntente(["diff", years + "states.json", path])
        #expect(always.status == 0 && always.stdout.hasPrefix("nodes: 0 added, 1 removed\n"))
        let in1962 = try runEntente(["diff", years + "states.json", path, "--at", "1962"])
        #expect(in1962.status == 0 && in1962.stdout.hasPrefix("nodes: 0 added, 0 removed\n"))
    }

    @Test func theExplorerRanksAmongTheStatesOfTheYear() throws {
        let result = try runEntente(["render", years + "states.json", "--at", "1962", "-o", "-", "--to", "html"])
        #expect(result.status == 0, "\(result.stderr)")
        let start = try #require(result.stdout.range(of: "<script type=\"application/json\" id=\"entente-data\">"))
        let end = try #require(result.stdout[start.upperBound...].range(of: "</script>"))
        let data = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        // The page's ranks ("#1 of 9") count the nodes of its data: the states of 1962.
        let nodes = try #require(data["nodes"] as? [[String: Any]])
        #expect(nodes.count == 9)
        #expect(!nodes.contains { $0["id"] as? String == "GMY" })
    }

    @Test func eigenvectorOfADisconnectedYearNeedsTheLargestComponent() throws {
        let refused = try runEntente(["centrality", years + "states.json", "--at", "1962", "--measure", "eigenvector"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "entente: \(years)states.json: eigenvector: the graph is not connected: the leading "
                + "eigenvector is not unique (--largest-component analyses the largest connected component alone)\n")
        let giant = try runEntente(["centrality", years + "states.json", "--at", "1962", "--measure", "eigenvector",
                                    "--largest-component", "--csv"])
        #expect(giant.status == 0, "\(giant.stderr)")
        #expect(giant.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
                == ["UKG", "USA", "FRN", "GFR", "PAK"])
    }

    @Test func convertWritesTheViewOfAYear() throws {
        let directory = try temporaryDirectory()
        let output = directory.appendingPathComponent("1962.json")
        let result = try runEntente(["convert", years + "states.json", "--at", "1962", "-o", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
        #expect((document["nodes"] as? [Any])?.count == 9 && (document["edges"] as? [Any])?.count == 13)
        let security = try runEntente(["convert", years + "states.json", "--types", "economic", "-o", output.path])
        #expect(security.status == 0)
        #expect(try String(contentsOf: output, encoding: .utf8).contains("\"edges\": []"))
        let unknown = try runEntente(["convert", years + "states.json", "--types", "trade", "-o", directory.appendingPathComponent("x.json").path])
        #expect(unknown.status == 1 && !FileManager.default.fileExists(atPath: directory.appendingPathComponent("x.json").path))
    }

    @Test(arguments: ["dot", "graphml", "gexf", "csv"])
    func yearsSurviveAConversion(_ format: String) throws {
        let directory = try temporaryDirectory()
        let converted = directory.appendingPathComponent("states.\(format)").path
        let back = directory.appendingPathComponent("back.json").path
        #expect(try runEntente(["convert", years + "states.json", "-o", converted]).status == 0)
        let table = format == "csv" ? ["--node-table", directory.appendingPathComponent("states.nodes.csv").path] : []
        let read = try runEntente(["convert", converted, "-o", back] + table)
        #expect(read.status == 0, "\(read.stderr)")
        let original = try JSONSerialization.jsonObject(with: Data(contentsOf: packageRoot.appendingPathComponent(years + "states.json"))) as? [String: Any]
        let again = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: back))) as? [String: Any]
        func nodeYears(_ document: [String: Any]?) -> [String] {
            (document?["nodes"] as? [[String: Any]] ?? []).map { node in
                let spells = (node["spells"] as? [[String: Int]] ?? []).map { "\($0["since"] ?? 0)-\($0["until"] ?? 0)" }
                return "\(node["id"] ?? "") \(node["since"] ?? "-") \(node["until"] ?? "-") \(spells.joined(separator: "|"))"
            }
        }
        #expect(nodeYears(again) == nodeYears(original), "\(format)")
        #expect(nodeYears(again).contains { $0.hasPrefix("GMY 1816 - ") && $0.contains("1990") })
    }
}

@Suite struct NodeTableCLITests {
    @Test func anEdgeListReadsWithItsNodeTable() throws {
        let result = try runEntente(["nodes", years + "states-edges.csv", "--node-table", years + "states-nodes.csv", "--at", "2011"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("SSD  South Sudan"))
        #expect(result.stdout.contains("United States of America"))
        let convert = try runEntente(["convert", years + "states.json", "-o", "-", "--to", "csv"])
        #expect(convert.stderr.contains("CSV on standard output holds edges only"))
    }

    @Test func aNodeTableGoesWithCSVOnly() throws {
        let result = try runEntente(["info", years + "states.json", "--node-table", years + "states-nodes.csv"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("entente: \(years)states-nodes.csv: a node table goes with a CSV edge list"))
    }
}

@Suite struct PanelCLITests {
    @Test func aPanelIsReadIntoSpellsWithANote() throws {
        let result = try runEntente(["info", years + "panel.csv", "--json"])
        #expect(result.status == 0)
        let spells = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: packageRoot.appendingPathComponent(years + "panel-spells.json"))) as? [String: Any])
        #expect(try object(result)["edges"] as? Int == (spells["ties"] as? [Any])?.count)
        #expect(result.stderr == "entente: note: \(years)panel.csv: merged 19 panel rows into another row of the same pair "
                + "and year (both directions of an undirected pair, of equal weight)\n")
        let combined = try runEntente(["info", years + "panel-disagree.csv", "--combine", "max", "--json"])
        #expect(combined.status == 0)
        #expect(try object(combined)["edges"] as? Int == 1)
        #expect(try runEntente(["info", years + "panel.csv", "--combine", "median"]).status == 64)
        // Real ATOP: France and Russia's obligations of 1859 differ by direction (line 18).
        let atop = "Tests/EntenteTests/Fixtures/panel/disagree_panel.csv"
        let refused = try runEntente(["info", atop])
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("entente: \(atop):18: panel row RUS–FRN security in 1859 has weight 3"))
        #expect(try runEntente(["info", atop, "--combine", "mean"]).status == 0)
    }
}

/// Each bad input: one line naming file and line, exit 1, and no output file.
@Suite struct YearsBadInputCLITests {
    static let cases: [(name: String, text: String, options: [String], message: String)] = [
        ("nodes.csv", "id,label\nA,a\nB,b\nA,c\n", [], "nodes.csv:4:1: duplicate node id 'A'"),
        ("years.json", "{\"nodes\": [\n{\"id\": \"GFR\", \"since\": 1955, \"until\": 1950}], \"edges\": []}",
         [], "years.json:2:8: node 'GFR': until 1950 is before since 1955"),
        ("panel.csv", "source,target,year\nA,B,1900\nA,B,1900.5\n", [], "panel.csv:3:5: year '1900.5' is not a whole year"),
        ("disagree.csv", "source,target,weight,year\nA,B,2,1900\nB,A,3,1900\n", [],
         "disagree.csv:3: panel row B–A economic in 1900 has weight 3, but line 2 gives the pair weight 2 that year; "
         + "--combine max|sum|mean says how to combine them"),
        ("outside.json", "{\"nodes\": [{\"id\": \"A\", \"since\": 1955}, {\"id\": \"B\"}],\n\"edges\": [\n{\"source\": \"A\", \"target\": \"B\", \"since\": 1950}]}",
         [], "outside.json:3:1: tie A – B economic (1950–) falls outside the years of node 'A' (1955–); "
         + "--lenient clips such ties to the years their nodes exist"),
    ]

    @Test(arguments: cases.indices)
    func oneLineExitOneNoOutput(_ index: Int) throws {
        let bad = Self.cases[index]
        let (directory, path) = try file(bad.name, bad.text)
        let output = directory.appendingPathComponent("out.json").path
        // A node table is read beside an edge list.
        var arguments = ["convert", path, "-o", output]
        if bad.name == "nodes.csv" {
            let (_, edges) = try file("edges.csv", "source,target\nA,B\n")
            arguments = ["convert", edges, "--node-table", path, "-o", output]
        }
        let result = try runEntente(arguments + bad.options)
        #expect(result.status == 1, "\(bad.name)")
        #expect(result.stderr == "entente: \(directory.path)/\(bad.message)\n")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func lenientReadsTheTieClipped() throws {
        let (_, path) = try file("outside.json", Self.cases[4].text)
        let result = try runEntente(["info", path, "--lenient", "--timeline"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("1955\n  + A – B  economic 1\n"))
    }
}

@Suite struct LargeXMLCLITests {
    /// A GraphML file over 50 MB, written by networkx at test time, reads whole.
    @Test(.enabled(if: networkxAvailableToCLI, "needs python3 with networkx (python3 -m pip install networkx)"))
    func networkxGraphMLOverFiftyMegabytes() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("world.graphml").path
        let script = """
            import random, sys, networkx as nx
            random.seed(7)
            g = nx.MultiGraph()
            for i in range(2000):
                g.add_node(f"s{i}", label=f"State number {i}", since=1816 + i % 150)
            for k in range(260000):
                a, b = random.sample(range(2000), 2)
                g.add_edge(f"s{a}", f"s{b}", type="security", weight=float(1 + k % 5), since=float(1966 + k % 50),
                           note="alliance obligations of the year, as recorded")
            nx.write_graphml(g, sys.argv[1])
            print(g.number_of_nodes(), g.number_of_edges())
            """
        let python = try Process.run(URL(fileURLWithPath: "/usr/bin/env"), arguments: ["python3", "-c", script, path])
        python.waitUntilExit()
        #expect(python.terminationStatus == 0)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size > 50_000_000, "\(size) bytes")
        let result = try runEntente(["info", path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let info = try object(result)
        #expect(info["nodes"] as? Int == 2000 && info["edges"] as? Int == 260_000)
    }

    /// Entente's own GraphML and GEXF of a 100,000-edge graph read back as the graph written.
    @Test func ownGraphMLAndGEXFRoundTrip() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var csv = "source,target,type,weight,since\n"
        var state: UInt64 = 42
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        for _ in 0..<100_000 {
            let a = next() % 5000
            var b = next() % 5000
            if b == a { b = (a + 1) % 5000 }
            csv += "n\(a),n\(b),\(["economic", "security", "cultural"][Int(next() % 3)]),\(1 + next() % 5),\(1900 + next() % 100)\n"
        }
        let source = directory.appendingPathComponent("big.csv")
        try csv.write(to: source, atomically: true, encoding: .utf8)
        let reference = directory.appendingPathComponent("reference.json").path
        #expect(try runEntente(["convert", source.path, "-o", reference]).status == 0)
        for format in ["graphml", "gexf"] {
            let written = directory.appendingPathComponent("big.\(format)").path
            let back = directory.appendingPathComponent("back-\(format).json").path
            #expect(try runEntente(["convert", reference, "-o", written]).status == 0)
            let size = try #require(try FileManager.default.attributesOfItem(atPath: written)[.size] as? Int)
            #expect(size > 10_000_000, "\(format): \(size) bytes, past libxml2's single-chunk limit")
            let read = try runEntente(["convert", written, "-o", back])
            #expect(read.status == 0, "\(format): \(read.stderr)")
            let original = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: reference))) as? [String: Any])
            let again = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: back))) as? [String: Any])
            #expect((again["edges"] as? [[String: Any]])?.count == 100_000)
            #expect(NSDictionary(dictionary: again["edges"].map { ["e": $0] } ?? [:])
                    == NSDictionary(dictionary: original["edges"].map { ["e": $0] } ?? [:]), "\(format)")
        }
    }

    @Test func aValueOverLibxml2sLimitSaysSo() throws {
        let value = String(repeating: "x", count: 10_000_100)
        let (_, path) = try file("huge.graphml", "<?xml version=\"1.0\"?>\n<graphml><graph>\n<node id=\"\(value)\"/></graph></graphml>\n")
        let result = try runEntente(["info", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains(":3:"))
        #expect(result.stderr.contains("size limit") && result.stderr.contains("10,000,000 bytes") && !result.stderr.contains("malformed"))
    }
}

/// Whether `python3 -c "import networkx"` works.
let networkxAvailableToCLI: Bool = {
    guard let process = try? Process.run(URL(fileURLWithPath: "/usr/bin/env"), arguments: ["python3", "-c", "import networkx"]) else {
        return false
    }
    process.waitUntilExit()
    return process.terminationStatus == 0
}()
