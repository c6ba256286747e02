import CGraphviz
import Entente

/// Reads DOT files into a ``RelationGraph`` through cgraph (`agmemread`).
public enum DOTReader {
    /// Reads a graph from DOT bytes.
    public static func read(_ bytes: [UInt8], file: String) throws(GraphError) -> RelationGraph {
        try FileIO.checkText(bytes, file: file)
        throw .syntax(SourceLocation(file: file), "DOT import is not implemented yet")
    }
}
