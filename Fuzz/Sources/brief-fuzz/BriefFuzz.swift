// libFuzzer entry points for brief's parsers of outside input.
//
// One binary, many targets: BRIEF_FUZZ_TARGET (read once, at initialization) names the parser the
// inputs go to. Models, ICU handles and lexicons are loaded once per process, as brief's commands
// load them once per run. Built with -parse-as-library (libFuzzer supplies main) and
// -enable-testing (so `@testable import` reaches internal parsers). See Fuzz/README.md.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import BriefDocument
@testable import BriefGlossary
@testable import BriefInput
@testable import BriefNames
@testable import BriefPage
@testable import BriefPipeline
@testable import BriefRepair
import BriefResources
@testable import BriefText
@testable import BriefTranslate

/// Inputs longer than this are skipped (every run must stay well under a second).
let maxInputBytes = 64 << 10

/// A fuzz target: a name, what it reaches, and the function that takes the bytes.
struct FuzzTarget {
    let name: String
    let summary: String
    /// Loads what the target needs, once; returns false (with a message) when it cannot.
    let setUp: () -> Bool
    let run: ([UInt8]) -> Void
}

// MARK: - Shared state, made once per process

nonisolated(unsafe) var dataDirectory: DataDirectory?
nonisolated(unsafe) var repairers: [Repairer] = []
nonisolated(unsafe) var analyzer: Analyzer?
nonisolated(unsafe) var headParser: HeadParser?
nonisolated(unsafe) var bylineResolver: BylineResolver?
nonisolated(unsafe) var pipeline: ArticlePipeline?
nonisolated(unsafe) var pageReader: PageReader?
nonisolated(unsafe) var dateReader: DateReader?
nonisolated(unsafe) var selected: FuzzTarget?

func fail(_ message: String) -> Bool {
    fputs("brief-fuzz: \(message)\n", stderr)
    return false
}

/// BRIEF_DATA_DIR, else the folders above the executable (Fuzz/.build/… is inside the repository).
func loadData() -> Bool {
    if dataDirectory != nil { return true }
    do {
        dataDirectory = try DataDirectory.locate()
        return true
    } catch {
        return fail("no data folder (set BRIEF_DATA_DIR to the repository): \(error)")
    }
}

/// The text a parser sees after brief has read bytes as UTF-8 without validation (lossy).
@inline(__always) func lossyText(_ bytes: [UInt8]) -> String {
    String(decoding: bytes, as: UTF8.self)
}

/// What `GlossaryReader.check` does after a format's reader, then what a command does with a
/// user's glossary: index it and look for its terms in a text.
func useGlossary(_ concepts: [Concept], _ problems: [GlossaryError]) {
    let all = problems + GlossaryReader.duplicates(concepts)
    _ = all.map(\.description)
    guard !concepts.isEmpty else { return }
    let loaded = LoadedGlossary(Glossary(concepts: concepts))
    let hits = loaded.hits(in: glossarySample)
    for hit in hits { _ = hit.concept.preferred("en"); _ = hit.surfaces.count }
}

let glossarySample = """
    The S-400 and the Patriot air defense system (PAD) were deployed near Erbil. \
    وزارة الدفاع التركية أعلنت نشر منظومة إس-400 قرب أنقرة. \
    Le ministère de la Défense a confirmé l'achat de drones Bayraktar TB2.
    """

// MARK: - Targets

let targets: [FuzzTarget] = [
    FuzzTarget(name: "decode", summary: "BriefText TextDecoder.decode: BOMs, UTF-8/16/32, ICU charset detection and conversion",
               setUp: { true },
               run: { bytes in
                   if let decoded = try? TextDecoder().decode(bytes) {
                       _ = decoded.text.utf8.count
                   }
               }),
    FuzzTarget(name: "repair", summary: "BriefRepair Repairer.repair (the en or fr model, picked by the first byte) on the rest read as UTF-8",
               setUp: {
                   guard loadData(), let data = dataDirectory else { return false }
                   do {
                       for language in ["en", "fr"] {
                           guard let model = try RepairModel.load(language: language, from: data) else {
                               return fail("no repair model for \(language) in \(data.root)")
                           }
                           repairers.append(Repairer(model: model))
                       }
                       return true
                   } catch {
                       return fail("cannot load the repair models: \(error)")
                   }
               },
               run: { bytes in
                   // The first byte picks the model, so each input pays for one repair, not two:
                   // the layout search is what makes this target slow.
                   guard let first = bytes.first else { return }
                   let result = repairers[Int(first & 1)].repair(lossyText(Array(bytes.dropFirst())))
                   _ = result.edits.count
               }),
    FuzzTarget(name: "analyze", summary: "BriefDocument Analyzer.analyze (head, paragraphs, ICU sentences and words, stems) for en and ar",
               setUp: {
                   guard loadData() else { return false }
                   let made = Analyzer(data: dataDirectory)
                   do {
                       // Open the ICU handles and load the stemmers now, once per process.
                       for language in ["en", "ar"] {
                           _ = try made.segmenter(for: language)
                           _ = try made.tools(for: language)
                       }
                   } catch {
                       return fail("cannot open the analyzer: \(error)")
                   }
                   analyzer = made
                   return true
               },
               run: { bytes in
                   let text = lossyText(bytes)
                   for language in ["en", "ar"] {
                       if let document = try? analyzer!.analyze(text, language: language) {
                           _ = document.sentences.count
                       }
                   }
               }),
    FuzzTarget(name: "head", summary: "BriefDocument HeadParser.parse (head regexes, datelines, bylines) on the bytes as UTF-8",
               setUp: { headParser = HeadParser(); return true },
               run: { bytes in
                   // The parser is only ever given the UTF-8 of a Swift string.
                   let text = lossyText(bytes)
                   let parsed = Segmenter.withBytes(of: text) { headParser!.parse($0) }
                   _ = parsed.bodyStart
               }),
    FuzzTarget(name: "byline", summary: "HeadParser.parse then BylineResolver.resolve with Lexicons/outlets.tsv, places.tsv and the head forms (Models/heads) on the lines, the lead, body credits and invitations to follow",
               setUp: {
                   guard loadData(), let data = dataDirectory else { return false }
                   do {
                       let registry = try OutletRegistry.load(from: data)
                       let forms = try HeadForms.load(from: data, registry: registry, places: try PlaceGazetteer.load(from: data))
                       bylineResolver = BylineResolver(registry: registry, forms: forms)
                   } catch {
                       return fail("cannot load the outlet registry: \(error)")
                   }
                   headParser = HeadParser()
                   return true
               },
               run: { bytes in
                   let text = lossyText(bytes)
                   let parsed = Segmenter.withBytes(of: text) { headParser!.parse($0) }
                   let lines = text.split(separator: "\n").prefix(8).map(String.init)
                   // The same lines as body and as invitations to follow: the credit and
                   // promotion readers see hostile text too.
                   let byline = bylineResolver!.resolve(parsed.fields, lines: lines, leads: lines.suffix(3),
                                                        body: text.split(separator: "\n").suffix(6).map(String.init), promotions: lines.prefix(2).map { $0 })
                   _ = byline.isEmpty
                   _ = lines.first.flatMap { bylineResolver!.headEnd(inLead: $0) }
               }),
    FuzzTarget(name: "jsonl", summary: "BriefInput JSONLines.record(from:line:), strings(from:line:names:) and id(of:)",
               setUp: { true },
               run: { bytes in
                   _ = try? JSONLines.record(from: bytes, line: 1)
                   _ = try? JSONLines.strings(from: bytes, line: 1, names: ["damaged", "original"])
                   _ = JSONLines.id(of: bytes).description
               }),
    FuzzTarget(name: "glossary-txt", summary: "BriefGlossary GlossaryReader.parseRecords (brief's .txt format), then matching",
               setUp: { true },
               run: { bytes in
                   // GlossaryReader.check turns away files that are not valid UTF-8 first.
                   guard let text = String(validating: bytes, as: UTF8.self) else { return }
                   let (concepts, problems) = GlossaryReader.parseRecords(text, file: "fuzz.txt")
                   useGlossary(concepts, problems)
               }),
    FuzzTarget(name: "tbx", summary: "BriefGlossary TBXReader.read (libxml2 reader, TBX v2 and v3), then matching",
               setUp: {
                   // TBXReader opens libxml2 with dlopen: fail early if it is not there.
                   do {
                       _ = try TBXReader.read(Array("<tbx/>".utf8), file: "probe.tbx")
                   } catch let error as GlossaryError {
                       if error.problem.contains("libxml2") { return fail(error.problem) }
                   } catch {}
                   return true
               },
               run: { bytes in
                   guard String(validating: bytes, as: UTF8.self) != nil else { return }
                   guard let (concepts, problems) = try? TBXReader.read(bytes, file: "fuzz.tbx") else { return }
                   useGlossary(concepts, problems)
               }),
    FuzzTarget(name: "tsv", summary: "BriefGlossary DelimitedReader.read, tab-separated (DeepL TSV), then matching",
               setUp: { true },
               run: { bytes in
                   guard let text = String(validating: bytes, as: UTF8.self) else { return }
                   let (concepts, problems) = DelimitedReader.read(text, separator: "\t", file: "fuzz.tsv", languages: nil)
                   useGlossary(concepts, problems)
               }),
    FuzzTarget(name: "csv", summary: "BriefGlossary DelimitedReader.read, comma-separated (DeepL CSV, quoted fields), then matching",
               setUp: { true },
               run: { bytes in
                   guard let text = String(validating: bytes, as: UTF8.self) else { return }
                   let (concepts, problems) = DelimitedReader.read(text, separator: ",", file: "fuzz.csv", languages: nil)
                   useGlossary(concepts, problems)
               }),
    FuzzTarget(name: "config", summary: "BriefTranslate EngineSettings.apply(configText:source:) (engine config file, server URLs)",
               setUp: { true },
               run: { bytes in
                   // EngineSettings.readFile decodes the file as lossy UTF-8.
                   var settings = EngineSettings()
                   do {
                       try settings.apply(configText: lossyText(bytes), source: "fuzz")
                       _ = settings.serverAddress
                       _ = settings.cacheKey
                   } catch let error as EngineSettingsError {
                       _ = error.description
                   } catch {}
               }),
    FuzzTarget(name: "acronyms", summary: "BriefGlossary AcronymFinder.definitions (brief glossary acronyms/extract)",
               setUp: { true },
               run: { bytes in
                   _ = AcronymFinder().definitions(in: lossyText(bytes)).count
               }),
    FuzzTarget(name: "pipeline", summary: "BriefPipeline ArticlePipeline.brief(bytes:source:): decode, guess, repair, analyze, rank, byline, glossary",
               setUp: {
                   guard loadData() else { return false }
                   var options = ArticlePipeline.Options()
                   options.glossaryCache = false  // no cache files written while fuzzing
                   let made = ArticlePipeline(data: dataDirectory, options: options)
                   // Load the built-in glossary and the outlet registry now, not in the first run.
                   do {
                       _ = try made.glossary()
                       _ = try made.bylineResolver()
                   } catch {
                       return fail("cannot set up the pipeline: \(error)")
                   }
                   pipeline = made
                   return true
               },
               run: { bytes in
                   if let brief = try? pipeline!.brief(bytes: bytes, source: "fuzz") {
                       _ = brief.summary.sentences.count
                   }
               }),
    FuzzTarget(name: "html", summary: "BriefPage: charset, libxml2's HTML parser into HTMLTree, metadata (JSON-LD, meta), main-text extraction",
               setUp: {
                   guard loadData(), let data = dataDirectory else { return false }
                   let made = PageReader(data: data, maxBytes: maxInputBytes)
                   // Load the extraction data and open libxml2 now, not in the first run.
                   _ = try? made.read(html: Array("<html><body><p>x</p></body></html>".utf8))
                   pageReader = made
                   return true
               },
               run: { bytes in
                   if let (page, _) = try? pageReader!.read(html: bytes) {
                       _ = page.paragraphs.count
                       _ = page.title?.utf8.count
                   }
               }),
    FuzzTarget(name: "copied", summary: "BriefPage PageReader.read(text:): image markers, date stamps split, CopiedTextCleaner, article date",
               setUp: {
                   guard loadData(), let data = dataDirectory else { return false }
                   let made = PageReader(data: data, maxBytes: maxInputBytes)
                   _ = try? made.read(text: "Title\n\n2024-01-02\n\nA body line that is long enough to be prose.", language: nil)
                   pageReader = made
                   return true
               },
               run: { bytes in
                   let now = CalendarDay(year: 2026, month: 12, day: 3)!
                   if let page = try? pageReader!.read(text: lossyText(bytes), language: nil, now: now) {
                       _ = page.paragraphs.count
                       _ = page.date
                   }
               }),
    FuzzTarget(name: "dates", summary: "BriefPage DateReader: dates(in:), articleDate(lines:now:), parseISO",
               setUp: {
                   guard loadData(), let data = dataDirectory else { return false }
                   do {
                       dateReader = try DateReader.load(from: data)
                       return true
                   } catch {
                       return fail("cannot load the date lexicon: \(error)")
                   }
               },
               run: { bytes in
                   let text = lossyText(bytes)
                   let now = CalendarDay(year: 2026, month: 12, day: 3)!
                   for found in dateReader!.dates(in: text, now: now) { _ = found.iso }
                   let lines = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(64).map(String.init)
                   _ = dateReader!.articleDate(lines: lines, now: now)?.iso
                   _ = dateReader!.parseISO(String(text.prefix(64)))
               }),
    // Not a parser: checks that the scripts see each kind of finding (scripts/fuzz/run.sh selftest 60,
    // with BRIEF_FUZZ_KEEP_GOING=1 to find all three). Never part of smoke or campaign.
    FuzzTarget(name: "selftest", summary: "the scripts' own check: traps on \"BUG!\", leaks on \"LEAK\", sleeps 2 s on \"SLOW\"",
               setUp: { true },
               run: { bytes in
                   let text = lossyText(bytes)
                   if text.hasPrefix("BUG!") { _ = bytes[bytes.count + Int(bytes[0] & 1)] }
                   if text.hasPrefix("LEAK") { _ = Unmanaged.passRetained(LeakedBox(text)) }
                   if text.hasPrefix("SLOW") { sleep(2) }
               }),
]

final class LeakedBox {
    let text: String
    init(_ text: String) { self.text = text }
}

// MARK: - libFuzzer entry points

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<CInt>?,
                             _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    let name = getenv("BRIEF_FUZZ_TARGET").map { String(cString: $0) } ?? ""
    guard let target = targets.first(where: { $0.name == name }) else {
        fputs(name.isEmpty ? "brief-fuzz: set BRIEF_FUZZ_TARGET to one of:\n"
                           : "brief-fuzz: unknown target '\(name)'; BRIEF_FUZZ_TARGET is one of:\n", stderr)
        for target in targets { fputs("  \(target.name.padding(12))  \(target.summary)\n", stderr) }
        exit(2)
    }
    guard target.setUp() else { exit(2) }
    selected = target
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard size <= maxInputBytes, let target = selected else { return 0 }
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    target.run(bytes)
    return 0
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

// MARK: - Entry point

// SwiftPM links an executable target with `--defsym main=brief_fuzz_main` (its entry point is
// renamed so that tests can link the module); with -parse-as-library there is no Swift main, so
// this function is that entry point and hands over to libFuzzer's driver (which then calls
// LLVMFuzzerInitialize and LLVMFuzzerTestOneInput as its own main would).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_cdecl("brief_fuzz_main")
public func briefFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzerTestOneInput(data, size) }
}
