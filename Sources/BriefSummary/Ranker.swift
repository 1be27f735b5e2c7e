import BriefDocument

/// A sentence ranker: gives every sentence of a document a score, higher is better.
///
/// Every summarization method implements this one small interface over the shared `Document`,
/// so budgets, redundancy control and output work the same for all of them.
public protocol Ranker: Sendable {
    /// The name users pass to `--method`.
    var name: String { get }
    /// One score per sentence of `document`, in sentence order.
    func scores(for document: Document) -> [Double]
}

/// Ranks sentences by position: the first sentence scores highest (the Lead-N baseline).
public struct LeadRanker: Ranker {
    public let name = "lead"

    public init() {}

    public func scores(for document: Document) -> [Double] {
        let count = document.sentences.count
        return (0..<count).map { Double(count - $0) }
    }
}
