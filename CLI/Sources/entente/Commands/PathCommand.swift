import ArgumentParser
import Entente

struct PathCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Shortest links between two nations.",
        discussion: """
            Prints the cheapest path from FROM to TO, one line per path: each hop shows the type and \
            weight of the edge taken (the cheapest of parallel edges). Costs follow --metric. Equal \
            costs (within 1e-10 relative) are ties; --all prints every tied path sorted by node ids, \
            otherwise ties go to the lowest node positions in the file. --via routes through a stop \
            and may pass a node twice.

            --explain prints under each path every hop's tie (type, weight, polarity, and its years \
            when the graph gives them) and each quote it rests on, with the title of its source. \
            --json always carries each hop's evidence and the sources it cites.

            --pairs FILE answers many pairs in one run, reading the graph once: each line of FILE \
            (- for standard input) holds FROM and TO separated by a tab; empty lines and lines \
            starting with # are skipped. The answers come in the order of the lines, each as the \
            pair alone would print it (with --json, one JSON answer per line).

            On a terminal, --k shows a progress bar (paths found of N, with an ETA) on standard error once \
            the search has run for a quarter of a second, erased when done; --quiet turns it off.
            """
    )

    @Argument(help: "The graph file (\(readableExtensions)).")
    var graph: String

    @Argument(help: "Where the path starts: a node id, label or alias, in any case.")
    var from: String?

    @Argument(help: "Where the path ends: a node id, label or alias, in any case.")
    var to: String?

    @Option(help: ArgumentHelp("Answer every pair of a file instead of FROM TO: FROM, a tab, TO on each line (- for standard input).",
                               valueName: "file"))
    var pairs: String?

    @Option(help: "Cost of an edge: length (its weight), strength (1/weight), hops (1 per edge).")
    var metric: EdgeMetric = .strength

    @Flag(help: "Print every cheapest path, not just one.")
    var all = false

    // Unconditional parsing so that `--k -2` reaches validate() instead of reading as an option.
    @Option(name: .customLong("k"), parsing: .unconditional, help: ArgumentHelp("Print the N cheapest loopless paths (Yen's algorithm).", valueName: "N"))
    var k: Int?

    @Option(help: ArgumentHelp("Route through this node (id, label or alias).", valueName: "NODE"))
    var via: String?

    @Flag(help: "Under each path, print every hop's tie and the quotes it rests on, with their sources.")
    var explain = false

    @Flag(help: "Print the paths as JSON, with each hop's evidence and the sources it cites.")
    var json = false

    @Flag(help: "Do not show the progress bar of --k on standard error.")
    var quiet = false

    @OptionGroup var analysis: AnalysisOptions

    func validate() throws {
        switch (from, to, pairs) {
        case (_?, _?, nil), (nil, nil, _?): break
        case (_?, _?, _?): throw ValidationError("give FROM and TO or --pairs, not both")
        case (_, nil, nil): throw ValidationError("Missing expected argument '<to>'")
        default: throw ValidationError("Missing expected argument '<from>'")
        }
        if let k, k < 1 { throw ValidationError("--k must be at least 1, not \(k)") }
        if all && k != nil { throw ValidationError("--all and --k cannot be used together") }
        if via != nil && (all || k != nil) { throw ValidationError("--via cannot be combined with --all or --k") }
        if explain && json { throw ValidationError("--explain and --json cannot be used together; --json always carries the evidence") }
    }

    func run() async throws {
        try await reportingErrors {
            let analysis = try self.analysis.analysis(of: graph, metric: metric)
            let selection: PathSelection = all ? .allCheapest : k.map { .cheapestLoopless(k: $0) } ?? .cheapest
            let bar = k == nil ? nil : TerminalProgress(label: "paths", quiet: quiet)
            defer { bar?.finish() }
            var output = Output()
            for (from, to, location) in try queries() {
                let report: PathReport
                do {
                    report = try await analysis.paths(from: from, to: to, via: via, selection: selection, progress: bar?.handler)
                } catch let error as GraphError {
                    guard let location else { throw error }
                    throw Failure("\(location): \(error.commandLineDescription)")
                }
                bar?.finish()
                if json {
                    try output.json(report)
                } else {
                    for line in explain ? report.explanation : report.lines {
                        output.line(TextFormat.escapingControls(line))
                    }
                }
            }
            try output.flush()
        }
    }

    /// The pairs asked for: FROM and TO, or each line of the --pairs file with its location.
    private func queries() throws -> [(from: String, to: String, location: String?)] {
        guard let pairs else { return [(from ?? "", to ?? "", nil)] }
        let bytes = try FileIO.readText(pairs)
        var queries: [(from: String, to: String, location: String?)] = []
        // Lines split on the line feed byte: as Characters, "\r\n" is one grapheme and never equals "\n".
        for (number, lineBytes) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let line = String(decoding: lineBytes.last == 0x0D ? lineBytes.dropLast() : lineBytes, as: UTF8.self)[...]
            let text = line
            let location = "\(pairs == "-" ? "<stdin>" : pairs):\(number + 1)"
            if text.allSatisfy({ $0 == " " || $0 == "\t" }) || text.hasPrefix("#") { continue }
            let fields = text.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
            guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw Failure("\(location): expected FROM, a tab and TO, found \(fields.count == 1 ? "no tab" : "\(fields.count - 1) tabs or an empty name")")
            }
            queries.append((fields[0], fields[1], location))
        }
        return queries
    }
}

extension Substring {
    /// Without spaces at either end.
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
