import Foundation
import Testing
@testable import Entente

/// `CommunityTimeline`: the labelling rule across years, and every year equal to its own `--at` run.
@Suite struct CommunityTimelineTests {
    private typealias Bloc = CommunityTimeline.Bloc

    @Test func labelsFollowTheLargestOverlap() {
        var next = 1
        let first = CommunityTimeline.label([["A", "B", "C"], ["D", "E"]], after: [], next: &next)
        #expect(first == [Bloc(label: 1, members: ["A", "B", "C"]), Bloc(label: 2, members: ["D", "E"])])
        #expect(next == 3)
        // The blocs swap sizes: labels follow the members, not the order.
        let second = CommunityTimeline.label([["D", "E", "F", "G"], ["A", "B"]], after: first, next: &next)
        #expect(second == [Bloc(label: 2, members: ["D", "E", "F", "G"]), Bloc(label: 1, members: ["A", "B"])])
        // A split: the larger share (higher Jaccard) keeps the label, the rest is new; a bloc with no
        // overlap is new too, and an unmatched old label (1) is not reused.
        let third = CommunityTimeline.label([["D", "E", "F"], ["X", "Y"], ["G"]], after: second, next: &next)
        #expect(third == [Bloc(label: 2, members: ["D", "E", "F"]), Bloc(label: 3, members: ["X", "Y"]), Bloc(label: 4, members: ["G"])])
        #expect(next == 5)
        // Equal scores: the lower old label wins.
        var fresh = 10
        let tie = CommunityTimeline.label([["A", "B"]], after: [Bloc(label: 7, members: ["B", "C"]), Bloc(label: 3, members: ["A", "D"])],
                                          next: &fresh)
        #expect(tie == [Bloc(label: 3, members: ["A", "B"])])
    }

    @Test func everyYearIsThatYearsCommunities() async throws {
        let world = try RelationGraph(contentsOf: packageRootDirectory.appendingPathComponent("Graphs/world/security.json").path)
        let analysis = try world.analysis(types: [.security])
        let timeline = try await analysis.communityTimeline(years: 1950...2010, step: 20)
        #expect(timeline.years.map(\.year) == [1950, 1970, 1990, 2010])
        for row in timeline.years {
            let alone = try world.analysis(types: [.security], at: row.year).communities()
            #expect(row.blocs.map(\.members) == alone.communities, "\(row.year)")
            #expect(row.modularity == alone.modularity && row.isolated == alone.isolated, "\(row.year)")
            #expect(Set(row.blocs.map(\.label)).count == row.blocs.count, "\(row.year): labels are distinct")
        }
        let shown = timeline.showing(["USA", "GDR"])
        #expect(shown.label(of: "GDR", in: 2010) == nil)  // East Germany is gone
        #expect(shown.label(of: "USA", in: 1970) != nil)
        #expect(shown.description.split(separator: "\n").first == "year  blocs  modularity  USA  GDR")
    }

    /// The library snippets of docs/timeline.md and the StatesInTime article, as written there.
    @Test func documentedSnippetsRun() async throws {
        let graph = try RelationGraph(contentsOf: packageRootDirectory.appendingPathComponent("Graphs/world/security.json").path)
        let world = graph
        let timeline = try await graph.analysis(types: ["security"]).timeline(.betweenness, years: 1946...1990)
        let hubs = timeline.selecting(timeline.top(5).map(\.id))
        let svg = LineChart(hubs, title: "Hubs of the Cold War").svg()
        #expect(hubs.series.count == 5 && svg.components(separatedBy: "class=\"series\"").count - 1 == 5)
        #expect(hubs.description.hasPrefix("year "))
        let blocs = try await world.analysis(types: ["security"]).communityTimeline(years: 1946...2014)
        #expect(blocs.showing(["USA", "RUS", "CHN"]).description.hasPrefix("year  blocs  modularity  USA  RUS  CHN"))
        let endOfColdWar = try world.difference(fromYear: 1985, toYear: 1995, filter: RelationFilter(types: [.security]))
        #expect(endOfColdWar.removedNodes.contains("GDR"))
    }
}
