import BriefResources
import BriefSummary
import Testing
@testable import BriefPipeline

private let repositoryRoot = "/" + String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")

@Suite struct ArticlePipelineTests {
    func pipeline(sentences: Int = 2, maxBytes: Int = 1 << 20) -> ArticlePipeline {
        var options = ArticlePipeline.Options()
        options.budget = .sentences(sentences)
        options.maxBytes = maxBytes
        return ArticlePipeline(data: DataDirectory(root: repositoryRoot), options: options)
    }

    @Test func bundledExample() throws {
        let brief = try pipeline().brief(path: repositoryRoot + "/Examples/al-mada-air-defense.txt")
        #expect(brief.encoding == "UTF-8")
        #expect(brief.document.headerText(.source) == "(Al-Mada | Iraq Politics )-")
        #expect(brief.summary.sentences.count == 2)
        #expect(brief.summary.sentences[0].text.hasPrefix("Iraq’s defense ministry said on Sunday"))
    }

    @Test func bytesInALegacyEncoding() throws {
        let brief = try pipeline().brief(path: repositoryRoot + "/Tests/Fixtures/arabic-windows-1256.txt")
        #expect(brief.encoding == "windows-1256")
        #expect(brief.document.language == "ar")
        #expect(brief.summary.sentences[0].text.hasPrefix("قالت وزارة الدفاع"))
    }

    @Test func errorsNameTheSource() {
        #expect(throws: ArticleError(source: "x.txt", problem: "empty input")) { try pipeline().brief(bytes: [], source: "x.txt") }
        #expect(throws: ArticleError(source: "/no/file", problem: "no such file")) { try pipeline().brief(path: "/no/file") }
        #expect(throws: ArticleError(source: "rec-1", problem: "empty input")) { try pipeline().brief(text: "  ", source: "rec-1") }
        #expect {
            try pipeline(maxBytes: 8).brief(text: "A long enough text.", source: "rec-2")
        } throws: { error in
            (error as? ArticleError)?.description.hasPrefix("rec-2: input is 19 bytes") == true
        }
    }

    @Test func givenTitleAndLanguage() throws {
        let brief = try pipeline().brief(text: "Le ministre a parlé. Il a conclu.", source: "r", title: "Un titre", language: "fr")
        #expect(brief.document.headerText(.title) == "Un titre")
        #expect(brief.document.language == "fr")
        #expect(brief.summary.sentences.count == 2)
    }
}
