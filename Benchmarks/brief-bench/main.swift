// Speed figures for brief, printed (never asserted). Run release builds:
//   swift build -c release && .build/release/brief-bench [--runs N] [--only NAME]
// Reads the seed article and evaluation data from ../shared; skips a figure, saying so, when absent.
import BriefDocument
import BriefGlossary
import BriefInput
import BriefPipeline
import BriefRepair
import BriefResources
import BriefText
import Foundation

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let shared = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
let arguments = CommandLine.arguments
let runs = arguments.firstIndex(of: "--runs").flatMap { Int(arguments[$0 + 1]) } ?? 30

func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
}

func format(_ value: Double, _ digits: Int = 1) -> String {
    String(format: "%.\(digits)f", value)
}

/// Wall time of whole `brief summarize` processes on the seed, start-up included.
func startupFigure(_ extra: [String] = []) {
    let seed = shared.appendingPathComponent("seed/hatha-al-youm-s400.txt").path
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        .appendingPathComponent("brief").path
    guard FileManager.default.fileExists(atPath: seed) else { return print("start-up: skipped (\(seed) absent)") }
    guard FileManager.default.isExecutableFile(atPath: binary) else { return print("start-up: skipped (\(binary) not built)") }
    // posix_spawn, not Foundation's Process: Process adds tens of milliseconds of its own.
    let argv: [String] = [binary, "summarize", seed] + extra
    var times: [Double] = []
    for _ in 0..<runs {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var cArguments = argv.map { strdup($0) } + [nil]
        var pid: pid_t = 0
        let start = now()
        let spawned = posix_spawn(&pid, binary, &actions, nil, &cArguments, environ)
        var status: Int32 = 0
        if spawned == 0 { waitpid(pid, &status, 0) }
        times.append(now() - start)
        cArguments.forEach { free($0) }
        posix_spawn_file_actions_destroy(&actions)
        if spawned != 0 { return print("start-up: cannot run \(binary): error \(spawned)") }
        if status != 0 { return print("start-up: brief exited with status \(status)") }
    }
    print("start-up: brief summarize seed\(extra.isEmpty ? "" : " " + extra.joined(separator: " ")), \(runs) runs: median \(format(median(times) * 1000)) ms, min \(format(times.min()! * 1000)) ms (goal <= 20 ms)")
}

/// Reads `field` of every record of a JSON Lines file.
func loadField(_ file: String, _ field: String) -> [String]? {
    guard let reader = try? JSONLinesReader(path: file) else { return nil }
    var texts: [String] = []
    while let (number, line) = try? reader.nextLine() {
        if let bytes = try? line.get(), let record = try? JSONLines.record(from: bytes, line: number, textField: field) { texts.append(record.text) }
    }
    return texts
}

/// Sentence and word segmentation throughput, and whole analysis throughput, in MB/s.
func segmentationFigure() throws {
    let file = shared.appendingPathComponent("eval/repair/rewrapped-en.jsonl").path
    guard let texts = loadField(file, "original"), !texts.isEmpty else { return print("segmentation: skipped (\(file) absent)") }
    let megabytes = Double(texts.reduce(0) { $0 + $1.utf8.count }) / 1e6
    let data = DataDirectory(root: repositoryRoot.path)
    let segmenter = try Segmenter(language: "en", abbreviations: AbbreviationList.load(language: "en", from: data))
    var best = Double.infinity
    var sentences = 0
    for _ in 0..<3 {
        let start = now()
        sentences = 0
        for text in texts {
            sentences += segmenter.sentences(in: text).count
            _ = segmenter.words(in: text)
        }
        best = min(best, now() - start)
    }
    print("segmentation (ICU sentences + words): \(texts.count) articles, \(format(megabytes, 2)) MB, \(sentences) sentences: \(format(megabytes / best)) MB/s")
    let analyzer = Analyzer(data: data)
    best = .infinity
    for _ in 0..<3 {
        let start = now()
        for text in texts { _ = try analyzer.analyze(text, language: "en") }
        best = min(best, now() - start)
    }
    print("analysis (head, paragraphs, sentences, words): \(format(megabytes / best)) MB/s")
}

/// Glossary: loading it, and matching every term in the CNN/DM and Arabic DW articles.
func glossaryFigure() throws {
    let data = DataDirectory(root: repositoryRoot.path)
    var loads: [Double] = []
    var glossary = Glossary()
    var matcher: TermMatcher?
    for _ in 0..<5 {
        let start = now()
        glossary = try GlossaryReader.builtIn(from: data)
        matcher = TermMatcher(glossary: glossary)
        loads.append(now() - start)
    }
    let cache = FileManager.default.temporaryDirectory.appendingPathComponent("brief-bench-cache-\(getpid())").path
    defer { try? FileManager.default.removeItem(atPath: cache) }
    _ = try LoadedGlossary.load(data: data, userFile: nil, cache: cache)
    var mapped: [Double] = []
    for _ in 0..<5 {
        let start = now()
        _ = try LoadedGlossary.load(data: data, userFile: nil, cache: cache)
        mapped.append(now() - start)
    }
    print("glossary: \(glossary.count) concepts, read from the text and indexed in \(format(median(loads) * 1000)) ms; from its compact form in \(format(median(mapped) * 1000, 2)) ms (medians of 5)")
    for (name, file) in [("CNN/DM", "eval/summarization/cnndm.jsonl"), ("Arabic DW", "eval/summarization/arabic-dw114-nosummaries.jsonl")] {
        let path = shared.appendingPathComponent(file).path
        guard let texts = loadField(path, "text"), !texts.isEmpty, let matcher else { print("glossary matching: skipped (\(path) absent)"); continue }
        let megabytes = Double(texts.reduce(0) { $0 + $1.utf8.count }) / 1e6
        var best = Double.infinity
        var found = 0
        for _ in 0..<3 {
            let start = now()
            found = texts.reduce(0) { $0 + matcher.matches(in: $1).count }
            best = min(best, now() - start)
        }
        print("glossary matching on \(texts.count) \(name) articles (\(format(megabytes, 2)) MB): \(format(megabytes / best)) MB/s, \(found) terms found")
    }
}

/// Whole-pipeline summaries per second on CNN/DM, in process, with repair on and off.
func summaryFigure() throws {
    let file = shared.appendingPathComponent("eval/summarization/cnndm.jsonl").path
    guard let texts = loadField(file, "text"), !texts.isEmpty else { return print("summaries: skipped (\(file) absent)") }
    var rates: [Bool: Double] = [:]
    for repair in [true, false] {
        var options = ArticlePipeline.Options()
        options.repair = repair
        // As `brief summarize --jsonl` runs: its records carry the sentences, not the glossary.
        options.glossary = false
        let pipeline = ArticlePipeline(data: DataDirectory(root: repositoryRoot.path), options: options)
        var best = Double.infinity
        for _ in 0..<3 {
            let start = now()
            for (index, text) in texts.enumerated() { _ = try pipeline.brief(text: text, source: String(index), language: "en") }
            best = min(best, now() - start)
        }
        rates[repair] = Double(texts.count) / best
    }
    // Where the time goes, per article: repair, analysis (segmentation, words, stems), ranking
    // and selection.
    var options = ArticlePipeline.Options()
    options.glossary = false
    let repairing = ArticlePipeline(data: DataDirectory(root: repositoryRoot.path), options: options)
    options.repair = false
    let plain = ArticlePipeline(data: DataDirectory(root: repositoryRoot.path), options: options)
    var stages = [Double](repeating: .infinity, count: 3)
    for _ in 0..<5 {
        var start = now()
        for (index, text) in texts.enumerated() { _ = try repairing.prepare(text: text, source: String(index), language: "en") }
        stages[0] = min(stages[0], now() - start)
        start = now()
        for (index, text) in texts.enumerated() { _ = try plain.analyze(text: text, source: String(index), language: "en") }
        stages[1] = min(stages[1], now() - start)
        start = now()
        for (index, text) in texts.enumerated() { _ = try plain.brief(text: text, source: String(index), language: "en") }
        stages[2] = min(stages[2], now() - start)
    }
    stages[2] -= stages[1]
    let perArticle = stages.map { format($0 / Double(texts.count) * 1e6, 0) }
    print("stages, microseconds per CNN/DM article: repair \(perArticle[0]), analysis \(perArticle[1]), ranking and selection \(perArticle[2])")
    let with = rates[true]!, without = rates[false]!
    print("summaries (default method, 3 sentences, in process, loop only): \(texts.count) CNN/DM articles: \(format(with, 0)) articles/s with repair, \(format(without, 0)) without; repair is \(format((1 / with - 1 / without) / (1 / with) * 100, 0))% of the time")
}

/// One very long document (100,000 words, built from the CNN/DM articles) through the whole pipeline.
func longDocumentFigure() throws {
    let file = shared.appendingPathComponent("eval/summarization/cnndm.jsonl").path
    guard let texts = loadField(file, "text"), !texts.isEmpty else { return print("long document: skipped (\(file) absent)") }
    var parts: [String] = []
    var words = 0
    var index = 0
    while words < 100_000 {
        let text = texts[index % texts.count]
        parts.append(text)
        words += text.split(separator: " ").count
        index += 1
    }
    let document = parts.joined(separator: "\n\n")
    for method in [ArticlePipeline.Method.default, .centrality] {
        var options = ArticlePipeline.Options()
        options.method = method
        options.maxBytes = 64 << 20
        let pipeline = ArticlePipeline(data: DataDirectory(root: repositoryRoot.path), options: options)
        let start = now()
        let brief = try pipeline.brief(text: document, source: "long", language: "en")
        print("long document (\(words) words, \(brief.summary.sentenceCount) sentences, method \(method.rawValue)): \(format((now() - start) * 1000, 0)) ms")
    }
}

/// Repair throughput on damaged articles (the work it exists for) and on clean ones.
func repairFigure() throws {
    let file = shared.appendingPathComponent("eval/repair/rewrapped-en.jsonl").path
    guard let damaged = loadField(file, "damaged"), let clean = loadField(file, "original"), !damaged.isEmpty else {
        return print("repair: skipped (\(file) absent)")
    }
    guard let model = try RepairModel.load(language: "en", from: DataDirectory(root: repositoryRoot.path)) else {
        return print("repair: skipped (no English model)")
    }
    let repairer = Repairer(model: model)
    for (name, texts) in [("damaged", damaged), ("clean", clean)] {
        let megabytes = Double(texts.reduce(0) { $0 + $1.utf8.count }) / 1e6
        var best = Double.infinity
        for _ in 0..<3 {
            let start = now()
            for text in texts { _ = repairer.repair(text) }
            best = min(best, now() - start)
        }
        print("repair (\(name) rewrapped-en, \(texts.count) articles, \(format(megabytes, 2)) MB): \(format(megabytes / best, 2)) MB/s")
    }
}

print("brief-bench (ICU \(ICULibrary.version))")
// `--only NAME` (start-up, glossary, segmentation, summaries, long, repair) prints one figure.
let only = arguments.firstIndex(of: "--only").map { arguments[$0 + 1] }
func wanted(_ name: String) -> Bool { only == nil || only == name }
if wanted("start-up") {
    startupFigure()
    startupFigure(["--no-glossary"])
}
if wanted("glossary") { try glossaryFigure() }
if wanted("segmentation") { try segmentationFigure() }
if wanted("summaries") { try summaryFigure() }
if wanted("long") { try longDocumentFigure() }
if wanted("repair") { try repairFigure() }
