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
    public var featureValues: FeatureTable
    /// Weight of redundancy against score when choosing (0 = none).
    public var redundancy: Double

    public init(scores: [Double], featureNames: [String] = [], featureValues: FeatureTable = FeatureTable(columns: 0, values: []), redundancy: Double = 0) {
        self.scores = scores
        self.featureNames = featureNames
        self.featureValues = featureValues.count == scores.count ? featureValues : FeatureTable(columns: 0, values: [])
        self.redundancy = redundancy
    }

    /// Per sentence, the named features behind its score (for explanations; built on demand so
    /// that ranking makes no name pairs per sentence).
    public var features: [[(name: String, value: Double)]] {
        guard featureValues.columns > 0 else { return scores.map { _ in [] } }
        return featureValues.map { values in zip(featureNames, values).map { (name: $0.0, value: $0.1) } }
    }
}

/// The feature values of every sentence in one flat array, row by row: one heap block for the
/// document rather than one per sentence (texts of many one-line paragraphs made those dominate).
public struct FeatureTable: Sendable, RandomAccessCollection {
    /// Features per sentence.
    public let columns: Int
    /// Row-major values: sentence `i`'s features are `values[i * columns ..< (i + 1) * columns]`.
    public private(set) var values: [Double]

    public init(columns: Int, values: [Double]) {
        self.columns = columns
        self.values = values
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { columns == 0 ? 0 : values.count / columns }

    /// The features of sentence `row`, as a new array.
    public subscript(row: Int) -> [Double] {
        Array(values[row * columns..<(row + 1) * columns])
    }

    /// The value of feature `column` of sentence `row`.
    public func value(_ row: Int, _ column: Int) -> Double {
        values[row * columns + column]
    }

    /// The weighted sum of sentence `row`'s features, summed in column order.
    public func dot(_ row: Int, _ weights: [Double]) -> Double {
        var score = 0.0
        let base = row * columns
        for column in 0..<columns { score += weights[column] * values[base + column] }
        return score
    }
}

/// Ranks sentences by position: the first sentence scores highest (the Lead-N baseline).
public struct LeadRanker: Ranker {
    public let name = "lead"

    public init() {}

    public func rank(_ document: Document, vectors: SentenceVectors) -> Ranking {
        let count = document.sentences.count
        return Ranking(scores: (0..<count).map { Double(count - $0) / Double(max(count, 1)) },
                       featureNames: ["position"], featureValues: FeatureTable(columns: 1, values: (0..<count).map(Double.init)))
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
        return Ranking(scores: scores, featureNames: ["centrality"], featureValues: FeatureTable(columns: 1, values: scores))
    }

    /// PageRank over the windowed similarity graph, scaled so the most central sentence is 1.
    public func centrality(_ count: Int, vectors: SentenceVectors) -> [Double] {
        guard count > 1 else { return [Double](repeating: 1, count: count) }
        // Links found once per pair (i < j), in the order found: sentence i's later neighbours
        // as distances (within the window, so 16 bits) and their weights, flat. Texts of many
        // short lines link every sentence to several others: edges as (i, j, weight) triples and
        // a second copy of every weight per direction cost more memory than the document.
        let window = min(self.window, Int(Int16.max))
        var forwardStart = [Int32](repeating: 0, count: count + 1)
        var forwardDistance: [Int16] = []
        var forwardWeight: [Double] = []
        forwardDistance.reserveCapacity(count * 4)
        forwardWeight.reserveCapacity(count * 4)
        // Sentence i's weights spread over a dense array: each dot product with a neighbour is
        // then one pass over the neighbour's terms (the same sums, in the same order, as merging).
        var dense = [Double](repeating: 0, count: vectors.idf.count)
        var degree = [Int32](repeating: 0, count: count + 1)
        for i in 0..<count {
            defer { forwardStart[i + 1] = Int32(forwardWeight.count) }
            let x = vectors.vectors[i], normX = vectors.norms[i]
            guard normX > 0 else { continue }
            for entry in x { dense[Int(entry.term)] = entry.weight }
            for j in (i + 1)..<min(count, i + window + 1) where vectors.norms[j] > 0 {
                var dot = 0.0
                for entry in vectors.vectors[j] { dot += dense[Int(entry.term)] * entry.weight }
                let similarity = dot / (normX * vectors.norms[j])
                if similarity >= threshold {
                    forwardDistance.append(Int16(j - i))
                    forwardWeight.append(similarity)
                    degree[i + 1] += 1
                    degree[j + 1] += 1
                }
            }
            for entry in x { dense[Int(entry.term)] = 0 }
        }
        // Each sentence's links in the order the per-sentence lists had them: those to earlier
        // sentences (found while visiting them) first, then those to later ones; totals are
        // summed in that order so that every score comes out the same to the last bit. A link
        // is a signed distance to the other sentence and the index of its weight.
        for i in 0..<count { degree[i + 1] += degree[i] }
        var fill = Array(degree[0..<count])
        let links = Int(degree[count])
        var distance = [Int16](repeating: 0, count: links)
        var weightIndex = [Int32](repeating: 0, count: links)
        // Pairs are found ordered by i, then j: for sentence k, links to earlier sentences arrive
        // (as j) in increasing i, interleaved with its own links to later ones (as i) once i reaches k.
        for i in 0..<count {
            for edge in Int(forwardStart[i])..<Int(forwardStart[i + 1]) {
                let j = i + Int(forwardDistance[edge])
                distance[Int(fill[i])] = forwardDistance[edge]; weightIndex[Int(fill[i])] = Int32(edge); fill[i] += 1
                distance[Int(fill[j])] = -forwardDistance[edge]; weightIndex[Int(fill[j])] = Int32(edge); fill[j] += 1
            }
        }
        // Only the links and the weights are needed from here on.
        (forwardDistance, forwardStart, fill) = ([], [], [])
        var totals = [Double](repeating: 0, count: count)
        for i in 0..<count {
            var total = 0.0
            for link in Int(degree[i])..<Int(degree[i + 1]) { total += forwardWeight[Int(weightIndex[link])] }
            totals[i] = total
        }
        var rank = [Double](repeating: 1 / Double(count), count: count)
        var next = [Double](repeating: 0, count: count)
        for _ in 0..<iterations {
            // Sentences without links spread their share over all (standard PageRank), so an
            // isolated sentence is never central.
            var dangling = 0.0
            for i in 0..<count where totals[i] == 0 { dangling += rank[i] }
            let base = (1 - damping) / Double(count) + damping * dangling / Double(count)
            for i in 0..<count { next[i] = base }
            for i in 0..<count where totals[i] > 0 {
                let share = damping * rank[i] / totals[i]
                for link in Int(degree[i])..<Int(degree[i + 1]) {
                    next[i + Int(distance[link])] += share * forwardWeight[Int(weightIndex[link])]
                }
            }
            // Stop once the ranks have settled: news articles converge in a handful of rounds.
            var change = 0.0
            for i in 0..<count { change += abs(next[i] - rank[i]) }
            swap(&rank, &next)
            if change < 1e-6 { break }
        }
        let top = rank.max() ?? 1
        for i in 0..<count { rank[i] = top > 0 ? rank[i] / top : 0 }
        return rank
    }
}
