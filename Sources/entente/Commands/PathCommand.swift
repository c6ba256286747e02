import ArgumentParser

struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "path", abstract: "Shortest links between two nations.")

    @Argument(parsing: .allUnrecognized, help: "Arguments (not implemented yet).")
    var arguments: [String] = []

    func run() throws {
        throw Failure("entente path: not implemented yet")
    }
}
