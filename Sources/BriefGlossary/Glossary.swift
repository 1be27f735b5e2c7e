/// How a term behaves in translation: translated, kept as a name, or never touched.
public enum TermType: String, Sendable, CaseIterable {
    /// A general term, translated to its approved equivalent.
    case term
    /// A proper name (organization, company, place): kept as is where no equivalent is given.
    case name
    /// A model or code (S-400, F-35, SA-21): never translated.
    case designation
}

/// One concept of the glossary: its terms in each language, what it is, and where its terms come from.
public struct Concept: Sendable, Equatable {
    public var id: String
    public var category: String
    public var type: TermType
    /// Terms per language code; the first of each list is the preferred term.
    public var terms: [String: [String]]
    /// A one-line English definition.
    public var definition: String
    /// The source of each language's terms ("arabterm", "nato", "editor" …).
    public var sources: [String: String]
    /// Where the concept was read, for messages ("Lexicons/glossary/missiles.txt:12").
    public var origin: String

    public init(id: String, category: String, type: TermType = .term, terms: [String: [String]],
                definition: String = "", sources: [String: String] = [:], origin: String = "") {
        self.id = id
        self.category = category
        self.type = type
        self.terms = terms
        self.definition = definition
        self.sources = sources
        self.origin = origin
    }

    /// The preferred term in `language`, if the concept has one.
    public func preferred(_ language: String) -> String? {
        terms[language]?.first
    }
}

/// The concepts brief knows, in the order they were read.
public struct Glossary: Sendable {
    public private(set) var concepts: [Concept]
    private var index: [String: Int]

    /// The languages glossary files may carry, in the order exports list them.
    public static let languages = ["en", "ar", "fr", "es", "ru", "tr"]

    public init(concepts: [Concept] = []) {
        self.concepts = []
        self.index = [:]
        for concept in concepts { add(concept) }
    }

    public subscript(id: String) -> Concept? {
        index[id].map { concepts[$0] }
    }

    public var count: Int { concepts.count }

    /// Adds a concept; a concept with the same id replaces the one before (a user's glossary
    /// overrides the built-in one).
    public mutating func add(_ concept: Concept) {
        if let existing = index[concept.id] {
            concepts[existing] = concept
        } else {
            index[concept.id] = concepts.count
            concepts.append(concept)
        }
    }

    /// This glossary with `other`'s concepts added; `other` wins on equal ids.
    public func merging(_ other: Glossary) -> Glossary {
        var merged = self
        for concept in other.concepts { merged.add(concept) }
        return merged
    }

    /// A short fingerprint of the content (FNV-1a over every field), so caches keyed by it
    /// notice any edit of the glossary.
    public var version: String {
        var hash: UInt64 = 0xcbf29ce484222325
        func mix(_ text: String) {
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
            hash = (hash ^ 0xFF) &* 0x100000001b3
        }
        for concept in concepts {
            mix(concept.id)
            mix(concept.type.rawValue)
            for language in concept.terms.keys.sorted() {
                mix(language)
                concept.terms[language]!.forEach(mix)
            }
        }
        return String(hash, radix: 16)
    }
}
