import Foundation
import Testing

/// `--min-weight` and `--scale-weights` through the binary.
@Suite struct MinWeightCLITests {
    private struct Communities: Decodable { let communities: [[String]] }

    private func bloc(of id: String, in result: Communities) -> Int? { result.communities.firstIndex { $0.contains(id) } }

    /// The Helsinki Final Act's non-aggression ties (ATOP weight 2) join NATO and the Warsaw Pact in
    /// one bloc in 1985; leaving ties below 3 out separates them.
    @Test func minWeightSeparatesTheColdWarBlocs() throws {
        let arguments = ["communities", "Graphs/world/security.json", "--at", "1985", "--json"]
        let all = try JSONDecoder().decode(Communities.self, from: try runEntente(arguments).stdoutData)
        #expect(bloc(of: "GFR", in: all) != nil && bloc(of: "GFR", in: all) == bloc(of: "GDR", in: all))
        let strong = try JSONDecoder().decode(Communities.self, from: try runEntente(arguments + ["--min-weight", "3"]).stdoutData)
        let west = try #require(bloc(of: "USA", in: strong)), east = try #require(bloc(of: "RUS", in: strong))
        #expect(west != east)
        for id in ["GFR", "FRN", "UKG", "ITA"] { #expect(bloc(of: id, in: strong) == west, "\(id)") }
        for id in ["GDR", "POL", "HUN", "CZE"] { #expect(bloc(of: id, in: strong) == east, "\(id)") }
    }

    /// Render and convert keep only the ties of at least the weight; the title says so.
    @Test func renderAndConvertDropWeakTies() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("entente-minweight-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let converted = directory.appendingPathComponent("strong.json").path
        #expect(try runEntente(["convert", "Graphs/pakistan.json", "--min-weight", "4", "-o", converted]).status == 0)
        let graph = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: converted))) as? [String: Any])
        let weights = try #require(graph["edges"] as? [[String: Any]]).compactMap { $0["weight"] as? Double }
        #expect(!weights.isEmpty && weights.allSatisfy { $0 >= 4 })
        let dot = try runEntente(["render", "Graphs/pakistan.json", "--min-weight", "4", "-o", "-", "--to", "dot"])
        #expect(dot.status == 0)
        #expect(dot.stdout.contains("ties of weight ≥ 4"))
        #expect(dot.stdout.components(separatedBy: " -- ").count - 1 == weights.count)
    }

    /// Scaled weights are what --min-weight compares with; bad values are usage errors.
    @Test func scaledWeightsAndBadValues() throws {
        let scaled = try runEntente(["ties", "Graphs/pakistan.json", "PAK", "--scale-weights", "max", "--min-weight", "1"])
        #expect(scaled.status == 0)
        #expect(scaled.stdout.contains(" 1  ") && !scaled.stdout.contains(" 0.8  "))
        for bad in [["--min-weight", "-1"], ["--min-weight", "nan"], ["--scale-weights", "log"]] {
            let result = try runEntente(["path", "Graphs/pakistan.json", "PAK", "EU"] + bad)
            #expect(result.status == 64, "\(bad)")
            #expect(result.stdout.isEmpty)
        }
    }
}

/// `--during FIRST-LAST`: a period taken as one network.
@Suite struct DuringCLITests {
    @Test func aPeriodIsOneNetwork() throws {
        let world = "Graphs/world/security.json"
        let info = try runEntente(["nodes", world, "--during", "1993-2001", "--csv"])
        #expect(info.status == 0)
        #expect(info.stderr.isEmpty)  // a period is chosen: no all-years note
        let ids = Set(info.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) })
        #expect(ids.contains("UKR") && ids.contains("YUG") && ids.contains("GMY"))  // COW codes Serbia-Montenegro as YUG
        #expect(!ids.contains("GDR") && !ids.contains("GFR"))
        for (arguments, message) in [(["--during", "2001-1993"], "is not a period"), (["--during", "1993"], "is not a period"),
                                     (["--during", "1993-2001", "--at", "1995"], "give one of them")] {
            let result = try runEntente(["path", world, "USA", "RUS"] + arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        let sweep = try runEntente(["balance", world, "--from", "1990", "--to", "1995", "--during", "1993-2001"])
        #expect(sweep.status == 64)
    }

    /// Traag & Bruggeman's signed blocs of 1993–2001 against Huntington's civilizations (#20): the
    /// script recomputes the blocs with this binary, checks the claims of the README and
    /// docs/timeline.md (`--check`), and its tables are the ones docs/timeline.md prints.
    @Test func theSignedBlocsOf1993To2001AreTheOnesTheDocsCompare() throws {
        let result = try runPython("Tests/EntenteTests/Fixtures/world/compare_blocs.py", [ententeBinary.path, "--check"])
        let tables = result.stdout
        #expect(result.status == 0, "compare_blocs.py: \(result.stderr)")
        let docs = try String(contentsOf: packageRoot.appendingPathComponent("docs/timeline.md"), encoding: .utf8)
        #expect(!tables.isEmpty && docs.contains(tables.trimmingCharacters(in: .whitespacesAndNewlines)),
                "docs/timeline.md does not print what compare_blocs.py prints")
    }
}

/// A label too long to draw is cut in the drawing and kept whole in the tooltip (#23 item 17).
@Suite struct LongLabelCLITests {
    @Test func aHugeLabelIsCutNotBlank() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("entente-label-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let label = String(repeating: "x", count: 1_000_000)
        let graph = #"{"name":"long","nodes":[{"id":"A","label":"\#(label)"},{"id":"B"}],"#
            + #""edges":[{"source":"A","target":"B","type":"economic","weight":2}]}"#
        let input = directory.appendingPathComponent("long.json").path
        try graph.write(toFile: input, atomically: true, encoding: .utf8)
        let png = directory.appendingPathComponent("long.png").path
        let result = try runEntente(["render", input, "-o", png])
        #expect(result.status == 0)
        #expect(!result.stderr.contains("too large"), "\(result.stderr)")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: png)))
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width > 100 && width < 5_000 && height > 50, "\(width)×\(height)")
        let svg = try runEntente(["render", input, "-o", "-", "--to", "svg"]).stdout
        #expect(svg.contains(String(repeating: "x", count: 99) + "…<"))
        #expect(svg.contains(label))  // the tooltip keeps it whole
    }

    /// A graph name (the title) and a type name of a megabyte: cairo aborted the PDF (signal 6, an
    /// assertion in its recording surface, after Pango's "CRITICAL" lines) and blanked the PNG with
    /// "graph is too large for cairo-renderer bitmaps" (#23 items 17 and 18). Both are cut in the
    /// drawing; nothing from cairo or Pango reaches standard error.
    @Test func aHugeTitleOrTypeNameIsCutNotACrash() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let huge = String(repeating: "y", count: 1_000_000), type = String(repeating: "t", count: 1_000_000)
        let graph = #"{"name":"\#(huge)","types":["\#(type)"],"nodes":[{"id":"A"},{"id":"B"}],"#
            + #""edges":[{"source":"A","target":"B","type":"\#(type)","weight":2}]}"#
        let input = directory.appendingPathComponent("huge.json").path
        try graph.write(toFile: input, atomically: true, encoding: .utf8)
        for format in ["pdf", "png"] {
            let output = directory.appendingPathComponent("huge.\(format)").path
            let result = try runEntente(["render", input, "-o", output])
            #expect(result.status == 0, "\(format): \(result.stderr.prefix(300))")
            #expect(result.stderr.isEmpty, "\(format): \(result.stderr.prefix(300))")
            let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
            #expect(size > 5_000, "\(format): \(size) bytes")
        }
        let svg = try runEntente(["render", input, "-o", "-", "--to", "svg"]).stdout
        #expect(svg.contains(">" + String(repeating: "y", count: 299) + "…<"))
        #expect(svg.contains(String(repeating: "t", count: 99) + "…<"))
        // Drawn text only: the SVG's <title> element, Graphviz's name for the graph, keeps it whole.
        let drawn = svg.components(separatedBy: "<text").dropFirst().map { $0.prefix { $0 != "/" } }
        #expect(!drawn.isEmpty && drawn.allSatisfy { !$0.contains(String(repeating: "y", count: 300)) })
    }
}
