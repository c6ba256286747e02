/// A community detection algorithm: how ``Analysis/communities(method:resolution:seed:signed:signRule:)``
/// finds blocs.
public enum CommunityMethod: String, CaseIterable, Hashable, Sendable, Encodable, CustomStringConvertible {
    /// Louvain (Blondel et al. 2008), as networkx `louvain_communities` and igraph
    /// `community_multilevel`. A community can come out internally disconnected.
    case louvain
    /// Leiden (Traag, Waltman & van Eck 2019), as igraph `community_leiden` and leidenalg: Louvain
    /// with a refinement phase, so that communities are connected. The default.
    case leiden

    /// `louvain` or `leiden`: the name the CLI's `--method` takes.
    public var description: String { rawValue }
}

/// Why communities or a modularity could not be computed.
public enum CommunityError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The resolution γ is not a finite number greater than 0.
    case invalidResolution(Double)
    /// The view has no tie to build communities on: no cooperative edge (or, signed, no pair whose
    /// weights do not cancel out).
    case noTies(signed: Bool)
    /// The communities given to `modularity(of:resolution:signed:signRule:)` are not a partition
    /// of the view's nodes; the text says why, naming a node.
    case notAPartition(String)

    /// One line: `modularity: the resolution must be a finite number greater than 0, not -1`.
    public var description: String {
        switch self {
        case .invalidResolution(let value):
            let shown = value.isFinite ? TextFormat.number(value) : "\(value)"
            return "modularity: the resolution must be a finite number greater than 0, not \(shown)"
        case .noTies(let signed):
            return signed ? "modularity: no tie whose cooperative and adversarial weights do not cancel out"
                : "modularity: no cooperative tie"
        case .notAPartition(let reason):
            return "modularity: not a partition of the nodes: \(reason)"
        }
    }
}

/// Communities (blocs) of a graph view: the partition of its nodes by id, with its modularity.
///
/// Communities are sorted by size, largest first, then by their first id; the ids in a community
/// are in id order. Nodes without a tie in the view form no community: they are listed apart in
/// ``isolated``. Its JSON (``json`` or `Encodable`) is
/// `{"method":"leiden","signed":false,"resolution":1,"seed":0,"modularity":0.41,"communities":[["A","B"],["C","D"]],"isolated":["E"]}`.
public struct Communities: Hashable, Sendable, Encodable {
    /// The seed used when none is given: results are deterministic by default.
    public static let defaultSeed = 0
    /// The most runs ``Analysis/communities(method:resolution:seed:signed:signRule:)`` makes on a small graph.
    static let maximumRuns = 10

    /// The algorithm that found the communities.
    public let method: CommunityMethod
    /// Whether signed modularity was optimised (adversarial ties as negative weights).
    public let signed: Bool
    /// The resolution γ.
    public let resolution: Double
    /// The seed of the node-order shuffles.
    public let seed: Int
    /// The modularity of the partition (signed modularity when ``signed``), as
    /// `modularity(of:resolution:signed:signRule:)` computes it.
    public let modularity: Double
    /// The communities: node ids, largest community first. A node without ties is in none.
    public let communities: [[String]]
    /// The nodes of the view without a tie (with `signed`, without a pair whose weights do not
    /// cancel out), in id order: they belong to no community. (As singletons they would add nothing
    /// to the modularity, which is the same either way.)
    public let isolated: [String]
    /// The position in ``communities`` of each node id.
    private let positionByID: [String: Int]

    /// The number of communities.
    public var count: Int { communities.count }

    /// The position in ``communities`` of the community that holds a node, or `nil` for an id the
    /// view does not have or an ``isolated`` node.
    ///
    /// - Complexity: O(1) on average.
    public func community(of id: String) -> Int? { positionByID[id] }

    /// Creates a result from communities of node ids, which it sorts: ids in id order, communities
    /// by size (largest first), then by first id; empty communities are left out. `isolated` lists
    /// the nodes without ties, which belong to no community.
    public init(method: CommunityMethod, signed: Bool, resolution: Double, seed: Int, modularity: Double,
                communities: [[String]], isolated: [String] = []) {
        self.isolated = isolated.sorted()
        self.method = method
        self.signed = signed
        self.resolution = resolution
        self.seed = seed
        self.modularity = modularity
        let sorted = communities.filter { !$0.isEmpty }.map { $0.sorted() }.sorted { a, b in
            a.count != b.count ? a.count > b.count : (a.first ?? "") < (b.first ?? "")
        }
        self.communities = sorted
        var positions: [String: Int] = [:]
        for (position, community) in sorted.enumerated() {
            for id in community { positions[id] = position }
        }
        positionByID = positions
    }

    /// The JSON document, members in the documented order, numbers as ``TextFormat/number(_:)`` writes them.
    public var json: JSONOutput {
        .object([
            ("method", .string(method.rawValue)),
            ("signed", .bool(signed)),
            ("resolution", .number(resolution)),
            ("seed", .integer(seed)),
            ("modularity", .number(modularity)),
            ("communities", .array(communities.map { .array($0.map(JSONOutput.string)) })),
            ("isolated", .array(isolated.map(JSONOutput.string))),
        ])
    }

    /// Encodes ``json``: one description of the document, as ``StructuralBalance`` has.
    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }
}

extension GraphView {
    /// The communities (blocs) of the view: the partition of its nodes that a community detection
    /// algorithm finds for the highest modularity, with that modularity.
    ///
    /// Communities are found on weighted ties, undirected: the weights of the edges between two
    /// nodes are summed (both directions of a directed graph too, since a bloc has no direction).
    /// Without `signed`, the view's cooperative edges are the ties and adversarial ones are ignored,
    /// and the modularity is Newman's (networkx `modularity`). With `signed`, a pair's weight is its
    /// cooperative weights minus its adversarial ones (a pair that sums to zero is no tie) and the
    /// algorithm optimises Traag & Bruggeman's signed modularity (see
    /// ``modularity(of:resolution:signed:signRule:)``), as leidenalg's `optimise_partition_multiplex` does with
    /// a positive and a negative `RBConfigurationVertexPartition` layer and `layer_weights=[1, -1]`.
    /// A node without ties belongs to no community: it is listed in ``Communities/isolated``.
    ///
    /// ``CommunityMethod/louvain`` agrees with networkx `louvain_communities` and igraph
    /// `community_multilevel`; ``CommunityMethod/leiden`` with igraph `community_leiden(objective_function="modularity")`
    /// and leidenalg's `ModularityVertexPartition`, and its communities are connected (by cooperative
    /// ties). Both are randomised by the order in which nodes are visited, which `seed` fixes: the same
    /// seed gives the same communities on every run and platform.
    ///
    /// On a small graph one run can land in a poorer local optimum than another seed would (on a
    /// graph of a dozen nodes the spread is larger than the differences that matter), so the method
    /// makes 100 000 / (V + E) runs, at most 10 (a single run from V + E = 50 000 up): the first from
    /// `seed`, the others from seeds a SplitMix64 generator draws from it. It keeps the partition with
    /// the highest modularity (the first of equal ones).
    ///
    /// - Parameters:
    ///   - method: Louvain or Leiden (default).
    ///   - resolution: γ > 0; higher values give more, smaller communities (default 1).
    ///   - seed: the seed of the node-order shuffles (default ``Communities/defaultSeed``).
    ///   - signed: optimise signed modularity on cooperative and adversarial ties.
    ///   - signRule: with `signed`, the sign of a pair with edges of both polarities (``SignRule``).
    /// - Throws: ``CommunityError/invalidResolution(_:)``, ``CommunityError/noTies(signed:)``.
    /// - Complexity: O(V + E) per pass over the nodes, O(V + E) per aggregation; a few passes per
    ///   level and O(log V) levels in practice.
    package func communities(method: CommunityMethod = .leiden, resolution: Double = 1,
                             seed: Int = Communities.defaultSeed, signed: Bool = false,
                             signRule: SignRule = .negativeWins) throws(CommunityError) -> Communities {
        guard resolution.isFinite, resolution > 0 else { throw .invalidResolution(resolution) }
        let graph = CommunityGraph(self, signed: signed, rule: signRule)
        guard graph.positiveTotal + graph.negativeTotal > 0 else { throw .noTies(signed: signed) }
        // Small graphs: several runs, the first from `seed`, the others from seeds drawn from it.
        let runs = min(Communities.maximumRuns, max(1, 100_000 / max(1, graph.nodeCount + graph.targets.count / 2)))
        var seeds = SplitMix64(seed: seed)
        var best: (membership: [Int32], count: Int, modularity: Double)?
        for run in 0..<runs {
            let runSeed = run == 0 ? seed : Int(truncatingIfNeeded: seeds.next())
            let membership: [Int32]
            switch method {
            case .louvain: membership = louvainCommunities(graph, resolution: resolution, seed: runSeed)
            case .leiden: membership = leidenCommunities(graph, resolution: resolution, seed: runSeed)
            }
            var count = 0
            for c in membership { count = max(count, Int(c) + 1) }
            let modularity = graph.modularity(of: membership, count: count, resolution: resolution)
            if modularity > best?.modularity ?? -.infinity { best = (membership, count, modularity) }
        }
        guard let best else { throw .noTies(signed: signed) }
        var ids = [[String]](repeating: [], count: best.count)
        var isolated: [String] = []
        for (local, c) in best.membership.enumerated() {
            if graph.offsets[local] == graph.offsets[local + 1] {
                isolated.append(node(at: local).id)
            } else {
                ids[Int(c)].append(node(at: local).id)
            }
        }
        return Communities(method: method, signed: signed, resolution: resolution, seed: seed,
                           modularity: best.modularity, communities: ids, isolated: isolated)
    }
}
