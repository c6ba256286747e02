import Foundation
import Testing
@testable import Entente
import EntenteExact

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// `RelationGraph.balanceTimeline` on the world's security network: the signed network and its
/// triangles per year against networkx (Fixtures/balance-years/make_balance_years_fixture.py), the
/// frustration against highspy (frustration-world.json), and every row against the one-year report.
@Suite struct BalanceTimelineTests {
    private struct Expected: Decodable {
        struct Row: Decodable { let year, nodes, ties, negative, triangles, balanced: Int }
        let years: [Row]
    }

    private func world() throws -> RelationGraph {
        try RelationGraph(contentsOf: root.appendingPathComponent("Graphs/world/security.json").path)
    }

    @Test func yearsAgreeWithNetworkx() async throws {
        let data = try Data(contentsOf: root.appendingPathComponent("Tests/EntenteTests/Fixtures/balance-years/expected.json"))
        let expected = try JSONDecoder().decode(Expected.self, from: data)
        let graph = try world()
        let timeline = try await graph.balanceTimeline(years: 1946...2014, step: 17, solver: CBCSolver())
        #expect(timeline.years.map(\.year) == expected.years.map(\.year))
        #expect(timeline.gaps.isEmpty)
        for (row, want) in zip(timeline.years, expected.years) {
            #expect(row.nodes == want.nodes && row.ties == want.ties && row.negative == want.negative, "\(row.year)")
            #expect(row.triangles == want.triangles && row.balanced == want.balanced, "\(row.year)")
            #expect(row.exact, "\(row.year)")
            // The same as the report of that year alone.
            var filter = RelationFilter.everything
            filter.year = row.year
            let alone = try graph.structuralBalance(of: filter, solver: CBCSolver())
            #expect(row.frustration == alone.frustration.value && row.walk == alone.walk, "\(row.year)")
        }
        #expect(timeline.description.split(separator: "\n").count == 3 + expected.years.count)
    }

    /// The frustration of five years equals highspy's optimum of the same signed networks.
    @Test func frustrationAgreesWithHighspy() async throws {
        let graph = try world()
        struct Case: Decodable { let graph: String; let rule: String; let signs: String; let frustration: Double }
        struct Cases: Decodable { let cases: [Case] }
        let data = try Data(contentsOf: root.appendingPathComponent("Tests/EntenteTests/Fixtures/frustration-world.json"))
        let cases = try JSONDecoder().decode(Cases.self, from: data).cases.filter { $0.rule == "negative-wins" && $0.signs == "unweighted" }
        #expect(cases.count == 5)
        for reference in cases {
            let year = try #require(Int(reference.graph.replacingOccurrences(of: "world-security-", with: "")))
            let value = reference.frustration
            let timeline = try await graph.balanceTimeline(years: year...year, solver: CBCSolver())
            #expect(timeline.years.first?.frustration == value, "\(year)")
            #expect(timeline.years.first?.exact == true, "\(year)")
        }
    }

    @Test func badRangesAreRefused() async throws {
        let graph = try world()
        await #expect(throws: GraphError.self) { try await graph.balanceTimeline(years: 1700...1800) }
        await #expect(throws: GraphError.self) { try await graph.balanceTimeline(years: 1950...1960, step: 0) }
    }
}
