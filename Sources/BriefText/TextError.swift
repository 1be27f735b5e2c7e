/// Why text could not be decoded, segmented or transformed.
public enum TextError: Error, Equatable, CustomStringConvertible {
    case empty
    case tooLarge(bytes: Int, limit: Int)
    case binary(offset: Int)
    case invalidUTF8(offset: Int)
    case undecodable(charset: String, detail: String)
    case unknownEncoding(String)
    case icu(operation: String, code: String)
    case transliterationRules(id: String, line: Int, offset: Int, code: String)

    public var description: String {
        switch self {
        case .empty:
            return "empty input"
        case .tooLarge(let bytes, let limit):
            return "input is \(bytes) bytes, over the \(limit)-byte limit (raise it with --max-size)"
        case .binary(let offset):
            return "binary data, not text (control byte at offset \(offset))"
        case .invalidUTF8(let offset):
            return "invalid UTF-8 at byte offset \(offset) (use --encoding if the file is in a legacy encoding)"
        case .undecodable(let charset, let detail):
            return "cannot decode as \(charset): \(detail)"
        case .unknownEncoding(let name):
            return "unknown encoding '\(name)'"
        case .icu(let operation, let code):
            return "ICU \(operation) failed: \(code)"
        case .transliterationRules(let id, let line, let offset, let code):
            return "transliteration rules '\(id)' do not parse (line \(line), offset \(offset)): \(code)"
        }
    }
}
