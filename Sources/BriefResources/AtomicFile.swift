#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be written; the file named was left as it was.
public struct WriteError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): cannot write: \(reason)" }
}

/// A file written whole or not at all: bytes go to a new temporary file in the target's folder
/// (made with mkstemp: a name nobody can plant a link at), are flushed to disk, and the file is
/// renamed over the target only on `commit`. Every step is checked; on any failure, or if the
/// writer is dropped uncommitted, the temporary file is removed and the target is untouched.
/// A target that is a symbolic link is written through: the file it points to is replaced.
public final class AtomicFile {
    /// The path as given.
    public let path: String
    private let target: String
    private var temporary: String?
    private var descriptor: Int32 = -1

    public init(path: String) throws(WriteError) {
        self.path = path
        // Through a symlink to what it names (the link itself stays a link).
        var resolved = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            guard realpath(path, &resolved) != nil else { throw WriteError(path: path, reason: Self.reason(errno)) }
            target = String(cString: resolved)
        } else {
            target = path
        }
        if stat(target, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw WriteError(path: path, reason: "is a directory")
        }
        let slash = target.lastIndex(of: "/")
        let folder = slash.map { $0 == target.startIndex ? "/" : String(target[..<$0]) } ?? "."
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        var template = Array((folder + "/." + name + ".tmp-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard made >= 0 else { throw WriteError(path: path, reason: Self.reason(errno)) }
        descriptor = made
        temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        // mkstemp makes 0600; a written result is an ordinary file (0644 less the umask).
        let mask = umask(0)
        umask(mask)
        fchmod(made, 0o666 & ~mask)
    }

    /// Appends `text`.
    public func write(_ text: String) throws(WriteError) {
        if let failure = Self.writeAll(text, to: descriptor) {
            discard()
            throw WriteError(path: path, reason: Self.reason(failure))
        }
    }

    /// Writes every byte of `text` to a descriptor, retrying short and interrupted writes; the
    /// errno of a failed write, or nil. (Standard output is written the same way.)
    public static func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }

    /// Flushes the bytes to disk and puts the file in place of the target.
    public func commit() throws(WriteError) {
        guard let temporary else { throw WriteError(path: path, reason: "already finished") }
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
            let code = errno
            descriptor = -1
            discard()
            throw WriteError(path: path, reason: Self.reason(code))
        }
        descriptor = -1
        guard rename(temporary, target) == 0 else {
            let code = errno
            discard()
            throw WriteError(path: path, reason: Self.reason(code))
        }
        self.temporary = nil
    }

    /// Removes the temporary file; the target is untouched.
    public func discard() {
        if descriptor >= 0 { close(descriptor); descriptor = -1 }
        if let temporary { unlink(temporary) }
        temporary = nil
    }

    deinit {
        discard()
    }

    /// Writes `text` to `path` whole or not at all.
    public static func write(_ text: String, to path: String) throws(WriteError) {
        let file = try AtomicFile(path: path)
        try file.write(text)
        try file.commit()
    }

    private static func reason(_ code: Int32) -> String {
        strerror(code).map { String(cString: $0) } ?? "error \(code)"
    }
}
