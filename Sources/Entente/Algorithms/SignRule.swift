/// How a pair of nodes with edges of both polarities gets one sign: the rule that turns a
/// multigraph of cooperative and adversarial edges into a signed network.
///
/// The literature on international relations codes any antagonism as negative: Doreian & Mrvar
/// (1996, 2009) and Traag & Bruggeman (2009) mark a pair of states negative when they fight or are
/// rivals, whatever else ties them; summing alliances against rivalries would make Greece–Turkey a
/// friendly pair and erase India–Pakistan under trade and IGO ties. So ``negativeWins`` is the
/// default; ``net`` is the older rule (the pair's cooperative minus adversarial weights), and
/// ``positiveWins`` its mirror.
///
/// | rule | sign of a mixed pair | weight (``BalanceSigns/weighted``) |
/// |---|---|---|
/// | ``negativeWins`` | − | the sum of its adversarial weights |
/// | ``positiveWins`` | + | the sum of its cooperative weights |
/// | ``net`` | sign of cooperative − adversarial (zero: no tie) | \|cooperative − adversarial\| |
///
/// A pair whose edges all have one polarity is the same under every rule: that polarity, with the
/// sum of its weights.
public enum SignRule: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// Cooperative weights minus adversarial weights; its sign is the tie's, zero is no tie.
    case net
    /// Any adversarial edge makes the pair negative (the default).
    case negativeWins = "negative-wins"
    /// Any cooperative edge makes the pair positive.
    case positiveWins = "positive-wins"

    /// `net`, `negative-wins` or `positive-wins`, as the CLI and the JSON write it.
    public var description: String { rawValue }

    /// The signed weight of a pair from the sums of its cooperative and adversarial weights; zero
    /// when the pair is no tie. `net` cancels sums equal within a relative 1e-10 (so that 0.1 + 0.2
    /// cancels 0.3).
    func signedWeight(cooperative: Double, adversarial: Double) -> Double {
        switch self {
        case .net:
            let cancels = cooperative == adversarial
                || abs(cooperative - adversarial) <= 1e-10 * max(cooperative, adversarial)
            return cancels ? 0 : cooperative - adversarial
        case .negativeWins:
            return adversarial > 0 ? -adversarial : cooperative
        case .positiveWins:
            return cooperative > 0 ? cooperative : -adversarial
        }
    }
}
