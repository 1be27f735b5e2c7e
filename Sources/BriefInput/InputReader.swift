#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an input file could not be read.
public enum InputError: Error, Equatable, CustomStringConvertible {
    case notFound(String)
    case isDirectory(String)
    case unreadable(String, reason: String)
    /// `bytes` is nil for a stream whose length is unknown (it was read up to the limit only).
    case tooLarge(String, bytes: Int?, limit: Int)

    /// The path as the user gave it ("-" for standard input).
    public var path: String {
        switch self {
        case .notFound(let path), .isDirectory(let path), .unreadable(let path, _), .tooLarge(let path, _, _):
            return path
        }
    }

    public var description: String {
        switch self {
        case .notFound(let path): return "\(path): no such file"
        case .isDirectory(let path): return "\(path): is a directory, not an article file"
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .tooLarge(let path, let bytes, let limit):
            let shown = bytes.map { "\($0) bytes" } ?? "more than \(limit) bytes"
            return "\(path): input is \(shown), over the \(limit)-byte limit (raise it with --max-size)"
        }
    }
}

/// Reads the raw bytes of an article from a file or from standard input ("-"), with a size
/// limit checked before the bytes are read, so an oversized input costs nothing.
public struct InputReader: Sendable {
    /// Largest input accepted, in bytes.
    public var maxBytes: Int

    /// The name that stands for standard input.
    public static let standardInput = "-"

    public init(maxBytes: Int = 32 << 20) {
        self.maxBytes = maxBytes
    }

    /// The bytes of `path`, or of standard input when `path` is "-".
    public func read(_ path: String) throws(InputError) -> [UInt8] {
        if path == Self.standardInput { return try readAll(descriptor: 0, path: path, expected: nil) }
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .notFound(path) }
            throw .unreadable(path, reason: Self.errorText(errno))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(path) }
        let isRegular = (info.st_mode & S_IFMT) == S_IFREG
        if isRegular, Int(info.st_size) > maxBytes { throw .tooLarge(path, bytes: Int(info.st_size), limit: maxBytes) }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .unreadable(path, reason: Self.errorText(errno)) }
        defer { close(descriptor) }
        return try readAll(descriptor: descriptor, path: path, expected: isRegular ? Int(info.st_size) : nil)
    }

    /// Reads to the end, stopping with an error one byte past the limit (pipes have no size).
    private func readAll(descriptor: Int32, path: String, expected: Int?) throws(InputError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(expected.map { $0 + 1 } ?? 1 << 16, maxBytes + 1))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path, reason: Self.errorText(errno))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > maxBytes { throw .tooLarge(path, bytes: expected, limit: maxBytes) }
        }
        return bytes
    }

    static func errorText(_ code: Int32) -> String {
        strerror(code).map { String(cString: $0) } ?? "error \(code)"
    }
}
