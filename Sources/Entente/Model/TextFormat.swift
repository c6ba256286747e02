/// How Entente writes numbers and names as text, in one place, for every writer and message of the
/// library and for clients that print what it returns (the `entente` CLI among them):
///
/// - ``number(_:)``: the shortest form that reads back exactly (`5`, `0.1`, `1e-07`), as in JSON;
/// - ``number(_:significantDigits:)``: rounded for people (`0.533333`);
/// - ``prose(_:)``: for a sentence, saying so when a value overflowed (`beyond 1.8e308`);
/// - ``grouped(_:)``: a count with thousands separated (`10,000`);
/// - ``escapingControls(_:keepingLineFeeds:)``: control characters made visible (`\u{1B}`);
/// - ``closestNames(to:among:)``: the "did you mean" candidates for a misspelt name.
public enum TextFormat {}

/// A number in the shortest form that reads back exactly.
@available(*, deprecated, renamed: "TextFormat.number(_:)")
public func formatNumber(_ value: Double) -> String { TextFormat.number(value) }

/// A number rounded to at most `digits` significant digits.
@available(*, deprecated, renamed: "TextFormat.number(_:significantDigits:)")
public func formatNumber(_ value: Double, significantDigits digits: Int) -> String {
    TextFormat.number(value, significantDigits: digits)
}
