import Entente

extension RelationGraph {
    /// Reads a graph file of any readable format, DOT included, by its extension unless `format`
    /// says otherwise.
    ///
    /// This is Entente's `RelationGraph(contentsOf:format:directed:)` with Graphviz's DOT parser
    /// linked: a module that imports `EntenteGraphviz` gets this initializer for the same call, so
    /// `try RelationGraph(contentsOf: "relations.gv")` reads DOT through cgraph in process.
    ///
    /// A DOT file is read as ``DOTReader/read(_:file:strict:)`` reads it: in its `charset`, with
    /// self-loops left out and counted in `RelationGraph.omittedSelfLoops` unless `strict`.
    ///
    /// - Parameters:
    ///   - path: the file to read; `-` reads standard input (give `format`).
    ///   - format: the format, whatever the extension.
    ///   - directed: read a CSV edge list as directed (the other formats say so themselves).
    ///   - strict: refuse a DOT file with a self-loop (`GraphError.selfLoop`) instead of leaving the
    ///     loop out.
    /// - Throws: `GraphError` naming the file, line and column of the first problem.
    public init(contentsOf path: String, format: GraphFormat? = nil, directed: Bool = false, strict: Bool = false) throws(GraphError) {
        self = try RelationGraph.read(path, format: format, directed: directed) { bytes, file throws(GraphError) in
            try DOTReader.read(bytes, file: file, strict: strict)
        }
    }

    /// Reads a graph file of any readable format, DOT included, with options (a CSV node table,
    /// lenient years, panels): Entente's `RelationGraph(contentsOf:format:options:)` with
    /// Graphviz's DOT parser linked.
    ///
    /// - Parameters:
    ///   - path: the file to read; `-` reads standard input (give `format`).
    ///   - format: the format, whatever the extension.
    ///   - options: how to read (direction of a CSV edge list, node table, lenient years, panels).
    ///   - strict: refuse a DOT file with a self-loop instead of leaving the loop out.
    /// - Throws: `GraphError` naming the file, line and column of the first problem.
    public init(contentsOf path: String, format: GraphFormat? = nil, options: ReadOptions, strict: Bool = false) throws(GraphError) {
        self = try RelationGraph.read(path, format: format, options: options) { bytes, file throws(GraphError) in
            try DOTReader.read(bytes, file: file, strict: strict)
        }
    }
}
