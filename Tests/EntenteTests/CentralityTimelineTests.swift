import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Entente
import Testing

/// `Analysis.timeline`: a measure per year through the same filter as `--at`.
@Suite("Centrality timeline")
struct CentralityTimelineTests {
    /// A–B–C holds 2000–2001, C–D from 2001, and nothing in 2002 but a tie ending 2003 between A and D
    /// that starts in 2003 (so 2002 has no tie at all).
    private func yearlyGraph() throws -> RelationGraph {
        var graph = RelationGraph(name: "yearly")
        for id in ["A", "B", "C", "D"] { try graph.addNode(Node(id: id)) }
        try graph.addEdge(Edge(source: "A", target: "B", type: .security, since: 2000, until: 2001))
        try graph.addEdge(Edge(source: "B", target: "C", type: .security, since: 2000, until: 2001))
        try graph.addEdge(Edge(source: "C", target: "D", type: .security, since: 2001, until: 2001))
        try graph.addEdge(Edge(source: "A", target: "D", type: .security, since: 2003, until: 2003))
        return graph
    }

    @Test("betweenness per year equals networkx's on each year's ties; a year without ties is a gap, not 0")
    func betweennessPerYear() async throws {
        // networkx: betweenness_centrality of the ties holding in 2000 (A-B, B-C; D isolated) gives
        // B 1/3; in 2001 (A-B-C-D) B and C 2/3.
        let timeline = try await yearlyGraph().analysis().timeline(.betweenness, years: 2000...2003)
        #expect(timeline.years == [2000, 2001, 2002, 2003])
        #expect(timeline["B", 2000] == 1.0 / 3.0)
        #expect(timeline["B", 2001] == 2.0 / 3.0)
        #expect(timeline["C", 2001] == 2.0 / 3.0)
        #expect(timeline["A", 2000] == 0)
        #expect(timeline["B", 2002] == nil)
        #expect(timeline.gaps.map(\.year) == [2002])
        #expect(timeline.top(2).map(\.id) == ["B", "C"])
        for year in [2000, 2001, 2003] {
            let single = try yearlyGraph().analysis(at: year).centrality(.betweenness)
            for entry in single { #expect(timeline[entry.id, year] == entry.value) }
        }
    }

    @Test("step, bad ranges and edge betweenness")
    func ranges() async throws {
        let analysis = try yearlyGraph().analysis()
        let stepped = try await analysis.timeline(.degree, years: 2000...2003, step: 2)
        #expect(stepped.years == [2000, 2002])
        await #expect(throws: GraphError.self) { try await analysis.timeline(.degree, years: 1990...2001) }
        await #expect(throws: GraphError.self) { try await analysis.timeline(.degree, years: 2000...2001, step: 0) }
        await #expect(throws: GraphError.self) { try await analysis.timeline(.edgeBetweenness, years: 2000...2001) }
    }
}

/// `Analysis.timeline` against networkx on every year of a seeded dated graph
/// (Fixtures/timeline/make_timeline_fixture.py: nodes with years and spells, ties with years,
/// adversarial ties left out, parallel ties merged).
@Suite("Centrality timeline against networkx")
struct CentralityTimelineReferenceTests {
    private struct Expected: Decodable {
        let years: [Int]
        let measures: [String: [String: [String: Double]]]
    }

    @Test("degree, betweenness and pagerank, every node of every year", arguments: [
        (CentralityMeasure.degree, 1e-12), (.betweenness, 1e-12), (.pagerank, 1e-9),
    ])
    func everyYearEqualsNetworkx(_ measure: CentralityMeasure, _ tolerance: Double) async throws {
        let directory = fixturesDirectory.appendingPathComponent("timeline")
        let graph = try RelationGraph(contentsOf: directory.appendingPathComponent("dated.json").path)
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: directory.appendingPathComponent("expected.json")))
        let timeline = try await graph.analysis().timeline(measure, years: 2000...2010)
        #expect(timeline.years == expected.years)
        let reference = try #require(expected.measures[measure.rawValue])
        var compared = 0
        for year in expected.years {
            let values = reference[String(year)] ?? [:]
            for node in graph.nodes {
                if let value = values[node.id] {
                    let actual = try #require(timeline[node.id, year], "\(node.id) in \(year)")
                    #expect(abs(actual - value) <= tolerance, "\(measure) of \(node.id) in \(year): \(actual), networkx \(value)")
                    compared += 1
                } else {
                    // Not in networkx's graph of that year: no value, never 0.
                    #expect(timeline[node.id, year] == nil, "\(node.id) in \(year)")
                }
            }
        }
        #expect(compared > 200)
    }

    @Test("a cancelled sweep ends with CancellationError")
    func cancellation() async throws {
        let graph = try RelationGraph(contentsOf: packageRootDirectory.appendingPathComponent("Graphs/world/security.json").path)
        let analysis = try graph.analysis()
        let task = Task { try await analysis.timeline(.betweenness, years: 1816...2014) }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}

/// The chart of a timeline: one path per series, whose points read back as the timeline's values.
@Suite("Line chart")
struct LineChartTests {
    @Test("the SVG's lines are the values, with gaps, and the bytes are the same every time")
    func linesAreTheValues() throws {
        let chart = LineChart(title: "t <&> \"q\"", yLabel: "value", years: [2000, 2001, 2002, 2003, 2004],
                              series: [.init(id: "A", label: "Alpha", values: [0.5, nil, 0.25, 0.75, 1]),
                                       .init(id: "B&", label: "Beta", values: [nil, 0.1, nil, nil, nil]),
                                       .init(id: "C", label: "Gamma", values: [0, 0, 0, 0, 0])])
        let svg = chart.svg()
        #expect(svg == chart.svg())
        let document = try XMLDocument(data: Data(svg.utf8))
        let paths = try document.nodes(forXPath: "//*[local-name()='path'][@class='series']").compactMap { $0 as? XMLElement }
        #expect(paths.map { $0.attributes?.first(where: { $0.name == "data-id" })?.stringValue } == ["A", "B&", "C"])
        for (path, series) in zip(paths, chart.series) {
            let d = try #require(path.attributes?.first(where: { $0.name == "d" })?.stringValue)
            // Subpaths: a new M after each gap.
            var points: [(Int, Double)] = []
            for token in d.split(separator: " ") {
                let pair = token.dropFirst().split(separator: ",").compactMap { Double($0) }
                let year = try #require(chart.years.min { abs(chart.x(ofYear: $0) - pair[0]) < abs(chart.x(ofYear: $1) - pair[0]) })
                points.append((year, chart.value(atY: pair[1])))
            }
            let expected = zip(chart.years, series.values).compactMap { year, value in value.map { (year, $0) } }
            #expect(points.map(\.0) == expected.map(\.0))
            for (point, value) in zip(points, expected) { #expect(abs(point.1 - value.1) < 1e-4) }
            let runs = d.filter { $0 == "M" }.count
            #expect(runs == (series.id == "A" ? 2 : 1))
        }
        // A lone point between gaps is drawn as a dot.
        #expect(try document.nodes(forXPath: "//*[local-name()='circle'][@class='point']").count == 2)  // A's 2000 and B's 2001
        #expect(try document.nodes(forXPath: "//*[local-name()='text'][@class='label']").count == 3)
    }

    @Test("labels at the right end never overlap")
    func labelsAreApart() throws {
        let series = (0..<6).map { LineChart.Series(id: "N\($0)", label: "N\($0)", values: [1, 1.001]) }
        let chart = LineChart(title: "t", yLabel: "v", years: [1, 2], series: series)
        let document = try XMLDocument(data: Data(chart.svg().utf8))
        let ys = try document.nodes(forXPath: "//*[local-name()='text'][@class='label']").compactMap { (node: XMLNode) -> Double? in
            (node as? XMLElement)?.attributes?.first(where: { $0.name == "y" })?.stringValue.flatMap { Double($0) }
        }.sorted()
        #expect(ys.count == 6)
        for (a, b) in zip(ys, ys.dropFirst()) { #expect(b - a >= 12.9) }
    }
}
