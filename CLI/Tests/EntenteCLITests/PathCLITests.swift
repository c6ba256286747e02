import Foundation
import Testing

private let pakistan = "Graphs/pakistan.json"
private let directed = "Tests/EntenteTests/Fixtures/graphs/directed.json"
private let relations = "Tests/EntenteTests/Fixtures/graphs/relations.json"
private let disconnected = "Tests/EntenteTests/Fixtures/graphs/disconnected.json"

/// The cost at the end of a text line (`…  cost 0.333333`).
private func cost(of line: Substring) -> Double? {
    line.split(separator: " ").last.flatMap { Double(String($0)) }
}

/// The `paths` of a `--json` answer.
private func jsonPaths(_ result: CLIResult) throws -> (document: [String: Any], paths: [[String: Any]]) {
    let document = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    return (document, try #require(document["paths"] as? [[String: Any]]))
}

@Test func printsOnePathPerLine() throws {
    let result = try runEntente(["path", pakistan, "PAK", "RUS"])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    // PAK–RUS has economic 3 and security 3: equally cheap, the first in the file is shown.
    #expect(result.stdout == "PAK -[economic 3]- RUS  cost 0.333333\n")
    let via = try runEntente(["path", pakistan, "IND", "RUS", "--via", "European Union"])
    #expect(via.status == 0)
    #expect(via.stdout == "IND -[economic 3]- EU -[economic 4]- PAK -[economic 3]- RUS  cost 0.916667\n")
}

@Test func metricsChangeThePath() throws {
    let length = try runEntente(["path", pakistan, "PAK", "IND", "--metric", "length"])
    #expect(length.stdout == "PAK -[economic 2]- USA -[security 3]- IND  cost 5\n")
    let strength = try runEntente(["path", pakistan, "PAK", "IND"])
    #expect(strength.stdout == "PAK -[membership 5]- UN -[membership 3]- IND  cost 0.533333\n")
    let adversarial = try runEntente(["path", pakistan, "PAK", "IND", "--metric", "hops", "--include-adversarial"])
    #expect(adversarial.stdout == "PAK -[security 5 adversarial]- IND  cost 1\n")
}

@Test func directedGraphsShowArrows() throws {
    let result = try runEntente(["path", directed, "ESP", "NATO", "--k", "2"])
    #expect(result.status == 0)
    #expect(result.stdout == """
        ESP ->[cultural 2]-> FRA ->[economic 4]-> DEU ->[economic 2]-> POL ->[membership 1]-> NATO  cost 2.25
        ESP ->[cultural 2]-> FRA ->[economic 4]-> DEU ->[economic 1]-> USA ->[membership 1]-> NATO  cost 2.75

        """)
}

@Test func jsonOutput() throws {
    let result = try runEntente(["path", pakistan, "pak", "EU", "--json"])
    #expect(result.status == 0)
    // Every hop carries its evidence, and "sources" lists the documents it cites.
    #expect(result.stdout == """
        {"from":"PAK","to":"EU","metric":"strength","paths":[{"nodes":["PAK","EU"],"cost":0.25,"hops":1,\
        "edges":[{"source":"PAK","target":"EU","type":"economic","weight":4,"polarity":"cooperative",\
        "evidence":[{"source":"article","quote":"Strong commercial ties existed between Pakistan and the EU, particularly \
        during the period of Generalized Scheme of Preferences Plus (GSP+), where duty-free access to the European \
        markets was awarded to Pakistan."},{"source":"article","quote":"An important development partner, the EU \
        supports programs in governance, health, and education."}]}]}],"sources":[{"id":"article","title":"Pakistan's \
        foreign relations: neighbours, major powers, the Muslim world and international organisations (article)",\
        "file":"000_823396fff7b74d69.txt"}]}

        """)
    // An undirected edge is listed in the direction travelled (the file has PAK → EU, PAK → RUS).
    let back = try runEntente(["path", pakistan, "EU", "RUS", "--json", "--metric", "length"])
    let (document, paths) = try jsonPaths(back)
    #expect(document["from"] as? String == "EU")
    #expect(document["to"] as? String == "RUS")
    #expect(document["metric"] as? String == "length")
    let path = try #require(paths.first)
    #expect(path["nodes"] as? [String] == ["EU", "PAK", "RUS"])
    #expect(path["cost"] as? Double == 7)
    #expect(path["hops"] as? Int == 2)
    let edges = try #require(path["edges"] as? [[String: Any]])
    #expect(edges.map { $0["source"] as? String } == ["EU", "PAK"])
    #expect(edges.map { $0["target"] as? String } == ["PAK", "RUS"])
    #expect(edges.map { $0["type"] as? String } == ["economic", "economic"])
    #expect(edges.map { $0["weight"] as? Double } == [4, 3])
    #expect(edges.map { $0["polarity"] as? String } == ["cooperative", "cooperative"])
}

@Test func kPathsComeInAscendingCost() throws {
    let result = try runEntente(["path", pakistan, "india", "eu", "--k", "3"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 3)
    let costs = lines.compactMap(cost(of:))
    #expect(costs == [0.333333, 0.783333, 0.833333])
    #expect(lines.allSatisfy { $0.hasPrefix("IND ") && $0.contains(" EU  cost ") })
    let json = try jsonPaths(try runEntente(["path", pakistan, "IND", "EU", "--k", "3", "--json"])).paths
    let exact = json.compactMap { $0["cost"] as? Double }
    #expect(exact.count == 3)
    #expect(exact == exact.sorted())
}

@Test func allPrintsEveryTiedPath() throws {
    let result = try runEntente(["path", pakistan, "IND", "PAK", "--all", "--metric", "hops"])
    #expect(result.status == 0)
    #expect(result.stdout == """
        IND -[economic 3]- EU -[economic 4]- PAK  cost 2
        IND -[membership 3]- SAARC -[membership 4]- PAK  cost 2
        IND -[membership 3]- UN -[membership 5]- PAK  cost 2
        IND -[security 3]- USA -[security 4]- PAK  cost 2

        """)
    // An exact decimal tie in the fixtures: NOR→ISL costs 3+1+0.2 = 2.5+0.5+1+0.2.
    let tie = try jsonPaths(try runEntente(["path", disconnected, "NOR", "ISL", "--all", "--metric", "length", "--json"]))
    #expect(tie.paths.compactMap { $0["nodes"] as? [String] }.count == 2)
}

@Test func sameNodeIsAZeroLengthPath() throws {
    let text = try runEntente(["path", pakistan, "PAK", "Pakistan"])
    #expect(text.status == 0)
    #expect(text.stdout == "PAK  cost 0\n")
    let json = try runEntente(["path", pakistan, "PAK", "PAK", "--json"])
    #expect(json.stdout == #"{"from":"PAK","to":"PAK","metric":"strength","paths":[{"nodes":["PAK"],"cost":0,"hops":0,"edges":[]}],"sources":[]}"# + "\n")
}

@Test func viaMayEqualAnEndpoint() throws {
    let plain = try runEntente(["path", pakistan, "IND", "RUS"])
    for stop in ["IND", "RUS"] {
        let result = try runEntente(["path", pakistan, "IND", "RUS", "--via", stop])
        #expect(result.status == 0)
        #expect(result.stdout == plain.stdout)
    }
}

@Test func noPathIsAMessageNotAnError() throws {
    let text = try runEntente(["path", pakistan, "AFG", "CHN", "--types", "economic"])
    #expect(text.status == 0)
    #expect(text.stdout == "no path from AFG (Afghanistan) to CHN (China) over cooperative economic edges\n")
    #expect(text.stderr.isEmpty)
    let json = try runEntente(["path", directed, "NATO", "USA", "--json"])
    #expect(json.status == 0)
    #expect(json.stdout == #"{"from":"NATO","to":"USA","metric":"strength","paths":[],"sources":[]}"# + "\n")
    let isolated = try runEntente(["path", relations, "AFG", "CHN"])
    #expect(isolated.status == 0)
    #expect(isolated.stdout.hasPrefix("no path from AFG"))
    #expect(isolated.stdout.hasSuffix(" over cooperative edges\n"))
    let cultural = try runEntente(["path", relations, "AFG", "CHN", "--include-adversarial", "--types", "cultural"])
    #expect(cultural.status == 0)
    #expect(cultural.stdout == "no path from AFG (Afghanistan) to CHN (China) over cultural edges\n")
    let reached = try runEntente(["path", relations, "AFG", "CHN", "--include-adversarial", "--types", "economic,security"])
    #expect(reached.stdout == "AFG -[security 2.5 adversarial]- PAK -[economic 5]- CHN  cost 0.6\n")
}

@Test func namesResolveByLabelAliasAndCase() throws {
    let expected = try runEntente(["path", pakistan, "PAK", "USA"]).stdout
    for (from, to) in [("Pakistan", "United States"), ("pakistan", "u.s."), ("Islamic Republic of Pakistan", "AMERICA"),
                       ("pak", "usa")] {
        let result = try runEntente(["path", pakistan, from, to])
        #expect(result.status == 0, "\(from) → \(to): \(result.stderr)")
        #expect(result.stdout == expected, "\(from) → \(to)")
    }
}

@Test func unknownNodeNamesFailWithSuggestions() throws {
    let result = try runEntente(["path", pakistan, "Pakistn", "IND"])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr == "entente: Graphs/pakistan.json: no node named 'Pakistn'; did you mean PAK (Pakistan)?\n")
    let via = try runEntente(["path", pakistan, "PAK", "IND", "--via", "Atlantis"])
    #expect(via.status == 1)
    #expect(via.stderr.contains("no node named 'Atlantis'"))
}

@Test func badUsageExits64() throws {
    let cases: [([String], String)] = [
        (["--k", "0"], "--k must be at least 1, not 0"),
        (["--k", "-2"], "--k must be at least 1, not -2"),
        (["--all", "--k", "2"], "--all and --k cannot be used together"),
        (["--metric", "distance"], "'distance' is invalid for '--metric"),
        (["--via", "EU", "--all"], "--via cannot be combined with --all or --k"),
    ]
    for (extra, message) in cases {
        let result = try runEntente(["path", pakistan, "PAK", "IND"] + extra)
        #expect(result.status == 64, "\(extra)")
        #expect(result.stdout.isEmpty, "\(extra)")
        #expect(result.stderr.contains(message), "\(extra): \(result.stderr)")
    }
}

@Test func unknownTypesAndEmptyViewsFail() throws {
    let unknown = try runEntente(["path", pakistan, "PAK", "IND", "--types", "trade"])
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("unknown edge type 'trade'"))
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("rivals.csv")
    try "source,target,type,weight,polarity\nA,B,economic,2,adversarial\nB,C,security,1,cooperative\n"
        .write(to: file, atomically: true, encoding: .utf8)
    let empty = try runEntente(["path", file.path, "A", "C", "--types", "economic"])
    #expect(empty.status == 1)
    #expect(empty.stdout.isEmpty)
    #expect(empty.stderr == "entente: \(file.path): no cooperative economic edges in the graph\n")
    let fine = try runEntente(["path", file.path, "A", "C", "--include-adversarial"])
    #expect(fine.status == 0)
    #expect(fine.stdout == "A -[economic 2 adversarial]- B -[security 1]- C  cost 1.5\n")
}

@Test func kindsKeepOnlyThoseNodes() throws {
    // Without blocs and organisations, India reaches Russia through the United States and Pakistan.
    let states = try runEntente(["path", pakistan, "IND", "RUS", "--kinds", "state"])
    #expect(states.stdout == "IND -[security 3]- USA -[security 4]- PAK -[economic 3]- RUS  cost 0.916667\n")
    let outside = try runEntente(["path", pakistan, "IND", "UN", "--kinds", "state"])
    #expect(outside.status == 1)
    #expect(outside.stderr == "entente: \(pakistan): UN is an organization; --kinds state leaves it out\n")
    let unknown = try runEntente(["centrality", pakistan, "--measure", "degree", "--kinds", "state,planet"])
    #expect(unknown.status == 1)
    #expect(unknown.stderr == "entente: \(pakistan): unknown node kind 'planet' (the graph has: state, bloc, organization)\n")
    let empty = try runEntente(["centrality", pakistan, "--measure", "degree", "--kinds", ","])
    #expect(empty.status == 64)
    let drawn = try runEntente(["render", pakistan, "-o", "-", "--kinds", "state"])
    #expect(drawn.stdout.components(separatedBy: "class=\"node\"").count - 1 == 10)
}

/// `--pairs` answers each line as the pair alone would, in line order, text and JSON; bad lines and
/// unknown names are one error line naming the pairs file and line, with nothing printed.
@Test func pairsFileAnswersEachPairAsAlone() throws {
    let pairs: [(String, String)] = [("PAK", "EU"), ("India", "China"), ("RUS", "AFG"), ("PAK", "PAK")]
    let text = pairs.map { "\($0.0)\t\($0.1)\n" }.joined()
    let directory = try temporaryDirectory()
    let file = directory.appendingPathComponent("pairs.tsv")
    try Data(("# from\tto\n\n" + text).utf8).write(to: file)
    for extra in [[], ["--json"], ["--explain", "--metric", "hops"], ["--all", "--types", "economic"]] {
        var expected = ""
        for (from, to) in pairs {
            let alone = try runEntente(["path", pakistan, from, to] + extra)
            #expect(alone.status == 0)
            expected += alone.stdout
        }
        let batch = try runEntente(["path", pakistan, "--pairs", file.path] + extra)
        #expect(batch.status == 0, "\(extra): \(batch.stderr)")
        #expect(batch.stdout == expected, "\(extra)")
        let piped = try runEntente(["path", pakistan, "--pairs", "-"] + extra, stdin: Data(text.utf8))
        #expect(piped.stdout == expected, "\(extra)")
    }

    let unknown = try runEntente(["path", pakistan, "--pairs", "-"], stdin: Data("PAK\tEU\nPAK\tXYZ\n".utf8))
    #expect(unknown.status == 1)
    #expect(unknown.stdout.isEmpty)
    #expect(unknown.stderr.hasPrefix("entente: <stdin>:2: Graphs/pakistan.json: no node named 'XYZ'"))
    let noTab = try runEntente(["path", pakistan, "--pairs", "-"], stdin: Data("PAK EU\n".utf8))
    #expect(noTab.status == 1)
    #expect(noTab.stderr == "entente: <stdin>:1: expected FROM, a tab and TO, found no tab\n")
    let both = try runEntente(["path", pakistan, "PAK", "EU", "--pairs", "-"])
    #expect(both.status == 64)
    #expect(both.stderr.hasPrefix("Error: give FROM and TO or --pairs, not both"))
    let onlyFrom = try runEntente(["path", pakistan, "PAK"])
    #expect(onlyFrom.status == 64)
    #expect(onlyFrom.stderr.hasPrefix("Error: Missing expected argument '<to>'"))
}
