#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension TextFormat {
    /// A number rounded to at most `digits` significant digits, then written as ``TextFormat/number(_:)``
    /// writes it: `0.533333` for 8/15 with 6 digits, `5` for 5.0, `1234570` for 1234567.
    /// For text meant for people, where the last bits of a sum are noise.
    ///
    /// - Parameters:
    ///   - value: the number to write; non-finite values and zero are written as ``TextFormat/number(_:)`` writes them.
    ///   - digits: the number of significant digits kept, at least 1.
    public static func number(_ value: Double, significantDigits digits: Int) -> String {
        guard value.isFinite, value != 0, digits >= 1 else { return TextFormat.number(value) }
        let exponent = Int(floor(log10(abs(value))))
        let shift = digits - 1 - exponent
        let rounded: Double
        if shift >= 0 {
            let scale = pow(10, Double(shift))
            guard scale.isFinite else { return TextFormat.number(printfRounded(value, significantDigits: digits)) }
            rounded = (value * scale).rounded() / scale
        } else {
            let scale = pow(10, Double(-shift))
            rounded = (value / scale).rounded() * scale
        }
        return TextFormat.number(rounded)
    }
}

/// `value` rounded to `digits` significant digits by C's `%.*g`, for the subnormal range, where the
/// power of ten that would shift the digits is beyond the largest finite Double.
private func printfRounded(_ value: Double, significantDigits digits: Int) -> Double {
    var buffer = [CChar](repeating: 0, count: 64)
    let count = buffer.withUnsafeMutableBufferPointer { pointer in
        withVaList([Int32(digits), value]) { vsnprintf(pointer.baseAddress, pointer.count, "%.*g", $0) }
    }
    guard count > 0, count < buffer.count else { return value }
    return Double(String(decoding: buffer.prefix(Int(count)).map { UInt8(bitPattern: $0) }, as: UTF8.self)) ?? value
}

extension TextFormat {
    /// A count with thousands separated by commas: `10,000`, `1,000,000`.
    public static func grouped(_ value: Int) -> String {
        var digits = String(value.magnitude)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(digits.suffix(3), at: 0)
            digits.removeLast(3)
        }
        groups.insert(Substring(digits), at: 0)
        return (value < 0 ? "-" : "") + groups.joined(separator: ",")
    }
}
