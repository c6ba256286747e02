#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How Entente writes numbers and names as text, in one place, for every writer and message of the
/// library and for clients that print what it returns (the `entente` CLI among them):
///
/// - ``number(_:)``: the shortest form that reads back exactly (`5`, `0.1`, `1e-07`), as in JSON;
/// - ``number(_:significantDigits:)``: rounded for people (`0.533333`);
/// - ``prose(_:)``: for a sentence, saying so when a value overflowed (`beyond 1.8e308`);
/// - ``grouped(_:)``: a count with thousands separated (`10,000`);
/// - ``escapingControls(_:keepingLineFeeds:)``: control characters made visible (`\u{1B}`);
/// - ``closestNames(to:among:)``: the "did you mean" candidates for a misspelt name.
public enum TextFormat {
    /// A number in the shortest form that reads back exactly: integers without a fraction
    /// (`5`, not `5.0`), others as Swift's shortest round-trip representation (`0.1`, `1e-07`).
    /// Non-finite values, which JSON cannot hold, print as `null`.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: shortNumberCapacity) { buffer in
            shortNumber(value, into: buffer).map { String(decoding: UnsafeBufferPointer(rebasing: buffer[..<$0]), as: UTF8.self) }
        } ?? value.description
    }

    /// The room ``shortNumber(_:into:)`` writes in: a sign, 16 digits, a point and 6 more.
    package static var shortNumberCapacity: Int { 24 }

    /// Writes `value` as ``number(_:)`` writes it, by digit arithmetic, when it is a whole number
    /// below 10¹⁵ or a whole number of millionths (`0.123`, `-12.5`): the weights and scores most
    /// files hold, several times cheaper than Swift's general algorithm. Returns the length
    /// written, or nil for other values, which are left to that algorithm.
    ///
    /// The digits are Swift's: when `value` is the double nearest to k / 10⁶ with |k| < 10¹⁵, no
    /// other decimal of at most 15 significant digits maps to that double (IEEE 754's 15-digit
    /// round-trip guarantee), so the shortest form that reads back is k's digits, trailing zeros
    /// dropped. Values below 0.001, which Swift writes with an exponent (`1e-05`), are left to it.
    /// `NumberTextTests` compares the two on a million values.
    ///
    /// - Parameter buffer: at least ``shortNumberCapacity`` bytes.
    package static func shortNumber(_ value: Double, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        // The length is known first, so every digit goes straight to its place (``writeDigits``).
        let whole: UInt
        var fraction: UInt = 0, fractionDigits = 0
        if value == value.rounded() {
            guard abs(value) < 1e15 else { return nil }
            whole = Int(value).magnitude
        } else {
            let scaled = (value * 1_000_000).rounded()
            guard abs(value) >= 0.001, abs(scaled) < 1e15, scaled / 1_000_000 == value else { return nil }
            let units = Int(scaled).magnitude
            whole = units / 1_000_000
            fraction = units % 1_000_000
            fractionDigits = 6
        }
        while fractionDigits > 0 && fraction % 10 == 0 {
            fraction /= 10
            fractionDigits -= 1
        }
        guard let start = buffer.baseAddress else { return nil }
        let wholeDigits = digitCount(whole)
        // -0.0 is written `0`, as String(Int(-0.0)) writes it.
        let sign = (whole != 0 || fraction != 0) && value < 0 ? 1 : 0
        let length = sign + wholeDigits + (fractionDigits > 0 ? 1 + fractionDigits : 0)
        if sign == 1 { start.initialize(to: UInt8(ascii: "-")) }
        writeDigits(whole, count: wholeDigits, endingAt: start + sign + wholeDigits)
        if fractionDigits > 0 {
            (start + sign + wholeDigits).initialize(to: UInt8(ascii: "."))
            writeDigits(fraction, count: fractionDigits, endingAt: start + length)
        }
        return length
    }

    /// How many decimal digits `value` has (1 for 0).
    package static func digitCount(_ value: UInt) -> Int {
        var digits = 1, rest = value
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        return digits
    }

    /// Writes the last `count` decimal digits of `value` (leading zeros included) to the `count`
    /// bytes before `end`, right to left, dividing by a constant (which compiles to a multiplication).
    package static func writeDigits(_ value: UInt, count: Int, endingAt end: UnsafeMutablePointer<UInt8>) {
        var rest = value, position = end
        for _ in 0..<count {
            position -= 1
            position.initialize(to: UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        }
    }

    /// A number rounded to at most `digits` significant digits, then written as ``number(_:)``
    /// writes it: `0.533333` for 8/15 with 6 digits, `5` for 5.0, `1234570` for 1234567.
    /// For text meant for people, where the last bits of a sum are noise.
    ///
    /// - Parameters:
    ///   - value: the number to write; non-finite values and zero are written as ``number(_:)`` writes them.
    ///   - digits: the number of significant digits kept, at least 1.
    public static func number(_ value: Double, significantDigits digits: Int) -> String {
        guard value.isFinite, value != 0, digits >= 1 else { return number(value) }
        let exponent = Int(floor(log10(abs(value))))
        let shift = digits - 1 - exponent
        let rounded: Double
        if shift >= 0 {
            let scale = pow(10, Double(shift))
            guard scale.isFinite else { return number(printfRounded(value, significantDigits: digits)) }
            rounded = (value * scale).rounded() / scale
        } else {
            let scale = pow(10, Double(-shift))
            rounded = (value / scale).rounded() * scale
        }
        return number(rounded)
    }

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

    /// A number for people, to 6 significant digits; one that overflowed says so instead of JSON's
    /// `null`: `beyond 1.8e308`, `-beyond 1.8e308`.
    public static func prose(_ value: Double) -> String {
        if value.isFinite { return number(value, significantDigits: 6) }
        if value.isNaN { return "undefined" }
        return (value < 0 ? "-" : "") + "beyond 1.8e308"
    }

    /// Text with its control characters made visible as `\u{1B}` (as `ls` and git show them), for a
    /// terminal, an error line or a drawing: C0 controls (line feeds too, unless `keepingLineFeeds`),
    /// DEL, C1 controls (U+0085 among them), the line and paragraph separators U+2028 and U+2029, and
    /// U+FFFE and U+FFFF. So a name cannot move the cursor, ring the bell, split a table row or a message
    /// line, or make an SVG that is not well-formed XML. Text without them is returned as it is.
    ///
    /// - Complexity: O(length of the text).
    public static func escapingControls(_ text: String, keepingLineFeeds: Bool = false) -> String {
        func isControl(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x0A: return !keepingLineFeeds
            case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFFFE, 0xFFFF: return true
            default: return false
            }
        }
        // Bytes below 0x20 and 0x7F are the controls of ASCII; the others start with 0xC2, 0xE2 or 0xEF.
        let suspicious = text.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xEF }
        guard suspicious, text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Up to two names within a small edit distance of `name`, closest first (for "did you mean").
    public static func closestNames(to name: String, among names: [String]) -> [String] {
        let wanted = Array(name.lowercased().unicodeScalars)
        let scored = names.map { candidate in
            (distance: editDistance(wanted, Array(candidate.lowercased().unicodeScalars)), name: candidate)
        }
        return scored.filter { $0.distance <= max(2, wanted.count / 3) && $0.distance > 0 || $0.name.lowercased() == name.lowercased() && $0.name != name }
            .sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }.prefix(2).map(\.name)
    }
}

/// A number in the shortest form that reads back exactly.
@available(*, deprecated, renamed: "TextFormat.number(_:)")
public func formatNumber(_ value: Double) -> String { TextFormat.number(value) }

/// A number rounded to at most `digits` significant digits.
@available(*, deprecated, renamed: "TextFormat.number(_:significantDigits:)")
public func formatNumber(_ value: Double, significantDigits digits: Int) -> String {
    TextFormat.number(value, significantDigits: digits)
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
