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
}
