/// Blocs in every year of a range, labelled consistently from year to year
/// (`entente communities GRAPH --from 1946 --to 2014 --nodes USA,RUS`).
///
/// Made by ``Analysis/communityTimeline(years:step:method:resolution:seed:signed:signRule:progress:)``.
///
/// **Labels.** The blocs of the first year are numbered 1, 2, … in the order ``Communities`` lists
/// them (largest first). Each later year's blocs are matched to the previous computed year's by
/// overlap: every pair of a new bloc and an old one that share a member is scored by Jaccard
/// similarity (shared members / members of either), and pairs are taken greedily, highest score
/// first (ties: the lower old label, then the larger new bloc), each old label and each new bloc
/// used once. A new bloc left without a match (a bloc that forms, or splits off the smaller part of
/// an old one) gets the next unused number; a label whose bloc is not matched is not used again. So
/// NATO keeps its number from 1949 to 2014 while members join, and a label never jumps to an
/// unrelated bloc. This is the greedy overlap matching of dynamic community tracking (Greene,
/// Doyle & Cunningham 2010), without a threshold.
public struct CommunityTimeline: Sendable, Encodable, CustomStringConvertible {
    /// A bloc of one year with its label.
    public struct Bloc: Sendable, Hashable, Encodable {
        /// Its label, stable across years by the matching rule.
        public let label: Int
        /// Its members' ids, sorted.
        public let members: [String]
    }

    /// One year's blocs.
    public struct Year: Sendable, Hashable, Encodable {
        /// The year.
        public let year: Int
        /// The modularity of the year's partition.
        public let modularity: Double
        /// The blocs, largest first.
        public let blocs: [Bloc]
        /// Nodes of the year's view without a tie: in no bloc.
        public let isolated: [String]
    }

    /// The method used.
    public let method: CommunityMethod
    /// Whether signed modularity was optimised.
    public let signed: Bool
    /// The resolution γ.
    public let resolution: Double
    /// The seed.
    public let seed: Int
    /// The years computed, in order.
    public let years: [Year]
    /// Years of the range where no tie of the view holds.
    public let gaps: [CentralityTimeline.Gap]
    /// The nodes whose labels the table and the CSV show, in the order asked.
    public let nodes: [String]

    /// The label of a node's bloc in a year, nil when the year was not computed or the node is in
    /// no bloc then (it does not exist, or has no tie).
    public func label(of id: String, in year: Int) -> Int? {
        years.first { $0.year == year }?.blocs.first { $0.members.contains(id) }?.label
    }

    /// The same timeline showing these nodes' labels.
    public func showing(_ ids: [String]) -> CommunityTimeline {
        CommunityTimeline(method: method, signed: signed, resolution: resolution, seed: seed, years: years, gaps: gaps, nodes: ids)
    }

    private enum CodingKeys: String, CodingKey { case method, signed, resolution, seed, years, gaps }

    /// `{"method","signed","resolution","seed","years":[{"year","modularity","blocs":[{"label","members"}],"isolated"}],"gaps"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(method.rawValue, forKey: .method)
        try container.encode(signed, forKey: .signed)
        try container.encode(resolution, forKey: .resolution)
        try container.encode(seed, forKey: .seed)
        try container.encode(years, forKey: .years)
        try container.encode(gaps, forKey: .gaps)
    }

    /// The table `entente communities --from --to` prints: a row per year with the number of blocs,
    /// the modularity and the label of each node shown (blank when it is in no bloc that year).
    public var description: String {
        let header = ["year", "blocs", "modularity"] + nodes
        let rows = years.map { row -> [String] in
            var labelByID: [String: Int] = [:]
            for bloc in row.blocs { for member in bloc.members { labelByID[member] = bloc.label } }
            return [String(row.year), String(row.blocs.count), tableNumber(row.modularity)]
                + nodes.map { labelByID[$0].map(String.init) ?? "" }
        }
        var lines = alignedColumns(header: header, rows: rows, rightAligned: Set(1..<header.count))
        for gap in gaps { lines.append("\(gap.year): no values (\(gap.reason))") }
        return joinedLines(lines)
    }

    /// Labels for this year's blocs (largest first) given the previous year's labelled blocs, by the
    /// rule in the type's description; `next` is the first unused label, advanced past new ones.
    package static func label(_ blocs: [[String]], after previous: [Bloc], next: inout Int) -> [Bloc] {
        let old = previous.map { Set($0.members) }
        var candidates: [(score: Double, oldLabel: Int, new: Int, old: Int)] = []
        for (newIndex, members) in blocs.enumerated() {
            let set = Set(members)
            for (oldIndex, oldSet) in old.enumerated() {
                let shared = set.intersection(oldSet).count
                guard shared > 0 else { continue }
                let score = Double(shared) / Double(set.union(oldSet).count)
                candidates.append((score, previous[oldIndex].label, newIndex, oldIndex))
            }
        }
        candidates.sort { ($0.score, -$0.oldLabel, -$0.new) > ($1.score, -$1.oldLabel, -$1.new) }
        var labels = [Int?](repeating: nil, count: blocs.count)
        var taken = Set<Int>()
        for candidate in candidates where labels[candidate.new] == nil && !taken.contains(candidate.old) {
            labels[candidate.new] = candidate.oldLabel
            taken.insert(candidate.old)
        }
        return blocs.enumerated().map { index, members in
            if let label = labels[index] { return Bloc(label: label, members: members) }
            defer { next += 1 }
            return Bloc(label: next, members: members)
        }
    }
}

extension Analysis {
    /// Blocs in every year of a range: the analysis's view restricted to each year in turn (as
    /// `--at` does), then ``communities(method:resolution:seed:signed:signRule:)``, the years in
    /// parallel, and the blocs labelled consistently across years (see ``CommunityTimeline``).
    ///
    /// ```swift
    /// let blocs = try await world.analysis(types: ["security"]).communityTimeline(years: 1946...2014)
    /// print(blocs.showing(["USA", "RUS", "CHN"]))
    /// ```
    ///
    /// - Throws: ``GraphError/invalidArgument(_:)`` for a step below 1, a graph without years or a
    ///   range outside them; ``CommunityError`` as ``communities(method:resolution:seed:signed:signRule:)``;
    ///   `CancellationError` when the task is cancelled.
    public func communityTimeline(years: ClosedRange<Int>, step: Int = 1, method: CommunityMethod = .leiden,
                                  resolution: Double = 1, seed: Int = Communities.defaultSeed, signed: Bool = false,
                                  signRule: SignRule = .negativeWins, progress: ProgressHandler? = nil) async throws -> CommunityTimeline {
        let chosen = try graph.sweepYears(years, step: step)
        let results = try await sweep(chosen, units: { _ in 1 }, progress: progress) { year, monitor in
            let blocs = try year.communities(method: method, resolution: resolution, seed: seed, signed: signed, signRule: signRule)
            monitor.advance()
            return blocs
        }
        var rows: [CommunityTimeline.Year] = []
        var gaps: [CentralityTimeline.Gap] = []
        var previous: [CommunityTimeline.Bloc] = []
        var next = 1
        var yearless = filter
        yearless.year = nil
        for (year, result) in zip(chosen, results) {
            guard let result else {
                gaps.append(.init(year: year, reason: "no \(yearless.description(in: graph)) hold in \(year)"))
                continue
            }
            let blocs = CommunityTimeline.label(result.communities, after: previous, next: &next)
            rows.append(CommunityTimeline.Year(year: year, modularity: result.modularity, blocs: blocs, isolated: result.isolated))
            previous = blocs
        }
        return CommunityTimeline(method: method, signed: signed, resolution: resolution, seed: seed, years: rows, gaps: gaps, nodes: [])
    }
}
