/// A stretch of years in which a node exists: from ``since`` to ``until``, both included, either
/// open when `nil`.
///
/// A state that leaves the state system and comes back has several spells (COW: Germany 1816–1945
/// and 1990–2016); ``Node/spells`` lists them.
public struct Spell: Hashable, Sendable, CustomStringConvertible {
    /// The first year, or `nil` when open (before the record begins).
    public var since: Int?
    /// The last year, or `nil` when open (it still holds).
    public var until: Int?

    /// Creates a spell.
    public init(since: Int? = nil, until: Int? = nil) {
        self.since = since
        self.until = until
    }

    /// Whether the spell holds in a year.
    public func contains(_ year: Int) -> Bool { (since ?? Int.min) <= year && (until ?? Int.max) >= year }

    /// Whether the spell shares at least one year with `years`.
    public func overlaps(_ years: ClosedRange<Int>) -> Bool {
        (since ?? Int.min) <= years.upperBound && (until ?? Int.max) >= years.lowerBound
    }

    /// `1816-1945`, `1990-` or `-1945`: the form of the `spells` column of a CSV node table, and of
    /// the `spells` attribute of GraphML and DOT.
    public var description: String { (since.map(String.init) ?? "") + "-" + (until.map(String.init) ?? "") }

    /// Reads `1816-1945|1990-2016`: spells separated by `|`, each `since-until` with either year
    /// left empty for an open end. Years may be written `1945.0`. Returns nil for anything else.
    package static func list(parsing text: String) -> [Spell]? {
        var result: [Spell] = []
        for part in text.split(separator: "|", omittingEmptySubsequences: false) {
            let scalars = Array(String(part).trimmingSpaces.unicodeScalars)
            // The separator is the first '-' after the first character (a leading one opens the spell).
            guard let dash = scalars.indices.first(where: { scalars[$0] == "-" && ($0 > 0 || scalars.count > 1) }) else { return nil }
            var sinceText = String(String.UnicodeScalarView(scalars[..<dash]))
            var untilText = String(String.UnicodeScalarView(scalars[(dash + 1)...]))
            sinceText = sinceText.trimmingSpaces
            untilText = untilText.trimmingSpaces
            var spell = Spell()
            if !sinceText.isEmpty {
                guard let year = parseYear(sinceText) else { return nil }
                spell.since = year
            }
            if !untilText.isEmpty {
                guard let year = parseYear(untilText) else { return nil }
                spell.until = year
            }
            result.append(spell)
        }
        return result
    }
}

/// A year as written in a file: `1945`, or `1945.0` as pandas writes whole numbers of a column with
/// gaps (digits, then a point and zeros only); nil for `1945.5`, an empty text or anything else.
package func parseYear(_ text: String) -> Int? {
    if let year = Int(text) { return year }
    let trimmed = text.trimmingSpaces
    if let year = Int(trimmed) { return year }
    guard let point = trimmed.firstIndex(of: "."),
          trimmed[trimmed.index(after: point)...].allSatisfy({ $0 == "0" }) else { return nil }
    return Int(trimmed[..<point])
}

/// `1816–1945`, `1990–` or `–1945`: a span of years for an error message.
package func describeYears(since: Int?, until: Int?) -> String {
    if since == nil && until == nil { return "all years" }
    return (since.map(String.init) ?? "") + "–" + (until.map(String.init) ?? "")
}

extension Node {
    /// The spells in which the node exists: ``spells`` when it has several, else the one spell from
    /// ``since`` to ``until``.
    public var existence: [Spell] { spells.isEmpty ? [Spell(since: since, until: until)] : spells }

    /// Whether the node exists in a year: within one of its spells (by default, from ``since`` to
    /// ``until``, either open when `nil`). A node without years exists in every year.
    public func exists(in year: Int) -> Bool {
        if spells.isEmpty { return (since ?? Int.min) <= year && (until ?? Int.max) >= year }
        return spells.contains { $0.contains(year) }
    }

    /// Whether the node exists in at least one year of `years` (a spell overlaps them).
    public func exists(during years: ClosedRange<Int>) -> Bool {
        if spells.isEmpty { return Spell(since: since, until: until).overlaps(years) }
        return spells.contains { $0.overlaps(years) }
    }

    /// Whether the node has any year: `since`, `until` or spells.
    package var isDated: Bool { since != nil || until != nil || !spells.isEmpty }

    /// The node's years in words for an error message: `1955–1990`, `1816–1945 and 1990–2016`.
    package var yearsDescription: String {
        existence.map { describeYears(since: $0.since, until: $0.until) }.joined(separator: " and ")
    }

    /// What is wrong with the node's years, or nil: `until` before `since`, spells out of order,
    /// overlapping or not agreeing with `since` and `until`.
    package var yearProblem: String? {
        let name = quoted(id)
        if let since, let until, until < since {
            return "node \(name): until \(until) is before since \(since)"
        }
        guard !spells.isEmpty else { return nil }
        guard spells.count >= 2 else {
            return "node \(name): spells lists one spell; write a single spell as since and until"
        }
        for (position, spell) in spells.enumerated() {
            if let since = spell.since, let until = spell.until, until < since {
                return "node \(name): spell \(position + 1) ends (\(until)) before it begins (\(since))"
            }
            if position > 0 {
                guard let previousEnd = spells[position - 1].until, let start = spell.since, previousEnd < start else {
                    return "node \(name): spells \(position) and \(position + 1) are not in order without overlap"
                }
            }
        }
        if since != spells.first?.since || until != spells.last?.until {
            return "node \(name): since and until (\(describeYears(since: since, until: until))) must be the first spell's since "
                + "and the last spell's until (\(describeYears(since: spells.first?.since, until: spells.last?.until)))"
        }
        return nil
    }

    /// Sets the node's years from a list of spells: one spell fills `since` and `until`; several
    /// also fill ``spells``.
    package mutating func setExistence(_ list: [Spell]) {
        since = list.first?.since
        until = list.last?.until
        spells = list.count >= 2 ? list : []
    }
}
