import BriefDocument
import BriefPipeline

/// Renders a brief as plain text for a terminal: the head found in the article, then the
/// chosen sentences, one per paragraph.
public struct TextRenderer: Sendable {
    public init() {}

    public func render(_ brief: ArticleBrief) -> String {
        var out = BylineRenderer.text(brief.byline)
        if brief.byline.title == nil, let title = brief.document.header.givenTitle { out = title + "\n" + out }
        if !out.isEmpty { out += "\n" }
        if brief.summary.sentences.isEmpty {
            out += "(no body text to summarize)\n"
        } else {
            out += brief.summary.sentences.map(\.text).joined(separator: "\n\n") + "\n"
        }
        if !brief.glossary.isEmpty {
            let language = brief.document.language
            out += "\nGlossary (\(language) → \(brief.secondLanguage)):\n"
            for hit in brief.glossary {
                let term = hit.concept.preferred(language) ?? hit.surfaces[0]
                let other = hit.concept.preferred(brief.secondLanguage) ?? "(no \(brief.secondLanguage) term yet)"
                let definition = hit.concept.definition.isEmpty ? "" : " — \(hit.concept.definition)"
                out += "  \(term) = \(other)\(definition)\n"
            }
        }
        return out
    }
}

extension HeaderField {
    /// The field's name as shown to readers.
    public var label: String {
        switch self {
        case .title: return "Title"
        case .byline: return "By"
        case .dateline: return "Dateline"
        case .source: return "Source"
        }
    }
}
