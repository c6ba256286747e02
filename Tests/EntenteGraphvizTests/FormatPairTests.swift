import Entente
import EntenteGraphviz
import Foundation
import Testing

/// JSON → every format → JSON, on both seed graphs and a graph of hostile names: the native JSON
/// written from the file read back equals the original's, or differs only by a loss that the
/// format states (GEXF: the sources table, listed by id alone and counted in
/// ``RelationGraph/sourcesListedByID``; CSV: evidence and the sources table, which the edge list
/// does not hold, as `convert` says, and the name, which is the file's).
@Suite struct FormatPairTests {
    /// The hostile graph with a sources table that lists every source its evidence cites.
    static func hostileWithSources() throws -> RelationGraph {
        var graph = try hostileGraph()
        graph.sources = hostileNames.dropLast().map { Source(id: "src-\($0)", title: "Title \($0)", citation: "cite \"\($0)\"\n2") }
        return graph
    }

    static let graphs: [String] = ["pakistan", "awaam-agenda", "hostile"]

    private func graph(_ name: String) throws -> RelationGraph {
        name == "hostile" ? try Self.hostileWithSources() : try realGraph(name)
    }

    @Test(arguments: graphs, [GraphFormat.json, .graphml, .dot, .gexf, .csv])
    func aGraphComesBackThroughEveryFormat(_ name: String, _ format: GraphFormat) throws {
        let original = try graph(name)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("entente-pairs-\(getpid())-\(name)-\(format.rawValue)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("graph.\(format.rawValue)").path
        var back: RelationGraph
        if format == .csv {
            let table = try original.writeCSV(to: path)
            back = try RelationGraph(contentsOf: path, options: ReadOptions(nodeTable: table))
        } else {
            try original.write(to: path)
            back = try RelationGraph(contentsOf: path, options: ReadOptions())
        }
        // The native JSON written from what came back is read back by Entente's own (strict) reader.
        let json = NativeJSON.write(back)
        let reread = try NativeJSON.read(Array(json.utf8), file: "back.json")
        #expect(NativeJSON.write(reread) == json)

        var expected = original
        switch format {
        case .json, .graphml, .dot:
            #expect(back.sourcesListedByID == 0)
        case .gexf:
            let cited = Set(original.edges.flatMap { $0.evidence.map(\.source) })
            expected.sources = original.sources.filter { cited.contains($0.id) }.map { Source(id: $0.id, title: $0.id) }
            #expect(back.sourcesListedByID == expected.sources.count)
            // Listed in the order evidence first cites them.
            var order: [String] = []
            for edge in original.edges { for evidence in edge.evidence where !order.contains(evidence.source) { order.append(evidence.source) } }
            expected.sources = order.map { Source(id: $0, title: $0) }
        case .csv:
            expected = RelationGraph(name: "graph", directed: original.isDirected)
            for type in original.declaredTypes { expected.declare(type: type) }
            for kind in original.declaredKinds { expected.declare(kind: kind) }
            for node in original.nodes { try expected.addNode(node) }
            for var edge in original.edges {
                edge.evidence = []
                try expected.addEdge(edge)
            }
        }
        #expect(json == NativeJSON.write(expected))
    }

    /// Ids that two formats' writers used to merge: `a\"b>` (an odd backslash before a quote, with
    /// an unbalanced `>`) has no DOT string, and `x\u{1}` has no XML form.
    static func collidingGraph(dropping dropped: Set<String> = []) throws -> RelationGraph {
        var graph = RelationGraph(name: "collisions")
        let ids = ["a\\\"b>", "a\\\\\"b>", "plain", "cr\rlabel", "x\u{1}", "x"].filter { !dropped.contains($0) }
        for id in ids { try graph.addNode(Node(id: id, label: id)) }
        for position in 0..<ids.count - 1 { try graph.addEdge(Edge(source: ids[position], target: ids[position + 1], note: ids[position])) }
        return graph
    }

    @Test func aWriterNeverChangesAName() throws {
        let graph = try Self.collidingGraph()
        #expect(graph.nodes.count == 6)
        do {
            _ = try DOTWriter.write(graph)
            Issue.record("DOT wrote an id it cannot hold")
        } catch {
            #expect(error.description.hasPrefix("node id 'a\\\"b>' is not text DOT can hold"))
        }
        for format in [GraphFormat.graphml, .gexf] {
            do {
                _ = try graph.text(as: format)
                Issue.record("\(format) wrote an id it cannot hold")
            } catch {
                #expect(error.description.hasPrefix("node id 'x\u{1}' is not text \(format == .gexf ? "GEXF" : "GraphML") can hold"))
            }
        }
        // What each format can hold comes back exactly: carriage returns in labels, an even run of
        // backslashes before a quote.
        for (format, dropped) in [(GraphFormat.dot, Set(["a\\\"b>"])), (.graphml, ["x\u{1}"]), (.gexf, ["x\u{1}"])] {
            let writable = try Self.collidingGraph(dropping: dropped)
            let text = try writable.text(as: format)
            let back: RelationGraph
            switch format {
            case .dot: back = try DOTReader.read(Array(text.utf8), file: "c.dot")
            case .graphml: back = try GraphMLReader.read(Array(text.utf8), file: "c.graphml")
            default: back = try GEXFReader.read(Array(text.utf8), file: "c.gexf")
            }
            #expect(back.nodes.map(\.id) == writable.nodes.map(\.id), "\(format)")
            #expect(back.nodes.map(\.label) == writable.nodes.map(\.label), "\(format)")
            #expect(back.edges.map(\.note) == writable.edges.map(\.note), "\(format)")
        }
    }

    /// A diagram draws every node, even one whose id no DOT string holds.
    @Test func aDiagramDrawsEveryNode() throws {
        let svg = try Renderer.render(try Diagram(try Self.collidingGraph()), as: .svg, layout: .dot)
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.components(separatedBy: "class=\"node\"").count - 1 == 6)
    }
}
