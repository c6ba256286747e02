import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary file of an atomic write in progress, removed if the process is interrupted.
///
/// Every file Entente writes is written to a temporary file beside the target, then renamed over
/// it. A program that embeds the library and wants no temporary file left behind by Control-C calls
/// ``removeOnSignals()`` once; the `entente` command does. The library installs no signal handler
/// unless asked: a process's signal dispositions are its own.
public enum TemporaryFiles {
    /// The temporary file's path, as a C string the signal handler can pass to `unlink`; allocated
    /// once, filled before ``active`` is set and read only while it is.
    nonisolated(unsafe) private static let path = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
    private static let capacity = 4096
    /// Whether ``path`` names a temporary file now being written.
    private static let active = Atomic<Bool>(false)

    /// Removes the temporary file of a write in progress when the process receives SIGINT, SIGTERM or
    /// SIGHUP, then lets the signal end the process as it would have (exit status 128 + signal).
    ///
    /// Replaces the process's handlers of those three signals and unblocks them on the calling
    /// thread (threads started later inherit that). Call it once, at the start of a command-line program.
    public static func removeOnSignals() {
        // A process started with these signals blocked (a blocked mask survives exec: some launchers,
        // Foundation's Process among them, leave one) would otherwise never see them while it writes.
        var signals = sigset_t()
        sigemptyset(&signals)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            _ = signal(signalNumber) { received in
                if TemporaryFiles.active.load(ordering: .sequentiallyConsistent) {
                    _ = unlink(TemporaryFiles.path)
                }
                // The default action, now that the file is gone: the process ends by the signal.
                _ = signal(received, SIG_DFL)
                _ = raise(received)
            }
        }
    }

    /// Records the temporary file a write has just created.
    package static func begin(_ file: String) {
        active.store(false, ordering: .sequentiallyConsistent)
        var bytes = Array(file.utf8.prefix(capacity - 1))
        bytes.append(0)
        bytes.withUnsafeBytes { source in
            UnsafeMutableRawPointer(path).copyMemory(from: source.baseAddress ?? UnsafeRawPointer(path), byteCount: source.count)
        }
        active.store(true, ordering: .sequentiallyConsistent)
    }

    /// Forgets the temporary file: it has been renamed over its target or removed.
    package static func end() {
        active.store(false, ordering: .sequentiallyConsistent)
    }
}
