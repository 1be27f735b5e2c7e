import BriefLanguage
import BriefResources

/// Precision, recall and F1 of one ROUGE measure.
public struct RougeScore: Sendable, Equatable {
    public var precision: Double
    public var recall: Double
    public var f1: Double

    public init(precision: Double, recall: Double) {
        self.precision = precision
        self.recall = recall
        f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }

    public static let zero = RougeScore(precision: 0, recall: 0)
}

/// ROUGE-1, ROUGE-2 and ROUGE-Lsum of one prediction against one reference.
public struct RougeScores: Sendable, Equatable {
    public var rouge1: RougeScore
    public var rouge2: RougeScore
    public var rougeLsum: RougeScore
}

/// Tokenizes text for ROUGE. For English it does what Python's rouge-score does: lowercase,
/// every run of characters other than a–z and 0–9 is a separator, and tokens longer than three
/// characters are Porter-stemmed. rouge-score's tokenizer deletes every non-ASCII letter, so other
/// languages are tokenized on Unicode letters and digits, unstemmed.
public final class RougeTokenizer {
    public let language: String
    private let porter: Stemmer?
    /// Words NLTK's Porter stemmer treats as irregular (`Models/eval/porter-nltk.tsv`).
    private let irregular: [String: String]
    private var cache: [String: String] = [:]

    public init(language: String, irregular: [String: String] = [:]) throws {
        self.language = language
        self.irregular = irregular
        porter = language == "en" ? try Stemmer(algorithm: "porter") : nil
    }

    /// A tokenizer with NLTK's irregular forms read from the data folder.
    public static func load(language: String, from data: DataDirectory?) throws -> RougeTokenizer {
        var irregular: [String: String] = [:]
        if let data, data.exists("Models/eval/porter-nltk.tsv") {
            for line in try data.lines("Models/eval/porter-nltk.tsv") {
                let parts = line.split(separator: "\t")
                if parts.count == 2 { irregular[String(parts[0])] = String(parts[1]) }
            }
        }
        return try RougeTokenizer(language: language, irregular: irregular)
    }

    /// Porter as NLTK runs it: Snowball's original Porter, with NLTK's departures (irregular
    /// forms; "-ies" in four-letter words; y → i only after a consonant that is not the first letter).
    private func nltkPorter(_ word: String) -> String {
        if let form = irregular[word] { return form }
        if word.utf8.count == 4, word.hasSuffix("ies") { return String(word.dropLast()) }
        guard let porter else { return word }
        let stem = porter.stem(word)
        guard stem.hasSuffix("i") else { return stem }
        let stemBytes = Array(stem.utf8), wordBytes = Array(word.utf8)
        let last = stemBytes.count - 1
        guard last >= 1, last < wordBytes.count, wordBytes[last] == UInt8(ascii: "y"),
              stemBytes[0..<last] == wordBytes[0..<last] else { return stem }
        let before = stemBytes[last - 1]
        let isVowel = "aeiou".utf8.contains(before)
        return isVowel || last - 1 == 0 ? String(decoding: stemBytes[0..<last], as: UTF8.self) + "y" : stem
    }

    public func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        func flush() {
            guard !current.isEmpty else { return }
            if porter != nil, current.utf8.count > 3 {
                if let cached = cache[current] {
                    tokens.append(cached)
                } else {
                    let stem = nltkPorter(current)
                    cache[current] = stem
                    tokens.append(stem)
                }
            } else {
                tokens.append(current)
            }
            current = ""
        }
        if porter != nil {
            for scalar in text.lowercased().unicodeScalars {
                if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                    current.unicodeScalars.append(scalar)
                } else {
                    flush()
                }
            }
        } else {
            for scalar in text.lowercased().unicodeScalars {
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    current.unicodeScalars.append(scalar)
                } else {
                    flush()
                }
            }
        }
        flush()
        return tokens
    }
}

/// ROUGE computed as rouge-score computes it (n-gram overlap; summary-level LCS over
/// newline-separated sentences for ROUGE-Lsum).
public enum Rouge {
    /// Scores predicted sentences against reference sentences, both already tokenized.
    public static func score(prediction: [[String]], reference: [[String]]) -> RougeScores {
        let predictionFlat = prediction.flatMap { $0 }
        let referenceFlat = reference.flatMap { $0 }
        return RougeScores(rouge1: ngram(predictionFlat, referenceFlat, 1),
                           rouge2: ngram(predictionFlat, referenceFlat, 2),
                           rougeLsum: summaryLCS(prediction.filter { !$0.isEmpty }, reference.filter { !$0.isEmpty }))
    }

    static func ngram(_ prediction: [String], _ reference: [String], _ n: Int) -> RougeScore {
        func counts(_ tokens: [String]) -> [ArraySlice<String>: Int] {
            var result: [ArraySlice<String>: Int] = [:]
            guard tokens.count >= n else { return result }
            for start in 0...(tokens.count - n) { result[tokens[start..<(start + n)], default: 0] += 1 }
            return result
        }
        let predicted = counts(prediction), wanted = counts(reference)
        let predictedTotal = max(0, prediction.count - n + 1), wantedTotal = max(0, reference.count - n + 1)
        var overlap = 0
        for (gram, count) in predicted { overlap += min(count, wanted[gram] ?? 0) }
        return RougeScore(precision: predictedTotal > 0 ? Double(overlap) / Double(predictedTotal) : 0,
                          recall: wantedTotal > 0 ? Double(overlap) / Double(wantedTotal) : 0)
    }

    /// rouge-score's `_summary_level_lcs`: for each reference sentence, the union of its LCS with
    /// every predicted sentence, each token counted at most as often as it occurs on both sides.
    static func summaryLCS(_ prediction: [[String]], _ reference: [[String]]) -> RougeScore {
        let m = reference.reduce(0) { $0 + $1.count }, n = prediction.reduce(0) { $0 + $1.count }
        guard m > 0, n > 0 else { return .zero }
        var referenceCounts: [String: Int] = [:], predictionCounts: [String: Int] = [:]
        for sentence in reference { for token in sentence { referenceCounts[token, default: 0] += 1 } }
        for sentence in prediction { for token in sentence { predictionCounts[token, default: 0] += 1 } }
        var hits = 0
        for sentence in reference {
            var union = Set<Int>()
            for candidate in prediction { union.formUnion(lcsIndices(sentence, candidate)) }
            for index in union.sorted() {
                let token = sentence[index]
                if (predictionCounts[token] ?? 0) > 0, (referenceCounts[token] ?? 0) > 0 {
                    hits += 1
                    predictionCounts[token]! -= 1
                    referenceCounts[token]! -= 1
                }
            }
        }
        return RougeScore(precision: Double(hits) / Double(n), recall: Double(hits) / Double(m))
    }

    /// Indices in `reference` of one longest common subsequence with `candidate`, found by the
    /// same table and backtracking as rouge-score (so ties resolve the same way).
    static func lcsIndices(_ reference: [String], _ candidate: [String]) -> [Int] {
        let rows = reference.count, columns = candidate.count
        guard rows > 0, columns > 0 else { return [] }
        var table = [Int](repeating: 0, count: (rows + 1) * (columns + 1))
        let width = columns + 1
        for i in 1...rows {
            for j in 1...columns {
                table[i * width + j] = reference[i - 1] == candidate[j - 1]
                    ? table[(i - 1) * width + j - 1] + 1
                    : max(table[(i - 1) * width + j], table[i * width + j - 1])
            }
        }
        var i = rows, j = columns
        var result: [Int] = []
        while i > 0, j > 0 {
            if reference[i - 1] == candidate[j - 1] {
                result.append(i - 1)
                i -= 1
                j -= 1
            } else if table[i * width + j - 1] > table[(i - 1) * width + j] {
                j -= 1
            } else {
                i -= 1
            }
        }
        return result.reversed()
    }
}

/// Mean scores with 95% confidence intervals from bootstrap resampling, as rouge-score's
/// BootstrapAggregator reports them (1000 samples; 2.5th, 50th and 97.5th percentiles).
public struct BootstrapInterval: Sendable, Equatable {
    public var low: Double
    public var mid: Double
    public var high: Double

    /// `values` resampled `samples` times with a fixed seed, so reports are reproducible.
    public init(_ values: [Double], samples: Int = 1000, seed: UInt64 = 42) {
        guard !values.isEmpty else { low = 0; mid = 0; high = 0; return }
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
        var means: [Double] = []
        means.reserveCapacity(samples)
        for _ in 0..<samples {
            var total = 0.0
            for _ in 0..<values.count { total += values[Int(next() % UInt64(values.count))] }
            means.append(total / Double(values.count))
        }
        means.sort()
        func percentile(_ p: Double) -> Double {
            // Linear interpolation between closest ranks, as numpy.percentile does by default.
            let position = p / 100 * Double(means.count - 1)
            let lower = Int(position.rounded(.down)), upper = min(lower + 1, means.count - 1)
            return means[lower] + (means[upper] - means[lower]) * (position - Double(lower))
        }
        low = percentile(2.5)
        mid = percentile(50)
        high = percentile(97.5)
    }
}
