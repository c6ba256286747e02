import ArgumentParser

@main
struct EntenteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entente",
        abstract: "Analyse international relations as a graph: who is the hub, what links two nations.",
        subcommands: [InfoCommand.self, ConvertCommand.self, PathCommand.self, CentralityCommand.self,
                      RenderCommand.self, BalanceCommand.self, DiffCommand.self, MergeCommand.self]
    )
}
