import BriefLanguage
import BriefResources
import BriefText

/// A problem loading the romanization data.
public struct NamesError: Error, Sendable, Equatable, CustomStringConvertible {
    public let problem: String
    public init(problem: String) { self.problem = problem }
    public var description: String { problem }
}

/// Writes Arabic names and text in readable Latin letters: names the lexicons know as they are
/// known ("هذا اليوم" → "Hatha al-Youm"), everything else through brief's ICU transform rules
/// (`Models/translit/arabic-latin-readable.txt`: the article "al-" with sun letters, shadda,
/// long vowels, tatweel, ta marbuta).
public final class Romanizer {
    private let transliterator: Transliterator
    /// Known Arabic spellings (normalized) and their Latin forms, longest first.
    private let known: [(arabic: [String], latin: String)]
    private let longestKnown: Int

    public static let rulesPath = "Models/translit/arabic-latin-readable.txt"
    /// Common personal names and name parts with their usual press spellings.
    public static let namesPath = "Lexicons/names.tsv"

    public init(rules: String, known: [(arabic: String, latin: String)]) throws(NamesError) {
        do {
            transliterator = try Transliterator(name: "brief-Arabic-Latin", rules: rules)
        } catch {
            throw NamesError(problem: "\(Self.rulesPath): \(error.description)")
        }
        var entries: [(arabic: [String], latin: String)] = []
        for (arabic, latin) in known {
            let words = Self.words(arabic)
            if !words.isEmpty { entries.append((words, latin)) }
        }
        self.known = entries.sorted { $0.arabic.count > $1.arabic.count }
        longestKnown = entries.map(\.arabic.count).max() ?? 0
    }

    /// One of ICU's own transforms ("Arabic-Latin"), with no known names: the yardstick.
    public init(transform: String) throws(NamesError) {
        do {
            transliterator = try Transliterator(transform: transform)
        } catch {
            throw NamesError(problem: "ICU transform \(transform): \(error.description)")
        }
        known = []
        longestKnown = 0
    }

    /// The rules from `Models/` and the outlets of `Lexicons/outlets.tsv` as known names.
    public static func load(from data: DataDirectory) throws(NamesError) -> Romanizer {
        let rules: String
        do { rules = try data.text(rulesPath) } catch { throw NamesError(problem: error.description) }
        var known: [(String, String)] = []
        if data.exists(namesPath) {
            let lines: [Substring]
            do { lines = try data.lines(namesPath) } catch { throw NamesError(problem: error.description) }
            for line in lines where !line.hasPrefix("#") && !line.hasPrefix("arabic\t") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count >= 2, !fields[0].isEmpty, !fields[1].isEmpty else { continue }
                known.append((String(fields[0]), String(fields[1])))
            }
        }
        if data.exists(OutletRegistry.path) {
            let registry = try OutletRegistry.load(from: data)
            for outlet in registry.outlets { known.append((outlet.arabic, outlet.latin)) }
        }
        return try Romanizer(rules: rules, known: known)
    }

    /// Arabic words normalized for lookup (alef forms, ta marbuta, marks).
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\t" || $0 == "\n" })
            .map { ArabicNormalizer.normalize(String($0)) }
    }

    /// `text` in Latin letters.
    public func romanize(_ text: String) -> String {
        // Known names first, word by word; what is left goes through the rules.
        let pieces = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let normalized = pieces.map { ArabicNormalizer.normalize($0) }
        var out: [String] = []
        var index = 0
        while index < pieces.count {
            var matched = false
            if longestKnown > 0 {
                for entry in known where entry.arabic.count <= pieces.count - index {
                    if Array(normalized[index..<(index + entry.arabic.count)]) == entry.arabic {
                        out.append(entry.latin)
                        index += entry.arabic.count
                        matched = true
                        break
                    }
                }
            }
            if matched { continue }
            out.append((try? transliterator.transliterate(pieces[index])) ?? pieces[index])
            index += 1
        }
        return out.joined(separator: " ")
    }
}

/// The words of the Latin spellings of `Lexicons/names.tsv` ("Mohammed", "Trump", "Sudani"):
/// names a translation must keep as written.
public enum PersonNames {
    public static func latinWords(from data: DataDirectory) throws(NamesError) -> Set<String> {
        guard data.exists(Romanizer.namesPath) else { return [] }
        let lines: [Substring]
        do { lines = try data.lines(Romanizer.namesPath) } catch { throw NamesError(problem: error.description) }
        var words = Set<String>()
        for line in lines where !line.hasPrefix("#") && !line.hasPrefix("arabic\t") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2 else { continue }
            for spelling in fields.dropFirst().flatMap({ $0.split(separator: "|") }) {
                for word in spelling.split(whereSeparator: { $0 == " " || $0 == "-" }) where word.count >= 3 && word.first!.isUppercase {
                    words.insert(String(word))
                }
            }
        }
        return words
    }
}
