import ArgumentParser
import Entente
import Foundation

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
            let arguments = Array(CommandLine.arguments.dropFirst())
            do {
                // The words after the subcommand's name.
                try RepeatedOptions.check(command, arguments: Array(arguments.drop { $0 == arguments.first && !$0.hasPrefix("-") }))
            } catch {
                // The subcommand's usage, as swift-argument-parser prints it for its own usage errors.
                let name = type(of: command).configuration.commandName.map { "entente \($0)" } ?? "entente"
                printError("Error: \(EntenteCommand.message(for: error))")
                printError("Usage: " + EntenteCommand.usageString(for: type(of: command)))
                printError("  See '\(name) --help' for more information.")
                Foundation.exit(ExitCode.validationFailure.rawValue)
            }
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
