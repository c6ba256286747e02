import Entente
import EntenteGraphviz
import Foundation
import Testing

/// Titles of filtered diagrams, the palette of extra types, isolated nodes, ego edges and missing glyphs.
@Suite struct DiagramReadabilityTests {
    /// Node centres (points, y upwards) of a rendered diagram, from Graphviz's JSON output.
    func positions(_ diagram: Diagram, layout: LayoutEngine? = nil) throws -> [String: (x: Double, y: Double)] {
        let bytes = try Renderer.render(diagram, as: .json, layout: layout)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let objects = try #require(document["objects"] as? [[String: Any]])
        var result: [String: (x: Double, y: Double)] = [:]
        for object in objects {
            guard let name = object["name"] as? String, let pos = object["pos"] as? String else { continue }
            let parts = pos.split(separator: ",").compactMap { Double($0) }
            if parts.count == 2 { result[name] = (parts[0], parts[1]) }
        }
        return result
    }

    @Test func captionsSayWhatAFilterKeeps() throws {
        let graph = try realGraph("pakistan")
        let all = Set(Polarity.allCases)
        #expect(RelationFilter.everything.caption(in: graph) == nil)
        #expect(RelationFilter(types: [.security], polarities: all).caption(in: graph) == "security ties")
        #expect(RelationFilter(types: [.security, .economic], polarities: all).caption(in: graph)
                == "economic and security ties")
        #expect(RelationFilter(types: [.security, .economic, .cultural]).caption(in: graph)
                == "cooperative economic, security and cultural ties")
        #expect(RelationFilter.cooperative.caption(in: graph) == "cooperative ties")
        #expect(RelationFilter(excluding: ["membership"], polarities: all).caption(in: graph)
                == "ties other than membership")
        #expect(RelationFilter(polarities: all, kinds: [.bloc, .state]).caption(in: graph) == "state and bloc nodes")
        #expect(RelationFilter(polarities: all, around: "india").caption(in: graph) == "around India, depth 1")
        #expect(RelationFilter(types: [.security], polarities: all, year: 1990, around: "PAK", depth: 2).caption(in: graph)
                == "security ties, around Pakistan, depth 2, in 1990")
    }

    @Test func filteredDiagramsSayWhatTheyShowInTheirTitle() throws {
        let graph = try realGraph("pakistan")
        let all = Set(Polarity.allCases)
        #expect(try Diagram(graph).displayedTitle == "Pakistan's foreign relations")
        let security = try Diagram(graph, showing: RelationFilter(types: [.security], polarities: all))
        #expect(security.displayedTitle == "Pakistan's foreign relations: security ties")
        #expect(security.source().contains("<B>Pakistan's foreign relations: security ties</B>"))
        let ego = try Diagram(graph, showing: RelationFilter(polarities: all, around: "India"))
        #expect(ego.displayedTitle == "Pakistan's foreign relations: around India, depth 1")
        let titled = try Diagram(graph, showing: RelationFilter(polarities: all, around: "India"), title: "Mine")
        #expect(titled.displayedTitle == "Mine")
        // An empty title draws no title row: the legend's first row is the types.
        let untitled = try Diagram(graph, title: "")
        #expect(!untitled.source().contains("POINT-SIZE=\"18\""))
        #expect(untitled.source().contains("ID=\"legend\"><TR><TD><TABLE"))
        var bare = untitled
        bare.style.showsLegend = false
        #expect(!bare.source().contains("label=<"))
    }

    @Test func extraTypesStayApartFromTheStandardColours() throws {
        let agenda = try realGraph("awaam-agenda")
        let style = DiagramStyle()
        #expect(agenda.relationTypes.map(\.name) == ["economic", "security", "cultural", "membership", "political"])
        #expect(style.color(of: "membership", in: agenda) == "#CC79A7")
        #expect(style.color(of: "political", in: agenda) == "#56B4E9")
        #expect(style.extraTypeColors == ["#CC79A7", "#56B4E9", "#000000", "#E69F00", "#F0E442"])
        let svg = String(decoding: try Renderer.render(try Diagram(agenda), as: .svg), as: UTF8.self)
        #expect(svg.contains("stroke=\"#56b4e9\""))
        #expect(!svg.contains("#e69f00"))
    }

    @Test(arguments: [LayoutEngine.neato, .dot, .fdp, .sfdp, .circo, .twopi])
    func isolatedNodesAreDrawnApartUnderTheRest(_ layout: LayoutEngine) throws {
        let graph = try realGraph("pakistan")
        let diagram = try Diagram(graph, showing: RelationFilter(types: [.security], polarities: Set(Polarity.allCases)))
        let isolated = ["SAU", "ARE", "EU", "SAARC", "OIC", "UN"]
        #expect(diagram.isolatedNodeIndices.map { graph.nodes[$0].id } == isolated)
        let placed = try positions(diagram, layout: layout)
        #expect(placed.count == 14)
        let connected = placed.filter { !isolated.contains($0.key) }
        let lowest = try #require(connected.values.map(\.y).min())
        for id in isolated {
            let position = try #require(placed[id])
            #expect(position.y < lowest - 30, "\(layout): \(id) at \(position.y), connected nodes down to \(lowest)")
        }
        // One row, in the graph's order, while it fits.
        let row = isolated.compactMap { placed[$0] }
        #expect(Set(row.prefix(3).map(\.y)).count == 1)
        #expect(row.prefix(3).map(\.x) == row.prefix(3).map(\.x).sorted())
    }

    @Test func isolatedNodesCanBeLeftOut() throws {
        var diagram = try Diagram(try realGraph("pakistan"),
                                  showing: RelationFilter(types: [.security], polarities: Set(Polarity.allCases)))
        diagram.isolatedNodes = .omitted
        let placed = try positions(diagram)
        #expect(placed.keys.sorted() == ["AFG", "CHN", "IND", "IRN", "PAK", "RUS", "TUR", "USA"])
        #expect(!diagram.source().contains("\"SAU\""))
    }

    @Test func theCentreOfAnEgoViewKeepsItsEdgesLong() throws {
        let diagram = try Diagram(try realGraph("pakistan"), showing: RelationFilter(polarities: Set(Polarity.allCases),
                                                                                    around: "India"))
        let lines = diagram.source().split(separator: "\n")
        let centreEdges = lines.filter { $0.contains(" -- ") && $0.contains("\"IND\"") }
        let otherEdges = lines.filter { $0.contains(" -- ") && !$0.contains("\"IND\"") }
        #expect(centreEdges.count == 5 && centreEdges.allSatisfy { $0.contains("len=\"2\"") })
        #expect(!otherEdges.isEmpty && otherEdges.allSatisfy { !$0.contains("len=") })
        // Pakistan and India, 10 points apart before (a dashed stub), now more than an inch.
        let placed = try positions(diagram)
        let pakistan = try #require(placed["PAK"]), india = try #require(placed["IND"])
        #expect(hypot(pakistan.x - india.x, pakistan.y - india.y) > 150)
        #expect(diagram.source(layout: .twopi).contains("root=\"IND\""))
    }

    @Test func missingGlyphsAreNamedForBitmapAndDocumentFormats() throws {
        // Linear B: no font Debian installs by default covers it (checked, so the test means something).
        var graph = RelationGraph(name: "glyphs")
        try graph.addNode(Node(id: "a", label: "𐀀𐀁"))
        try graph.addNode(Node(id: "b", label: "Plain"))
        try graph.addEdge(from: "a", to: "b")
        let diagram = try Diagram(graph)
        #expect(Renderer.missingGlyphs(in: diagram, as: .svg) == nil)
        #expect(Renderer.missingGlyphs(in: try Diagram(try realGraph("pakistan")), as: .png) == nil)
        guard let missing = Renderer.missingGlyphs(in: diagram, as: .png) else {
            Issue.record("a font on this machine covers Linear B; the check cannot be exercised")
            return
        }
        #expect(missing.characters == ["𐀀", "𐀁"])
        #expect(missing.scripts == ["Linear B"])
        #expect(missing.fontFamilies == ["Noto"])
        // No distribution's package names in the library: the CLI adds Debian's.
        #expect(missing.description == "no installed font has glyphs for '𐀀𐀁' (Linear B); a font such as Noto covers them")
        #expect(Renderer.missingGlyphs(in: diagram, as: .pdf) == missing)
    }
}
