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
        default: return try GraphMLReader.read(bytes, file: path)
        }
    }

    @Test(arguments: ["json", "csv", "dot", "graphml"])
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
}
