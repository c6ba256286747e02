import Foundation
import Testing
@testable import Entente

// Node years, --at, lenient ties, node tables and dyad-year panels, through the library. Reference
// values: Fixtures/years/states-1962.json and panel-spells.json, written by make_years_fixtures.py
// (networkx, and a plain loop over the years).

private let yearsDirectory = fixturesDirectory.appendingPathComponent("years")
private func yearsPath(_ name: String) -> String { yearsDirectory.appendingPathComponent(name).path }
private func states() throws -> RelationGraph { try RelationGraph(contentsOf: yearsPath("states.json")) }
private func reference() throws -> [String: Any] {
    try #require(try fixtureJSON("years/states-1962.json") as? [String: Any])
}

/// Reads text as a format, with a name for error messages.
private func read(_ text: String, as format: GraphFormat, file: String = "test") throws -> RelationGraph {
    let bytes = Array(text.utf8)
    switch format {
    case .json: return try NativeJSON.read(bytes, file: file)
    case .csv: return try CSVEdgeList.read(bytes, file: file)
    case .graphml: return try GraphMLReader.read(bytes, file: file)
    case .gexf: return try GEXFReader.read(bytes, file: file)
    case .dot: throw GraphError.invalidArgument("DOT is read by EntenteGraphviz")
    }
}

/// The description of the error a call throws, or nil.
private func failure(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch {
        return "\(error)"
    }
}

@Suite struct NodeYearsTests {
    @Test func spellsSayWhenANodeExists() throws {
        let graph = try states()
        let germany = try #require(graph[id: "GMY"])
        #expect(germany.since == 1816 && germany.until == nil)
        #expect(germany.spells == [Spell(since: 1816, until: 1945), Spell(since: 1990)])
        #expect(germany.exists(in: 1816) && germany.exists(in: 1945) && !germany.exists(in: 1946)
                && !germany.exists(in: 1989) && germany.exists(in: 1990) && germany.exists(in: 2100))
        let gdr = try #require(graph[id: "GDR"])
        #expect(gdr.spells.isEmpty && gdr.existence == [Spell(since: 1954, until: 1990)])
        #expect(!gdr.exists(in: 1953) && gdr.exists(in: 1954) && gdr.exists(in: 1990) && !gdr.exists(in: 1991))
        #expect(Node(id: "X").exists(in: -5000))
    }

    @Test(arguments: [GraphFormat.json, .csv, .graphml, .gexf])
    func yearsSurviveEveryFormat(_ format: GraphFormat) throws {
        let graph = try states()
        let back: RelationGraph
        if format == .csv {
            let edges = try CSVEdgeList.read(Array(CSVEdgeList.write(graph).utf8), file: "e.csv",
                                             nodes: try CSVNodeTable.read(Array(CSVNodeTable.write(graph).utf8), file: "n.csv"))
            back = edges
        } else {
            back = try read(graph.text(as: format), as: format)
        }
        #expect(back.nodes.map(\.id) == graph.nodes.map(\.id))
        for (node, original) in zip(back.nodes, graph.nodes) {
            #expect(node.since == original.since && node.until == original.until && node.spells == original.spells,
                    "\(format) \(node.id)")
        }
        #expect(back.edges.map(\.since) == graph.edges.map(\.since) && back.edges.map(\.until) == graph.edges.map(\.until))
    }

    @Test func gexfIsDynamicWithSpellsAsGephiReadsThem() throws {
        let text = try states().text(as: .gexf)
        #expect(text.contains(#"<graph defaultedgetype="undirected" mode="dynamic" timeformat="double">"#))
        #expect(text.contains(#"<node id="GFR" label="German Federal Republic" start="1955" end="1990">"#))
        #expect(text.contains("<spells>\n          <spell start=\"1816\" end=\"1945\"/>\n          <spell start=\"1990\"/>\n        </spells>"))
        #expect(text.contains(#"<edge id="3" source="USA" target="GFR" weight="5" kind="security" start="1955" end="1990">"#))
        // A graph without node years is written as before: static.
        #expect(try fixtureGraph("relations").text(as: .gexf).contains("mode=\"dynamic\"") == false)
    }

    @Test func wholeYearsWrittenWithAFractionAreRead() throws {
        let json = try read(#"{"nodes": [{"id": "A", "since": 1945.0}, {"id": "B"}], "edges": [{"source": "A", "target": "B", "until": 1990.0}]}"#, as: .json)
        #expect(json.nodes[0].since == 1945 && json.edges[0].until == 1990)
        let csv = try read("source,target,since,until\nA,B,1945.0,1950.00\n", as: .csv)
        #expect(csv.edges[0].since == 1945 && csv.edges[0].until == 1950)
        let graphml = try read("""
            <graphml><key id="s" for="node" attr.name="since" attr.type="double"/>\
            <key id="u" for="edge" attr.name="until" attr.type="double"/><graph>
            <node id="A"><data key="s">1945.0</data></node><node id="B"/>
            <edge source="A" target="B"><data key="u">1990.0</data></edge></graph></graphml>
            """, as: .graphml)
        #expect(graphml.nodes[0].since == 1945 && graphml.edges[0].until == 1990)
        let gexf = try read("""
            <gexf><graph mode="dynamic" timeformat="date"><nodes><node id="A" start="1945-05-08" end="1990.0"/>\
            <node id="B"/></nodes><edges/></graph></gexf>
            """, as: .gexf)
        #expect(gexf.nodes[0].since == 1945 && gexf.nodes[0].until == 1990)
    }

    @Test func yearsAreWholeNumbersWithAtMostZerosAfterThePoint() {
        let cases: [(String, Int?)] = [("1945", 1945), ("1945.0", 1945), (" 1945.00 ", 1945), ("-50", -50), ("1945.", 1945),
                                       ("1945.5", nil), ("1945.05", nil), ("0x10", nil), ("1e3", nil), ("", nil), (".0", nil),
                                       ("nineteen", nil)]
        for (text, year) in cases { #expect(parseYear(text) == year, "\(text)") }
        #expect(Spell.list(parsing: "1816-1945|1990-") == [Spell(since: 1816, until: 1945), Spell(since: 1990)])
        #expect(Spell.list(parsing: "-1945") == [Spell(until: 1945)])
        #expect(Spell.list(parsing: "1816.0-1945.0") == [Spell(since: 1816, until: 1945)])
        #expect(Spell.list(parsing: "1816") == nil && Spell.list(parsing: "1816-x") == nil)
    }

    @Test func fractionalYearsAreErrorsNamingTheLine() {
        #expect(failure { _ = try read("{\"nodes\": [\n{\"id\": \"A\", \"since\": 1945.5}], \"edges\": []}", as: .json, file: "a.json") }
                == "a.json:2:22: node.since '1945.5' is not a whole year")
        #expect(failure { _ = try read("source,target,since\nA,B,1945.5\n", as: .csv, file: "a.csv") }
                == "a.csv:2:5: since '1945.5' is not a whole year")
        #expect(failure { _ = try read("<graphml><key id=\"s\" for=\"node\" attr.name=\"since\"/><graph>\n<node id=\"A\"><data key=\"s\">1945.5</data></node></graph></graphml>", as: .graphml, file: "a.graphml") }
                == "a.graphml:2:14: since '1945.5' is not a whole year")
        #expect(failure { _ = try read("<gexf><graph><nodes>\n<node id=\"A\" start=\"1945.5\"/></nodes></graph></gexf>", as: .gexf, file: "a.gexf") }
                == "a.gexf:2:1: node.start '1945.5' is not a whole year")
    }

    @Test func yearsThatDoNotHoldTogetherAreErrors() {
        func nodes(_ body: String) -> String? {
            failure { _ = try read("{\"nodes\": [\n\(body)], \"edges\": []}", as: .json, file: "n.json") }
        }
        #expect(nodes(#"{"id": "GFR", "since": 1955, "until": 1950}"#) == "n.json:2:8: node 'GFR': until 1950 is before since 1955")
        #expect(nodes(#"{"id": "G", "since": 1816, "until": 2016, "spells": [{"since": 1816, "until": 1950}, {"since": 1945, "until": 2016}]}"#)
                == "n.json:2:8: node 'G': spells 1 and 2 are not in order without overlap")
        #expect(nodes(#"{"id": "G", "since": 1800, "until": 2016, "spells": [{"since": 1816, "until": 1945}, {"since": 1990, "until": 2016}]}"#)
                == "n.json:2:8: node 'G': since and until (1800–2016) must be the first spell's since and the last spell's until (1816–2016)")
        #expect(nodes(#"{"id": "G", "since": 1816, "until": 1945, "spells": [{"since": 1816, "until": 1945}]}"#)
                == "n.json:2:8: node 'G': spells lists one spell; write a single spell as since and until")
        #expect(nodes(#"{"id": "G", "spells": [{"since": 1816, "until": 1945}, {"since": 1990, "until": 1980}]}"#)
                == "n.json:2:8: node 'G': spell 2 ends (1980) before it begins (1990)")
        var graph = RelationGraph()
        #expect(throws: GraphError.invalidYears(nil, "node 'X': until 1 is before since 2")) {
            try graph.addNode(Node(id: "X", since: 2, until: 1))
        }
        #expect(graph.nodes.isEmpty)
    }
}

@Suite struct TieYearsTests {
    let text = """
        {"nodes": [{"id": "GFR", "since": 1955, "until": 1990}, {"id": "USA", "since": 1816},
                   {"id": "GMY", "since": 1816, "until": 2016, "spells": [{"since": 1816, "until": 1945}, {"since": 1990, "until": 2016}]}],
         "edges": [
          {"source": "USA", "target": "GFR", "since": 1949, "until": 1990},
          {"source": "USA", "target": "GMY", "since": 1900, "until": 2000},
          {"source": "USA", "target": "GFR", "since": 1991},
          {"source": "USA", "target": "GFR", "since": 1960}
         ]}
        """

    @Test func aTieOutsideItsNodesYearsIsAnErrorAtItsLine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ties-\(UUID().uuidString).json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(failure { _ = try RelationGraph(contentsOf: path) } == "\(path):4:3: tie USA – GFR economic (1949–1990) falls "
                + "outside the years of node 'GFR' (1955–1990); lenient reading (ReadOptions.lenient) clips such ties to the years their nodes exist")
        // Built in code, the same check is one call.
        let graph = try NativeJSON.read(Array(text.utf8), file: "t.json")
        #expect(throws: GraphError.self) { try graph.checkTieYears() }
    }

    @Test func lenientReadingClipsAndDrops() throws {
        var graph = try NativeJSON.read(Array(text.utf8), file: "t.json")
        let change = graph.clipTiesToNodeYears()
        #expect(change.clipped == 2 && change.dropped == 1)
        // 1949–1990 → 1955–1990; 1900–2000 across Germany's gap → 1900–1945 and 1990–2000;
        // since 1991 with GFR gone: dropped; since 1960, open: kept as it is.
        #expect(graph.edges.map { "\($0.target) \($0.since.map(String.init) ?? "")-\($0.until.map(String.init) ?? "")" }
                == ["GFR 1955-1990", "GMY 1900-1945", "GMY 1990-2000", "GFR 1960-"])
        try graph.checkTieYears()
        // In a year of Germany's gap, Germany and its tie are out of the view.
        let view = try Analysis(graph, filter: RelationFilter(polarities: [.cooperative], year: 1960))
        #expect(view.nodes.map(\.id) == ["GFR", "USA"])
    }
}

@Suite struct AtYearTests {
    @Test func aYearKeepsItsStatesAndTheirTies() throws {
        let graph = try states()
        let expected = try reference()
        let all = try graph.analysis(includeAdversarial: true, at: 1962)
        #expect(all.nodes.map(\.id) == expected["nodes"] as? [String])
        #expect(GraphSummary(graph, filter: RelationFilter(polarities: [.cooperative, .adversarial], year: 1962)).edgeCount
                == expected["ties"] as? Int)
        let perYear = try #require(expected["nodes_per_year"] as? [String: Int])
        for (year, count) in perYear {
            let filter = RelationFilter(polarities: [.cooperative, .adversarial], year: Int(year))
            #expect(GraphSummary(graph, filter: filter).nodeCount == count, "\(year)")
        }
    }

    @Test func measuresCountTheStatesOfTheYear() throws {
        let graph = try states()
        let expected = try reference()
        let betweenness = try graph.analysis(at: 1962, metric: .hops).centrality(.betweenness)
        let reference = try #require(expected["betweenness_hops"] as? [String: Double])
        #expect(betweenness.count == reference.count)
        for (id, value) in reference { #expect(abs((betweenness[id] ?? -1) - value) < 1e-12, "\(id)") }
        #expect(betweenness.rank(of: "USA") == 1)
    }

    @Test func eigenvectorNeedsTheLargestComponent() throws {
        let graph = try states()
        #expect(failure { _ = try graph.analysis(at: 1962).centrality(.eigenvector) }?.contains("the largest-component filter") == true)
        var filter = RelationFilter(year: 1962)
        filter.largestComponent = true
        let analysis = try Analysis(graph, filter: filter)
        let expected = try #require(try reference()["eigenvector_largest_component"] as? [String: Double])
        #expect(analysis.nodes.map(\.id).sorted() == expected.keys.sorted())
        let values = try analysis.centrality(.eigenvector)
        for (id, value) in expected { #expect(abs((values[id] ?? -1) - value) < 1e-9, "\(id)") }
    }

    @Test func theLargestComponentOfEqualSizesIsTheFirst() throws {
        var graph = RelationGraph()
        for id in ["A", "B", "C", "D", "E"] { try graph.addNode(Node(id: id)) }
        try graph.addEdge(from: "D", to: "E")
        try graph.addEdge(from: "B", to: "C")
        var filter = RelationFilter()
        filter.largestComponent = true
        #expect(try Analysis(graph, filter: filter).nodes.map(\.id) == ["B", "C"])
    }

    @Test func isolatedStatesFormNoCommunity() throws {
        let graph = try states()
        let expected = try reference()
        let blocs = try graph.analysis(at: 1962).communities(method: .louvain)
        #expect(blocs.communities == expected["communities"] as? [[String]])
        #expect(blocs.isolated == expected["isolated"] as? [String])
        #expect(blocs.community(of: "IND") == nil)
    }

    @Test func subgraphOfAYearIsTheView() throws {
        let year = try states().subgraph(RelationFilter(polarities: [.cooperative, .adversarial], year: 1962))
        #expect(year.nodes.map(\.id) == (try reference()["nodes"] as? [String]))
        #expect(year.edges.count == 13 && year.edges.allSatisfy { $0.holds(in: 1962) })
    }

    @Test func tiesSortByYear() throws {
        let ties = try states().ties(of: "USA", order: .year).groups[0].ties.map { "\($0.other.id) \($0.edge.since ?? 0)" }
        #expect(ties == ["RUS 1946", "FRN 1949", "UKG 1949", "PAK 1954", "GFR 1955", "GMY 1990"])
        let byWeight = try states().ties(of: "USA").groups[0].ties.map(\.other.id)
        #expect(byWeight == ["FRN", "GFR", "GMY", "RUS", "UKG", "PAK"])
    }
}

@Suite struct NodeTableTests {
    @Test func anEdgeListReadsWithItsNodeTable() throws {
        let graph = try RelationGraph(contentsOf: yearsPath("states-edges.csv"), nodeTable: yearsPath("states-nodes.csv"))
        let original = try states()
        #expect(graph.nodes.map(\.id) == original.nodes.map(\.id))
        #expect(graph.nodes.map(\.label) == original.nodes.map(\.label))
        #expect(graph.nodes.map(\.spells) == original.nodes.map(\.spells))
        #expect(graph.nodes.map(\.since) == original.nodes.map(\.since))
        #expect(graph[id: "FRN"]?.attributes == ["region": "Europe"])
        #expect(graph.edges.count == original.edges.count)
        // Isolated states are kept: South Sudan has no tie.
        #expect(graph[id: "SSD"] != nil)
    }

    @Test func badNodeTablesNameTheirLine() throws {
        func table(_ nodes: String, _ edges: String = "source,target\nA,B\n") -> String? {
            failure {
                let graph = try CSVNodeTable.read(Array(nodes.utf8), file: "n.csv")
                _ = try CSVEdgeList.read(Array(edges.utf8), file: "e.csv", nodes: graph)
            }
        }
        #expect(table("id,label\nA,a\nB,b\nA,c\n") == "n.csv:4:1: duplicate node id 'A'")
        #expect(table("ID,since,until\nA,1900,1950\nB,1800,1700\n") == "n.csv:3:1: node 'B': until 1700 is before since 1800")
        #expect(table("id\nA\nB\n", "source,target\nA,B\nA,C\n") == "e.csv:3:3: edge names node 'C', which the node table n.csv does not list")
        #expect(table("label\nA\n") == "n.csv:1:1: CSV node table header must name the column 'id' (found label)")
        #expect(table("id,since\nA,1900.5\n") == "n.csv:2:3: since '1900.5' is not a whole year")
        #expect(table("id,spells\nA,1900-1910|x\n") == "n.csv:2:3: spells '1900-1910|x' is not spells such as 1816-1945|1990-2016")
    }

    @Test func writingCSVWritesTheNodeTableBeside() throws {
        #expect(CSVNodeTable.path(besideEdgeList: "out/edges.csv") == "out/edges.nodes.csv")
        #expect(CSVNodeTable.path(besideEdgeList: "edges") == "edges.nodes.csv")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("table-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = try states()
        let table = try original.writeCSV(to: directory.appendingPathComponent("w.csv").path)
        #expect(table == directory.appendingPathComponent("w.nodes.csv").path)
        let back = try RelationGraph(contentsOf: directory.appendingPathComponent("w.csv").path, nodeTable: table)
        #expect(back.nodes == original.nodes)
        #expect(back.edges.map(\.since) == original.edges.map(\.since))
    }
}

@Suite struct PanelTests {
    @Test func aPanelCollapsesIntoSpellsAsPythonComputesThem() throws {
        let graph = try RelationGraph(contentsOf: yearsPath("panel.csv"))
        let expected = try #require(try fixtureJSON("years/panel-spells.json") as? [String: Any])
        let ties = try #require(expected["ties"] as? [[String: Any]])
        let read = graph.edges.map { edge in
            "\([edge.source, edge.target].sorted()) \(edge.type.name) \(edge.polarity.rawValue) \(TextFormat.number(edge.weight)) \(edge.since ?? 0)-\(edge.until ?? 0)"
        }.sorted()
        let computed = ties.map { tie in
            "\(tie["pair"] as? [String] ?? []) \(tie["type"] ?? "") \(tie["polarity"] ?? "") \(tie["weight"] ?? "") \(tie["since"] ?? "")-\(tie["until"] ?? "")"
        }.sorted()
        #expect(read == computed)
        #expect(graph.mergedPanelRows == expected["merged_rows"] as? Int)
        // Ties come in the order of their pair's first row, then by year.
        #expect(graph.edges.first.map { "\($0.source)-\($0.target) \($0.since ?? 0)" } == "IND-PAK 1947")
    }

    @Test func directionsThatDisagreeNeedARule() throws {
        let path = yearsPath("panel-disagree.csv")
        #expect(failure { _ = try RelationGraph(contentsOf: path) } == "\(path):5: panel row UKG–USA economic in 1950 has weight 3, "
                + "but line 4 gives the pair weight 5 that year; a combine rule (ReadOptions.combine: max, sum or mean) says how to combine them")
        // 1949: 5 and 5; 1950: 5 and 3. max: one tie of weight 5 over both years; sum: 10, then 8;
        // mean: 5, then 4.
        for (rule, weights) in [(PanelCombine.max, [5.0]), (.sum, [10, 8]), (.mean, [5, 4])] {
            let graph = try RelationGraph(contentsOf: path, options: ReadOptions(combine: rule))
            #expect(graph.edges.map(\.weight) == weights, "\(rule)")
        }
        // Directed, each direction is its own tie.
        let directed = try RelationGraph(contentsOf: path, options: ReadOptions(directed: true))
        #expect(directed.edges.count == 3 && directed.mergedPanelRows == 0)
    }

    @Test func panelYearsMustBeWhole() {
        #expect(failure { _ = try read("source,target,year\nA,B,1900\nA,B,1901.5\n", as: .csv, file: "p.csv") }
                == "p.csv:3:5: year '1901.5' is not a whole year")
    }
}

/// The panel fixture cut from real ATOP 5.1 dyad-years (Fixtures/panel, make_panel_fixture.py): the
/// spells were computed with pandas, independently of Entente's reader.
@Suite struct ATOPPanelTests {
    @Test func atopDyadYearsCollapseIntoThePandasSpells() throws {
        let panel = fixturesDirectory.appendingPathComponent("panel")
        let graph = try RelationGraph(contentsOf: panel.appendingPathComponent("atop_panel.csv").path)
        let expected = try #require(try fixtureJSON("panel/atop_panel_spells.json") as? [String: Any])
        var computed: [String] = []
        for entry in try #require(expected["spells"] as? [[String: Any]]) {
            for spell in try #require(entry["spells"] as? [[Int]]) {
                computed.append("\(entry["source"] ?? "")-\(entry["target"] ?? "") \(entry["type"] ?? "") "
                                + "\(entry["polarity"] ?? "") \(entry["weight"] ?? "") \(spell[0])-\(spell[1])")
            }
        }
        let read = graph.edges.map { edge in
            let pair = [edge.source, edge.target].sorted()
            return "\(pair[0])-\(pair[1]) \(edge.type.name) \(edge.polarity.rawValue) \(TextFormat.number(edge.weight)) "
                + "\(edge.since ?? 0)-\(edge.until ?? 0)"
        }
        #expect(read.count == expected["spell_count"] as? Int)
        #expect(read.sorted() == computed.sorted())
        #expect(graph.mergedPanelRows == (expected["rows"] as? Int).map { $0 / 2 })
    }

    @Test func anAsymmetricObligationIsRefusedAtItsLine() throws {
        let expected = try #require(try fixtureJSON("panel/atop_panel_spells.json") as? [String: Any])
        let disagreement = try #require(expected["disagreement"] as? [String: Any])
        let path = fixturesDirectory.appendingPathComponent("panel/disagree_panel.csv").path
        #expect(failure { _ = try RelationGraph(contentsOf: path) }?.hasPrefix("\(path):\(disagreement["line"] ?? 0): panel row RUS–FRN security in 1859 has weight 3, but line \(disagreement["reverse_line"] ?? 0) gives the pair weight 1") == true)
        let combined = try RelationGraph(contentsOf: path, options: ReadOptions(combine: .max))
        #expect(combined.edges.contains { $0.since == 1859 && $0.until == 1859 && $0.weight == 3 })
    }
}
