import BriefDocument
import BriefResources
import Testing
@testable import BriefSummary

private let repositoryRoot = "/" + String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")

/// Ranks by sentence length: lets the tests check that chosen sentences come back in article order.
private struct LongestRanker: Ranker {
    let name = "longest"
    func rank(_ document: Document, vectors: SentenceVectors) -> Ranking {
        Ranking(scores: document.sentences.map { Double($0.range.count) })
    }
}

@Suite struct SummarizerTests {
    let analyzer = Analyzer(data: DataDirectory(root: repositoryRoot))
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

    @Test func wordAndRatioBudgets() throws {
        let document = try analyzer.analyze(text)
        // Words per sentence: 2, 10, 4, 1.
        #expect(Summarizer().summarize(document, budget: .words(12)).sentences.map(\.index) == [0, 1])
        #expect(Summarizer().summarize(document, budget: .words(1)).sentences.map(\.index) == [0])
        // Half of 17 words: the second sentence does not fit, the shorter ones after it do.
        #expect(Summarizer().summarize(document, budget: .ratio(0.5)).sentences.map(\.index) == [0, 2, 3])
        #expect(Summarizer().summarize(document, budget: .sentences(10)).sentences.count == 4)
    }

    @Test func redundancyControlSkipsARepeat() throws {
        let document = try analyzer.analyze("Turkey bought Russian missiles. Turkey bought Russian missiles again. Washington threatened sanctions over the deal.")
        let ranking = Ranking(scores: [1.0, 0.9, 0.8], redundancy: 0.5)
        let chosen = Summarizer.select(ranking: ranking, document: document, vectors: SentenceVectors(document), budget: .sentences(2))
        #expect(chosen == [0, 2])
        let without = Summarizer.select(ranking: Ranking(scores: [1.0, 0.9, 0.8]), document: document,
                                        vectors: SentenceVectors(document), budget: .sentences(2))
        #expect(without == [0, 1])
    }

    @Test func centralityPrefersTheSentenceOthersResemble() throws {
        let document = try analyzer.analyze("""
        The weather was mild. Turkey's missile deal with Russia angered Washington. \
        Washington said the Russian missile deal would bring sanctions on Turkey. \
        A local team won its match. Turkey defended the missile deal with Russia.
        """)
        let scores = CentralityRanker().rank(document, vectors: SentenceVectors(document)).scores
        #expect(scores.indices.max { scores[$0] < scores[$1] } != 0)
        #expect(scores[0] < scores[1] && scores[3] < scores[2])
    }

    @Test func defaultRankerExplainsItsFeatures() throws {
        let weights = try SummaryWeights.load(language: "en", from: DataDirectory(root: repositoryRoot))
        #expect(weights != .positionOnly)
        let document = try analyzer.analyze(text)
        let ranking = FeatureRanker(weights: weights).rank(document, vectors: SentenceVectors(document))
        #expect(ranking.features[0].map(\.name) == FeatureRanker.featureNames)
        #expect(ranking.scores.count == 4)
    }

    @Test func weightsFileErrors() {
        #expect(throws: SummaryWeightsError.unknownFeature(source: "w.tsv", line: 2, name: "colour")) {
            try SummaryWeights(text: "lead\t1\ncolour\t2", source: "w.tsv")
        }
        #expect(throws: SummaryWeightsError.badLine(source: "w.tsv", line: 1, text: "lead")) { try SummaryWeights(text: "lead", source: "w.tsv") }
    }

    @Test func wrapsBecomeSingleSpaces() throws {
        let document = try analyzer.analyze("A sentence that\nwraps   over lines. Next.")
        #expect(Summarizer().summarize(document, budget: .sentences(1)).sentences[0].text == "A sentence that wraps over lines.")
    }
}
