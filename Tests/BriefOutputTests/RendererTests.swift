import BriefInput
import BriefPipeline
import BriefResources
import Testing
@testable import BriefOutput

private let repositoryRoot = "/" + String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")

private func brief(_ text: String) throws -> ArticleBrief {
    var options = ArticlePipeline.Options()
    options.budget = .sentences(2)
    options.method = .lead
    return try ArticlePipeline(data: DataDirectory(root: repositoryRoot), options: options).brief(text: text, source: "a.txt")
}

@Suite struct RendererTests {
    let article = "Turkey prepares for sanctions\n\nCAIRO (Reuters) - He said “no” to the \"deal\". It went on.\tThen it ended."

    @Test func jsonKeepsKeyOrderAndEscapes() throws {
        let json = JSONRenderer(pretty: false).render(try brief(article))
        #expect(json.hasPrefix(#"{"source":"a.txt","encoding":null,"language":"en","script":"Latin","head":{"title":"Turkey prepares for sanctions","dateline":"CAIRO (Reuters) -"},"byline":{"outlet":{"id":"reuters","latin":"Reuters","arabic":"رويترز","country":["GB"],"domain":"reuters.com","kind":"agency"},"outlet_as_written":"Reuters","section":null,"author":null,"place":"CAIRO","date":null,"title":"Turkey prepares for sanctions"},"method":"lead","sentence_count":3,"sentences":[{"index":0,"text":"He said “no” to the \"deal\"."}"#))
    }

    @Test func jsonLinesRecordAndError() throws {
        let renderer = JSONRenderer(pretty: false)
        #expect(renderer.renderRecord(id: .integer(3), try brief(article)) == #"{"id":3,"sentences":["He said “no” to the \"deal\".","It went on."]}"#)
        #expect(renderer.renderError(id: .string("x"), "line 2: not valid JSON") == #"{"id":"x","error":"line 2: not valid JSON"}"#)
    }

    @Test func jsonValueEscapesControlCharacters() {
        #expect(JSONValue.string("a\u{1}b\nc").serialized() == #""a\u0001b\nc""#)
        #expect(JSONValue.object([("k", .array([]))]).serialized(pretty: true) == "{\n  \"k\": []\n}")
        #expect(JSONValue.double(.nan).serialized() == "null")
    }

    @Test func textShowsHeadThenSentences() throws {
        let text = TextRenderer().render(try brief(article))
        #expect(text.hasPrefix("Turkey prepares for sanctions\nSource: Reuters (رويترز)\nDateline: CAIRO\n\nHe said “no” to the \"deal\".\n\nIt went on.\n\nGlossary (en → ar):\n  Turkey = تركيا"))
    }

    @Test func textSaysWhenThereIsNoBody() throws {
        #expect(TextRenderer().render(try brief("Only a title here\n")) == "Only a title here\n\n(no body text to summarize)\n")
    }
}
