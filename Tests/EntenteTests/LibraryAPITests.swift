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
        let edges = try seedGraph("pakistan").analysis().edgeBetweenness()
        #expect(edges[EdgeValues.Tie("PAK", "CHN")] == edges[EdgeValues.Tie("CHN", "PAK")])
        #expect(edges[EdgeValues.Tie("PAK", "CHN")] != nil)
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
            "\(error)".hasSuffix("EU is a bloc; --kinds state leaves it out")
        }
        #expect {
            _ = try graph.analysis(types: ["securty"])
        } throws: { error in
            "\(error)".contains("did you mean 'security'?")
        }
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
