import Entente

extension RelationGraph {
    /// Reads a graph file of any readable format, DOT included, by its extension unless `format`
    /// says otherwise.
    ///
    /// This is ``Entente/RelationGraph/init(contentsOf:format:directed:)`` with Graphviz's DOT parser
    /// linked: a module that imports `EntenteGraphviz` gets this initializer for the same call, so
    /// `try RelationGraph(contentsOf: "relations.gv")` reads DOT through cgraph in process.
    ///
    /// - Throws: `GraphError` naming the file, line and column of the first problem.
    public init(contentsOf path: String, format: GraphFormat? = nil, directed: Bool = false) throws {
        self = try RelationGraph.read(path, format: format, directed: directed) { bytes, file throws(GraphError) in
            try DOTReader.read(bytes, file: file)
        }
    }
}
