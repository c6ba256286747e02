import ArgumentParser

struct CentralityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "centrality", abstract: "Centrality of every node: who is the hub.")

    @Argument(parsing: .allUnrecognized, help: "Arguments (not implemented yet).")
    var arguments: [String] = []

    func run() throws {
        throw Failure("entente centrality: not implemented yet")
    }
}
