import Foundation
import Testing

/// `entente render … -o x.html`: the explorer page, as a user makes it.
@Suite struct ExplorerCLITests {
    @Test func writesThePageByExtensionOrTo() throws {
        let directory = try temporaryDirectory()
        let output = directory.appendingPathComponent("pakistan.html")
        let result = try runEntente(["render", "Graphs/pakistan.json", "-o", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let page = try String(contentsOf: output, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("id=\"entente-data\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["pakistan.html"])

        let standardOutput = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--to", "html"])
        #expect(standardOutput.status == 0)
        #expect(standardOutput.stdout == page, "the same page, byte for byte")

        let other = directory.appendingPathComponent("page.out")
        #expect(try runEntente(["render", "Graphs/pakistan.json", "-o", other.path, "--to", "HTML"]).status == 0)
        #expect(try String(contentsOf: other, encoding: .utf8) == page)
    }

    @Test func renderOptionsApplyToThePage() throws {
        let whole = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--to", "html"])
        let around = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--to", "html", "--around", "India",
                                     "--title", "India & <neighbours>", "--layout", "circo", "--size-by", "degree"])
        #expect(whole.status == 0 && around.status == 0, "\(around.stderr)")
        func count(_ text: String, _ needle: String) -> Int { text.components(separatedBy: needle).count - 1 }
        #expect(count(whole.stdout, "class=\"node\"") == 14)
        #expect(count(around.stdout, "class=\"node\"") < 14)
        #expect(around.stdout.contains("<title>India &amp; &lt;neighbours&gt;</title>"))
        #expect(around.stdout.contains("\"layout\":\"circo\""))
    }

    @Test func failuresLeaveNoFile() throws {
        let directory = try temporaryDirectory()
        let output = directory.appendingPathComponent("missing-dir/page.html")
        let unwritable = try runEntente(["render", "Graphs/pakistan.json", "-o", output.path])
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr.hasPrefix("entente: "))
        let unknownNode = try runEntente(["render", "Graphs/pakistan.json", "-o", directory.appendingPathComponent("x.html").path,
                                          "--around", "Atlantis"])
        #expect(unknownNode.status == 1)
        #expect(unknownNode.stderr.contains("Atlantis"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
