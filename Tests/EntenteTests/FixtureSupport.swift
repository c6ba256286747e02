import Foundation
import Testing
@testable import Entente

/// The folder of reference fixtures next to this file.
let fixturesDirectory: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// The package root (two levels above this file).
let packageRootDirectory: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Loads a fixture graph (`Fixtures/graphs/NAME.json` or `.csv`).
func fixtureGraph(_ name: String) throws -> RelationGraph {
    let json = fixturesDirectory.appendingPathComponent("graphs/\(name).json")
    if FileManager.default.fileExists(atPath: json.path) {
        return try NativeJSON.read(Array(try Data(contentsOf: json)), file: json.lastPathComponent)
    }
    let csv = fixturesDirectory.appendingPathComponent("graphs/\(name).csv")
    return try CSVEdgeList.read(Array(try Data(contentsOf: csv)), file: csv.lastPathComponent)
}

/// Reads a fixture JSON file as Foundation objects.
func fixtureJSON(_ name: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(contentsOf: fixturesDirectory.appendingPathComponent(name)))
}

/// Compares text with `Fixtures/golden/NAME` byte for byte. With `ENTENTE_UPDATE_GOLDEN=1` in the
/// environment the file is rewritten instead (review the diff before committing it).
func expectGolden(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let url = fixturesDirectory.appendingPathComponent("golden/\(name)")
    if ProcessInfo.processInfo.environment["ENTENTE_UPDATE_GOLDEN"] == "1" {
        try text.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(text == expected, "differs from golden/\(name)", sourceLocation: sourceLocation)
}
