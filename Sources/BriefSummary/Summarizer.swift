import BriefDocument

/// How much of an article a summary may keep.
public enum Budget: Sendable, Equatable, CustomStringConvertible {
    /// At most this many sentences.
    case sentences(Int)
    /// At most this many words (the first chosen sentence is kept even if longer).
    case words(Int)
    /// At most this share of the article's words (0…1).
    case ratio(Double)

    public var description: String {
        switch self {
        case .sentences(let count): return "\(count) sentences"
        case .words(let count): return "\(count) words"
        case .ratio(let ratio): return "\(ratio) of the words"
        }
    }
}

/// One chosen sentence: its index in the article and its text, unchanged.
public struct SummarySentence: Sendable, Equatable {
    /// Index into `Document.sentences`.
    public var index: Int
    public var text: String
    public var score: Double

    public init(index: Int, text: String, score: Double) {
        self.index = index
        self.text = text
        self.score = score
    }
}

/// The sentences chosen for a brief, in article order.
public struct Summary: Sendable {
    /// The ranker that chose them.
    public var method: String
    public var sentences: [SummarySentence]
    /// How many sentences the article's body has.
    public var sentenceCount: Int
    /// The ranking behind the choice (scores and features of every sentence), for `--explain`.
    public var ranking: Ranking
}

/// Chooses the best-ranked sentences within a budget, trading score against redundancy with
/// what is already chosen (maximal marginal relevance), and returns them in article order.
public struct Summarizer: Sendable {
    public var ranker: any Ranker

    public init(ranker: any Ranker = LeadRanker()) {
        self.ranker = ranker
    }

    /// The summary of `document` within `budget`.
    public func summarize(_ document: Document, budget: Budget) -> Summary {
        let vectors = SentenceVectors(document)
        let ranking = ranker.rank(document, vectors: vectors)
        precondition(ranking.scores.count == document.sentences.count, "a ranker must score every sentence")
        let chosen = Self.select(ranking: ranking, document: document, vectors: vectors, budget: budget)
        return Summary(
            method: ranker.name,
            sentences: chosen.map { SummarySentence(index: $0, text: Self.singleLine(document.text(ofSentence: $0)), score: ranking.scores[$0]) },
            sentenceCount: document.sentences.count,
            ranking: ranking
        )
    }

    /// Indices of the chosen sentences in article order.
    public static func select(ranking: Ranking, document: Document, vectors: SentenceVectors, budget: Budget) -> [Int] {
        let scores = ranking.scores
        let count = scores.count
        let totalWords = document.sentences.reduce(0) { $0 + $1.words.count }
        var maxSentences = count
        var maxWords = Int.max
        switch budget {
        // Budgets come from users: clamp before any arithmetic (a huge count must not overflow).
        case .sentences(let limit): maxSentences = min(count, max(0, limit))
        case .words(let limit): maxWords = max(0, limit)
        case .ratio(let ratio):
            let share = ratio.isNaN ? 1 : min(1, max(0, ratio))
            maxWords = max(1, Int((Double(totalWords) * share).rounded()))
        }
        // Ties go to the earlier sentence: position is the safest tie-breaker on news.
        let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        // Only the best few can be chosen; looking further costs without changing the result.
        let pool = Array(order.prefix(max(maxSentences == count ? count : maxSentences * 8, 16)))
        var chosen: [Int] = []
        var used = [Bool](repeating: false, count: count)
        var words = 0
        while chosen.count < maxSentences {
            var best = -1
            var bestValue = -Double.infinity
            for index in pool where !used[index] {
                var value = scores[index]
                if ranking.redundancy > 0, !chosen.isEmpty {
                    var closest = -Double.infinity
                    for other in chosen { closest = max(closest, vectors.cosine(index, other)) }
                    value -= ranking.redundancy * closest
                }
                if value > bestValue || (value == bestValue && index < best) { best = index; bestValue = value }
            }
            guard best >= 0 else { break }
            used[best] = true
            let length = document.sentences[best].words.count
            if maxWords != Int.max, !chosen.isEmpty, words + length > maxWords { continue }
            chosen.append(best)
            words += length
            if words >= maxWords { break }
        }
        return chosen.sorted()
    }

    /// The sentence with line wraps and runs of spaces made single spaces: a summary line must
    /// not carry the article's hard wraps.
    static func singleLine(_ text: Substring) -> String {
        // Most sentences have nothing to change: single ASCII spaces and no other whitespace.
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var previous: UInt8 = 0
            for (index, byte) in bytes.enumerated() {
                if byte == 0x0A || byte == 0x09 || byte == 0x0B || byte == 0x0C || byte == 0x0D || (byte == 0x20 && previous == 0x20) { return false }
                // Whitespace beyond ASCII: U+0085, U+00A0 (C2 ..), U+1680 (E1 9A 80), U+2000–U+200A,
                // U+2028, U+2029, U+202F, U+205F (E2 80/81 ..), U+3000 (E3 80 80).
                if byte == 0xC2 || byte == 0xE1 || byte == 0xE3 { return false }
                if byte == 0xE2, index + 2 < bytes.count {
                    let second = bytes[index + 1], third = bytes[index + 2]
                    if second == 0x80, third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF { return false }
                    if second == 0x81, third == 0x9F { return false }
                }
                previous = byte
            }
            return previous != 0x20 && bytes.first != 0x20
        }
        if plain == true { return String(text) }
        // Scalars, not Characters: grapheme breaking costs more than the rest of the selection.
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar.isASCII ? (scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r")
                : scalar.properties.isWhitespace
            if isSpace {
                pendingSpace = true
                continue
            }
            if pendingSpace, !result.isEmpty { result.append(" ") }
            pendingSpace = false
            result.append(scalar)
        }
        return String(result)
    }
}
