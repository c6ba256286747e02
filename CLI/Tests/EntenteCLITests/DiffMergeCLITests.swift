import Foundation
import Testing

private let pakistan = "Graphs/pakistan.json"
private let agenda = "Graphs/awaam-agenda.json"
private let smallBase = "Tests/EntenteTests/Fixtures/graphs/diff-base.json"
private let smallOther = "Tests/EntenteTests/Fixtures/graphs/diff-other.json"

@Suite struct DiffCommandTests {
    @Test func summaryAndTiesOfTheSeedGraphs() throws {
        let result = try runEntente(["diff", pakistan, agenda])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(4)) == [
            "nodes: 5 added, 6 removed",
            "ties:  12 added, 37 removed, 2 weight changed, 1 flipped",
            "+ nodes: ASEAN BIMSTEC ECO GCC WTO",
            "- nodes: ARE OIC RUS SAU TUR USA",
        ])
        #expect(lines.contains("+ PAK IND political 2 cooperative"))
        #expect(lines.contains("- PAK IND security 5 adversarial"))
        #expect(Array(lines.suffix(3)) == [
            "~ PAK CHN security 5→3",
            "~ PAK EU economic 4→3",
            "! PAK IRN security adversarial 2 → cooperative 3",
        ])
        #expect(lines.count == 4 + 12 + 37 + 3)
    }

    @Test func aGraphComparedWithItselfIsEmpty() throws {
        let text = try runEntente(["diff", pakistan, pakistan])
        #expect(text.status == 0)
        #expect(text.stdout == "nodes: 0 added, 0 removed\nties:  0 added, 0 removed, 0 weight changed, 0 flipped\n")
        let json = try runEntente(["diff", agenda, agenda, "--json"])
        #expect(json.stdout == #"{"nodes":{"added":[],"removed":[]},"ties":{"added":[],"removed":[],"changed":[],"flipped":[]}}"# + "\n")
    }

    @Test func jsonWithMeasureShowsAbsentNodesAsNull() throws {
        let result = try runEntente(["diff", smallBase, smallOther, "--measure", "betweenness", "--json"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            {"nodes":{"added":["D"],"removed":["C"]},"ties":{"added":[{"source":"A","target":"D","type":"political",\
            "weight":1,"polarity":"cooperative"}],"removed":[{"source":"A","target":"C","type":"cultural","weight":1,\
            "polarity":"cooperative"},{"source":"B","target":"C","type":"economic","weight":2,"polarity":"cooperative"}],\
            "changed":[{"source":"B","target":"A","type":"economic","from":3,"to":5},{"source":"E","target":"A",\
            "type":"economic","from":2,"to":4}],"flipped":[{"source":"A","target":"B","type":"security",\
            "from":"adversarial","to":"cooperative","fromWeight":2,"toWeight":3},{"source":"A","target":"E",\
            "type":"economic","from":"cooperative","to":"adversarial","fromWeight":4,"toWeight":1}]},\
            "measure":{"name":"betweenness","values":{"A":{"base":0.6666666666666666,"other":1,"change":0.33333333333333337},\
            "B":{"base":0.6666666666666666,"other":0,"change":-0.6666666666666666},"C":{"base":0,"other":null,"change":null},\
            "D":{"base":null,"other":0,"change":null},"E":{"base":0,"other":0,"change":0}}}}

            """)
    }

    @Test func measureTableSortsByChangeAndSaysAbsent() throws {
        let result = try runEntente(["diff", pakistan, agenda, "--measure", "betweenness"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("id ") })
        #expect(lines[header] == "id       label                     base     other     change")
        #expect(lines[header + 1] == "PAK      Pakistan              0.621795  0.878788  +0.256993")
        #expect(lines.contains("USA      United States         0.000000    absent     absent"))
        #expect(lines.contains("ECO      ECO                     absent  0.007576     absent"))
    }

    @Test func typesChooseTheTiesCompared() throws {
        let result = try runEntente(["diff", pakistan, agenda, "--types", "security"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("nodes: 5 added, 6 removed\nties:  0 added, 6 removed, 1 weight changed, 1 flipped\n"))
    }

    @Test(arguments: [
        (["diff", pakistan, "missing.json"], "entente: missing.json: cannot open: No such file or directory\n"),
        (["diff", "Tests/EntenteTests/Fixtures/graphs/directed.json", "Tests/EntenteTests/Fixtures/graphs/relations.json"],
         "entente: Tests/EntenteTests/Fixtures/graphs/relations.json: the graph is undirected but "
            + "Tests/EntenteTests/Fixtures/graphs/directed.json is directed; ties cannot be matched\n"),
        (["diff", pakistan, agenda, "--types", "trade"],
         "entente: Graphs/awaam-agenda.json: unknown edge type 'trade' (the graph has: economic, security, cultural, membership, political)\n"),
        (["diff", pakistan, agenda, "--types", "political", "--measure", "degree"],
         "entente: Graphs/pakistan.json: no cooperative political edges in the graph\n"),
    ])
    func badInputExitsOne(_ arguments: [String], _ message: String) throws {
        let result = try runEntente(arguments)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == message)
    }

    @Test func malformedGraphNamesFileAndLine() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("bad.json")
        try Data("{\"name\":\n".utf8).write(to: bad)
        let result = try runEntente(["diff", pakistan, bad.path])
        #expect(result.status == 1)
        #expect(result.stderr == "entente: \(bad.path):2:1: invalid JSON: unexpected end of file, expected a value\n")
    }

    @Test func unknownMeasureIsAUsageError() throws {
        let result = try runEntente(["diff", pakistan, agenda, "--measure", "fame"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: --measure 'fame' is not a node measure"))
    }
}

@Suite struct MergeCommandTests {
    @Test func mergesTheSeedGraphsReportsTheConflictAndKeepsTheEvidence() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("scenario.json")
        let result = try runEntente(["merge", pakistan, agenda, "-o", output.path])
        #expect(result.status == 0)
        #expect(result.stderr == "entente: conflict: PAK–IRN security: adversarial (weight 2) in Graphs/pakistan.json, "
                + "cooperative (weight 3) in Graphs/awaam-agenda.json; the overlay's is kept\n")
        #expect(result.stdout == "wrote \(output.path): 19 nodes, 57 edges (8 replaced, 12 added from \(agenda)), 1 conflict\n")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
        let edges = try #require(document["edges"] as? [[String: Any]])
        let flipped = try #require(edges.first { $0["source"] as? String == "PAK" && $0["target"] as? String == "IRN"
                                                  && $0["type"] as? String == "security" })
        #expect(flipped["polarity"] as? String == "cooperative")
        #expect((flipped["note"] as? String)?.hasSuffix("Merge conflict: adversarial (weight 2) in Graphs/pakistan.json, "
                                                        + "cooperative (weight 3) in Graphs/awaam-agenda.json; the overlay's is kept.") == true)
        #expect((flipped["evidence"] as? [[String: Any]])?.compactMap { $0["source"] as? String } == ["manifesto", "article"])

        // The balance of the scenario, as the README reports it.
        let balance = try runEntente(["balance", output.path]).stdout.split(separator: "\n").map(String.init)
        #expect(Array(balance.prefix(7)) == [
            "signs:        unweighted (±1 per tie)",
            "sign rule:    negative-wins",
            "network:      19 nodes, 43 ties (42 positive, 1 negative)",
            "triangles:    30: +++ 25, +-- 0, ++- 5, --- 0",
            "balanced:     25 of 30 (83.33%)",
            "walk:         0.741405",
            "frustration:  1 (exact)",
        ])
        // Weighted, the sign rule matters: the scenario adds a cooperative political tie (2) to
        // India–Pakistan's rivalry (5); netted (the README's numbers) it weighs 3, under the default,
        // negative-wins, 5.
        let netted = try runEntente(["balance", output.path, "--weighted", "--sign-rule", "net"]).stdout
            .split(separator: "\n").map(String.init)
        #expect(netted.contains("walk:         0.578808") && netted.contains("frustration:  3 (exact)"))
        let weighted = try runEntente(["balance", output.path, "--weighted"]).stdout.split(separator: "\n").map(String.init)
        #expect(weighted.contains("walk:         0.405857") && weighted.contains("frustration:  5 (exact)"))

        // The merged scenario differs from today by the agenda's ties only: nothing is removed.
        let diff = try runEntente(["diff", pakistan, output.path])
        #expect(diff.stdout.hasPrefix("nodes: 5 added, 0 removed\nties:  12 added, 0 removed, 2 weight changed, 1 flipped\n"))

    }

    /// The shared checker beside this clone (CI and the developers' machines have it).
    private static let evidenceChecker = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/tools/check_evidence.py")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: evidenceChecker.path),
                   "../shared/tools/check_evidence.py is not next to this clone (the Swift rule is checked in ComparisonTests)"))
    func theSharedEvidenceCheckerPassesOnTheMerge() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("scenario.json")
        #expect(try runEntente(["merge", pakistan, agenda, "-o", output.path]).status == 0)
        let check = try runProgram(URL(fileURLWithPath: "/usr/bin/env"), ["python3", Self.evidenceChecker.path, output.path])
        #expect(check.status == 0, "check_evidence.py: \(check.stdout)\(check.stderr)")
        #expect(check.stdout.hasPrefix("evidence: 57 of 57 edges cite their source verbatim"))
    }

    @Test func mergeOfAGraphWithItselfHasNoConflict() throws {
        let result = try runEntente(["merge", agenda, agenda, "-o", "-", "--to", "json"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let original = try runEntente(["convert", agenda, "-o", "-", "--to", "json"]).stdout
        // Same nodes, edges and sources, as the writer writes them; only the name says it is a merge.
        #expect(result.stdout.replacingOccurrences(of: "\"Awaam Pakistan foreign-policy agenda + Awaam Pakistan foreign-policy agenda\"",
                                                   with: "\"Awaam Pakistan foreign-policy agenda\"") == original)
    }

    @Test(arguments: [
        (["merge", pakistan, agenda, "-o", "out.txt"], Int32(64)),
        (["merge", pakistan, agenda, "-o", "-"], Int32(64)),
        (["merge", pakistan, "missing.json", "-o", "never-written.json"], Int32(1)),
        (["merge", "Tests/EntenteTests/Fixtures/graphs/directed.json", "Tests/EntenteTests/Fixtures/graphs/relations.json",
          "-o", "never-written.json"], Int32(1)),
    ])
    func badInput(_ arguments: [String], _ status: Int32) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for file in [pakistan, agenda, "Tests/EntenteTests/Fixtures/graphs/directed.json", "Tests/EntenteTests/Fixtures/graphs/relations.json"] {
            let target = directory.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: packageRoot.appendingPathComponent(file), to: target)
        }
        let result = try runEntente(arguments, in: directory)
        #expect(result.status == status)
        #expect(result.stderr.split(separator: "\n").count == (status == 1 ? 1 : 3))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("never-written.json").path))
    }
}

@Suite struct RenderDiffTests {
    @Test func drawsTheChangesWithALegend() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("diff.svg")
        let result = try runEntente(["render", smallOther, "--diff", smallBase, "-o", output.path])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let svg = try String(contentsOf: output, encoding: .utf8)
        for text in ["3→5", "−2→+3", "+4→−1", "removed (faded)", "polarity flipped", "double outline: added node"] {
            #expect(svg.contains(text), "the diagram lacks \(text)")
        }
        #expect(svg.contains("stroke=\"#d55e00\"") || svg.contains("stroke=\"#D55E00\""))
    }

    @Test func diffWithHighlightIsAUsageErrorAndAMissingBaseExitsOne() throws {
        let usage = try runEntente(["render", agenda, "--diff", pakistan, "--highlight", "PAK", "EU", "-o", "-"])
        #expect(usage.status == 64)
        let missing = try runEntente(["render", agenda, "--diff", "missing.json", "-o", "-"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "entente: missing.json: cannot open: No such file or directory\n")
    }
}
