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
public enum RecordID: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case integer(Int)
    /// A number that is not an Int (a decimal, or beyond 64 bits): its JSON text as written.
    case number(String)
    case missing

    public var description: String {
        switch self {
        case .string(let value): return value
        case .integer(let value): return String(value)
        case .number(let value): return value
        case .missing: return "(no id)"
        }
    }

    /// The id of a JSON number's text: an Int when it is one, else the text itself.
    public init(numberText text: String) {
        if let value = Int(text) { self = .integer(value) } else { self = .number(text) }
    }
}

/// One article record of a JSON Lines input: `id` and the text, with optional `title` and `lang`.
public struct ArticleRecord: Sendable, Equatable {
    public var id: RecordID
    public var text: String
    public var title: String?
    public var language: String?
    /// The page's address, when the record gives one.
    public var url: String?

    public init(id: RecordID, text: String, title: String? = nil, language: String? = nil) {
        self.id = id
        self.text = text
        self.title = title
        self.language = language
    }
}

/// Why one JSON Lines record could not be used; the others are unaffected.
/// A JSON Lines record that holds a page: its text, its HTML, or the path of a file.
public struct PageRecord: Sendable, Equatable {
    /// Where the page is.
    public enum Content: Sendable, Equatable {
        case text(String)
        case html(String)
        /// A file, relative to the JSON Lines file's folder.
        case path(String)
        /// Only an address: the page is fetched.
        case url(String)
    }

    public var id: RecordID
    public var content: Content
    public var url: String?
    public var title: String?
    public var language: String?
}

public enum RecordError: Error, Equatable, CustomStringConvertible {
    case notJSON(line: Int)
    case notAnObject(line: Int)
    case missingField(line: Int, field: String)
    case wrongType(line: Int, field: String, expected: String)
    case tooLong(line: Int, limit: Int)
    case controlCharacter(line: Int, byte: UInt8, offset: Int)

    public var description: String {
        switch self {
        case .notJSON(let line): return "line \(line): not valid JSON"
        case .notAnObject(let line): return "line \(line): expected a JSON object"
        case .missingField(let line, let field): return "line \(line): no '\(field)' field"
        case .wrongType(let line, let field, let expected): return "line \(line): '\(field)' must be \(expected)"
        case .tooLong(let line, let limit): return "line \(line): longer than the \(limit)-byte limit (raise it with --max-size)"
        case .controlCharacter(let line, let byte, let offset):
            let hex = String(byte, radix: 16, uppercase: true)
            return "line \(line): raw control character 0x\(hex.count == 1 ? "0" + hex : hex) at byte \(offset + 1) (JSON strings must escape it, e.g. \\u00\(hex.count == 1 ? "0" + hex : hex))"
        }
    }
}

/// Reads JSON Lines one line at a time, so inputs of any length stream in constant memory; a
/// line is bounded (`maxLineBytes`): a longer one is an error for that line only.
public final class JSONLinesReader {
    /// The path as given ("-" for standard input).
    public let path: String
    /// Longest line accepted, in bytes.
    public let maxLineBytes: Int
    private let descriptor: Int32
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0, end = 0
    private var atEnd = false
    /// 1-based number of the line last returned.
    public private(set) var lineNumber = 0

    /// One line: its bytes, or the error that it is too long.
    public typealias Line = (number: Int, bytes: Result<[UInt8], RecordError>)

    /// Opens `path`, or standard input for "-".
    public init(path: String, maxLineBytes: Int = 32 << 20) throws(InputError) {
        self.path = path
        self.maxLineBytes = maxLineBytes
        if path == InputReader.standardInput {
            descriptor = dup(0)
            guard descriptor >= 0 else { throw .unreadable(path, reason: InputReader.errorText(errno)) }
            return
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw .notFound(path) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(path) }
        let opened = open(path, O_RDONLY | O_CLOEXEC)
        guard opened >= 0 else { throw .unreadable(path, reason: InputReader.errorText(errno)) }
        descriptor = opened
    }

    deinit {
        close(descriptor)
    }

    /// The next non-blank line and its number, nil at the end; a read error is thrown (it is
    /// never taken for the end of the input).
    public func nextLine() throws(InputError) -> Line? {
        while true {
            guard let line = try readLine() else { return nil }
            lineNumber += 1
            guard let bytes = line else {
                return (lineNumber, .failure(.tooLong(line: lineNumber, limit: maxLineBytes)))
            }
            var length = bytes.count
            while length > 0, bytes[length - 1] == 0x0D { length -= 1 }
            if bytes[0..<length].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            return (lineNumber, .success(length == bytes.count ? bytes : Array(bytes[0..<length])))
        }
    }

    /// The bytes of the next line without its newline; `.some(nil)` for a line over the limit
    /// (read to its end and dropped); nil at the end of input.
    private func readLine() throws(InputError) -> [UInt8]?? {
        var line: [UInt8] = []
        var tooLong = false
        var sawAny = false
        while true {
            if start == end {
                if atEnd { break }
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw .unreadable(path, reason: InputReader.errorText(errno))
                }
                if count == 0 { atEnd = true; break }
                start = 0
                end = count
            }
            sawAny = true
            let newline = buffer[start..<end].firstIndex(of: 0x0A)
            let stop = newline ?? end
            if !tooLong {
                if line.count + (stop - start) > maxLineBytes {
                    tooLong = true
                    line = []
                } else {
                    line.append(contentsOf: buffer[start..<stop])
                }
            }
            if let newline {
                start = newline + 1
                return .some(tooLong ? nil : line)
            }
            start = end
        }
        guard sawAny else { return nil }
        return .some(tooLong ? nil : line)
    }
}

/// Parses JSON Lines records and writes result lines.
public enum JSONLines {
    private struct RawRecord: Decodable {
        var id: FieldValue?
        var fields: [String: FieldValue]

        enum FieldValue: Decodable {
            case string(String)
            case number
            case null
            case other

            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if container.decodeNil() {
                    self = .null
                } else if let value = try? container.decode(String.self) {
                    self = .string(value)
                } else if (try? container.decode(Double.self)) != nil {
                    self = .number
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
            id = try container.decodeIfPresent(FieldValue.self, forKey: AnyKey(stringValue: "id"))
            var fields: [String: FieldValue] = [:]
            for key in container.allKeys where key.stringValue != "id" {
                fields[key.stringValue] = try container.decode(FieldValue.self, forKey: key)
            }
            self.fields = fields
        }
    }

    /// The `id` of a line, if it can be read at all (used to label an error line).
    public static func id(of bytes: [UInt8]) -> RecordID {
        guard let raw = try? JSONDecoder().decode(RawRecord.self, from: Data(bytes)) else { return .missing }
        return (try? recordID(raw.id, bytes: bytes, line: 0)) ?? .missing
    }

    private static func recordID(_ value: RawRecord.FieldValue?, bytes: [UInt8], line: Int) throws(RecordError) -> RecordID {
        switch value {
        case nil, .null?: throw .missingField(line: line, field: "id")
        case .string(let text)?: return .string(text)
        // Numbers are kept as written: a Double would turn 12345678901234567890 into 1.2345678901234567e19.
        case .number?: return rawNumber(named: "id", in: bytes).map(RecordID.init(numberText:)) ?? .missing
        case .other?: throw .wrongType(line: line, field: "id", expected: "a string or a number")
        }
    }

    /// Parses one line into an article record whose text is in `textField`.
    public static func record(from bytes: [UInt8], line: Int, textField: String = "text") throws(RecordError) -> ArticleRecord {
        // A raw control character is not JSON; saying so beats "not valid JSON" or a wrong type.
        if let offset = bytes.firstIndex(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0x0A }) {
            throw .controlCharacter(line: line, byte: bytes[offset], offset: offset)
        }
        let raw: RawRecord
        do {
            raw = try JSONDecoder().decode(RawRecord.self, from: Data(bytes))
        } catch DecodingError.typeMismatch {
            throw .notAnObject(line: line)
        } catch {
            throw .notJSON(line: line)
        }
        let id = try recordID(raw.id, bytes: bytes, line: line)
        guard let field = raw.fields[textField] else { throw .missingField(line: line, field: textField) }
        guard case .string(let text) = field else { throw .wrongType(line: line, field: textField, expected: "a string") }
        func optional(_ name: String) throws(RecordError) -> String? {
            switch raw.fields[name] {
            case nil, .null?: return nil
            case .string(let value)?: return value
            case .number?, .other?: throw .wrongType(line: line, field: name, expected: "a string")
            }
        }
        var record = ArticleRecord(id: id, text: text, title: try optional("title"), language: try optional("lang"))
        // An address that is not a string (null, a number) is no address.
        if case .string(let url)? = raw.fields["url"] { record.url = url }
        return record
    }

    /// Parses one line into a page record: `id` and one of `text`, `html` or `path`, with the
    /// optional `url`, `title` and `lang`.
    public static func pageRecord(from bytes: [UInt8], line: Int) throws(RecordError) -> PageRecord {
        var found: (String, ArticleRecord)?
        for field in ["text", "html", "path"] {
            let article: ArticleRecord
            do {
                article = try record(from: bytes, line: line, textField: field)
            } catch {
                if case .missingField(_, let name) = error, name == field { continue }
                throw error
            }
            guard found == nil else { throw .wrongType(line: line, field: field, expected: "absent (give one of text, html or path)") }
            found = (field, article)
        }
        if found == nil {
            do {
                let article = try record(from: bytes, line: line, textField: "url")
                return PageRecord(id: article.id, content: .url(article.text), url: article.text, title: article.title, language: article.language)
            } catch {
                guard case .missingField = error else { throw error }
            }
        }
        guard let (field, article) = found else { throw .missingField(line: line, field: "text, html, path or url") }
        let content: PageRecord.Content = field == "text" ? .text(article.text) : field == "html" ? .html(article.text) : .path(article.text)
        return PageRecord(id: article.id, content: content, url: article.url, title: article.title, language: article.language)
    }

    /// The text of the number that is the value of top-level key `name` in a JSON object line.
    static func rawNumber(named name: String, in bytes: [UInt8]) -> String? {
        var index = 0
        func skipSpace() { while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 } }
        /// A string's decoded-enough text (escapes kept as written; keys compared as bytes).
        func string() -> [UInt8]? {
            guard index < bytes.count, bytes[index] == 0x22 else { return nil }
            index += 1
            let start = index
            while index < bytes.count, bytes[index] != 0x22 { index += bytes[index] == 0x5C ? 2 : 1 }
            guard index < bytes.count else { return nil }
            defer { index += 1 }
            return Array(bytes[start..<index])
        }
        func skipValue() {
            var depth = 0
            while index < bytes.count {
                switch bytes[index] {
                case 0x22: _ = string(); if depth == 0 { return }; continue
                case 0x7B, 0x5B: depth += 1
                case 0x7D, 0x5D: if depth == 0 { return }; depth -= 1; if depth == 0 { index += 1; return }
                case 0x2C: if depth == 0 { return }
                default: break
                }
                index += 1
            }
        }
        skipSpace()
        guard index < bytes.count, bytes[index] == 0x7B else { return nil }
        index += 1
        while index < bytes.count {
            skipSpace()
            guard let key = string() else { return nil }
            skipSpace()
            guard index < bytes.count, bytes[index] == 0x3A else { return nil }
            index += 1
            skipSpace()
            if key == Array(name.utf8) {
                let start = index
                while index < bytes.count, (0x30...0x39).contains(bytes[index]) || [0x2D, 0x2B, 0x2E, 0x65, 0x45].contains(bytes[index]) { index += 1 }
                return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
            }
            skipValue()
            skipSpace()
            guard index < bytes.count, bytes[index] == 0x2C else { return nil }
            index += 1
        }
        return nil
    }

    /// Parses one line into its id and the string values of `names`, in that order.
    public static func strings(from bytes: [UInt8], line: Int, names: [String]) throws(RecordError) -> (RecordID, [String]) {
        let first = try record(from: bytes, line: line, textField: names[0])
        var values = [first.text]
        for name in names.dropFirst() { values.append(try record(from: bytes, line: line, textField: name).text) }
        return (first.id, values)
    }
}
