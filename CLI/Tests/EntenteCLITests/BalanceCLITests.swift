import Foundation
import Testing

private let pakistan = "Graphs/pakistan.json"
private let agenda = "Graphs/awaam-agenda.json"

@Suite struct BalanceCommandTests {
    /// The net rule, as before the sign rules: IRN–PAK (cultural 4, economic 3, adversarial security 2) is +5.
    @Test func textReportOnPakistan() throws {
        let result = try runEntente(["balance", pakistan, "--sign-rule", "net"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(8)) == [
            "signs:        unweighted (±1 per tie)",
            "sign rule:    net",
            "network:      14 nodes, 35 ties (34 positive, 1 negative)",
            "triangles:    27: +++ 23, +-- 0, ++- 4, --- 0",
            "balanced:     23 of 27 (85.19%)",
            "walk:         0.751885",
            "frustration:  1 (exact)",
            "search:       1 block, 0 bridges; cores 14 nodes, 35 ties; branch and bound 1",
        ])
        // Each unbalanced triangle, then its three ties with the edges that make them.
        let triangles = try #require(lines.firstIndex(of: "unbalanced triangles: 4"))
        #expect(Array(lines[(triangles + 1)...(triangles + 4)]) == [
            "  EU IND PAK  ++-",
            "    EU IND  +3  economic 3",
            "    EU PAK  +4  economic 4",
            "    IND PAK  -5  security 5 adversarial",
        ])
        #expect(lines.contains("    PAK USA  +6  security 4, economic 2"))
        let frustrated = try #require(lines.firstIndex(of: "frustrated ties: 1"))
        #expect(lines[frustrated + 1] == "  IND PAK  -5  security 5 adversarial")
        #expect(lines.contains("camp 0 (14): AFG ARE CHN EU IND IRN OIC PAK RUS SAARC SAU TUR UN USA"))
        #expect(lines.contains("camp 1 (0):"))
        #expect(lines.contains("id     triangles  unbalanced  frustrated"))
        #expect(lines.contains("PAK           22           4           1"))
    }

    @Test func weightedReportOnPakistan() throws {
        let result = try runEntente(["balance", pakistan, "--weighted", "--sign-rule", "net"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("signs:        weighted (weight per tie)"))
        #expect(lines.contains("walk:         0.387158"))
        #expect(lines.contains("frustration:  5 (exact)"))
    }

    /// The default rule, negative-wins: IRN–PAK's border difficulties make the pair negative (weight
    /// 2, its adversarial weight), a second frustrated tie; positive-wins keeps it positive.
    @Test func signRules() throws {
        let negative = try runEntente(["balance", pakistan])
        #expect(negative.status == 0)
        let lines = negative.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("sign rule:    negative-wins"))
        #expect(lines.contains("network:      14 nodes, 35 ties (33 positive, 2 negative)"))
        #expect(lines.contains("frustration:  2 (exact)"))
        #expect(lines.contains("  IRN PAK  -2  cultural 4, economic 3, security 2 adversarial"))
        let weighted = try runEntente(["balance", pakistan, "--weighted", "--sign-rule", "NEGATIVE-WINS"])
        #expect(weighted.stdout.contains("frustration:  7 (exact)\n"))
        let positive = try runEntente(["balance", pakistan, "--sign-rule", "positive-wins"])
        #expect(positive.stdout.contains("frustration:  1 (exact)\n"))
        let unknown = try runEntente(["balance", pakistan, "--sign-rule", "sum"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("--sign-rule"))
    }

    @Test func jsonReportOnPakistan() throws {
        let result = try runEntente(["balance", pakistan, "--json", "--sign-rule", "net"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("""
            {"signs":"unweighted","rule":"net","triangles":{"total":27,"balanced":23,"patterns":{"+++":23,"+--":0,"++-":4,"---":0},\
            "unbalanced":[["EU","IND","PAK"],["IND","PAK","SAARC"],["IND","PAK","UN"],["IND","PAK","USA"]]},\
            "walk":0.7518
            """))
        #expect(result.stdout.hasSuffix("\"network\":{\"nodes\":14,\"ties\":35,\"positive\":34,\"negative\":1}}\n"))
        let document = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        #expect(Array(document.keys).sorted() == ["frustration", "network", "nodes", "rule", "signs", "ties", "triangles", "walk"])
        let frustration = try #require(document["frustration"] as? [String: Any])
        #expect(frustration["value"] as? Double == 1)
        #expect(frustration["bound"] as? Double == 1)
        #expect(frustration["exact"] as? Bool == true)
        #expect(frustration["gap"] as? Double == 0)
        #expect(frustration["frustrated"] as? [[String]] == [["IND", "PAK"]])
        let nodes = try #require(document["nodes"] as? [String: [String: Int]])
        #expect(nodes["IND"] == ["triangles": 5, "unbalanced": 4, "frustrated": 1])
        // The evidence of a tie of an unbalanced triangle.
        let ties = try #require(document["ties"] as? [[String: Any]])
        let tie = try #require(ties.first { $0["pair"] as? [String] == ["IND", "SAARC"] })
        #expect(tie["sign"] as? String == "+")
        let edge = try #require((tie["edges"] as? [[String: Any]])?.first)
        #expect(edge["type"] as? String == "membership")
        #expect((edge["evidence"] as? [[String: String]])?.first?["source"] == "ref-saarc")
    }

    @Test func typesSelectALayer() throws {
        let result = try runEntente(["balance", pakistan, "--types", "security", "--json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"patterns\":{\"+++\":1,\"+--\":0,\"++-\":1,\"---\":0}"))
        #expect(result.stdout.contains("\"network\":{\"nodes\":14,\"ties\":9,\"positive\":7,\"negative\":2}"))
    }

    @Test func graphWithoutRivalryIsBalanced() throws {
        let result = try runEntente(["balance", agenda, "--json"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasPrefix("""
            {"signs":"unweighted","rule":"negative-wins","triangles":{"total":5,"balanced":5,"patterns":{"+++":5,"+--":0,"++-":0,"---":0},\
            "unbalanced":[]},"walk":1,"frustration":{"value":0,"bound":0,"exact":true,"gap":0,"camps":[["AFG","ASEAN","BIMSTEC","CHN",\
            "ECO","EU","GCC","IND","IRN","PAK","SAARC","UN","WTO"],[]],"frustrated":[],"solver":"CBC
            """))
        let text = try runEntente(["balance", agenda, "--weighted"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("frustration:  0 (exact: no negative tie)\n"))
        #expect(text.stdout.contains("unbalanced triangles: 0\n"))
    }

    @Test func csvFromStandardInput() throws {
        let csv = "source,target,polarity\nA,B,cooperative\nB,C,adversarial\nA,C,adversarial\nC,D,adversarial\nB,D,adversarial\n"
        let result = try runEntente(["balance", "-", "--format", "csv"], stdin: Data(csv.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("triangles:    2: +++ 0, +-- 1, ++- 0, --- 1\n"))
        #expect(result.stdout.contains("frustration:  1 (exact)\n"))
    }

    @Test func emptyFilterIsAnError() throws {
        let result = try runEntente(["balance", pakistan, "--types", "cultural", "--kinds", "bloc"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "entente: Graphs/pakistan.json: no cultural edges between bloc nodes in the graph\n")
    }

    @Test func badInputIsAnError() throws {
        let missing = try runEntente(["balance", "Graphs/nowhere.json"])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("entente: Graphs/nowhere.json: "))
        let unknownType = try runEntente(["balance", pakistan, "--types", "political"])
        #expect(unknownType.status == 1)
        #expect(unknownType.stderr.contains("unknown edge type 'political'"))
        let malformed = try runEntente(["balance", "-", "--format", "json"], stdin: Data("{\"nodes\": [}".utf8))
        #expect(malformed.status == 1)
        #expect(malformed.stderr.hasPrefix("entente: -:1:"))
        let usage = try runEntente(["balance", pakistan, "--include-adversarial"])
        #expect(usage.status == 64)
        for limit in ["0", "-1", "nan"] {
            let bad = try runEntente(["balance", pakistan, "--time-limit=\(limit)"])
            #expect(bad.status == 64, "--time-limit \(limit)")
            #expect(bad.stdout.isEmpty)
            #expect(bad.stderr.contains("--time-limit must be a number of seconds above 0"), "\(bad.stderr)")
        }
    }

    @Test func helpDocumentsTheSignRule() throws {
        let result = try runEntente(["balance", "--help"])
        #expect(result.status == 0)
        let text = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("the sign of (sum of cooperative weights - sum of adversarial weights)"))
        #expect(text.contains("a pair that sums to zero is no tie"))
        #expect(text.contains("negative-wins (the default, as in the literature on international relations"))
        #expect(text.contains("--time-limit"))
        #expect(text.contains("--allow-heuristic"))
        #expect(text.contains("By default every tie counts +1 or -1 (unweighted)"))
        #expect(text.contains("--weighted"))
    }
}

/// The exact solver on a generated year network (156 nodes, 1,784 ties, 82 negative; made by
/// Benchmarks/gen_year_networks.py, optimum 82 by HiGHS) that needs CBC: its cycle-packing bound
/// stops at 76.
@Suite struct BalanceSolverCommandTests {
    private let year = "Tests/EntenteTests/Fixtures/graphs/year-1985-generated.csv"

    @Test func provenOptimalWithTheSolver() throws {
        let result = try runEntente(["balance", year])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("frustration:  82 (exact)\n"))
        #expect(result.stdout.contains("solver 1 (CBC 2."))
    }

    @Test func timeLimitReportsTheGap() throws {
        let result = try runEntente(["balance", year, "--time-limit", "0.01", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        let frustration = try #require(document["frustration"] as? [String: Any])
        let value = try #require(frustration["value"] as? Double), bound = try #require(frustration["bound"] as? Double)
        #expect(frustration["exact"] as? Bool == false)
        #expect(bound < 82 && value >= 82)
        #expect(frustration["gap"] as? Double == value - bound)
        let text = try runEntente(["balance", year, "--time-limit", "0.01"])
        #expect(text.stdout.contains(" (not proven optimal; bound "))
    }

    @Test func missingSolverLibrary() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["ENTENTE_CBC_LIBRARY"] = "/nonexistent/libCbcSolver.so"
        let failed = try runEntente(["balance", year], environment: environment)
        #expect(failed.status == 1)
        #expect(failed.stdout.isEmpty)
        #expect(failed.stderr == "entente: the exact frustration solver needs COIN-OR CBC: apt-get install coinor-libcbc3 "
                + "(or set ENTENTE_CBC_LIBRARY to libCbcSolver's path); or pass --allow-heuristic\n")
        let heuristic = try runEntente(["balance", year, "--allow-heuristic"], environment: environment)
        #expect(heuristic.status == 0)
        #expect(heuristic.stderr.hasSuffix("printing the heuristic result (not proven optimal)\n"))
        #expect(heuristic.stdout.contains(" (not proven optimal; bound 76, gap "))
        // A graph the branch and bound settles needs no solver.
        let small = try runEntente(["balance", "Graphs/pakistan.json"], environment: environment)
        #expect(small.status == 0)
        #expect(small.stderr.isEmpty)
    }
}
