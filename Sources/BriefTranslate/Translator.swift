/// A source and target language, as ISO 639-1 codes ("en", "es").
public struct LanguagePair: Hashable, Sendable, CustomStringConvertible {
    public let source: String
    public let target: String

    public init(_ source: String, _ target: String) {
        self.source = source
        self.target = target
    }

    public var description: String { "\(source)→\(target)" }
}

/// Why a translation could not be made, with the engine and what it said.
public struct TranslationError: Error, Sendable, Equatable, CustomStringConvertible {
    public let engine: String
    public let problem: String
    /// The engine could not be used at all (not installed, server down, no answer in time), as
    /// opposed to a refusal of this input: retrying other inputs one by one would not help.
    public let unavailable: Bool

    public init(engine: String, problem: String, unavailable: Bool = false) {
        self.engine = engine
        self.problem = problem
        self.unavailable = unavailable
    }

    public var description: String { "\(engine): \(problem)" }
}

/// A translation engine: the pairs it serves, and a document's segments translated in one call
/// (engines are slow to start; never one call per sentence).
public protocol Translator: Sendable {
    /// The engine's name as users choose it ("apertium", "apy", "libretranslate").
    var name: String { get }
    /// The pairs the engine serves now.
    func pairs() throws(TranslationError) -> [LanguagePair]
    /// `segments` translated, one result per segment. Text inside `<apertium-notrans>` …
    /// `</apertium-notrans>` (already escaped HTML) must come back untranslated.
    func translate(html segments: [String], pair: LanguagePair) throws(TranslationError) -> [String]
}

/// Several segments sent as one text, as Apertium reads them: blank lines between segments (a
/// single newline is not a boundary for Apertium), each segment's own line breaks made spaces.
enum Segments {
    static func joined(_ segments: [String]) -> String {
        segments.map { $0.split(whereSeparator: \.isNewline).joined(separator: " ") }.joined(separator: "\n\n")
    }

    /// The engine's answer cut back into one translation per segment (empty ones stay empty).
    static func split(_ text: String, matching segments: [String], engine: String) throws(TranslationError) -> [String] {
        let pieces = text.split(separator: "\n\n", omittingEmptySubsequences: false).map { $0.trimmingSpaces(newlines: true) }
            .filter { !$0.isEmpty }
        let expected = segments.filter { !$0.trimmingSpaces(newlines: true).isEmpty }.count
        guard pieces.count == expected else {
            throw TranslationError(engine: engine, problem: "answered \(pieces.count) segments for \(expected)")
        }
        var results: [String] = []
        var index = 0
        for segment in segments {
            if segment.trimmingSpaces(newlines: true).isEmpty { results.append(""); continue }
            results.append(pieces[index])
            index += 1
        }
        return results
    }
}

/// Apertium's three-letter codes for the two-letter ones brief uses.
enum ApertiumCodes {
    static let threeLetter: [String: String] = [
        "en": "eng", "es": "spa", "ca": "cat", "gl": "glg", "pt": "por", "fr": "fra", "it": "ita", "eo": "epo",
        "ar": "ara", "de": "deu", "nl": "nld", "ro": "ron", "oc": "oci", "eu": "eus", "sh": "hbs", "hr": "hbs",
        "sr": "hbs", "bs": "hbs", "ru": "rus", "tr": "tur", "kk": "kaz", "tt": "tat", "mt": "mlt", "is": "isl",
        "sv": "swe", "da": "dan", "nb": "nob", "nn": "nno", "cy": "cym", "br": "bre", "ga": "gle",
    ]
    /// The pairs brief can name among Apertium's modes (three-letter codes), each once; variants
    /// such as "eng_US" are not pairs of their own for brief.
    static func pairs(_ modes: [(source: String, target: String)]) -> [LanguagePair] {
        var pairs: [LanguagePair] = []
        for mode in modes {
            guard let source = twoLetter[mode.source], let target = twoLetter[mode.target] else { continue }
            let pair = LanguagePair(source, target)
            if !pairs.contains(pair) { pairs.append(pair) }
        }
        return pairs
    }

    static let twoLetter: [String: String] = {
        var map = Dictionary(threeLetter.map { ($0.value, $0.key) }, uniquingKeysWith: { min($0, $1) })
        map["hbs"] = "sh"
        return map
    }()
}

/// The local Apertium engine: one process per document, segments separated by blank lines
/// (a single newline is not a boundary for Apertium), in its HTML format so that
/// `<apertium-notrans>` keeps glossary terms as they are.
public struct ApertiumTranslator: Translator {
    public let name = "apertium"
    public let executable: String
    public let timeout: Double

    public init(executable: String = "apertium", timeout: Double = 120) {
        self.executable = executable
        self.timeout = timeout
    }

    public func pairs() throws(TranslationError) -> [LanguagePair] {
        let output: [UInt8]
        do {
            output = try ProcessRunner.run([executable, "-l"], input: [], timeout: 20)
        } catch {
            throw TranslationError(engine: name, problem: Self.describe(error), unavailable: true)
        }
        return ApertiumCodes.pairs(String(decoding: output, as: UTF8.self).split(separator: "\n").compactMap { line in
            let parts = line.trimmingSpaces().split(separator: "-")
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        })
    }

    public func translate(html segments: [String], pair: LanguagePair) throws(TranslationError) -> [String] {
        guard !segments.isEmpty else { return [] }
        guard let source = ApertiumCodes.threeLetter[pair.source], let target = ApertiumCodes.threeLetter[pair.target] else {
            throw TranslationError(engine: name, problem: "no Apertium pair for \(pair) (see brief translate --list)")
        }
        let input = Segments.joined(segments) + "\n"
        let output: [UInt8]
        do {
            output = try ProcessRunner.run([executable, "-u", "-f", "html", "\(source)-\(target)"], input: Array(input.utf8), timeout: timeout)
        } catch {
            throw TranslationError(engine: name, problem: Self.describe(error), unavailable: error.isUnavailable)
        }
        return try Segments.split(String(decoding: output, as: UTF8.self), matching: segments, engine: name)
    }

    static func describe(_ error: ProcessError) -> String {
        switch error {
        case .notFound(let program): return "\(program) is not installed (Debian: apt install apertium and a language pair such as apertium-eng-spa)"
        case .failed(let command, let status, let stderr):
            let detail = stderr.split(separator: "\n").first.map(String.init) ?? ""
            return "\(command) failed with status \(status)\(detail.isEmpty ? "" : ": \(detail)")"
        case .timedOut(let program, let seconds): return "\(program) did not answer within \(Int(seconds)) s"
        case .system(let call, let code): return "\(call) failed (errno \(code))"
        }
    }
}

extension ProcessError {
    /// Whether the program could not be run or did not answer in time (rather than failing on
    /// this input).
    var isUnavailable: Bool {
        switch self {
        case .notFound, .timedOut, .system: return true
        case .failed: return false
        }
    }
}

extension StringProtocol {
    /// Without surrounding spaces (and line breaks, when asked).
    func trimmingSpaces(newlines: Bool = false) -> String {
        var slice = Substring(self)
        func isSpace(_ character: Character) -> Bool { character == " " || character == "\t" || (newlines && character.isNewline) }
        while let first = slice.first, isSpace(first) { slice = slice.dropFirst() }
        while let last = slice.last, isSpace(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
