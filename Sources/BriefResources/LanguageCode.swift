/// A language code that was checked before any use: BCP 47 in shape, and a language brief knows.
///
/// Only `code` (the primary subtag, 2 or 3 lowercase ASCII letters) is ever used to name data
/// files, so no user string reaches a path.
public struct LanguageCode: Sendable, Hashable, CustomStringConvertible {
    /// The primary subtag, lowercased ("en" for "en-GB").
    public let code: String

    public var description: String { code }

    /// The primary subtag of `text` when it has the shape of a BCP 47 tag (language, then
    /// subtags of 1–8 letters or digits), else nil. Pure ASCII; NUL and controls never pass.
    public static func primarySubtag(of text: String) -> String? {
        let parts = text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count),
              first.allSatisfy({ isLetter($0) }), text.utf8.count <= 35 else { return nil }
        for part in parts.dropFirst() {
            guard (1...8).contains(part.count), part.allSatisfy({ isLetter($0) || (0x30...0x39).contains($0) }) else { return nil }
        }
        return String(decoding: first.map { $0 | 0x20 }, as: UTF8.self)
    }

    /// Checks `text` for shape, then against `known` (when given).
    public init(_ text: String, known: KnownLanguages?) throws(LanguageCodeError) {
        guard let primary = Self.primarySubtag(of: text) else { throw .malformed(Self.shown(text)) }
        if let known, !known.contains(primary) { throw .unknown(primary, known: known.codes) }
        code = primary
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// The value as it can be shown in a one-line message: controls escaped, long values cut.
    public static func shown(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars.prefix(40) {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return text.unicodeScalars.count > 40 ? out + "…" : out
    }
}

/// Why a language code was refused.
public enum LanguageCodeError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String)
    case unknown(String, known: [String])

    public var description: String {
        switch self {
        case .malformed(let text):
            return "'\(text)' is not a language code (expected a code such as en, ar or fr)"
        case .unknown(let code, let known):
            return "unknown language '\(code)' (brief knows \(known.joined(separator: ", ")))"
        }
    }
}

/// The languages brief knows (`Models/languages.tsv`).
public struct KnownLanguages: Sendable, Equatable {
    /// Codes in the file's order.
    public let codes: [String]
    private let set: Set<String>

    public init(codes: [String]) {
        self.codes = codes
        set = Set(codes)
    }

    /// Whether `code` (a primary subtag) is known.
    public func contains(_ code: String) -> Bool { set.contains(code) }

    /// Reads `Models/languages.tsv`.
    public static func load(from data: DataDirectory) throws(DataDirectoryError) -> KnownLanguages {
        let file = "Models/languages.tsv"
        var codes: [String] = []
        for (number, line) in try data.numberedLines(file) {
            let code = String(line.prefix { $0 != "\t" })
            guard LanguageCode.primarySubtag(of: code) == code else { throw .badLine(data.path(file), line: number) }
            codes.append(code)
        }
        return KnownLanguages(codes: codes)
    }
}
