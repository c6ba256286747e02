import Foundation

/// What a run of the `entente` binary produced.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutData: Data
}

/// The root of the package (three levels above this file).
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

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
    let process = Process()
    process.executableURL = ententeBinary
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
