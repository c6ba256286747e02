import ArgumentParser
import Entente

@main
struct EntenteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entente",
        abstract: "Analyse international relations as a graph: who is the hub, what links two nations.",
        version: EntenteVersion.current,
        subcommands: [InfoCommand.self, ConvertCommand.self, PathCommand.self, CentralityCommand.self,
                      RenderCommand.self, BalanceCommand.self, CommunitiesCommand.self, NodesCommand.self,
                      TiesCommand.self, DiffCommand.self, MergeCommand.self]
    )
}
