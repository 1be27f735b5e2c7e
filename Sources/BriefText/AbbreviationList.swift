import BriefResources

/// Abbreviations after which a full stop does not end a sentence, for one language.
///
/// Loaded from `Models/abbreviations/<lang>.tsv` (abbreviation, kind) and
/// `Models/abbreviations/<lang>-openers.txt` (words that commonly start a sentence).
public struct AbbreviationList: Sendable, Equatable {
    /// How an abbreviation behaves before the next word.
    public enum Kind: String, Sendable {
        /// Always followed by a name ("Mr.", "Gen."): never ends a sentence.
        case title
        /// Usually inside a sentence ("U.S.", "Co."): ends one only before a common opener ("The").
        case ambiguous
    }

    public private(set) var entries: [String: Kind]
    public private(set) var openers: Set<String>

    public init(entries: [String: Kind] = [:], openers: Set<String> = []) {
        self.entries = entries
        self.openers = openers
    }

    /// No abbreviations: ICU's own rules only.
    public static let empty = AbbreviationList()

    /// Parses the two data files' text.
    public init(table: String, openers openerText: String, source: String = "abbreviations") throws(AbbreviationListError) {
        var entries: [String: Kind] = [:]
        for (number, raw) in table.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.firstIndex(of: "#").map { raw[..<$0] } ?? raw
            if line.allSatisfy(\.isWhitespace) { continue }
            let fields = line.split(separator: "\t").map { $0.trimmedString() }
            guard fields.count == 2, let kind = Kind(rawValue: fields[1]), fields[0].hasSuffix(".") else {
                throw .badLine(source: source, line: number + 1, text: String(raw))
            }
            entries[fields[0]] = kind
        }
        var openers: Set<String> = []
        for raw in openerText.split(whereSeparator: \.isNewline) {
            let word = (raw.firstIndex(of: "#").map { raw[..<$0] } ?? raw).trimmedString()
            if !word.isEmpty { openers.insert(word) }
        }
        self.init(entries: entries, openers: openers)
    }

    /// The list for `language` from the data folder, or `.empty` when the language has none.
    public static func load(language: String, from data: DataDirectory) throws -> AbbreviationList {
        let table = "Models/abbreviations/\(language).tsv"
        guard data.exists(table) else { return .empty }
        let openers = "Models/abbreviations/\(language)-openers.txt"
        return try AbbreviationList(
            table: data.text(table),
            openers: data.exists(openers) ? data.text(openers) : "",
            source: data.path(table)
        )
    }

    /// The kind of a token that ends with a full stop, e.g. "Gen." or "U.S.".
    public func kind(of token: Substring) -> Kind? {
        if let kind = entries[String(token)] { return kind }
        // A single capital letter and a stop is an initial ("Donald J. Trump").
        if token.count == 2, let first = token.first, first.isUppercase { return .title }
        return nil
    }
}

/// Why an abbreviation list could not be read.
public enum AbbreviationListError: Error, Equatable, CustomStringConvertible {
    case badLine(source: String, line: Int, text: String)

    public var description: String {
        switch self {
        case .badLine(let source, let line, let text):
            return "\(source):\(line): expected 'abbreviation<TAB>title|ambiguous' with the abbreviation ending in '.', got '\(text)'"
        }
    }
}
