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
