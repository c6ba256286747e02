#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The eigenvalues of a real symmetric matrix: Householder reduction to tridiagonal form, then the
/// implicit QL algorithm with Wilkinson-style shifts (EISPACK `tred1` and `tql1`, as in Numerical
/// Recipes' `tred2`/`tqli` without eigenvectors).
///
/// - Parameters:
///   - matrix: the n × n matrix, row-major; only the lower triangle is read.
///   - n: its order.
/// - Returns: the eigenvalues in no particular order, or nil if QL has not converged on one of them
///   after 60 iterations (which does not happen for finite input in practice).
/// - Complexity: O(n³) time (about 4n³/3 multiplications), O(n²) memory.
func symmetricEigenvalues(_ matrix: [Double], order n: Int) -> [Double]? {
    guard n > 0 else { return [] }
    var a = matrix
    var d = [Double](repeating: 0, count: n)
    var e = [Double](repeating: 0, count: n)
    a.withUnsafeMutableBufferPointer { a in
        // Householder: annihilate row i left of the subdiagonal, from the last row up.
        var i = n - 1
        while i > 0 {
            let l = i - 1
            var h = 0.0
            if l > 0 {
                var scale = 0.0
                for k in 0...l { scale += abs(a[i * n + k]) }
                if scale == 0 {
                    e[i] = a[i * n + l]
                } else {
                    for k in 0...l {
                        a[i * n + k] /= scale
                        h += a[i * n + k] * a[i * n + k]
                    }
                    var f = a[i * n + l]
                    var g = f >= 0 ? -h.squareRoot() : h.squareRoot()
                    e[i] = scale * g
                    h -= f * g
                    a[i * n + l] = f - g
                    f = 0
                    for j in 0...l {
                        g = 0
                        for k in 0...j { g += a[j * n + k] * a[i * n + k] }
                        if j + 1 <= l {
                            for k in (j + 1)...l { g += a[k * n + j] * a[i * n + k] }
                        }
                        e[j] = g / h
                        f += e[j] * a[i * n + j]
                    }
                    let hh = f / (h + h)
                    for j in 0...l {
                        let fj = a[i * n + j]
                        let gj = e[j] - hh * fj
                        e[j] = gj
                        for k in 0...j { a[j * n + k] -= fj * e[k] + gj * a[i * n + k] }
                    }
                }
            } else {
                e[i] = a[i * n + l]
            }
            d[i] = h
            i -= 1
        }
        for i in 0..<n { d[i] = a[i * n + i] }
    }
    // QL on the tridiagonal matrix: diagonal d, subdiagonal e[1..<n] moved to e[0..<n-1].
    for i in 1..<max(n, 1) { e[i - 1] = e[i] }
    e[n - 1] = 0
    for l in 0..<n {
        var iterations = 0
        while true {
            var m = l
            while m < n - 1 {
                let dd = abs(d[m]) + abs(d[m + 1])
                if abs(e[m]) <= Double.ulpOfOne * dd { break }
                m += 1
            }
            if m == l { break }
            iterations += 1
            if iterations > 60 { return nil }
            var g = (d[l + 1] - d[l]) / (2 * e[l])
            var r = hypot(g, 1)
            g = d[m] - d[l] + e[l] / (g + (g >= 0 ? abs(r) : -abs(r)))
            var s = 1.0, c = 1.0, p = 0.0
            var i = m - 1
            var underflow = false
            while i >= l {
                let f = s * e[i]
                let b = c * e[i]
                r = hypot(f, g)
                e[i + 1] = r
                if r == 0 {
                    // Recover from underflow: the matrix splits here.
                    d[i + 1] -= p
                    e[m] = 0
                    underflow = true
                    break
                }
                s = f / r
                c = g / r
                g = d[i + 1] - p
                r = (d[i] - g) * s + 2 * c * b
                p = s * r
                d[i + 1] = g + p
                g = c * r - b
                i -= 1
            }
            if underflow { continue }
            d[l] -= p
            e[l] = g
            e[m] = 0
        }
    }
    return d
}
