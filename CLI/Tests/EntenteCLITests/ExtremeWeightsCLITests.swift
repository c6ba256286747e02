import Foundation
import Testing

/// Any finite positive weights give finite results, or a message with the true cause (#23, "numbers
/// in messages"): Graphs/pakistan.json with every weight set to 1e308, 1e-310 or 5e-324.
@Suite struct ExtremeWeightsCLITests {
    /// Graphs/pakistan.json with every edge's weight replaced, in a temporary file; with
    /// `onePerPair`, only the first edge of each pair is kept (no pair's weights add up).
    private func pakistan(weight text: String, onePerPair: Bool = false, in directory: URL) throws -> String {
        let weight = Double(text) ?? .nan  // from text: a literal 5e-324 would warn that it underflows
        let data = try Data(contentsOf: packageRoot.appendingPathComponent("Graphs/pakistan.json"))
        guard var graph = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let edges = graph["edges"] as? [[String: Any]] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        var seen = Set<[String]>()
        graph["edges"] = edges.compactMap { edge -> [String: Any]? in
            let pair = [edge["source"] as? String ?? "", edge["target"] as? String ?? ""].sorted()
            guard !onePerPair || seen.insert(pair).inserted else { return nil }
            var edge = edge
            edge["weight"] = weight
            return edge
        }
        let url = directory.appendingPathComponent("weights-\(text)-\(onePerPair).json")
        try JSONSerialization.data(withJSONObject: graph).write(to: url)
        return url.path
    }

    private func values(_ result: CLIResult) throws -> [String: Double] {
        let object = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
        return object?["values"] as? [String: Double] ?? [:]
    }

    @Test func tinyWeightsGiveTheValuesOfUnitWeights() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let unit = try pakistan(weight: "1", in: directory)
        for weight in ["1e-310", "5e-324", "1e308"] {
            let file = try pakistan(weight: weight, in: directory)
            // Scale-free measures: the same values as with weights of 1.
            for measure in ["pagerank", "eigenvector", "katz", "betweenness"] {
                let expected = try values(runEntente(["centrality", unit, "--measure", measure, "--json"]))
                let result = try runEntente(["centrality", file, "--measure", measure, "--json"])
                #expect(result.status == 0, "\(weight) \(measure): \(result.stderr)")
                let got = try values(result)
                #expect(!got.isEmpty && got.keys == expected.keys, "\(weight) \(measure)")
                for (id, value) in got {
                    #expect(abs(value - (expected[id] ?? .nan)) <= 1e-9, "\(weight) \(measure) \(id)")
                }
                #expect(!result.stderr.contains("null"), "\(weight) \(measure): \(result.stderr)")
            }
        }
        // Strength is the sum of the weights: 5 ties of 5e-324 make 2.5e-323, not an overflow.
        let strength = try runEntente(["centrality", try pakistan(weight: "5e-324", in: directory), "--measure", "strength", "--json"])
        #expect(strength.status == 0, "\(strength.stderr)")
        #expect(try values(strength)["AFG"] == 5 * Double.leastNonzeroMagnitude)
        // Katz's default alpha for tiny weights is beyond the largest finite number: said so, not "null".
        let katz = try runEntente(["centrality", try pakistan(weight: "5e-324", in: directory), "--measure", "katz", "--top", "1"])
        #expect(katz.stderr.contains("alpha = 0.9/λmax = beyond 1.8e308 (λmax 4e-323)"), "\(katz.stderr)")
        // Huge weights whose sums overflow: the true cause.
        let huge = try runEntente(["centrality", try pakistan(weight: "1e308", in: directory), "--measure", "strength"])
        #expect(huge.status == 1)
        #expect(huge.stderr.contains("strength: a value exceeds the largest finite number"), "\(huge.stderr)")
    }

    @Test func communitiesDoNotBlameAMissingTie() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for weight in ["1e308", "5e-324"] {
            let file = try pakistan(weight: weight, in: directory)
            let unit = try runEntente(["communities", try pakistan(weight: "1", in: directory), "--json"])
            let result = try runEntente(["communities", file, "--json"])
            #expect(result.status == 0, "\(weight): \(result.stderr)")
            // The same blocs; the modularity to the last bits (1e308 is scaled to 1.11, not 1).
            let got = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
            let expected = try JSONSerialization.jsonObject(with: unit.stdoutData) as? [String: Any]
            #expect(got?["communities"] as? [[String]] == expected?["communities"] as? [[String]], "\(weight)")
            let q = got?["modularity"] as? Double ?? .nan, unitQ = expected?["modularity"] as? Double ?? 0
            #expect(abs(q - unitQ) <= 1e-12, "\(weight): \(q) against \(unitQ)")
        }
        // A resolution of 1e308 splits every node off, with a finite modularity.
        let split = try runEntente(["communities", "Graphs/pakistan.json", "--resolution", "1e308", "--json"])
        #expect(split.status == 0, "\(split.stderr)")
        let object = try JSONSerialization.jsonObject(with: split.stdoutData) as? [String: Any]
        #expect((object?["communities"] as? [[String]])?.count == 14)
        let modularity = object?["modularity"] as? Double
        #expect(modularity.map { $0.isFinite && $0 < -1e306 } == true, "\(split.stdout)")
        let text = try runEntente(["communities", "Graphs/pakistan.json", "--resolution", "1e308"])
        #expect(text.stdout.hasPrefix("leiden (resolution 1e+308): modularity -1.182333e+307, 14 communities\n"), "\(text.stdout)")
    }

    @Test func balanceSaysWhichWeightsOverflow() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // One edge per pair at 1e308: every value is finite; the walk index is computed, not
        // refused for "a component of more than 1000 nodes".
        let single = try runEntente(["balance", try pakistan(weight: "1e308", onePerPair: true, in: directory), "--weighted"])
        #expect(single.status == 0, "\(single.stderr)")
        #expect(single.stdout.contains("\nwalk:         0\n"), "\(single.stdout)")
        #expect(single.stdout.contains("\nfrustration:  1e+308 (exact)\n"), "\(single.stdout)")
        // Pairs with two edges of 1e308 add up beyond the largest finite number: said so, never "null".
        let summed = try runEntente(["balance", try pakistan(weight: "1e308", in: directory), "--weighted"])
        #expect(summed.status == 0, "\(summed.stderr)")
        #expect(summed.stdout.contains("\nwalk:         n/a (a pair's weights add up beyond 1.8e308)\n"), "\(summed.stdout)")
        #expect(summed.stdout.contains("\nfrustration:  beyond 1.8e308 (the frustrated ties' weights add up beyond the largest finite number)\n"))
        #expect(!summed.stdout.contains("null"))
        // Tiny weights: the walk index of tiny weights is that of a near-zero matrix, not an overflow.
        let tiny = try runEntente(["balance", try pakistan(weight: "5e-324", onePerPair: true, in: directory), "--weighted"])
        #expect(tiny.status == 0, "\(tiny.stderr)")
        #expect(!tiny.stdout.contains("n/a") && !tiny.stdout.contains("null"), "\(tiny.stdout)")
    }
}
