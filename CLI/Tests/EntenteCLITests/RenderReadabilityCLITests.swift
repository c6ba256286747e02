import Foundation
import Testing

/// `entente render`: titles of filtered diagrams, --drop-isolated, the glyph warning, the palette.
@Suite struct RenderReadabilityCLITests {
    func count(_ text: String, _ needle: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// The height of an SVG drawing in points.
    func height(_ svg: String) -> Double? {
        svg.components(separatedBy: "<svg width=\"").dropFirst().first?
            .components(separatedBy: "height=\"").dropFirst().first.flatMap { Double($0.prefix { $0 != "p" }) }
    }

    /// twopi, circo and sfdp drawings from the binary go through the second routing pass (neato over
    /// pinned nodes: every node pinned, positions in points) and come out the same on every run;
    /// EdgeRoutingTests checks the geometry of the same drawings for edges through nodes.
    @Test(arguments: ["twopi", "circo", "sfdp"])
    func straightEngineDrawingsAreRoutedAgain(_ engine: String) throws {
        let first = try runEntente(["render", "Graphs/awaam-agenda.json", "--layout", engine, "-o", "-", "--to", "json"])
        let second = try runEntente(["render", "Graphs/awaam-agenda.json", "--layout", engine, "-o", "-", "--to", "json"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        let drawing = try #require(try JSONSerialization.jsonObject(with: first.stdoutData) as? [String: Any])
        #expect(drawing["inputscale"] as? String == "72")
        #expect(drawing["splines"] as? String == "true")
        let nodes = drawing["objects"] as? [[String: Any]] ?? []
        #expect(nodes.count == 13)
        #expect(nodes.allSatisfy { $0["pin"] as? String == "true" })
        let plain = try runEntente(["render", "Graphs/awaam-agenda.json", "--layout", "neato", "-o", "-", "--to", "json"])
        let neato = try #require(try JSONSerialization.jsonObject(with: plain.stdoutData) as? [String: Any])
        #expect(neato["inputscale"] == nil)
    }

    @Test func filteredDiagramsSayWhatTheyShow() throws {
        let security = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--types", "security"])
        let ego = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--around", "india", "--depth", "1"])
        let both = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--types", "security",
                                   "--cooperative-only", "--at", "1990"])
        let titled = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--types", "security", "--title", "Mine"])
        for result in [security, ego, both, titled] { #expect(result.status == 0, "\(result.stderr)") }
        #expect(security.stdout.contains(">Pakistan&#39;s foreign relations: security ties</text>"))
        #expect(ego.stdout.contains(">Pakistan&#39;s foreign relations: around India, depth 1</text>"))
        #expect(both.stdout.contains(">Pakistan&#39;s foreign relations: cooperative security ties, in 1990</text>"))
        #expect(titled.stdout.contains(">Mine</text>") && !titled.stdout.contains("security ties</text>"))
    }

    @Test func anEmptyTitleLeavesNoBand() throws {
        let titled = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--layout", "dot"])
        let untitled = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--layout", "dot", "--title", ""])
        #expect(titled.status == 0 && untitled.status == 0)
        #expect(!untitled.stdout.contains("font-weight=\"bold\""))
        // dot lays both out the same; the drawing is shorter by the title row (18-point text) alone.
        let difference = try #require(height(titled.stdout)) - (try #require(height(untitled.stdout)))
        #expect(difference > 18 && difference < 30, "\(difference)")
    }

    @Test func isolatedNodesAreDrawnApartOrDropped() throws {
        let kept = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--types", "security"])
        let dropped = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--types", "security", "--drop-isolated"])
        #expect(kept.status == 0 && dropped.status == 0)
        #expect(count(kept.stdout, "class=\"node\"") == 14)
        #expect(count(dropped.stdout, "class=\"node\"") == 8)
        #expect(!dropped.stdout.contains("<title>SAU</title>"))
        #expect(count(dropped.stdout, "class=\"edge\"") == count(kept.stdout, "class=\"edge\""))
    }

    @Test func extraTypesGetTheirOwnHues() throws {
        let result = try runEntente(["render", "Graphs/awaam-agenda.json", "-o", "-"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("fill=\"#56b4e9\">━━━</text>"))  // political's legend swatch
        #expect(!result.stdout.contains("#e69f00"))
    }

    @Test func missingGlyphsAreWarnedAboutOnceForPNGAndPDF() throws {
        let directory = try temporaryDirectory()
        let csv = directory.appendingPathComponent("glyphs.csv")
        try "source,target,type,weight\n𐀀𐀁,Plain,economic,3\n𐀀𐀁,Other,economic,2\n".write(to: csv, atomically: true, encoding: .utf8)
        let png = try runEntente(["render", csv.path, "-o", directory.appendingPathComponent("g.png").path])
        let pdf = try runEntente(["render", csv.path, "-o", directory.appendingPathComponent("g.pdf").path])
        let svg = try runEntente(["render", csv.path, "-o", directory.appendingPathComponent("g.svg").path])
        #expect(png.status == 0 && pdf.status == 0 && svg.status == 0)
        #expect(svg.stderr.isEmpty)
        let plain = try runEntente(["render", "Graphs/pakistan.json", "-o", directory.appendingPathComponent("p.png").path])
        #expect(plain.stderr.isEmpty)
        guard !png.stderr.isEmpty else {
            Issue.record("a font on this machine covers Linear B; the warning cannot be exercised")
            return
        }
        #expect(png.stderr == "entente: warning: no installed font has glyphs for '𐀀𐀁' (Linear B); "
                + "install fonts-noto (Debian's package name)\n")
        #expect(pdf.stderr == png.stderr)
    }
}
