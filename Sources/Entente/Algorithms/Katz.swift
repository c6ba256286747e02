/// A Katz centrality and the attenuation it was computed with.
package struct KatzResult: Sendable {
    /// One value per local node index.
    package let values: [Double]
    /// The alpha used, in the units of the graph's weights.
    package let alpha: Double
    /// λmax of the weighted adjacency, when alpha was derived from it (the default, 0.9/λmax) and it
    /// is a finite number (with weights near 1e308 it may exceed the largest one).
    package let largestEigenvalue: Double?
}

extension WeightedAdjacency {
    /// The fraction of 1/λmax that Katz's default alpha is: 0.9, so that the series converges
    /// (alpha < 1/λmax) on every graph while long walks still count.
    package static let katzDefaultFraction = 0.9

    /// Katz centrality with the alpha given, or by default alpha = 0.9/λmax (λmax: the spectral
    /// radius of the weighted adjacency, ``largestEigenvalue()``), which converges on every graph.
    /// networkx's fixed default, 0.1, diverges on any graph whose λmax reaches 10, such as the
    /// seed graphs with their weights of 1 to 5.
    ///
    /// - Throws: the errors of ``katzCentrality(alpha:beta:)``; for the default, those of
    ///   ``largestEigenvalue()``.
    /// - Complexity: that of ``katzCentrality(alpha:beta:)``, plus ``largestEigenvalue()`` for the default.
    package func katz(alpha: Double?, beta: Double = 1) throws(CentralityError) -> KatzResult {
        if let alpha {
            return KatzResult(values: try katzCentrality(alpha: alpha, beta: beta), alpha: alpha, largestEigenvalue: nil)
        }
        let scaledRadius = try scaledSpectralRadius()
        guard scaledRadius > 0 else {
            // No cycle (no arc, or a directed acyclic graph): λmax is 0 and every alpha converges;
            // networkx's default, 0.1, is taken.
            return KatzResult(values: try katzCentrality(alpha: 0.1, beta: beta), alpha: 0.1, largestEigenvalue: 0)
        }
        let scaledAlpha = Self.katzDefaultFraction / scaledRadius
        let largest = graphUnits(ofWeight: scaledRadius)
        return KatzResult(values: try katzScaled(alpha: scaledAlpha, beta: beta), alpha: graphUnits(ofInverseWeight: scaledAlpha),
                          largestEigenvalue: largest.isFinite ? largest : nil)
    }

    /// Katz centrality, as `nx.katz_centrality_numpy(G, alpha:, beta:, weight="weight")`: the solution
    /// of x = alpha·Aᵀx + beta·1, i.e. x_v = alpha·Σ_{u→v} w(u, v)·x_u + beta (in-arcs, summed weights),
    /// scaled to unit Euclidean norm with the sign of its sum.
    ///
    /// Up to 2000 nodes the system is solved directly (Gaussian elimination with partial pivoting);
    /// larger graphs iterate x ← alpha·Aᵀx + beta·1 (Jacobi, rows in parallel, deterministic) until no
    /// entry changes by more than 1e-14 of the largest. The weights are those of the graph times
    /// 2^``weightExponent``, and alpha is divided by it, so huge and tiny weights give finite values.
    ///
    /// The Katz series converges only for alpha < 1/λmax (λmax: the largest eigenvalue of the weighted
    /// adjacency). Then every entry has the sign of beta; a solution that breaks this shows that alpha
    /// is too large, and is reported instead of returned (networkx would return it).
    ///
    /// - Parameters:
    ///   - alpha: the attenuation factor, 0 < alpha < 1/λmax, in the units of the graph's weights.
    ///   - beta: the weight of every node's own term (default 1), not 0.
    /// - Throws: ``CentralityError/invalidParameter(measure:name:value:reason:)`` for alpha ≥ 1/λmax,
    ///   alpha ≤ 0 or beta = 0; ``CentralityError/notConverged(measure:iterations:tolerance:)`` when
    ///   the iteration does not settle in 10 000 steps; ``CentralityError/emptyGraph(measure:)``.
    /// - Returns: one value per local node index.
    /// - Complexity: O(V³) time and O(V²) memory up to 2000 nodes; O((V + E)·k) for k iterations above.
    package func katzCentrality(alpha: Double, beta: Double = 1) throws(CentralityError) -> [Double] {
        guard alpha > 0, alpha.isFinite else {
            throw .invalidParameter(measure: "katz", name: "alpha", value: alpha, reason: "is not positive")
        }
        do {
            return try katzScaled(alpha: storedUnits(ofInverseWeight: alpha), beta: beta)
        } catch .invalidParameter(let measure, "alpha", _, let reason) {
            throw .invalidParameter(measure: measure, name: "alpha", value: alpha, reason: reason)
        }
    }

    /// ``katzCentrality(alpha:beta:)`` on the scaled weights, with alpha already divided by 2^``weightExponent``.
    private func katzScaled(alpha: Double, beta: Double) throws(CentralityError) -> [Double] {
        let measure = "katz"
        let n = nodeCount
        guard n > 0 else { throw .emptyGraph(measure: measure) }
        guard alpha > 0, alpha.isFinite else {
            throw .invalidParameter(measure: measure, name: "alpha", value: graphUnits(ofInverseWeight: alpha), reason: "is not positive")
        }
        guard beta != 0, beta.isFinite else {
            throw .invalidParameter(measure: measure, name: "beta", value: beta, reason: "is not a nonzero number")
        }
        let solution = n <= 2000 ? katzDirect(alpha: alpha, beta: beta) : try katzIterative(alpha: alpha, beta: beta)
        guard let solution, solution.allSatisfy({ $0.isFinite && ($0 > 0) == (beta > 0) && $0 != 0 }) else {
            // Name the bound when it is known: λmax is the Perron root, found with the eigenvector.
            var bound = "1/λmax"
            if let scaled = try? scaledSpectralRadius(), scaled > 0 {
                bound += " = \(TextFormat.number(graphUnits(ofInverseWeight: 1 / scaled), significantDigits: 6)) (λmax \(TextFormat.number(graphUnits(ofWeight: scaled), significantDigits: 6)))"
            }
            throw .invalidParameter(measure: measure, name: "alpha", value: alpha,
                                    reason: "is not below \(bound), the inverse of the largest eigenvalue of the "
                                        + "weighted adjacency: the Katz series diverges")
        }
        var squares = 0.0, total = 0.0
        for value in solution {
            squares += value * value
            total += value
        }
        let norm = (total < 0 ? -1 : 1) * squares.squareRoot()
        return solution.map { $0 / norm }
    }

    /// λmax: the spectral radius of the weighted adjacency (summed weights), which for a nonnegative
    /// matrix is its largest eigenvalue (the Perron root; `max(abs(numpy.linalg.eigvals(A)))`).
    ///
    /// An undirected graph of up to 2000 nodes gets every eigenvalue of its symmetric adjacency
    /// (Householder and QL, exact to rounding); otherwise power iteration on Aᵀ + I from the uniform
    /// vector (the shift makes it converge on periodic graphs, such as bipartite ones) until the
    /// growth rate changes by at most 1e-13 of itself.
    ///
    /// - Throws: ``CentralityError/notConverged(measure:iterations:tolerance:)`` after 100 000 iterations.
    /// - Complexity: O(V³) up to 2000 undirected nodes; O((V + E)·k) for k iterations otherwise.
    package func largestEigenvalue() throws(CentralityError) -> Double {
        graphUnits(ofWeight: try scaledSpectralRadius())
    }

    /// The spectral radius of the stored (scaled) weights.
    private func scaledSpectralRadius() throws(CentralityError) -> Double {
        let n = nodeCount
        guard n > 0, arcCount > 0 else { return 0 }
        if !isDirected && n <= 2000 {
            var matrix = [Double](repeating: 0, count: n * n)
            for node in 0..<n {
                for arc in offsets[node]..<offsets[node + 1] { matrix[node * n + Int(targets[arc])] = weights[arc] }
            }
            if let values = symmetricEigenvalues(matrix, order: n), let largest = values.max() { return max(largest, 0) }
        }
        // Without a cycle A is nilpotent and λmax is 0; the power iteration would creep towards it
        // (growth 1 + O(1/k)) and never meet its tolerance.
        if isDirected && isAcyclic() { return 0 }
        let tolerance = 1e-13
        let maximumIterations = 100_000
        var vector = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        var previousGrowth = -1.0
        var radius: Double?
        withWeightedInArcs { arcs in
            for _ in 0..<maximumIterations {
                let growth = arcs.step(pulling: vector, previous: vector, into: &next, shifted: true,
                                       combining: .sum, SumRow())
                // The vector sums to 1, so the sum of its image is the growth rate of (Aᵀ + I).
                guard growth > 0, growth.isFinite else { break }
                for node in 0..<n { vector[node] = next[node] / growth }
                if abs(growth - previousGrowth) <= tolerance * growth {
                    radius = growth - 1
                    break
                }
                previousGrowth = growth
            }
        }
        guard let radius else {
            throw .notConverged(measure: "katz", iterations: maximumIterations, tolerance: tolerance)
        }
        return max(radius, 0)
    }

    /// Whether the arcs form no cycle (Kahn's algorithm: every node can be removed once its in-arcs are).
    /// - Complexity: O(V + E).
    private func isAcyclic() -> Bool {
        let n = nodeCount
        var remainingIn = [Int](repeating: 0, count: n)
        for node in 0..<n { remainingIn[node] = inOffsets[node + 1] - inOffsets[node] }
        var ready = (0..<n).filter { remainingIn[$0] == 0 }
        var removed = 0
        while let node = ready.popLast() {
            removed += 1
            for arc in offsets[node]..<offsets[node + 1] {
                let next = Int(targets[arc])
                remainingIn[next] -= 1
                if remainingIn[next] == 0 { ready.append(next) }
            }
        }
        return removed == n
    }

    /// Solves (I − alpha·Aᵀ)x = beta·1 by Gaussian elimination with partial pivoting; nil if singular.
    private func katzDirect(alpha: Double, beta: Double) -> [Double]? {
        let n = nodeCount
        // Row v of the matrix: 1 on the diagonal, −alpha·w(u, v) for every in-arc u→v.
        var matrix = [Double](repeating: 0, count: n * n)
        for node in 0..<n {
            matrix[node * n + node] = 1
            for arc in inOffsets[node]..<inOffsets[node + 1] {
                matrix[node * n + Int(inSources[arc])] -= alpha * inWeights[arc]
            }
        }
        var rhs = [Double](repeating: beta, count: n)
        let solved: Bool = matrix.withUnsafeMutableBufferPointer { a in
            rhs.withUnsafeMutableBufferPointer { b in
                for column in 0..<n {
                    var pivot = column
                    var largest = abs(a[column * n + column])
                    for row in (column + 1)..<max(column + 1, n) where abs(a[row * n + column]) > largest {
                        largest = abs(a[row * n + column])
                        pivot = row
                    }
                    guard largest > 0, largest.isFinite else { return false }
                    if pivot != column {
                        for k in column..<n { a.swapAt(column * n + k, pivot * n + k) }
                        b.swapAt(column, pivot)
                    }
                    let diagonal = a[column * n + column]
                    for row in (column + 1)..<max(column + 1, n) {
                        let factor = a[row * n + column] / diagonal
                        if factor == 0 { continue }
                        a[row * n + column] = 0
                        for k in (column + 1)..<n { a[row * n + k] -= factor * a[column * n + k] }
                        b[row] -= factor * b[column]
                    }
                }
                var row = n
                while row > 0 {
                    row -= 1
                    var sum = b[row]
                    for k in (row + 1)..<n { sum -= a[row * n + k] * b[k] }
                    b[row] = sum / a[row * n + row]
                }
                return true
            }
        }
        return solved ? rhs : nil
    }

    /// Iterates x ← alpha·Aᵀx + beta·1 from x = beta·1; nil when the iterates grow without bound.
    private func katzIterative(alpha: Double, beta: Double) throws(CentralityError) -> [Double]? {
        let n = nodeCount
        let tolerance = 1e-14
        let maximumIterations = 10_000
        var vector = [Double](repeating: beta, count: n)
        var next = [Double](repeating: 0, count: n)
        var previousChange = Double.infinity
        var growing = 0
        var outcome: Bool?  // true: converged, false: diverging
        withWeightedInArcs { arcs in
            for _ in 0..<maximumIterations {
                var largest = 0.0
                for value in vector { largest = max(largest, abs(value)) }
                // The largest change over all rows.
                let change = arcs.step(pulling: vector, previous: vector, into: &next, combining: .maximum,
                                       AffineRow(scale: alpha, offset: beta))
                swap(&vector, &next)
                if change <= tolerance * largest {
                    outcome = true
                    break
                }
                // The changes shrink geometrically when alpha < 1/λmax and grow otherwise.
                growing = change >= previousChange ? growing + 1 : 0
                if growing >= 50 || !change.isFinite {
                    outcome = false
                    break
                }
                previousChange = change
            }
        }
        switch outcome {
        case true?: return vector
        case false?: return nil
        case nil: throw .notConverged(measure: "katz", iterations: maximumIterations, tolerance: tolerance)
        }
    }
}
