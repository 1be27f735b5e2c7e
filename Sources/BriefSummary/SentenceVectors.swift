import BriefDocument

/// Each sentence as a sparse vector of stem weights (term frequency × inverse sentence
/// frequency), for similarity between sentences in linear memory.
public struct SentenceVectors: Sendable {
    /// Per sentence: (term id, weight) pairs sorted by term id.
    public let vectors: FlatRows<(term: Int32, weight: Double)>
    public let norms: [Double]
    /// Inverse sentence frequency of each term.
    public let idf: [Double]

    public init(_ document: Document) {
        let sentenceCount = max(1, document.sentences.count)
        let termCount = document.terms.count
        // Scratch counts indexed by term id: no dictionary per sentence.
        var scratch = [Int32](repeating: 0, count: termCount)
        var frequency = [Int](repeating: 0, count: termCount)
        // One flat array for all sentences: an array per sentence costs a heap block each, which
        // dominated memory on texts of many short paragraphs.
        var counts: [(term: Int32, count: Int32)] = []
        var starts: [Int32] = [0]
        starts.reserveCapacity(document.sentences.count + 1)
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
            for term in seen { counts.append((term: term, count: scratch[Int(term)])) }
            starts.append(Int32(counts.count))
            for term in seen {
                frequency[Int(term)] += 1
                scratch[Int(term)] = 0
            }
        }
        let idf = frequency.map { log(Double(sentenceCount + 1) / Double($0 + 1)) + 1 }
        let entries = counts.map { (term: $0.term, weight: Double($0.count) * idf[Int($0.term)]) }
        counts = []
        let vectors = FlatRows(storage: entries, starts: starts)
        var norms: [Double] = []
        norms.reserveCapacity(vectors.count)
        for vector in vectors {
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
    public static func cosine(_ x: ArraySlice<(term: Int32, weight: Double)>, _ normX: Double,
                              _ y: ArraySlice<(term: Int32, weight: Double)>, _ normY: Double) -> Double {
        guard normX > 0, normY > 0 else { return 0 }
        // Slices keep their parent's indices.
        var i = x.startIndex, j = y.startIndex
        var dot = 0.0
        while i < x.endIndex, j < y.endIndex {
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

/// Rows of varying length kept in one array: row `i` is `storage[starts[i]..<starts[i + 1]]`.
public struct FlatRows<Entry>: RandomAccessCollection, Sendable where Entry: Sendable {
    // The entry type is not called Element: that name is Collection's, and here an element is a row.
    public let storage: [Entry]
    public let starts: [Int32]

    public init(storage: [Entry], starts: [Int32]) {
        self.storage = storage
        self.starts = starts
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count - 1 }

    public subscript(position: Int) -> ArraySlice<Entry> {
        storage[Int(starts[position])..<Int(starts[position + 1])]
    }
}
