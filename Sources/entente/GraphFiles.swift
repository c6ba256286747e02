import Entente
import EntenteGraphviz

/// The file formats the CLI reads and writes, chosen by extension or `--format`.
enum GraphFormat: String, CaseIterable {
    case json, csv, dot, graphml, gexf

    static let readable: [GraphFormat] = [.json, .csv, .dot, .graphml, .gexf]
    static let writable: [GraphFormat] = [.json, .csv, .dot, .graphml, .gexf]

    /// The format named by a `--format` value or a file's extension (`gv` is DOT).
    init?(name: String) {
        switch name.lowercased() {
        case "json": self = .json
        case "csv": self = .csv
        case "dot", "gv": self = .dot
        case "graphml": self = .graphml
        case "gexf": self = .gexf
        default: return nil
        }
    }

    /// The format of a path by its extension.
    static func of(path: String, override: String?, allowed: [GraphFormat]) throws(GraphError) -> GraphFormat {
        let name = override ?? pathExtension(path)
        guard let format = GraphFormat(name: name), allowed.contains(format) else {
            throw .unsupportedFormat(file: path, format: name.isEmpty ? "(no extension)" : name,
                                     supported: allowed.map(\.rawValue))
        }
        return format
    }
}

/// The extension of a path, without the dot; empty when it has none.
func pathExtension(_ path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
    return String(name[name.index(after: dot)...])
}

/// Reads a graph file in any readable format.
func loadGraph(_ path: String, format override: String? = nil, directed: Bool = false) throws(GraphError) -> RelationGraph {
    let format = try GraphFormat.of(path: path, override: override, allowed: GraphFormat.readable)
    let bytes = try FileIO.readText(path)
    switch format {
    case .json: return try NativeJSON.read(bytes, file: path)
    case .csv: return try CSVEdgeList.read(bytes, file: path, directed: directed)
    case .dot: return try DOTReader.read(bytes, file: path)
    case .graphml: return try GraphMLReader.read(bytes, file: path)
    case .gexf: return try GEXFReader.read(bytes, file: path)
    }
}

/// The text of a graph in a writable format.
func serialize(_ graph: RelationGraph, as format: GraphFormat) -> String {
    switch format {
    case .json: return NativeJSON.write(graph)
    case .csv: return CSVEdgeList.write(graph)
    case .dot: return DOTWriter.write(graph)
    case .graphml: return GraphMLWriter.write(graph)
    case .gexf: return GEXFWriter.write(graph, drawing: GEXFDrawing(graph))
    }
}
