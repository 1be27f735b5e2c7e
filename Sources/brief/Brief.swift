import ArgumentParser
import BriefText

/// The `brief` command: turns press articles into short bilingual briefs.
@main
struct Brief: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Short briefs of foreign and regional press articles.",
        discussion: """
        Reads articles (files, or - for standard input), repairs copy damage, and prints \
        briefs. Results go to standard output; progress and errors go to standard \
        error, one line each, naming the file and the problem.

        Exit codes: 0 success; 1 an input could not be read or briefed; 3 some JSON Lines \
        records failed (each has an error line, the others were written); 64 wrong usage.

        Data: brief reads Models/ and Lexicons/ from the repository it was built in, from \
        <prefix>/share/brief next to an installed binary, or from $BRIEF_DATA_DIR.
        """,
        version: "brief \(version) (ICU \(ICULibrary.version))",
        subcommands: [Summarize.self, RepairCommand.self, EvalCommand.self, GlossaryCommand.self, TranslitCommand.self, BylineCommand.self, TranslateCommand.self]
    )
}
