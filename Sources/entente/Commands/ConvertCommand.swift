import ArgumentParser
import Entente
import EntenteGraphviz

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a graph between formats (json, csv, dot/gv, graphml, gexf), chosen by extension."
    )

    @Argument(help: "The graph file to read (\(readableExtensions)).")
    var graph: String

    @Option(name: .shortAndLong, help: "The file to write (.json, .csv, .dot, .gv, .graphml, .gexf), or - for standard output.")
    var output: String

    @Option(help: "Write the output as this format (json, csv, dot, graphml, gexf); required with -o -.")
    var to: String?

    @OptionGroup var file: GraphFileOptions

    @OptionGroup var gexf: GEXFDrawingOptions

    func validate() throws {
        if output == "-" && to == nil { throw ValidationError("writing to standard output (-o -) needs --to FORMAT") }
        let name = to ?? pathExtension(output)
        guard let format = GraphFormat(name: name), GraphFormat.writable.contains(format) else {
            throw ValidationError("cannot write format '\(name.isEmpty ? "(no extension)" : name)' "
                                  + "(writable: \(GraphFormat.writable.map(\.rawValue).joined(separator: ", ")))")
        }
        if format != .gexf && !gexf.isEmpty { throw ValidationError("--size-by and --layout apply to GEXF output only") }
    }

    func run() throws {
        try reportingErrors {
            let loaded = try file.read(graph)
            let target = to.flatMap { GraphFormat(name: $0) } ?? GraphFormat(name: pathExtension(output)) ?? .json
            if target == .gexf {
                try FileIO.writeAtomically(Array(GEXFWriter.write(loaded, drawing: try gexf.drawing(of: loaded)).utf8), to: output)
            } else {
                try loaded.write(to: output, format: target)
            }
            if target == .csv {
                let isolated = loaded.nodes.count - Set(loaded.edges.flatMap { [$0.source, $0.target] }).count
                var lost = ["labels", "kinds", "aliases", "evidence"]
                if isolated > 0 { lost.append("\(isolated) isolated node\(isolated == 1 ? "" : "s")") }
                printError("entente: note: CSV holds edges only; not written: \(lost.joined(separator: ", "))")
            }
        }
    }
}
