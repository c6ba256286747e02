import ArgumentParser
import Entente
import EntenteGraphviz

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a graph between formats (json, csv, dot/gv, graphml, gexf), chosen by extension.",
        discussion: """
            --at, --types, --exclude-types and --kinds write the part of the graph they keep (both \
            polarities): --at YEAR the nodes that exist in YEAR and the ties that hold in it. CSV output \
            to a file writes the edge list and, beside it, its node table: -o edges.csv writes edges.csv \
            and edges.nodes.csv (each atomically, the node table first); read them back with \
            --node-table edges.nodes.csv.
            """
    )

    @Argument(help: "The graph file to read (\(readableExtensions)).")
    var graph: String

    @Option(name: .shortAndLong, help: "The file to write (.json, .csv, .dot, .gv, .graphml, .gexf), or - for standard output.")
    var output: String

    @Option(help: "Write the output as this format (json, csv, dot, graphml, gexf); required with -o -.")
    var to: String?

    @OptionGroup var input: GraphInputOptions

    @OptionGroup var gexf: GEXFDrawingOptions

    func validate() throws {
        if output == "-" && to == nil { throw ValidationError("writing to standard output (-o -) needs --to FORMAT") }
        let name = to ?? FileIO.pathExtension(output)
        guard let format = GraphFormat(name: name), GraphFormat.writable.contains(format) else {
            throw ValidationError("cannot write format '\(name.isEmpty ? "(no extension)" : name)' "
                                  + "(writable: \(GraphFormat.writable.map(\.rawValue).joined(separator: ", ")))")
        }
        if format != .gexf && !gexf.isEmpty { throw ValidationError("--size-by and --layout apply to GEXF output only") }
    }

    func run() throws {
        try reportingErrors {
            var loaded = try input.read(graph)
            if input.at != nil || input.types != nil || input.excludeTypes != nil || input.kinds != nil || input.minWeight != nil || input.during != nil {
                let filter = input.filter(polarities: Set(Polarity.allCases))
                loaded = try loaded.subgraph(filter)
            }
            let target = to.flatMap { GraphFormat(name: $0) } ?? GraphFormat(name: FileIO.pathExtension(output)) ?? .json
            if target == .gexf {
                try GEXFWriter.write(loaded, drawing: try gexf.drawing(of: loaded), to: output)
            } else if target == .csv && output != "-" {
                let table = try loaded.writeCSV(to: output)
                let lost = loaded.edges.contains { !$0.evidence.isEmpty } ? "; evidence is not written" : ""
                printError("entente: note: wrote the node table \(table) beside the edge list\(lost)")
            } else {
                try loaded.write(to: output, format: target)
            }
            if target == .csv && output == "-" {
                let isolated = loaded.nodes.count - Set(loaded.edges.flatMap { [$0.source, $0.target] }).count
                var lost = ["labels", "kinds", "aliases", "years of nodes", "evidence"]
                if isolated > 0 { lost.append("\(isolated) isolated node\(isolated == 1 ? "" : "s")") }
                printError("entente: note: CSV on standard output holds edges only; not written: \(lost.joined(separator: ", "))")
            }
        }
    }
}
