import Entente
import Foundation
import Testing

/// The id-keyed library API: what a Swift developer embedding Entente writes.
@Suite struct LibraryAPITests {
    static let graphs = ["pakistan", "awaam-agenda"]

    func seedGraph(_ name: String) throws -> RelationGraph {
        try RelationGraph(contentsOf: repositoryFile("Graphs/\(name).json"))
    }

    @Test(arguments: graphs)
    func codableGivesTheSameGraphAsTheNativeReader(_ name: String) throws {
        let read = try seedGraph(name)
        let decoded = try JSONDecoder().decode(RelationGraph.self, from: Data(contentsOf: URL(fileURLWithPath: repositoryFile("Graphs/\(name).json"))))
        #expect(decoded == read)
        let reencoded = try JSONDecoder().decode(RelationGraph.self, from: JSONEncoder().encode(read))
        #expect(reencoded == read)
        // Entente's own encoder writes the native file format byte for byte.
        #expect(try EntenteJSONEncoder(pretty: true).encode(read) + "\n" == NativeJSON.write(read))
    }

    /// Documents the strict reader rejects: `JSONDecoder` rejects each too, with the same problem
    /// (#22 bug 5: decoding accepted undeclared types and unknown members).
    static let rejected: [(String, String)] = [
        (#"{"nodes": [{"id": "A"}, {"id": "B"}], "edges": [{"source": "A", "target": "B", "type": "econmic"}]}"#,
         #"type 'econmic' is not built in and not declared in "types""#),
        (#"{"nodes": [{"id": "A", "kind": "empire"}], "edges": []}"#,
         #"kind 'empire' is not built in and not declared in "kinds""#),
        (#"{"nodes": [{"id": "A"}, {"id": "B"}], "edges": [{"source": "A", "target": "B", "colour": "red"}]}"#,
         "unknown field 'edge.colour'"),
        (#"{"nodes": [{"id": "A", "flag": "x"}], "edges": []}"#, "unknown field 'node.flag'"),
        (#"{"nodes": [], "edges": [], "extra": 1}"#, "unknown field 'graph.extra'"),
        (#"{"nodes": []}"#, "missing required field 'graph.edges'"),
        (#"{"nodes": [{"label": "A"}], "edges": []}"#, "missing required field 'node.id'"),
        (#"{"nodes": [{"id": " "}], "edges": []}"#, "node.id ' ' is not a non-empty string"),
        (#"{"nodes": [{"id": "A", "since": 1945.5}], "edges": []}"#, "node.since '1945.5' is not a whole year"),
        (#"{"nodes": [{"id": "A", "spells": [{"since": 1900, "until": 1910, "x": 1}]}], "edges": []}"#, "unknown field 'spell.x'"),
        (#"{"sources": [{"id": "s"}, {"id": "s"}], "nodes": [], "edges": []}"#, "source.id 's' is not unique"),
        (#"{"sources": [{"id": "s"}], "nodes": [{"id": "A"}, {"id": "B"}], "edges": [{"source": "A", "target": "B", "evidence": [{"source": "t", "quote": "q"}]}]}"#,
         #"evidence.source 't' is not the id of a source listed in "sources""#),
        (#"{"nodes": [{"id": "A"}, {"id": "B"}], "edges": [{"source": "A", "target": "B", "polarity": "hostile"}]}"#,
         "polarity 'hostile' is not cooperative or adversarial"),
        (#"{"nodes": [{"id": "A"}, {"id": "B"}], "edges": [{"source": "A", "target": "B", "weight": -1}]}"#,
         "weight '-1' is not a finite number greater than 0"),
        (#"{"nodes": [{"id": "A"}], "edges": [{"source": "A", "target": "Z"}]}"#, "edge references unknown node 'Z'"),
    ]

    @Test(arguments: rejected)
    func decodingRejectsWhatTheReaderRejects(_ document: String, _ problem: String) throws {
        #expect(throws: GraphError.self) { try NativeJSON.read(Array(document.utf8), file: "x.json") }
        do {
            _ = try NativeJSON.read(Array(document.utf8), file: "x.json")
        } catch {
            #expect(error.problem == problem, "the reader")
            #expect(error.location?.line == 1, "the reader names the line")
        }
        do {
            _ = try JSONDecoder().decode(RelationGraph.self, from: Data(document.utf8))
            Issue.record("JSONDecoder accepted \(document)")
        } catch let error as GraphError {
            #expect(error.problem == problem, "JSONDecoder")
            #expect(error.location == nil, "a decoder has no line to name")
        }
    }

    @Test func onePathQueryByName() throws {
        let graph = try seedGraph("pakistan")
        let path = try #require(try graph.analysis(types: [.economic]).shortestPath(from: "pakistan", to: "european union"))
        #expect(path.nodes == ["PAK", "EU"])
        #expect(path.cost == 0.25 && path.hops == 1)
        #expect(path.edges[0].edge.evidence.first?.quote.contains("GSP+") == true)
        #expect(path.description == "PAK -[economic 4]- EU  cost 0.25")
        #expect(try EntenteJSONEncoder().encode(path) == """
            {"nodes":["PAK","EU"],"cost":0.25,"hops":1,"edges":[{"source":"PAK","target":"EU","type":"economic",\
            "weight":4,"polarity":"cooperative","evidence":[{"source":"article","quote":"Strong commercial ties existed \
            between Pakistan and the EU, particularly during the period of Generalized Scheme of Preferences Plus (GSP+), \
            where duty-free access to the European markets was awarded to Pakistan."},{"source":"article","quote":"An \
            important development partner, the EU supports programs in governance, health, and education."}]}]}
            """)
    }

    @Test func centralityIsKeyedById() throws {
        let betweenness = try seedGraph("pakistan").analysis().centrality(.betweenness)
        #expect(betweenness.top(2).map(\.id) == ["PAK", "UN"])
        #expect(abs((betweenness["PAK"] ?? 0) - 0.621794871794872) < 1e-12)
        #expect(betweenness["ATLANTIS"] == nil)
        #expect(betweenness.first?.id == "PAK")  // file order
        #expect(betweenness.rank(of: "PAK") == 1)
        // EU and SAARC share 0.00641026: top(3) cuts the tie, includingTies keeps it whole (#22).
        #expect(betweenness.top(3).map(\.id) == ["PAK", "UN", "EU"])
        #expect(betweenness.top(3, includingTies: true).map(\.id) == ["PAK", "UN", "EU", "SAARC"])
        #expect(betweenness.top(4, includingTies: true).map(\.id) == ["PAK", "UN", "EU", "SAARC"])
        #expect(betweenness.top(2, includingTies: true).map(\.id) == ["PAK", "UN"])
        #expect(betweenness.top(0, includingTies: true).isEmpty)
        #expect(betweenness.top(99, includingTies: true).count == betweenness.count)
        let edges = try seedGraph("pakistan").analysis().edgeBetweenness()
        #expect(edges[EdgeValues.NodePair("PAK", "CHN")] == edges[EdgeValues.NodePair("CHN", "PAK")])
        #expect(edges[EdgeValues.NodePair("PAK", "CHN")] != nil)
    }

    @Test func unknownNamesSuggestAndFiltersExplainAbsence() throws {
        let graph = try seedGraph("pakistan")
        #expect {
            _ = try graph.analysis().shortestPath(from: "Pakistn", to: "EU")
        } throws: { error in
            "\(error)".hasSuffix("no node named 'Pakistn'; did you mean PAK (Pakistan)?")
        }
        #expect {
            _ = try graph.analysis(kinds: [.state]).shortestPath(from: "RUS", to: "EU")
        } throws: { error in
            "\(error)".hasSuffix("EU is a bloc; the kinds filter (state) leaves it out")
        }
        #expect {
            _ = try graph.analysis(types: ["securty"])
        } throws: { error in
            "\(error)".contains("did you mean 'security'?")
        }
    }

    /// Library errors name the library's settings, never the CLI's flags; a client names them its own
    /// way through `problem(naming:)` (#22: errors spoke in `--kinds`, `--at`, `--lenient`).
    @Test func errorsSpeakInLibraryTerms() throws {
        var graph = RelationGraph(name: "years")
        try graph.addNode(Node(id: "A", since: 1900))
        try graph.addNode(Node(id: "B", since: 1950))
        try graph.addNode(Node(id: "C", kind: .bloc))
        try graph.addNode(Node(id: "D"))
        try graph.addEdge(from: "A", to: "D", type: .security)
        try graph.addEdge(from: "C", to: "D", type: .security)
        var errors: [GraphError] = []
        func record(_ body: () throws -> Void) {
            do { try body() } catch let error as GraphError { errors.append(error) } catch { Issue.record("\(error)") }
        }
        record { _ = try graph.analysis(at: 1920).shortestPath(from: "A", to: "B") }
        record { _ = try graph.analysis(kinds: [.state]).shortestPath(from: "A", to: "C") }
        record { _ = try graph.analysis().centrality(.eigenvector) }
        record { _ = try RelationGraph(contentsOf: "-") }
        var late = graph
        record {
            try late.addEdge(Edge(source: "A", target: "B", type: .security, since: 1920))
            try late.checkTieYears()
        }
        #expect(errors.count == 5)
        for error in errors {
            #expect(!error.problem.contains("--"), "\(error.problem)")
            #expect(error.problem(naming: { _ in "<setting>" }).contains("<setting>"), "\(error.problem)")
        }
        #expect(errors[0].problem == "B does not exist in 1920 (it exists 1950–); the year filter (1920) leaves it out")
        #expect(errors[1].problem == "C is a bloc; the kinds filter (state) leaves it out")
        #expect(errors[2].problem.hasSuffix("(the largest-component filter (RelationFilter.largestComponent) analyses the largest connected component alone)"))
    }

    @Test func buildingInCodeValidates() throws {
        var graph = RelationGraph(name: "built")
        try graph.addNode(Node(id: "A"))
        try graph.addNode(Node(id: "B"))
        #expect(throws: GraphError.duplicateNode(nil, id: "A")) { try graph.addNode(Node(id: "A")) }
        #expect(throws: GraphError.unknownNode(nil, id: "C")) { try graph.addEdge(from: "A", to: "C") }
        #expect(throws: GraphError.selfLoop(nil, id: "A")) { try graph.addEdge(from: "A", to: "A") }
        #expect(throws: GraphError.invalidWeight(nil, value: "0")) { try graph.addEdge(from: "A", to: "B", weight: 0) }
        try graph.addEdge(from: "A", to: "B", weight: 2)
        #expect(graph.edges.map(\.source) == ["A"])
    }

    @Test func writeIsAtomicAndKeepsPermissions() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("entente-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let graph = try seedGraph("pakistan")
        let target = directory.appendingPathComponent("copy.json").path
        try graph.write(to: target)
        #expect(try RelationGraph(contentsOf: target) == graph)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target)
        try graph.write(to: target, format: .json)
        let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["copy.json"])
    }
}

/// A file of the repository, by its path from the package root.
private func repositoryFile(_ path: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(path).path
}

@Test func readmeQuotesTheCompiledQuickStart() throws {
    // The quick start is a whole main.swift that `make test` builds and runs, at most 8 lines.
    let example = try String(contentsOfFile: repositoryFile("Examples/Sources/quick-start/main.swift"), encoding: .utf8)
    let readme = try String(contentsOfFile: repositoryFile("README.md"), encoding: .utf8)
    let lines = example.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count <= 8)
    #expect(lines.first == "import Entente")
    #expect(readme.contains("```swift\n" + example + "```\n"))
}

/// A graph built in one validated step refuses a misspelt type or kind with did-you-mean, as the
/// JSON reader does; nodes and edges can be removed (#22, what a new embedder hit).
@Suite struct BuildingAndRemovingTests {
    @Test func theBulkInitialiserRefusesAMisspeltType() throws {
        let graph = try RelationGraph(name: "South Asia", types: ["membership"], nodes: [
            Node(id: "PAK", label: "Pakistan"), Node(id: "SAARC", kind: .organization),
        ], edges: [
            Edge(source: "PAK", target: "SAARC", type: "membership"),
        ])
        #expect(graph.nodes.count == 2 && graph.edges.count == 1)
        #expect(graph.relationTypes.map(\.name) == ["economic", "security", "cultural", "membership"])
        do {
            _ = try RelationGraph(types: ["membership"], nodes: [Node(id: "A"), Node(id: "B")],
                                  edges: [Edge(source: "A", target: "B", type: "membrship")])
            Issue.record("a misspelt type was declared")
        } catch {
            #expect(error.description == "unknown edge type 'membrship' (the graph has: economic, security, cultural, "
                    + "membership); did you mean 'membership'?")
        }
        #expect(throws: GraphError.self) {
            try RelationGraph(nodes: [Node(id: "A"), Node(id: "B")], edges: [Edge(source: "A", target: "B", type: "econmic")])
        }
        #expect(throws: GraphError.self) { try RelationGraph(nodes: [Node(id: "A", kind: "sttae")], edges: []) }
        // Evidence must cite a listed source when sources are given, as in a JSON file.
        let cited = Edge(source: "A", target: "B", evidence: [Evidence(source: "nowhere", quote: "q")])
        #expect(throws: GraphError.self) {
            try RelationGraph(sources: [Source(id: "s", title: "S")], nodes: [Node(id: "A"), Node(id: "B")], edges: [cited])
        }
        // The setter-by-setter way still declares what it is given.
        var loose = RelationGraph()
        try loose.addNode(Node(id: "A"))
        try loose.addNode(Node(id: "B"))
        try loose.addEdge(from: "A", to: "B", type: "econmic")
        #expect(loose.relationTypes.contains("econmic"))
    }

    @Test func removingANodeTakesItsEdgesAndKeepsTheRestConsistent() throws {
        var graph = try RelationGraph(contentsOf: repositoryFile("Graphs/pakistan.json"))
        let before = graph.edges.count
        let touching = graph.edges.filter { $0.source == "IND" || $0.target == "IND" }.count
        let (node, edges) = try graph.removeNode("IND")
        #expect(node.id == "IND" && edges.count == touching)
        #expect(graph.edges.count == before - touching && graph.nodes.count == 13)
        #expect(graph[id: "IND"] == nil)
        // Every later node and edge is found at its new position: analyses still run and agree
        // with the same graph built without India.
        for edge in graph.edges {
            #expect(graph.nodes[edge.sourceIndex].id == edge.source && graph.nodes[edge.targetIndex].id == edge.target)
        }
        #expect(try graph.analysis().shortestPath(from: "PAK", to: "USA") != nil)
        var rebuilt = RelationGraph(name: graph.name)
        for type in graph.declaredTypes { rebuilt.declare(type: type) }
        for node in graph.nodes { try rebuilt.addNode(node) }
        for edge in graph.edges { try rebuilt.addEdge(edge) }
        let removed = try graph.analysis().centrality(.betweenness), fresh = try rebuilt.analysis().centrality(.betweenness)
        #expect(removed.map(\.id) == fresh.map(\.id) && removed.map(\.value) == fresh.map(\.value))
        // Names resolve to the new positions; an unknown id says which it might be.
        #expect(try graph.analysis().node(named: "Pakistan").id == "PAK")
        do {
            try graph.removeNode("PAKK")
            Issue.record("an unknown id was removed")
        } catch {
            // Nothing is wrong in the file: the error names no file.
            #expect("\(error)" == "no node named 'PAKK'; did you mean PAK?")
        }
        #expect(graph.nodes.count == 13)
    }

    @Test func removingEdgesByAPredicate() throws {
        var graph = try RelationGraph(contentsOf: repositoryFile("Graphs/pakistan.json"))
        let cultural = graph.edges.filter { $0.type == .cultural }.count
        #expect(cultural > 0)
        #expect(graph.removeEdges { $0.type == .cultural } == cultural)
        #expect(!graph.edges.contains { $0.type == .cultural })
        #expect(graph.removeEdges { _ in false } == 0)
        // The snippet of EmbeddingEntente.
        var region = try RelationGraph(name: "South Asia", types: ["membership"], nodes: [
            Node(id: "PAK", label: "Pakistan"), Node(id: "IND", label: "India"), Node(id: "SAARC", kind: .organization),
        ], edges: [
            Edge(source: "PAK", target: "SAARC", type: "membership"), Edge(source: "IND", target: "SAARC", type: "membership"),
            Edge(source: "PAK", target: "IND", type: .security, weight: 5, polarity: .adversarial),
        ])
        #expect(region.removeEdges { $0.polarity == .adversarial } == 1)
        #expect(try region.removeNode("IND").edges.count == 1)
        #expect(region.nodes.map(\.id) == ["PAK", "SAARC"] && region.edges.count == 1)
    }
}

/// Balance results as typed values, and an evidence item's source (#22, "stringly results").
@Test func balanceResultsAreTypedAndEvidenceLeadsToItsSource() throws {
    let graph = try RelationGraph(contentsOf: repositoryFile("Graphs/pakistan.json"))
    let balance = try graph.structuralBalance()
    let (first, second) = balance.frustration.split
    #expect(first == balance.frustration.camps[0] && second == balance.frustration.camps[1])
    #expect(Set(first).isDisjoint(with: second) && first.count + second.count == graph.nodes.count)
    let frustrated = balance.frustration.frustratedTies
    #expect(frustrated.map { [$0.source, $0.target] } == balance.frustration.frustrated && !frustrated.isEmpty)
    for pair in frustrated {
        let tie = try #require(balance.tie(between: pair.target, and: pair.source))
        #expect(tie.isFrustrated && tie.source == pair.source && tie.target == pair.target)
        let quote = try #require(tie.edges.first?.evidence.first)
        #expect(graph.source(of: quote)?.id == quote.source)
    }
    #expect(balance.triangles.unbalancedTriangles.map { [$0.0, $0.1, $0.2] } == balance.triangles.unbalanced)
    #expect(balance.tie(between: "PAK", and: "Atlantis") == nil)
    #expect(graph.source(of: Evidence(source: "nowhere", quote: "q")) == nil)
}

/// The synchronous API throws `GraphError` by type, after a query as after a read, so that
/// `catch { error.location }` compiles after either (#22).
@Test func queriesThrowGraphErrorByType() throws {
    let graph = try RelationGraph(contentsOf: repositoryFile("Graphs/pakistan.json"))
    do {
        _ = try graph.analysis().shortestPath(from: "Atlantis", to: "PAK")
        Issue.record("an unknown name was found")
    } catch {
        let typed: GraphError = error  // compiles only with typed throws
        #expect(typed.description.contains("Atlantis"))
        // A query error: nothing is wrong in the file, so it names no location, only the graph asked.
        #expect(typed.location == nil)
        #expect(typed.description.hasPrefix("no node named 'Atlantis'"))
        #expect(typed.graphFile != nil && typed.graphFile == graph.file)
    }
    do {
        _ = try graph.analysis(types: ["econmic"]).centrality(.degree)
        Issue.record("an unknown type was accepted")
    } catch {
        let typed: GraphError = error
        #expect(typed.description.contains("econmic"))
    }
    do {
        _ = try RelationGraph(contentsOf: "no/such/file.json")
    } catch {
        let typed: GraphError = error
        #expect(typed.location?.file == "no/such/file.json")
    }
}
