import BriefDocument

/// How much of an article a summary may keep.
public enum Budget: Sendable, Equatable, CustomStringConvertible {
    /// At most this many sentences.
    case sentences(Int)

    public var description: String {
        switch self {
        case .sentences(let count): return "\(count) sentences"
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
public struct Summary: Sendable, Equatable {
    /// The ranker that chose them.
    public var method: String
    public var sentences: [SummarySentence]
    /// How many sentences the article's body has.
    public var sentenceCount: Int
}

/// Chooses the best-ranked sentences within a budget and returns them in article order.
public struct Summarizer: Sendable {
    public var ranker: any Ranker

    public init(ranker: any Ranker = LeadRanker()) {
        self.ranker = ranker
    }

    /// The summary of `document` within `budget`.
    public func summarize(_ document: Document, budget: Budget) -> Summary {
        let scores = ranker.scores(for: document)
        precondition(scores.count == document.sentences.count, "a ranker must score every sentence")
        let limit: Int
        switch budget {
        case .sentences(let count): limit = max(0, count)
        }
        // Ties go to the earlier sentence: position is the safest tie-breaker on news.
        let chosen = scores.indices
            .sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
            .prefix(limit)
            .sorted()
        return Summary(
            method: ranker.name,
            sentences: chosen.map { SummarySentence(index: $0, text: Self.singleLine(document.text(ofSentence: $0)), score: scores[$0]) },
            sentenceCount: document.sentences.count
        )
    }

    /// The sentence with line wraps and runs of spaces made single spaces: a summary line must
    /// not carry the article's hard wraps.
    static func singleLine(_ text: Substring) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = true
                continue
            }
            if pendingSpace, !result.isEmpty { result.append(" ") }
            pendingSpace = false
            result.append(character)
        }
        return result
    }
}
