import Foundation
import Testing
@testable import Entente

/// A value that writes its compact JSON itself (`CompactJSONWritable`) writes the bytes its
/// `Encodable` conformance gives through the encoder's tree.
@Suite struct CompactJSONTests {
    /// The tree path's bytes: the document the value encodes, written compactly.
    private func treeBytes(_ value: some Encodable) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try EntenteJSONEncoder().document(value).write(into: &bytes, indent: 0, pretty: false)
        return bytes
    }

    /// Names that need escaping, years, spells open at either end, custom kinds, aliases, and
    /// strengths whole and fractional; then the seed graphs and the COW state system.
    @Test func nodeListWritesWhatItsEncodingGives() throws {
        var odd = RelationGraph(name: "odd")
        try odd.addNode(Node(id: "Q\"uote", label: "back\\slash\nline \u{2028} é", kind: NodeKind("bloc"),
                             aliases: ["a\"b", "tab\there", "\u{1}"]))
        try odd.addNode(Node(id: "years", since: 1816, until: 1945))
        try odd.addNode(Node(id: "spells", since: 1816, until: 2014,
                             spells: [Spell(since: 1816, until: 1900), Spell(since: 1919, until: 2014)]))
        try odd.addNode(Node(id: "open", spells: [Spell(since: nil, until: 1900), Spell(since: 1950, until: nil)]))
        try odd.addNode(Node(id: "lonely"))
        try odd.addEdge(from: "Q\"uote", to: "years", weight: 0.125)
        try odd.addEdge(from: "years", to: "spells", weight: 2)
        try odd.addEdge(from: "spells", to: "open", type: .security, weight: 1e-7, polarity: .adversarial)
        var graphs = [odd, try sampleGraph()]
        for name in ["pakistan.json", "awaam-agenda.json", "world/security.json"] {
            graphs.append(try RelationGraph(contentsOf: packageRootDirectory.appendingPathComponent("Graphs/\(name)").path))
        }
        for graph in graphs {
            for filter in [RelationFilter.cooperative, RelationFilter.everything] {
                let list = try graph.nodeList(filter: filter)
                let direct = try EntenteJSONEncoder().encodedBytes(list)
                #expect(String(decoding: direct, as: UTF8.self) == String(decoding: try treeBytes(list), as: UTF8.self),
                        "\(graph.name)")
                #expect(try EntenteJSONEncoder().encode(list) == String(decoding: direct, as: UTF8.self))
            }
        }
        // Pretty output still goes through the tree.
        let list = try odd.nodeList()
        #expect(try EntenteJSONEncoder(pretty: true).encode(list).contains("\n    {"))
    }
}
