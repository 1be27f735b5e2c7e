import BriefResources
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The file formats a glossary can be written in.
public enum GlossaryFormat: String, Sendable, CaseIterable {
    /// TBX v3, TBX-Basic dialect (ISO 30042:2019), DCT style.
    case tbx
    /// TBX v2 (`martif`), for older CAT tools.
    case tbx2
    /// One language pair, source term first, as DeepL glossaries take it.
    case tsv
    /// The same as CSV with the language codes in columns 3 and 4.
    case csv
    case json
    /// A Markdown table for people.
    case md
}

/// A problem with what was asked of an export.
public struct GlossaryExportError: Error, Sendable, Equatable, CustomStringConvertible {
    public let problem: String
    public var description: String { problem }
}

/// Writes a glossary (or the part of it an article uses) in the formats translation tools import.
public struct GlossaryExporter: Sendable {
    public let glossary: Glossary
    /// Languages to write, in order; for TSV and CSV exactly two, source first.
    public let languages: [String]

    public init(glossary: Glossary, languages: [String]) {
        self.glossary = glossary
        self.languages = languages
    }

    public func render(_ format: GlossaryFormat) throws(GlossaryExportError) -> String {
        switch format {
        case .tbx: return tbx3()
        case .tbx2: return tbx2()
        case .tsv: return try pairs(separator: "\t")
        case .csv: return try pairs(separator: ",")
        case .json: return json()
        case .md: return markdown()
        }
    }

    private var concepts: [Concept] {
        glossary.concepts.filter { concept in languages.contains { !(concept.terms[$0] ?? []).isEmpty } }
    }

    // MARK: TBX

    private func tbx3() -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2" xmlns:min="http://www.tbxinfo.net/ns/min" xmlns:basic="http://www.tbxinfo.net/ns/basic">
          <tbxHeader>
            <fileDesc>
              <sourceDesc><p>brief defense glossary (\(concepts.count) concepts; languages \(languages.joined(separator: ", "))); glossary version \(glossary.version)</p></sourceDesc>
            </fileDesc>
          </tbxHeader>
          <text>
            <body>

        """
        for concept in concepts {
            out += "      <conceptEntry id=\"\(xmlID(concept.id))\">\n"
            out += "        <min:subjectField>\(escape(concept.category))</min:subjectField>\n"
            for language in languages {
                guard let terms = concept.terms[language], !terms.isEmpty else { continue }
                out += "        <langSec xml:lang=\"\(language)\">\n"
                if language == "en", !concept.definition.isEmpty {
                    out += "          <basic:definition>\(escape(concept.definition))</basic:definition>\n"
                }
                for (index, term) in terms.enumerated() {
                    out += "          <termSec>\n"
                    out += "            <term>\(escape(term))</term>\n"
                    out += "            <min:partOfSpeech>\("noun")</min:partOfSpeech>\n"
                    if let type = termType(term, in: terms) { out += "            <basic:termType>\(type)</basic:termType>\n" }
                    out += "            <min:administrativeStatus>\(index == 0 ? "preferredTerm-admn-sts" : "admittedTerm-admn-sts")</min:administrativeStatus>\n"
                    if let source = concept.sources[language] { out += "            <basic:source>\(escape(source))</basic:source>\n" }
                    out += "          </termSec>\n"
                }
                out += "        </langSec>\n"
            }
            out += "      </conceptEntry>\n"
        }
        out += "    </body>\n  </text>\n</tbx>\n"
        return out
    }

    private func tbx2() -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
        <martif type="TBX" xml:lang="en">
          <martifHeader>
            <fileDesc><sourceDesc><p>brief defense glossary (\(concepts.count) concepts); glossary version \(glossary.version)</p></sourceDesc></fileDesc>
          </martifHeader>
          <text>
            <body>

        """
        for concept in concepts {
            out += "      <termEntry id=\"\(xmlID(concept.id))\">\n"
            out += "        <descrip type=\"subjectField\">\(escape(concept.category))</descrip>\n"
            if !concept.definition.isEmpty { out += "        <descrip type=\"definition\">\(escape(concept.definition))</descrip>\n" }
            for language in languages {
                guard let terms = concept.terms[language], !terms.isEmpty else { continue }
                out += "        <langSet xml:lang=\"\(language)\">\n"
                for (index, term) in terms.enumerated() {
                    out += "          <tig><term>\(escape(term))</term>"
                    out += "<termNote type=\"partOfSpeech\">\("noun")</termNote>"
                    out += "<termNote type=\"administrativeStatus\">\(index == 0 ? "preferredTerm-admn-sts" : "admittedTerm-admn-sts")</termNote></tig>\n"
                }
                out += "        </langSet>\n"
            }
            out += "      </termEntry>\n"
        }
        out += "    </body>\n  </text>\n</martif>\n"
        return out
    }

    /// "CAATSA" beside its spelled-out form is the acronym; the spelled-out form is the full form.
    private func termType(_ term: String, in terms: [String]) -> String? {
        let isAcronym = term.count >= 2 && term.count <= 8 && term.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
        if isAcronym, terms.contains(where: { $0.contains(" ") }) { return "acronym" }
        if term.contains(" "), terms.contains(where: { $0 != term && $0.count <= 8 && $0.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) } }) {
            return "fullForm"
        }
        return nil
    }

    private func xmlID(_ id: String) -> String {
        // xml:id values are NCNames: they may not start with a digit.
        "c-" + id
    }

    private func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                // Control characters are not allowed in XML 1.0.
                if scalar.value < 0x20, scalar != "\t", scalar != "\n" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: DeepL pairs

    /// Every source term (preferred and variants) with the target's preferred term; DeepL refuses
    /// duplicate sources, so the first concept to claim a source keeps it.
    public func pairEntries() throws(GlossaryExportError) -> [(source: String, target: String)] {
        guard languages.count == 2 else {
            throw GlossaryExportError(problem: "TSV and CSV glossaries hold one language pair: give --langs with two codes, source first (e.g. en,ar)")
        }
        var seen = Set<String>()
        var entries: [(String, String)] = []
        for concept in glossary.concepts {
            guard let sources = concept.terms[languages[0]], let target = concept.terms[languages[1]]?.first else { continue }
            for source in sources where seen.insert(source.lowercased()).inserted {
                entries.append((clean(source), clean(target)))
            }
        }
        return entries
    }

    private func pairs(separator: String) throws(GlossaryExportError) -> String {
        var out = ""
        for (source, target) in try pairEntries() {
            if separator == "\t" {
                out += "\(source)\t\(target)\n"
            } else {
                out += [source, target, languages[0], languages[1]].map(quoted).joined(separator: ",") + "\n"
            }
        }
        return out
    }

    private func clean(_ term: String) -> String {
        term.replacingBytes(of: "\t", with: " ").replacingBytes(of: "\n", with: " ")
    }

    private func quoted(_ field: String) -> String {
        "\"" + field.replacingBytes(of: "\"", with: "\"\"") + "\""
    }

    // MARK: JSON and Markdown

    private func json() -> String {
        var out = "[\n"
        for (index, concept) in concepts.enumerated() {
            var fields = ["\"id\": \(jsonString(concept.id))", "\"category\": \(jsonString(concept.category))",
                          "\"type\": \(jsonString(concept.type.rawValue))"]
            let terms = languages.compactMap { language -> String? in
                guard let list = concept.terms[language], !list.isEmpty else { return nil }
                return "\(jsonString(language)): [\(list.map(jsonString).joined(separator: ", "))]"
            }
            fields.append("\"terms\": {\(terms.joined(separator: ", "))}")
            fields.append("\"definition\": \(jsonString(concept.definition))")
            let sources = languages.compactMap { language in concept.sources[language].map { "\(jsonString(language)): \(jsonString($0))" } }
            fields.append("\"sources\": {\(sources.joined(separator: ", "))}")
            out += "  {" + fields.joined(separator: ", ") + "}" + (index + 1 < concepts.count ? ",\n" : "\n")
        }
        return out + "]\n"
    }

    private func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private func markdown() -> String {
        var out = "| id | " + languages.joined(separator: " | ") + " | definition |\n"
        out += "|---|" + languages.map { _ in "---|" }.joined() + "---|\n"
        for concept in concepts {
            let cells = languages.map { language in (concept.terms[language] ?? []).joined(separator: "; ") }
            out += "| \(cell(concept.id)) | " + cells.map(cell).joined(separator: " | ") + " | \(cell(concept.definition)) |\n"
        }
        return out
    }

    private func cell(_ text: String) -> String {
        text.replacingBytes(of: "|", with: "\\|").replacingBytes(of: "\n", with: " ")
    }
}
