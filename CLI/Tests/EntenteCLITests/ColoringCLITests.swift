import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `entente render --balance` and `entente render --color-by community`.
@Suite struct ColoringCLITests {
    private let campFills = ["#77AADD", "#EEDD88"]
    private let communityFills = ["#77AADD", "#EEDD88", "#EE8866"]

    /// A drawn diagram: the fill of each node by id, the texts of each edge by its title
    /// (`PAK--IND`), the number of line paths of each edge, and every text of the drawing.
    private struct Drawing {
        var fills: [String: String] = [:]
        var edgeTexts: [String: [String]] = [:]
        var edgePaths: [String: Int] = [:]
        var texts: [String] = []
    }

    private func drawing(_ svg: Data) throws -> Drawing {
        let document = try XMLDocument(data: svg, options: [])
        let root = try #require(document.rootElement())
        func all(_ element: XMLElement) -> [XMLElement] {
            [element] + (element.children ?? []).compactMap { $0 as? XMLElement }.flatMap(all)
        }
        func value(_ element: XMLElement, _ name: String) -> String? {
            element.attributes?.first { $0.name == name || $0.localName == name }?.stringValue
        }
        var result = Drawing()
        for element in all(root) where element.localName == "g" {
            let inside = all(element).dropFirst()
            let title = inside.first { $0.localName == "title" }?.stringValue ?? ""
            switch value(element, "class") {
            case "node":
                let shape = inside.first { ["ellipse", "polygon", "path"].contains($0.localName ?? "") }
                result.fills[title] = shape.flatMap { value($0, "fill") }?.uppercased()
            case "edge":
                let name = title.replacingOccurrences(of: "&#45;", with: "-")
                result.edgeTexts[name, default: []] += inside.filter { $0.localName == "text" }.compactMap(\.stringValue)
                result.edgePaths[name, default: 0] += inside.filter { $0.localName == "path" }.count
            default: break
            }
        }
        result.texts = all(root).filter { $0.localName == "text" }.compactMap(\.stringValue)
        return result
    }

    @Test func balanceFillsTheCampsAndMarksTheRivalry() throws {
        let result = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--balance"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let drawn = try drawing(result.stdoutData)
        // `entente balance` (sign rule negative-wins): one camp of 14, India–Pakistan and Iran–Pakistan
        // (whose border difficulties make the pair negative) the frustrated ties.
        #expect(drawn.fills.count == 14 && Set(drawn.fills.values) == [campFills[0]])
        #expect(drawn.edgeTexts["PAK--IND"] == ["✗"] && drawn.edgePaths["PAK--IND"] == 3)
        #expect(drawn.edgeTexts.filter { !$0.value.isEmpty }.count == 2)
        for legend in ["camp 0: 14 nodes", " frustrated ties (2)", "frustration 2 (optimal split)"] {
            #expect(drawn.texts.contains(legend), "legend lacks \(legend)")
        }
    }

    @Test func balanceHonoursTheFiltersOfTheBalanceCommand() throws {
        // Security ties only: the camps `entente balance --types security --json` finds.
        let report = try runEntente(["balance", "Graphs/pakistan.json", "--types", "security", "--weighted", "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: report.stdoutData) as? [String: Any])
        let frustration = try #require(json["frustration"] as? [String: Any])
        let camps = try #require(frustration["camps"] as? [[String]])
        let frustrated = try #require(frustration["frustrated"] as? [[String]])
        let result = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--balance", "--weighted",
                                     "--types", "security"])
        #expect(result.status == 0, "\(result.stderr)")
        let drawn = try drawing(result.stdoutData)
        for (camp, ids) in camps.enumerated() {
            for id in ids { #expect(drawn.fills[id] == campFills[camp], "\(id)") }
        }
        let marked = drawn.edgeTexts.filter { $0.value == ["✗"] }.keys.map { $0.split(separator: "-").map(String.init).sorted() }
        #expect(Set(marked) == Set(frustrated))
        #expect(drawn.texts.contains { $0.hasPrefix("weighted frustration ") })

        // No rivalry among economic ties: one camp, nothing frustrated, still drawn.
        let economic = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--balance", "--types", "economic", "--at", "2000"])
        #expect(economic.status == 0, "\(economic.stderr)")
        let plain = try drawing(economic.stdoutData)
        #expect(Set(plain.fills.values) == [campFills[0]] && !plain.texts.contains("✗"))
        #expect(plain.texts.contains("frustration 0 (optimal split)"))
    }

    @Test func theAgendaMovesIranIntoPakistansSecurityCamp() throws {
        // The README's "What the agenda would change": security camps of states, today and in the scenario.
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = directory.appendingPathComponent("scenario.json").path
        #expect(try runEntente(["merge", "Graphs/pakistan.json", "Graphs/awaam-agenda.json", "-o", scenario]).status == 0)
        for (graph, campOne) in [("Graphs/pakistan.json", ["IND", "IRN"]), (scenario, ["IND"])] {
            let result = try runEntente(["render", graph, "-o", "-", "--balance", "--weighted", "--types", "security",
                                         "--kinds", "state"])
            #expect(result.status == 0, "\(result.stderr)")
            let drawn = try drawing(result.stdoutData)
            #expect(drawn.fills.filter { $0.value == campFills[1] }.keys.sorted() == campOne, "\(graph)")
            #expect(drawn.edgeTexts.filter { $0.value == ["✗"] }.keys.sorted() == ["IND--USA"], "\(graph)")
            #expect(drawn.texts.contains("weighted frustration 3 (optimal split)"), "\(graph)")
        }
    }

    @Test func communitiesFillTheBlocsOfTheCommunitiesCommand() throws {
        for options in [[], ["--method", "louvain", "--seed", "3"], ["--signed"], ["--resolution", "1.5"]] {
            let command = try runEntente(["communities", "Graphs/pakistan.json", "--json"] + options)
            let json = try #require(try JSONSerialization.jsonObject(with: command.stdoutData) as? [String: Any])
            let blocs = try #require(json["communities"] as? [[String]])
            let result = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--color-by", "community"] + options)
            #expect(result.status == 0, "\(options): \(result.stderr)")
            let drawn = try drawing(result.stdoutData)
            #expect(drawn.fills.count == 14)
            for (position, ids) in blocs.enumerated() {
                let fill = position < 8 ? ["#77AADD", "#EEDD88", "#EE8866", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33",
                                           "#AAAA00"][position] : "#DDDDDD"
                for id in ids { #expect(drawn.fills[id] == fill, "\(options) \(id)") }
                let noun = ids.count == 1 ? "node" : "nodes"
                #expect(drawn.texts.contains("community \(position + 1): \(ids.count) \(noun)"), "\(options)")
            }
        }
        let plain = try drawing(try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--color-by", "community"]).stdoutData)
        #expect(plain.fills["PAK"] == communityFills[0] && plain.fills["USA"] == communityFills[1]
                && plain.fills["SAU"] == communityFills[2])
        #expect(plain.texts.contains("leiden, modularity 0.1125"))
    }

    @Test func communitiesPastThePaletteAreGreyWithANote() throws {
        // Ten separate pairs: ten communities of two, ordered by their first id.
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("pairs.csv")
        let rows = (0..<10).map { String(format: "N%02d,N%02d", 2 * $0, 2 * $0 + 1) }
        try (["source,target"] + rows).joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let result = try runEntente(["render", file.path, "-o", "-", "--color-by", "community"])
        #expect(result.status == 0)
        #expect(result.stderr == "entente: 10 communities, 8 fills: communities 9 to 10 share the grey fill 'other'\n")
        let drawn = try drawing(result.stdoutData)
        #expect(drawn.fills["N00"] == communityFills[0] && drawn.fills["N03"] == communityFills[1])
        #expect(["N16", "N17", "N18", "N19"].allSatisfy { drawn.fills[$0] == "#DDDDDD" })
        #expect(drawn.texts.contains("other: 2 communities, 4 nodes"))
        #expect(!drawn.texts.contains("community 9: 2 nodes"))
    }

    @Test func theExplorerPageCarriesTheFills() throws {
        let result = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--to", "html", "--balance"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("camp 0: 14 nodes") && result.stdout.contains("fill=\"#77aadd\""))
    }

    @Test(arguments: [
        (["--color-by", "comunity"], "--color-by 'comunity' is not known (values: community); did you mean 'community'?"),
        (["--color-by", "camp"], "the two camps of structural balance are drawn by --balance"),
        (["--balance", "--color-by", "community"], "--balance and --color-by both fill the nodes"),
        (["--weighted"], "--weighted needs --balance"),
        (["--method", "louvain"], "--method needs --color-by community"),
        (["--signed"], "--signed needs --color-by community"),
        (["--color-by", "community", "--resolution", "0"], "--resolution must be a finite number greater than 0, not 0"),
        (["--color-by", "community", "--method", "girvan"], "--method"),
        (["--balance", "--cooperative-only"], "--balance needs the adversarial ties"),
        (["--color-by", "community", "--signed", "--no-include-adversarial"], "--signed needs adversarial ties"),
        (["--balance", "--highlight", "PAK", "EU"], "--highlight and --balance cannot be used together"),
        (["--color-by", "community", "--diff", "Graphs/awaam-agenda.json"], "--diff and --color-by cannot be used together"),
    ])
    func usageErrorsExit64(_ arguments: [String], _ message: String) throws {
        let result = try runEntente(["render", "Graphs/pakistan.json", "-o", "-"] + arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func viewsWithoutTiesExit1() throws {
        // No tie joins two organisations: nothing to split or to group (the plain diagram draws them).
        let balance = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--balance", "--kinds", "organization"])
        #expect(balance.status == 1 && balance.stdout.isEmpty)
        #expect(balance.stderr == "entente: Graphs/pakistan.json: no edges between organization nodes in the graph\n")
        let communities = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--color-by", "community",
                                          "--kinds", "organization"])
        #expect(communities.status == 1 && communities.stdout.isEmpty)
        #expect(communities.stderr == "entente: Graphs/pakistan.json: no cooperative edges between organization nodes in the graph\n")
        #expect(try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--kinds", "organization"]).status == 0)
    }

    @Test func communitiesCommandOutputIsUnchanged() throws {
        let result = try runEntente(["communities", "Graphs/pakistan.json"])
        #expect(result.stdout == """
            leiden: modularity 0.112533, 3 communities
            1  CHN EU IRN PAK RUS TUR
            2  AFG IND SAARC UN USA
            3  ARE OIC SAU

            """)
        let bad = try runEntente(["communities", "Graphs/pakistan.json", "--resolution", "-1"])
        #expect(bad.status == 64 && bad.stderr.contains("--resolution must be a finite number greater than 0, not -1"))
    }
}
