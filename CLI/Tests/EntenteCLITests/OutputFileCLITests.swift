import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Where `-o` writes: links are followed, devices and FIFOs written in place, read-only files kept,
/// long names allowed, and an interrupted write leaves no temporary file.
@Suite struct OutputFileCLITests {
    private let graph = "Graphs/pakistan.json"

    /// Files in a directory whose names start with `.entente-` (the writer's temporary files).
    private func temporaries(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".entente-") }
    }

    @Test func aSymbolicLinkIsWrittenThroughAndStaysALink() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let real = directory.appendingPathComponent("data").appendingPathComponent("real.json")
        try FileManager.default.createDirectory(at: real.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: real)
        // A relative link, as `ln -s data/real.json link.json` makes.
        let link = directory.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "data/real.json")
        let result = try runEntente(["convert", graph, "-o", link.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "data/real.json")
        let written = try String(contentsOf: real, encoding: .utf8)
        #expect(written.hasPrefix("{\n  \"name\": \"Pakistan's foreign relations\""))
        #expect(try temporaries(in: directory).isEmpty && temporaries(in: real.deletingLastPathComponent()).isEmpty)

        // A link to a file that does not exist yet creates that file.
        let dangling = directory.appendingPathComponent("dangling.csv")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: "data/new.csv")
        #expect(try runEntente(["convert", graph, "-o", dangling.path]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dangling.path) == "data/new.csv")
        #expect(try String(contentsOf: directory.appendingPathComponent("data/new.csv"), encoding: .utf8).hasPrefix("source,target"))
    }

    @Test func aReadOnlyFileBehindALinkIsRefused() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let real = directory.appendingPathComponent("real.json")
        try Data("old".utf8).write(to: real)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: real.path)
        let link = directory.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: real.path)
        let result = try runEntente(["convert", graph, "-o", link.path])
        #expect(result.status == 1)
        #expect(result.stderr == "entente: \(link.path): is read-only; not replaced\n")
        #expect(try String(contentsOf: real, encoding: .utf8) == "old")
    }

    @Test(.enabled(if: getuid() == 0, "making a device node needs root"))
    func aCharacterDeviceIsWrittenInPlaceNotReplaced() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A device node like /dev/null (major 1, minor 3), made in a temporary directory.
        let device = directory.appendingPathComponent("null")
        #expect(mknod(device.path, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0)
        let result = try runEntente(["convert", graph, "-o", device.path, "--to", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        var info = stat()
        #expect(lstat(device.path, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFCHR, "the device was replaced by another kind of file")
        #expect(try temporaries(in: directory).isEmpty)
    }

    @Test func aFIFOIsWrittenInPlace() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("pipe")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        nonisolated(unsafe) var received = Data()
        let reader = Thread {
            if let handle = FileHandle(forReadingAtPath: fifo.path) { received = handle.readDataToEndOfFile() }
        }
        reader.start()
        let result = try runEntente(["convert", graph, "-o", fifo.path, "--to", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        while !reader.isFinished { usleep(1_000) }
        #expect(String(decoding: received, as: UTF8.self).hasPrefix("source,target"))
        var info = stat()
        #expect(lstat(fifo.path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func devStdoutWritesToStandardOutput() throws {
        let result = try runEntente(["convert", graph, "-o", "/dev/stdout", "--to", "csv"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("source,target"))
    }

    @Test func aNameAsLongAsTheFileSystemAllowsCanBeWritten() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let name = String(repeating: "n", count: 250) + ".json"  // 255 bytes: NAME_MAX on Linux
        let result = try runEntente(["convert", graph, "-o", directory.appendingPathComponent(name).path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path))
    }

    @Test func anInterruptedWriteLeavesNoTemporaryFile() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A graph big enough that writing its JSON takes a moment.
        var csv = "source,target,type,weight,note\n"
        for index in 0..<12_000 { csv += "n\(index),m\(index),economic,\(index % 5 + 1),tie \(index)\n" }
        let input = directory.appendingPathComponent("big.csv")
        try Data(csv.utf8).write(to: input)
        let target = directory.appendingPathComponent("out.json")
        try Data("old".utf8).write(to: target)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            var caught = false
            for _ in 0..<6 where !caught {
                let process = Process()
                process.executableURL = ententeBinary
                process.arguments = ["convert", input.path, "-o", target.path]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                // Wait for the temporary file to appear, then interrupt the write.
                while process.isRunning {
                    if try !temporaries(in: directory).isEmpty {
                        kill(process.processIdentifier, signalNumber)
                        caught = true
                        break
                    }
                    usleep(200)
                }
                process.waitUntilExit()
                if caught {
                    #expect(process.terminationReason == .uncaughtSignal, "signal \(signalNumber)")
                    #expect(process.terminationStatus == signalNumber, "signal \(signalNumber)")
                }
                #expect(try temporaries(in: directory).isEmpty, "signal \(signalNumber) left a temporary file")
                if caught { #expect(try String(contentsOf: target, encoding: .utf8) == "old") }
            }
            #expect(caught, "the temporary file was never seen while the write ran (signal \(signalNumber))")
        }
    }
}
