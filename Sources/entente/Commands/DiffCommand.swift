import ArgumentParser
import Entente
import Foundation

/// `entente diff`: what changed from one graph to another, tie by tie, and optionally in a measure.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed from BASE to OTHER: nodes and ties added, removed, reweighted, flipped.",
        discussion: """
            Nodes are matched by id. Ties are matched per pair of nodes and type (undirected: the pair \
            has no order): added or removed when only one graph has the tie, changed when its weight \
            differs, flipped when its polarity does. Between the same pair and type, parallel edges are \
            matched one to one, same polarity first, in file order. A type or node only one graph has is \
            simply added or removed. Lists are sorted by node ids, then type.

            --types, --exclude-types, --kinds and --at choose the ties compared in both graphs (a type \
            may be one that only one graph declares); both polarities are always compared. --measure M \
            adds each node's value of a centrality in both graphs and the change, largest change first; \
            the measure is computed as `entente centrality` computes it (cooperative ties unless \
            --include-adversarial, --metric for distance measures). A node missing on one side is \
            absent (JSON null), not 0.
            """
    )

    @Argument(help: "The graph compared against (\(readableExtensions)).")
    var base: String

    @Argument(help: "The graph compared with it.")
    var other: String

    @Option(help: ArgumentHelp("Also compare a node measure: \(RenderCommand.sizeMeasures.map(\.rawValue).joined(separator: ", ")).",
                               valueName: "measure"))
    var measure: String?

    @Option(help: "How weights become path costs for a distance measure: length, strength (default) or hops.")
    var metric: EdgeMetric = .strength

    @Flag(help: "Compute --measure over adversarial ties too (default: cooperative ties only).")
    var includeAdversarial = false

    @Flag(help: "Print the differences as JSON.")
    var json = false

    @OptionGroup var input: GraphInputOptions

    /// The --measure asked for, or nil when none or an unknown one was given.
    var nodeMeasure: CentralityMeasure? {
        measure.flatMap { CentralityMeasure(rawValue: $0.lowercased()) }.flatMap { $0.isNodeMeasure ? $0 : nil }
    }

    func validate() throws {
        if let measure, nodeMeasure == nil {
            throw ValidationError("--measure '\(measure)' is not a node measure (measures: "
                                  + RenderCommand.sizeMeasures.map(\.rawValue).joined(separator: ", ") + ")")
        }
    }

    func run() throws {
        try reportingErrors {
            let before = try input.file.read(base)
            let after = try input.file.read(other)
            let filter = input.filter(polarities: includeAdversarial ? Set(Polarity.allCases) : [.cooperative])
            let diff = try after.difference(from: before, filter: filter, measure: nodeMeasure, metric: metric)
            var output = Output()
            if json {
                try output.json(diff)
            } else {
                printText(diff, into: &output)
            }
            try output.flush()
        }
    }

    private func printText(_ diff: GraphDiff, into output: inout Output) {
        func counted(_ count: Int, _ word: String) -> String { "\(count) \(word)" }
        output.line("nodes: \(counted(diff.addedNodes.count, "added")), \(counted(diff.removedNodes.count, "removed"))")
        output.line("ties:  \(counted(diff.addedTies.count, "added")), \(counted(diff.removedTies.count, "removed")), "
                    + "\(counted(diff.changedTies.count, "weight changed")), \(counted(diff.flippedTies.count, "flipped"))")
        if !diff.addedNodes.isEmpty { output.line("+ nodes: " + diff.addedNodes.joined(separator: " ")) }
        if !diff.removedNodes.isEmpty { output.line("- nodes: " + diff.removedNodes.joined(separator: " ")) }
        for tie in diff.addedTies { output.line("+ " + describe(tie)) }
        for tie in diff.removedTies { output.line("- " + describe(tie)) }
        for tie in diff.changedTies {
            output.line("~ \(tie.source) \(tie.target) \(tie.type) \(formatNumber(tie.from))→\(formatNumber(tie.to))")
        }
        for tie in diff.flippedTies {
            output.line("! \(tie.source) \(tie.target) \(tie.type) \(tie.from) \(formatNumber(tie.fromWeight))"
                        + " → \(tie.to) \(formatNumber(tie.toWeight))")
        }
        guard let measure = diff.measure else { return }
        output.line("")
        let rows = [["id", "label", "base", "other", "change"]] + measure.map { entry in
            [entry.id, entry.label, fixed(entry.base), fixed(entry.other),
             entry.change.map { ($0 > 0 ? "+" : "") + String(format: "%.6f", $0) } ?? "absent"]
        }
        let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            var text = row[0] + String(repeating: " ", count: widths[0] - row[0].count)
            text += "  " + row[1] + String(repeating: " ", count: widths[1] - row[1].count)
            for column in 2..<5 { text += "  " + String(repeating: " ", count: widths[column] - row[column].count) + row[column] }
            output.line(text)
        }
    }

    /// `PAK ECO economic 3 cooperative`.
    private func describe(_ tie: GraphDiff.Tie) -> String {
        "\(tie.source) \(tie.target) \(tie.type) \(formatNumber(tie.weight)) \(tie.polarity)"
    }

    /// A value with six decimals, or `absent`.
    private func fixed(_ value: Double?) -> String { value.map { String(format: "%.6f", $0) } ?? "absent" }
}
