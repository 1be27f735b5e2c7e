import BriefResources
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads TBX glossaries: v3 (`conceptEntry`/`langSec`/`termSec`) and v2 (`martif`:
/// `termEntry`/`langSet`/`tig`), with libxml2's streaming reader.
///
/// libxml2 is opened when a TBX file is read, not linked: linking an XML library (or Foundation's
/// XML layer, which pulls all of Foundation) costs every command milliseconds at start-up, and
/// only `--glossary FILE.tbx` needs it. Entities are not substituted, no DTD is loaded and the
/// network is off, so external entities are never fetched; the size is bounded by the caller.
enum TBXReader {
    private typealias ReaderForMemory = @convention(c) (UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?, Int32) -> OpaquePointer?
    private typealias ReaderCall = @convention(c) (OpaquePointer?) -> Int32
    private typealias ReaderString = @convention(c) (OpaquePointer?) -> UnsafePointer<UInt8>?
    private typealias ReaderAttribute = @convention(c) (OpaquePointer?, UnsafePointer<UInt8>?) -> UnsafeMutablePointer<UInt8>?
    private typealias ReaderFree = @convention(c) (OpaquePointer?) -> Void
    private typealias Free = @convention(c) (UnsafeMutableRawPointer?) -> Void
    /// xmlStructuredErrorFunc: (user data, xmlErrorPtr).
    private typealias StructuredHandler = @convention(c) (UnsafeMutableRawPointer?, UnsafeRawPointer?) -> Void
    private typealias SetReaderHandler = @convention(c) (OpaquePointer?, StructuredHandler?, UnsafeMutableRawPointer?) -> Void
    private typealias SetGlobalHandler = @convention(c) (UnsafeMutableRawPointer?, StructuredHandler?) -> Void
    /// xmlGenericErrorFunc is variadic; the handler reads only its fixed arguments.
    private typealias GenericHandler = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void
    private typealias SetGenericHandler = @convention(c) (UnsafeMutableRawPointer?, UnsafeRawPointer?) -> Void

    /// libxml2's messages for one read: kept for brief's own error line, never printed by libxml2.
    private final class Messages {
        var first: String?
    }

    /// The few libxml2 functions the reader uses.
    private struct Library {
        let readerForMemory: ReaderForMemory
        let read: ReaderCall
        let nodeType: ReaderCall
        let isEmptyElement: ReaderCall
        let lineNumber: ReaderCall
        let localName: ReaderString
        let value: ReaderString
        let attribute: ReaderAttribute
        let freeReader: ReaderFree
        let free: Free
        let setReaderHandler: SetReaderHandler?
        let setStructuredHandler: SetGlobalHandler?
        let setGenericHandler: SetGenericHandler?

        static func open() -> Library? {
            guard let handle = dlopen("libxml2.so.2", RTLD_NOW | RTLD_LOCAL) ?? dlopen("libxml2.2.dylib", RTLD_NOW | RTLD_LOCAL) else { return nil }
            func symbol<T>(_ name: String, _ type: T.Type) -> T? {
                dlsym(handle, name).map { unsafeBitCast($0, to: type) }
            }
            // xmlFree is a variable holding the deallocator, not a function.
            guard let freePointer = dlsym(handle, "xmlFree")?.assumingMemoryBound(to: Free?.self).pointee,
                  let readerForMemory = symbol("xmlReaderForMemory", ReaderForMemory.self),
                  let read = symbol("xmlTextReaderRead", ReaderCall.self),
                  let nodeType = symbol("xmlTextReaderNodeType", ReaderCall.self),
                  let isEmptyElement = symbol("xmlTextReaderIsEmptyElement", ReaderCall.self),
                  let lineNumber = symbol("xmlTextReaderGetParserLineNumber", ReaderCall.self),
                  let localName = symbol("xmlTextReaderConstLocalName", ReaderString.self),
                  let value = symbol("xmlTextReaderConstValue", ReaderString.self),
                  let attribute = symbol("xmlTextReaderGetAttribute", ReaderAttribute.self),
                  let freeReader = symbol("xmlFreeTextReader", ReaderFree.self) else { return nil }
            return Library(readerForMemory: readerForMemory, read: read, nodeType: nodeType, isEmptyElement: isEmptyElement,
                           lineNumber: lineNumber, localName: localName, value: value, attribute: attribute,
                           freeReader: freeReader, free: freePointer,
                           setReaderHandler: symbol("xmlTextReaderSetStructuredErrorHandler", SetReaderHandler.self),
                           setStructuredHandler: symbol("xmlSetStructuredErrorFunc", SetGlobalHandler.self),
                           setGenericHandler: symbol("xmlSetGenericErrorFunc", SetGenericHandler.self))
        }
    }

    // XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NONET: quiet, and never on the network.
    private static let options: Int32 = 32 | 64 | 2048

    static func read(_ bytes: [UInt8], file: String) throws(GlossaryError) -> ([Concept], [GlossaryError]) {
        guard let library = Library.open() else {
            throw GlossaryError(file: file, problem: "reading TBX needs libxml2 (Debian: apt install libxml2)")
        }
        // Every message libxml2 has goes to brief's handler (the reader's, and this thread's
        // generic and structured ones for what is said before the reader exists): brief then
        // reports one line of its own, with libxml2's reason in it.
        let messages = Messages()
        defer { withExtendedLifetime(messages) {} }
        let context = Unmanaged.passUnretained(messages).toOpaque()
        let structured: StructuredHandler = { context, error in
            guard let context, let error else { return }
            let messages = Unmanaged<Messages>.fromOpaque(context).takeUnretainedValue()
            // struct _xmlError { int domain; int code; char *message; … }
            let message = error.load(fromByteOffset: 8, as: UnsafePointer<CChar>?.self)
            if messages.first == nil, let message { messages.first = String(cString: message).trimmedString() }
        }
        let generic: GenericHandler = { context, format in
            guard let context, let format else { return }
            let messages = Unmanaged<Messages>.fromOpaque(context).takeUnretainedValue()
            if messages.first == nil { messages.first = String(cString: format).trimmedString() }
        }
        library.setStructuredHandler?(context, structured)
        library.setGenericHandler?(context, unsafeBitCast(generic, to: UnsafeRawPointer.self))
        defer {
            library.setStructuredHandler?(nil, nil)
            library.setGenericHandler?(nil, nil)
        }
        guard let reader = bytes.withUnsafeBufferPointer({ buffer in
            buffer.withMemoryRebound(to: CChar.self) { library.readerForMemory($0.baseAddress, Int32(buffer.count), nil, "UTF-8", options) }
        }) else {
            throw GlossaryError(file: file, problem: "cannot start the XML reader" + (messages.first.map { " (\($0))" } ?? ""))
        }
        library.setReaderHandler?(reader, structured, context)
        defer { library.freeReader(reader) }
        var state = State(file: file)
        while true {
            let status = library.read(reader)
            if status == 0 { break }
            if status < 0 {
                throw GlossaryError(file: file, line: Int(library.lineNumber(reader)),
                                    problem: "not well-formed XML" + (messages.first.map { " (\($0))" } ?? ""))
            }
            let line = Int(library.lineNumber(reader))
            switch library.nodeType(reader) {
            case 1:  // element
                let name = library.localName(reader).map { String(cString: $0) } ?? ""
                func attribute(_ key: String) -> String? {
                    guard let value = library.attribute(reader, key) else { return nil }
                    defer { library.free(value) }
                    return String(cString: value)
                }
                state.start(name, id: attribute("id"), language: attribute("xml:lang"), type: attribute("type"), line: line)
                if library.isEmptyElement(reader) == 1 { state.end(name, line: line) }
            case 3, 4, 13, 14:  // text, CDATA, whitespace
                if let value = library.value(reader) { state.text(String(cString: value)) }
            case 5:  // an entity reference left unsubstituted: its text is not read
                state.unresolvedEntity = true
            case 15:  // end of element
                state.end(library.localName(reader).map { String(cString: $0) } ?? "", line: line)
            default:
                break
            }
        }
        if !state.sawRoot {
            throw GlossaryError(file: file, problem: "not a TBX file (the root element is neither <tbx> nor <martif>)")
        }
        return (state.concepts, state.problems)
    }

    /// What the reader has seen so far: the entry being read and what was collected.
    private struct State {
        let file: String
        var concepts: [Concept] = []
        var problems: [GlossaryError] = []
        var sawRoot = false
        var unresolvedEntity = false
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

        mutating func start(_ name: String, id: String?, language lang: String?, type: String?, line: Int) {
            switch name {
            case "tbx", "martif": sawRoot = true
            case "conceptEntry", "termEntry":
                entries += 1
                entryID = id ?? "entry-\(entries)"
                entryLine = line
                terms = [:]
                definition = ""
                subject = ""
            case "langSec", "langSet":
                language = lang.map { String($0.lowercased().prefix { $0 != "-" && $0 != "_" }) }
                if language == nil { problems.append(GlossaryError(file: file, line: line, problem: "<\(name)> without xml:lang")) }
            case "term": begin("term")
            case "definition": begin("definition")
            case "descrip" where type == "definition": begin("definition")
            case "descrip" where type == "subjectField", "subjectField": begin("subject")
            default: break
            }
        }

        private mutating func begin(_ what: String) {
            capture = what
            text = ""
            unresolvedEntity = false
        }

        mutating func text(_ value: String) {
            if capture != nil { text += value }
        }

        mutating func end(_ name: String, line: Int) {
            let value = GlossaryReader.trim(text, newlines: true)
            switch (name, capture) {
            case ("term", "term"):
                capture = nil
                guard let language else { break }
                if unresolvedEntity {
                    problems.append(GlossaryError(file: file, line: line, problem: "<term> uses an entity, which is not expanded"))
                } else if value.isEmpty {
                    problems.append(GlossaryError(file: file, line: line, problem: "empty <term>"))
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
