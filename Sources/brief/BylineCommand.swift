import ArgumentParser
import BriefOutput
import BriefNames
import BriefPipeline

/// `brief byline`: the source of an article, from its head, with the outlet in both scripts.
struct BylineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "byline",
        abstract: "Show an article's source: outlet (in Latin and Arabic), section, author, dateline, title.",
        discussion: """
        Reads the head of the article in the forms feeds use: "(Outlet | Section )-", \
        "BAGHDAD (Reuters) -", "By …", "Source: …", "Outlet - Date", "بغداد - هذا اليوم", \
        "كتب: …". Outlets are recognised however they are spelled, in either script, from \
        Lexicons/outlets.tsv.

        Examples:
          brief byline article.txt
          brief byline article.txt --format json
        """
    )

    @Argument(help: ArgumentHelp("The article file; - reads standard input.", valueName: "file"))
    var file: String

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var input: InputOptions

    func run() throws {
        let pipeline = try input.pipeline()
        do {
            let (page, decoded) = try pipeline.page(input: file)
            if let note = decoded.note { Diagnostics.warn("\(file): \(note)") }
            let (document, _) = try pipeline.analyze(text: decoded.text, source: file, title: page.title)
            let byline = try pipeline.byline(of: document, page: page) ?? Byline()
            switch format {
            case .text: Output.write(byline.isEmpty ? "no source found in the head\n" : BylineRenderer.text(byline))
            case .json: Output.write(BylineRenderer.json(byline).serialized(pretty: true) + "\n")
            }
        } catch {
            Diagnostics.fail(error.description)
        }
    }
}
