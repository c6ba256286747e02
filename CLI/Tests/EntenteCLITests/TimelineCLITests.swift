import Entente
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `entente timeline` through the binary: table, CSV, JSON, the chart, and bad input.
@Suite struct TimelineCLITests {
    private let dated = "Tests/EntenteTests/Fixtures/timeline/dated.json"

    private struct Timeline: Decodable {
        struct Node: Decodable { let id: String; let label: String; let values: [Double?] }
        let measure: String
        let years: [Int]
        let nodes: [Node]
    }

    @Test func tableCSVAndJSONAgree() throws {
        let arguments = ["timeline", dated, "--measure", "betweenness", "--from", "2000", "--to", "2010", "--nodes", "S00,S03"]
        let table = try runEntente(arguments)
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "year       S00       S03")
        #expect(lines[5] == "2004  0.034188")  // S03 does not exist in 2004 (between its spells): blank, not 0
        let json = try runEntente(arguments + ["--json"])
        let decoded = try JSONDecoder().decode(Timeline.self, from: json.stdoutData)
        #expect(decoded.years == Array(2000...2010))
        #expect(decoded.nodes.map(\.id) == ["S00", "S03"])
        #expect(decoded.nodes[1].values[4] == nil)
        let csv = try runEntente(arguments + ["--csv"])
        let rows = csv.stdout.split(separator: "\n").dropFirst()
        #expect(csv.stdout.hasPrefix("year,id,label,value\n"))
        #expect(rows.count == decoded.nodes.reduce(0) { $0 + $1.values.compactMap { $0 }.count })
        #expect(rows.contains("2004,S00,State 0,0.03418803418803419"))
    }

    @Test func topTakesTheHighestOfAnyYear() throws {
        let result = try runEntente(["timeline", dated, "--measure", "degree", "--from", "2000", "--to", "2010", "--top", "3", "--json"])
        let decoded = try JSONDecoder().decode(Timeline.self, from: result.stdoutData)
        #expect(decoded.nodes.count == 3)
        let best = decoded.nodes.map { $0.values.compactMap { $0 }.max() ?? 0 }
        #expect(best == best.sorted(by: >))
    }

    @Test func theChartHoldsTheValues() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let arguments = ["timeline", "Graphs/world/security.json", "--measure", "betweenness", "--from", "1946", "--to", "2014",
                         "--nodes", "USA,RUS,CHN,UKG,FRN"]
        let json = try runEntente(arguments + ["--json"])
        let decoded = try JSONDecoder().decode(Timeline.self, from: json.stdoutData)
        let svgPath = directory.appendingPathComponent("hubs.svg").path
        #expect(try runEntente(arguments + ["-o", svgPath]).status == 0)
        let chart = LineChart(title: "", yLabel: "", years: decoded.years,
                              series: decoded.nodes.map { .init(id: $0.id, label: $0.label, values: $0.values) })
        let document = try XMLDocument(contentsOf: URL(fileURLWithPath: svgPath))
        let paths = try document.nodes(forXPath: "//*[local-name()='path'][@class='series']").compactMap { $0 as? XMLElement }
        #expect(paths.compactMap { $0.attributes?.first(where: { $0.name == "data-id" })?.stringValue } == ["USA", "RUS", "CHN", "UKG", "FRN"])
        for (path, node) in zip(paths, decoded.nodes) {
            let d = try #require(path.attributes?.first(where: { $0.name == "d" })?.stringValue)
            let drawn = d.split(separator: " ").map { $0.dropFirst().split(separator: ",").compactMap { Double($0) } }
            let expected = zip(decoded.years, node.values).compactMap { year, value in value.map { (year, $0) } }
            #expect(drawn.count == expected.count, "\(node.id)")
            for (point, (year, value)) in zip(drawn, expected) {
                #expect(abs(point[0] - chart.x(ofYear: year)) < 0.006, "\(node.id) \(year)")
                #expect(abs(chart.value(atY: point[1]) - value) < 1e-4, "\(node.id) \(year)")
            }
        }
        // png and pdf: the same bytes each time (over 25 years: four sweeps of the 69 cost CI 12 s).
        let recent = ["timeline", "Graphs/world/security.json", "--measure", "betweenness", "--from", "1990", "--to", "2014",
                      "--nodes", "USA,RUS,CHN,UKG,FRN"]
        for format in ["png", "pdf"] {
            let first = directory.appendingPathComponent("a.\(format)").path, second = directory.appendingPathComponent("b.\(format)").path
            #expect(try runEntente(recent + ["-o", first]).status == 0)
            #expect(try runEntente(recent + ["-o", second]).status == 0)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: first))
            #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: second))))
            #expect(bytes.starts(with: format == "png" ? [0x89, 0x50, 0x4E, 0x47] : Array("%PDF".utf8)))
            #expect(bytes.count > 10_000, "\(format) holds a drawing")
        }
    }

    @Test(arguments: [
        (["--from", "2010", "--to", "2000"], Int32(64), "--from 2010 is after --to 2000"),
        (["--from", "2000", "--to", "2010", "--step", "0"], 64, "--step must be at least 1"),
        (["--from", "1990", "--to", "2010"], 1, "years 1990–1999 (of 1990–2010) are outside the graph's years, 2000–2010"),
        (["--from", "1980", "--to", "1990"], 1, "years 1980–1990 are outside the graph's years, 2000–2010"),
        (["--from", "2005", "--to", "2011"], 1, "year 2011 (of 2005–2011) is outside the graph's years, 2000–2010"),
        (["--from", "2000", "--to", "2010", "--nodes", "S0O"], 1, "no node named 'S0O'; did you mean S00 (State 0)"),
        (["--from", "2000", "--to", "2010", "-o", "chart.gif"], 64, "cannot draw a chart as 'gif' (supported: svg, png, pdf)"),
        (["--from", "2000", "--to", "2010", "--at", "2005"], 64, "--at picks one year"),
        (["--from", "2000", "--to", "2010", "--measure", "edge-betweenness"], 64, "unknown node measure 'edge-betweenness'"),
    ])
    func badInputIsOneLine(_ extra: [String], _ status: Int32, _ message: String) throws {
        let measure = extra.contains("--measure") ? [] : ["--measure", "degree"]
        let result = try runEntente(["timeline", dated] + measure + extra)
        #expect(result.status == status)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        if status == 1 { #expect(result.stderr.split(separator: "\n").count == 1) }
    }

    @Test func aGraphWithoutYearsSaysSo() throws {
        let result = try runEntente(["timeline", "Tests/EntenteTests/Fixtures/graphs/ba1000.csv", "--measure", "degree", "--from", "2000", "--to", "2001"])
        #expect(result.status == 1)
        #expect(result.stderr == "entente: Tests/EntenteTests/Fixtures/graphs/ba1000.csv: the graph has no years (no tie has since or until)\n")
    }

    /// Without --at, a graph whose ties or nodes end says that all years are taken together (a path
    /// could chain East Germany–Poland, 1955–1990, with Poland–Ukraine, from 1992); with --at, or on a
    /// graph where nothing has ended (the seeds: ties carry only the year they began), nothing is said.
    @Test func allYearsTogetherIsSaid() throws {
        let note = "entente: note: Graphs/world/security.json: its ties span 1816–2016; all years are taken together, "
            + "ended ties with current ones (--at YEAR picks one year)\n"
        for arguments in [["path", "Graphs/world/security.json", "USA", "RUS"], ["centrality", "Graphs/world/security.json", "--measure", "degree"],
                          ["nodes", "Graphs/world/security.json"], ["ties", "Graphs/world/security.json", "USA"]] {
            let result = try runEntente(arguments)
            #expect(result.stderr.hasPrefix(note), "\(arguments[0]): \(result.stderr)")
            let pinned = try runEntente(arguments + ["--at", "1990"])
            #expect(!pinned.stderr.contains("all years are taken together"), "\(arguments[0])")
        }
        let seed = try runEntente(["path", "Graphs/pakistan.json", "PAK", "EU"])
        #expect(seed.stderr.isEmpty)
    }
}

/// `entente diff GRAPH --from-year Y1 --to-year Y2`: two years of one graph, and its usage errors.
@Suite struct DiffYearsCLITests {
    @Test func twoYearsOfOneGraph() throws {
        let result = try runEntente(["diff", "Graphs/world/security.json", "--from-year", "1985", "--to-year", "1995"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "nodes: 31 added, 5 removed")
        #expect(lines.contains("- nodes: CZE GDR GFR YAR YPR"))
        // Per side: the same file as BASE and OTHER gives the same answer.
        let twoFiles = try runEntente(["diff", "Graphs/world/security.json", "Graphs/world/security.json",
                                       "--from-year", "1985", "--to-year", "1995"])
        #expect(twoFiles.stdout == result.stdout)
    }

    @Test func badYearsAreRefused() throws {
        let world = "Graphs/world/security.json"
        for (arguments, status) in [(["diff", world, "--from-year", "1985"], Int32(64)),
                                    (["diff", world, "--from-year", "1985", "--to-year", "1995", "--at", "1990"], 64),
                                    (["diff", world], 64),
                                    (["diff", world, "--at", "1985", "--at", "1995"], 64),
                                    (["diff", world, "--from-year", "1700", "--to-year", "1995"], 1),
                                    (["diff", "Graphs/pakistan.json", "--from-year", "1800", "--to-year", "2000"], 1)] {
            let result = try runEntente(arguments)
            #expect(result.status == status, "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments)")
            #expect(result.stderr.hasPrefix(status == 1 ? "entente: " : "Error: "), "\(arguments): \(result.stderr)")
        }
    }
}

/// `entente balance --from --to`: a row per year as a table, CSV, JSON or a chart; bad ranges.
@Suite struct BalanceSweepCLITests {
    private let world = "Graphs/world/security.json"

    @Test func tableCSVJSONAndChartAgree() throws {
        let arguments = ["balance", world, "--from", "1946", "--to", "2014", "--step", "34", "--quiet"]
        let table = try runEntente(arguments)
        #expect(table.status == 0)
        #expect(table.stderr.isEmpty)  // a sweep takes one year at a time: no all-years note
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        #expect(lines[2].hasPrefix("year  nodes  ties  negative  triangles  balanced"))
        #expect(lines[3].hasPrefix("1946     66   271        31       1385    89.46%"))
        let csv = try runEntente(arguments + ["--csv"]).stdout.split(separator: "\n").map(String.init)
        #expect(csv.first == "year,nodes,ties,positive,negative,triangles,balanced,balanced_share,walk,frustration,bound,exact")
        #expect(csv[1].hasPrefix("1946,66,271,240,31,1385,1239,0.8945848375451263,"))
        #expect(csv[1].hasSuffix(",15,15,true"))
        struct Sweep: Decodable {
            struct Row: Decodable { let year: Int; let balancedShare: Double?; let frustration: Double; let ties: Int; let exact: Bool }
            let years: [Row]
        }
        let json = try JSONDecoder().decode(Sweep.self, from: try runEntente(arguments + ["--json"]).stdoutData)
        #expect(json.years.map(\.year) == [1946, 1980, 2014])
        #expect(json.years.allSatisfy { $0.exact })

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("entente-balance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let chart = directory.appendingPathComponent("balance.svg").path
        #expect(try runEntente(arguments + ["-o", chart]).status == 0)
        let svg = try String(contentsOfFile: chart, encoding: .utf8)
        #expect(svg.components(separatedBy: "class=\"series\"").count - 1 == 2)
        #expect(svg.contains("data-id=\"balanced\"") && svg.contains("data-id=\"frustrated\""))
        let again = directory.appendingPathComponent("again.svg").path
        #expect(try runEntente(arguments + ["-o", again]).status == 0)
        let reread = try String(contentsOfFile: again, encoding: .utf8)
        #expect(reread == svg)
    }

    @Test func badSweepsAreRefused() throws {
        for (arguments, status) in [(["--from", "1990", "--to", "1980"], Int32(64)), (["--from", "1990"], 64),
                                    (["--from", "1980", "--to", "1990", "--at", "1985"], 64), (["--csv"], 64),
                                    (["--from", "1980", "--to", "1990", "-o", "x.gif"], 64),
                                    (["--from", "1980", "--to", "1990", "--step", "0"], 64),
                                    (["--from", "1700", "--to", "1990"], 1)] {
            let result = try runEntente(["balance", world] + arguments)
            #expect(result.status == status, "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments)")
        }
    }
}

/// `entente communities --from --to`: labelled blocs per year as a table, CSV, JSON or a chart.
@Suite struct CommunitySweepCLITests {
    private let world = "Graphs/world/security.json"

    @Test func tableCSVJSONAndChartAgree() throws {
        let arguments = ["communities", world, "--from", "1958", "--to", "1998", "--step", "20", "--types", "security",
                         "--nodes", "USA,Russia,GDR", "--quiet"]
        let table = try runEntente(arguments)
        #expect(table.status == 0)
        #expect(table.stderr.isEmpty)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "year  blocs  modularity  USA  RUS  GDR")
        #expect(lines.count == 4)
        #expect(lines[3].split(separator: " ").count == 5)  // 1998: no East Germany, blank
        let csv = try runEntente(arguments + ["--csv"]).stdout.split(separator: "\n").map(String.init)
        #expect(csv.first == "year,blocs,modularity,USA,RUS,GDR")
        struct Sweep: Decodable {
            struct Bloc: Decodable { let label: Int; let members: [String] }
            struct Row: Decodable { let year: Int; let modularity: Double; let blocs: [Bloc] }
            let years: [Row]
        }
        let json = try JSONDecoder().decode(Sweep.self, from: try runEntente(arguments + ["--json"]).stdoutData)
        #expect(json.years.map(\.year) == [1958, 1978, 1998])
        for (row, line) in zip(json.years, csv.dropFirst()) {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(cells[0] == String(row.year) && cells[1] == String(row.blocs.count))
            #expect(Double(cells[2]) == row.modularity)
            for (id, cell) in zip(["USA", "RUS", "GDR"], cells[3...]) {
                #expect(cell == (row.blocs.first { $0.members.contains(id) }.map { String($0.label) } ?? ""), "\(row.year) \(id)")
            }
            // Each year's blocs are what `communities --at YEAR` finds.
            let alone = try runEntente(["communities", world, "--at", String(row.year), "--types", "security", "--json"])
            struct One: Decodable { let communities: [[String]] }
            #expect(try JSONDecoder().decode(One.self, from: alone.stdoutData).communities == row.blocs.map(\.members))
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("entente-blocs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let chart = directory.appendingPathComponent("blocs.svg").path
        #expect(try runEntente(arguments + ["-o", chart]).status == 0)
        let svg = try String(contentsOfFile: chart, encoding: .utf8)
        #expect(svg.components(separatedBy: "class=\"series\"").count - 1 == 1)
    }

    @Test func badSweepsAreRefused() throws {
        for (arguments, status) in [(["--from", "1990", "--to", "1980"], Int32(64)), (["--to", "1990"], 64),
                                    (["--nodes", "USA"], 64), (["--from", "1980", "--to", "1990", "--nodes", "Atlantis"], 1),
                                    (["--from", "1980", "--to", "1990", "--at", "1985"], 64),
                                    (["--from", "1980", "--to", "1990", "-o", "x.jpg"], 64),
                                    (["--from", "2010", "--to", "2030"], 1)] {
            let result = try runEntente(["communities", world] + arguments)
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(arguments)")
        }
    }
}
