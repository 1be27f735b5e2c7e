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

/// A record identifier as given in JSON Lines: a string or a number, written back as it came.
public enum RecordID: Codable, Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case integer(Int)
    case number(Double)
    case missing

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .missing
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .missing: try container.encodeNil()
        }
    }

    public var description: String {
        switch self {
        case .string(let value): return value
        case .integer(let value): return String(value)
        case .number(let value): return String(value)
        case .missing: return "(no id)"
        }
    }
}

/// One article record of a JSON Lines input: `id` and the text, with optional `title` and `lang`.
public struct ArticleRecord: Sendable, Equatable {
    public var id: RecordID
    public var text: String
    public var title: String?
    public var language: String?

    public init(id: RecordID, text: String, title: String? = nil, language: String? = nil) {
        self.id = id
        self.text = text
        self.title = title
        self.language = language
    }
}

/// Why one JSON Lines record could not be used; the others are unaffected.
public enum RecordError: Error, Equatable, CustomStringConvertible {
    case notJSON(line: Int)
    case notAnObject(line: Int)
    case missingField(line: Int, field: String)
    case wrongType(line: Int, field: String, expected: String)

    public var description: String {
        switch self {
        case .notJSON(let line): return "line \(line): not valid JSON"
        case .notAnObject(let line): return "line \(line): expected a JSON object"
        case .missingField(let line, let field): return "line \(line): no '\(field)' field"
        case .wrongType(let line, let field, let expected): return "line \(line): '\(field)' must be \(expected)"
        }
    }
}

/// Reads JSON Lines one line at a time, so inputs of any length stream in constant memory.
public final class JSONLinesReader {
    /// The path as given ("-" for standard input).
    public let path: String
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: UnsafeMutablePointer<CChar>?
    private var capacity = 0
    /// 1-based number of the line last returned.
    public private(set) var lineNumber = 0

    /// Opens `path`, or standard input for "-".
    public init(path: String) throws(InputError) {
        self.path = path
        if path == InputReader.standardInput {
            // A FILE of our own over a copy of descriptor 0: the C global `stdin` is shared
            // mutable state that Swift 6 rejects.
            guard let opened = fdopen(dup(0), "rb") else { throw .unreadable(path, reason: InputReader.errorText(errno)) }
            file = opened
            return
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw .notFound(path) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(path) }
        guard let opened = fopen(path, "rb") else { throw .unreadable(path, reason: InputReader.errorText(errno)) }
        file = opened
    }

    deinit {
        free(buffer)
        fclose(file)
    }

    /// The next non-blank line's bytes and its number, or nil at the end.
    public func nextLine() -> (number: Int, bytes: [UInt8])? {
        while true {
            let count = getline(&buffer, &capacity, file)
            guard count >= 0, let buffer else { return nil }
            lineNumber += 1
            var length = count
            while length > 0, buffer[length - 1] == 0x0A || buffer[length - 1] == 0x0D { length -= 1 }
            let bytes = UnsafeRawBufferPointer(start: buffer, count: length)
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            return (lineNumber, Array(bytes))
        }
    }
}

/// Parses JSON Lines records and writes result lines.
public enum JSONLines {
    private struct RawRecord: Decodable {
        var id: RecordID?
        var fields: [String: FieldValue]

        enum FieldValue: Decodable {
            case string(String)
            case null
            case other

            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if container.decodeNil() {
                    self = .null
                } else if let value = try? container.decode(String.self) {
                    self = .string(value)
                } else {
                    self = .other
                }
            }
        }

        struct AnyKey: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            id = try container.decodeIfPresent(RecordID.self, forKey: AnyKey(stringValue: "id"))
            var fields: [String: FieldValue] = [:]
            for key in container.allKeys where key.stringValue != "id" {
                fields[key.stringValue] = try container.decode(FieldValue.self, forKey: key)
            }
            self.fields = fields
        }
    }

    /// The `id` of a line, if it can be read at all (used to label an error line).
    public static func id(of bytes: [UInt8]) -> RecordID {
        (try? JSONDecoder().decode(RawRecord.self, from: Data(bytes)))?.id ?? .missing
    }

    /// Parses one line into an article record whose text is in `textField`.
    public static func record(from bytes: [UInt8], line: Int, textField: String = "text") throws(RecordError) -> ArticleRecord {
        let raw: RawRecord
        do {
            raw = try JSONDecoder().decode(RawRecord.self, from: Data(bytes))
        } catch DecodingError.typeMismatch {
            throw .notAnObject(line: line)
        } catch {
            throw .notJSON(line: line)
        }
        guard let id = raw.id, id != .missing else { throw .missingField(line: line, field: "id") }
        guard let field = raw.fields[textField] else { throw .missingField(line: line, field: textField) }
        guard case .string(let text) = field else { throw .wrongType(line: line, field: textField, expected: "a string") }
        func optional(_ name: String) throws(RecordError) -> String? {
            switch raw.fields[name] {
            case nil, .null?: return nil
            case .string(let value)?: return value
            case .other?: throw .wrongType(line: line, field: name, expected: "a string")
            }
        }
        return ArticleRecord(id: id, text: text, title: try optional("title"), language: try optional("lang"))
    }

    /// Parses one line into its id and the string values of `names`, in that order.
    public static func strings(from bytes: [UInt8], line: Int, names: [String]) throws(RecordError) -> (RecordID, [String]) {
        let first = try record(from: bytes, line: line, textField: names[0])
        var values = [first.text]
        for name in names.dropFirst() { values.append(try record(from: bytes, line: line, textField: name).text) }
        return (first.id, values)
    }
}
