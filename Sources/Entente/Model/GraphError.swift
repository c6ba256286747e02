/// Where in an input a problem was found: a file, and the line and column when known.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file name as the user gave it (or a description such as `<stdin>`).
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The 1-based column, when known.
    public var column: Int?

    /// Creates a location.
    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, leaving out what is not known.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}

/// A problem with a graph or with the input it was read from.
///
/// Its ``description`` is one line naming the file, the line (and column where known) and the
/// problem, ready to print on standard error.
public enum GraphError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The input is not valid for its format (a JSON syntax error, a short CSV row, a DOT error).
    case syntax(SourceLocation?, String)
    /// A field holds a value of the wrong kind or outside its range.
    case invalidValue(SourceLocation?, field: String, value: String, expected: String)
    /// An edge's weight is not a finite number greater than zero.
    case invalidWeight(SourceLocation?, value: String)
    /// Two nodes share one id.
    case duplicateNode(SourceLocation?, id: String)
    /// An edge names a node id the graph does not have.
    case unknownNode(SourceLocation?, id: String)
    /// An edge joins a node to itself.
    case selfLoop(SourceLocation?, id: String)
    /// A type or kind is used that the file did not declare.
    case undeclared(SourceLocation?, what: String, name: String)
    /// A node's years do not hold together: `until` before `since`, spells out of order or overlapping.
    case invalidYears(SourceLocation?, String)
    /// A tie names a year in which one of its ends does not exist (`lenient` reading clips it instead).
    case tieOutsideNodeYears(SourceLocation?, tie: String, node: String, tieYears: String, nodeYears: String)
    /// A required field is missing.
    case missingField(SourceLocation?, field: String)
    /// A field the format does not know.
    case unknownField(SourceLocation?, field: String)
    /// The file holds nothing.
    case empty(file: String)
    /// The file is not text (it holds NUL bytes or is not UTF-8).
    case binary(file: String)
    /// The file could not be read or written.
    case io(file: String, reason: String)
    /// A node name given by the user matches no node.
    case noSuchNode(name: String, file: String?, suggestions: [String])
    /// A node name given by the user matches several nodes.
    case ambiguousNode(name: String, file: String?, matches: [String])
    /// The file extension or format name is not one Entente reads or writes.
    case unsupportedFormat(file: String, format: String, supported: [String])
    /// Standard input (`-`) has no extension to tell its format.
    case formatNeeded(file: String, supported: [String])
    /// The graph has no nodes, so nothing can be analysed.
    case emptyGraph(file: String?)
    /// The analysis filter keeps no edge (`description` says what it keeps).
    case emptyView(file: String?, description: String)
    /// A node exists but the analysis filter leaves it out, and why.
    case notInView(file: String?, node: String, reason: Exclusion)
    /// A type or kind name that the graph does not know (`what`: "edge type" or "node kind").
    case unknownName(file: String?, what: String, name: String, known: [String])
    /// A centrality or other measure could not be computed.
    case measureFailed(file: String?, measure: String, reason: String)
    /// A measure's value exceeds the largest finite number even with the weights scaled (a strength
    /// of 1e308 plus 1e308, say).
    case overflow(file: String?, measure: String)
    /// A path's cost exceeds the largest finite number under its metric.
    case costOverflow(file: String?, from: String, to: String, metric: String)
    /// A measure has no unique answer on this view (the leading eigenvector of a disconnected graph);
    /// `reason` says why.
    case notUnique(file: String?, measure: String, reason: String)
    /// A dyad-year panel gives a pair two weights in one year, and no rule says how to combine them
    /// (``ReadOptions/combine``); `detail` names the rows.
    case panelWeightsDiffer(SourceLocation?, detail: String)
    /// An argument of a library call is out of its range.
    case invalidArgument(String)

    /// The error with a location where it had none (for readers that work out a location only when
    /// something fails).
    package func located(at location: SourceLocation) -> GraphError {
        switch self {
        case .syntax(nil, let message): return .syntax(location, message)
        case .invalidValue(nil, let field, let value, let expected): return .invalidValue(location, field: field, value: value, expected: expected)
        case .invalidWeight(nil, let value): return .invalidWeight(location, value: value)
        case .duplicateNode(nil, let id): return .duplicateNode(location, id: id)
        case .unknownNode(nil, let id): return .unknownNode(location, id: id)
        case .selfLoop(nil, let id): return .selfLoop(location, id: id)
        case .invalidYears(nil, let message): return .invalidYears(location, message)
        default: return self
        }
    }

    /// The location the error names, when it has one.
    public var location: SourceLocation? {
        switch self {
        case .syntax(let location, _), .invalidValue(let location, _, _, _), .invalidWeight(let location, _),
             .duplicateNode(let location, _), .unknownNode(let location, _), .selfLoop(let location, _),
             .undeclared(let location, _, _), .invalidYears(let location, _),
             .tieOutsideNodeYears(let location, _, _, _, _), .missingField(let location, _), .unknownField(let location, _),
             .panelWeightsDiffer(let location, _):
            return location
        case .empty(let file), .binary(let file), .io(let file, _), .unsupportedFormat(let file, _, _):
            return SourceLocation(file: file)
        case .noSuchNode, .ambiguousNode, .emptyGraph, .emptyView, .notInView, .unknownName, .measureFailed,
             .overflow, .costOverflow, .notUnique:
            // A query error: nothing is wrong in the file (``graphFile`` names the graph asked).
            return nil
        case .formatNeeded, .invalidArgument:
            return nil
        }
    }

    /// For an error in a query rather than in a file (an unknown node name, a type the graph does
    /// not declare, a measure with no answer), the file of the graph that was asked, when it was read
    /// from one; `nil` for the other errors, whose ``location`` names the place in the file. A client
    /// that reports several graphs' errors says which graph the question was put to with it (the CLI
    /// writes `Graphs/pakistan.json: no node named 'Atlantis'`).
    public var graphFile: String? {
        switch self {
        case .noSuchNode(_, let file, _), .ambiguousNode(_, let file, _), .emptyGraph(let file),
             .emptyView(let file, _), .notInView(let file, _, _), .unknownName(let file, _, _, _),
             .measureFailed(let file, _, _), .overflow(let file, _), .costOverflow(let file, _, _, _),
             .notUnique(let file, _, _):
            return file
        default:
            return nil
        }
    }

    /// The problem alone, without the location, naming settings in the library's terms ("the kinds
    /// filter (state)", "lenient reading (ReadOptions.lenient)").
    public var problem: String { problem(naming: \.libraryName) }

    /// The problem alone, naming the settings that would change the outcome as `name` gives them:
    /// the CLI passes its flags (`--kinds state`, `--lenient`).
    public func problem(naming name: (Setting) -> String) -> String {
        switch self {
        case .syntax(_, let message):
            return message
        case .invalidValue(_, let field, let value, let expected):
            return "\(field) \(quoted(value)) is not \(expected)"
        case .invalidWeight(_, let value):
            return "weight \(quoted(value)) is not a finite number greater than 0"
        case .duplicateNode(_, let id):
            return "duplicate node id \(quoted(id))"
        case .unknownNode(_, let id):
            return "edge references unknown node \(quoted(id))"
        case .selfLoop(_, let id):
            return "edge joins node \(quoted(id)) to itself"
        case .undeclared(_, let what, let name):
            return "\(what) \(quoted(name)) is not built in and not declared in \"\(what == "type" ? "types" : "kinds")\""
        case .invalidYears(_, let message):
            return message
        case .tieOutsideNodeYears(_, let tie, let node, let tieYears, let nodeYears):
            return "tie \(tie) (\(tieYears)) falls outside the years of node \(quoted(node)) (\(nodeYears)); "
                + "\(name(.lenient)) clips such ties to the years their nodes exist"
        case .missingField(_, let field):
            return "missing required field \(quoted(field))"
        case .unknownField(_, let field):
            return "unknown field \(quoted(field))"
        case .empty:
            return "file is empty"
        case .binary:
            return "file is not text (binary data or invalid UTF-8)"
        case .io(_, let reason):
            return reason
        case .noSuchNode(let name, _, let suggestions):
            let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: " or "))?"
            return "no node named \(quoted(name))\(hint)"
        case .ambiguousNode(let name, _, let matches):
            return "\(quoted(name)) matches several nodes: \(matches.joined(separator: ", "))"
        case .unsupportedFormat(_, let format, let supported):
            return "unsupported format \(quoted(format)) (supported: \(supported.joined(separator: ", ")))"
        case .formatNeeded(_, let supported):
            return "standard input needs \(name(.format(supported)))"
        case .emptyGraph:
            return "the graph has no nodes"
        case .emptyView(_, let description):
            return "no \(description) in the graph"
        case .notInView(_, _, let reason):
            return reason.words(naming: name)
        case .unknownName(_, let what, let name, let known):
            let close = TextFormat.closestNames(to: name, among: known)
            let hint = close.isEmpty ? "" : "; did you mean \(close.map(quoted).joined(separator: " or "))?"
            return "unknown \(what) \(quoted(name)) (the graph has: \(known.joined(separator: ", ")))\(hint)"
        case .measureFailed(_, let measure, let reason):
            return "\(measure): \(reason)"
        case .overflow(_, let measure):
            return "\(measure): a value exceeds the largest finite number (about 1.8e308): the weights are too large"
        case .costOverflow(_, let from, let to, let metric):
            return "path: the cost from \(from) to \(to) exceeds the largest finite number (about 1.8e308) under "
                + name(.metric(metric))
        case .notUnique(_, let measure, let reason):
            return "\(measure): \(reason) (\(name(.largestComponent)) analyses the largest connected component alone)"
        case .panelWeightsDiffer(_, let detail):
            return "\(detail); \(name(.combine)) says how to combine them"
        case .invalidArgument(let message):
            return message
        }
    }

    /// `file:line:column: problem`, or the ``problem`` alone when the error names no location.
    public var description: String { description(naming: \.libraryName) }

    /// ``description`` with the settings named as `name` gives them (``problem(naming:)``).
    public func description(naming name: (Setting) -> String) -> String {
        if let location { return "\(location): \(problem(naming: name))" }
        return problem(naming: name)
    }

    /// A setting that would change the outcome of an error, which its message names: in the
    /// library's terms by default (``libraryName``); a client names it its own way (the CLI: its flags).
    public enum Setting: Hashable, Sendable {
        /// ``RelationFilter/kinds``, with the kinds kept.
        case kinds([String])
        /// ``RelationFilter/year``.
        case year(Int)
        /// ``RelationFilter/depth``.
        case depth(Int)
        /// ``RelationFilter/largestComponent``.
        case largestComponent
        /// ``ReadOptions/lenient``.
        case lenient
        /// The format of `RelationGraph(contentsOf:format:options:)`, with the formats that can be named.
        case format([String])
        /// ``ReadOptions/combine``.
        case combine
        /// A path's metric, by name.
        case metric(String)

        /// The setting in the library's terms: `the kinds filter (state)`, `lenient reading (ReadOptions.lenient)`.
        public var libraryName: String {
            switch self {
            case .kinds(let kinds): return "the kinds filter (\(kinds.joined(separator: ",")))"
            case .year(let year): return "the year filter (\(year))"
            case .depth(let depth): return "the depth filter (\(depth))"
            case .largestComponent: return "the largest-component filter (RelationFilter.largestComponent)"
            case .lenient: return "lenient reading (ReadOptions.lenient)"
            case .format(let formats): return "its format named (\(formats.joined(separator: "|")))"
            case .combine: return "a combine rule (ReadOptions.combine: max, sum or mean)"
            case .metric(let metric): return "the \(metric) metric"
            }
        }
    }

    /// Why an analysis view leaves a node out, in terms of its filter.
    public enum Exclusion: Hashable, Sendable {
        /// The node (by id) is of a kind the filter does not keep (`kept`, in the graph's order).
        case kind(node: String, kind: String, kept: [String])
        /// The node does not exist in the filter's year; `exists` gives its years.
        case year(node: String, year: Int, exists: String)
        /// The node is `distance` ties from the centre, beyond the filter's depth.
        case distance(node: String, distance: Int, centre: String, depth: Int)
        /// No tie the filter keeps (`filter`, in words) joins the node to the centre.
        case notConnected(node: String, centre: String, filter: String)
        /// The node is outside the largest connected component, which the filter keeps alone.
        case largestComponent(node: String)
        /// None of the above: the view was built some other way.
        case other(node: String)

        /// The reason as a clause, naming the filter's settings as `name` gives them.
        public func words(naming name: (Setting) -> String) -> String {
            switch self {
            case .kind(let node, let kind, let kept):
                let article = kind.first.map { "aeiou".contains($0) } == true ? "an" : "a"
                return "\(node) is \(article) \(kind); \(name(.kinds(kept))) leaves it out"
            case .year(let node, let year, let exists):
                return "\(node) does not exist in \(year) (it exists \(exists)); \(name(.year(year))) leaves it out"
            case .distance(let node, let distance, let centre, let depth):
                return "\(node) is \(distance) \(distance == 1 ? "tie" : "ties") from \(centre); \(name(.depth(depth))) does not reach it"
            case .notConnected(let node, let centre, let filter):
                return "\(node) is not connected to \(centre) by the \(filter)"
            case .largestComponent(let node):
                return "\(node) is not in the largest connected component; \(name(.largestComponent)) leaves it out"
            case .other(let node):
                return "\(node) is not in the analysed view"
            }
        }
    }
}

/// Quotes a value for an error message, escaping what would break the single line.
func quoted(_ value: String) -> String {
    var text = "'"
    for scalar in value.unicodeScalars.prefix(120) {
        switch scalar {
        case "\n": text += "\\n"
        case "\r": text += "\\r"
        case "\t": text += "\\t"
        case "\0": text += "\\0"
        default: text.unicodeScalars.append(scalar)
        }
    }
    if value.unicodeScalars.count > 120 { text += "…" }
    return text + "'"
}

extension GraphError {
    /// Whether a measure failed because a value exceeds the largest finite number.
    package var isOverflow: Bool {
        switch self {
        case .overflow, .costOverflow: return true
        default: return false
        }
    }
}
