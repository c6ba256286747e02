import ArgumentParser
import Entente

/// `entente merge`: a scenario graph, the overlay's ties laid over the base's.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Write a scenario graph: OVERLAY's ties replace BASE's for the same pair and type, the rest are added.",
        discussion: """
            Ties are matched per pair of nodes and type, as `entente diff` matches them. A replaced tie \
            takes the overlay's weight, polarity, years and note, and keeps the evidence of both (the \
            overlay's first) and the base's note after the overlay's. The overlay's other ties, nodes, \
            types, kinds and sources are added; a node both graphs have keeps the base's label and kind \
            and gains the overlay's aliases. Conflicts (a polarity flip, a node whose label or kind \
            differs, a source id naming two documents) are listed on standard error, one per line, and a \
            flip is also told in the merged edge's note; they do not fail the merge. Evidence is carried \
            over, never written: when both inputs quote their sources verbatim, so does the merge.

            The output format comes from the extension of -o unless --to is given; -o - writes to \
            standard output (give --to). Only JSON keeps the evidence and sources.
            """
    )

    @Argument(help: "The graph laid under (today's relations).")
    var base: String

    @Argument(help: "The graph laid over it (a proposal).")
    var overlay: String

    @Option(name: .shortAndLong, help: "The file to write (.json, .csv, .dot, .gv, .graphml, .gexf), or - for standard output.")
    var output: String

    @Option(help: "Write the output as this format (json, csv, dot, graphml, gexf); required with -o -.")
    var to: String?

    @OptionGroup var file: GraphFileOptions

    /// The format to write: --to, or the extension of -o.
    var target: GraphFormat? { GraphFormat(name: to ?? FileIO.pathExtension(output)) }

    func validate() throws {
        if output == "-" && to == nil { throw ValidationError("writing to standard output (-o -) needs --to FORMAT") }
        guard let target, GraphFormat.writable.contains(target) else {
            let name = to ?? FileIO.pathExtension(output)
            throw ValidationError("cannot write format '\(name.isEmpty ? "(no extension)" : name)' "
                                  + "(writable: \(GraphFormat.writable.map(\.rawValue).joined(separator: ", ")))")
        }
    }

    func run() throws {
        try reportingErrors {
            let result = try file.read(base).merging(try file.read(overlay))
            for conflict in result.conflicts { printError("entente: conflict: \(conflict)") }
            try result.graph.write(to: output, format: target ?? .json)
            if output != "-" {
                var summary = Output()
                let graph = result.graph
                summary.line("wrote \(output): \(graph.nodes.count) nodes, \(graph.edges.count) edges "
                             + "(\(result.replacedTies) replaced, \(result.addedTies) added from \(overlay)), "
                             + "\(result.conflicts.count) conflict\(result.conflicts.count == 1 ? "" : "s")")
                try summary.flush()
            }
        }
    }
}
