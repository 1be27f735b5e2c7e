import BriefDocument
import Testing
@testable import BriefSummary

/// Ranks by sentence length: lets the tests check that chosen sentences come back in article order.
private struct LongestRanker: Ranker {
    let name = "longest"
    func scores(for document: Document) -> [Double] {
        document.sentences.map { Double($0.range.count) }
    }
}

@Suite struct SummarizerTests {
    let analyzer = Analyzer(data: nil)
    let text = "Short one. This is the longest sentence of them all by far. Medium sized sentence here. Tiny."

    @Test func leadTakesTheFirstSentences() throws {
        let document = try analyzer.analyze(text)
        let summary = Summarizer().summarize(document, budget: .sentences(2))
        #expect(summary.method == "lead")
        #expect(summary.sentences.map(\.index) == [0, 1])
        #expect(summary.sentences.map(\.text) == ["Short one.", "This is the longest sentence of them all by far."])
        #expect(summary.sentenceCount == 4)
    }

    @Test func chosenSentencesKeepArticleOrder() throws {
        let document = try analyzer.analyze(text)
        let summary = Summarizer(ranker: LongestRanker()).summarize(document, budget: .sentences(2))
        #expect(summary.sentences.map(\.index) == [1, 2])
    }

    @Test func budgetLargerThanArticle() throws {
        let document = try analyzer.analyze(text)
        #expect(Summarizer().summarize(document, budget: .sentences(10)).sentences.count == 4)
    }

    @Test func wrapsBecomeSingleSpaces() throws {
        let document = try analyzer.analyze("A sentence that\nwraps   over lines. Next.")
        #expect(Summarizer().summarize(document, budget: .sentences(1)).sentences[0].text == "A sentence that wraps over lines.")
    }
}
