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

/// Runs the brief binary beside this one with `arguments` (stdout and stderr to /dev/null):
/// wall time, peak resident memory (from wait4's rusage) and exit status.
func runBrief(_ arguments: [String]) -> (seconds: Double, peakMB: Double, status: Int32)? {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        .appendingPathComponent("brief").path
    guard FileManager.default.isExecutableFile(atPath: binary) else { return nil }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var argv = ([binary] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let start = now()
    guard posix_spawn(&pid, binary, &actions, nil, &argv, environ) == 0 else { return nil }
    // ru_maxrss also counts the memory the child had before exec (this process's, shared by
    // posix_spawn's vfork): callers keep this process small while measuring.
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    return (now() - start, Double(usage.ru_maxrss) / 1024, (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F))
}

/// Hostile and extreme inputs (issue 12): time and peak memory per input MB of whole processes.
/// Peak per MB is given whole and above the peak on a small article (the process's fixed cost:
/// ICU data, the glossary's compact form).
func hostileFigure() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("brief-bench-hostile-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    /// Writes the pieces `make` gives, 1 MB at a time, so this process stays small.
    func file(_ name: String, _ make: ((String) -> Void) -> Void) throws -> String {
        let path = folder.appendingPathComponent(name).path
        guard let out = fopen(path, "wb") else { throw CocoaError(.fileWriteUnknown) }
        var buffer = ""
        make { piece in
            buffer += piece
            if buffer.utf8.count >= 1 << 20 { fputs(buffer, out); buffer = "" }
        }
        fputs(buffer, out)
        fclose(out)
        return path
    }
    func file(_ name: String, _ text: String) throws -> String { try file(name) { $0(text) } }
    let words = ["minister", "defense", "missile", "talks", "system", "Turkey", "Russia", "deal", "army", "drone"]
    var seed: UInt64 = 1
    func pick() -> String {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        return words[Int(seed >> 33) % words.count]
    }
    let small = try file("small.txt", "The minister said on Sunday that talks on the air defense system would go on.\n")
    guard let baseline = runBrief(["summarize", small]) else { return print("hostile: skipped (brief not built beside brief-bench)") }
    print("hostile: baseline (a one-line article): peak \(format(baseline.peakMB)) MB")
    let letters = try file("run.txt", String(repeating: "a", count: 1 << 20) + "\n")
    let brackets = try file("brackets.txt") { write in
        write("The")
        for index in 0..<30_000 { write(" word\(index) (W\(index))") }
        write(".\n")
    }
    let flags = try file("flags.txt", "The minister waved " + String(repeating: "\u{1F1EE}\u{1F1F6}", count: 20_000) + " at the talks.\n")
    let paragraphs = try file("paragraphs.txt") { write in for _ in 0..<200_000 { write(pick() + "\n\n") } }
    let record = try file("record.jsonl") { write in
        write("{\"id\":1,\"text\":\"")
        for index in 0..<2_000_000 { write(pick() + (index % 12 == 11 ? ". " : " ")) }
        write("\"}\n")
    }
    let tsv = try file("big_en_es.tsv") { write in
        for index in 0..<900_000 { write("term\(index) \(pick())\tterm\(index) palabra\(index)\n") }
    }
    let cases: [(String, String, [String])] = [
        ("repair, a 1 MB run of letters", letters, ["repair", letters]),
        ("glossary extract, 30,000 bracketed definitions in one sentence", brackets, ["glossary", "extract", brackets]),
        ("translate --to es, 20,000 flags", flags, ["translate", flags, "--to", "es", "--no-cache"]),
        ("summarize, 200,000 one-word paragraphs", paragraphs, ["summarize", paragraphs]),
        ("summarize --jsonl, one record", record, ["summarize", "--jsonl", record, "--max-size", "64M"]),
        ("glossary export --format tsv, a user TSV glossary", tsv, ["glossary", "export", "--glossary", tsv, "--format", "tsv", "--langs", "en,es"]),
    ]
    for (name, input, arguments) in cases {
        let megabytes = Double((try? FileManager.default.attributesOfItem(atPath: input)[.size] as? Int) ?? 0) / 1_048_576
        guard let result = runBrief(arguments) else { continue }
        let perMB = result.peakMB / megabytes, aboveMB = (result.peakMB - baseline.peakMB) / megabytes
        print("hostile: \(name) (\(format(megabytes, 2)) MB): \(format(result.seconds, 2)) s, peak \(format(result.peakMB)) MB = \(format(perMB))x input (\(format(aboveMB))x above the baseline), exit \(result.status)")
    }
}

print("brief-bench (ICU \(ICULibrary.version))")
// `--only NAME` (start-up, glossary, segmentation, summaries, long, repair, hostile) prints one figure.
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
// Not in the default run: it writes ~120 MB of inputs and takes a minute.
if only == "hostile" { try hostileFigure() }
