import BriefResources

/// What the copied-text cleaner knows about words: stop words per language and the page
/// boilerplate phrases, all as 64-bit hashes of folded words so that a line is read once,
/// without making a String per word.
struct CopiedTextLexicon: Sendable {
    /// What a boilerplate phrase marks (the section it was listed under).
    enum PhraseKind: Int, Sendable, Comparable {
        case clutter, related, comments
        static func < (a: PhraseKind, b: PhraseKind) -> Bool { a.rawValue < b.rawValue }
    }

    /// One boilerplate phrase: its words' hashes.
    struct Phrase: Sendable {
        var words: [UInt64]
        var kind: PhraseKind
    }

    /// Languages with stop words, in bit order of `stopMasks`.
    var languages: [String] = []
    /// Word hash → the languages (bits) that list the word as a stop word.
    var stopMasks: [UInt64: UInt8] = [:]
    /// First word's hash → the phrases that start with it, longest first.
    var phrases: [UInt64: [Phrase]] = [:]
    /// Month, weekday and clock words.
    var dateWords: Set<UInt64> = []
    /// Words that open a byline or source line.
    var headWords: Set<UInt64> = []
    /// Names of social networks and messaging apps, and the words that invite readers to
    /// follow a page on them ("Follow us on Telegram", "تابعونا على تليغرام").
    var socialWords: Set<UInt64> = []
    var followWords: Set<UInt64> = []
    /// Advertising slot sizes ("728x90"), as one word and as the hashes of its two numbers
    /// ("728*90", "728 × 90"), the second shifted into the first.
    var adSizes: Set<UInt64> = []

    /// The key of two consecutive word hashes in `adSizes`.
    static func pair(_ first: UInt64, _ second: UInt64) -> UInt64 { first &* 31 ^ (second >> 1) }

    static let sections = ["[clutter]", "[related]", "[comments]", "[date]", "[head]", "[social]", "[follow]", "[ad]"]

    /// The bit of a language in `stopMasks`, or nil when it has no stop words.
    func bit(of language: String) -> Int? { languages.firstIndex(of: language) }

    /// Reads `Models/stopwords/*.txt` (the files BriefLanguage reads) for the languages that have
    /// one, and `Lexicons/boilerplate/{ar,en,fr}.txt`.
    static func load(from data: DataDirectory) throws(CopiedTextError) -> CopiedTextLexicon {
        var lexicon = CopiedTextLexicon()
        // At most 8 languages fit the mask; these are the ones brief has stop words for.
        for language in ["en", "fr", "ar", "es", "de", "ru", "tr"] {
            let file = "Models/stopwords/\(language).txt"
            guard data.exists(file) else { continue }
            let bit = UInt8(1) << UInt8(lexicon.languages.count)
            lexicon.languages.append(language)
            let lines: [(number: Int, text: Substring)]
            do { lines = try data.numberedLines(file) } catch { throw .unreadable(data.path(file), String(describing: error)) }
            for (_, text) in lines {
                let hashes = CopiedTextFolding.wordHashes(text)
                // "'ll", "aujourd'hui": entries that are not one word here cannot match one word.
                guard hashes.count == 1 else { continue }
                lexicon.stopMasks[hashes[0], default: 0] |= bit
            }
        }
        for language in ["ar", "en", "fr"] {
            let file = "Lexicons/boilerplate/\(language).txt"
            let lines: [(number: Int, text: Substring)]
            do { lines = try data.numberedLines(file) } catch { throw .unreadable(data.path(file), String(describing: error)) }
            var section: Substring?
            for (number, text) in lines {
                if text.hasPrefix("[") {
                    guard text.hasSuffix("]"), Self.sections.contains(String(text)) else {
                        throw .badLine(file: data.path(file), line: number, text: String(text),
                                       expected: "a section: " + Self.sections.joined(separator: ", "))
                    }
                    section = text
                    continue
                }
                let hashes = CopiedTextFolding.wordHashes(text)
                guard let section, !hashes.isEmpty else {
                    throw .badLine(file: data.path(file), line: number, text: String(text),
                                   expected: section == nil ? "a section header before the first phrase" : "a phrase with at least one letter or digit")
                }
                switch section {
                case "[social]", "[follow]":
                    guard hashes.count == 1 else {
                        throw .badLine(file: data.path(file), line: number, text: String(text), expected: "one word per line in \(section)")
                    }
                    if section == "[social]" { lexicon.socialWords.insert(hashes[0]) } else { lexicon.followWords.insert(hashes[0]) }
                case "[ad]":
                    let parts = CopiedTextFolding.wordHashes(Substring(text.lowercased().split(separator: "x").joined(separator: " ")))
                    guard hashes.count == 1, parts.count == 2 else {
                        throw .badLine(file: data.path(file), line: number, text: String(text), expected: "a size such as 728x90 in [ad]")
                    }
                    lexicon.adSizes.insert(hashes[0])
                    lexicon.adSizes.insert(pair(parts[0], parts[1]))
                case "[date]", "[head]":
                    guard hashes.count == 1 || section == "[date]" else {
                        throw .badLine(file: data.path(file), line: number, text: String(text), expected: "one word per line in [head]")
                    }
                    // "il y a", "mis à jour": each word is a date word.
                    for hash in hashes {
                        if section == "[date]" { lexicon.dateWords.insert(hash) } else { lexicon.headWords.insert(hash) }
                    }
                default:
                    let kind: PhraseKind = section == "[related]" ? .related : section == "[comments]" ? .comments : .clutter
                    lexicon.phrases[hashes[0], default: []].append(Phrase(words: hashes, kind: kind))
                }
            }
        }
        for key in lexicon.phrases.keys { lexicon.phrases[key]!.sort { $0.words.count > $1.words.count } }
        return lexicon
    }
}

/// Why the copied-text cleaner's data could not be read.
public enum CopiedTextError: Error, Equatable, CustomStringConvertible {
    /// A data file is missing, unreadable or not UTF-8.
    case unreadable(String, String)
    /// A line of a boilerplate file that is not a phrase or a known section.
    case badLine(file: String, line: Int, text: String, expected: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let why): return "\(path): \(why)"
        case .badLine(let file, let line, let text, let expected): return "\(file):\(line): expected \(expected), got '\(text)'"
        }
    }
}

/// How characters are classed and folded for matching: one table for the data files and the
/// page text, so that a phrase and the line it is in fold the same way.
enum CopiedTextFolding {
    /// The kinds of characters a line is made of.
    enum Kind { case space, invisible, letter, digit, cjk, mark, other }

    @inline(__always)
    static func kind(_ v: UInt32) -> Kind {
        if v < 0x80 {
            if v == 0x20 || (v >= 0x09 && v <= 0x0D) { return .space }
            if (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) { return .letter }
            if v >= 0x30 && v <= 0x39 { return .digit }
            return .other
        }
        switch v {
        case 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
        case 0xAD, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF, 0xFE0F: return .invisible
        case 0xD7, 0xF7: return .other
        case 0xC0...0x24F, 0x370...0x3FF, 0x400...0x52F: return .letter
        case 0x300...0x36F: return .mark
        case 0x660...0x669, 0x6F0...0x6F9: return .digit
        case 0x64B...0x65F, 0x670, 0x640, 0x6D6...0x6ED: return .mark
        case 0x621...0x63A, 0x641...0x64A, 0x66E...0x6D3, 0x6D5, 0x6EE...0x6EF, 0x6FA...0x6FF, 0x750...0x77F: return .letter
        case 0x600...0x6FF: return .other
        case 0xFB50...0xFDFF, 0xFE70...0xFEFC: return .letter
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF66...0xFF9F: return .cjk
        case 0x2010...0x2BFF, 0x3001...0x303F, 0xFF00...0xFF65, 0x1F000...0x1FFFF: return .other
        case 0x590...0x5FF, 0x900...0xDFF, 0xE00...0xE7F, 0x10A0...0x10FF, 0x1E00...0x1FFF: return .letter
        default:
            guard let scalar = Unicode.Scalar(v) else { return .other }
            if scalar.properties.isAlphabetic { return .letter }
            if scalar.properties.numericType != nil { return .digit }
            return .other
        }
    }

    /// One spelling per letter: lowercase, and Arabic alef/hamza forms, ta marbuta, alef maqsura
    /// and Eastern digits as the scorer and BriefLanguage's normalizer fold them.
    @inline(__always)
    static func fold(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE, 0x391...0x3A9, 0x410...0x42F: return v + 0x20
        case 0x400...0x40F: return v + 0x50
        case 0x100...0x17F where v & 1 == 0: return v + 1
        case 0x622, 0x623, 0x625, 0x671: return 0x627
        case 0x624: return 0x648
        case 0x626, 0x649: return 0x64A
        case 0x629: return 0x647
        case 0x660...0x669: return v - 0x660 + 0x30
        case 0x6F0...0x6F9: return v - 0x6F0 + 0x30
        default: return v
        }
    }

    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func mix(_ hash: UInt64, _ v: UInt32) -> UInt64 {
        (hash ^ UInt64(v)) &* 0x0000_0100_0000_01B3
    }

    /// The hashes of the words (runs of letters and digits; marks inside a word are skipped) of a
    /// short text, as the line scanner makes them.
    static func wordHashes(_ text: Substring) -> [UInt64] {
        var hashes: [UInt64] = []
        var hash = seed
        var inWord = false
        for scalar in text.unicodeScalars {
            switch kind(scalar.value) {
            case .letter, .digit, .cjk:
                hash = mix(hash, fold(scalar.value))
                inWord = true
            case .mark, .invisible:
                continue
            default:
                if inWord { hashes.append(hash) }
                hash = seed
                inWord = false
            }
        }
        if inWord { hashes.append(hash) }
        return hashes
    }
}
