import ArgumentParser
import BriefInput
import BriefOutput
import BriefPipeline
import BriefResources
import BriefSummary
import BriefTranslate

/// `brief summarize`: the chosen sentences of one article, or of every JSON Lines record.
struct Summarize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a short brief of an article: its head and its best sentences.",
        discussion: """
        Examples:
          brief summarize article.txt
          cat article.txt | brief summarize - --format json
          brief summarize --jsonl articles.jsonl --sentences 3 > chosen.jsonl

        With --jsonl, each input line is a JSON object with "id" and "text" (optional "title" \
        and "lang"); each output line is {"id", "sentences"} with the chosen sentences in \
        article order, or {"id", "error"} for a record that could not be briefed.
        """
    )

    @OptionGroup var source: SourceOptions

    @OptionGroup var budget: BudgetOptions

    @Option(name: .long, help: "Output format: text, json or md (Markdown) (ignored with --jsonl, which always writes JSON Lines).")
    var format: BriefFormat = .text

    @Option(name: .long, help: ArgumentHelp("Ranking method: default (tuned features with redundancy control), lead (the first sentences), centrality (graph centrality over sentence similarity).", valueName: "name"))
    var method: ArticlePipeline.Method = .default

    @Flag(name: .long, help: "With --format text, list every sentence's score and the features behind it.")
    var explain = false

    @Option(name: .long, help: ArgumentHelp("The brief's second language: the chosen sentences translated into it (the bilingual brief) and the glossary's equivalents. Without it the glossary shows Arabic (English for an Arabic article) and nothing is translated.", valueName: "code"))
    var to: String?

    @OptionGroup var glossary: GlossaryOptions

    @OptionGroup var engine: EngineOptions

    @OptionGroup var input: InputOptions

    func validate() throws {
        try LanguageOption.checkShape(to, option: "--to")
    }

    func run() throws {
        if let to { _ = try LanguageOption.known(to, option: "--to", data: try Diagnostics.dataDirectory()) }
        // Engine settings matter only for a bilingual brief: a broken config must not stop others.
        let engineSettings = to == nil ? EngineSettings() : try engine.settings()
        var translator: (any Translator)?
        if to != nil {
            do { translator = try engineSettings.translator() } catch { Diagnostics.fail(error.description) }
        }
        let pipeline = try input.pipeline {
            $0.budget = budget.budget
            $0.method = method
            $0.keepFeatures = explain
            $0.secondLanguage = to.flatMap { LanguageCode.primarySubtag(of: $0) }
            // --to asks for the bilingual brief: the chosen sentences translated too.
            $0.translate = to != nil && source.jsonl == nil
            $0.translator = translator
            if to != nil, source.jsonl == nil {
                $0.translationCache = engine.openCache()
                $0.engineKey = engineSettings.cacheKey
            }
            $0.glossaryFile = glossary.glossary
            // JSON Lines records carry the chosen sentences only.
            $0.glossary = source.jsonl == nil && !glossary.noGlossary
        }
        if let jsonl = source.jsonl {
            try runJSONLines(jsonl, pipeline: pipeline)
            return
        }
        guard let file = source.file else { return }
        do {
            let brief = try pipeline.brief(path: file)
            if let note = brief.decodingNote { Diagnostics.warn("\(file): \(note)") }
            if brief.summary.sentences.isEmpty {
                Diagnostics.warn("\(file): no body text to summarize")
            }
            switch format {
            case .text:
                Output.write(TextRenderer().render(brief))
                if explain { Output.write("\n" + ExplanationRenderer.render(brief)) }
            case .json: Output.write(JSONRenderer().render(brief) + "\n")
            case .md: Output.write(MarkdownRenderer().render(brief))
            }
        } catch {
            Diagnostics.fail(error.description)
        }
    }

    private func runJSONLines(_ path: String, pipeline: ArticlePipeline) throws {
        let renderer = JSONRenderer(pretty: false)
        let folder = PageRecords.folder(of: path)
        try JSONLinesRun.runPages(path, maxLineBytes: input.maxSize.bytes) { (record) throws(ArticleError) in
            // Text records too go through the page reader: text copied from a page loses its
            // clutter; an article alone comes out as it went in.
            let (page, decoded) = try PageRecords.page(record, folder: folder, pipeline: pipeline)
            let brief = try pipeline.brief(page: page, decoded: decoded, source: record.id.description, title: record.title,
                                           language: record.language)
            return renderer.record(id: record.id, brief)
        }
    }
}

/// The output formats of a single brief.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// The formats of a brief: text, JSON, or Markdown.
enum BriefFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, md
}
