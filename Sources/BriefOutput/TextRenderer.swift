import BriefResources
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
        if let translation = brief.translation {
            if let reason = translation.unavailable {
                out += "\nTranslation (\(translation.language)): not available: \(reason).\n"
            } else {
                out += "\nTranslation (\(translation.language), \(translation.engine)):\n"
                if let title = translation.title { out += title + "\n\n" }
                out += translation.sentences.joined(separator: "\n\n") + "\n"
            }
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

/// Renders a brief as Markdown: head, the sentences in both languages, the glossary as a table.
public struct MarkdownRenderer: Sendable {
    public init() {}

    public func render(_ brief: ArticleBrief) -> String {
        var out = ""
        let byline = brief.byline
        if let title = byline.title ?? brief.document.header.givenTitle { out += "# \(cell(title))\n\n" }
        if let outlet = BylineRenderer.outletText(byline) {
            out += "**Source:** " + ([outlet] + [byline.section].compactMap { $0 }).joined(separator: " · ") + "  \n"
        }
        if let author = byline.author { out += "**By:** \(author)  \n" }
        let dateline = [byline.place, byline.date].compactMap { $0 }
        if !dateline.isEmpty { out += "**Dateline:** " + dateline.joined(separator: ", ") + "  \n" }
        out += "\n## Brief (\(brief.document.language))\n\n"
        out += brief.summary.sentences.map { "- \($0.text)\n" }.joined()
        if let translation = brief.translation {
            out += "\n## Brief (\(translation.language))\n\n"
            if let reason = translation.unavailable {
                out += "_Translation not available: \(reason)._\n"
            } else {
                if let title = translation.title { out += "**\(cell(title))**\n\n" }
                out += translation.sentences.map { "- \($0)\n" }.joined()
                out += "\n_Translated by \(translation.engine); glossary terms kept as approved._\n"
            }
        }
        if !brief.glossary.isEmpty {
            let language = brief.document.language
            out += "\n## Glossary\n\n| \(language) | \(brief.secondLanguage) | definition |\n|---|---|---|\n"
            for hit in brief.glossary {
                out += "| \(cell(hit.concept.preferred(language) ?? hit.surfaces[0])) | \(cell(hit.concept.preferred(brief.secondLanguage) ?? "")) | \(cell(hit.concept.definition)) |\n"
            }
        }
        return out
    }

    private func cell(_ text: String) -> String {
        text.replacingBytes(of: "|", with: "\\|").replacingBytes(of: "\n", with: " ")
    }
}
