import Entente
@testable import EntenteGraphviz
import Foundation
import Testing

/// The explorer page as bytes: its parts, its data block and its safety. What it does in a browser is
/// tested by Tests/Browser/test_explorer.py.
@Suite struct ExplorerPageTests {
    /// The text between `open` and the next `close` after it, or nil.
    private func between(_ text: String, _ open: String, _ close: String) -> String? {
        guard let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) else {
            return nil
        }
        return String(text[start.upperBound..<end.lowerBound])
    }

    private func page(_ graph: RelationGraph, title: String? = nil) throws -> String {
        String(decoding: try ExplorerPage.render(Diagram(GraphView(graph), title: title)), as: UTF8.self)
    }

    /// The page's JSON data block, parsed.
    private func data(of page: String) throws -> [String: Any] {
        let text = try #require(between(page, "<script type=\"application/json\" id=\"entente-data\">", "</script>"))
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func sha256AndBase64MatchTheStandardVectors() {
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
        #expect(hex(SHA256.digest([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex(SHA256.digest(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex(SHA256.digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(hex(SHA256.digest([UInt8](repeating: 0x61, count: 1000)))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        #expect(SHA256.base64([]) == "")
        #expect(SHA256.base64(Array("f".utf8)) == "Zg==")
        #expect(SHA256.base64(Array("fo".utf8)) == "Zm8=")
        #expect(SHA256.base64(Array("foobar".utf8)) == "Zm9vYmFy")
    }

    @Test func pakistanPageIsSmallCompleteAndDeterministic() throws {
        let graph = try realGraph("pakistan")
        let bytes = try ExplorerPage.render(Diagram(GraphView(graph)))
        #expect(bytes.count < 300_000)
        #expect(try ExplorerPage.render(Diagram(GraphView(graph))) == bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("<!DOCTYPE html>"))
        #expect(!text.contains("{{"), "a placeholder was left unfilled")
        #expect(!text.contains("<?xml"))
        #expect(text.contains("<title>Pakistan&#39;s foreign relations</title>"))
        #expect(text.contains(" id=\"drawing\" role=\"group\" aria-labelledby=\"drawing-title\""))
        #expect(text.contains("<title id=\"drawing-title\">Pakistan&#39;s foreign relations</title>"))
        #expect(text.contains("<desc id=\"drawing-desc\">Relations diagram of 14 nodes and 45 ties (economic, security, cultural, membership), 2 of them adversarial."))
        // Every node and edge of the drawing, by the ids the script looks up.
        for index in 0..<14 { #expect(text.contains("id=\"node&#45;\(index)\"")) }
        for index in 0..<45 { #expect(text.contains("id=\"edge&#45;\(index)\"")) }
        // No network: nothing is loaded from anywhere.
        #expect(!text.contains("src="))
    }

    @Test func theContentSecurityPolicyAllowsExactlyThePageScript() throws {
        let text = try page(try realGraph("pakistan"))
        let script = try #require(between(text, "<script>", "</script>"))
        let hash = "sha256-" + SHA256.base64(SHA256.digest(Array(script.utf8)))
        #expect(text.contains("script-src '\(hash)'"))
        #expect(text.contains("default-src 'none'"))
        #expect(text.components(separatedBy: "<script").count - 1 == 2, "one data block and one script")
    }

    @Test func dataBlockCarriesNodesEdgesEvidenceAndCentralities() throws {
        let graph = try realGraph("pakistan")
        let data = try data(of: try page(graph))
        let nodes = try #require(data["nodes"] as? [[String: Any]])
        let edges = try #require(data["edges"] as? [[String: Any]])
        #expect(nodes.count == graph.nodes.count)
        #expect(edges.count == graph.edges.count)
        #expect(nodes.map { $0["id"] as? String } == graph.nodes.map(\.id))
        #expect(nodes.map { $0["index"] as? Int } == Array(graph.nodes.indices))

        // Evidence, verbatim, with its edge's ends and type.
        for (index, edge) in graph.edges.enumerated() {
            let record = edges[index]
            #expect(record["index"] as? Int == index)
            #expect(record["source"] as? String == edge.source)
            #expect(record["target"] as? String == edge.target)
            #expect(record["type"] as? String == edge.type.name)
            #expect(record["weight"] as? Double == edge.weight)
            #expect(record["polarity"] as? String == edge.polarity.rawValue)
            let evidence = try #require(record["evidence"] as? [[String: String]])
            #expect(evidence.map { $0["quote"] } == edge.evidence.map(\.quote))
            #expect(evidence.map { $0["source"] } == edge.evidence.map(\.source))
        }

        // Centralities as Entente computes them on cooperative ties, with ranks.
        let cooperative = WeightedAdjacency(GraphView(graph, filter: .cooperative), metric: .strength)
        for (key, measure) in [("degree", CentralityMeasure.degree), ("strength", .strength),
                               ("betweenness", .betweenness), ("pagerank", .pagerank)] {
            guard case .nodes(let expected) = try cooperative.centrality(measure) else {
                Issue.record("\(key) gave no node values")
                continue
            }
            // Foundation's JSON parser may miss the last bit of a shortest-digits number.
            let values = nodes.map { $0[key] as? Double ?? .nan }
            #expect(values.count == expected.count)
            for (value, reference) in zip(values, expected) {
                #expect(abs(value - reference) <= 1e-14 * max(1, abs(reference)), "\(key)")
            }
        }
        let pakistan = try #require(nodes.first { $0["id"] as? String == "PAK" })
        #expect(abs((pakistan["betweenness"] as? Double ?? 0) - 0.6217948717948718) < 1e-12)
        for key in ["degreeRank", "strengthRank", "betweennessRank", "pagerankRank"] {
            #expect(pakistan[key] as? Int == 1, "\(key)")
        }

        // Types with their diagram colours, sources with titles and citations.
        let types = try #require(data["types"] as? [[String: Any]])
        #expect(types.map { $0["name"] as? String } == ["economic", "security", "cultural", "membership"])
        #expect(types.map { $0["color"] as? String } == ["#0072B2", "#D55E00", "#009E73", "#CC79A7"])
        #expect(types.compactMap { $0["count"] as? Int }.reduce(0, +) == 45)
        let sources = try #require(data["sources"] as? [[String: String]])
        #expect(sources.map { $0["id"] } == graph.sources.map(\.id))
        #expect(sources.map { $0["citation"] } == graph.sources.map(\.citation))
        let polarities = try #require(data["polarities"] as? [String: Int])
        #expect(polarities == ["cooperative": 43, "adversarial": 2])
    }

    @Test func aViewLimitsTheData() throws {
        let graph = try realGraph("pakistan")
        let india = try #require(graph.index(of: "IND"))
        let view = GraphView(graph, filter: .analysis(types: [.security], includeAdversarial: true)).ego(around: india, depth: 1)
        let text = String(decoding: try ExplorerPage.render(Diagram(view), metric: .hops), as: UTF8.self)
        let data = try data(of: text)
        let nodes = try #require(data["nodes"] as? [[String: Any]])
        let edges = try #require(data["edges"] as? [[String: Any]])
        #expect(nodes.map { $0["index"] as? Int } == view.nodeIndices.map { Optional($0) })
        #expect(edges.map { $0["index"] as? Int } == view.edgeIndices.map { Optional($0) })
        #expect(Set(edges.compactMap { $0["type"] as? String }) == ["security"])
        #expect(data["metric"] as? String == "hops")
        let types = try #require(data["types"] as? [[String: Any]])
        #expect(types.map { $0["name"] as? String } == ["security"])
    }

    @Test func hostileTextStaysTextInMarkupAndData() throws {
        var graph = try hostileGraph()
        try graph.addNode(Node(id: "\" onmouseover=\"alert(1)", label: "\" onmouseover=\"alert(1)"))
        try graph.addNode(Node(id: "{{script}}", label: "</script><script>alert(2)</script>\u{2028}<!--"))
        _ = try graph.addEdge(from: "{{script}}", to: "\" onmouseover=\"alert(1)", type: .economic, weight: 1)
        let text = try page(graph, title: "</title><script>alert(3)</script>")
        // The executable script is the page's own, once; the data block is one JSON text.
        #expect(text.components(separatedBy: "<script").count - 1 == 2)
        let block = try #require(between(text, "<script type=\"application/json\" id=\"entente-data\">", "</script>"))
        for forbidden in ["<", ">", "&", "\u{2028}"] { #expect(!block.contains(forbidden), "raw \(forbidden) in the data block") }
        // Outside the data block and the script, no markup came from the names.
        #expect(!text.contains("onmouseover=\"alert"))
        #expect(!text.contains("<script>alert"))
        #expect(text.contains("<title>&lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt;</title>"))
        // The data reads back exactly.
        let nodes = try #require(try data(of: text)["nodes"] as? [[String: Any]])
        #expect(nodes.map { $0["id"] as? String } == graph.nodes.map(\.id))
        #expect(nodes.map { $0["label"] as? String } == graph.nodes.map(\.label))
    }

    @Test func placeholdersAreFilledInOnePass() {
        let filled = ExplorerPage.fill(template: "a {{x}} b {{y}} c {{unknown}} d {{", with: ["x": "{{y}}", "y": "Y"])
        #expect(filled == "a {{y}} b Y c {{unknown}} d {{")
    }

    @Test func theResourcesCannotBreakOutOfTheirElements() {
        let script = String(decoding: PackageResources.paths_js + PackageResources.explorer_js, as: UTF8.self).lowercased()
        #expect(!script.contains("</script"))
        #expect(!script.contains("<!--"))
        #expect(!script.contains("innerhtml"), "user text goes into the page through textContent only")
        #expect(!script.contains("eval("))
        #expect(!String(decoding: PackageResources.explorer_css, as: UTF8.self).lowercased().contains("</style"))
        let template = String(decoding: PackageResources.explorer_html, as: UTF8.self)
        for marker in ["title", "style", "svg", "data", "script", "script-hash"] {
            #expect(template.contains("{{\(marker)}}"), "\(marker)")
        }
    }

    /// States with years and spells, ties with years: every year of the page's year control has the
    /// centralities of `--at YEAR`, one frame per year in which the view changes.
    @Test func theYearControlHoldsEachYearsCentralities() throws {
        var graph = RelationGraph(name: "years")
        try graph.addNode(Node(id: "A", since: 1900))
        try graph.addNode(Node(id: "B", since: 1900, until: nil, spells: [Spell(since: 1900, until: 1950), Spell(since: 1960)]))
        try graph.addNode(Node(id: "C", since: 1920, until: 1940))
        try graph.addNode(Node(id: "D"))
        try graph.addEdge(Edge(source: "A", target: "B", type: .security, weight: 2, since: 1905))
        try graph.addEdge(Edge(source: "A", target: "C", type: .security, weight: 1))
        try graph.addEdge(Edge(source: "B", target: "C", type: .security, weight: 3, polarity: .adversarial, since: 1930, until: 1935))
        try graph.addEdge(Edge(source: "A", target: "D", type: .security, weight: 1, until: 1945))
        try graph.addEdge(Edge(source: "B", target: "D", type: .security, weight: 4, since: 1960))
        try graph.addEdge(Edge(source: "C", target: "D", type: .security, weight: 5))

        let data = try data(of: try page(graph))
        let years = try #require(data["years"] as? [String: Any])
        #expect(years["first"] as? Int == 1900)
        #expect(years["last"] as? Int == 1960)
        let starts = try #require(years["starts"] as? [Int])
        #expect(starts == [1900, 1905, 1920, 1930, 1936, 1941, 1946, 1951, 1960])
        let frames = try #require(years["frames"] as? [[String: Any]])
        #expect(frames.count == starts.count)
        let nodes = try #require(data["nodes"] as? [[String: Any]])
        let spells = try #require(nodes[1]["spells"] as? [[Any]]).map { $0.map { $0 as? Int } }
        #expect(spells == [[1900, 1950], [1960, nil]])
        #expect(nodes[2]["since"] as? Int == 1920 && nodes[2]["until"] as? Int == 1940)

        for year in 1900...1960 {
            let frame = frames[try #require(starts.lastIndex { $0 <= year })]
            var filter = RelationFilter.cooperative
            filter.year = year
            let view = GraphView(graph, filter: filter)
            #expect(frame["nodes"] as? Int == view.nodeCount, "\(year)")
            var all = RelationFilter.everything
            all.year = year
            #expect(frame["ties"] as? Int == GraphView(graph, filter: all).edgeCount, "\(year)")
            let values = try #require(frame["values"] as? [String: [Any]])
            let ranks = try #require(frame["ranks"] as? [String: [Any]])
            let adjacency = WeightedAdjacency(view, metric: .strength)
            for (key, measure) in [("degree", CentralityMeasure.degree), ("strength", .strength), ("betweenness", .betweenness)] {
                guard case .nodes(let expected) = try adjacency.centrality(measure) else {
                    Issue.record("\(key) gave no node values")
                    continue
                }
                let local = graph.nodes.indices.map { view.localIndex(ofNode: $0) }
                let shown = try #require(values[key])
                let expectedRanks = ExplorerMeasures.ranks(of: expected.map { Optional($0) })
                for (position, index) in local.enumerated() {
                    if let index {
                        #expect(abs((shown[position] as? Double ?? .nan) - expected[index]) <= 1e-12, "\(year) \(key) \(position)")
                        #expect(ranks[key]?[position] as? Int == expectedRanks[index], "\(year) \(key) rank")
                    } else {
                        #expect(shown[position] is NSNull, "\(year): node \(position) does not exist, yet has a \(key)")
                    }
                }
            }
        }

        // A diagram of one year has no year control; nor has a graph without years.
        var one = RelationFilter.everything
        one.year = 1930
        let ofOneYear = String(decoding: try ExplorerPage.render(try Diagram(graph, showing: one)), as: UTF8.self)
        #expect(try self.data(of: ofOneYear)["years"] == nil)
        #expect(try self.data(of: try page(try hostileGraph()))["years"] == nil)
        // --during 1925-1935: the control spans the period.
        var period = RelationFilter.everything
        period.period = 1925...1935
        let during = try self.data(of: String(decoding: try ExplorerPage.render(try Diagram(graph, showing: period)), as: UTF8.self))
        let duringYears = try #require(during["years"] as? [String: Any])
        #expect(duringYears["first"] as? Int == 1925 && duringYears["last"] as? Int == 1935)
        #expect(duringYears["starts"] as? [Int] == [1925, 1930])
    }

    /// The page's drawing carries neither Graphviz's comments nor the edges' tooltips, which repeat
    /// the data block's evidence (the script shows them on hover); nodes keep theirs.
    @Test func theDrawingDoesNotRepeatTheEvidence() throws {
        let graph = try realGraph("pakistan")
        let text = try page(graph)
        let svg = try #require(between(text, "<svg", "</svg>"))
        #expect(!svg.contains("<!--"))
        let quote = try #require(graph.edges.first?.evidence.first?.quote)
        #expect(text.components(separatedBy: quote.prefix(60)).count - 1 == 1, "the quote appears once, in the data block")
        #expect(svg.contains("xlink:title=\"Islamic Republic of Pakistan (PAK)") || svg.contains("xlink:title=\"Pakistan (PAK)"))
        // The SVG of `entente render -o x.svg` keeps every tooltip.
        let drawn = String(decoding: try Renderer.render(Diagram(GraphView(graph)), as: .svg), as: UTF8.self)
        #expect(drawn.contains(String(quote.prefix(40))))
    }

    @Test func ranksShareTiesAndSkipAfterThem() {
        #expect(ExplorerMeasures.ranks(of: [0.5, 1, 0.5, nil, 0.25, 0.5 + 1e-17]) == [2, 1, 2, nil, 5, 2])
        #expect(ExplorerMeasures.ranks(of: []) == [])
    }

    /// One rule ranks a node on the page and in `NodeValues.rank(of:)` (#22: the page was 1e-9
    /// tolerant, the library exact, so values that differ in their last bits ranked differently).
    @Test func thePageAndTheLibraryRankByOneRule() throws {
        let nearlyHalf = 0.5 - 1e-16
        #expect(NodeValues.sharesRank(0.5, nearlyHalf) && !NodeValues.sharesRank(0.5, 0.4999))
        // A's strength 0.3 + 0.6 = 0.8999999999999999 and C's 0.9 differ in the last bit: one rank.
        var graph = RelationGraph()
        for id in ["A", "B", "C", "D", "E"] { try graph.addNode(Node(id: id)) }
        try graph.addEdge(from: "A", to: "B", weight: 0.3)
        try graph.addEdge(from: "A", to: "D", weight: 0.6)
        try graph.addEdge(from: "C", to: "E", weight: 0.9)
        let strength = try graph.analysis().centrality(.strength)
        #expect(strength["A"] != strength["C"])
        let ids = graph.nodes.map(\.id)
        #expect(ids.map { strength.rank(of: $0) } == ExplorerMeasures.ranks(of: ids.map { strength[$0] }))
        #expect(strength.rank(of: "A") == 1 && strength.rank(of: "C") == 1)
        #expect(Set(strength.top(1, includingTies: true).map(\.id)) == ["A", "C", "E"])  // E: the other end of 0.9
    }
}
