import Foundation
import Testing
@testable import Entente

/// The evidence rule of Graphs/: every edge quotes its source word for word.
///
/// The same check as `../shared/tools/check_evidence.py`, against the copies of the seed documents in
/// `Graphs/seeds/` so that a clone checks itself: whitespace runs and typographic quotes, apostrophes
/// and dashes are normalised, nothing else. Evidence citing an outside reference (a source with a
/// `citation` instead of a `file`) is accepted only on an edge with a `note` saying why it is there.
@Suite struct EvidenceTests {
    static let graphNames = ["pakistan.json", "awaam-agenda.json"]

    /// The comparison form of a text: typographic marks made plain, whitespace runs made one space.
    static func normalised(_ text: String) -> String {
        var plain = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !plain.isEmpty
                continue
            }
            if pendingSpace { plain.append(" ") }
            pendingSpace = false
            switch scalar {
            case "\u{2018}", "\u{2019}": plain.append("'")
            case "\u{201C}", "\u{201D}": plain.append("\"")
            case "\u{2013}", "\u{2014}": plain.append("-")
            default: plain.append(scalar)
            }
        }
        return String(plain)
    }

    static func graph(_ name: String) throws -> RelationGraph {
        let url = packageRootDirectory.appendingPathComponent("Graphs/\(name)")
        return try NativeJSON.read(Array(try Data(contentsOf: url)), file: "Graphs/\(name)")
    }

    @Test(arguments: graphNames)
    func everyEdgeQuotesItsSource(_ name: String) throws {
        let graph = try Self.graph(name)
        var seeds: [String: String] = [:]
        for source in graph.sources {
            guard let file = source.file else {
                #expect(!(source.citation ?? "").isEmpty, "\(name): source \(source.id) has neither file nor citation")
                continue
            }
            let url = packageRootDirectory.appendingPathComponent("Graphs/seeds/\(file)")
            seeds[source.id] = Self.normalised(try String(contentsOf: url, encoding: .utf8))
        }
        #expect(!seeds.isEmpty, "\(name) cites no seed document")
        var seedEdges = 0
        for (index, edge) in graph.edges.enumerated() {
            let label = "\(name): edge \(index) \(edge.source)-\(edge.target) (\(edge.type))"
            #expect(!edge.evidence.isEmpty, "\(label): no evidence")
            var fromSeed = false
            for evidence in edge.evidence {
                if let seed = seeds[evidence.source] {
                    let quote = Self.normalised(evidence.quote)
                    #expect(!quote.isEmpty && seed.contains(quote), "\(label): quote not found verbatim: \(evidence.quote)")
                    fromSeed = true
                } else {
                    #expect(!(edge.note ?? "").isEmpty, "\(label): cites \(evidence.source) but has no note saying why")
                }
            }
            if fromSeed { seedEdges += 1 }
        }
        // The seed-derived edges are the core of each graph.
        #expect(seedEdges * 2 >= graph.edges.count, "\(name): only \(seedEdges) of \(graph.edges.count) edges quote a seed")
    }

    @Test func seedCopiesMatchTheSharedSeeds() throws {
        // When the shared seed folder is next to this clone, the copies in Graphs/seeds must equal it.
        let shared = packageRootDirectory.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        for name in ["000_823396fff7b74d69.txt", "002_8f49d3cdf4e045be.txt"] {
            let copy = try Data(contentsOf: packageRootDirectory.appendingPathComponent("Graphs/seeds/\(name)"))
            #expect(!copy.isEmpty)
            let original = shared.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: original.path) {
                #expect(try Data(contentsOf: original) == copy, "\(name) differs from the shared seed")
            }
        }
    }

    @Test func normalisationMatchesTheSharedChecker() {
        #expect(Self.normalised("  it\u{2019}s  an \u{201C}all\u{2013}weather\u{201D}\n friendship ") == "it's an \"all-weather\" friendship")
        #expect(!Self.normalised("China-Pakistan Economic Corridor").contains(Self.normalised("China Pakistan")))
    }
}
