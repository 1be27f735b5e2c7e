import ArgumentParser
import BriefInput
import BriefOutput
import BriefPage
import BriefPipeline
import BriefText

/// What `brief extract` and `--input` call the kinds of input.
enum InputKind: String, ExpressibleByArgument, CaseIterable {
    case auto, html, text

    var pageKind: Page.Kind? {
        switch self {
        case .auto: return nil
        case .html: return .html
        case .text: return .text
        }
    }
}

/// `brief extract`: the article of a page, with its metadata.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the article of a page: title, outlet, author, date, place, language, URL and body.",
        discussion: """
        Reads a saved web page (.html, .htm, or gzip-compressed .html.gz) or text copied from a \
        page, and keeps the article: its metadata and its paragraphs, without menus, share \
        buttons, comments or related links. What the input is, is found from its bytes; \
        --input html|text overrides that.

        With --jsonl, each input line is {"id", and one of "text", "html" or "path" (a file \
        relative to the JSON Lines file's folder), "url" (the page's address; fetched when the \
        record has nothing else)}; each output line is \
        {"id","title","outlet","outlet_latin","outlet_arabic","author","date","place","lang","url","text"} \
        (outlet as the page writes it; outlet_latin and outlet_arabic: a known outlet's names; null where \
        unknown), or {"id","error"} for a record that fails (the others go on; exit 3).

        Examples:
          brief extract page.html
          brief extract https://www.rudaw.net/english/middleeast/iraq/0312202611
          brief extract page.html.gz --format json --body md
          brief extract --jsonl pages.jsonl > articles.jsonl
        """
    )

    @Argument(help: ArgumentHelp("The page or text file, an http(s) URL, or - for standard input.", valueName: "file|url"))
    var file: String?

    @Option(name: .long, help: ArgumentHelp("Read JSON Lines page records from this file.", valueName: "file"))
    var jsonl: String?

    @Option(name: .long, help: "Output format: text, json or md.")
    var format: BriefFormat = .text

    @Option(name: .long, help: "With --format json: the body as plain text (text) or Markdown (md), in \"text\".")
    var body: BodyFormat = .text

    @Option(name: .long, help: ArgumentHelp("The page's address, when the file was saved from one.", valueName: "url"))
    var url: String?

    @Flag(name: .long, help: "For text copied from a page: print each line's label (title, head, body, clutter), score and signals to standard error.")
    var explain = false

    @OptionGroup var inputOptions: InputOptions

    enum BodyFormat: String, ExpressibleByArgument, CaseIterable {
        case text, md
    }

    func validate() throws {
        if (file == nil) == (jsonl == nil) { throw ValidationError("give one input: a file (or -) or --jsonl FILE") }
    }

    func run() throws {
        let pipeline = try inputOptions.pipeline()
        if let jsonl {
            let folder = PageRecords.folder(of: jsonl)
            try JSONLinesRun.runPages(jsonl, maxLineBytes: inputOptions.maxSize.bytes) { record throws(ArticleError) in
                let (page, decoded) = try PageRecords.page(record, folder: folder, pipeline: pipeline)
                let sourced = try pipeline.sourced(page, decoded: decoded, source: record.id.description)
                return Self.json(sourced, id: record.id, markdownBody: body == .md)
            }
            return
        }
        let file = file ?? "-"
        do {
            // --explain needs the text as given, before the cleaner took the body out of it.
            let given: [UInt8]? = explain && !URLFetcher.isURL(file) ? try pipeline.read(path: file) : nil
            var (page, decoded) = if let given { try pipeline.page(bytes: given, source: file) } else { try pipeline.page(input: file) }
            if let url, page.url == nil { page.url = url }
            if let note = decoded.note { Diagnostics.warn("\(file): \(note)") }
            if explain {
                if page.kind == .text, let given {
                    let reader = try pipeline.pageReader()
                    let lines: [String]
                    do {
                        let raw = Gzip.isCompressed(given) ? try Gzip.inflate(given, maxBytes: pipeline.options.maxBytes) : given
                        let text = try pipeline.decode(bytes: raw, source: file).text
                        lines = try reader.explain(text: text, language: pipeline.options.language)
                    } catch {
                        Diagnostics.fail("\(file): \(error)")
                    }
                    _ = Output.writeAll(lines.map { TerminalSafety.clean($0) + "\n" }.joined(), to: 2)
                } else {
                    Diagnostics.warn("\(file): --explain reads text copied from a page, in a file or on standard input; this input is \(page.kind == .html ? "an HTML page" : "a URL")")
                }
            }
            guard !page.paragraphs.isEmpty else { Diagnostics.fail("\(file): no article text found") }
            page = try pipeline.sourced(page, decoded: decoded, source: file)
            switch format {
            case .json: Output.write(Self.json(page, id: nil, markdownBody: body == .md).serialized(pretty: true) + "\n")
            case .md: Output.write(Self.markdown(page))
            case .text: Output.write(Self.text(page))
            }
        } catch {
            Diagnostics.fail(error.description)
        }
    }

    static func json(_ page: Page, id: RecordID?, markdownBody asMarkdown: Bool) -> JSONValue {
        var fields: [(String, JSONValue)] = []
        if let id { fields.append(("id", JSONValue(id))) }
        fields += [("title", .optional(page.title)), ("outlet", .optional(page.outlet)), ("outlet_latin", .optional(page.outletLatin)),
                   ("outlet_arabic", .optional(page.outletArabic)), ("author", .optional(page.author)),
                   ("date", .optional(page.date)), ("place", .optional(page.place)), ("lang", .optional(page.language)),
                   ("url", .optional(page.url)), ("text", .string(asMarkdown ? markdownBody(page) : page.text))]
        return .object(fields)
    }

    static func text(_ page: Page) -> String {
        var out = ""
        for (label, value) in metadataLines(page) { out += "\(label): \(value)\n" }
        if !out.isEmpty { out += "\n" }
        return out + page.text + "\n"
    }

    static func markdown(_ page: Page) -> String {
        var out = ""
        if let title = page.title { out += "# \(title)\n\n" }
        let lines = metadataLines(page).filter { $0.0 != "Title" }
        for (label, value) in lines { out += "- **\(label):** \(value)\n" }
        if !lines.isEmpty { out += "\n" }
        return out + markdownBody(page) + "\n"
    }

    static func markdownBody(_ page: Page) -> String {
        page.paragraphs.map(MarkdownText.escapedParagraph).joined(separator: "\n\n")
    }

    static func metadataLines(_ page: Page) -> [(String, String)] {
        [("Title", page.title), ("Outlet", page.outletLatin ?? page.outlet), ("Outlet (Arabic)", page.outletArabic), ("Author", page.author), ("Date", page.date), ("Place", page.place),
         ("Language", page.language), ("URL", page.url)].compactMap { label, value in value.map { (label, TerminalSafety.clean($0)) } }
    }
}

/// Markdown that shows a paragraph's text as it is.
enum MarkdownText {
    static func escapedParagraph(_ text: String) -> String {
        var out = ""
        for (index, character) in text.enumerated() {
            // Only what would start a heading, a list or a quote at the start, and inline markup.
            if index == 0, "#>-+*".contains(character) { out.append("\\") }
            if "*_`[]<\\".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}

/// Reading the pages of JSON Lines records.
enum PageRecords {
    static func folder(of path: String) -> String {
        guard path != "-", let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }

    /// The page of a record; `text` records are read as text unless `--input html` says otherwise.
    static func page(_ record: PageRecord, folder: String, pipeline: ArticlePipeline) throws(ArticleError) -> (Page, DecodedText) {
        let source = "record \(record.id)"
        switch record.content {
        case .text(let text):
            return try pipeline.page(bytes: Array(text.utf8), source: source, url: record.url, language: record.language)
        case .html(let html):
            return try pipeline.page(bytes: Array(html.utf8), source: source, url: record.url, kind: .html)
        case .path(let path):
            guard !path.isEmpty, !path.utf8.contains(0) else { throw ArticleError(source: source, problem: "empty or invalid path") }
            let full = path.hasPrefix("/") ? path : folder + "/" + path
            return try pipeline.page(bytes: pipeline.read(path: full), source: full, url: record.url, language: record.language)
        case .url(let address):
            var (page, decoded) = try pipeline.page(input: address)
            if page.url == nil { page.url = address }
            return (page, decoded)
        }
    }
}
