import BriefDocument
import BriefGlossary
import BriefInput
import BriefNames
import BriefPage
import BriefRepair
import BriefResources
import BriefSummary
import BriefText
import BriefTranslate

/// Runs the stages in order for one article at a time:
/// bytes → text → repaired text → `Document` → `Summary`.
///
/// Holds ICU handles and loaded models, so keep one per thread and reuse it across articles.
public final class ArticlePipeline {
    /// Options that hold for every article of a run.
    public struct Options: Sendable {
        public var budget: Budget = .sentences(3)
        public var method: Method = .default
        /// An ICU converter name that overrides charset detection.
        public var encoding: String?
        /// A language code that overrides detection ("en", "ar" …).
        public var language: String?
        public var maxBytes: Int = 32 << 20
        /// Whether copy damage is repaired before analysis.
        public var repair = true
        /// Whether rankings keep every sentence's feature values (what `--explain` shows); scores
        /// alone cost far less memory on long texts.
        public var keepFeatures = true
        /// Whether the glossary terms of the article are looked up (the brief's glossary section).
        public var glossary = true
        /// A user's glossary file (TBX, TSV, CSV or brief's format), used before the built-in one.
        public var glossaryFile: String?
        /// Whether the built-in glossary's compact form is kept in the cache folder (see
        /// `LoadedGlossary.defaultCacheFolder`) instead of being parsed at every start.
        public var glossaryCache = true
        /// Whether the chosen sentences are translated into `secondLanguage` (the bilingual brief).
        public var translate = false
        /// The engine for the bilingual brief.
        public var translator: (any Translator)?
        /// Translations already made, and the engine as the cache knows it ("apertium", "apy URL").
        public var translationCache: TranslationCache?
        public var engineKey = "apertium"
        /// The brief's second language; nil: Arabic, or English for an Arabic article.
        public var secondLanguage: String?
        /// What inputs are (`--input`); nil: detected from the bytes (markup sniffing).
        public var inputKind: Page.Kind?
        /// Seconds a URL may take to answer.
        public var fetchTimeout: Double = 20

        public init() {}
    }

    /// The summarization methods users choose with `--method`.
    public enum Method: String, Sendable, CaseIterable {
        /// The tuned combination of features with redundancy control.
        case `default`
        /// The first sentences.
        case lead
        /// Graph centrality over sentence similarity.
        case centrality
    }

    /// Text ready for analysis: decoded, repaired, with its language.
    public struct PreparedText: Sendable {
        public var text: String
        public var language: String
        /// What repair changed; nil when repair was off.
        public var repair: RepairResult?
    }

    public let options: Options
    /// Where models and lexicons are read from; nil runs on ICU's rules alone, without repair.
    public let data: DataDirectory?
    private let analyzer: Analyzer
    private var guesser: LanguageGuesser?
    private var knownLanguages: KnownLanguages?
    private var repairers: [String: Repairer] = [:]
    private var rankers: [String: any Ranker] = [:]
    private var loadedGlossary: LoadedGlossary?
    private var resolver: BylineResolver?
    private var loadedPageReader: PageReader?

    /// `data` supplies abbreviation lists and models; nil runs on ICU's rules alone, without repair.
    public init(data: DataDirectory?, options: Options = Options()) {
        self.options = options
        self.data = data
        self.analyzer = Analyzer(data: data)
    }

    /// The bytes of a file, or of standard input for "-".
    public func read(path: String) throws(ArticleError) -> [UInt8] {
        do {
            return try InputReader(maxBytes: options.maxBytes).read(path)
        } catch {
            let text = error.description
            let prefix = error.path + ": "
            throw ArticleError(source: error.path, problem: text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text)
        }
    }

    /// Bytes decoded to text, with the encoding they were in.
    public func decode(bytes: [UInt8], source: String) throws(ArticleError) -> DecodedText {
        do {
            return try TextDecoder(maxBytes: options.maxBytes).decode(bytes, encoding: options.encoding)
        } catch {
            throw ArticleError(source: source, problem: error.description)
        }
    }

    /// The article of a page: a saved or fetched HTML page (gzip-compressed or not), or text
    /// (copied from a page, or an article alone), with its metadata. `url` is the page's address
    /// when known, `charset` the one its HTTP answer declared, `language` the one a record gives
    /// (it picks the stop words that copied text is cleaned with; else the options' or a guess).
    public func page(bytes: [UInt8], source: String, url: String? = nil, charset: String? = nil,
                     kind given: Page.Kind? = nil, language: String? = nil) throws(ArticleError) -> (page: Page, decoded: DecodedText) {
        var bytes = bytes
        if Gzip.isCompressed(bytes) {
            do { bytes = try Gzip.inflate(bytes, maxBytes: options.maxBytes) } catch { throw ArticleError(source: source, problem: error.description) }
        }
        let kind = given ?? options.inputKind ?? (PageCharset.looksLikeHTML(bytes) ? .html : .text)
        switch kind {
        case .html:
            do {
                let reader = try pageReader()
                let (page, encoding) = try reader.read(html: bytes, url: url, charset: charset)
                return (page, DecodedText(text: page.text, encoding: encoding, hadByteOrderMark: false))
            } catch let error as ArticleError {
                throw error
            } catch {
                throw ArticleError(source: source, problem: String(describing: error))
            }
        case .text:
            var decoded = try decode(bytes: bytes, source: source)
            var page: Page
            do {
                let cleaningLanguage: String?
                do { cleaningLanguage = try checkedLanguage(language) ?? options.language } catch { throw ArticleError(source: source, problem: error.problem) }
                page = try pageReader().read(text: decoded.text, language: cleaningLanguage)
            } catch let error as ArticleError {
                throw error
            } catch {
                throw ArticleError(source: source, problem: "cannot read the page data: \(error)")
            }
            page.url = url
            if page.paragraphs.isEmpty {
                // A line or two the cleaner cannot call a body, or a text far larger than a
                // page, is taken whole (shared, not copied).
                page.paragraphs = [decoded.text]
                page.head = []
            } else if page.clutterLines > 0 {
                // The head stays before the body for the stages that read it (byline, dateline).
                decoded.text = (page.head + page.paragraphs).joined(separator: "\n\n")
            }
            // Else an article alone goes on as written: nothing a user gave is dropped unless it
            // is page clutter, and the head finder reads its title and head lines as before.
            return (page, decoded)
        }
    }

    /// The HTML page reader, loaded on first use (text input never loads it).
    public func pageReader() throws(ArticleError) -> PageReader {
        if let loadedPageReader { return loadedPageReader }
        guard let data else { throw ArticleError(source: "-", problem: "reading HTML pages needs brief's data folder (Models/page)") }
        do {
            let loaded = try PageReader.load(from: data, maxBytes: options.maxBytes)
            loadedPageReader = loaded
            return loaded
        } catch {
            throw ArticleError(source: "data", problem: "cannot load the page extraction data: \(error)")
        }
    }

    /// Checks, language-tags and (unless turned off) repairs decoded text.
    public func prepare(text: String, source: String, language: String? = nil) throws(ArticleError) -> PreparedText {
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw ArticleError(source: source, problem: TextError.empty.description)
        }
        guard text.utf8.count <= options.maxBytes else {
            throw ArticleError(source: source, problem: TextError.tooLarge(bytes: text.utf8.count, limit: options.maxBytes).description)
        }
        let given: String?
        do { given = try checkedLanguage(language ?? options.language) } catch { throw ArticleError(source: source, problem: error.problem) }
        do {
            let language = try given ?? languageGuesser().guess(text)
            guard options.repair else { return PreparedText(text: text, language: language, repair: nil) }
            let result = try repairer(for: language).repair(text)
            return PreparedText(text: result.text, language: language, repair: result)
        } catch let error as ArticleError {
            throw error
        } catch {
            throw ArticleError(source: source, problem: String(describing: error))
        }
    }

    /// Reads, decodes and briefs a file, a URL, or standard input for "-".
    public func brief(path: String) throws(ArticleError) -> ArticleBrief {
        let (page, decoded) = try page(input: path)
        return try brief(page: page, decoded: decoded, source: path)
    }

    /// The page of an input: a file, standard input ("-"), or an http(s) URL, fetched.
    public func page(input: String) throws(ArticleError) -> (page: Page, decoded: DecodedText) {
        guard URLFetcher.isURL(input) else { return try page(bytes: read(path: input), source: input) }
        let fetched: FetchedPage
        do {
            fetched = try URLFetcher(timeout: options.fetchTimeout, maxBytes: options.maxBytes).fetch(input)
        } catch {
            throw ArticleError(source: input, problem: Self.problem(error.description, droppingPrefix: input))
        }
        let isHTML = fetched.contentType.map { $0.lowercased().contains("html") } ?? false
        return try page(bytes: fetched.bytes, source: input, url: fetched.url, charset: fetched.charset,
                        kind: options.inputKind ?? (isHTML ? .html : nil))
    }

    private static func problem(_ text: String, droppingPrefix prefix: String) -> String {
        text.hasPrefix(prefix + ": ") ? String(text.dropFirst(prefix.count + 2)) : text
    }

    /// Decodes and briefs raw bytes.
    public func brief(bytes: [UInt8], source: String, url: String? = nil) throws(ArticleError) -> ArticleBrief {
        let (page, decoded) = try page(bytes: bytes, source: source, url: url)
        return try brief(page: page, decoded: decoded, source: source)
    }

    /// Briefs the article of a page read by `page(bytes:source:)`.
    public func brief(page: Page, decoded: DecodedText, source: String, title: String? = nil,
                      language: String? = nil) throws(ArticleError) -> ArticleBrief {
        var brief = try brief(text: decoded.text, source: source, title: title ?? page.title, language: language,
                              encoding: decoded.encoding, page: page)
        brief.decodingNote = decoded.note
        return brief
    }

    /// Briefs text that is already decoded, e.g. a JSON Lines record; `page` is what the page it
    /// came from said about the article (outlet, author, date), used where the text's head is silent.
    public func brief(text: String, source: String, title: String? = nil, language: String? = nil,
                      encoding: String? = nil, page: Page? = nil) throws(ArticleError) -> ArticleBrief {
        let (document, prepared) = try analyze(text: text, source: source, title: title, language: language)
        let ranker: any Ranker
        do {
            ranker = try self.ranker(for: document.language)
        } catch {
            throw ArticleError(source: source, problem: String(describing: error))
        }
        let summary = Summarizer(ranker: ranker).summarize(document, budget: options.budget)
        var brief = ArticleBrief(source: source, encoding: encoding, document: document, summary: summary, repair: prepared.repair)
        brief.secondLanguage = options.secondLanguage ?? (document.language == "ar" ? "en" : "ar")
        if let byline = try byline(of: document, page: page) { brief.byline = byline }
        if options.translate { brief.translation = try translation(of: brief) }
        if options.glossary {
            brief.glossary = try glossary().hits(in: document.text)
        }
        return brief
    }

    /// The chosen sentences (and the title) in the second language, glossary terms held to their
    /// equivalents; where no engine serves the pair, the reason instead.
    func translation(of brief: ArticleBrief) throws(ArticleError) -> BriefTranslation {
        let pair = LanguagePair(brief.document.language, brief.secondLanguage)
        var result = BriefTranslation(language: pair.target, engine: options.translator?.name ?? "none")
        guard pair.source != pair.target else {
            result.unavailable = "the article is already in \(pair.target)"
            return result
        }
        guard let translator = options.translator else {
            result.unavailable = "no translation engine configured"
            return result
        }
        let served: [LanguagePair]
        do { served = try translator.pairs() } catch { throw ArticleError(source: brief.source, problem: error.description) }
        guard served.contains(pair) else {
            let installed = served.map(\.description).joined(separator: ", ")
            result.unavailable = "\(translator.name) serves no \(pair) pair here (installed: \(installed.isEmpty ? "none" : installed)); "
                + (pair.target == "ar" || pair.source == "ar"
                    ? "Arabic needs a LibreTranslate server (--engine libretranslate --server URL)"
                    : "install the Apertium pair for it (Debian: apertium-*)")
            return result
        }
        var texts = brief.summary.sentences.map(\.text)
        if let title = brief.byline.title { texts.append(title) }
        let names = (try? data.map { try PersonNames.latinWords(from: $0) }) ?? []
        let numbers: NumberWords?
        do { numbers = try data.flatMap { try NumberWords.load(target: pair.target, from: $0) } } catch {
            throw ArticleError(source: brief.source, problem: String(describing: error))
        }
        let enforcer = try GlossaryEnforcer(glossary: glossary(), pair: pair, knownNames: names, numbers: numbers)
        let protected = texts.map { enforcer.protect($0) }
        var engine: any Translator = translator
        if let cache = options.translationCache {
            engine = CachedTranslator(base: translator, cache: cache, engineKey: options.engineKey,
                                      glossaryVersion: CachedTranslator.glossaryVersion(try glossary(), pair: pair))
        }
        do {
            let translated = try engine.translate(html: protected.map(\.html), pair: pair)
            var restored = zip(translated, texts).map { GlossaryEnforcer.restore($0, source: $1) }
            if brief.byline.title != nil { result.title = restored.removeLast() }
            result.sentences = restored
            result.terms = protected.flatMap(\.terms)
        } catch {
            throw ArticleError(source: brief.source, problem: error.description)
        }
        return result
    }

    /// The article's source from its head, completed by what its page said (outlet, author,
    /// date) where the head is silent; nil when neither says anything.
    public func byline(of document: Document, page: Page?) throws(ArticleError) -> Byline? {
        var fields = document.header.fields
        if let page {
            fields.outlet = fields.outlet ?? page.outlet
            fields.byline = fields.byline ?? page.author
            fields.date = fields.date ?? page.date
            fields.place = fields.place ?? page.place
            fields.title = fields.title ?? page.title
        }
        // The lines around the article that may name its source: the page's head lines (text
        // copied from a page), then the first lines of the text; and the lead's start.
        // Credit lines close the text ("هذا الخبر منقول من : صدى البلد", "(Avec AFP)").
        let lines = (page?.head ?? []) + (page?.linesAboveBody ?? []) + document.text.prefix(2000).split(separator: "\n").prefix(6).map(String.init)
            + document.text.suffix(1000).split(separator: "\n").suffix(3).map(String.init) + (page?.linesBelowBody ?? [])
        // The page's own paragraphs too: repair splits what a lost line break glued ("Iran
        // PressMiddle East:"), and the glue is what shows an outlet opening the lead.
        let leads = document.paragraphs.prefix(3).map { String(document[$0.range].prefix(300)) }
            + (page?.paragraphs.prefix(3).map { String($0.prefix(300)) } ?? [])
        let body = document.paragraphs.map { String(document[$0.range].prefix(1500)) }
        let byline = try bylineResolver().resolve(fields, lines: lines, leads: leads, body: body, promotions: page?.promotions ?? [])
        return byline.isEmpty ? nil : byline
    }

    /// The page with its source read as `brief byline` reads it: for text, the head of the
    /// article (outlet, author, dateline place) where the page said nothing; for any page, its
    /// outlet resolved through the registry (the outlet as the page writes it, and a known
    /// outlet's own Latin and Arabic names beside it).
    public func sourced(_ page: Page, decoded: DecodedText, source: String) throws(ArticleError) -> Page {
        var page = page
        if page.kind == .text, !decoded.text.isEmpty {
            let (document, _) = try analyze(text: decoded.text, source: source, title: page.title)
            if let byline = try byline(of: document, page: page) {
                page.outlet = byline.outletName ?? byline.outlet?.latin ?? page.outlet
                page.outletLatin = byline.outlet?.latin
                page.outletArabic = byline.outlet?.arabic
                page.author = page.author ?? byline.author
                page.place = page.place ?? byline.place
            }
            // A dateline or an outlet that opens the lead is the head, not the article.
            let resolver = try bylineResolver()
            for index in page.paragraphs.indices.prefix(3) {
                guard let end = resolver.headEnd(inLead: page.paragraphs[index]) else { continue }
                let utf8 = page.paragraphs[index].utf8
                let head = page.paragraphs[index][..<utf8.index(utf8.startIndex, offsetBy: end)]
                page.head.append(String(head.reversed().drop { $0 == " " }.reversed()))
                page.paragraphs[index] = String(page.paragraphs[index][utf8.index(utf8.startIndex, offsetBy: end)...])
                break
            }
        } else if let name = page.outlet, let outlet = try bylineResolver().registry.outlet(named: name) {
            page.outletLatin = outlet.latin
            page.outletArabic = outlet.arabic
        }
        return page
    }

    /// The outlet registry's resolver, loaded on first use (only articles with a head need it).
    public func bylineResolver() throws(ArticleError) -> BylineResolver {
        if let resolver { return resolver }
        var registry = OutletRegistry(outlets: [])
        if let data, data.exists(OutletRegistry.path) {
            do { registry = try OutletRegistry.load(from: data) } catch { throw ArticleError(source: OutletRegistry.path, problem: error.description) }
        }
        var forms: HeadForms?
        if let data, data.exists(HeadForms.path) {
            do {
                let places = data.exists(PlaceGazetteer.path) ? try PlaceGazetteer.load(from: data) : nil
                forms = try HeadForms.load(from: data, registry: registry, places: places)
            } catch {
                throw ArticleError(source: HeadForms.path, problem: error.description)
            }
        }
        let loaded = BylineResolver(registry: registry, forms: forms)
        resolver = loaded
        return loaded
    }

    /// The glossary (a user's file first, then the built-in one), loaded on first use.
    public func glossary() throws(ArticleError) -> LoadedGlossary {
        if let loadedGlossary { return loadedGlossary }
        do {
            let loaded = try LoadedGlossary.load(data: data, userFile: options.glossaryFile,
                                                 cache: options.glossaryCache ? LoadedGlossary.defaultCacheFolder() : nil)
            loadedGlossary = loaded
            return loaded
        } catch {
            throw ArticleError(source: error.file, problem: error.line > 0 ? "line \(error.line): \(error.problem)" : error.problem)
        }
    }

    /// Prepares (repairs) and analyzes text into a `Document`.
    public func analyze(text: String, source: String, title: String? = nil,
                        language: String? = nil) throws(ArticleError) -> (Document, PreparedText) {
        let prepared = try prepare(text: try separatingLeadHead(text), source: source, language: language)
        do {
            return (try analyzer.analyze(prepared.text, language: prepared.language, title: title), prepared)
        } catch let error as TextError {
            throw ArticleError(source: source, problem: error.description)
        } catch {
            throw ArticleError(source: source, problem: String(describing: error))
        }
    }

    /// `text` with a dateline or an outlet that opens one of its first lines ("ERBIL (Kurdistan
    /// 24) – The commission…", "{بغداد:الفرات نيوز} جدد…") put on a line of its own: the head
    /// parser reads it as the head, and no sentence of the brief starts with it.
    func separatingLeadHead(_ text: String) throws(ArticleError) -> String {
        var lines = text.prefix(4000).split(separator: "\n", omittingEmptySubsequences: false)
        var seen = 0
        for index in lines.indices {
            let line = lines[index]
            guard !line.allSatisfy({ $0 == " " }) else { continue }
            seen += 1
            if seen > 3 { break }
            // Only lines with a dateline's punctuation near their start are worth reading.
            guard line.prefix(80).contains(where: { "-–—ـ:/(){}".contains($0) }) else { continue }
            guard let end = try bylineResolver().headEnd(inLead: String(line)) else { continue }
            let utf8 = line.utf8
            let split = utf8.index(utf8.startIndex, offsetBy: end)
            var head = line[..<split]
            while head.last == " " { head = head.dropLast() }
            lines[index] = head + "\n" + line[split...]
            let rest = text.dropFirst(text.prefix(4000).count)
            return lines.joined(separator: "\n") + rest
        }
        return text
    }

    /// The ranker of the chosen method for a language (the default one reads tuned weights).
    public func ranker(for language: String) throws -> any Ranker {
        if let cached = rankers[language] { return cached }
        let ranker: any Ranker
        switch options.method {
        case .lead: ranker = LeadRanker()
        case .centrality: ranker = CentralityRanker()
        case .default:
            ranker = FeatureRanker(weights: try data.map { try SummaryWeights.load(language: language, from: $0) } ?? .positionOnly,
                                   keepFeatures: options.keepFeatures)
        }
        rankers[language] = ranker
        return ranker
    }

    /// Whether `text` shows its language clearly enough (its script, or enough function words)
    /// for brief to say which it is without being told.
    public func languageIsClear(in text: String) -> Bool {
        guard let guesser = try? languageGuesser() else { return true }
        return guesser.guessWithCertainty(text).sure
    }

    /// A language code from outside (option or record) checked before any use, or nil.
    public func checkedLanguage(_ given: String?) throws(ArticleError) -> String? {
        guard let given else { return nil }
        do {
            if knownLanguages == nil, let data { knownLanguages = try KnownLanguages.load(from: data) }
            return try LanguageCode(given, known: knownLanguages).code
        } catch let error as LanguageCodeError {
            throw ArticleError(source: "", problem: error.description)
        } catch {
            throw ArticleError(source: "", problem: String(describing: error))
        }
    }

    private func languageGuesser() throws -> LanguageGuesser {
        if let guesser { return guesser }
        let loaded = try data.map { try LanguageGuesser.load(from: $0) } ?? LanguageGuesser(functionWords: [:])
        guesser = loaded
        return loaded
    }

    /// The repairer for a language, loaded on first use; character repair only without a model.
    private func repairer(for language: String) throws -> Repairer {
        if let cached = repairers[language] { return cached }
        let model = try data.flatMap { try RepairModel.load(language: language, from: $0) }
        let repairer = Repairer(model: model)
        repairers[language] = repairer
        return repairer
    }
}
