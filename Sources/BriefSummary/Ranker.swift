import BriefDocument

/// A sentence ranker: gives every sentence of a document a score, higher is better.
///
/// Every summarization method implements this one small interface over the shared `Document`,
/// so budgets, redundancy control and output work the same for all of them.
public protocol Ranker: Sendable {
    /// The name users pass to `--method`.
    var name: String { get }
    /// One score per sentence of `document`, in sentence order, with the features behind each.
    func rank(_ document: Document, vectors: SentenceVectors) -> Ranking
}

/// The scores of a document's sentences and, per sentence, the named features behind them.
public struct Ranking: Sendable {
    public var scores: [Double]
    /// The names of the features behind the scores.
    public var featureNames: [String]
    /// Per sentence, the value of each feature in `featureNames`, in that order.
    public var featureValues: [[Double]]
    /// Weight of redundancy against score when choosing (0 = none).
    public var redundancy: Double

    public init(scores: [Double], featureNames: [String] = [], featureValues: [[Double]] = [], redundancy: Double = 0) {
        self.scores = scores
        self.featureNames = featureNames
        self.featureValues = featureValues.count == scores.count ? featureValues : scores.map { _ in [] }
        self.redundancy = redundancy
    }

    /// Per sentence, the named features behind its score (for explanations; built on demand so
    /// that ranking makes no name pairs per sentence).
    public var features: [[(name: String, value: Double)]] {
        featureValues.map { values in zip(featureNames, values).map { (name: $0.0, value: $0.1) } }
    }
}

/// Ranks sentences by position: the first sentence scores highest (the Lead-N baseline).
public struct LeadRanker: Ranker {
    public let name = "lead"

    public init() {}

    public func rank(_ document: Document, vectors: SentenceVectors) -> Ranking {
        let count = document.sentences.count
        return Ranking(scores: (0..<count).map { Double(count - $0) / Double(max(count, 1)) },
                       featureNames: ["position"], featureValues: (0..<count).map { [Double($0)] })
    }
}

/// Graph centrality (the LexRank family): a sentence is central when many sentences are similar
/// to it. Similarity is computed only between sentences at most `window` apart, so cost grows
/// linearly with length.
public struct CentralityRanker: Ranker {
    public let name = "centrality"
    /// Similarity below which two sentences are not linked.
    public var threshold = 0.1
    public var window = 40
    public var damping = 0.85
    public var iterations = 30

    public init() {}

    public func rank(_ document: Document, vectors: SentenceVectors) -> Ranking {
        let scores = centrality(document.sentences.count, vectors: vectors)
        return Ranking(scores: scores, featureNames: ["centrality"], featureValues: scores.map { [$0] })
    }

    /// PageRank over the windowed similarity graph, scaled so the most central sentence is 1.
    public func centrality(_ count: Int, vectors: SentenceVectors) -> [Double] {
        guard count > 1 else { return [Double](repeating: 1, count: count) }
        var links: [[(Int, Double)]] = Array(repeating: [], count: count)
        // Sentence i's weights spread over a dense array: each dot product with a neighbour is
        // then one pass over the neighbour's terms (the same sums, in the same order, as merging).
        var dense = [Double](repeating: 0, count: vectors.idf.count)
        for i in 0..<count {
            let x = vectors.vectors[i], normX = vectors.norms[i]
            guard normX > 0 else { continue }
            for entry in x { dense[Int(entry.term)] = entry.weight }
            for j in (i + 1)..<min(count, i + window + 1) where vectors.norms[j] > 0 {
                var dot = 0.0
                for entry in vectors.vectors[j] { dot += dense[Int(entry.term)] * entry.weight }
                let similarity = dot / (normX * vectors.norms[j])
                if similarity >= threshold {
                    links[i].append((j, similarity))
                    links[j].append((i, similarity))
                }
            }
            for entry in x { dense[Int(entry.term)] = 0 }
        }
        let totals = links.map { $0.reduce(0) { $0 + $1.1 } }
        var rank = [Double](repeating: 1 / Double(count), count: count)
        for _ in 0..<iterations {
            // Sentences without links spread their share over all (standard PageRank), so an
            // isolated sentence is never central.
            var dangling = 0.0
            for i in 0..<count where totals[i] == 0 { dangling += rank[i] }
            var next = [Double](repeating: (1 - damping) / Double(count) + damping * dangling / Double(count), count: count)
            for i in 0..<count where totals[i] > 0 {
                let share = damping * rank[i] / totals[i]
                for (j, weight) in links[i] { next[j] += share * weight }
            }
            // Stop once the ranks have settled: news articles converge in a handful of rounds.
            var change = 0.0
            for i in 0..<count { change += abs(next[i] - rank[i]) }
            rank = next
            if change < 1e-6 { break }
        }
        let top = rank.max() ?? 1
        return rank.map { top > 0 ? $0 / top : 0 }
    }
}
