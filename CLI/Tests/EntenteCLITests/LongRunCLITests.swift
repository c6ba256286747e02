import Foundation
import Testing
@testable import entente

private let karate = "Tests/EntenteTests/Fixtures/graphs/karate.json"
private let small = "Tests/EntenteTests/Fixtures/graphs/small.csv"

/// Runs `entente` with a terminal as standard error (and output), through `script`; `nil` when
/// `script` is not installed.
private func runInTerminal(_ arguments: [String]) throws -> CLIResult? {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return nil }
    // The bar from the first report (ENTENTE_PROGRESS_DELAY=0): what is drawn does not depend on
    // whether the run lasts the usual quarter of a second on this machine.
    let command = "ENTENTE_PROGRESS_DELAY=0 " + ([ententeBinary.path] + arguments).map { "'" + $0 + "'" }.joined(separator: " ")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-qfec", command, "/dev/null"]
    process.currentDirectoryURL = packageRoot
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIResult(status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self), stderr: "",
                     stdoutData: data)
}

@Suite("entente centrality --samples, progress bar")
struct LongRunCLITests {
    // MARK: The progress line

    @Test("the progress line: bar, percentage, counts and ETA")
    func progressLine() {
        #expect(ProgressLine.render(label: "betweenness", completed: 0, total: 10_000, elapsed: 0.3)
            == "betweenness [------------------------------]   0%  0/10,000  ETA --:--")
        #expect(ProgressLine.render(label: "betweenness", completed: 2_500, total: 10_000, elapsed: 10)
            == "betweenness [#######-----------------------]  25%  2,500/10,000  ETA 0:30")
        #expect(ProgressLine.render(label: "closeness", completed: 999, total: 1_000, elapsed: 99.9)
            == "closeness [#############################-]  99%  999/1,000  ETA 0:01")
        #expect(ProgressLine.render(label: "paths", completed: 1, total: 1_000, elapsed: 4)
            == "paths [------------------------------]   0%  1/1,000  ETA 1:06:36")
        #expect(ProgressLine.render(label: "harmonic", completed: 100_000, total: 100_000, elapsed: 7)
            == "harmonic [##############################] 100%  100,000/100,000  ETA 0:00")
        #expect(ProgressLine.clock(seconds: 59.2) == "1:00")
        #expect(ProgressLine.clock(seconds: 3_600) == "1:00:00")
    }

    @Test("off a terminal nothing is drawn on standard error", arguments: [
        ["centrality", small, "--measure", "betweenness", "--metric", "length", "--top", "3"],
        ["centrality", small, "--measure", "closeness", "--top", "3"],
        ["centrality", small, "--measure", "betweenness", "--samples", "200", "--top", "3"],
        ["path", small, "n0", "n999", "--k", "5"],
        ["centrality", karate, "--measure", "all", "--alpha", "0.01"],  // an explicit alpha: no Katz note
    ])
    func nothingOffTerminal(arguments: [String]) throws {
        let result = try runEntente(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "stderr: \(result.stderr)")
        let quiet = try runEntente(arguments + ["--quiet"])
        #expect(quiet.stdout == result.stdout)
        #expect(quiet.stderr.isEmpty)
    }

    @Test("on a terminal the bar is drawn in place and erased; --quiet turns it off",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"),
                   "/usr/bin/script (util-linux) is not installed, so no terminal can be given to entente"))
    func barOnTerminal() throws {
        let arguments = ["centrality", small, "--measure", "betweenness", "--metric", "length", "--top", "3"]
        let shown = try #require(try runInTerminal(arguments))
        let plain = try runEntente(arguments)
        #expect(shown.status == 0)
        let table = plain.stdout.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(shown.stdout.hasSuffix(table), "the table follows the bar")
        let drawn = String(shown.stdout.dropLast(table.count))
        #expect(drawn.hasPrefix("\rbetweenness ["))
        #expect(drawn.contains("%  ") && drawn.contains("/1,000  ETA "))
        // Erased: the last redraw is blanks, and the cursor back at the start of the line.
        let last = try #require(drawn.split(separator: "\r", omittingEmptySubsequences: true).last)
        #expect(last.allSatisfy { $0 == " " } && drawn.hasSuffix("\r"))

        let quiet = try #require(try runInTerminal(arguments + ["--quiet"]))
        #expect(quiet.stdout == table)
    }

    // MARK: --samples

    @Test("--samples K --seed S gives the reference estimate for each --estimator", arguments: [
        (nil as String?, "spread"), ("spread", "spread"), ("networkx", "networkx"), ("NetworkX", "networkx"),
    ])
    func samples(option: String?, estimator: String) throws {
        let choice = option.map { ["--estimator", $0] } ?? []
        let result = try runEntente(["centrality", karate, "--measure", "betweenness", "--metric", "strength",
                                     "--samples", "10", "--seed", "7", "--json"] + choice)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix(#"{"measure":"betweenness","metric":"strength","sampling":{"sources":10,"seed":7,"estimator":""#
            + estimator + #""},"#))
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        let values = try #require(json["values"] as? [String: NSNumber])
        let fixture = packageRoot.appendingPathComponent("Tests/EntenteTests/Fixtures/sampling.json")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: fixture)) as? [String: Any])
        let cases = try #require(root["cases"] as? [[String: Any]])
        let match = try #require(cases.first {
            $0["graph"] as? String == "karate" && $0["metric"] as? String == "strength"
                && $0["normalized"] as? Bool == true && $0["seed"] as? Int == 7 && $0["estimator"] as? String == estimator
        })
        let expected = try #require(match["values"] as? [String: NSNumber])
        #expect(values.count == expected.count)
        for (id, value) in expected {
            let actual = try #require(values[id]).doubleValue
            #expect(abs(actual - value.doubleValue) <= max(1e-12, 1e-9 * abs(value.doubleValue)), "\(id)")
        }
        // The seed defaults to 0, and the table shows the same values as the JSON.
        let byDefault = try runEntente(["centrality", karate, "--measure", "betweenness", "--samples", "10"] + choice)
        let seeded = try runEntente(["centrality", karate, "--measure", "betweenness", "--samples", "10", "--seed", "0"] + choice)
        #expect(byDefault.status == 0 && byDefault.stdout == seeded.stdout)
    }

    @Test("usage errors of --samples and --seed exit 64", arguments: [
        (["--samples", "0"], "--samples must be at least 2, not 0"),
        (["--samples", "-4"], "--samples must be at least 2, not -4"),
        (["--samples", "1"], "--samples must be at least 2, not 1 (with one source, that node's own value is undefined)"),
        (["--samples", "5", "--measure", "closeness"], "--samples estimates betweenness only, not --measure closeness"),
        (["--samples", "5", "--measure", "all"], "--samples estimates betweenness only, not --measure all"),
        (["--seed", "3"], "--seed chooses the sample of --samples; give --samples too"),
        (["--estimator", "networkx"], "--estimator chooses how --samples estimates; give --samples too"),
        (["--samples", "5", "--estimator", "uniform"],
         "The value 'uniform' is invalid for '--estimator <estimator>'. Please provide one of 'spread' and 'networkx'."),
    ])
    func usageErrors(extra: [String], message: String) throws {
        var arguments = ["centrality", karate]
        if !extra.contains("--measure") { arguments += ["--measure", "betweenness"] }
        let result = try runEntente(arguments + extra)
        #expect(result.status == 64)
        #expect(result.stderr.contains("Error: \(message)"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("more sources than nodes is one line naming the file, exit 1")
    func tooManySources() throws {
        let result = try runEntente(["centrality", karate, "--measure", "betweenness", "--samples", "35"])
        #expect(result.status == 1)
        #expect(result.stderr == "entente: \(karate): betweenness: cannot sample 35 sources: the analysed view has 34 nodes\n")
        #expect(result.stdout.isEmpty)
    }

    /// A per-source measure whose exact run takes minutes to hours is announced before it starts (#23
    /// item 10): a million-leaf star is 10^12 steps; the 100,000-node benchmark graph (5·10^10) is not.
    @Test func aLongExactRunIsAnnounced() {
        let star = CentralityCommand.longRunNote(measures: [.betweenness], nodes: 1_000_001, ties: 1_000_000, file: "star.csv")
        #expect(star == "entente: note: star.csv: exact betweenness of 1000001 nodes and 1000000 ties takes about 10^12 steps "
                + "(minutes to hours); --samples K estimates it from K sampled sources in K/1000001 of the time")
        let closeness = CentralityCommand.longRunNote(measures: [.closeness], nodes: 1_000_001, ties: 1_000_000, file: "star.csv")
        #expect(closeness?.hasSuffix("(minutes to hours)") == true)  // --samples is for betweenness only
        #expect(CentralityCommand.longRunNote(measures: [.betweenness], nodes: 100_000, ties: 500_000, file: "large.csv") == nil)
        #expect(CentralityCommand.longRunNote(measures: [.pagerank], nodes: 1_000_001, ties: 1_000_000, file: "star.csv") == nil)
    }
}
