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
        let termCount = document.terms.count
        // Scratch counts indexed by term id: no dictionary per sentence.
        var scratch = [Int32](repeating: 0, count: termCount)
        var frequency = [Int](repeating: 0, count: termCount)
        var sentenceTerms: [[(term: Int32, count: Int32)]] = []
        sentenceTerms.reserveCapacity(document.sentences.count)
        var seen: [Int32] = []
        for sentence in document.sentences {
            seen.removeAll(keepingCapacity: true)
            for word in sentence.words {
                let term = document.wordTerms[word]
                guard term >= 0 else { continue }
                if scratch[Int(term)] == 0 { seen.append(term) }
                scratch[Int(term)] += 1
            }
            seen.sort()
            sentenceTerms.append(seen.map { (term: $0, count: scratch[Int($0)]) })
            for term in seen {
                frequency[Int(term)] += 1
                scratch[Int(term)] = 0
            }
        }
        let idf = frequency.map { log(Double(sentenceCount + 1) / Double($0 + 1)) + 1 }
        var vectors: [[(term: Int32, weight: Double)]] = []
        vectors.reserveCapacity(sentenceTerms.count)
        var norms: [Double] = []
        norms.reserveCapacity(sentenceTerms.count)
        for terms in sentenceTerms {
            let vector = terms.map { (term: $0.term, weight: Double($0.count) * idf[Int($0.term)]) }
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
