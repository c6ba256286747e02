import Entente
import EntenteGraphviz
import Foundation
import Testing

/// DOT texts of the kinds Graphviz's own tests use, with the counts Graphviz's `gc -n -e` gives
/// (`Fixtures/make_dot_corpus.py` writes them): Entente must keep exactly those nodes and edges,
/// less the self-loops it leaves out and counts.
@Suite struct DOTCorpusTests {
    struct Case: Decodable {
        var text: String
        var latin1: Bool
        var nodes: Int
        var edges: Int
        var selfLoops: Int
    }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/dot-corpus.json")
        guard let data = try? Data(contentsOf: url), let cases = try? JSONDecoder().decode([Case].self, from: data) else {
            return []
        }
        return cases
    }()

    @Test func corpusIsThere() {
        #expect(Self.cases.count == 300)
        #expect(Self.cases.contains { $0.latin1 } && Self.cases.contains { $0.selfLoops > 0 })
    }

    @Test func countsAgreeWithGraphvizGC() throws {
        var mismatches: [String] = []
        for (index, item) in Self.cases.enumerated() {
            // Latin-1 texts are stored decoded; their bytes are the scalars' low bytes.
            let bytes = item.latin1 ? item.text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) } : Array(item.text.utf8)
            let graph = try DOTReader.read(bytes, file: "corpus-\(index).gv")
            if graph.nodes.count != item.nodes || graph.edges.count + graph.omittedSelfLoops != item.edges
                || graph.omittedSelfLoops != item.selfLoops {
                mismatches.append("#\(index): entente \(graph.nodes.count) nodes, \(graph.edges.count) edges + "
                                  + "\(graph.omittedSelfLoops) loops; gc \(item.nodes) nodes, \(item.edges) edges, \(item.selfLoops) loops")
            }
            if item.selfLoops > 0 {
                #expect(throws: GraphError.self) { try DOTReader.read(bytes, file: "corpus-\(index).gv", strict: true) }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5).joined(separator: "\n"))")
    }
}
