import Foundation
import Testing
@testable import Entente

/// `difference(from:)` and `merging(_:)`, against `Fixtures/diff.json` (made by
/// `Fixtures/make_diff_fixtures.py`: the diff in plain Python, betweenness by networkx).
@Suite struct ComparisonTests {
    static func seedGraph(_ name: String) throws -> RelationGraph {
        let url = packageRootDirectory.appendingPathComponent("Graphs/\(name)")
        return try NativeJSON.read(Array(try Data(contentsOf: url)), file: "Graphs/\(name)")
    }

    /// The reference case `name` of diff.json, and Entente's diff re-read as Foundation objects.
    static func compare(_ diff: GraphDiff, toCase name: String) throws -> (expected: [String: Any], actual: [String: Any]) {
        let fixture = try #require(try fixtureJSON("diff.json") as? [String: Any])
        let expected = try #require(fixture[name] as? [String: Any])
        let text = try EntenteJSONEncoder().encode(diff)
        let actual = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return (expected, actual)
    }

    /// Checks nodes and ties exactly and the measure within 1e-9, nulls as nulls.
    static func expectMatches(_ diff: GraphDiff, _ name: String) throws {
        let (expected, actual) = try compare(diff, toCase: name)
        #expect(NSDictionary(dictionary: try #require(actual["nodes"] as? [String: Any]))
                    .isEqual(to: try #require(expected["nodes"] as? [String: Any])), "\(name): nodes")
        #expect(NSDictionary(dictionary: try #require(actual["ties"] as? [String: Any]))
                    .isEqual(to: try #require(expected["ties"] as? [String: Any])), "\(name): ties")
        let want = try #require((expected["measure"] as? [String: Any])?["values"] as? [String: [String: Any]])
        let got = try #require((actual["measure"] as? [String: Any])?["values"] as? [String: [String: Any]])
        #expect(Set(want.keys) == Set(got.keys), "\(name): measured nodes")
        for (id, values) in want {
            for side in ["base", "other", "change"] {
                let reference = values[side] as? Double
                let value = got[id]?[side] as? Double
                #expect((reference == nil) == (value == nil), "\(name) \(id) \(side): absent on one side only")
                if let reference, let value { #expect(abs(reference - value) <= 1e-9, "\(name) \(id) \(side)") }
            }
        }
    }

    @Test func aGraphComparedWithItselfIsEmpty() throws {
        for name in ["pakistan.json", "awaam-agenda.json"] {
            let graph = try Self.seedGraph(name)
            let diff = try graph.difference(from: graph, measure: .betweenness)
            #expect(diff.isEmpty)
            #expect(try EntenteJSONEncoder().encode(GraphDiff(base: GraphView(graph), other: GraphView(graph), measure: nil))
                    == #"{"nodes":{"added":[],"removed":[]},"ties":{"added":[],"removed":[],"changed":[],"flipped":[]}}"#)
            #expect(diff.measure?.allSatisfy { $0.change == 0 } == true)
        }
    }

    @Test func handWrittenPairAgreesWithTheReference() throws {
        let diff = try fixtureGraph("diff-other").difference(from: fixtureGraph("diff-base"), measure: .betweenness)
        try Self.expectMatches(diff, "small")
        // Written order is kept (B–A, as the other graph writes it); parallel A–E economic ties pair
        // by polarity first: 2 → 4 is a weight change, the base's other 4 flips to adversarial 1.
        #expect(diff.changedTies.map { "\($0.source)\($0.target) \($0.from)→\($0.to)" } == ["BA 3.0→5.0", "EA 2.0→4.0"])
        #expect(diff.flippedTies.map(\.to) == [.cooperative, .adversarial])
        let absent = try #require(diff.measure?["C"])
        #expect(absent.base == 0 && absent.other == nil && absent.change == nil)
        #expect(diff.measure?["D"]?.base == nil && diff.measure?["D"]?.other == 0)
        // Largest change first, then the nodes present on one side, by id.
        #expect(diff.measure?.map(\.id) == ["B", "A", "E", "C", "D"])
    }

    @Test func seedGraphsAgreeWithTheReference() throws {
        let today = try Self.seedGraph("pakistan.json"), agenda = try Self.seedGraph("awaam-agenda.json")
        let diff = try agenda.difference(from: today, measure: .betweenness)
        try Self.expectMatches(diff, "seed")
        #expect(diff.addedNodes == ["ASEAN", "BIMSTEC", "ECO", "GCC", "WTO"])
        #expect(diff.removedNodes == ["ARE", "OIC", "RUS", "SAU", "TUR", "USA"])
        let counts: [Int] = [diff.addedTies.count, diff.removedTies.count, diff.changedTies.count, diff.flippedTies.count]
        #expect(counts == [12, 37, 2, 1])
        let scenario = try today.merging(agenda)
        try Self.expectMatches(try scenario.graph.difference(from: today, measure: .betweenness), "scenario")
    }

    /// Two years of one graph: the world's security ties seen in 1985 and in 1995, against the
    /// plain-Python diff of the two `--at` views and networkx betweenness in each year.
    @Test func twoYearsOfTheWorldAgreeWithTheReference() throws {
        let world = try Self.seedGraph("world/security.json")
        let diff = try world.difference(fromYear: 1985, toYear: 1995, measure: .betweenness)
        try Self.expectMatches(diff, "world-1985-1995")
        #expect(diff.removedNodes.contains("GDR") && diff.removedNodes.contains("GFR") && diff.addedNodes.contains("GMY"))
        // The same as two --at views compared as two graphs.
        var at1985 = RelationFilter.everything, at1995 = RelationFilter.everything
        at1985.year = 1985
        at1995.year = 1995
        let views = try world.subgraph(at1995).difference(from: try world.subgraph(at1985))
        #expect(try EntenteJSONEncoder().encode(views) == EntenteJSONEncoder().encode(try world.difference(fromYear: 1985, toYear: 1995)))
        #expect(throws: GraphError.self) { try world.difference(fromYear: 1700, toYear: 1995) }
        #expect(throws: GraphError.self) { try Self.seedGraph("pakistan.json").difference(fromYear: 1800, toYear: 2000) }
    }

    @Test func filterChoosesTheTiesComparedAndMayNameATypeOfOneGraph() throws {
        let today = try Self.seedGraph("pakistan.json"), agenda = try Self.seedGraph("awaam-agenda.json")
        let security = try agenda.difference(from: today, filter: RelationFilter(types: [.security]))
        #expect(security.flippedTies.count == 1 && security.changedTies.count == 1)
        #expect(security.addedTies.isEmpty && security.removedTies.count == 6)
        let political = try agenda.difference(from: today, filter: RelationFilter(types: ["political"]))
        #expect(political.addedTies.map(\.target) == ["IND", "UN"] && political.removedTies.isEmpty)
        #expect(throws: GraphError.self) { try agenda.difference(from: today, filter: RelationFilter(types: ["trade"])) }
        // A measure over a view without edges in one graph is an error, as for `entente centrality`.
        #expect(throws: GraphError.self) {
            try agenda.difference(from: today, filter: RelationFilter(types: ["political"]), measure: .degree)
        }
    }

    @Test func directedAndUndirectedGraphsCannotBeCompared() throws {
        let directed = try fixtureGraph("directed"), undirected = try fixtureGraph("relations")
        #expect(throws: GraphError.self) { try directed.difference(from: undirected) }
        #expect(throws: GraphError.self) { try directed.merging(undirected) }
    }

    @Test func mergeReplacesPerPairAndTypeAndKeepsBothEvidence() throws {
        let base = try fixtureGraph("diff-base"), overlay = try fixtureGraph("diff-other")
        let result = try base.merging(overlay)
        let merged = result.graph
        #expect(merged.nodes.map(\.id) == ["A", "B", "C", "E", "D"])
        #expect(merged[id: "B"]?.kind == .state)              // the base's kind is kept
        #expect(merged.knows(type: "political"))
        // Sources: same id, other document: the overlay's is renamed along with its evidence.
        #expect(merged.sources.map(\.id) == ["doc", "doc-2"])
        let economic = try #require(merged.edges.first { $0.type == .economic && Set([$0.source, $0.target]) == ["A", "B"] })
        #expect(economic.weight == 5)
        #expect(economic.evidence.map(\.source) == ["doc-2", "doc"])
        #expect(economic.note == "other Diff base: base")
        let security = try #require(merged.edges.first { $0.type == .security && Set([$0.source, $0.target]) == ["A", "B"] })
        #expect(security.polarity == .cooperative && security.weight == 3)
        #expect(security.note?.contains("Merge conflict: adversarial (weight 2)") == true)
        // The base's A–C and B–C stay; A–E economic is the overlay's pair; A–D is added.
        #expect(merged.edges.count == 8)
        #expect(merged.edges.filter { Set([$0.source, $0.target]) == ["A", "E"] }.map(\.weight) == [4, 1])
        #expect(result.replacedTies == 5 && result.addedTies == 1)
        #expect(result.conflicts.map(\.kind) == [.source, .node, .polarity, .polarity])
        #expect(result.conflicts[1].description == "B: kind state in Diff base, bloc in Diff other; the base's is kept")
        // The merged graph is a valid native file.
        let text = NativeJSON.write(merged)
        let reread = try NativeJSON.read(Array(text.utf8), file: "merged.json")
        #expect(reread.edges.count == merged.edges.count)
        // A merge with itself changes nothing.
        let same = try base.merging(base)
        #expect(same.conflicts.isEmpty && same.graph.edges == base.edges && same.graph.sources == base.sources)
    }

    /// The merged seed graphs keep the evidence rule of Graphs/ (the rule of EvidenceTests and of
    /// `check_evidence.py`): every edge quotes a seed verbatim or cites a reference with a note.
    @Test func mergedSeedGraphsKeepEveryQuote() throws {
        let merged = try Self.seedGraph("pakistan.json").merging(try Self.seedGraph("awaam-agenda.json")).graph
        var seeds: [String: String] = [:]
        var references: Set<String> = []
        for source in merged.sources {
            if let file = source.file {
                let url = packageRootDirectory.appendingPathComponent("Graphs/seeds/\(file)")
                seeds[source.id] = EvidenceTests.normalised(try String(contentsOf: url, encoding: .utf8))
            } else if !(source.citation ?? "").isEmpty {
                references.insert(source.id)
            }
        }
        #expect(seeds.keys.sorted() == ["article", "manifesto"])
        for edge in merged.edges {
            #expect(!edge.evidence.isEmpty)
            for evidence in edge.evidence {
                if let seed = seeds[evidence.source] {
                    let quote = EvidenceTests.normalised(evidence.quote)
                    #expect(quote.count >= 12 && seed.contains(quote), "\(edge.source)-\(edge.target): \(evidence.quote)")
                } else {
                    #expect(references.contains(evidence.source))
                    #expect(!(edge.note ?? "").trimmingCharacters(in: .whitespaces).isEmpty)
                }
            }
        }
    }
}
