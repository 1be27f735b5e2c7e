import BriefResources
import BriefText
import Testing
@testable import BriefDocument

private let repositoryRoot = "/" + String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")

@Suite struct AnalyzerTests {
    let analyzer = Analyzer(data: DataDirectory(root: repositoryRoot))

    @Test func headKeptApartFromBody() throws {
        let text = """
        Turkey prepares for sanctions
        By Jane Doe
        March 12, 2019

        (Hatha al-Youm | Iraq News )- Turkey said it was ready. The talks go on.
        """
        let document = try analyzer.analyze(text)
        #expect(document.headerText(.title) == "Turkey prepares for sanctions")
        #expect(document.headerText(.byline) == "By Jane Doe")
        #expect(document.headerText(.dateline) == "March 12, 2019")
        #expect(document.headerText(.source) == "(Hatha al-Youm | Iraq News )-")
        #expect(document.sentences.count == 2)
        #expect(document.text(ofSentence: 0) == "Turkey said it was ready.")
        #expect(document.text(ofSentence: 1) == "The talks go on.")
    }

    @Test func agencyDateline() throws {
        let document = try analyzer.analyze("CAIRO (Reuters) - Egypt said on Monday it would buy the jets. Talks ended.")
        #expect(document.headerText(.dateline) == "CAIRO (Reuters) -")
        #expect(document.text(ofSentence: 0) == "Egypt said on Monday it would buy the jets.")
    }

    @Test func noParagraphBreaksStillSplitsSentences() throws {
        let text = "Ankara bought the system. Washington objected. The deal went ahead anyway. Sanctions followed."
        let document = try analyzer.analyze(text)
        #expect(document.paragraphs.count == 1)
        #expect(document.sentences.count == 4)
    }

    @Test func paragraphsAndWrappedLines() throws {
        let text = "First paragraph has a line\nthat wraps here. And a second sentence.\n\nSecond paragraph."
        let document = try analyzer.analyze(text)
        #expect(document.paragraphs.count == 2)
        #expect(document.sentences.count == 3)
        #expect(document.sentences[2].paragraph == 1)
        #expect(document.text(ofSentence: 0) == "First paragraph has a line\nthat wraps here.")
    }

    @Test func offsetsAndWordsAgree() throws {
        let text = "Defense Minister Hulusi Akar spoke. “We are pleased,” he said. هذا اليوم."
        let document = try analyzer.analyze(text, language: "en")
        for (index, sentence) in document.sentences.enumerated() {
            for word in document.words(ofSentence: index) {
                #expect(sentence.range.contains(word.range.lowerBound))
                #expect(word.range.upperBound <= sentence.range.upperBound)
            }
        }
        let words = document.words(ofSentence: 0).map { String(document[$0.range]) }
        #expect(words == ["Defense", "Minister", "Hulusi", "Akar", "spoke"])
    }

    @Test func onlyATitle() throws {
        let document = try analyzer.analyze("Turkey prepares for sanctions\n")
        #expect(document.headerText(.title) == "Turkey prepares for sanctions")
        #expect(document.sentences.isEmpty)
    }

    @Test func oneSentence() throws {
        let document = try analyzer.analyze("Turkey said it was preparing for sanctions.")
        #expect(document.sentences.count == 1)
        #expect(document.headerText(.title) == nil)
    }

    @Test func arabicLanguageFromScript() throws {
        let document = try analyzer.analyze("قالت الوزارة إنها بدأت محادثات. وأضاف المتحدث أن القرار لم يتخذ.")
        #expect(document.language == "ar")
        #expect(document.script == .arabic)
        #expect(document.sentences.count == 2)
    }
}
