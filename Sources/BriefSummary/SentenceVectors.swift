import BriefDocument

/// Each sentence as a sparse vector of stem weights (term frequency × inverse sentence
/// frequency), for similarity between sentences in linear memory.
public struct SentenceVectors: Sendable {
    /// Per sentence: (term id, weight) pairs sorted by term id.
    public let vectors: [[(term: Int32, weight: Double)]]
    public let norms: [Double]
    /// Inverse sentence frequency of each term.
    public let idf: [Double]

    public init(_ document: Document) {
        let sentenceCount = max(1, document.sentences.count)
        var frequency = [Int](repeating: 0, count: document.terms.count)
        var counts: [[Int32: Int]] = []
        counts.reserveCapacity(document.sentences.count)
        for sentence in document.sentences {
            var local: [Int32: Int] = [:]
            for word in sentence.words {
                let term = document.wordTerms[word]
                if term >= 0 { local[term, default: 0] += 1 }
            }
            for term in local.keys { frequency[Int(term)] += 1 }
            counts.append(local)
        }
        let idf = frequency.map { log(Double(sentenceCount + 1) / Double($0 + 1)) + 1 }
        var vectors: [[(term: Int32, weight: Double)]] = []
        var norms: [Double] = []
        for local in counts {
            let vector = local.map { (term: $0.key, weight: Double($0.value) * idf[Int($0.key)]) }.sorted { $0.term < $1.term }
            vectors.append(vector)
            norms.append(vector.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot())
        }
        self.vectors = vectors
        self.norms = norms
        self.idf = idf
    }

    /// Cosine similarity of sentences `a` and `b`.
    public func cosine(_ a: Int, _ b: Int) -> Double {
        Self.cosine(vectors[a], norms[a], vectors[b], norms[b])
    }

    /// Cosine similarity of two sorted sparse vectors.
    public static func cosine(_ x: [(term: Int32, weight: Double)], _ normX: Double,
                              _ y: [(term: Int32, weight: Double)], _ normY: Double) -> Double {
        guard normX > 0, normY > 0 else { return 0 }
        var i = 0, j = 0
        var dot = 0.0
        while i < x.count, j < y.count {
            if x[i].term == y[j].term {
                dot += x[i].weight * y[j].weight
                i += 1
                j += 1
            } else if x[i].term < y[j].term {
                i += 1
            } else {
                j += 1
            }
        }
        return dot / (normX * normY)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
