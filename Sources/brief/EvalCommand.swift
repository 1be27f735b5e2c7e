import ArgumentParser
import BriefEval
import BriefInput
import BriefOutput
import BriefPipeline
import BriefResources
import BriefSummary

/// `brief eval`: summary quality against human summaries, as ROUGE F1 with confidence intervals.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score summaries against human ones: ROUGE-1, ROUGE-2, ROUGE-Lsum F1 with 95% intervals.",
        discussion: """
        Reads JSON Lines records with "text" and "summaries" (the first summary is the reference, \
        one sentence per line), optional "id", "lang", "title". ROUGE is computed as Python's \
        rouge-score computes it (its tokenization, Porter stemming) for English; other languages \
        are tokenized on Unicode letters and digits, unstemmed. Intervals come from 1000 bootstrap \
        samples. An article that cannot be summarized scores zero and is counted.

        Examples:
          brief eval --data cnndm.jsonl --sentences 3
          brief eval --data cnndm.jsonl --method lead --predictions lead3.jsonl
          brief eval --data cnndm.jsonl --tune Models/summary/weights-en.tsv
        """
    )

    @Option(name: .long, help: ArgumentHelp("Evaluation records (JSON Lines).", valueName: "file"))
    var data: String

    @Option(name: .long, help: ArgumentHelp("Ranking method: default, lead or centrality.", valueName: "name"))
    var method: ArticlePipeline.Method = .default

    @OptionGroup var budget: BudgetOptions

    @Option(name: .long, help: ArgumentHelp("Write the chosen sentences here, one {\"id\", \"sentences\"} line per record.", valueName: "file"))
    var predictions: String?

    @Option(name: .long, help: ArgumentHelp("Tune the default method's weights on these records and write them to this file.", valueName: "file"))
    var tune: String?

    @Option(name: .long, help: ArgumentHelp("Use only the first N records.", valueName: "n"))
    var limit: Int?

    @OptionGroup var input: InputOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1 (got \(limit))") }
    }

    func run() throws {
        let pipeline = try input.pipeline {
            $0.budget = budget.budget
            $0.method = method
            $0.keepFeatures = false
        }
        let options = pipeline.options
        let reader: JSONLinesReader
        do { reader = try JSONLinesReader(path: data, maxLineBytes: input.maxSize.bytes) } catch { Diagnostics.fail(error.description) }
        var writer: PredictionWriter?
        if let predictions {
            do { writer = try PredictionWriter(path: predictions) } catch { Diagnostics.fail(error.description) }
        }
        var tokenizers: [String: RougeTokenizer] = [:]
        var report = EvaluationReport()
        var cases: [TuningCase] = []
        var languages: Set<String> = []
        while let (number, line) = try nextLine(reader) {
            if let limit, report.count >= limit { break }
            let record: EvaluationRecord
            do {
                record = try EvaluationRecord.parse(try line.get())
            } catch let error as RecordError {
                Diagnostics.warn("\(data): \(error.description)")
                report.addFailure()
                continue
            } catch {
                Diagnostics.warn("\(data): line \(number): not an evaluation record (needs \"text\" and \"summaries\")")
                continue
            }
            do {
                let language = record.lang ?? options.language
                let (document, _) = try pipeline.analyze(text: record.text, source: record.id, title: record.title, language: language)
                languages.insert(document.language)
                let tokenizer = try tokenizers[document.language] ?? RougeTokenizer.load(language: document.language, from: pipeline.data)
                tokenizers[document.language] = tokenizer
                let reference = record.referenceSentences.map { tokenizer.tokens($0) }
                if tune != nil {
                    cases.append(TuningCase(document: document, reference: reference, tokenizer: tokenizer))
                    continue
                }
                let summary = Summarizer(ranker: try pipeline.ranker(for: document.language)).summarize(document, budget: options.budget)
                report.add(Rouge.score(prediction: summary.sentences.map { tokenizer.tokens($0.text) }, reference: reference))
                if let writer {
                    Self.write(JSONValue.object([("id", .string(record.id)), ("sentences", .array(summary.sentences.map { .string($0.text) }))]).serialized(), to: writer)
                }
            } catch {
                let problem = (error as? ArticleError)?.problem ?? String(describing: error)
                Diagnostics.warn("\(data): line \(number) (id \(record.id)): \(problem)")
                report.addFailure()
            }
        }
        if let tune {
            try runTuning(cases, output: tune, languages: languages, pipeline: pipeline)
            return
        }
        // Scores of nothing are not scores: no record scored is an error, and no file is left.
        guard report.count > report.failures else {
            writer = nil
            Diagnostics.fail("\(data): no record could be scored (\(reader.lineNumber) lines read, \(report.failures) failed)")
        }
        do { try writer?.finish() } catch { Diagnostics.fail(error.description) }
        var out = "\(data): \(report.count) articles, method \(method.rawValue), \(options.budget)"
        if report.failures > 0 { out += ", \(report.failures) failed (scored 0)" }
        out += "\n"
        for (name, interval, mean) in report.intervals {
            out += "\(name + String(repeating: " ", count: max(0, 11 - name.count))) F1 \(format(mean))  (95% CI \(format(interval.low))–\(format(interval.high)))\n"
        }
        Output.write(out)
    }

    private func runTuning(_ cases: [TuningCase], output: String, languages: Set<String>, pipeline: ArticlePipeline) throws {
        guard !cases.isEmpty else { Diagnostics.fail("\(data): no records to tune on") }
        let start = (try? pipeline.ranker(for: languages.first ?? "en")).flatMap { ($0 as? FeatureRanker)?.weights } ?? .positionOnly
        let (weights, score) = WeightTuner.tune(cases, start: start, budget: budget.budget) { Diagnostics.warn($0) }
        var file = "# Weights of brief's default ranker, tuned by coordinate ascent on mean ROUGE F1 (R1, R2, RLsum).\n"
        file += "# Made by: brief eval --data \(data) \(budget.budget) --tune \(output)\n"
        file += "# Mean F1 on those \(cases.count) articles: \(format(score * 100))\n"
        file += weights.serialized()
        do {
            try AtomicFile.write(file, to: output)
        } catch {
            Diagnostics.fail(error.description)
        }
        Output.write(file)
    }

    private static func write(_ line: String, to writer: PredictionWriter) {
        do { try writer.write(line) } catch { Diagnostics.fail(error.description) }
    }

    private func format(_ value: Double) -> String {
        let scaled = (value * 100).rounded() / 100
        var text = String(scaled)
        if let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) == 2 { text += "0" }
        return text
    }
}
