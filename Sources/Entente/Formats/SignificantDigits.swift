#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A number rounded to at most `digits` significant digits, then written as ``formatNumber(_:)``
/// writes it: `0.533333` for 8/15 with 6 digits, `5` for 5.0, `1234570` for 1234567.
/// For text meant for people, where the last bits of a sum are noise.
///
/// - Parameters:
///   - value: the number to write; non-finite values and zero are written as ``formatNumber(_:)`` writes them.
///   - digits: the number of significant digits kept, at least 1.
public func formatNumber(_ value: Double, significantDigits digits: Int) -> String {
    guard value.isFinite, value != 0, digits >= 1 else { return formatNumber(value) }
    let exponent = Int(floor(log10(abs(value))))
    let shift = digits - 1 - exponent
    let rounded: Double
    if shift >= 0 {
        let scale = pow(10, Double(shift))
        guard scale.isFinite else { return formatNumber(value) }
        rounded = (value * scale).rounded() / scale
    } else {
        let scale = pow(10, Double(-shift))
        rounded = (value / scale).rounded() * scale
    }
    return formatNumber(rounded)
}
