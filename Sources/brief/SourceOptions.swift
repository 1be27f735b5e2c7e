import ArgumentParser

/// Where a command reads articles: one file (or standard input), or JSON Lines records.
struct SourceOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The article file; - reads standard input.", valueName: "file"))
    var file: String?

    @Option(name: .long, help: ArgumentHelp("Read JSON Lines records (\"id\" and the text) from this file (- for standard input) and write one result line per record.", valueName: "file"))
    var jsonl: String?

    func validate() throws {
        if (file == nil) == (jsonl == nil) {
            throw ValidationError("give exactly one input: a file (or - for standard input), or --jsonl FILE")
        }
    }
}
