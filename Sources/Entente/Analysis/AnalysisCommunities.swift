extension Analysis {
    /// Blocs: the communities of the analysed view by Louvain or Leiden, keyed by node id.
    ///
    /// ```swift
    /// let blocs = try graph.analysis().communities()               // Leiden, γ = 1, seed 0
    /// let signed = try graph.analysis(includeAdversarial: true).communities(signed: true)
    /// ```
    /// Unsigned: modularity on the cooperative ties' summed weights (`networkx.community.modularity`).
    /// Signed (the analysis must keep adversarial ties): Traag & Bruggeman's signed modularity, a
    /// pair with edges of both polarities signed by `signRule` (``SignRule/negativeWins`` by default:
    /// any antagonism makes the pair negative, as Traag & Bruggeman code the Correlates of War data).
    ///
    /// - Throws: ``CommunityError`` for a resolution that is not finite and positive, or a view with no tie.
    /// - Complexity: O(V + E) per pass and per aggregation; a few passes per level, O(log V) levels in practice.
    public func communities(method: CommunityMethod = .leiden, resolution: Double = 1,
                            seed: Int = Communities.defaultSeed, signed: Bool = false,
                            signRule: SignRule = .negativeWins) throws -> Communities {
        try view.communities(method: method, resolution: resolution, seed: seed, signed: signed, signRule: signRule)
    }
}
