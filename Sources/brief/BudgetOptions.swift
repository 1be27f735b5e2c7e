import ArgumentParser
import BriefPipeline
import BriefSummary

/// How long a summary may be: sentences, words or a share of the article.
struct BudgetOptions: ParsableArguments {
    @Option(name: .long, help: "How many sentences to keep, 1 to 100000 (default 3 when no other budget is given).")
    var sentences: Int?

    @Option(name: .long, help: "How many words to keep at most, 1 to 10000000 (the first chosen sentence is always kept).")
    var words: Int?

    @Option(name: .long, help: ArgumentHelp("Share of the article's words to keep, between 0 and 1.", valueName: "ratio"))
    var ratio: Double?

    static let maxSentences = 100_000
    static let maxWords = 10_000_000

    func validate() throws {
        let given = [sentences != nil, words != nil, ratio != nil].filter { $0 }.count
        guard given <= 1 else { throw ValidationError("give one budget: --sentences, --words or --ratio") }
        if let sentences, !(1...Self.maxSentences).contains(sentences) { throw ValidationError("--sentences must be between 1 and \(Self.maxSentences) (got \(sentences))") }
        if let words, !(1...Self.maxWords).contains(words) { throw ValidationError("--words must be between 1 and \(Self.maxWords) (got \(words))") }
        if let ratio, !(ratio > 0 && ratio <= 1) { throw ValidationError("--ratio must be above 0 and at most 1 (got \(ratio))") }
    }

    var budget: Budget {
        if let words { return .words(words) }
        if let ratio { return .ratio(ratio) }
        return .sentences(sentences ?? 3)
    }
}

extension ArticlePipeline.Method: ExpressibleByArgument {}
