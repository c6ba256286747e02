import Entente
import Foundation
import Testing

/// Graphs/world against facts computed from the raw datasets by
/// Fixtures/world/make_world_facts.py (not from the shipped files): states in the system per year,
/// spells, known ties, and the number of pairs tied per layer and year.
@Suite struct WorldGraphTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private struct Facts: Decodable {
        struct Tie: Decodable { let since: Int; let until: Int; let weight: Double }
        struct Rivalry: Decodable { let since: Int; let until: Int; let ids: [String] }
        struct Span: Decodable { let id: String; let since: Int; let until: Int? }
        struct Founders: Decodable { let ties: [String: Tie] }
        let node_count: Int
        let states_in_system: [String: Int]
        let multi_spell_states: [String: [[Int]]]
        let gdr: Span
        let south_sudan: Span
        let india_pakistan_rivalry: Rivalry
        let nato_founders_with_usa_1949: Founders
        let ties_holding: TiesHolding
        struct TiesHolding: Decodable { let alliances, rivalries, disputes, igo: [String: Int] }
    }

    private static func facts() throws -> Facts {
        try JSONDecoder().decode(Facts.self, from: Data(contentsOf: root.appendingPathComponent("Tests/EntenteTests/Fixtures/world/world_facts.json")))
    }

    private static func world(_ name: String) throws -> RelationGraph {
        try RelationGraph(contentsOf: root.appendingPathComponent("Graphs/world/\(name).json").path)
    }

    /// Pairs with at least one tie citing `source` that holds in `year`.
    private static func pairs(in graph: RelationGraph, citing source: String, year: Int) -> Int {
        Set(graph.edges.filter { edge in edge.holds(in: year) && edge.evidence.contains { $0.source == source } }
            .map { [$0.source, $0.target].sorted().joined(separator: "–") }).count
    }

    @Test func statesExistInTheYearsOfTheStateSystem() throws {
        let facts = try Self.facts()
        let security = try Self.world("security")
        #expect(security.nodes.count == facts.node_count)
        for (year, count) in facts.states_in_system {
            let year = try #require(Int(year))
            #expect(security.nodes.filter { $0.exists(in: year) }.count == count, "states in \(year)")
        }
        for (id, spells) in facts.multi_spell_states {
            let node = try #require(security[id: id])
            #expect(node.spells.map { [$0.since ?? 0, $0.until ?? 0] } == spells, "\(id)")
        }
        let gdr = try #require(security[id: facts.gdr.id])
        #expect(gdr.since == 1954 && gdr.until == 1990 && gdr.since == facts.gdr.since && gdr.until == facts.gdr.until)
        let southSudan = try #require(security[id: facts.south_sudan.id])
        #expect(southSudan.since == 2011 && southSudan.since == facts.south_sudan.since)
        #expect(!southSudan.exists(in: 2010) && southSudan.exists(in: 2011))
    }

    @Test func knownTiesAreThere() throws {
        let facts = try Self.facts()
        let security = try Self.world("security")
        let rivalry = facts.india_pakistan_rivalry
        #expect(rivalry.since == 1947)
        let rivalries = security.edges.filter { edge in
            Set([edge.source, edge.target]) == Set(rivalry.ids) && edge.evidence.contains { $0.source == "tdrivalries" }
        }
        #expect(rivalries.count == 1)
        #expect(rivalries.first?.polarity == .adversarial && rivalries.first?.since == rivalry.since && rivalries.first?.until == rivalry.until)
        #expect(facts.nato_founders_with_usa_1949.ties.count == 11)
        for (id, expected) in facts.nato_founders_with_usa_1949.ties {
            let ties = security.edges.filter { edge in
                Set([edge.source, edge.target]) == ["USA", id] && edge.holds(in: 1949) && edge.evidence.contains { $0.source == "atop" }
            }
            #expect(ties.count == 1, "USA–\(id) in 1949")
            #expect(ties.first?.since == expected.since && ties.first?.until == expected.until && ties.first?.weight == expected.weight,
                    "USA–\(id): \(String(describing: ties.first))")
            #expect(ties.first?.since == 1949 && ties.first?.polarity == .cooperative)
        }
    }

    @Test func tiesPerLayerAndYearMatchTheRawData() throws {
        let facts = try Self.facts()
        let security = try Self.world("security")
        let igo = try Self.world("igo")
        let holding = facts.ties_holding
        for (layer, counts, source, graph) in [("alliances", holding.alliances, "atop", security),
                                               ("rivalries", holding.rivalries, "tdrivalries", security),
                                               ("disputes", holding.disputes, "cowmid", security),
                                               ("igo", holding.igo, "cowigo", igo)] {
            #expect(counts.count == 3)
            for (year, count) in counts {
                #expect(Self.pairs(in: graph, citing: source, year: try #require(Int(year))) == count, "\(layer) in \(year)")
            }
        }
    }

    @Test func theViewOfAYearKeepsThatYearsStates() throws {
        let security = try Self.world("security")
        let analysis = try security.analysis(types: [.security], at: 1962)
        #expect(try analysis.centrality(.degree).count == 117)
    }
}
