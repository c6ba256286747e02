import Entente
import Foundation
import Testing

/// `print(result)` in a library program reads like the CLI's text output: every public result type
/// describes itself as the matching command prints it, never as its stored properties.
@Suite struct DescriptionTests {
    private func pakistan() throws -> RelationGraph {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try RelationGraph(contentsOf: root.appendingPathComponent("Graphs/pakistan.json").path)
    }

    @Test func communitiesPrintAsTheCommandDoes() throws {
        let communities = try pakistan().analysis().communities()
        #expect("\(communities)" == """
            leiden: modularity 0.112533, 3 communities
            1  CHN EU IRN PAK RUS TUR
            2  AFG IND SAARC UN USA
            3  ARE OIC SAU
            """)
    }

    @Test func centralityPrintsItsTable() throws {
        let hubs = try pakistan().analysis().centrality(.betweenness)
        // What `entente centrality Graphs/pakistan.json --measure betweenness --top 5` prints.
        #expect("\(hubs.limited(to: 5))" == """
            id     label        betweenness
            PAK    Pakistan        0.621795
            UN     UN              0.108974
            EU     EU              0.006410
            SAARC  SAARC           0.006410
            AFG    Afghanistan     0.000000
            """)
        #expect("\(hubs)".split(separator: "\n").count == 15)
        // The entries of top(n), as the quick start prints them.
        #expect("\(hubs.top(3))" == "[PAK (Pakistan) 0.621795, UN 0.108974, EU 0.006410]")
    }

    @Test func balanceSummaryAndNodeTable() throws {
        let balance = try pakistan().structuralBalance()
        let text = "\(balance)"
        #expect(text.hasPrefix("""
            signs:        unweighted (±1 per tie)
            sign rule:    negative-wins
            network:      14 nodes, 35 ties (33 positive, 2 negative)
            triangles:    27: +++ 20, +-- 0, ++- 7, --- 0
            balanced:     20 of 27 (74.07%)
            walk:         0.555464
            frustration:  2 (exact)
            search:       1 block, 0 bridges; cores 14 nodes, 35 ties; branch and bound 1
            """))
        #expect(text.contains("frustrated ties: 2\n"))
        #expect(text.contains("  IND PAK  -5  security 5 adversarial"))
    }

    @Test func everyResultTypeDescribesItselfWithoutItsStorage() throws {
        let graph = try pakistan()
        let analysis = try graph.analysis()
        let descriptions: [String] = [
            "\(graph)",
            "\(try graph.nodeList())",
            "\(try graph.ties(of: "india"))",
            "\(try analysis.centrality(.pagerank))",
            "\(analysis.edgeBetweenness())",
            "\(analysis.centralities([.degree, .strength]))",
            "\(try analysis.communities())",
            "\(try graph.structuralBalance())",
            "\(try analysis.paths(from: "PAK", to: "EU"))",
            "\(GraphSummary(graph))",
            "\(try graph.difference(from: graph))",
            "\(try graph.merging(graph))",
        ]
        for text in descriptions {
            #expect(!text.isEmpty)
            #expect(!text.contains("positionByID") && !text.contains("Entente.") && !text.contains("entries:"), "\(text)")
        }
        #expect(descriptions[0] == "Pakistan's foreign relations: 14 nodes, 45 edges")
        #expect(descriptions[1].hasPrefix("id     label                 kind          degree  strength  aliases\nPAK    Pakistan"))
        #expect(descriptions[2].hasPrefix("IND (India): 5 ties\neconomic (1)"))
        #expect(descriptions[9].hasPrefix("name:        Pakistan's foreign relations\ndirected:    no\nnodes:       14"))
        #expect(descriptions[10].hasPrefix("nodes: 0 added, 0 removed\nties:  0 added"))
        #expect(descriptions[11] == "14 nodes, 45 edges (45 replaced, 0 added), 0 conflicts")
    }
}
