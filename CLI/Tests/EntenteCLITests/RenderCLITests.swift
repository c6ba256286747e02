import Foundation
import Testing

@Suite struct RenderCLITests {
    /// An environment whose PATH is an empty directory: no Graphviz program can be found.
    private func noProgramsEnvironment() throws -> [String: String] {
        let empty = try temporaryDirectory()
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = empty.path
        return environment
    }

    @Test(arguments: [("svg", Array("<?xml".utf8)), ("png", [0x89, 0x50, 0x4E, 0x47]), ("pdf", Array("%PDF".utf8)),
                      ("dot", Array("graph".utf8)), ("json", Array("{".utf8))])
    func rendersEveryFormatWithoutGraphvizPrograms(_ format: String, _ magic: [UInt8]) throws {
        let directory = try temporaryDirectory()
        let output = directory.appendingPathComponent("pakistan.\(format)")
        let result = try runEntente(["render", "Graphs/pakistan.json", "-o", output.path],
                                    environment: try noProgramsEnvironment())
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let bytes = try Array(Data(contentsOf: output))
        #expect(bytes.starts(with: magic))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["pakistan.\(format)"])
    }

    @Test func writesToStandardOutput() throws {
        let svg = try runEntente(["render", "Graphs/pakistan.json", "-o", "-"])
        #expect(svg.status == 0)
        #expect(svg.stdout.hasPrefix("<?xml"))
        #expect(svg.stdout.contains("Pakistan"))
        let png = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--to", "png"])
        #expect(png.status == 0)
        #expect(png.stdoutData.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let gv = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--to", "gv", "--layout", "dot"])
        #expect(gv.status == 0)
        #expect(gv.stdout.contains("pos=\""))
    }

    @Test func toOverridesTheExtension() throws {
        let output = try temporaryDirectory().appendingPathComponent("diagram.out")
        let result = try runEntente(["render", "Graphs/pakistan.json", "-o", output.path, "--to", "svg"])
        #expect(result.status == 0)
        #expect(try String(contentsOf: output, encoding: .utf8).hasPrefix("<?xml"))
    }

    @Test func optionsShapeTheDiagram() throws {
        let all = try runEntente(["render", "Graphs/pakistan.json", "-o", "-"])
        let economic = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--types", "economic"])
        let cooperative = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--cooperative-only"])
        let noAdversarial = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--no-include-adversarial"])
        let ego = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--around", "india", "--depth", "1"])
        let titled = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--title", "A & <B>"])
        let path = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--highlight", "RUS", "EU"])
        let sized = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--size-by", "degree"])
        for result in [all, economic, cooperative, noAdversarial, ego, titled, path, sized] {
            #expect(result.status == 0, "\(result.stderr)")
        }
        func count(_ text: String, _ needle: String) -> Int { text.components(separatedBy: needle).count - 1 }
        #expect(count(all.stdout, "class=\"edge\"") == 45)
        #expect(count(all.stdout, "stroke-dasharray") == 2)
        #expect(count(economic.stdout, "class=\"edge\"") == 12)
        #expect(count(economic.stdout, "class=\"node\"") == 14)
        #expect(count(cooperative.stdout, "stroke-dasharray") == 0)
        #expect(cooperative.stdout == noAdversarial.stdout)
        // India's neighbours: Pakistan, the United States, the EU, SAARC and the UN.
        #expect(count(ego.stdout, "class=\"node\"") == 6)
        #expect(titled.stdout.contains(">A &amp; &lt;B&gt;</text>"))
        #expect(path.stdout.contains(": highlighted"))
        #expect(count(path.stdout, "stroke-opacity") > 30)
        #expect(sized.stdout.contains("size: degree"))
    }

    /// The titles of the edges drawn at full opacity: the highlighted ones.
    private func highlightedEdges(_ svg: String) -> [String] {
        svg.components(separatedBy: "class=\"edge\">").dropFirst().compactMap { group in
            let body = group.components(separatedBy: "</g>\n</g>")[0]
            guard !body.contains("stroke-opacity"),
                  let start = body.range(of: "<title>"), let end = body.range(of: "</title>") else { return nil }
            return String(body[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&#45;", with: "-")
        }.sorted()
    }

    @Test func highlightFollowsTheMetricOfThePathEngine() throws {
        // India to Pakistan over cooperative ties: through the UN (weights 3 and 5) by strength,
        // 1/3 + 1/5 < 1/3 + 1/4; through the United States by length, where the cheapest parallel
        // edge counts (security 3, then economic 2 of the security 4 and economic 2 ties), 5 < 8.
        let strength = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--highlight", "india", "pakistan"])
        let length = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--highlight", "IND", "PAK",
                                     "--metric", "length"])
        #expect(strength.status == 0 && length.status == 0, "\(strength.stderr)\(length.stderr)")
        #expect(highlightedEdges(strength.stdout) == ["IND--UN", "PAK--UN"])
        #expect(highlightedEdges(length.stdout) == ["IND--USA", "PAK--USA"])
        let path = try runEntente(["path", "Graphs/pakistan.json", "IND", "PAK", "--metric", "length"])
        #expect(path.stdout == "IND -[security 3]- USA -[economic 2]- PAK  cost 5\n")
    }

    @Test func sizeByAnyNodeMeasure() throws {
        for (measure, caption) in [("pagerank", "size: pagerank"), ("betweenness", "size: betweenness (strength)"),
                                   ("closeness", "size: closeness (hops)")] {
            let metric = measure == "closeness" ? ["--metric", "hops"] : []
            let result = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--size-by", measure] + metric)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains(caption), "\(measure)")
            // Pakistan, the hub of every measure here, gets the largest label.
            let sizes = result.stdout.components(separatedBy: "font-size=\"").dropFirst()
                .compactMap { Double($0.prefix { $0 != "\"" }) }
            let pakistan = result.stdout.components(separatedBy: "<title>PAK</title>")[1]
                .components(separatedBy: "font-size=\"")[1].prefix { $0 != "\"" }
            #expect(Double(pakistan) == sizes.max(), "\(measure)")
        }
    }

    @Test func everyLayoutWorks() throws {
        for layout in ["dot", "neato", "fdp", "sfdp", "circo", "twopi"] {
            let result = try runEntente(["render", "Graphs/pakistan.json", "-o", "-", "--layout", layout])
            #expect(result.status == 0, "\(layout): \(result.stderr)")
            #expect(result.stdout.components(separatedBy: "class=\"node\"").count - 1 == 14)
        }
    }

    @Test func rendersDOTInput() throws {
        let directory = try temporaryDirectory()
        let dot = directory.appendingPathComponent("pakistan.dot")
        #expect(try runEntente(["convert", "Graphs/pakistan.json", "-o", dot.path]).status == 0)
        let result = try runEntente(["render", dot.path, "-o", directory.appendingPathComponent("p.svg").path])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test(arguments: [
        (["-o", "out.txt"], "cannot render format 'txt'"),
        (["-o", "out"], "cannot render format '(no extension)'"),
        (["-o", "out.svg", "--to", "gif"], "--to"),
        (["-o", "out.svg", "--layout", "osage"], "--layout"),
        (["-o", "out.svg", "--around", "PAK", "--depth=-1"], "--depth must be 0 or more"),
        (["-o", "out.svg", "--depth", "2"], "--depth needs --around"),
        (["-o", "out.svg", "--highlight", "PAK"], "--highlight takes two nodes"),
        (["-o", "out.svg", "--highlight", "PAK", "EU", "IND"], "--highlight takes two nodes"),
        (["-o", "out.svg", "--size-by", "popularity"], "--size-by 'popularity' is not a node measure"),
        (["-o", "out.svg", "--size-by", "edge-betweenness"], "--size-by 'edge-betweenness' is not a node measure"),
        (["-o", "out.svg", "--highlight", "IND", "PAK", "--metric", "cheapest"], "--metric"),
        (["-o", "out.svg", "--include-adversarial", "--cooperative-only"], "contradict"),
        (["-o", "out.svg", "--types", ","], "names no edge type"),
    ])
    func usageErrorsExit64(_ arguments: [String], _ message: String) throws {
        let directory = try temporaryDirectory()
        let result = try runEntente(["render", packageRoot.appendingPathComponent("Graphs/pakistan.json").path] + arguments,
                                    in: directory)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func failuresExit1WithOneLine() throws {
        let directory = try temporaryDirectory()
        let output = directory.appendingPathComponent("out.svg").path
        let unknownNode = try runEntente(["render", "Graphs/pakistan.json", "-o", output, "--around", "Pakistn"])
        #expect(unknownNode.status == 1)
        #expect(unknownNode.stderr == "entente: Graphs/pakistan.json: no node named 'Pakistn'; did you mean PAK (Pakistan)?\n")
        let unknownHighlight = try runEntente(["render", "Graphs/pakistan.json", "-o", output, "--highlight", "PAK", "Atlantis"])
        #expect(unknownHighlight.status == 1)
        #expect(unknownHighlight.stderr.hasPrefix("entente: Graphs/pakistan.json: no node named 'Atlantis'"))
        let outsideView = try runEntente(["render", "Graphs/pakistan.json", "-o", output, "--around", "IND", "--depth", "0",
                                          "--highlight", "IND", "CHN"])
        #expect(outsideView.status == 1)
        #expect(outsideView.stderr.contains("is not in the drawn view"))
        let unknownType = try runEntente(["render", "Graphs/pakistan.json", "-o", output, "--types", "trade"])
        #expect(unknownType.status == 1)
        #expect(unknownType.stderr.contains("unknown edge type 'trade'"))
        let missing = try runEntente(["render", "Graphs/nothing.json", "-o", output])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("entente: Graphs/nothing.json: cannot open"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func unwritableOutputLeavesNoFile() throws {
        let directory = try temporaryDirectory()
        let locked = directory.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: locked.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: locked.path) }
        let inMissingDirectory = try runEntente(["render", "Graphs/pakistan.json", "-o",
                                                 directory.appendingPathComponent("no/such/dir/out.svg").path])
        #expect(inMissingDirectory.status == 1)
        #expect(inMissingDirectory.stderr.contains("cannot write"))
        let isDirectory = try runEntente(["render", "Graphs/pakistan.json", "-o", locked.path + "/", "--to", "svg"])
        #expect(isDirectory.status == 1)
        // Root may write into a read-only directory; the check only means something for other users.
        if getuid() != 0 {
            let readOnly = try runEntente(["render", "Graphs/pakistan.json", "-o", locked.appendingPathComponent("out.svg").path])
            #expect(readOnly.status == 1)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: locked.path).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["locked"])
    }

    @Test func binaryAndBrokenInputs() throws {
        let directory = try temporaryDirectory()
        let binary = directory.appendingPathComponent("graph.dot")
        try Data([0x67, 0x00, 0xFF, 0x10]).write(to: binary)
        let broken = directory.appendingPathComponent("broken.dot")
        try Data("graph {\n a -- b\n c -- \n}\n".utf8).write(to: broken)
        let out = directory.appendingPathComponent("out.svg").path
        let binaryResult = try runEntente(["render", binary.path, "-o", out])
        #expect(binaryResult.status == 1)
        #expect(binaryResult.stderr.contains("not text"))
        let brokenResult = try runEntente(["render", broken.path, "-o", out])
        #expect(brokenResult.status == 1)
        #expect(brokenResult.stderr == "entente: \(broken.path):4: syntax error near '}'\n")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}

/// A drawing too large to lay out is refused before Graphviz starts, with its size and what to do
/// (#23 item 9): a star of a million leaves crashed libcgraph or ended in a bare "out of memory".
@Suite struct LayoutLimitCLITests {
    @Test func aDrawingOverTheLimitIsRefusedUnlessForced() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let star = directory.appendingPathComponent("star.csv")
        // 125,001 nodes and 125,000 ties: 250,001 together, one over the limit.
        var text = "source,target,type,weight\n"
        for leaf in 0..<125_000 { text += "HUB,N\(leaf),economic,1\n" }
        try text.write(to: star, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("star.svg").path
        let result = try runEntente(["render", star.path, "-o", output])
        #expect(result.status == 1)
        #expect(result.stderr == "entente: \(star.path): the drawing has 125,001 nodes and 125,000 ties, more than the "
                + "250,000 together that render lays out (Graphviz would need about 0.95 GB and 1 min); draw a part of it "
                + "with --around, --types, --min-weight or --at, or give --force\n")
        #expect(!FileManager.default.fileExists(atPath: output))
        // A part of it is drawn.
        let part = try runEntente(["render", star.path, "--around", "N7", "-o", output])
        #expect(part.status == 0, "\(part.stderr)")
        // --force is taken (a small graph: the limit itself is tested in the library).
        let forced = try runEntente(["render", "Graphs/pakistan.json", "--force", "-o", output])
        #expect(forced.status == 0 && FileManager.default.fileExists(atPath: output))
    }
}
