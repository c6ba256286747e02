import ArgumentParser
import Entente

/// How to find communities: shared by `entente communities` and `entente render --color-by community`.
///
/// The options are optional so that a command can tell whether one was given; ``methodValue``,
/// ``resolutionValue`` and ``seedValue`` apply the defaults.
struct CommunityOptions: ParsableArguments {
    @Option(help: "The algorithm: louvain or leiden (default: leiden).")
    var method: CommunityMethod?

    // Unconditional parsing so that `--resolution -1` reaches validate() instead of reading as an option.
    @Option(parsing: .unconditional,
            help: "Resolution γ > 0: above 1 gives more, smaller communities; below 1 fewer, larger ones (default: 1).")
    var resolution: Double?

    // Unconditional parsing so that a negative seed is read as a value, not as an option.
    @Option(parsing: .unconditional,
            help: ArgumentHelp("Seed of the node-order shuffles, an integer (default: \(Communities.defaultSeed)).", valueName: "S"))
    var seed: Int?

    @Flag(help: "Optimise signed modularity over cooperative (+) and adversarial (−) ties.")
    var signed = false

    @Option(name: .customLong("sign-rule"),
            help: "With --signed, the sign of a pair with edges of both polarities: negative-wins (default), positive-wins or net.")
    var signRule: SignRule?

    /// --method, or leiden.
    var methodValue: CommunityMethod { method ?? .leiden }
    /// --resolution, or 1.
    var resolutionValue: Double { resolution ?? 1 }
    /// --seed, or ``Communities/defaultSeed``.
    var seedValue: Int { seed ?? Communities.defaultSeed }

    /// The options given on the command line, by name (for "needs --color-by community").
    var given: [String] {
        [method.map { _ in "--method" }, resolution.map { _ in "--resolution" }, seed.map { _ in "--seed" },
         signed ? "--signed" : nil, signRule.map { _ in "--sign-rule" }].compactMap { $0 }
    }

    func validate() throws {
        if signRule != nil && !signed {
            throw ValidationError("--sign-rule needs --signed: without it communities use cooperative ties only")
        }
        if let resolution, !resolution.isFinite || resolution <= 0 {
            let value = resolution.isFinite ? TextFormat.number(resolution) : "\(resolution)"
            throw ValidationError("--resolution must be a finite number greater than 0, not \(value)")
        }
    }

    /// The communities of an analysis, as these options ask; a failure names the file.
    func communities(of analysis: Analysis, file: String) throws -> Communities {
        do {
            return try analysis.communities(method: methodValue, resolution: resolutionValue, seed: seedValue, signed: signed,
                                            signRule: signRule ?? .negativeWins)
        } catch {
            throw Failure("\(file): \(error)")
        }
    }
}

/// `--method`.
extension CommunityMethod: NamedArgument, @retroactive ExpressibleByArgument {}
