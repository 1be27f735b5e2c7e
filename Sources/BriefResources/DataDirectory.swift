#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Locates brief's data folders (`Models/`, `Lexicons/`) and reads files from them.
///
/// Data stays plain text in the repository; the binary finds it at run time instead of carrying
/// copies, so an edited lexicon takes effect without a rebuild.
public struct DataDirectory: Sendable, Equatable {
    /// The folder that holds `Models/` and `Lexicons/`.
    public let root: String

    /// Environment variable that overrides the search.
    public static let environmentVariable = "BRIEF_DATA_DIR"

    public init(root: String) {
        self.root = root
    }

    /// Finds the data folder: `$BRIEF_DATA_DIR`, then the folders above the running executable
    /// (a build inside the repository), then `<prefix>/share/brief` next to an installed binary.
    public static func locate(executablePath: String? = nil) throws(DataDirectoryError) -> DataDirectory {
        if let override = getenv(environmentVariable).map({ String(cString: $0) }), !override.isEmpty {
            guard isDataRoot(override) else { throw .notADataDirectory(override) }
            return DataDirectory(root: override)
        }
        var searched: [String] = []
        if let executable = executablePath ?? currentExecutablePath() {
            var folder = parent(of: executable)
            for _ in 0..<8 where folder != "/" && !folder.isEmpty {
                searched.append(folder)
                if isDataRoot(folder) { return DataDirectory(root: folder) }
                let shared = folder + "/share/brief"
                if isDataRoot(shared) { return DataDirectory(root: shared) }
                folder = parent(of: folder)
            }
        }
        throw .notFound(searched: searched)
    }

    /// Path of a file under the data root, e.g. `path("Models/abbreviations/en.tsv")`.
    public func path(_ relative: String) -> String {
        root + "/" + relative
    }

    /// Whether a data file exists.
    public func exists(_ relative: String) -> Bool {
        Self.isSafeRelative(relative) && access(path(relative), F_OK) == 0
    }

    /// A relative name without NUL, control characters, empty or `..` components.
    static func isSafeRelative(_ relative: String) -> Bool {
        !relative.isEmpty && !relative.hasPrefix("/")
            && !relative.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F })
            && !relative.split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty || $0 == ".." || $0 == "." }
    }

    /// The UTF-8 text of a data file.
    public func text(_ relative: String) throws(DataDirectoryError) -> String {
        // Names are built from checked parts; this refuses anything that could leave the folder
        // or be cut short in C (a NUL), whatever a caller forgot to check.
        guard Self.isSafeRelative(relative) else { throw .badName(relative) }
        let full = path(relative)
        guard let data = FileManager.default.contents(atPath: full) else {
            throw .missingFile(full)
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .notUTF8(full)
        }
        return text
    }

    /// The non-empty lines of a data file with `#` comments removed and whitespace trimmed.
    public func lines(_ relative: String) throws(DataDirectoryError) -> [Substring] {
        try numberedLines(relative).map(\.text)
    }

    /// As `lines`, each with its line number in the file (from 1), for messages that point at it.
    public func numberedLines(_ relative: String) throws(DataDirectoryError) -> [(number: Int, text: Substring)] {
        // By bytes: splitting by Characters costs milliseconds on the larger files, at every start.
        let text = try text(relative)
        let utf8 = text.utf8
        var result: [(number: Int, text: Substring)] = []
        var start = utf8.startIndex
        var commentAt: String.Index?
        var index = start
        var number = 1
        func finish(_ end: String.Index) {
            var lower = start, upper = commentAt ?? end
            while lower < upper, [0x20, 0x09, 0x0D].contains(utf8[lower]) { lower = utf8.index(after: lower) }
            while upper > lower, [0x20, 0x09, 0x0D].contains(utf8[utf8.index(before: upper)]) { upper = utf8.index(before: upper) }
            if lower < upper { result.append((number, text[lower..<upper])) }
        }
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A {
                finish(index)
                number += 1
                start = utf8.index(after: index)
                commentAt = nil
            } else if byte == UInt8(ascii: "#"), commentAt == nil {
                commentAt = index
            }
            index = utf8.index(after: index)
        }
        finish(utf8.endIndex)
        return result
    }

    private static func isDataRoot(_ folder: String) -> Bool {
        var info = stat()
        return stat(folder + "/Models", &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            && stat(folder + "/Lexicons", &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func currentExecutablePath() -> String? {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #else
        return CommandLine.arguments.first
        #endif
    }
}

/// Why brief's data could not be read.
public enum DataDirectoryError: Error, Equatable, CustomStringConvertible {
    case notFound(searched: [String])
    case notADataDirectory(String)
    case missingFile(String)
    case notUTF8(String)
    case badLine(String, line: Int)
    /// A data file name that is not a plain relative name inside the data folder.
    case badName(String)

    public var description: String {
        switch self {
        case .notFound(let searched):
            return "cannot find brief's data folders (Models/, Lexicons/); set \(DataDirectory.environmentVariable) to the repository or share/brief folder (searched: \(searched.joined(separator: ", ")))"
        case .notADataDirectory(let path):
            return "\(DataDirectory.environmentVariable)=\(path) does not contain Models/ and Lexicons/"
        case .missingFile(let path):
            return "\(path): data file missing or unreadable"
        case .notUTF8(let path):
            return "\(path): data file is not valid UTF-8"
        case .badLine(let path, let line):
            return "\(path):\(line): malformed line"
        case .badName(let name):
            return "'\(LanguageCode.shown(name))': not a data file name"
        }
    }
}

extension Substring {
    /// The slice without leading and trailing whitespace.
    public func trimmingWhitespace() -> Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return self[endIndex...] }
        return self[first...last]
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace.
    public func trimmedString() -> String {
        String(Substring(self).trimmingWhitespace())
    }
}

extension Substring {
    /// The parts of the line between each `separator` byte (an ASCII tab or bar), split by bytes:
    /// splitting by Characters breaks graphemes all along Arabic text, at every start.
    public func fields(separatedBy separator: UInt8) -> [String] {
        var fields: [String] = []
        let bytes = utf8
        var start = bytes.startIndex
        var index = start
        while index < bytes.endIndex {
            if bytes[index] == separator {
                fields.append(String(self[start..<index]))
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        fields.append(String(self[start..<bytes.endIndex]))
        return fields
    }
}
