import Entente
import EntenteGraphviz
import Foundation
import Testing

/// Every input the fuzzers (`make fuzz`) found to crash, hang or leak, read again by its reader
/// (`Tests/FuzzRegressions/READER/`): each must end in a graph or in one error line naming the file.
/// Under `make sanitize` the same inputs run with AddressSanitizer and LeakSanitizer.
@Suite struct FuzzRegressionTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FuzzRegressions")

    static func inputs(_ reader: String) -> [String] {
        let folder = directory.appendingPathComponent(reader)
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            .map { folder.appendingPathComponent($0).path }
    }

    static func read(_ path: String, reader: String) throws(GraphError) -> RelationGraph {
        let bytes = (try? Array(Data(contentsOf: URL(fileURLWithPath: path)))) ?? []
        switch reader {
        case "json": return try NativeJSON.read(bytes, file: path)
        case "csv": return try CSVEdgeList.read(bytes, file: path)
        case "dot": return try DOTReader.read(bytes, file: path)
        case "gexf": return try GEXFReader.read(bytes, file: path)
        default: return try GraphMLReader.read(bytes, file: path)
        }
    }

    @Test(arguments: ["json", "csv", "dot", "graphml", "gexf"])
    func foundInputsEndInAGraphOrOneErrorLine(_ reader: String) {
        for path in Self.inputs(reader) {
            do {
                _ = try Self.read(path, reader: reader)
            } catch {
                #expect(error.description.hasPrefix(path + ":"), "\(error)")
                #expect(!error.description.contains("\n"))
            }
        }
    }

    /// The GraphML input that showed FoundationXML's leak of a parse error's message (suppressed
    /// in Fuzz/lsan.supp and Tests/lsan.supp): malformed XML, reported with its line.
    @Test func malformedGraphMLFromTheFuzzerNamesItsLine() throws {
        let path = try #require(Self.inputs("graphml").first { $0.hasSuffix("foundation-error-leak.graphml") })
        #expect(throws: GraphError.self) { try Self.read(path, reader: "graphml") }
        do {
            _ = try Self.read(path, reader: "graphml")
        } catch {
            #expect(error.location?.line == 2, "\(error)")
        }
    }

    /// The GraphML and GEXF inputs that crashed libxml2 (a null read in `xmlParseChunk`) by declaring
    /// UTF-7: refused before the parser sees them, at the declared encoding on line 1.
    @Test(arguments: [("graphml", "libxml2-utf7-crash.graphml"), ("gexf", "libxml2-utf7-crash.gexf")])
    func documentsDeclaringUTF7AreRefused(_ reader: String, _ name: String) throws {
        try expectRefused(name, reader: reader, at: "1:31",
                          "the XML declaration names the encoding 'UTF-7'; Entente reads XML in UTF-8 only")
    }

    /// Reads a kept input and expects exactly one error line: the file, `location` and `message`.
    private func expectRefused(_ name: String, reader: String, at location: String, _ message: String) throws {
        let path = try #require(Self.inputs(reader).first { $0.hasSuffix(name) })
        do {
            _ = try Self.read(path, reader: reader)
            Issue.record("\(name) was read")
        } catch {
            #expect(error.description == "\(path):\(location): \(message)")
        }
    }

    /// UTF-8 and its ASCII subset may be declared, in any case and either quote; other encodings not.
    @Test func declaredEncodings() throws {
        for declaration in [#"encoding="UTF-8""#, "encoding='utf-8'", #"encoding = "US-ASCII""#, #"encoding="utf8""#, ""] {
            let text = "<?xml version=\"1.0\" \(declaration)?>\n<graphml><graph edgedefault=\"undirected\"><node id=\"a\"/></graph></graphml>"
            #expect(try GraphMLReader.read(Array(text.utf8), file: "e.graphml").nodes.count == 1, "\(declaration)")
        }
        for encoding in ["ISO-8859-1", "UTF-16", "windows-1252"] {
            let text = "<?xml version=\"1.0\" encoding=\"\(encoding)\"?>\n<gexf><graph><nodes><node id=\"a\"/></nodes></graph></gexf>"
            #expect(throws: GraphError.syntax(SourceLocation(file: "e.gexf", line: 1, column: 31),
                                              "the XML declaration names the encoding '\(encoding)'; Entente reads XML in UTF-8 only")) {
                try GEXFReader.read(Array(text.utf8), file: "e.gexf")
            }
        }
    }

    /// The inputs with an empty processing instruction (`<?x?>`), whose null content FoundationXML
    /// passed to strlen: refused at the instruction; one with content is read.
    @Test(arguments: [("graphml", "foundation-empty-pi-crash.graphml"), ("gexf", "foundation-empty-pi-crash.gexf")])
    func emptyProcessingInstructionsAreRefused(_ reader: String, _ name: String) throws {
        try expectRefused(name, reader: reader, at: "1:1",
                          "processing instruction <?x?> without content: Entente refuses it (the XML parser crashes on it)")
        let text = "<?xml version=\"1.0\"?>\n<?app some data?><?other ?>\n<graphml><graph><node id=\"a\"/></graph></graphml>"
        #expect(try GraphMLReader.read(Array(text.utf8), file: "p.graphml").nodes.count == 1)
    }
}
