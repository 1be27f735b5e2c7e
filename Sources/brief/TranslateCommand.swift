import ArgumentParser
import BriefGlossary
import BriefInput
import BriefNames
import BriefOutput
import BriefPipeline
import BriefResources
import BriefTranslate

/// `brief translate`: an article or JSON Lines records translated, glossary terms held to their
/// approved equivalents.
struct TranslateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate",
        abstract: "Translate an article, with the glossary's approved terms kept.",
        discussion: """
        Engines: apertium, run locally (Debian: apertium and a pair such as apertium-eng-spa), \
        the default; apy, Apertium's HTTP server (Debian: apertium-apy); libretranslate, a \
        LibreTranslate server (the way to Arabic). Choose with --engine and --server, the \
        BRIEF_ENGINE and BRIEF_SERVER variables, or a config file (see --config). Each paragraph \
        is a segment; a whole document (or a batch of 64 records) goes to the engine at once. \
        Glossary terms with an equivalent in the target language come out as that equivalent; \
        names and designations (S-400, Raytheon) are never translated.

        Examples:
          brief translate article.txt --to es
          brief translate --jsonl paragraphs.jsonl --to es > translated.jsonl
          brief translate article.txt --to ar --engine libretranslate --server http://10.0.0.5:5000
          brief translate --list
        """
    )

    @Argument(help: ArgumentHelp("The article file; - reads standard input.", valueName: "file"))
    var file: String?

    @Option(name: .long, help: ArgumentHelp("Read {\"id\",\"text\"} JSON Lines from this file (- for standard input); write {\"id\",\"translation\"}.", valueName: "file"))
    var jsonl: String?

    @Option(name: .long, help: ArgumentHelp("Target language code (es, ca, gl …).", valueName: "code"))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("Source language code; detected when not given.", valueName: "code"))
    var from: String?

    @Flag(name: .long, help: "List the language pairs each engine serves now (the local Apertium, and the apy and libretranslate servers configured or at their usual local address).")
    var list = false

    @OptionGroup var engineOptions: EngineOptions
    @OptionGroup var glossary: GlossaryOptions
    @OptionGroup var input: InputOptions

    func validate() throws {
        if list { return }
        guard let to else { throw ValidationError("--to expects a language code such as es (see brief translate --list)") }
        try LanguageOption.checkShape(to, option: "--to")
        try LanguageOption.checkShape(from, option: "--from")
        if (file == nil) == (jsonl == nil) { throw ValidationError("give exactly one input: an article file (or - for standard input), or --jsonl FILE") }
    }

    func run() throws {
        let settings = try engineOptions.settings()
        if list {
            listPairs(settings)
            return
        }
        let engine: any Translator
        do { engine = try settings.translator() } catch { Diagnostics.fail(error.description) }
        let pipeline = try input.pipeline { $0.glossaryFile = glossary.glossary }
        let target = try LanguageOption.known(to!, option: "--to", data: pipeline.data!)
        let from = try self.from.map { try LanguageOption.known($0, option: "--from", data: pipeline.data!) }
        let loaded: LoadedGlossary? = glossary.noGlossary ? nil : try loadGlossary(pipeline)
        var names = Set<String>()
        if !glossary.noGlossary, let data = pipeline.data {
            do { names = try PersonNames.latinWords(from: data) } catch { Diagnostics.fail(error.description) }
        }
        var served: [LanguagePair]?
        let cache = engineOptions.openCache()
        var versions: [LanguagePair: String] = [:]
        // One target for the whole run: its number words are read once, not per batch.
        var numbers: NumberWords?
        if let data = pipeline.data {
            do { numbers = try NumberWords.load(target: target, from: data) } catch { Diagnostics.fail(error.description) }
        }
        /// `places`: where each paragraph comes from, for warnings ("file", "file: line 3 (id 7)").
        func translate(_ paragraphs: [String], from language: String, places: [String]) throws(ArticleError) -> String {
            let pair = LanguagePair(language, target)
            let enforcer = loaded.map { GlossaryEnforcer(glossary: $0, pair: pair, knownNames: names, numbers: numbers) }
            let html = paragraphs.map { enforcer?.protect($0).html ?? GlossaryEnforcer.escape($0) }
            // The engine's answer as text; amounts with scale words checked against the source
            // (protected amounts pass; without the glossary, the engine's own rendering is checked).
            func finish(_ translated: [String]) -> String {
                let restored = zip(translated, paragraphs).map { GlossaryEnforcer.restore($0, source: $1) }
                for (index, (source, translation)) in zip(paragraphs, restored).enumerated() {
                    for problem in numbers?.check(source: source, translation: translation) ?? [] {
                        let place = index < places.count ? places[index] : "-"
                        Diagnostics.warn("\(place): number check (\(pair)): \(problem.description)")
                    }
                }
                return restored.joined(separator: "\n\n")
            }
            var translator: any Translator = engine
            if let cache {
                if versions[pair] == nil { versions[pair] = CachedTranslator.glossaryVersion(loaded, pair: pair) }
                let cached = CachedTranslator(base: engine, cache: cache, engineKey: settings.cacheKey, glossaryVersion: versions[pair]!)
                // Everything cached: the engine is not even asked which pairs it serves.
                if let all = cached.cached(html: html, pair: pair) { return finish(all) }
                translator = cached
            }
            if served == nil {
                do { served = try engine.pairs() } catch { throw ArticleError(source: "", problem: error.description, unavailable: true) }
            }
            guard served!.contains(pair) else {
                let installed = served!.map(\.description).joined(separator: ", ")
                let advice = engine.name == "libretranslate" ? "the server has no model for it"
                    : pair.source == "ar" || pair.target == "ar" ? "Arabic needs a LibreTranslate server (--engine libretranslate --server URL)"
                    : "install the Apertium pair for it (Debian: apertium-*)"
                throw ArticleError(source: "", problem: "\(engine.name) serves no \(pair) pair here (it serves: \(installed.isEmpty ? "none" : installed)); \(advice)")
            }
            do {
                return finish(try translator.translate(html: html, pair: pair))
            } catch {
                throw ArticleError(source: "", problem: error.description, unavailable: error.unavailable)
            }
        }
        if let jsonl {
            // Records go to the engine in batches (one process per batch, never per sentence):
            // starting Apertium costs more than translating a paragraph.
            var batch: [(id: RecordID, line: Int, paragraphs: [String], language: String, error: String?)] = []
            let renderer = JSONRenderer(pretty: false)
            var failures = 0
            // An engine found down is not asked again in this run (each ask may cost a timeout).
            var engineDown: String?
            func flush() {
                guard !batch.isEmpty else { return }
                // Translated per language, written in input order.
                var results = [String?](repeating: nil, count: batch.count)
                for language in Set(batch.filter { $0.error == nil }.map(\.language)).sorted() {
                    let members = batch.indices.filter { batch[$0].error == nil && batch[$0].language == language }
                    let segments = members.flatMap { batch[$0].paragraphs }
                    if let engineDown {
                        for index in members { batch[index].error = engineDown }
                        continue
                    }
                    do {
                        let places = members.flatMap { index in
                            Array(repeating: "\(jsonl): line \(batch[index].line) (id \(batch[index].id))", count: batch[index].paragraphs.count)
                        }
                        var pieces = try translate(segments, from: language, places: places).components(separatedByBlankLines: segments.count)
                        for index in members {
                            let count = batch[index].paragraphs.count
                            results[index] = pieces.prefix(count).joined(separator: "\n\n")
                            pieces.removeFirst(min(count, pieces.count))
                        }
                    } catch {
                        // An engine that is down fails every record alike; otherwise one record
                        // may be what the engine choked on: each is tried alone, so the others go on.
                        if error.unavailable { engineDown = error.problem }
                        if error.unavailable || members.count == 1 {
                            for index in members { batch[index].error = error.problem }
                        } else {
                            for index in members {
                                let place = "\(jsonl): line \(batch[index].line) (id \(batch[index].id))"
                                do {
                                    results[index] = try translate(batch[index].paragraphs, from: language,
                                                                   places: Array(repeating: place, count: batch[index].paragraphs.count))
                                } catch {
                                    batch[index].error = error.problem
                                }
                            }
                        }
                    }
                }
                for (index, entry) in batch.enumerated() {
                    if let translation = results[index], entry.error == nil {
                        Output.write(JSONValue.object([("id", JSONValue(entry.id)), ("translation", .string(translation))]).serialized() + "\n")
                    } else {
                        failures += 1
                        var problem = entry.error ?? "no translation"
                        if problem.hasPrefix("line \(entry.line): ") { problem.removeFirst("line \(entry.line): ".count) }
                        Diagnostics.warn("\(jsonl): line \(entry.line) (id \(entry.id)): \(problem)")
                        Output.write(renderer.renderError(id: entry.id, "line \(entry.line): \(problem)") + "\n")
                    }
                }
                batch.removeAll()
            }
            let reader: JSONLinesReader
            do { reader = try JSONLinesReader(path: jsonl, maxLineBytes: input.maxSize.bytes) } catch { Diagnostics.fail(error.description) }
            while let (number, line) = try nextLine(reader) {
                let bytes = (try? line.get()) ?? []
                do {
                    let record = try JSONLines.record(from: try line.get(), line: number)
                    let prepared = try pipeline.prepare(text: record.text, source: record.id.description, language: from ?? record.language)
                    batch.append((record.id, number, Self.paragraphs(prepared.text), prepared.language, nil))
                } catch let error as RecordError {
                    batch.append((JSONLines.id(of: bytes), number, [], "", error.description))
                } catch let error as ArticleError {
                    batch.append((JSONLines.id(of: bytes), number, [], "", error.problem))
                }
                if batch.count >= 64 { flush() }
            }
            flush()
            if let cache {
                let asked = cache.hits + cache.misses
                Diagnostics.warn("translation cache \(cache.path): \(cache.hits) of \(asked) segment lookups found" + (cache.writeProblem.map { "; not written: \($0)" } ?? ""))
            }
            if failures > 0 {
                Diagnostics.warn("\(jsonl): \(failures) of \(reader.lineNumber) lines failed")
                throw ExitCode(3)
            }
            return
        }
        guard let file else { return }
        do {
            let decoded = try pipeline.page(input: file).decoded
            if let note = decoded.note { Diagnostics.warn("\(file): \(note)") }
            let prepared = try pipeline.prepare(text: decoded.text, source: file, language: from)
            if from == nil, pipeline.options.language == nil, !pipeline.languageIsClear(in: decoded.text) {
                Diagnostics.warn("\(file): too few words to tell the language; taken as \(prepared.language) (give --from to say)")
            }
            let paragraphs = Self.paragraphs(prepared.text)
            Output.write(try translate(paragraphs, from: prepared.language, places: Array(repeating: file, count: paragraphs.count)) + "\n")
        } catch {
            Diagnostics.fail("\(file): \(error.problem)")
        }
    }

    /// Each engine's pairs, one "engine<TAB>source<TAB>target" line each; engines that cannot be
    /// reached are named on standard error.
    func listPairs(_ settings: EngineSettings) {
        var engines: [(String, EngineSettings)] = []
        for kind in EngineSettings.Engine.allCases {
            var alternative = settings
            alternative.engine = kind
            // A server given for one engine is not the other's.
            if settings.engine != kind { alternative.server = nil }
            alternative.timeout = kind == .apertium ? 20 : min(settings.timeout, 5)
            engines.append((kind.rawValue, alternative))
        }
        var found = 0
        for (name, alternative) in engines {
            do {
                let engine = try alternative.translator()
                let pairs = try engine.pairs()
                if pairs.isEmpty { Diagnostics.warn("\(name): no language pairs installed") }
                Output.write(pairs.map { "\(name)\t\($0.source)\t\($0.target)\n" }.joined())
                found += pairs.count
            } catch {
                Diagnostics.warn("\(error.description)")
            }
        }
        if found == 0 { Diagnostics.fail("no engine serves any pair here") }
    }

    /// Paragraphs: blocks between blank lines, or lines when the text has no blank lines.
    static func paragraphs(_ text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        var blocks: [String] = []
        var current: [String] = []
        for line in lines {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { blocks.append(current.joined(separator: " ")); current = [] }
            } else {
                current.append(line.trimmedString())
            }
        }
        if !current.isEmpty { blocks.append(current.joined(separator: " ")) }
        return blocks
    }
}

extension String {
    /// The text cut at blank lines into `count` pieces (as the engine answered them).
    fileprivate func components(separatedByBlankLines count: Int) -> [String] {
        var pieces = split(separator: "\n\n", omittingEmptySubsequences: false).map(String.init)
        while pieces.count < count { pieces.append("") }
        return pieces
    }
}
