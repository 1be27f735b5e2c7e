import ArgumentParser
import BriefGlossary
import BriefInput
import BriefOutput
import BriefPipeline
import BriefResources
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The user's own glossary, taken before the built-in one by every command that looks terms up.
struct GlossaryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Your own glossary (TBX, TSV, CSV, or brief's .txt format), used before the built-in one.", valueName: "file"))
    var glossary: String?

    @Flag(name: .customLong("no-glossary"), help: "Do not look glossary terms up.")
    var noGlossary = false
}

/// `brief glossary`: the defense glossary, its terms in articles, and the files translators import.
struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Find glossary terms and acronym definitions in articles; export and check glossary files.",
        discussion: """
        The built-in glossary (Lexicons/glossary/*.txt) holds defense terms, systems, laws, \
        organizations and countries in English, Arabic, French, Spanish, Russian and Turkish. \
        --glossary FILE adds your own (TBX, DeepL-style TSV/CSV, or brief's format), which wins \
        where both spell a term.

        Examples:
          brief glossary extract article.txt
          brief glossary export --format tbx --langs en,ar,fr > defense.tbx
          brief glossary export --format tsv --langs en,es --from article.txt > deepl.tsv
          brief glossary acronyms --jsonl abstracts.jsonl > pairs.jsonl
          brief glossary validate my-terms.tsv
        """,
        subcommands: [Extract.self, Export.self, Acronyms.self, Validate.self]
    )

    /// The glossary for a command: the user's file, then the built-in one.
    static func load(_ options: GlossaryOptions) throws -> ArticlePipeline {
        var pipelineOptions = ArticlePipeline.Options()
        pipelineOptions.glossaryFile = options.glossary
        let pipeline = ArticlePipeline(data: try Diagnostics.dataDirectory(), options: pipelineOptions)
        do {
            _ = try pipeline.glossary()
        } catch {
            Diagnostics.fail(error.description)
        }
        return pipeline
    }

    /// `brief glossary extract`: what an editor should know about the terms of some articles.
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the glossary terms, acronym definitions and new candidate terms of articles.",
            discussion: """
            For each file: the glossary terms found (with the spellings used), acronyms the text \
            defines ("Countering America's Adversaries Through Sanctions Act (CAATSA)") and whether \
            the glossary knows them, and candidate terms not in the glossary yet: designations \
            (Su-57, HQ-9B) and capitalized phrases used at least twice.
            """
        )

        @Argument(help: ArgumentHelp("Article files; - reads standard input.", valueName: "file"))
        var files: [String]

        @Option(name: .long, help: "Output format: text or json.")
        var format: OutputFormat = .text

        @OptionGroup var glossary: GlossaryOptions
        @OptionGroup var input: InputOptions

        func validate() throws {
            if files.isEmpty { throw ValidationError("give at least one article file") }
        }

        func run() throws {
            let pipeline = try input.pipeline { $0.glossaryFile = glossary.glossary }
            let loaded = try loadGlossary(pipeline)
            var failed = 0
            var reports: [JSONValue] = []
            for file in files {
                do {
                    let decoded = try pipeline.page(input: file).decoded
            if let note = decoded.note { Diagnostics.warn("\(file): \(note)") }
                    let prepared = try pipeline.prepare(text: decoded.text, source: file)
                    let report = TermReport(text: prepared.text, glossary: loaded)
                    switch format {
                    case .text: Output.write((files.count > 1 ? "== \(file)\n" : "") + report.text())
                    case .json: reports.append(report.json(file: file))
                    }
                } catch {
                    Diagnostics.warn(error.description)
                    failed += 1
                }
            }
            // As every command: 1 when nothing could be read, 3 when some inputs failed.
            if failed == files.count { throw ExitCode(1) }
            if format == .json { Output.write(JSONValue.array(reports).serialized(pretty: true) + "\n") }
            if failed > 0 { throw ExitCode(3) }
        }
    }

    /// `brief glossary export`: the glossary, or the part some articles use, for translation tools.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the glossary as TBX v3 (TBX-Basic), TBX v2, DeepL TSV/CSV, JSON or Markdown.",
            discussion: """
            tbx is TBX v3 in the TBX-Basic dialect (validates against TBXcoreStructV03.rng and the \
            TBX-Basic Schematron rules); tbx2 is the older martif form. tsv and csv hold one language \
            pair, source term first, as DeepL glossaries take them: every source spelling with the \
            preferred target term. With --from, only the concepts found in those articles.
            """
        )

        @Option(name: .long, help: "tbx, tbx2, tsv, csv, json or md.")
        var format: GlossaryFormat

        @Option(name: .long, help: ArgumentHelp("Languages, comma-separated; two (source first) for tsv and csv. Default: en,ar.", valueName: "codes"))
        var langs: String = "en,ar"

        @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Only the concepts found in these articles.", valueName: "file"))
        var from: [String] = []

        @Option(name: [.short, .long], help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
        var output: String?

        @OptionGroup var glossary: GlossaryOptions
        @OptionGroup var input: InputOptions

        var languages: [String] { langs.split(separator: ",").map { $0.filter { $0 != " " }.lowercased() } }

        func validate() throws {
            let known = Set(Glossary.languages)
            for language in languages where !known.contains(language) {
                throw ValidationError("--langs: unknown language '\(language)' (known: \(Glossary.languages.joined(separator: ", ")))")
            }
            if languages.isEmpty { throw ValidationError("--langs needs at least one language code") }
            if [.tsv, .csv].contains(format), languages.count != 2 {
                throw ValidationError("--format \(format.rawValue) holds one language pair: give --langs with two codes, source first (e.g. en,ar)")
            }
            if Set(languages).count != languages.count { throw ValidationError("--langs lists a language twice") }
        }

        func run() throws {
            let pipeline = try input.pipeline { $0.glossaryFile = glossary.glossary }
            let loaded = try loadGlossary(pipeline)
            var terms = loaded.glossary
            if !from.isEmpty {
                var found: [String] = []
                var seen = Set<String>()
                for file in from {
                    do {
                        let decoded = try pipeline.page(input: file).decoded
            if let note = decoded.note { Diagnostics.warn("\(file): \(note)") }
                        let prepared = try pipeline.prepare(text: decoded.text, source: file)
                        for hit in loaded.hits(in: prepared.text) where seen.insert(hit.concept.id).inserted {
                            found.append(hit.concept.id)
                        }
                    } catch {
                        Diagnostics.fail(error.description)
                    }
                }
                terms = Glossary(concepts: found.compactMap { terms[$0] })
            }
            let text: String
            do {
                text = try GlossaryExporter(glossary: terms, languages: languages).render(format)
            } catch {
                Diagnostics.fail(error.description)
            }
            if let output {
                do { try AtomicFile.write(text, to: output) } catch { Diagnostics.fail(error.description) }
            } else {
                Output.write(text)
            }
        }
    }

    /// `brief glossary acronyms`: acronym definitions, for one file or JSON Lines records.
    struct Acronyms: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find acronym definitions (Schwartz–Hearst, tightened) in text.",
            discussion: """
            Finds definitions in both orders: "Countering America's Adversaries Through Sanctions \
            Act (CAATSA)" and "CAATSA (Countering …)". With --jsonl, each input line is \
            {"id", "text"} and each output line {"id", "pairs": [[short, long], …]}.
            """
        )

        @OptionGroup var source: SourceOptions

        @Option(name: .long, help: "With a file: text or json.")
        var format: OutputFormat = .text

        @OptionGroup var input: InputOptions

        func run() throws {
            let finder = AcronymFinder()
            let pipeline = try input.pipeline()
            if let jsonl = source.jsonl {
                try JSONLinesRun.run(jsonl, maxLineBytes: input.maxSize.bytes) { record throws(ArticleError) in
                    // Acronyms are read in the text as given: repair could move a bracket's space.
                    let pairs = finder.definitions(in: record.text)
                    return JSONValue.object([("id", JSONValue(record.id)),
                                             ("pairs", .array(pairs.map { .array([.string($0.short), .string($0.long)]) }))])
                }
                return
            }
            guard let file = source.file else { return }
            do {
                let decoded = try pipeline.page(input: file).decoded
            if let note = decoded.note { Diagnostics.warn("\(file): \(note)") }
                let pairs = finder.definitions(in: decoded.text)
                switch format {
                case .text: Output.write(pairs.isEmpty ? "no acronym definitions\n" : pairs.map { "\($0.short)\t\($0.long)\n" }.joined())
                case .json: Output.write(JSONValue.array(pairs.map { .array([.string($0.short), .string($0.long)]) }).serialized(pretty: false) + "\n")
                }
            } catch {
                Diagnostics.fail(error.description)
            }
        }
    }

    /// `brief glossary validate`: every problem in a glossary file, one per line.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a glossary file (TBX, TSV, CSV or brief's .txt format) and list its problems.",
            discussion: "Exit code 0 when the file is usable, 1 when it has problems (each printed as file:line: problem)."
        )

        @Argument(help: ArgumentHelp("The glossary file.", valueName: "file"))
        var file: String

        @Option(name: .long, help: ArgumentHelp("For a TSV/CSV without a header or language columns: the pair, source first (e.g. en,ar).", valueName: "codes"))
        var langs: String?

        func run() throws {
            var pair: (String, String)?
            if let langs {
                let parts = langs.split(separator: ",").map { String($0).lowercased() }
                guard parts.count == 2 else { Diagnostics.fail("--langs: give two codes, source first (e.g. en,ar)") }
                pair = (parts[0], parts[1])
            }
            do {
                let (glossary, problems) = try GlossaryReader.check(path: file, languages: pair)
                for problem in problems { Diagnostics.warn(problem.description) }
                let languages = Set(glossary.concepts.flatMap { $0.terms.keys }).sorted()
                let terms = glossary.concepts.reduce(0) { $0 + $1.terms.values.reduce(0) { $0 + $1.count } }
                Output.write("\(file): \(glossary.count) concepts, \(terms) terms, languages \(languages.joined(separator: ", ")); \(problems.count) problem\(problems.count == 1 ? "" : "s")\n")
                if !problems.isEmpty { throw ExitCode(1) }
            } catch let error as GlossaryError {
                Diagnostics.fail(error.description)
            }
        }
    }
}

/// Loads the glossary of a pipeline, or stops with the problem.
func loadGlossary(_ pipeline: ArticlePipeline) throws -> LoadedGlossary {
    do {
        return try pipeline.glossary()
    } catch {
        Diagnostics.fail(error.description)
    }
}

extension GlossaryFormat: ExpressibleByArgument {}

/// What `brief glossary extract` says about one article.
struct TermReport {
    let hits: [GlossaryHit]
    let acronyms: [(definition: AcronymDefinition, known: String?)]
    let candidates: [(term: String, count: Int)]

    init(text: String, glossary: LoadedGlossary) {
        let matches = glossary.matcher.matches(in: text)
        hits = glossary.hits(in: text)
        acronyms = AcronymFinder().definitions(in: text).map { definition in
            let known = glossary.matcher.matches(in: definition.short).first.map { glossary.concept($0.concept).id }
            return (definition, known)
        }
        candidates = CandidateFinder().candidates(in: text, excluding: matches)
    }

    func text() -> String {
        var out = "Glossary terms (\(hits.count)):\n"
        for hit in hits {
            let english = hit.concept.preferred("en") ?? hit.surfaces[0]
            let arabic = hit.concept.preferred("ar").map { " = \($0)" } ?? ""
            out += "  \(english)\(arabic) [\(hit.concept.id)] ×\(hit.count): \(hit.surfaces.joined(separator: ", "))\n"
        }
        out += "Acronym definitions (\(acronyms.count)):\n"
        for (definition, known) in acronyms {
            out += "  \(definition.short) = \(definition.long)\(known.map { " (in the glossary: \($0))" } ?? " (new)")\n"
        }
        out += "Candidate terms not in the glossary (\(candidates.count)):\n"
        for (term, count) in candidates { out += "  \(term) ×\(count)\n" }
        return out
    }

    func json(file: String) -> JSONValue {
        .object([
            ("file", .string(file)),
            ("terms", .array(hits.map { hit in
                .object([("id", .string(hit.concept.id)), ("category", .string(hit.concept.category)),
                         ("en", .optional(hit.concept.preferred("en"))), ("ar", .optional(hit.concept.preferred("ar"))),
                         ("count", .int(hit.count)), ("in_text", .array(hit.surfaces.map { .string($0) }))])
            })),
            ("acronyms", .array(acronyms.map { item in
                .object([("short", .string(item.definition.short)), ("long", .string(item.definition.long)),
                         ("glossary_id", .optional(item.known))])
            })),
            ("candidates", .array(candidates.map { .object([("term", .string($0.term)), ("count", .int($0.count))]) })),
        ])
    }
}
