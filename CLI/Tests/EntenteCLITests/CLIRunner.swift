import Foundation

/// What a run of the `entente` binary produced.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutData: Data
}

/// The root of the repository (four levels above this file: CLI/Tests/EntenteCLITests/), where the
/// graphs, the docs and the scripts the tests run are.
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// The built `entente` binary, next to the test bundle in the build folder.
let ententeBinary: URL = {
    var directory = Bundle.main.bundleURL
    for _ in 0..<4 {
        let candidate = directory.appendingPathComponent("entente")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        directory.deleteLastPathComponent()
    }
    let fromArguments = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    return fromArguments.appendingPathComponent("entente")
}()

/// Runs `entente` with arguments from the package root, optionally with standard input and a PATH.
func runEntente(_ arguments: [String], stdin: Data? = nil, environment: [String: String]? = nil,
                in directory: URL = packageRoot) throws -> CLIResult {
    try runProgram(ententeBinary, arguments, stdin: stdin, environment: environment, in: directory)
}

/// Runs a Python script of the repository (a path from the package root) with python3 from PATH.
func runPython(_ script: String, _ arguments: [String]) throws -> CLIResult {
    try runProgram(URL(fileURLWithPath: "/usr/bin/env"), ["python3", packageRoot.appendingPathComponent(script).path] + arguments)
}

/// Runs a program, reading its standard output and error together so that neither pipe fills up.
func runProgram(_ executable: URL, _ arguments: [String], stdin: Data? = nil, environment: [String: String]? = nil,
                in directory: URL = packageRoot) throws -> CLIResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    if let environment { process.environment = environment }
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    // Read both pipes concurrently so that neither fills up and blocks the child.
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self), stdoutData: outData)
}

/// A fresh temporary directory for a test's output files.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("entente-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
