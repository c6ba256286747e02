import Foundation
import Testing

/// Inputs that are not graph files, or not the size of one, and options whose values look like
/// options: each is one clear line, never an abort.
@Suite struct HostileInputCLITests {
    private let graph = "Graphs/pakistan.json"

    /// A format that cannot hold a name refuses the file, naming the node, and writes nothing:
    /// two ids that differ by a character XML cannot hold would have become one.
    @Test func aNameAFormatCannotHoldIsRefusedNotChanged() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("names.json")
        try Data(#"{"nodes": [{"id": "x\u0001"}, {"id": "x"}, {"id": "a\\\"b>"}], "edges": [{"source": "x", "target": "x\u0001"}]}"#.utf8)
            .write(to: input)
        for (format, message) in [("graphml", "node id 'x\\u{1}' is not text GraphML can hold"), ("gexf", "node id 'x\\u{1}' is not text GEXF can hold"),
                                  ("dot", #"node id 'a\"b>' is not text DOT can hold"#)] {
            let output = directory.appendingPathComponent("out.\(format)")
            let result = try runEntente(["convert", input.path, "-o", output.path])
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix("entente: \(output.path): \(message)"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: output.path))
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        // JSON holds every name.
        let json = try runEntente(["convert", input.path, "-o", directory.appendingPathComponent("out.json").path])
        #expect(json.status == 0)
    }

    @Test func aDeviceIsRefusedNotReadForever() throws {
        let zero = try runEntente(["info", "/dev/zero", "--format", "json"])
        #expect(zero.status == 1)
        #expect(zero.stderr == "entente: /dev/zero: is a device, not a graph file\n")
        let pairs = try runEntente(["path", graph, "--pairs", "/dev/urandom"])
        #expect(pairs.status == 1)
        #expect(pairs.stderr == "entente: /dev/urandom: is a device, not a graph file\n")
    }

    @Test func aFileLargerThanTheLimitIsRefusedBeforeItIsRead() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A 5 GB sparse file: its size is a claim, nothing is allocated for it.
        let sparse = directory.appendingPathComponent("sparse.json")
        #expect(FileManager.default.createFile(atPath: sparse.path, contents: nil))
        let handle = try FileHandle(forWritingTo: sparse)
        try handle.truncate(atOffset: 5_000_000_000)
        try handle.close()
        let result = try runEntente(["info", sparse.path])
        #expect(result.status == 1)
        #expect(result.stderr == "entente: \(sparse.path): is larger than 2 GiB, the most Entente reads "
                + "(ENTENTE_MAX_INPUT_SIZE sets another limit)\n")
        // The limit applies to what is read, too: standard input has no size to check first.
        var environment = ProcessInfo.processInfo.environment
        environment["ENTENTE_MAX_INPUT_SIZE"] = "1K"
        let piped = try runEntente(["info", "-", "--format", "json"], stdin: try Data(contentsOf: packageRoot.appendingPathComponent(graph)),
                                   environment: environment)
        #expect(piped.status == 1)
        #expect(piped.stderr == "entente: -: is larger than 1 KiB, the most Entente reads (ENTENTE_MAX_INPUT_SIZE sets another limit)\n")
    }

    @Test func pairsWithWindowsLineEndsAreRead() throws {
        let result = try runEntente(["path", graph, "--pairs", "-"], stdin: Data("PAK\tEU\r\nIND\tRUS\r\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "PAK -[economic 4]- EU  cost 0.25\nIND -[membership 3]- UN -[membership 3]- RUS  cost 0.666667\n")
    }

    @Test func standardInputCannotBeBothSidesOfADiff() throws {
        let result = try runEntente(["diff", "-", "-", "--format", "json"], stdin: Data("{}".utf8))
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: BASE and OTHER cannot both be - (standard input can be read once)\n"))
    }

    @Test(arguments: [
        (["centrality", "Graphs/pakistan.json", "--measure", "pagerank", "--top", "-1"], "--top must be at least 1, not -1"),
        (["centrality", "Graphs/pakistan.json", "--measure", "katz", "--alpha", "-1"], "--alpha must be a positive number, not -1"),
        (["centrality", "Graphs/pakistan.json", "--measure", "katz", "--alpha", "nan"], "--alpha must be a positive number, not nan"),
        (["centrality", "Graphs/pakistan.json", "--measure", "katz", "--alpha", "inf"], "--alpha must be a positive number, not inf"),
        (["render", "Graphs/pakistan.json", "-o", "x.svg", "--around", "PAK", "--depth", "-3"], "--depth must be 0 or more, not -3"),
    ])
    func negativeAndNonFiniteValuesAreNamed(_ arguments: [String], _ message: String) throws {
        let result = try runEntente(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: \(message)\n"), "\(result.stderr)")
    }
}

/// Names that would drive a terminal or split a line are shown escaped in text output and error
/// lines; JSON and CSV keep them exact.
@Suite struct TerminalInjectionCLITests {
    private let csv = "source,target,type\n\"evil\u{1B}[2J\u{7}\",\"two\nlines\",economic\n"

    @Test func tablesAndErrorsEscapeControlCharacters() throws {
        let table = try runEntente(["nodes", "-", "--format", "csv"], stdin: Data(csv.utf8))
        #expect(table.status == 0)
        #expect(!table.stdout.contains("\u{1B}") && !table.stdout.contains("\u{7}"))
        #expect(table.stdout.contains("evil\\u{1B}[2J\\u{7}"))
        #expect(table.stdout.contains("two\\u{A}lines"))
        #expect(table.stdout.split(separator: "\n").count == 3, "a name split a row: \(table.stdout)")
        let error = try runEntente(["path", "-", "--format", "csv", "evil\u{1B}[2J\u{7}", "nowhere\nentente: fake"],
                                   stdin: Data(csv.utf8))
        #expect(error.status == 1)
        #expect(!error.stderr.contains("\u{1B}"))
        #expect(error.stderr.split(separator: "\n").count == 1, "\(error.stderr)")
    }

    @Test func jsonAndCSVKeepNamesExact() throws {
        let json = try runEntente(["nodes", "-", "--format", "csv", "--json"], stdin: Data(csv.utf8))
        #expect(json.stdout.contains("evil\\u001b[2J\\u0007"))
        let table = try runEntente(["nodes", "-", "--format", "csv", "--csv"], stdin: Data(csv.utf8))
        #expect(table.stdout.contains("evil\u{1B}[2J\u{7}"))
    }
}

/// `render --size-by`, `convert --size-by` and `centrality` rank nodes by one computation: over
/// cooperative ties, so a rivalry does not make a node bigger.
@Suite struct SizeByCLITests {
    /// A–B and B–C cooperative, A–C adversarial: by degree over cooperative ties B is 1.0, A and C 0.5.
    private let triangle = "source,target,polarity\nA,B,cooperative\nB,C,cooperative\nA,C,adversarial\n"

    @Test func renderConvertAndCentralityAgree() throws {
        let centrality = try runEntente(["centrality", "-", "--format", "csv", "--measure", "degree", "--csv"],
                                        stdin: Data(triangle.utf8))
        #expect(centrality.stdout == "id,label,degree\nB,B,1\nA,A,0.5\nC,C,0.5\n")
        let drawn = try runEntente(["render", "-", "--format", "csv", "-o", "-", "--to", "dot", "--size-by", "degree"],
                                   stdin: Data(triangle.utf8))
        #expect(drawn.status == 0, "\(drawn.stderr)")
        func fontSize(_ id: String) -> Int? {
            guard let range = drawn.stdout.range(of: "\t\(id)\t[fontsize=") else { return nil }
            return Int(drawn.stdout[range.upperBound...].prefix { $0.isNumber })
        }
        let (a, b, c) = (fontSize("A"), fontSize("B"), fontSize("C"))
        #expect(a != nil && a == c)
        #expect((b ?? 0) > (a ?? 0), "B has the most cooperative ties: \(String(describing: b)) against \(String(describing: a))")
        let gexf = try runEntente(["convert", "-", "--format", "csv", "-o", "-", "--to", "gexf", "--size-by", "degree"],
                                  stdin: Data(triangle.utf8))
        let sizes = gexf.stdout.components(separatedBy: "<viz:size value=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(sizes == ["10", "50", "10"])
    }
}

/// A NUL in a name would be cut short by the C libraries that draw it: refused where it is read.
@Test func aNulInAJSONNameIsRefusedWithItsPosition() throws {
    let result = try runEntente(["info", "-", "--format", "json"], stdin: Data(#"{"nodes":[{"id":"a\u0000b"}],"edges":[]}"#.utf8))
    #expect(result.status == 1)
    #expect(result.stderr == "entente: -:1:19: invalid JSON: a string holds NUL (\\u0000), which Entente does not accept in names or text\n")
}

/// `info --at 1962` counts the states of 1962 (117 in COW's state system, Fixtures/world/world_facts.json).
@Test func infoAtAYearOfTheWorldCountsThatYearsStates() throws {
    let result = try runEntente(["info", "Graphs/world/security.json", "--at", "1962"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("\nnodes:       117\n"))
}

/// Every writer fed hostile names, each output read by a parser that is not Entente's: Python's
/// json, csv, xml.etree and html.parser, networkx's GraphML and GEXF readers, and Graphviz's `dot`
/// (#23 item 11). The script defines the names and the checks; see its docstring.
@Test func everyWriterIsValidForItsFormatWhateverTheNamesHold() throws {
    let result = try runPython("CLI/Tests/EntenteCLITests/validate_writers.py", [ententeBinary.path])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.hasSuffix(" outputs checked, 0 problems\n"), "\(result.stdout)\(result.stderr)")
}
