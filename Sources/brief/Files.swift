#if canImport(Glibc)
import Glibc
#endif

/// Why a file could not be written.
struct WriteError: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}

/// Writes `text` to a temporary file next to `path` and renames it into place, so a reader never
/// sees a half-written file.
func writeAtomically(_ text: String, to path: String) throws {
    let temporary = path + ".tmp-\(getpid())"
    guard let file = fopen(temporary, "wb") else { throw WriteError(reason: String(cString: strerror(errno))) }
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    let closed = fclose(file)
    guard written == bytes.count, closed == 0 else {
        unlink(temporary)
        throw WriteError(reason: String(cString: strerror(errno)))
    }
    guard rename(temporary, path) == 0 else {
        unlink(temporary)
        throw WriteError(reason: String(cString: strerror(errno)))
    }
}

/// Writes prediction lines to a file as they come, renamed into place when complete.
final class PredictionWriter {
    private let path: String
    private let temporary: String
    private let file: UnsafeMutablePointer<FILE>

    init(path: String) throws {
        self.path = path
        temporary = path + ".tmp-\(getpid())"
        guard let file = fopen(temporary, "wb") else { throw WriteError(reason: String(cString: strerror(errno))) }
        self.file = file
    }

    func write(_ line: String) {
        fputs(line + "\n", file)
    }

    deinit {
        fclose(file)
        rename(temporary, path)
    }
}
