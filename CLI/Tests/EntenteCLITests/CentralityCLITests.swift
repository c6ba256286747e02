import Foundation
import Testing

private let pakistan = "Graphs/pakistan.json"
private let florentine = "Tests/EntenteTests/Fixtures/graphs/florentine.json"
private let disconnected = "Tests/EntenteTests/Fixtures/graphs/disconnected.json"
private let directedGraph = "Tests/EntenteTests/Fixtures/graphs/directed.json"

/// The networkx reference values of one case of Tests/EntenteTests/Fixtures/centrality.json.
private func reference(graph: String, measure: String, metric: String?, normalized: Bool? = nil) throws -> [String: Double] {
    let url = packageRoot.appendingPathComponent("Tests/EntenteTests/Fixtures/centrality.json")
    let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    let cases = try #require((root[graph] as? [String: Any])?["cases"] as? [[String: Any]])
    let match = try #require(cases.first { entry in
        entry["measure"] as? String == measure && entry["metric"] as? String == metric
            && entry["includeAdversarial"] as? Bool == false && entry["types"] is NSNull
            && (normalized == nil || (entry["params"] as? [String: Any])?["normalized"] as? Bool == normalized)
    })
    return try #require((match["values"] as? [String: NSNumber])?.mapValues { $0.doubleValue })
}

private func parseJSON(_ result: CLIResult) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
}

@Suite("entente centrality")
struct CentralityCLITests {
    @Test("text table sorted by value, highest first")
    func table() throws {
        let result = try runEntente(["centrality", pakistan, "--measure", "betweenness"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 15)  // header + 14 nodes
        #expect(lines[0].hasPrefix("id ") && lines[0].hasSuffix("betweenness"))
        #expect(lines[1].hasPrefix("PAK ") && lines[1].contains("Pakistan"))
        // Values have six decimals and do not increase down the table.
        let values = lines.dropFirst().compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }
        #expect(values.count == 14)
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(lines[1].hasSuffix(String(format: "%.6f", values[0])))
    }

    @Test("--top says on stderr when its cut falls inside a tie, and the rows stay as they were")
    func topCutInsideATie() throws {
        let cut = try runEntente(["centrality", pakistan, "--measure", "betweenness", "--top", "3"])
        #expect(cut.status == 0)
        #expect(cut.stdout.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
                == ["id", "PAK", "UN", "EU"])
        #expect(cut.stderr == "entente: note: --top 3 cuts a tie: SAARC has the value of EU (0.00641026, rank 3); "
                + "--top 4 shows every node of the tie\n")
        let whole = try runEntente(["centrality", pakistan, "--measure", "betweenness", "--top", "4", "--json"])
        #expect(whole.status == 0 && whole.stderr.isEmpty, "\(whole.stderr)")
    }

    @Test("--top limits the rows")
    func top() throws {
        let result = try runEntente(["centrality", pakistan, "--measure", "pagerank", "--top", "3"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[1].hasPrefix("PAK "))
    }

    @Test("--json values agree with networkx", arguments: [("betweenness", "hops"), ("closeness", "length"),
                                                            ("harmonic", "strength"), ("pagerank", "strength")])
    func json(measure: String, metric: String) throws {
        let result = try runEntente(["centrality", florentine, "--measure", measure, "--metric", metric, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try parseJSON(result)
        #expect(document["measure"] as? String == measure)
        #expect(document["metric"] as? String == metric)
        let values = try #require((document["values"] as? [String: NSNumber])?.mapValues { $0.doubleValue })
        let expected = try reference(graph: "florentine", measure: measure,
                                     metric: measure == "pagerank" ? nil : metric,
                                     normalized: measure == "betweenness" ? true : nil)
        #expect(Set(values.keys) == Set(expected.keys))
        for (id, value) in expected {
            #expect(abs((values[id] ?? .nan) - value) <= max(1e-9, 1e-6 * abs(value)), "\(id)")
        }
        // Keys in id order.
        let keyOrder = result.stdout.components(separatedBy: "\"values\":{")[1]
            .split(separator: ",").compactMap { $0.split(separator: "\"").first.map(String.init) }
        #expect(keyOrder == keyOrder.sorted())
    }

    @Test("--raw gives networkx's unnormalized betweenness; edge keys are sorted id pairs")
    func rawAndEdges() throws {
        let raw = try runEntente(["centrality", florentine, "--measure", "betweenness", "--metric", "hops", "--raw", "--json"])
        let values = try #require((try parseJSON(raw)["values"] as? [String: NSNumber])?.mapValues { $0.doubleValue })
        let expected = try reference(graph: "florentine", measure: "betweenness", metric: "hops", normalized: false)
        #expect(abs((values["Medici"] ?? 0) - (expected["Medici"] ?? 1)) < 1e-9)

        let edges = try runEntente(["centrality", florentine, "--measure", "edge-betweenness", "--metric", "hops", "--json"])
        #expect(edges.status == 0)
        let edgeValues = try #require((try parseJSON(edges)["values"] as? [String: NSNumber])?.mapValues { $0.doubleValue })
        let expectedEdges = try reference(graph: "florentine", measure: "edge-betweenness", metric: "hops")
        #expect(Set(edgeValues.keys) == Set(expectedEdges.keys))
        for (key, value) in expectedEdges {
            #expect(abs((edgeValues[key] ?? .nan) - value) <= max(1e-9, 1e-6 * abs(value)), "\(key)")
        }
    }

    @Test("--csv prints a header and the table's rows")
    func csv() throws {
        let result = try runEntente(["centrality", pakistan, "--measure", "degree", "--csv", "--top", "2"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0] == "id,label,degree")
        #expect(lines[1].hasPrefix("PAK,Pakistan,"))
    }

    @Test("all: one column per node measure, rows by id; a failing measure is n/a")
    func all() throws {
        let result = try runEntente(["centrality", disconnected, "--measure", "all", "--metric", "hops"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: " ").map(String.init)
        #expect(header == ["id", "label", "degree", "strength", "closeness", "harmonic", "betweenness", "eigenvector",
                           "pagerank", "katz"])
        let ids = lines.dropFirst().compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(ids == ids.sorted() && ids.count == 9)
        #expect(lines[1].contains("n/a"))
        #expect(result.stderr.contains("eigenvector: the graph is not connected"))

        let json = try runEntente(["centrality", disconnected, "--measure", "all", "--metric", "hops", "--json"])
        let document = try parseJSON(json)
        #expect(document["metric"] as? String == "hops")
        let measures = try #require(document["measures"] as? [String: Any])
        #expect(measures["eigenvector"] is NSNull)
        let degree = try #require((measures["degree"] as? [String: NSNumber])?.mapValues { $0.doubleValue })
        let expected = try reference(graph: "disconnected", measure: "degree", metric: nil)
        #expect(degree == expected)

        let directedAll = try runEntente(["centrality", directedGraph, "--measure", "all", "--csv"])
        #expect(directedAll.stdout.hasPrefix("id,label,degree,in-degree,out-degree,strength,closeness,"))

        let csv = try runEntente(["centrality", pakistan, "--measure", "all", "--csv"])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("id,label,degree,strength,closeness,harmonic,betweenness,eigenvector,pagerank,katz\n"))
    }

    @Test("bad input: a clear line and the right exit code", arguments: [
        (["--measure", "fame"], Int32(64), "unknown measure 'fame'"),
        (["--measure", "degree", "--metric", "miles"], 64, "unknown metric 'miles'"),
        (["--measure", "degree", "--top", "0"], 64, "--top must be at least 1"),
        (["--measure", "degree", "--json", "--csv"], 64, "--json and --csv cannot be used together"),
        (["--measure", "pagerank", "--alpha", "1.5"], 64, "--alpha for pagerank must be between 0 and 1"),
        (["--measure", "katz", "--alpha", "0"], 64, "--alpha must be a positive number"),
        // networkx: max(numpy.linalg.eigvalsh(to_numpy_array(G))) = 28.564387… on the cooperative edges.
        // An explicit alpha past 1/λmax keeps its error; the default (0.9/λmax) converges.
        (["--measure", "katz", "--alpha", "0.1"], 1, "katz: alpha 0.1 is not below 1/λmax = 0.0350086 (λmax 28.5644)"),
        (["--measure", "all", "--top", "3"], 64, "--top needs a single measure"),
        (["--measure", "in-degree"], 1, "in-degree: the graph is undirected (every edge counts both ways); use degree"),
    ])
    func badInput(arguments: [String], status: Int32, message: String) throws {
        let result = try runEntente(["centrality", pakistan] + arguments)
        #expect(result.status == status)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("eigenvector on a disconnected graph fails and names the measure")
    func ambiguousEigenvector() throws {
        let result = try runEntente(["centrality", disconnected, "--measure", "eigenvector"])
        #expect(result.status == 1)
        #expect(result.stderr == "entente: \(disconnected): eigenvector: the graph is not connected: the leading eigenvector is not unique "
                + "(--largest-component analyses the largest connected component alone)\n")
        #expect(result.stdout.isEmpty)
    }

    @Test("a graph without nodes fails")
    func emptyGraph() throws {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("empty.json")
        try Data(#"{"name": "empty", "directed": false, "nodes": [], "edges": []}"#.utf8).write(to: file)
        let result = try runEntente(["centrality", file.path, "--measure", "degree"])
        #expect(result.status == 1)
        #expect(result.stderr == "entente: \(file.path): the graph has no nodes\n")
    }
}

@Test("a filter that leaves no edge is an error, not a table of zeros")
func emptyFilteredView() throws {
    let csv = Data("source,target,type,polarity\nA,B,security,adversarial\n".utf8)
    let result = try runEntente(["centrality", "-", "--format", "csv", "--measure", "degree"], stdin: csv)
    #expect(result.status == 1)
    #expect(result.stderr == "entente: -: no cooperative edges in the graph\n")
    let typed = try runEntente(["centrality", "-", "--format", "csv", "--measure", "degree", "--include-adversarial",
                                "--types", "economic"], stdin: csv)
    #expect(typed.status == 1)
    #expect(typed.stderr == "entente: -: no economic edges in the graph\n")
    let all = try runEntente(["centrality", "-", "--format", "csv", "--measure", "degree", "--include-adversarial"], stdin: csv)
    #expect(all.status == 0)
    #expect(all.stdout.contains("A   A      1.000000"))
}
