/// How ``RelationGraph/scaleWeights(_:)`` puts the weights of different edge types on one scale
/// (`--scale-weights`). Each is computed per edge type over all of the graph's edges of that type.
public enum WeightScaling: String, Sendable, Hashable, CaseIterable {
    /// The weight divided by the strongest weight of its type: a type's strongest tie weighs 1, and
    /// ratios within a type are kept (an IGO pair sharing 53 organisations weighs half of one sharing
    /// 106). `--scale-weights max`.
    case maximum = "max"
    /// The share of its type's edges whose weight is at most this one (its empirical cumulative
    /// distribution): the strongest weighs 1, and a weight at a type's median weighs about 0.5,
    /// whatever the type's units. Robust to a few huge counts. `--scale-weights rank`.
    case rank
}
