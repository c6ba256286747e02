import Foundation
import Testing

/// The analyst-facing fixes: filters, honest output and errors that say what happened.
private let pakistanGraph = "Graphs/pakistan.json"

@Suite struct TrustCLITests {
    @Test func excludeTypesIsTheComplementOfTypes() throws {
        let viaUN = try runEntente(["path", pakistanGraph, "pakistan", "india"])
        #expect(viaUN.stdout.contains("membership"))
        let withoutMembership = try runEntente(["path", pakistanGraph, "pakistan", "india", "--exclude-types", "membership"])
        #expect(withoutMembership.stdout == "PAK -[security 4]- USA -[security 3]- IND  cost 0.583333\n")
    }

    @Test func topHonoursNInJSON() throws {
        let result = try runEntente(["centrality", pakistanGraph, "--measure", "degree", "--top", "2", "--json"])
        #expect(result.stdout == """
            {"measure":"degree","metric":"strength","values":{"PAK":0.9230769230769231,"UN":0.7692307692307693}}

            """)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "no /dev/full on this system"))
    func failedWriteToStandardOutputIsAnError() throws {
        let commands = [["info", pakistanGraph], ["path", pakistanGraph, "PAK", "EU"], ["centrality", pakistanGraph, "--measure", "degree"],
                        ["balance", pakistanGraph], ["balance", pakistanGraph, "--json"], ["communities", pakistanGraph],
                        ["communities", pakistanGraph, "--json"], ["nodes", pakistanGraph], ["ties", pakistanGraph, "PAK"]]
        for command in commands {
            let process = Process()
            process.executableURL = ententeBinary
            process.arguments = command
            process.currentDirectoryURL = packageRoot
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            process.waitUntilExit()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationStatus == 1, "\(command)")
            #expect(message.hasPrefix("entente: cannot write to standard output: "), "\(command)")
        }
    }

    @Test func inputsThatAreNotGraphFilesSaySo() throws {
        let stdin = try runEntente(["info", "-"], stdin: Data("{}".utf8))
        #expect(stdin.status == 64)
        #expect(stdin.stderr == "entente: standard input needs --format json|csv|dot|graphml|gexf\n")
        let directory = try runEntente(["info", "Graphs"])
        #expect(directory.status == 1)
        #expect(directory.stderr == "entente: Graphs: is a directory, not a graph file\n")
    }

    @Test func viewErrorsNameTheMissingNodeAndWhy() throws {
        let kind = try runEntente(["path", pakistanGraph, "RUS", "EU", "--kinds", "state"])
        #expect(kind.status == 1)
        #expect(kind.stderr == "entente: \(pakistanGraph): EU is a bloc; --kinds state leaves it out\n")
        let typo = try runEntente(["path", pakistanGraph, "PAK", "IND", "--types", "securty"])
        #expect(typo.status == 1)
        #expect(typo.stderr.hasSuffix("did you mean 'security'?\n"))
    }

    @Test func writingOverAFileKeepsItsModeAndRefusesReadOnly() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("copy.csv").path
        _ = FileManager.default.createFile(atPath: target, contents: Data("old".utf8), attributes: [.posixPermissions: 0o640])
        #expect(try runEntente(["convert", pakistanGraph, "-o", target]).status == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int == 0o640)
        // Refused for every user, root included: the mode bits say the file is not to be written.
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: target)
        let before = try Data(contentsOf: URL(fileURLWithPath: target))
        let refused = try runEntente(["convert", pakistanGraph, "-o", target])
        #expect(refused.status == 1)
        #expect(refused.stderr == "entente: \(target): is read-only; not replaced\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int == 0o444)
    }
}
