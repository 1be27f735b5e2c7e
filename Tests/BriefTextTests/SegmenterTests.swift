import BriefResources
import Testing
@testable import BriefText

private let repositoryRoot = "/" + String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")

private func english() throws -> Segmenter {
    let data = DataDirectory(root: repositoryRoot)
    return try Segmenter(language: "en", abbreviations: try AbbreviationList.load(language: "en", from: data))
}

private func texts(_ ranges: [Range<Int>], in text: String) -> [String] {
    let bytes = Array(text.utf8)
    return ranges.map { String(decoding: bytes[$0], as: UTF8.self) }
}

@Suite struct SegmenterTests {
    @Test func titlesAndAbbreviationsDoNotEndSentences() throws {
        let text = "Brig. Gen. Yahya Rasool met Mr. Smith and Dr. Jones in the U.S. capital on Monday. They discussed the S-400."
        let sentences = texts(try english().sentences(in: text), in: text)
        #expect(sentences == [
            "Brig. Gen. Yahya Rasool met Mr. Smith and Dr. Jones in the U.S. capital on Monday.",
            "They discussed the S-400.",
        ])
    }

    @Test func ambiguousAbbreviationEndsBeforeAnOpener() throws {
        let text = "The deal was signed in the U.S. The ministry confirmed it."
        #expect(try english().sentences(in: text).count == 2)
        let inside = "Support from the U.S. military continued."
        #expect(try english().sentences(in: inside).count == 1)
    }

    @Test func decimalsAndQuotes() throws {
        let text = "It spent 2.5 billion dollars. “We buy systems,” he said. Was it enough?"
        let sentences = texts(try english().sentences(in: text), in: text)
        #expect(sentences == ["It spent 2.5 billion dollars.", "“We buy systems,” he said.", "Was it enough?"])
    }

    @Test func arabicQuestionMark() throws {
        let segmenter = try Segmenter(language: "ar")
        let text = "هل تشتري تركيا المنظومة؟ قال الوزير إن المحادثات مستمرة."
        #expect(texts(segmenter.sentences(in: text), in: text) == ["هل تشتري تركيا المنظومة؟", "قال الوزير إن المحادثات مستمرة."])
    }

    @Test func wordsCarryOffsetsAndKinds() throws {
        let text = "Turkey bought 4 S-400 batteries"
        let words = try english().words(in: text)
        let bytes = Array(text.utf8)
        let shown = words.map { String(decoding: bytes[$0.range], as: UTF8.self) }
        #expect(shown == ["Turkey", "bought", "4", "S", "400", "batteries"])
        #expect(words[2].kind == .number)
        #expect(words[0].kind == .letters)
    }

    @Test func offsetsStayInUTF8BeyondASCII() throws {
        // ICU walks UTF-16; offsets must come back as UTF-8 bytes, also after characters of two,
        // three and four bytes (é, the curly quotes, the emoji outside the Basic Plane).
        let text = "Café “Hatha” 😀 said: S-400 is coming. وقال الوزير 𠀀 نعم. Done  now!"
        let segmenter = try english()
        let bytes = Array(text.utf8)
        let words = segmenter.words(in: text)
        let shown = words.map { String(decoding: bytes[$0.range], as: UTF8.self) }
        #expect(shown == ["Café", "Hatha", "said", "S", "400", "is", "coming", "وقال", "الوزير", "𠀀", "نعم", "Done", "now"])
        #expect(texts(segmenter.sentences(in: text), in: text)
                == ["Café “Hatha” 😀 said: S-400 is coming.", "وقال الوزير 𠀀 نعم.", "Done  now!"])
        // One hand-over of the text to ICU gives the same as the two separate calls.
        let (sentences, both) = bytes.withUnsafeBufferPointer { segmenter.sentencesAndWords(in: $0, offset: 7) }
        #expect(sentences == segmenter.sentences(in: text).map { ($0.lowerBound + 7)..<($0.upperBound + 7) })
        #expect(both.map { $0.range } == words.map { ($0.range.lowerBound + 7)..<($0.range.upperBound + 7) })
        #expect(both.map(\.kind) == words.map(\.kind))
    }

    @Test func arabicWordsKeepProclitics() throws {
        let segmenter = try Segmenter(language: "ar")
        let text = "وقال الوزير"
        let bytes = Array(text.utf8)
        #expect(segmenter.words(in: text).map { String(decoding: bytes[$0.range], as: UTF8.self) } == ["وقال", "الوزير"])
    }

    @Test func abbreviationFileErrorsNameTheLine() {
        #expect(throws: AbbreviationListError.badLine(source: "x.tsv", line: 2, text: "Gen\ttitle")) {
            try AbbreviationList(table: "Mr.\ttitle\nGen\ttitle", openers: "", source: "x.tsv")
        }
    }
}
