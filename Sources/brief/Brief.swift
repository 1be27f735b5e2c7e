import ArgumentParser
import BriefText
#if canImport(Glibc)
import Glibc
#endif

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

        File names that start with - are read as options: put -- before them \
        (brief summarize -- -notes.txt).

        Limits: inputs of 32 MiB (--max-size raises it; it also bounds each JSON Lines line), \
        names of 256 characters in name matching, --sentences up to 100000, --words up to \
        10000000, --timeout up to 3600 seconds.

        Data: brief reads Models/ and Lexicons/ from the repository it was built in, from \
        <prefix>/share/brief next to an installed binary, or from $BRIEF_DATA_DIR.
        """,
        version: "brief \(version) (ICU \(ICULibrary.version))",
        subcommands: [Summarize.self, ExtractCommand.self, RepairCommand.self, EvalCommand.self, GlossaryCommand.self, TranslitCommand.self, BylineCommand.self, TranslateCommand.self]
    )

    static func main() {
        warnAboutFilesTakenForOptions(Array(CommandLine.arguments.dropFirst()))
        main(nil)
    }

    /// "-hot.txt" is parsed as options (-h prints the help): when such an argument is also an
    /// existing file, say how to pass it.
    static func warnAboutFilesTakenForOptions(_ arguments: [String]) {
        for argument in arguments {
            if argument == "--" { return }
            guard argument.hasPrefix("-"), argument != "-", !argument.hasPrefix("--") || argument.contains(".") else { continue }
            var info = stat()
            if stat(argument, &info) == 0 {
                Diagnostics.warn("'\(argument)' is read as options, not as the file of that name; put -- before file names that start with - (brief summarize -- \(argument))")
            }
        }
    }
}
