import BriefResources
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

/// A problem in a glossary file, with the file and line it was found at.
public struct GlossaryError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    /// 1-based line, or 0 when the problem is with the whole file.
    public let line: Int
    public let problem: String

    public init(file: String, line: Int = 0, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var description: String {
        line > 0 ? "\(file):\(line): \(problem)" : "\(file): \(problem)"
    }
}

/// Reads glossaries: brief's own record format (`Lexicons/glossary/*.txt`, see
/// `Lexicons/README.md`), and the files translators bring (TBX, TSV, CSV, by extension).
public enum GlossaryReader {
    /// Upper bound on a user's glossary file, checked before it is read.
    public static let maxBytes = 64 << 20

    static let requiredKeys = ["id", "category", "en", "ar", "def", "src"]
    static let knownKeys = Set(["id", "category", "type", "def", "src"] + Glossary.languages)
    static let categories: Set<String> = ["air-defense", "missile", "aircraft", "drone", "naval", "land", "law-treaty",
                                          "organization", "company", "ministry", "rank", "general", "country"]

    /// The built-in glossary: every `Lexicons/glossary/*.txt`, in file-name order.
    public static func builtIn(from data: DataDirectory) throws(GlossaryError) -> Glossary {
        let folder = data.path("Lexicons/glossary")
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        } catch {
            throw GlossaryError(file: folder, problem: "cannot list the glossary folder")
        }
        var concepts: [Concept] = []
        var problems: [GlossaryError] = []
        for name in names {
            let relative = "Lexicons/glossary/" + name
            let text: String
            do { text = try data.text(relative) } catch { throw GlossaryError(file: relative, problem: error.description) }
            let (read, found) = parseRecords(text, file: relative)
            concepts += read
            problems += found
        }
        problems += duplicates(concepts)
        if let first = problems.first { throw first }
        return Glossary(concepts: concepts)
    }

    /// Reads a user's glossary, choosing the format by extension: `.txt` (brief's format),
    /// `.tbx`/`.xml` (TBX v2 or v3), `.tsv`, `.csv` (one language pair per file, as DeepL takes them:
    /// a header `en<TAB>ar`, or no header with `languages` given).
    public static func read(path: String, languages: (String, String)? = nil) throws(GlossaryError) -> Glossary {
        let (glossary, problems) = try check(path: path, languages: languages)
        if let first = problems.first { throw first }
        return glossary
    }

    /// Reads a glossary file and lists every problem found in it, not only the first.
    public static func check(path: String, languages: (String, String)? = nil) throws(GlossaryError) -> (Glossary, [GlossaryError]) {
        let bytes = try load(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw GlossaryError(file: path, problem: "not valid UTF-8 text")
        }
        let lower = path.lowercased()
        var concepts: [Concept]
        var problems: [GlossaryError]
        if lower.hasSuffix(".tbx") || lower.hasSuffix(".xml") {
            (concepts, problems) = try TBXReader.read(bytes, file: path)
        } else if lower.hasSuffix(".tsv") || lower.hasSuffix(".csv") {
            (concepts, problems) = DelimitedReader.read(text, separator: lower.hasSuffix(".tsv") ? "\t" : ",", file: path, languages: languages)
        } else if lower.hasSuffix(".txt") {
            (concepts, problems) = parseRecords(text, file: path)
        } else {
            throw GlossaryError(file: path, problem: "unknown glossary format (expected .txt, .tbx, .tsv or .csv)")
        }
        // Delimited files make one concept per line with ids numbered by line, and check
        // duplicate source terms as they read: nothing to find here, and its table costs memory.
        if !(lower.hasSuffix(".tsv") || lower.hasSuffix(".csv")) { problems += duplicates(concepts) }
        if concepts.isEmpty, problems.isEmpty { problems.append(GlossaryError(file: path, problem: "no terms in the file")) }
        return (Glossary(concepts: concepts), problems)
    }

    static func load(_ path: String) throws(GlossaryError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw GlossaryError(file: path, problem: "no such file") }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw GlossaryError(file: path, problem: "is a directory, not a glossary file") }
        let size = Int(info.st_size)
        if size > maxBytes { throw GlossaryError(file: path, problem: "larger than the \(maxBytes >> 20) MB a glossary may be") }
        guard let data = FileManager.default.contents(atPath: path) else { throw GlossaryError(file: path, problem: "cannot be read") }
        return [UInt8](data)
    }

    /// Parses brief's record format; returns what could be read and every problem found.
    public static func parseRecords(_ text: String, file: String) -> ([Concept], [GlossaryError]) {
        var concepts: [Concept] = []
        var problems: [GlossaryError] = []
        var fields: [String: String] = [:]
        var start = 0
        func finish() {
            defer { fields = [:] }
            guard !fields.isEmpty else { return }
            func bad(_ problem: String) { problems.append(GlossaryError(file: file, line: start, problem: problem)) }
            for key in requiredKeys where (fields[key] ?? "").isEmpty { bad("missing \"\(key)\"") }
            let id = fields["id"] ?? ""
            if !id.isEmpty, !id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
                bad("id \"\(id)\" must be lowercase ASCII letters, digits and -")
            }
            if let category = fields["category"], !category.isEmpty, !categories.contains(category) { bad("unknown category \"\(category)\"") }
            let type = TermType(rawValue: fields["type"] ?? "term")
            if type == nil { bad("unknown type \"\(fields["type"]!)\" (term, name or designation)") }
            var terms: [String: [String]] = [:]
            for language in Glossary.languages {
                guard let value = fields[language] else { continue }
                let list = value.split(separator: "|", omittingEmptySubsequences: false).map { trim($0) }
                if list.contains(where: \.isEmpty) { bad("empty term in \"\(language)\"") }
                terms[language] = list.filter { !$0.isEmpty }
            }
            var sources: [String: String] = [:]
            for item in (fields["src"] ?? "").split(separator: "|") {
                let parts = item.split(separator: "=", maxSplits: 1).map { trim($0) }
                if parts.count == 2 { sources[parts[0]] = parts[1] } else { bad("source \"\(trim(item))\" is not lang=source") }
            }
            concepts.append(Concept(id: id, category: fields["category"] ?? "", type: type ?? .term, terms: terms,
                                    definition: fields["def"] ?? "", sources: sources, origin: "\(file):\(start)"))
        }
        var number = 0
        // Lines by bytes: splitting a String by Characters costs more than the rest of the parse.
        let lines = Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        for line in lines {
            number += 1
            let trimmed = trim(line)
            if trimmed.hasPrefix("#") { continue }
            if trimmed.isEmpty { finish(); continue }
            if fields.isEmpty { start = number }
            guard let colon = trimmed.firstIndex(of: ":") else {
                problems.append(GlossaryError(file: file, line: number, problem: "expected \"key: value\""))
                continue
            }
            let key = trim(trimmed[..<colon])
            let value = trim(trimmed[trimmed.index(after: colon)...])
            if !knownKeys.contains(key) {
                problems.append(GlossaryError(file: file, line: number, problem: "unknown key \"\(key)\""))
                continue
            }
            if fields[key] != nil { problems.append(GlossaryError(file: file, line: number, problem: "\"\(key)\" given twice")) }
            fields[key] = value
        }
        finish()
        return (concepts, problems)
    }

    /// Concepts sharing an id, and terms listed twice for one concept.
    static func duplicates(_ concepts: [Concept]) -> [GlossaryError] {
        var problems: [GlossaryError] = []
        var seen: [String: String] = [:]
        for concept in concepts {
            let (file, line) = split(origin: concept.origin)
            if let first = seen[concept.id] {
                problems.append(GlossaryError(file: file, line: line, problem: "duplicate id \"\(concept.id)\" (first at \(first))"))
            }
            seen[concept.id] = concept.origin
            for (language, list) in concept.terms where Set(list).count != list.count {
                problems.append(GlossaryError(file: file, line: line, problem: "a term is listed twice in \"\(language)\" of \"\(concept.id)\""))
            }
        }
        return problems
    }

    /// Without surrounding spaces, tabs and carriage returns (Foundation's trimming is slow enough
    /// to show in the start-up time).
    static func trim(_ text: some StringProtocol, newlines: Bool = false) -> String {
        var copy = String(text)
        return copy.withUTF8 { bytes in
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || (newlines && byte == 0x0A) }
            var start = 0, end = bytes.count
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            return start == 0 && end == bytes.count ? String(text) : String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }

    static func split(origin: String) -> (String, Int) {
        guard let colon = origin.lastIndex(of: ":"), let line = Int(origin[origin.index(after: colon)...]) else { return (origin, 0) }
        return (String(origin[..<colon]), line)
    }
}
