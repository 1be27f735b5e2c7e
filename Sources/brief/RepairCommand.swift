import ArgumentParser
import BriefInput
import BriefOutput
import BriefPipeline
import BriefRepair

/// `brief repair`: the article with copy damage undone, or the list of what was changed.
struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Undo copy damage: glued words and sentences, soft hyphens, odd spaces.",
        discussion: """
        Words glued where line breaks were lost ("forpotential", "UnitedStates", "reported.Turkey") \
        get their space back; names, acronyms and terms that are right as they are (Akar, Raytheon, \
        CAATSA, SAMP-T) are kept. English and French have word models; other languages get the \
        character repairs only, and Arabic text passes through unchanged.

        Examples:
          brief repair article.txt > clean.txt
          brief repair article.txt --explain
          brief repair --jsonl damaged.jsonl --field damaged > repaired.jsonl
        """
    )

    @OptionGroup var source: SourceOptions

    @Option(name: .long, help: ArgumentHelp("With --jsonl, the field that holds the text.", valueName: "name"))
    var field: String = "text"

    @Flag(name: .long, help: "List each change (line:column, what, why) instead of printing the text; with --jsonl, add an \"edits\" array to each line.")
    var explain = false

    @OptionGroup var input: InputOptions

    mutating func validate() throws {
        if input.noRepair { throw ValidationError("--no-repair makes no sense with brief repair") }
    }

    func run() throws {
        let pipeline = try input.pipeline()
        if let jsonl = source.jsonl {
            try runJSONLines(jsonl, pipeline: pipeline)
            return
        }
        guard let file = source.file else { return }
        do {
            let decoded = try pipeline.page(input: file).decoded
            if let note = decoded.note { Diagnostics.warn("\(file): \(note)") }
            let prepared = try pipeline.prepare(text: decoded.text, source: file)
            let result = prepared.repair ?? RepairResult(text: prepared.text, edits: [])
            if explain {
                Output.write(RepairExplanation.render(result))
            } else {
                Output.write(result.text.hasSuffix("\n") ? result.text : result.text + "\n")
            }
        } catch {
            Diagnostics.fail(error.description)
        }
    }

    private func runJSONLines(_ path: String, pipeline: ArticlePipeline) throws {
        try JSONLinesRun.run(path, textField: field, maxLineBytes: input.maxSize.bytes) { (record) throws(ArticleError) in
            let prepared = try pipeline.prepare(text: record.text, source: record.id.description, language: record.language)
            var fields: [(String, JSONValue)] = [("id", JSONValue(record.id)), ("text", .string(prepared.text))]
            if explain { fields.append(("edits", RepairExplanation.json(prepared.repair?.edits ?? []))) }
            return JSONValue.object(fields)
        }
    }
}
