import ArgumentParser
import BriefResources
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes results to standard output.
enum Output {
    static func write(_ text: String) {
        writeAll(text, to: 1)
    }

    /// Writes every byte to a descriptor, retrying short writes; gives up silently on a closed
    /// pipe (the reader went away, as with `| head`).
    static func writeAll(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
        bytes.removeAll()
    }
}

/// One-line messages on standard error, prefixed with the tool's name.
enum Diagnostics {
    static func warn(_ message: String) {
        Output.writeAll("brief: \(message)\n", to: 2)
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
