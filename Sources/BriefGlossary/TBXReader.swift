import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads TBX glossaries: v3 (`conceptEntry`/`langSec`/`termSec`) and v2 (`martif`:
/// `termEntry`/`langSet`/`tig`). External entities are never resolved; the size is bounded by
/// the reader before parsing.
enum TBXReader {
    static func read(_ bytes: [UInt8], file: String) throws(GlossaryError) -> ([Concept], [GlossaryError]) {
        let delegate = Delegate(file: file)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = delegate
        if !parser.parse() {
            let line = parser.lineNumber
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "malformed XML"
            throw GlossaryError(file: file, line: line, problem: "not well-formed XML (\(reason))")
        }
        if !delegate.sawRoot {
            throw GlossaryError(file: file, problem: "not a TBX file (the root element is neither <tbx> nor <martif>)")
        }
        return (delegate.concepts, delegate.problems)
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let file: String
        var concepts: [Concept] = []
        var problems: [GlossaryError] = []
        var sawRoot = false
        private var entryID: String?
        private var entryLine = 0
        private var terms: [String: [String]] = [:]
        private var definition = ""
        private var subject = ""
        private var language: String?
        private var text = ""
        private var capture: String?
        private var entries = 0

        init(file: String) { self.file = file }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let local = name.split(separator: ":").last.map(String.init) ?? name
            switch local {
            case "tbx", "martif": sawRoot = true
            case "conceptEntry", "termEntry":
                entries += 1
                entryID = attributes["id"] ?? "entry-\(entries)"
                entryLine = parser.lineNumber
                terms = [:]
                definition = ""
                subject = ""
            case "langSec", "langSet":
                language = (attributes["xml:lang"] ?? attributes["lang"]).map { String($0.lowercased().prefix(while: { $0 != "-" && $0 != "_" })) }
                if language == nil { problems.append(GlossaryError(file: file, line: parser.lineNumber, problem: "<\(local)> without xml:lang")) }
            case "term": capture = "term"; text = ""
            case "definition": capture = "definition"; text = ""
            case "descrip" where attributes["type"] == "definition": capture = "definition"; text = ""
            case "descrip" where attributes["type"] == "subjectField": capture = "subject"; text = ""
            case "subjectField": capture = "subject"; text = ""
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if capture != nil { text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let local = name.split(separator: ":").last.map(String.init) ?? name
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            switch (local, capture) {
            case ("term", "term"):
                capture = nil
                guard let language else { break }
                if value.isEmpty {
                    problems.append(GlossaryError(file: file, line: parser.lineNumber, problem: "empty <term>"))
                } else {
                    terms[language, default: []].append(value)
                }
            case ("definition", "definition"), ("descrip", "definition"):
                capture = nil
                if definition.isEmpty { definition = value }
            case ("descrip", "subject"), ("subjectField", "subject"):
                capture = nil
                subject = value
            case ("langSec", _), ("langSet", _):
                language = nil
            case ("conceptEntry", _), ("termEntry", _):
                let id = entryID ?? "entry"
                if terms.isEmpty {
                    problems.append(GlossaryError(file: file, line: entryLine, problem: "entry \"\(id)\" has no terms"))
                } else {
                    let category = GlossaryReader.categories.contains(subject) ? subject : "general"
                    concepts.append(Concept(id: id, category: category, type: .term, terms: terms, definition: definition,
                                            sources: terms.keys.reduce(into: [:]) { $0[$1] = "user" }, origin: "\(file):\(entryLine)"))
                }
                entryID = nil
            default: break
            }
        }
    }
}
