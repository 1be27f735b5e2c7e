import BriefDocument
import BriefResources

/// The default ranker: a weighted sum of sentence features (position, centrality, similarity to
/// the centroid and to the lead, names, numbers, length), with weights tuned on evaluation data
/// and kept in `Models/summary/`.
public struct FeatureRanker: Ranker {
    public let name = "default"
    public var weights: SummaryWeights

    /// Whether the ranking keeps every sentence's feature values (for `--explain`), or scores only.
    public var keepFeatures: Bool

    public init(weights: SummaryWeights, keepFeatures: Bool = true) {
        self.weights = weights
        self.keepFeatures = keepFeatures
    }

    /// The names of the features, in the order `features(of:)` computes them.
    public static let featureNames = ["lead", "first", "paragraph_start", "centrality", "centroid", "lead_similarity",
                                      "names", "numbers", "length", "short", "quote", "title"]

    public func rank(_ document: Document, vectors: SentenceVectors) -> Ranking {
        guard keepFeatures else {
            // Scores only: the table (12 values a sentence) is what --explain shows, and on long
            // texts it weighs more than the document.
            var scores = [Double](repeating: 0, count: document.sentences.count)
            Self.forEachRow(of: document, vectors: vectors) { index, row in
                var score = 0.0
                for column in 0..<row.count { score += weights.feature[column] * row[column] }
                scores[index] = score
            }
            return Ranking(scores: scores, featureNames: Self.featureNames, redundancy: weights.redundancy)
        }
        let table = Self.features(of: document, vectors: vectors)
        let scores = (0..<table.count).map { table.dot($0, weights.feature) }
        return Ranking(scores: scores, featureNames: Self.featureNames, featureValues: table, redundancy: weights.redundancy)
    }

    /// One row of feature values per sentence (see `featureNames`).
    public static func features(of document: Document, vectors: SentenceVectors) -> FeatureTable {
        var rows: [Double] = []
        rows.reserveCapacity(document.sentences.count * featureNames.count)
        forEachRow(of: document, vectors: vectors) { _, row in rows.append(contentsOf: row) }
        return FeatureTable(columns: featureNames.count, values: rows)
    }

    /// Each sentence's feature values, in sentence order, in one reused buffer.
    static func forEachRow(of document: Document, vectors: SentenceVectors, _ body: (Int, UnsafeBufferPointer<Double>) -> Void) {
        let count = document.sentences.count
        guard count > 0 else { return }
        let centrality = CentralityRanker().centrality(count, vectors: vectors)
        // The centroid: the sum of all sentence vectors, dense by term id.
        var centroid = [Double](repeating: 0, count: document.terms.count)
        for vector in vectors.vectors { for (term, weight) in vector { centroid[Int(term)] += weight } }
        let centroidNorm = centroid.reduce(0) { $0 + $1 * $1 }.squareRoot()
        func centroidCosine(_ index: Int) -> Double {
            guard centroidNorm > 0, vectors.norms[index] > 0 else { return 0 }
            var dot = 0.0
            for (term, weight) in vectors.vectors[index] { dot += weight * centroid[Int(term)] }
            return dot / (centroidNorm * vectors.norms[index])
        }
        // The title as a vector of the same weights.
        var titleWeights: [Int32: Double] = [:]
        for term in document.titleTerms { titleWeights[term, default: 0] += vectors.idf[Int(term)] }
        let title = titleWeights.map { (term: $0.key, weight: $0.value) }.sorted { $0.term < $1.term }
        let titleNorm = title.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
        var row = [Double](repeating: 0, count: featureNames.count)
        for (index, sentence) in document.sentences.enumerated() {
            let wordCount = sentence.words.count
            var capitalized = 0
            var numbers = 0
            for word in sentence.words.dropFirst() where document.wordIsCapitalized[word] { capitalized += 1 }
            for word in sentence.words where document.words[word].kind == .number { numbers += 1 }
            let isParagraphStart = index == document.paragraphs[sentence.paragraph].sentences.lowerBound
            let first = document.text(ofSentence: index).unicodeScalars.first
            let quote = first == "\u{201C}" || first == "\"" || first == "'" || first == "\u{2018}"
            row[0] = 1 / Double(index + 1)
            for (column, value) in [
                index == 0 ? 1 : 0,
                isParagraphStart ? 1 : 0,
                centrality[index],
                centroidCosine(index),
                index == 0 ? 1 : vectors.cosine(index, 0),
                wordCount > 1 ? Double(capitalized) / Double(wordCount - 1) : 0,
                numbers > 0 ? 1 : 0,
                Double(min(wordCount, 40)) / 40,
                wordCount < 6 ? 1 : 0,
                quote ? 1 : 0,
                SentenceVectors.cosine(vectors.vectors[index], vectors.norms[index], title[...], titleNorm),
            ].enumerated() { row[column + 1] = value }
            row.withUnsafeBufferPointer { body(index, $0) }
        }
    }
}

/// Feature weights of the default ranker, read from `Models/summary/weights-<lang>.tsv`
/// (or `weights.tsv` for languages without their own).
public struct SummaryWeights: Sendable, Equatable {
    /// One weight per entry of `FeatureRanker.featureNames`.
    public var feature: [Double]
    /// Weight of redundancy against score when choosing sentences.
    public var redundancy: Double

    public init(feature: [Double], redundancy: Double) {
        self.feature = feature
        self.redundancy = redundancy
    }

    /// Position alone: a Lead-N fallback when no weights file exists.
    public static let positionOnly = SummaryWeights(
        feature: FeatureRanker.featureNames.map { $0 == "lead" ? 1 : 0 }, redundancy: 0)

    /// Parses `feature<TAB>weight` lines (plus `redundancy<TAB>value`).
    public init(text: String, source: String) throws(SummaryWeightsError) {
        var feature = [Double](repeating: 0, count: FeatureRanker.featureNames.count)
        var redundancy = 0.0
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = (raw.firstIndex(of: "#").map { raw[..<$0] } ?? raw).trimmingWhitespace()
            if line.isEmpty { continue }
            let parts = line.split(whereSeparator: { $0 == "\t" || $0 == " " })
            guard parts.count == 2, let value = Double(parts[1]) else {
                throw .badLine(source: source, line: number + 1, text: String(raw))
            }
            if parts[0] == "redundancy" {
                redundancy = value
            } else if let index = FeatureRanker.featureNames.firstIndex(of: String(parts[0])) {
                feature[index] = value
            } else {
                throw .unknownFeature(source: source, line: number + 1, name: String(parts[0]))
            }
        }
        self.init(feature: feature, redundancy: redundancy)
    }

    /// The weights for `language` from the data folder.
    public static func load(language: String, from data: DataDirectory) throws -> SummaryWeights {
        for name in ["Models/summary/weights-\(language).tsv", "Models/summary/weights.tsv"] where data.exists(name) {
            return try SummaryWeights(text: data.text(name), source: data.path(name))
        }
        return .positionOnly
    }

    /// The weights as a file, one feature per line.
    public func serialized() -> String {
        var out = ""
        for (name, weight) in zip(FeatureRanker.featureNames, feature) { out += "\(name)\t\(weight)\n" }
        out += "redundancy\t\(redundancy)\n"
        return out
    }
}

/// Why a weights file could not be read.
public enum SummaryWeightsError: Error, Equatable, CustomStringConvertible {
    case badLine(source: String, line: Int, text: String)
    case unknownFeature(source: String, line: Int, name: String)

    public var description: String {
        switch self {
        case .badLine(let source, let line, let text): return "\(source):\(line): expected 'feature<TAB>number', got '\(text)'"
        case .unknownFeature(let source, let line, let name):
            return "\(source):\(line): unknown feature '\(name)' (known: \(FeatureRanker.featureNames.joined(separator: ", ")), redundancy)"
        }
    }
}
