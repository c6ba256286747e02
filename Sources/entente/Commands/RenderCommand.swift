import ArgumentParser

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render", abstract: "Render a relations diagram through Graphviz.")

    @Argument(parsing: .allUnrecognized, help: "Arguments (not implemented yet).")
    var arguments: [String] = []

    func run() throws {
        throw Failure("entente render: not implemented yet")
    }
}
