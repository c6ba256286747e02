import ArgumentParser
import Foundation
import Entente
import EntenteGraphviz

/// The extensions of the files Entente reads, for the help of every graph argument:
/// ".json, .csv, .dot, .gv, .graphml, .gexf".
let readableExtensions = GraphFormat.readable
    .flatMap { $0 == .dot ? [".dot", ".gv"] : [".\($0.rawValue)"] }
    .joined(separator: ", ")

/// Options that say how to read a graph file: shared by every command that reads one.
struct GraphFileOptions: ParsableArguments {
    @Option(help: "Read the file as this format (json, csv, dot, graphml, gexf) whatever its extension; needed for - (standard input).")
    var format: String?

    @Flag(help: "Treat a CSV edge list as directed.")
    var directed = false

    @Flag(help: "Refuse a DOT file with a self-loop instead of leaving the loop out with a warning.")
    var strict = false

    @Option(help: ArgumentHelp("A CSV node table for a CSV edge list: id (or Id), label, kind, aliases, since, until, spells; other columns become node attributes.",
                               valueName: "file"))
    var nodeTable: String?

    @Flag(help: "Clip ties that fall outside their nodes' years to those years (drop a tie with no year left) instead of refusing the file.")
    var lenient = false

    @Option(help: ArgumentHelp("How a dyad-year panel read as undirected combines a pair's rows of one year: max, sum or mean (default: equal weights merge, others are an error).",
                               valueName: "rule"))
    var combine: PanelCombine?

    /// Reads the graph at `path` (`-`: standard input) as --format says, or by its extension. A DOT
    /// file's self-loops are left out with one warning line on standard error (refused with --strict).
    func read(_ path: String) throws -> RelationGraph {
        var chosen: GraphFormat?
        if let format {
            guard let named = GraphFormat(name: format) else {
                throw GraphError.unsupportedFormat(file: path, format: format,
                                                   supported: GraphFormat.readable.map(\.rawValue))
            }
            chosen = named
        }
        let options = ReadOptions(directed: directed, nodeTable: nodeTable, lenient: lenient, combine: combine)
        let graph = try RelationGraph(contentsOf: path, format: chosen, options: options, strict: strict)
        if graph.mergedPanelRows > 0 {
            let count = graph.mergedPanelRows
            let how = combine.map { "combined by \($0.rawValue)" } ?? "of equal weight"
            printError("entente: note: \(path): merged \(count) panel row\(count == 1 ? "" : "s") into another row of the same pair and year "
                       + "(\(graph.isDirected ? "the same direction" : "both directions of an undirected pair"), \(how))")
        }
        if graph.sourcesListedByID > 0 {
            let count = graph.sourcesListedByID
            printError("entente: note: \(path): the file does not carry the sources table; \(count) cited source\(count == 1 ? " is" : "s are") "
                       + "listed by id alone (native JSON, GraphML and DOT written by Entente keep the table)")
        }
        if graph.omittedSelfLoops > 0 {
            let count = graph.omittedSelfLoops
            printError("entente: warning: \(path): left out \(count) self-loop\(count == 1 ? "" : "s") "
                       + "(an edge from a node to itself); --strict refuses them")
        }
        return graph
    }
}

/// Options that say how to read a graph file and which relations to keep: shared by every command
/// that analyses or draws a filtered view of a graph.
struct GraphInputOptions: ParsableArguments {
    @OptionGroup var file: GraphFileOptions

    @Option(help: "Only these edge types, comma-separated (e.g. economic,security).")
    var types: String?

    @Option(help: "Leave out these edge types, comma-separated (e.g. membership).")
    var excludeTypes: String?

    @Option(help: "Only nodes of these kinds, comma-separated (e.g. state,bloc).")
    var kinds: String?

    @Option(help: ArgumentHelp("Only the nodes that exist in this year and the ties that hold in it: since ≤ YEAR (or no since) and no until, or until ≥ YEAR.",
                               valueName: "year"))
    var at: Int?

    @Option(help: ArgumentHelp("Only the nodes that exist in some year of this period and the ties that hold in some year of it, the period taken as one network: FIRST-LAST, e.g. 1993-2001.",
                               valueName: "years"))
    var during: String?

    /// --during as a range (nil when absent or malformed; validate() refuses the latter).
    var period: ClosedRange<Int>? {
        guard let during else { return nil }
        let parts = during.split(separator: "-", omittingEmptySubsequences: false)
        let years = parts.map { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard years.count == 2, let first = years[0], let last = years[1], first <= last else { return nil }
        return first...last
    }

    @Option(help: ArgumentHelp("Only the ties of at least this weight (after --scale-weights), e.g. 3 to leave out ATOP's consultation and non-aggression pacts.",
                               valueName: "weight"))
    var minWeight: Double?

    @Option(help: ArgumentHelp("Put every edge type's weights on one scale, in (0, 1], before anything else: max (divided by the type's strongest weight) or rank (the share of the type's ties at most as strong).",
                               valueName: "scaling"))
    var scaleWeights: WeightScaling?

    /// Reads the graph, with its weights scaled by --scale-weights.
    func read(_ path: String) throws -> RelationGraph {
        var graph = try file.read(path)
        if let scaleWeights { graph.scaleWeights(scaleWeights) }
        return graph
    }

    /// Reads the graph for an analysis of one view: as ``read(_:)`` does, and, when the graph
    /// carries years and no --at picks one, says so on standard error, since the view then chains
    /// ties of different eras (East Germany–Poland, 1955–1990, then Poland–Ukraine, from 1992).
    func readForAnalysis(_ path: String) throws -> RelationGraph {
        let graph = try read(path)
        if at == nil, during == nil, let note = Self.allYearsNote(graph, path: path) { printError(note) }
        return graph
    }

    /// `entente: note: FILE: its ties span 1816–2016; all years are taken together (--at YEAR picks
    /// one)`, or nil when taking all years together mixes no eras: when no tie and no node has ended
    /// (no `until`, no spells), every tie still holds in the latest year, and the whole graph is that
    /// year's view (the seed graphs, whose ties carry only the year they began).
    static func allYearsNote(_ graph: RelationGraph, path: String) -> String? {
        let ended = graph.edges.contains { $0.until != nil } || graph.nodes.contains { $0.until != nil || $0.spells.count > 1 }
        guard ended else { return nil }
        let what = graph.datedYears.map { "its ties span \($0.lowerBound)–\($0.upperBound)" } ?? "its nodes carry years"
        return "entente: note: \(path): \(what); all years are taken together, ended ties with current ones (--at YEAR picks one year)"
    }

    /// The edge types asked for, or nil for all.
    var typeSet: Set<RelationType>? { types.map { Set(Self.names(in: $0).map { RelationType($0) }) } }

    /// The edge types to leave out.
    var excludedTypeSet: Set<RelationType> { Set(excludeTypes.map { Self.names(in: $0).map { RelationType($0) } } ?? []) }

    /// The node kinds asked for, or nil for all.
    var kindSet: Set<NodeKind>? { kinds.map { Set(Self.names(in: $0).map { NodeKind($0) }) } }

    /// The non-empty names of a comma-separated list.
    private static func names(in list: String) -> [String] {
        list.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    func validate() throws {
        if let types, typeSet?.isEmpty ?? true { throw ValidationError("--types '\(types)' names no edge type") }
        if let excludeTypes, excludedTypeSet.isEmpty {
            throw ValidationError("--exclude-types '\(excludeTypes)' names no edge type")
        }
        if let kinds, kindSet?.isEmpty ?? true { throw ValidationError("--kinds '\(kinds)' names no node kind") }
        if let during, period == nil {
            throw ValidationError("--during '\(during)' is not a period FIRST-LAST of years, first ≤ last (e.g. 1993-2001)")
        }
        if during != nil && at != nil { throw ValidationError("--at picks one year; --during a period: give one of them") }
        if let minWeight, !(minWeight.isFinite && minWeight >= 0) {
            throw ValidationError("--min-weight \(minWeight) is not a finite number of at least 0")
        }
    }

    /// The filter these options describe, keeping the given polarities.
    func filter(polarities: Set<Polarity>, around center: String? = nil, depth: Int = 1) -> RelationFilter {
        var filter = RelationFilter(types: typeSet, excluding: excludedTypeSet, polarities: polarities, kinds: kindSet,
                                    year: at, around: center, depth: depth)
        filter.minimumWeight = minWeight
        filter.period = period
        return filter
    }
}

/// Options shared by the commands that analyse a filtered view of a graph: the input options and
/// `--include-adversarial` (default: cooperative edges only, since a path or a centrality through a
/// rivalry is not a tie).
struct AnalysisOptions: ParsableArguments {
    @OptionGroup var input: GraphInputOptions

    @Flag(inversion: .prefixedNo, help: "Include adversarial edges (default: cooperative edges only).")
    var includeAdversarial = false

    @Flag(help: "Analyse only the largest connected component of the view (direction ignored), as networkx's max(connected_components) or igraph's giant(); eigenvector needs a connected graph.")
    var largestComponent = false

    /// The analysis filter: cooperative edges unless --include-adversarial, of the --types given.
    var filter: RelationFilter {
        var filter = input.filter(polarities: includeAdversarial ? Set(Polarity.allCases) : [.cooperative])
        filter.largestComponent = largestComponent
        return filter
    }

    /// Reads the graph and builds the analysis the options describe; `notingYears` says on standard
    /// error when the graph's years are all taken together (``GraphInputOptions/readForAnalysis(_:)``).
    func analysis(of path: String, metric: EdgeMetric, notingYears: Bool = true) throws -> Analysis {
        try Analysis(try notingYears ? input.readForAnalysis(path) : input.read(path), filter: filter, metric: metric)
    }
}

/// The checks of a sweep through years (`timeline`, `balance --from --to`, `communities --from --to`):
/// an ordered range, a step of at least 1, no --at (which picks one year), and a chart format.
func validateYearSweep(from: Int, to: Int, step: Int, input: GraphInputOptions, command: String, chart output: String?, printsValues: Bool) throws {
    if from > to { throw ValidationError("--from \(from) is after --to \(to): the range is reversed") }
    if step < 1 { throw ValidationError("--step must be at least 1, not \(step)") }
    if input.at != nil { throw ValidationError("--at picks one year; \(command) takes every year from --from to --to") }
    if input.during != nil { throw ValidationError("--during takes a period as one network; \(command) takes every year from --from to --to") }
    if let output {
        if printsValues { throw ValidationError("-o draws a chart; --json and --csv print the values instead") }
        let name = FileIO.pathExtension(output).lowercased()
        guard ["svg", "png", "pdf"].contains(name) else {
            throw ValidationError("cannot draw a chart as '\(name.isEmpty ? "(no extension)" : name)' (supported: svg, png, pdf)")
        }
    }
}

/// The options of a sweep through years shared by `balance` and `communities`: `--from`, `--to`,
/// `--step`, `--csv`, `-o` and `--quiet`, all optional, since without `--from` and `--to` the command
/// analyses one view.
struct YearSweepOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "The first year of a sweep through years (with --to).")
    var from: Int?

    @Option(parsing: .unconditional, help: "The last year of a sweep through years (with --from).")
    var to: Int?

    @Option(parsing: .unconditional, help: "Take every N-th year from --from (default 1).")
    var step: Int?

    @Flag(help: "Print the sweep's rows as CSV (with --from and --to).")
    var csv = false

    @Option(name: .shortAndLong, help: "Draw the sweep as a line chart to this file (.svg, .png or .pdf).")
    var output: String?

    @Flag(help: "Do not show the progress bar of a sweep on standard error.")
    var quiet = false

    /// The years asked for, or nil when the command analyses one view.
    var years: ClosedRange<Int>? {
        guard let from, let to, from <= to else { return nil }
        return from...to
    }

    /// `--step`, or 1.
    var stepValue: Int { step ?? 1 }

    /// " every N years" for a chart's title when the step is above 1.
    var stepPhrase: String { stepValue > 1 ? " every \(stepValue) years" : "" }

    /// Checks the sweep options against the command's: `extra` names its own options that only a
    /// sweep takes (set when given).
    func check(json: Bool, input: GraphInputOptions, command: String, extra: [String] = []) throws {
        if json && csv { throw ValidationError("--json and --csv cannot be used together") }
        if let from, let to {
            try validateYearSweep(from: from, to: to, step: stepValue, input: input, command: "\(command) --from --to",
                                  chart: output, printsValues: json || csv)
        } else if from != nil || to != nil {
            throw ValidationError("--from and --to go together (the years of the sweep)")
        } else if step != nil || csv || output != nil || !extra.isEmpty {
            let names = (["--step"] + extra + ["--csv", "-o"])
            throw ValidationError("\(names.dropLast().joined(separator: ", ")) and \(names.last ?? "") belong to a sweep through years: give --from and --to")
        }
    }
}

/// An option value named by its raw value, in any case (`--metric Hops`); the help lists the raw values.
public protocol NamedArgument: ExpressibleByArgument, RawRepresentable, CaseIterable where RawValue == String {}

extension NamedArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// `--metric`.
extension EdgeMetric: NamedArgument, @retroactive ExpressibleByArgument {}

/// `--combine`.
extension PanelCombine: NamedArgument, @retroactive ExpressibleByArgument {}
extension WeightScaling: NamedArgument, @retroactive ExpressibleByArgument {}
