import BriefGlossary
import BriefNames
import BriefDocument
import BriefRepair
import BriefSummary
import BriefTranslate

/// Everything brief knows about one article after the pipeline ran: the analyzed document,
/// the chosen sentences and how the input was read.
public struct ArticleBrief: Sendable {
    /// The file path, "-" for standard input, or a JSON Lines record id.
    public var source: String
    /// The encoding the input bytes were in ("UTF-8", "windows-1256" …), nil for text given as a string.
    public var encoding: String?
    /// What the user should know about how the bytes were read (stray bytes read by a guess).
    public var decodingNote: String?
    public var document: Document
    public var summary: Summary
    /// What repair changed before analysis; nil when repair was off.
    public var repair: RepairResult?
    /// The glossary terms found in the article, in order of first use (empty when not looked up).
    public var glossary: [GlossaryHit] = []
    /// The source as the head names it, resolved against the outlet registry (empty without a head).
    public var byline = Byline()
    /// The chosen sentences in the second language, when a bilingual brief was asked for.
    public var translation: BriefTranslation?
    /// The brief's second language, for the glossary's equivalents.
    public var secondLanguage = "ar"

    public init(source: String, encoding: String?, document: Document, summary: Summary, repair: RepairResult? = nil) {
        self.source = source
        self.encoding = encoding
        self.document = document
        self.summary = summary
        self.repair = repair
    }
}

/// Why one article could not be briefed: which input, and the problem in words a user can act on.
public struct ArticleError: Error, Equatable, CustomStringConvertible {
    /// The file path, "-", or the record id.
    public var source: String
    public var problem: String
    /// A needed engine or server could not be used at all (rather than failing on this article).
    public var unavailable: Bool

    public init(source: String, problem: String, unavailable: Bool = false) {
        self.source = source
        self.problem = problem
        self.unavailable = unavailable
    }

    public var description: String { "\(source): \(problem)" }
}

/// The second-language half of a bilingual brief.
public struct BriefTranslation: Sendable {
    public var language: String
    public var engine: String
    public var sentences: [String] = []
    public var title: String?
    /// Glossary terms held to their equivalents.
    public var terms: [EnforcedTerm] = []
    /// Why there is no translation (no engine serves the pair), when there is none.
    public var unavailable: String?

    public init(language: String, engine: String) {
        self.language = language
        self.engine = engine
    }
}
