/// The rules of the native JSON format that both ways into a ``RelationGraph`` apply: the strict
/// reader (``NativeJSON/read(_:file:)``, `RelationGraph(contentsOf:)`), which adds the line and
/// column, and `Codable` (`JSONDecoder().decode(RelationGraph.self, from:)`), which has none. A
/// document one accepts, the other accepts; a document one rejects, the other rejects with the same
/// ``GraphError/problem``. A location is worked out only for an error (its column costs a scan of
/// the line, and a world graph may be one line of megabytes). The rules a graph keeps whoever builds it (unique ids, known ends,
/// weights, years) are ``RelationGraph/addNode(_:at:)``'s and ``RelationGraph/addEdge(_:at:)``'s.
package enum NativeRules {
    /// The members each object of the format may have, and those it must have.
    package static let graphMembers = ["name", "directed", "types", "kinds", "sources", "nodes", "edges"]
    package static let graphRequired = ["nodes", "edges"]
    package static let sourceMembers = ["id", "title", "file", "citation"]
    package static let nodeMembers = ["id", "label", "kind", "aliases", "attributes", "since", "until", "spells"]
    package static let spellMembers = ["since", "until"]
    package static let edgeMembers = ["source", "target", "type", "weight", "polarity", "evidence",
                                      "since", "until", "note", "attributes"]
    package static let edgeRequired = ["source", "target"]
    package static let evidenceMembers = ["source", "quote"]

    /// The first member not in `allowed`, then the first of `required` that is missing, as errors.
    package static func checkMembers(_ keys: some Collection<String>, of what: String, allowed: [String], required: [String],
                                     at location: @autoclosure () -> SourceLocation? = nil) throws(GraphError) {
        if let unknown = keys.first(where: { !allowed.contains($0) }) {
            throw .unknownField(location(), field: "\(what).\(unknown)")
        }
        if let missing = required.first(where: { !keys.contains($0) }) {
            throw .missingField(location(), field: "\(what).\(missing)")
        }
    }

    /// A name, id, title or quote: not empty and not only white space.
    package static func checkNonEmpty(_ text: String, field: String, at location: @autoclosure () -> SourceLocation? = nil) throws(GraphError) {
        // A visible ASCII character settles it without walking the text by characters.
        if !text.utf8.contains(where: { $0 > 0x20 && $0 < 0x7F }) && text.allSatisfy(\.isWhitespace) {
            throw .invalidValue(location(), field: field, value: text, expected: "a non-empty string")
        }
    }

    /// A year: a whole number of less than 100,000 in magnitude (`1945.0` is 1945).
    package static func year(_ value: Double, text: @autoclosure () -> String, field: String, at location: @autoclosure () -> SourceLocation? = nil) throws(GraphError) -> Int {
        guard value == value.rounded(), abs(value) < 100_000 else {
            throw .invalidValue(location(), field: field, value: text(), expected: "a whole year")
        }
        return Int(value)
    }

    /// An edge's type: built in, or declared in the file's `types`.
    package static func checkDeclared(_ type: RelationType, among declared: Set<RelationType>,
                                      at location: @autoclosure () -> SourceLocation? = nil) throws(GraphError) {
        guard type.isBuiltIn || declared.contains(type) else { throw .undeclared(location(), what: "type", name: type.name) }
    }

    /// A node's kind: built in, or declared in the file's `kinds`.
    package static func checkDeclared(_ kind: NodeKind, among declared: Set<NodeKind>,
                                      at location: @autoclosure () -> SourceLocation? = nil) throws(GraphError) {
        guard kind.isBuiltIn || declared.contains(kind) else { throw .undeclared(location(), what: "kind", name: kind.name) }
    }

    /// A source id not listed before.
    package static func checkUnique(source id: String, among listed: inout Set<String>,
                                    at location: @autoclosure () -> SourceLocation? = nil) throws(GraphError) {
        guard listed.insert(id).inserted else {
            throw .invalidValue(location(), field: "source.id", value: id, expected: "unique")
        }
    }

    /// An edge's polarity by name.
    package static func polarity(_ text: String, at location: @autoclosure () -> SourceLocation? = nil) throws(GraphError) -> Polarity {
        guard let polarity = Polarity(rawValue: text) else {
            throw .invalidValue(location(), field: "polarity", value: text, expected: "cooperative or adversarial")
        }
        return polarity
    }

    /// The source a piece of evidence cites: one listed in `sources`.
    package static func checkCited(_ source: String, among listed: Set<String>, at location: @autoclosure () -> SourceLocation? = nil) throws(GraphError) {
        guard listed.contains(source) else {
            throw .invalidValue(location(), field: "evidence.source", value: source,
                                expected: "the id of a source listed in \"sources\"")
        }
    }
}
