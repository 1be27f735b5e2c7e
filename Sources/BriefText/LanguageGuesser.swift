import BriefResources

/// Guesses an article's language from its script and, for Latin script, from function words.
public struct LanguageGuesser: Sendable {
    /// Function words per language code.
    public let functionWords: [String: Set<String>]

    public init(functionWords: [String: Set<String>]) {
        self.functionWords = functionWords
    }

    /// Loads `Models/language/function-words.txt`.
    public static func load(from data: DataDirectory) throws -> LanguageGuesser {
        var table: [String: Set<String>] = [:]
        for line in try data.lines("Models/language/function-words.txt") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { continue }
            table[String(parts[0])] = Set(parts[1].split(separator: " ").map(String.init))
        }
        return LanguageGuesser(functionWords: table)
    }

    /// The language a script stands for in the press brief reads, or nil for Latin (many languages).
    public static func language(for script: Script) -> String? {
        switch script.name {
        case "Arabic": return "ar"
        case "Cyrillic": return "ru"
        case "Hebrew": return "he"
        case "Greek": return "el"
        case "Han": return "zh"
        default: return nil
        }
    }

    /// The language code of `text`: from the script, then function words for Latin; "en" by default.
    public func guess(_ text: String, script: Script? = nil) -> String {
        let script = script ?? ScriptDetector.profile(of: text, limit: 3000).dominant
        if let language = Self.language(for: script) { return language }
        var counts: [String: Int] = [:]
        var word = ""
        var seen = 0
        for character in text.prefix(20_000) {
            if character.isLetter {
                word.append(character)
                continue
            }
            if !word.isEmpty {
                let lower = word.lowercased()
                for (language, words) in functionWords where words.contains(lower) { counts[language, default: 0] += 1 }
                word = ""
                seen += 1
                if seen > 3000 { break }
            }
        }
        return Self.decide(counts) ?? "en"
    }

    /// Fewest function words that decide a language on their own.
    static let minimumEvidence = 3

    /// The language the counts show clearly: at least `minimumEvidence` function words and twice
    /// as many as any other language's; nil when unsure (a headline, a list of designations and
    /// prices, where one "y" or "el" would otherwise make English Spanish).
    static func decide(_ counts: [String: Int]) -> String? {
        let ranked = counts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
        guard let best = ranked.first, best.value >= minimumEvidence else { return nil }
        if ranked.count > 1, best.value < 2 * ranked[1].value { return nil }
        return best.key
    }

    /// As `guess`, and whether the text showed it clearly (its script, or enough function words);
    /// an unsure guess is English, brief's default.
    public func guessWithCertainty(_ text: String) -> (language: String, sure: Bool) {
        let script = ScriptDetector.profile(of: text, limit: 3000).dominant
        if let language = Self.language(for: script) { return (language, true) }
        let language = guess(text, script: script)
        return (language, language != "en" || hasEvidence(text, for: "en"))
    }

    private func hasEvidence(_ text: String, for language: String) -> Bool {
        guard let words = functionWords[language] else { return false }
        var count = 0
        for word in text.prefix(20_000).split(whereSeparator: { !$0.isLetter }) where words.contains(word.lowercased()) {
            count += 1
            if count >= Self.minimumEvidence { return true }
        }
        return false
    }
}
