import Foundation
import Testing

/// Evidence everywhere and honest numbers: path --explain, nodes, ties, info --timeline and --at,
/// Katz's default alpha, huge weights, DOT error lines and --version, through the built binary.
private let seed = "Graphs/pakistan.json"

/// The edges of the seed graph as Foundation objects.
private func seedEdges() throws -> [[String: Any]] {
    let data = try Data(contentsOf: packageRoot.appendingPathComponent(seed))
    let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    return try #require(root["edges"] as? [[String: Any]])
}

/// Writes text to a file in a fresh temporary directory and returns its path.
private func temporaryFile(_ name: String, _ text: String) throws -> String {
    let url = try temporaryDirectory().appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
}

@Suite struct EvidenceCLITests {
    @Test func pathExplainPrintsEachTieAndItsQuotes() throws {
        let result = try runEntente(["path", seed, "pakistan", "india", "--explain", "--exclude-types", "membership"])
        #expect(result.status == 0)
        let article = "Pakistan's foreign relations: neighbours, major powers, the Muslim world and international organisations (article)"
        #expect(result.stdout == """
            PAK -[security 4]- USA -[security 3]- IND  cost 0.583333
              PAK – USA: security 4, cooperative
                “Over time, there have been changes in Pakistan’s relationship with the US.”
                  — \(article)
                “In both the War on Terror and the Cold War, it was a crucial ally.”
                  — \(article)
                “But tensions have arisen due to disagreements over regional concerns and counterterrorism strategies.”
                  — \(article)
                “Economic and military cooperation persists in spite of obstacles.”
                  — \(article)
              USA – IND: security 3, cooperative, since 2016
                “The United States recognised India as a Major Defense Partner in 2016.”
                  — U.S.–India Major Defense Partnership (2016)

            """)
        // Several paths are separated by a blank line; --explain and --json do not mix.
        let three = try runEntente(["path", seed, "IND", "RUS", "--k", "3", "--explain"])
        #expect(three.stdout.components(separatedBy: "\n\n").count == 3)
        let both = try runEntente(["path", seed, "PAK", "EU", "--explain", "--json"])
        #expect(both.status == 64)
        #expect(both.stderr.contains("--explain and --json cannot be used together"))
    }

    @Test func pathJSONCarriesEvidenceAndSources() throws {
        let result = try runEntente(["path", seed, "IND", "RUS", "--k", "3", "--json"])
        let document = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        let paths = try #require(document["paths"] as? [[String: Any]])
        let sources = try #require(document["sources"] as? [[String: Any]])
        let listed = Set(sources.compactMap { $0["id"] as? String })
        var cited = Set<String>()
        for path in paths {
            for edge in try #require(path["edges"] as? [[String: Any]]) {
                let evidence = try #require(edge["evidence"] as? [[String: Any]])
                #expect(!evidence.isEmpty)
                for item in evidence { cited.insert(try #require(item["source"] as? String)) }
            }
        }
        #expect(cited == listed)
        #expect(listed.contains("ref-un"))
        // Each source carries its title and its file or citation.
        for source in sources { #expect(source["title"] is String && (source["file"] is String || source["citation"] is String)) }
    }

    @Test func nodesListsNamesKindsDegreeAndStrength() throws {
        let table = try runEntente(["nodes", seed])
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.count == 15)
        #expect(lines[0] == "id     label                 kind          degree  strength  aliases")
        #expect(lines[1] == "PAK    Pakistan              state             12      76.5  Islamic Republic of Pakistan")

        let json = try runEntente(["nodes", seed, "--json"])
        let document = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        let nodes = try #require(document["nodes"] as? [[String: Any]])
        #expect(nodes.count == 14)
        let india = try #require(nodes.first { $0["id"] as? String == "IND" })
        #expect(india["aliases"] as? [String] == ["Republic of India", "Bharat"])
        #expect(india["kind"] as? String == "state")
        // Strength is the sum `centrality --measure strength` gives; degree counts distinct neighbours
        // over cooperative ties (India's rivalry with Pakistan is left out).
        let strength = try runEntente(["centrality", seed, "--measure", "strength", "--json"])
        let values = try #require((try JSONSerialization.jsonObject(with: strength.stdoutData) as? [String: Any])?["values"]
            as? [String: Double])
        for node in nodes { #expect(node["strength"] as? Double == values[node["id"] as? String ?? ""]) }
        #expect(india["degree"] as? Int == 4)
        let withRivalries = try runEntente(["nodes", seed, "--json", "--include-adversarial"])
        #expect(withRivalries.stdout.contains(#"{"id":"IND","label":"India","kind":"state","aliases":["Republic of India","Bharat"],"degree":5,"strength":17}"#))

        let csv = try runEntente(["nodes", seed, "--csv", "--types", "security"])
        #expect(csv.stdout.hasPrefix("id,label,kind,aliases,degree,strength\nPAK,Pakistan,state,Islamic Republic of Pakistan,5,18\n"))
        #expect(csv.stdout.contains("\nIND,India,state,Republic of India|Bharat,1,3\n"))
        #expect(try runEntente(["nodes", seed, "--csv", "--json"]).status == 64)
    }

    @Test func tiesGroupsByTypeWithEvidence() throws {
        let result = try runEntente(["ties", seed, "PAK", "--types", "security", "--evidence"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.prefix(3) == ["PAK (Pakistan): 7 ties", "security (7)", "  CHN  China          5  cooperative"])
        #expect(lines.contains("  IND  India          5  adversarial"))
        #expect(lines.contains("  IRN  Iran           2  adversarial"))
        // Every quote of Pakistan's security ties is printed, in order, under its tie.
        let quotes = lines.filter { $0.hasPrefix("      “") }
        let expected = try seedEdges().filter { edge in
            edge["type"] as? String == "security" && (edge["source"] as? String == "PAK" || edge["target"] as? String == "PAK")
        }.flatMap { ($0["evidence"] as? [[String: String]] ?? []).compactMap { $0["quote"] } }
        #expect(Set(quotes.map { String($0.dropFirst(7).dropLast()) }) == Set(expected))
        #expect(quotes.count == expected.count)

        let plain = try runEntente(["neighbours", seed, "india"])
        #expect(plain.stdout == """
            IND (India): 5 ties
            economic (1)
              EU     EU             3  cooperative  since 2004
            security (2)
              PAK    Pakistan       5  adversarial
              USA    United States  3  cooperative  since 2016
            membership (2)
              SAARC  SAARC          3  cooperative  since 1985
              UN     UN             3  cooperative  since 1945

            """)
        let json = try runEntente(["ties", seed, "india", "--json", "--cooperative-only"])
        let document = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        let types = try #require(document["types"] as? [[String: Any]])
        #expect(types.compactMap { $0["type"] as? String } == ["economic", "security", "membership"])
        let security = try #require(types[1]["ties"] as? [[String: Any]])
        #expect(security.count == 1 && security[0]["node"] as? String == "USA" && security[0]["since"] as? Int == 2016)
        #expect((security[0]["evidence"] as? [Any])?.count == 1)
        #expect((document["sources"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["ref-saarc", "ref-un", "ref-eu-india", "ref-us-india"])

        let typo = try runEntente(["ties", seed, "Pakistn"])
        #expect(typo.status == 1)
        #expect(typo.stderr == "entente: \(seed): no node named 'Pakistn'; did you mean PAK (Pakistan)?\n")
        let badType = try runEntente(["ties", seed, "PAK", "--types", "securty"])
        #expect(badType.status == 1 && badType.stderr.hasSuffix("did you mean 'security'?\n"))
    }

    @Test func timelineAndAtYear() throws {
        let timeline = try runEntente(["info", seed, "--timeline"])
        #expect(timeline.status == 0)
        #expect(timeline.stdout.hasPrefix("""
            1945
              + IND – UN  membership 3
              + IRN – UN  membership 3
              + USA – UN  membership 3
              + SAU – UN  membership 3
              + TUR – UN  membership 3
            1946
              + AFG – UN  membership 3
            1971
              + ARE – UN  membership 3
              + CHN – UN  membership 3
            1981
              + SAU – ARE  economic 3

            """))
        #expect(timeline.stdout.hasSuffix("2021\n  + CHN – IRN  economic 3\nundated: 28 ties (no since or until)\n"))
        let json = try runEntente(["info", seed, "--timeline", "--json"])
        let document = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        let years = try #require(document["years"] as? [[String: Any]])
        #expect(years.compactMap { $0["year"] as? Int } == [1945, 1946, 1971, 1981, 1985, 1991, 1995, 2001, 2004, 2007, 2016, 2021])
        #expect(document["undated"] as? Int == 28)

        // Ties that begin after 1950 are left out: 45 − 11.
        let at1950 = try runEntente(["info", seed, "--at", "1950"])
        #expect(at1950.stdout.contains("\nedges:       34\n"))
        let timeline1950 = try runEntente(["info", seed, "--timeline", "--at", "1950"])
        #expect(timeline1950.stdout == "1945\n" + String(repeating: "", count: 0)
            + "  + IND – UN  membership 3\n  + IRN – UN  membership 3\n  + USA – UN  membership 3\n"
            + "  + SAU – UN  membership 3\n  + TUR – UN  membership 3\n1946\n  + AFG – UN  membership 3\n"
            + "undated: 28 ties (no since or until)\n")
        // render takes --at too: the drawing of 2000 has no China–Russia treaty (2001).
        let directory = try temporaryDirectory()
        let dot = directory.appendingPathComponent("2000.dot").path
        let render = try runEntente(["render", seed, "--at", "2000", "-o", dot, "--to", "dot"])
        #expect(render.status == 0)
        let text = try String(contentsOfFile: dot, encoding: .utf8)
        #expect(!text.contains("CHN -- RUS") && text.contains("PAK -- CHN"))
        let path = try runEntente(["path", seed, "CHN", "RUS", "--types", "security", "--at", "2000"])
        #expect(path.stdout == "CHN -[security 5]- PAK -[security 3]- RUS  cost 0.533333\n")
    }

    @Test func katzOnADirectedAcyclicGraphTakesAlphaZeroPointOne() throws {
        // No cycle: λmax is 0, which the power iteration never reached (it failed after 100,000
        // iterations); alpha is networkx's default, and the values are those of katz.json's dag case.
        let result = try runEntente(["centrality", "Tests/EntenteTests/Fixtures/graphs/dag.json", "--measure", "katz", "--top", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "entente: katz: λmax = 0 (no cycle), so alpha = 0.1, networkx's default; --alpha sets another\n")
        #expect(result.stdout == "id   label       katz\nPOL  Poland  0.561897\n", "\(result.stdout)")
    }

    @Test func katzDefaultAlphaIsComputedAndSaidSo() throws {
        let result = try runEntente(["centrality", seed, "--measure", "katz", "--top", "2"])
        #expect(result.status == 0)
        #expect(result.stderr == "entente: katz: alpha = 0.9/λmax = 0.0315078 (λmax 28.5644); --alpha sets another\n")
        #expect(result.stdout == "id   label         katz\nPAK  Pakistan  0.596276\nUN   UN        0.311187\n")
        let json = try runEntente(["centrality", seed, "--measure", "katz", "--json"])
        let document = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        let alpha = try #require(document["alpha"] as? Double), lambda = try #require(document["lambdaMax"] as? Double)
        #expect(abs(lambda - 28.564387294312493) < 1e-9 && abs(alpha * lambda - 0.9) < 1e-12)
        // An explicit alpha is used as given, without λmax or a note.
        let given = try runEntente(["centrality", seed, "--measure", "katz", "--alpha", "0.02", "--json"])
        #expect(given.stderr.isEmpty && given.stdout.hasPrefix(#"{"measure":"katz","metric":"strength","alpha":0.02,"values":"#))
        // `all` has a katz column, not n/a.
        let all = try runEntente(["centrality", seed, "--measure", "all"])
        #expect(all.status == 0 && !all.stdout.contains("n/a"))
        let allJSON = try runEntente(["centrality", seed, "--measure", "all", "--json"])
        #expect(allJSON.stdout.contains(#""katz":{"alpha":0.031507764921644"#) && !allJSON.stdout.contains("null"))
        // render sizes by Katz with the default, or with --alpha.
        let directory = try temporaryDirectory()
        let sized = try runEntente(["render", seed, "--size-by", "katz", "-o", directory.appendingPathComponent("k.dot").path])
        #expect(sized.status == 0 && sized.stderr.contains("alpha = 0.9/λmax"))
        let explicit = try runEntente(["render", seed, "--size-by", "katz", "--alpha", "0.02", "-o", directory.appendingPathComponent("k2.dot").path])
        #expect(explicit.status == 0 && explicit.stderr.isEmpty)
        let tooLarge = try runEntente(["render", seed, "--size-by", "katz", "--alpha", "0.1", "-o", directory.appendingPathComponent("k3.dot").path])
        // Sizes are computed over the cooperative ties, as `entente centrality` computes Katz (the
        // drawn view keeps the rivalries, whose λmax, 1/0.0333622, sizes used to be computed on).
        #expect(tooLarge.status == 1 && tooLarge.stderr.contains("katz: alpha 0.1 is not below 1/λmax = 0.0350086"))
        let withoutKatz = try runEntente(["render", seed, "--alpha", "0.1", "-o", directory.appendingPathComponent("k4.dot").path])
        #expect(withoutKatz.status == 64 && withoutKatz.stderr.contains("--alpha needs --size-by katz or --size-by pagerank"))
    }

    @Test func hugeWeightsGiveFiniteValuesOrAClearError() throws {
        let file = try temporaryFile("huge.csv", "source,target,weight\nA,B,1e308\nB,C,1e308\nC,A,1e308\nC,D,5e307\n")
        for measure in ["eigenvector", "pagerank", "katz", "betweenness", "closeness", "degree"] {
            for format in [[], ["--json"], ["--csv"]] {
                let result = try runEntente(["centrality", file, "--measure", measure] + format)
                #expect(result.status == 0, "\(measure) \(format): \(result.stderr)")
                for bad in ["nan", "inf", "null"] { #expect(!result.stdout.lowercased().contains(bad), "\(measure) \(format)") }
            }
        }
        let eigenvector = try runEntente(["centrality", file, "--measure", "eigenvector", "--top", "1"])
        #expect(eigenvector.stdout.hasSuffix("C   C         0.586997\n"))
        // Strength sums past the largest number: an error, for the measure and for `all`.
        for arguments in [["--measure", "strength"], ["--measure", "all"], ["--measure", "all", "--json"]] {
            let result = try runEntente(["centrality", file] + arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains("strength: a value exceeds the largest finite number"), "\(arguments)")
            #expect(result.stdout.isEmpty)
        }
        let nodes = try runEntente(["nodes", file])
        #expect(nodes.status == 1 && nodes.stderr.contains("the weights of A's ties add up beyond the largest finite number"))
        let path = try runEntente(["path", file, "A", "D", "--metric", "length"])
        #expect(path.stdout == "A -[economic 1e+308]- C -[economic 5e+307]- D  cost 1.5e+308\n")
        let overflow = try runEntente(["path", file, "A", "D", "--metric", "length", "--via", "B"])
        #expect(overflow.status == 1 && overflow.stderr.contains("exceeds the largest finite number"))
    }

    @Test func dotErrorsNameTheirLine() throws {
        let missing = try temporaryFile("missing.dot", "graph g {\n  a -- b [weight=2\n  b -- c\n}\n")
        let result = try runEntente(["info", missing])
        #expect(result.status == 1)
        #expect(result.stderr == "entente: \(missing):2: '[' is not closed by ']' (syntax error near '--' on line 3)\n")
        let weight = try temporaryFile("weight.dot", "graph g {\n  a -- b\n  b -- c [weight=abc]\n}\n")
        let bad = try runEntente(["info", weight])
        #expect(bad.status == 1)
        #expect(bad.stderr == "entente: \(weight):3: weight 'abc' is not a finite number greater than 0\n")
    }

    @Test func versionIsTheLibrarysVersion() throws {
        let result = try runEntente(["--version"])
        #expect(result.status == 0)
        let source = try String(contentsOf: packageRoot.appendingPathComponent("Sources/Entente/Model/EntenteVersion.swift"),
                                encoding: .utf8)
        let version = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!version.isEmpty && source.contains("public static let current = \"\(version)\""))
    }
}
