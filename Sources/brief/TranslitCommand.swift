import ArgumentParser
import BriefInput
import BriefNames
import BriefOutput
import BriefPipeline
import BriefResources
import BriefText

/// `brief translit`: readable romanization of Arabic, and name matching across scripts.
struct TranslitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translit",
        abstract: "Write Arabic in readable Latin letters, and match names across scripts.",
        discussion: """
        Examples:
          brief translit "هذا اليوم"                    # Hatha al-Youm, and its matching key
          echo "محمد بن سلمان" | brief translit -
          brief translit --jsonl names.jsonl            # {"id","text"} in, {"id","latin","key"} out
          brief translit match "Mohammed" "محمد"        # true
          brief translit match --jsonl pairs.jsonl      # {"id","a","b"} in, {"id","match"} out

        Known names (the outlets of Lexicons/outlets.tsv) are written as they are known; other \
        words go through ICU with brief's rules (Models/translit/arabic-latin-readable.txt).
        """,
        subcommands: [Romanize.self, Match.self],
        defaultSubcommand: Romanize.self
    )

    /// `brief translit TEXT`: the readable Latin form and the matching key.
    struct Romanize: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "romanize",
            abstract: "Write Arabic text in readable Latin letters (the default subcommand)."
        )

        @Argument(help: ArgumentHelp("Text to romanize; - reads standard input.", valueName: "text"))
        var text: [String] = []

        @Option(name: .long, help: ArgumentHelp("Read {\"id\",\"text\"} JSON Lines from this file (- for standard input); write {\"id\",\"latin\",\"key\"}.", valueName: "file"))
        var jsonl: String?

        @Flag(name: .long, help: "Also print the matching key (text mode).")
        var key = false

        @Option(name: .customLong("max-size"), help: ArgumentHelp("Largest input read from standard input, in bytes; K, M and G suffixes allowed.", valueName: "size"))
        var maxSize: ByteSize = ByteSize(bytes: 32 << 20)

        @Option(name: .long, help: ArgumentHelp("brief (default: known names, then brief's rules) or icu (ICU's own Arabic-Latin transform, for comparison).", valueName: "name"))
        var engine: Engine = .brief

        enum Engine: String, ExpressibleByArgument, CaseIterable {
            case brief, icu
        }

        func validate() throws {
            if jsonl == nil, text.isEmpty { throw ValidationError("give the text to romanize, - for standard input, or --jsonl FILE") }
            if jsonl != nil, !text.isEmpty { throw ValidationError("give either text or --jsonl, not both") }
        }

        func run() throws {
            let data = try Diagnostics.dataDirectory()
            let romanizer: Romanizer
            do {
                romanizer = engine == .icu ? try Romanizer(transform: "Arabic-Latin; Latin-ASCII") : try Romanizer.load(from: data)
            } catch {
                Diagnostics.fail(error.description)
            }
            if let jsonl {
                let matcher = Self.matcher(data)
                try JSONLinesRun.run(jsonl) { record throws(ArticleError) in
                    .object([("id", JSONValue(record.id)), ("latin", .string(romanizer.romanize(record.text))),
                             ("key", .string(matcher.key(record.text)))])
                }
                return
            }
            let matcher = key ? Self.matcher(data) : nil
            var input = text.joined(separator: " ")
            if text == ["-"] {
                // As every command reads input: a size limit, charset detection, binary refused.
                do {
                    let bytes = try InputReader(maxBytes: maxSize.bytes).read("-")
                    input = try TextDecoder(maxBytes: maxSize.bytes).decode(bytes).text
                } catch let error as InputError {
                    Diagnostics.fail(error.description)
                } catch let error as TextError {
                    Diagnostics.fail("-: \(error.description)")
                } catch {
                    Diagnostics.fail("-: \(error)")
                }
            }
            for line in input.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty || input.isEmpty {
                let latin = romanizer.romanize(String(line))
                if let matcher { Output.write("\(latin)\t\(matcher.key(String(line)))\n") } else { Output.write(latin + "\n") }
            }
        }

        /// The name matcher, read from the data folder only when the key is wanted.
        static func matcher(_ data: DataDirectory) -> NameMatcher {
            do { return try NameMatcher.load(from: data) } catch { Diagnostics.fail(error.description) }
        }
    }

    /// `brief translit match A B`: whether two spellings are the same name.
    struct Match: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decide whether two spellings (Arabic or Latin) are the same name.",
            discussion: "Prints true or false; exit code 0 either way. With --jsonl, reads {\"id\",\"a\",\"b\"} lines and writes {\"id\",\"match\"}."
        )

        @Argument(help: ArgumentHelp("The two names.", valueName: "name"))
        var names: [String] = []

        @Option(name: .long, help: ArgumentHelp("Read {\"id\",\"a\",\"b\"} JSON Lines from this file (- for standard input).", valueName: "file"))
        var jsonl: String?

        func validate() throws {
            if jsonl == nil, names.count != 2 { throw ValidationError("give two names, or --jsonl FILE") }
        }

        func run() throws {
            let matcher = Romanize.matcher(try Diagnostics.dataDirectory())
            if let jsonl {
                try JSONLinesRun.runFields(jsonl, fields: ["a", "b"]) { id, fields throws(ArticleError) in
                    for (field, name) in zip(["a", "b"], fields) {
                        if let problem = NameMatcher.problem(with: name) { throw ArticleError(source: id.description, problem: "'\(field)': \(problem)") }
                    }
                    return .object([("id", JSONValue(id)), ("match", .bool(matcher.matches(fields[0], fields[1])))])
                }
                return
            }
            for name in names {
                if let problem = NameMatcher.problem(with: name) { throw ValidationError(problem.description) }
            }
            Output.write(matcher.matches(names[0], names[1]) ? "true\n" : "false\n")
        }
    }
}
