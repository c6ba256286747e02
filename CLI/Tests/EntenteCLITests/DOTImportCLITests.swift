import Foundation
import Testing

/// DOT files as Graphviz reads them: self-loops left out with one warning, `--strict`, Latin-1.
@Suite struct DOTImportCLITests {
    @Test func selfLoopsAreLeftOutWithOneWarningLine() throws {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("loops.gv")
        try Data("graph { a -- a; a -- b; b -- b; b -- c }\n".utf8).write(to: file)
        let result = try runEntente(["info", file.path, "--json"])
        #expect(result.status == 0)
        #expect(result.stderr == "entente: warning: \(file.path): left out 2 self-loops (an edge from a node to itself); --strict refuses them\n")
        #expect(result.stdout.contains("\"edges\":2"))

        let one = directory.appendingPathComponent("one.gv")
        try Data("digraph { a -> a -> b }\n".utf8).write(to: one)
        #expect(try runEntente(["info", one.path]).stderr
                == "entente: warning: \(one.path): left out 1 self-loop (an edge from a node to itself); --strict refuses them\n")

        let strict = try runEntente(["info", file.path, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stdout.isEmpty)
        #expect(strict.stderr == "entente: \(file.path): edge joins node 'a' to itself\n")
        #expect(try runEntente(["info", "Graphs/pakistan.json", "--strict"]).status == 0)
    }

    @Test func latin1FilesWithCharsetAreRead() throws {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("latin1.dot")
        try Data(Array("graph { charset=latin1; \"Z".utf8) + [0xFC] + Array("rich\" -- \"Gen".utf8) + [0xE8]
                 + Array("ve\" }\n".utf8)).write(to: file)
        let converted = directory.appendingPathComponent("latin1.json")
        let result = try runEntente(["convert", file.path, "-o", converted.path])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: converted, encoding: .utf8)
        #expect(text.contains("\"id\":\"Zürich\"") || text.contains("\"id\": \"Zürich\""))
        #expect(text.contains("Genève"))

        let unsaid = directory.appendingPathComponent("unsaid.dot")
        try Data(Array("graph {\n \"Z".utf8) + [0xFC] + Array("rich\" -- b\n}\n".utf8)).write(to: unsaid)
        let refused = try runEntente(["info", unsaid.path])
        #expect(refused.status == 1)
        #expect(refused.stderr == "entente: \(unsaid.path):2: text is not valid UTF-8 (a Latin-1 file needs the graph "
                + "attribute charset=latin1, as Graphviz reads it)\n")
    }
}
