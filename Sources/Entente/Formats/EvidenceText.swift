extension Evidence {
    /// Evidence written as text by the DOT and GraphML writers: one `source: quote` per line.
    /// A line without `: ` continues the quote before it; a first line without one is a quote
    /// with no source.
    package static func list(parsing text: String) -> [Evidence] {
        var evidence: [Evidence] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let separator = line.firstRange(of: ": ") {
                evidence.append(Evidence(source: String(line[..<separator.lowerBound]),
                                         quote: String(line[separator.upperBound...])))
            } else if !evidence.isEmpty {
                evidence[evidence.count - 1].quote += "\n" + line
            } else if !line.isEmpty {
                evidence.append(Evidence(source: "", quote: String(line)))
            }
        }
        return evidence
    }
}

extension Source {
    /// The sources table as the GraphML and DOT writers carry it, in one graph-level value: a
    /// compact JSON array of `{"id","title","file","citation"}` objects, members as in the native
    /// format.
    package static func listText(_ sources: [Source]) -> String {
        JSONOutput.array(sources.map { source in
            var members: [(String, JSONOutput)] = [("id", .string(source.id)), ("title", .string(source.title))]
            if let file = source.file { members.append(("file", .string(file))) }
            if let citation = source.citation { members.append(("citation", .string(citation))) }
            return .object(members)
        }).rendered(pretty: false)
    }

    /// The sources table read back from ``listText(_:)``; `nil` when the text is not such a list.
    package static func list(parsing text: String) -> [Source]? {
        guard let root = try? JSONParser.parse(Array(text.utf8), file: ""), case .array(let items) = root.value else { return nil }
        var sources: [Source] = []
        for item in items {
            guard case .object(let members) = item.value else { return nil }
            var fields: [String: String] = [:]
            for (key, value) in members {
                guard case .string(let text) = value.value, ["id", "title", "file", "citation"].contains(key) else { return nil }
                fields[key] = text
            }
            guard let id = fields["id"], let title = fields["title"] else { return nil }
            sources.append(Source(id: id, title: title, file: fields["file"], citation: fields["citation"]))
        }
        return sources
    }
}

extension RelationGraph {
    /// Lists every source that evidence cites and the sources table lacks, by its id alone (title =
    /// id), so that the graph reads back from the native format, whose reader requires every cited
    /// source to be listed. The readers of formats that may not carry the table (GEXF; GraphML and DOT
    /// from other tools) call it; ``sourcesListedByID`` counts what was added.
    package mutating func listCitedSources() {
        var known = Set(sources.map(\.id))
        for edge in edges {
            for evidence in edge.evidence where !evidence.source.isEmpty && !known.contains(evidence.source) {
                known.insert(evidence.source)
                sources.append(Source(id: evidence.source, title: evidence.source))
                sourcesListedByID += 1
            }
        }
    }
}
