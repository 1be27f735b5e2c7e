import BriefResources

/// Why repair data could not be loaded.
public enum RepairModelError: Error, Equatable, CustomStringConvertible {
    case missingFile(String)
    case badFile(String, reason: String)

    public var description: String {
        switch self {
        case .missingFile(let path): return "\(path): repair data file missing or unreadable"
        case .badFile(let path, let reason): return "\(path): \(reason)"
        }
    }
}

/// What repair knows about one language: word frequencies and a few spelling facts.
public struct RepairModel: Sendable {
    /// The language code ("en", "fr").
    public let language: String
    public let frequencies: WordFrequencyTable
    public let singleLetterWords: Set<String>
    public let contractions: Set<String>
    public let elisions: Set<String>
    public let numberSuffixes: Set<String>

    public init(language: String, frequencies: WordFrequencyTable, singleLetterWords: Set<String>,
                contractions: Set<String>, elisions: Set<String>, numberSuffixes: Set<String>) {
        self.language = language
        self.frequencies = frequencies
        self.singleLetterWords = singleLetterWords
        self.contractions = contractions
        self.elisions = elisions
        self.numberSuffixes = numberSuffixes
    }

    /// Languages that have repair data in `data`.
    public static func languages(in data: DataDirectory) -> [String] {
        ["en", "fr"].filter { data.exists("Models/wordfreq/\($0).tsv") && data.exists("Models/repair/\($0).txt") }
    }

    /// The model for `language`, or nil when brief has no repair data for it.
    public static func load(language: String, from data: DataDirectory) throws -> RepairModel? {
        let table = "Models/wordfreq/\(language).tsv"
        let settings = "Models/repair/\(language).txt"
        guard data.exists(table), data.exists(settings) else { return nil }
        var values: [String: Set<String>] = [:]
        for (number, raw) in try data.text(settings).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if raw.hasPrefix("#") || raw.allSatisfy(\.isWhitespace) { continue }
            let parts = raw.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].trimmedString()
            guard ["single-letter-words", "contractions", "elisions", "number-suffixes"].contains(name) else {
                throw RepairModelError.badFile(data.path(settings), reason: "line \(number + 1): unknown setting '\(name)'")
            }
            let words = parts.count > 1 ? parts[1].split(whereSeparator: \.isWhitespace).map { String($0) } : []
            values[name] = Set(words)
        }
        return RepairModel(
            language: language,
            frequencies: try WordFrequencyTable(path: data.path(table)),
            singleLetterWords: values["single-letter-words"] ?? [],
            contractions: values["contractions"] ?? [],
            elisions: values["elisions"] ?? [],
            numberSuffixes: values["number-suffixes"] ?? []
        )
    }
}
