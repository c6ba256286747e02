import Testing
@testable import Entente

/// Numbers written for people: grouped counts, and significant digits down to the subnormals.
@Suite struct NumberTextTests {
    @Test func countsAreGroupedByThousands() {
        #expect(TextFormat.grouped(1_234_567) == "1,234,567")
        #expect(TextFormat.grouped(999) == "999")
        #expect(TextFormat.grouped(1_000) == "1,000")
        #expect(TextFormat.grouped(-250_000) == "-250,000")
    }

    /// 10^314, the shift that would bring 1.1e-309's digits in front of the point, is beyond the
    /// largest Double: the digits are rounded by printf's %g instead of printed in full.
    @Test func significantDigitsHoldForSubnormals() {
        let subnormal = Double("1.100650408962416e-309") ?? 0  // from text: the literal would warn
        #expect(TextFormat.number(subnormal, significantDigits: 6) == "1.10065e-309")
        #expect(TextFormat.number(Double.leastNonzeroMagnitude, significantDigits: 6) == "5e-324")
        #expect(TextFormat.number(8.0 / 15.0, significantDigits: 6) == "0.533333")
    }

    /// The fast path of `TextFormat.number` (whole numbers, whole numbers of millionths) writes what
    /// `String(Int(value))` and Swift's shortest round-trip form write, on a million values: decimals
    /// of 1 to 6 places (the fast path's share), others it must leave alone (7 to 9 places, below
    /// 0.001, beyond 10⁹), any bit pattern, and the edges of the integer range.
    @Test func numbersMatchSwiftsShortestForm() {
        var generator = SystemRandomNumberGenerator()
        var mismatches: [String] = []
        func check(_ value: Double) {
            guard value.isFinite else { return }
            let expected = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : value.description
            let written = TextFormat.number(value)
            if written != expected && mismatches.count < 5 { mismatches.append("\(written) != \(expected)") }
        }
        for places in 1...9 {
            let scale = (1..<places).reduce(10.0) { product, _ in product * 10 }
            for _ in 0..<50_000 {
                check(Double(Int.random(in: -2_000_000_000_000...2_000_000_000_000, using: &generator)) / scale)
                check(Double(Int.random(in: -2_000...2_000, using: &generator)) / scale)  // near and below 0.001
            }
        }
        for _ in 0..<100_000 { check(Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &generator))) }
        for value in [0.001, -0.001, 0.000999, 0.0015, 999_999_999.999999, 1_000_000_000.5, 0.1 + 0.2, 1.0 / 3.0, Double.leastNonzeroMagnitude,
                      0, -0.0, -5, 999_999_999_999_999, -999_999_999_999_999, 1e15, 1e300] {
            check(value)
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
        #expect(TextFormat.number(0.123) == "0.123")
        #expect(TextFormat.number(-12.5) == "-12.5")
        #expect(TextFormat.number(1_000_000.000001) == "1000000.000001")
    }
}
