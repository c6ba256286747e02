import Foundation
import Testing
@testable import Entente

/// Guards against output that grows quadratically with its size, as `--json` once did: every
/// key of an object was looked up among the members already encoded, so 100,000 node values took
/// 10 s where the table took 0.8 s.
///
/// Not a timed test: no assertion is made about how long anything takes, only about how the time
/// grows. Each case sets one run at 10·n against ten runs at n (the fastest of five of each) and
/// expects the ratio to stay below 3: a linear writer gives about 1, an n log n one about 1.3, a
/// quadratic one about 10. The encoder this replaced gives 9.2 for the wide object, 7.2 for the deep
/// one and 7.7 for node values (measured with it put back, 2026-12-03), so those three fail on it.
@Suite(.serialized) struct OutputScalingTests {
    /// The fastest of five runs of `body`, in seconds.
    private func fastest(_ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<5 {
            let start = ContinuousClock.now
            try body()
            let elapsed = ContinuousClock.now - start
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        return best
    }

    /// How much longer one run of `body(10·n)` takes than ten runs of `body(n)`: about 1 when the work
    /// grows linearly, about 10 when it grows quadratically. Both sides do the same amount of linear
    /// work, so a busy machine slows them alike.
    private func growth(from n: Int, _ body: (Int) throws -> Void) rethrows -> Double {
        try body(n)  // warm up caches and lazily built state
        let small = try fastest { for _ in 0..<10 { try body(n) } }
        let large = try fastest { try body(10 * n) }
        return large / max(small, 1e-9)
    }

    /// An object of `count` members, encoded as `--json` encodes node values.
    private struct WideObject: Encodable {
        var count: Int
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyCodingKey.self)
            for index in 0..<count { try container.encode(Double(index) / 7, forKey: AnyCodingKey("n\(index)")) }
        }
    }

    /// An object nested `depth` levels deep.
    private struct DeepObject: Encodable {
        var depth: Int
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyCodingKey.self)
            if depth > 0 { try container.encode(DeepObject(depth: depth - 1), forKey: AnyCodingKey("inner")) }
            try container.encode(depth, forKey: AnyCodingKey("depth"))
        }
    }

    @Test func anObjectOfManyMembersEncodesInLinearTime() throws {
        let ratio = try growth(from: 3_000) { count in _ = try EntenteJSONEncoder().encode(WideObject(count: count)) }
        #expect(ratio < 3, "10x the members took \(ratio * 10)x the time")
    }

    @Test func aLongArrayEncodesInLinearTime() throws {
        let ratio = try growth(from: 2_000) { count in
            _ = try EntenteJSONEncoder(pretty: true).encode((0..<count).map { ["id": "n\($0)", "value": "\($0)"] })
        }
        #expect(ratio < 3, "10x the items took \(ratio * 10)x the time")
    }

    @Test func deepNestingEncodesInLinearTime() throws {
        // Each level copied the coding path of its parent: O(depth²) in all.
        let ratio = try growth(from: 300) { depth in _ = try EntenteJSONEncoder().encode(DeepObject(depth: depth)) }
        #expect(ratio < 3, "10x the depth took \(ratio * 10)x the time")
    }

    @Test func nodeValuesOfABigGraphEncodeInLinearTime() throws {
        var graphs: [Int: RelationGraph] = [:]
        for count in [1_000, 10_000] { graphs[count] = try chain(nodes: count) }
        let ratio = try growth(from: 1_000) { count in
            guard let graph = graphs[count] else { return }
            let values = try graph.analysis().centrality(.degree)
            _ = try EntenteJSONEncoder().encode(values)
        }
        #expect(ratio < 3, "10x the nodes took \(ratio * 10)x the time")
    }

    @Test(arguments: [GraphFormat.json, .csv, .dot, .graphml, .gexf])
    func everyGraphWriterRunsInLinearTime(format: GraphFormat) throws {
        var graphs: [Int: RelationGraph] = [:]
        for count in [400, 4_000] { graphs[count] = try chain(nodes: count) }
        for graph in graphs.values { _ = try graph.text(as: format) }  // writes, so the timed calls below do not fail
        let ratio = growth(from: 400) { count in
            guard let graph = graphs[count] else { return }
            _ = try? graph.text(as: format)
        }
        #expect(ratio < 3, "\(format): 10x the nodes and edges took \(ratio * 10)x the time")
    }

    @Test(arguments: [GraphFormat.json, .csv, .graphml, .gexf])
    func everyGraphReaderRunsInLinearTime(format: GraphFormat) throws {
        var texts: [Int: [UInt8]] = [:]
        for count in [200, 2_000] { texts[count] = Array(try chain(nodes: count).text(as: format).utf8) }
        let ratio = try growth(from: 200) { count in
            guard let bytes = texts[count] else { return }
            switch format {
            case .json: _ = try NativeJSON.read(bytes, file: "chain.json")
            case .csv: _ = try CSVEdgeList.read(bytes, file: "chain.csv")
            case .graphml: _ = try GraphMLReader.read(bytes, file: "chain.graphml")
            case .gexf: _ = try GEXFReader.read(bytes, file: "chain.gexf")
            case .dot: break  // read by EntenteGraphviz through libcgraph
            }
        }
        #expect(ratio < 3, "\(format): reading 10x the nodes and edges took \(ratio * 10)x the time")
    }

    /// A path of `nodes` nodes with two ties between neighbours (economic, and security every third),
    /// every tie with evidence, a year and a note.
    private func chain(nodes: Int) throws -> RelationGraph {
        var graph = RelationGraph(name: "chain")
        graph.sources = [Source(id: "s", title: "Source", citation: "A citation")]
        for index in 0..<nodes {
            try graph.addNode(Node(id: "n\(index)", label: "Node \(index)", aliases: ["alias \(index)"]))
        }
        for index in 1..<nodes {
            try graph.addEdge(Edge(source: "n\(index - 1)", target: "n\(index)", type: .economic, weight: Double(index % 5 + 1),
                                   evidence: [Evidence(source: "s", quote: "Tie number \(index) & <its> \"quote\".")],
                                   since: 1900 + index % 100, note: "note \(index)"))
            if index % 3 == 0 {
                try graph.addEdge(Edge(source: "n\(index - 1)", target: "n\(index)", type: .security, weight: 2,
                                       polarity: .adversarial))
            }
        }
        return graph
    }
}
