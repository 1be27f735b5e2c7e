#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BriefDocument
import BriefSummary

/// One evaluation record: an article and its human summaries.
public struct EvaluationRecord: Decodable, Sendable {
    public var id: String
    public var text: String
    public var summaries: [String]
    public var lang: String?
    public var title: String?

    enum CodingKeys: String, CodingKey { case id, text, summaries, lang, title }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let string = try? container.decode(String.self, forKey: .id) {
            id = string
        } else if let number = try? container.decode(Int.self, forKey: .id) {
            id = String(number)
        } else {
            id = ""
        }
        text = try container.decode(String.self, forKey: .text)
        summaries = try container.decode([String].self, forKey: .summaries)
        lang = try container.decodeIfPresent(String.self, forKey: .lang)
        title = try container.decodeIfPresent(String.self, forKey: .title)
    }

    /// Parses one JSON line.
    public static func parse(_ bytes: [UInt8]) throws -> EvaluationRecord {
        try JSONDecoder().decode(EvaluationRecord.self, from: Data(bytes))
    }

    /// The reference summary's sentences: one per line, as rouge-score reads ROUGE-Lsum references.
    public var referenceSentences: [String] {
        (summaries.first ?? "").split(separator: "\n").map(String.init)
    }
}

/// Accumulates per-article ROUGE F1 and reports means with bootstrap intervals.
public struct EvaluationReport: Sendable {
    public private(set) var rouge1: [Double] = []
    public private(set) var rouge2: [Double] = []
    public private(set) var rougeLsum: [Double] = []
    public private(set) var failures = 0

    public init() {}

    public mutating func add(_ scores: RougeScores) {
        rouge1.append(scores.rouge1.f1)
        rouge2.append(scores.rouge2.f1)
        rougeLsum.append(scores.rougeLsum.f1)
    }

    /// An article that could not be summarized counts as an empty summary (all zeros).
    public mutating func addFailure() {
        failures += 1
        add(RougeScores(rouge1: .zero, rouge2: .zero, rougeLsum: .zero))
    }

    public var count: Int { rouge1.count }

    /// Mean F1 of the three measures, for tuning.
    public var meanF1: Double {
        guard count > 0 else { return 0 }
        return (rouge1.reduce(0, +) + rouge2.reduce(0, +) + rougeLsum.reduce(0, +)) / Double(3 * count)
    }

    /// The three measures with their intervals, in percent.
    public var intervals: [(name: String, interval: BootstrapInterval, mean: Double)] {
        [("ROUGE-1", rouge1), ("ROUGE-2", rouge2), ("ROUGE-Lsum", rougeLsum)].map { name, values in
            (name, BootstrapInterval(values.map { $0 * 100 }), values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) * 100)
        }
    }
}

/// An article analyzed once and scored many times, for tuning the default ranker's weights.
public struct TuningCase {
    public var document: Document
    public var vectors: SentenceVectors
    public var features: FeatureTable
    public var sentenceTokens: [[String]]
    public var reference: [[String]]

    public init(document: Document, reference: [[String]], tokenizer: RougeTokenizer) {
        self.document = document
        vectors = SentenceVectors(document)
        features = FeatureRanker.features(of: document, vectors: vectors)
        sentenceTokens = (0..<document.sentences.count).map { tokenizer.tokens(String(document.text(ofSentence: $0))) }
        self.reference = reference
    }

    /// ROUGE of the summary the given weights choose.
    public func score(_ weights: SummaryWeights, budget: Budget) -> RougeScores {
        let scores = (0..<features.count).map { features.dot($0, weights.feature) }
        let ranking = Ranking(scores: scores, redundancy: weights.redundancy)
        let chosen = Summarizer.select(ranking: ranking, document: document, vectors: vectors, budget: budget)
        return Rouge.score(prediction: chosen.map { sentenceTokens[$0] }, reference: reference)
    }
}

/// Coordinate ascent over the default ranker's weights, maximizing mean ROUGE F1.
public enum WeightTuner {
    public static func tune(_ cases: [TuningCase], start: SummaryWeights, budget: Budget, rounds: Int = 4,
                            progress: (String) -> Void = { _ in }) -> (SummaryWeights, Double) {
        func evaluate(_ weights: SummaryWeights) -> Double {
            var report = EvaluationReport()
            for item in cases { report.add(item.score(weights, budget: budget)) }
            return report.meanF1
        }
        var best = start
        var bestScore = evaluate(best)
        progress("start: mean F1 \(bestScore)")
        let steps: [Double] = [-1, -0.3, -0.1, -0.03, 0.03, 0.1, 0.3, 1]
        for round in 0..<rounds {
            let scale = 1 / Double(round + 1)
            for index in 0...(best.feature.count) {
                for step in steps {
                    var trial = best
                    if index == best.feature.count {
                        trial.redundancy = max(0, trial.redundancy + step * scale)
                    } else {
                        trial.feature[index] += step * scale
                    }
                    let score = evaluate(trial)
                    if score > bestScore + 1e-9 {
                        best = trial
                        bestScore = score
                    }
                }
            }
            progress("round \(round + 1): mean F1 \(bestScore)")
        }
        return (best, bestScore)
    }
}
