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
                      TiesCommand.self, DiffCommand.self, MergeCommand.self, TimelineCommand.self]
    )

    /// Parses and runs the command, as swift-argument-parser's own `main` does, after arranging for an
    /// interrupted write (Control-C, SIGTERM, SIGHUP) to leave no temporary file behind.
    static func main() async {
        TemporaryFiles.removeOnSignals()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
