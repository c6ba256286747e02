import Foundation
import Testing

/// A single-valued option given twice is a usage error on every command, never silently the last.
@Suite struct RepeatedOptionCLITests {
    private let graph = "Graphs/pakistan.json"

    @Test(arguments: [
        ["diff", "Graphs/world/security.json", "Graphs/world/security.json", "--at", "1985", "--at", "1995"],
        ["centrality", "Graphs/pakistan.json", "--measure", "degree", "--measure", "pagerank"],
        ["path", "Graphs/pakistan.json", "PAK", "EU", "--metric", "hops", "--metric=length"],
        ["convert", "Graphs/pakistan.json", "-o", "a.json", "--output", "b.json"],
        ["render", "Graphs/pakistan.json", "-o", "a.svg", "-o", "b.svg"],
        ["timeline", "Graphs/world/security.json", "--measure", "degree", "--from", "1950", "--from", "1960", "--to", "1970"],
        ["communities", "Graphs/pakistan.json", "--types", "security", "--types", "economic"],
    ])
    func isAUsageError(_ arguments: [String]) throws {
        let result = try runEntente(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: --"), "\(result.stderr)")
        #expect(result.stderr.contains("times ("), "\(result.stderr)")
        #expect(result.stderr.contains("Usage: entente \(arguments[0])"))
        #expect(result.stdout.isEmpty)
    }

    /// Every command that reads a graph has the file options' `--format`: found in the option group.
    @Test(arguments: [
        ["info", "x"], ["convert", "x", "-o", "y.json"], ["path", "x", "A", "B"], ["centrality", "x", "--measure", "degree"],
        ["render", "x", "-o", "y.svg"], ["balance", "x"], ["communities", "x"], ["nodes", "x"], ["ties", "x", "A"],
        ["diff", "x", "y"], ["merge", "x", "y", "-o", "z.json"], ["timeline", "x", "--measure", "degree", "--from", "1", "--to", "2"],
    ])
    func everyCommandChecksItsOptionGroups(_ arguments: [String]) throws {
        let result = try runEntente(arguments + ["--format", "json", "--format", "csv"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: --format given 2 times (json, csv); it takes one value"), "\(arguments[0]): \(result.stderr)")
    }

    @Test func optionsThatTakeSeveralValuesStayRepeatable() throws {
        let result = try runEntente(["path", graph, "PAK", "EU", "--metric", "hops"])
        #expect(result.status == 0)
    }
}
