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

            --from-year Y1 --to-year Y2 compares two years of one graph: `entente diff world.json \
            --from-year 1985 --to-year 1995` lists the states that entered and left, the ties that began \
            or ended, and the pairs whose tie changed weight. With OTHER too, BASE is seen in Y1 and OTHER \
            in Y2. Each year must lie within its graph's years.
            """
    )

    @Argument(help: "The graph compared against (\(readableExtensions)).")
    var base: String

    @Argument(help: "The graph compared with it; with --from-year and --to-year, BASE itself when left out.")
    var other: String?

    @Option(help: ArgumentHelp("See BASE in this year, as --at does (with --to-year: compare two years).", valueName: "year"))
    var fromYear: Int?

    @Option(help: ArgumentHelp("See OTHER, or BASE again when OTHER is left out, in this year.", valueName: "year"))
    var toYear: Int?

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
        if (fromYear == nil) != (toYear == nil) {
            throw ValidationError("--from-year and --to-year go together (the two years compared)")
        }
        if fromYear != nil, input.during != nil {
            throw ValidationError("--during takes a period as one network; --from-year and --to-year compare two years")
        }
        if fromYear != nil, input.at != nil {
            throw ValidationError("--at sees both graphs in one year; --from-year and --to-year give each side its own")
        }
        if other == nil && fromYear == nil {
            throw ValidationError("Missing expected argument '<other>' (or compare two years of BASE with --from-year and --to-year)")
        }
        if base == "-" && other == "-" {
            throw ValidationError("BASE and OTHER cannot both be - (standard input can be read once)")
        }
        if let measure, nodeMeasure == nil {
            throw ValidationError("--measure '\(measure)' is not a node measure (measures: "
                                  + RenderCommand.sizeMeasures.map(\.rawValue).joined(separator: ", ") + ")")
        }
    }

    func run() throws {
        try reportingErrors {
            let before = try input.read(base)
            let after = try other.map { try input.read($0) } ?? before
            let filter = input.filter(polarities: includeAdversarial ? Set(Polarity.allCases) : [.cooperative])
            let diff = if let fromYear, let toYear {
                try after.difference(from: before, inYear: fromYear, toYear: toYear, filter: filter, measure: nodeMeasure, metric: metric)
            } else {
                try after.difference(from: before, filter: filter, measure: nodeMeasure, metric: metric)
            }
            var output = Output()
            try output.result(diff, asJSON: json)
            try output.flush()
        }
    }
}
