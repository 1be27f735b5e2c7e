import ArgumentParser
import BriefOutput
import BriefResources
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes results to standard output; a result that cannot be written is never a success.
enum Output {
    /// Writes `text` without terminal controls or bidi overrides (JSON output has them escaped
    /// already, so this changes only text meant to be read).
    static func write(_ text: String) {
        if let code = writeAll(TerminalSafety.clean(text), to: 1) { failedWrite(code) }
    }

    /// Writes every byte to a descriptor; the errno of a failed write, or nil.
    @discardableResult
    static func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
        AtomicFile.writeAll(text, to: descriptor)
    }

    /// The reader went away (`| head`): end quietly as a program killed by SIGPIPE does, with
    /// the status shells expect (brief ignores the signal while engines run, so it arrives as
    /// EPIPE). Any other failure (a full disk) is an error: the output is incomplete.
    private static func failedWrite(_ code: Int32) -> Never {
        if code == EPIPE {
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
            exit(141)
        }
        Diagnostics.fail("cannot write to standard output: \(String(cString: strerror(code)))")
    }
}

/// One-line messages on standard error, prefixed with the tool's name.
enum Diagnostics {
    static func warn(_ message: String) {
        Output.writeAll("brief: \(TerminalSafety.clean(message))\n", to: 2)
    }

    /// Reports `message` and exits with status 1.
    static func fail(_ message: String) -> Never {
        warn(message)
        exit(1)
    }

    /// The data folder, or a clear failure when it cannot be found.
    static func dataDirectory() throws -> DataDirectory {
        do {
            return try DataDirectory.locate()
        } catch {
            fail(error.description)
        }
    }
}
