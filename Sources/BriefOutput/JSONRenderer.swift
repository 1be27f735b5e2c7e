import BriefDocument
import BriefInput
import BriefPipeline

/// Renders briefs as JSON: a whole document for one article, or one line per JSON Lines record.
public struct JSONRenderer: Sendable {
    /// Pretty-printed for humans, or compact (JSON Lines).
    public var pretty: Bool

    public init(pretty: Bool = true) {
        self.pretty = pretty
    }

    /// The brief of one article: its head, and the chosen sentences with their index in the article.
    public func render(_ brief: ArticleBrief) -> String {
        let document = brief.document
        let head: [(String, JSONValue)] = HeaderField.allCases.compactMap { field in
            document.headerText(field).map { (field.rawValue, .string($0)) }
        }
        let value = JSONValue.object([
            ("source", .string(brief.source)),
            ("encoding", .optional(brief.encoding)),
            ("language", .string(document.language)),
            ("script", .string(document.script.name)),
            ("head", .object(head)),
            ("byline", BylineRenderer.json(brief.byline)),
            ("method", .string(brief.summary.method)),
            ("sentence_count", .int(brief.summary.sentenceCount)),
            ("sentences", .array(brief.summary.sentences.map { sentence in
                .object([("index", .int(sentence.index)), ("text", .string(sentence.text))])
            })),
            ("second_language", .string(brief.secondLanguage)),
            ("translation", brief.translation.map { translation in
                JSONValue.object([
                    ("language", .string(translation.language)),
                    ("engine", .string(translation.engine)),
                    ("available", .bool(translation.unavailable == nil)),
                    ("reason", .optional(translation.unavailable)),
                    ("title", .optional(translation.title)),
                    ("sentences", .array(translation.sentences.map { .string($0) })),
                    ("terms", .array(translation.terms.map { .object([("id", .string($0.conceptID)), ("source", .string($0.source)), ("target", .string($0.target))]) })),
                ])
            } ?? .null),
            ("glossary", .array(brief.glossary.map { hit in
                .object([
                    ("id", .string(hit.concept.id)),
                    ("category", .string(hit.concept.category)),
                    ("term", .optional(hit.concept.preferred(document.language))),
                    ("equivalent", .optional(hit.concept.preferred(brief.secondLanguage))),
                    ("definition", .string(hit.concept.definition)),
                    ("count", .int(hit.count)),
                    ("in_text", .array(hit.surfaces.map { .string($0) })),
                ])
            })),
        ])
        return value.serialized(pretty: pretty)
    }

    /// One JSON Lines result: `{"id", "sentences"}` with the chosen sentences in article order.
    public func renderRecord(id: RecordID, _ brief: ArticleBrief) -> String {
        record(id: id, brief).serialized(pretty: pretty)
    }

    /// The JSON Lines result as a value.
    public func record(id: RecordID, _ brief: ArticleBrief) -> JSONValue {
        JSONValue.object([
            ("id", JSONValue(id)),
            ("sentences", .array(brief.summary.sentences.map { .string($0.text) })),
        ])
    }

    /// One JSON Lines error: `{"id", "error"}`.
    public func renderError(id: RecordID, _ message: String) -> String {
        JSONValue.object([("id", JSONValue(id)), ("error", .string(message))]).serialized(pretty: pretty)
    }
}
