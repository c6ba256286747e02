extension GraphView {
    /// The modularity of a partition of the view's nodes into communities.
    ///
    /// Ties are undirected and the weights between two nodes are summed (both directions of a
    /// directed graph too), as ``communities(method:resolution:seed:signed:signRule:)`` reads them.
    ///
    /// **Unsigned** (the default): Newman's modularity on the cooperative edges of the view
    /// (adversarial ones are ignored),
    ///
    ///     Q = Σ_c [ w_c / m − γ · (K_c / 2m)² ]
    ///
    /// where m is the total weight, w_c the weight inside community c and K_c the sum of the
    /// strengths (weighted degrees) of its nodes. It equals networkx
    /// `community.modularity(G, communities, weight="weight", resolution=γ)` on the simple graph with
    /// summed weights.
    ///
    /// **Signed**: Traag & Bruggeman's signed modularity. A pair's weight is its cooperative weights
    /// minus its adversarial ones (a pair that sums to zero is no tie); the positive pairs form a
    /// layer of total weight m⁺ and the negative ones, by magnitude, a layer of total m⁻. With Q⁺ and
    /// Q⁻ the modularities (as above) of the partition on each layer,
    ///
    ///     Q = m⁺/(m⁺ + m⁻) · Q⁺ − m⁻/(m⁺ + m⁻) · Q⁻
    ///       = 1/(m⁺ + m⁻) · Σ_c [ w⁺_c − γ (K⁺_c)²/(4m⁺) − w⁻_c + γ (K⁻_c)²/(4m⁻) ]
    ///
    /// A layer without weight contributes nothing; without adversarial ties Q is the unsigned value.
    /// leidenalg normalises each `ModularityVertexPartition` layer by its own weight, so its
    /// `optimise_partition_multiplex` with `layer_weights=[1, -1]` on those layers maximises Q⁺ − Q⁻,
    /// not Q; on `RBConfigurationVertexPartition` layers (unnormalised, 2m·Q per layer) the same call
    /// maximises 2(m⁺ + m⁻)·Q, which is this Q.
    ///
    /// - Parameters:
    ///   - communities: node ids; every node of the view with a tie in exactly one community (a node
    ///     without ties may be left out, as ``Communities/isolated`` leaves it).
    ///   - resolution: γ > 0 (default 1).
    ///   - signed: compute signed modularity on cooperative and adversarial edges.
    ///   - signRule: with `signed`, the sign of a pair with edges of both polarities (``SignRule``).
    /// - Throws: ``CommunityError/notAPartition(_:)`` for an unknown id, an id given twice or a node
    ///   left out, ``CommunityError/invalidResolution(_:)``, ``CommunityError/noTies(signed:)``.
    /// - Complexity: O(V + E).
    public func modularity(of communities: [[String]], resolution: Double = 1,
                           signed: Bool = false, signRule: SignRule = .negativeWins) throws(CommunityError) -> Double {
        guard resolution.isFinite, resolution > 0 else { throw .invalidResolution(resolution) }
        var membership = [Int32](repeating: -1, count: nodeCount)
        for (position, community) in communities.enumerated() {
            for id in community {
                guard let node = graph.index(of: id), let local = localIndex(ofNode: node) else {
                    throw .notAPartition("no node '\(id)' in the graph analysed")
                }
                guard membership[local] < 0 else { throw .notAPartition("node '\(id)' is in two communities") }
                membership[local] = Int32(position)
            }
        }
        let graph = CommunityGraph(self, signed: signed, rule: signRule)
        // A node without ties may be left out (``Communities/isolated``): it counts as a community of
        // its own, which adds nothing to the modularity.
        var count = communities.count
        for local in membership.indices where membership[local] < 0 {
            guard graph.offsets[local] == graph.offsets[local + 1] else {
                throw .notAPartition("node '\(node(at: local).id)' is in no community")
            }
            membership[local] = Int32(count)
            count += 1
        }
        guard graph.positiveTotal + graph.negativeTotal > 0 else { throw .noTies(signed: signed) }
        return graph.modularity(of: membership, count: count, resolution: resolution)
    }
}
