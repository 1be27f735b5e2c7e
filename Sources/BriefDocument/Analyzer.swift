import BriefLanguage
import BriefResources
import BriefText

/// Turns text into a `Document`: head split from body, paragraphs, sentences and words.
///
/// Caches one `Segmenter` per language (ICU handles are costly to open): keep one analyzer per
/// thread and reuse it across documents.
public final class Analyzer {
    private let data: DataDirectory?
    private var segmenters: [String: Segmenter] = [:]
    private var languageTools: [String: LanguageTools] = [:]
    public let headParser = HeadParser()
    /// Per global stem id: the current document's id for it, valid where its stamp is `generation`.
    private var localIDs: [Int32] = []
    private var stamps: [UInt32] = []
    private var generation: UInt32 = 0

    /// `data` supplies abbreviation lists; without it ICU's own rules apply alone.
    public init(data: DataDirectory?) {
        self.data = data
    }

    /// The segmenter for a language, opened on first use.
    public func segmenter(for language: String) throws -> Segmenter {
        if let cached = segmenters[language] { return cached }
        let abbreviations = try data.map { try AbbreviationList.load(language: language, from: $0) } ?? .empty
        let segmenter = try Segmenter(language: language, abbreviations: abbreviations)
        segmenters[language] = segmenter
        return segmenter
    }

    /// The stemmer and stop words for a language, loaded on first use.
    public func tools(for language: String) throws -> LanguageTools {
        if let cached = languageTools[language] { return cached }
        let tools = try LanguageTools.load(language: language, from: data)
        languageTools[language] = tools
        return tools
    }

    /// Analyzes `text`; `language` overrides the guess from the script, `title` is a title
    /// given outside the text.
    public func analyze(_ text: String, language: String? = nil, title: String? = nil) throws -> Document {
        // Offsets in the document model are 32-bit.
        guard text.utf8.count < Int(Int32.max) else { throw TextError.tooLarge(bytes: text.utf8.count, limit: Int(Int32.max) - 1) }
        // A few thousand characters tell the script; counting them all would cost more than segmenting.
        let profile = ScriptDetector.profile(of: text, limit: 1000)
        let language = language ?? Self.defaultLanguage(for: profile.dominant)
        let segmenter = try segmenter(for: language)
        let parts = Segmenter.withBytes(of: text) { bytes in
            let (headerLines, headFields, bodyStart) = headParser.parse(bytes)
            var paragraphs: [Paragraph] = []
            var sentences: [Sentence] = []
            var words: [WordToken] = []
            var scratch: [UInt8] = []
            // Sized once: growing by doubling keeps the old and the new block alive at once,
            // which showed on texts of many one-line paragraphs.
            let ranges = Self.paragraphRanges(in: bytes, from: bodyStart)
            paragraphs.reserveCapacity(ranges.count)
            sentences.reserveCapacity(ranges.count)
            for range in ranges {
                // Line breaks inside a paragraph are wraps: segment a copy where they are spaces
                // (same byte length, so offsets stay valid) lest ICU end a sentence at each.
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
                for index in scratch.indices where scratch[index] == 0x0A { scratch[index] = 0x20 }
                let (sentenceRanges, paragraphWords) = scratch.withUnsafeBufferPointer { copy in
                    segmenter.sentencesAndWords(in: copy, offset: range.lowerBound)
                }
                guard !sentenceRanges.isEmpty else { continue }
                let firstSentence = sentences.count
                var wordIndex = 0
                for sentenceRange in sentenceRanges {
                    while wordIndex < paragraphWords.count, Int(paragraphWords[wordIndex].end) <= sentenceRange.lowerBound {
                        wordIndex += 1
                    }
                    let firstWord = words.count + wordIndex
                    while wordIndex < paragraphWords.count, Int(paragraphWords[wordIndex].start) < sentenceRange.upperBound {
                        wordIndex += 1
                    }
                    sentences.append(Sentence(range: sentenceRange, paragraph: paragraphs.count,
                                              words: firstWord..<(words.count + wordIndex)))
                }
                words.append(contentsOf: paragraphWords)
                paragraphs.append(Paragraph(range: range, sentences: firstSentence..<sentences.count))
            }
            return (headerLines, paragraphs, sentences, words, headFields)
        }
        let tools = try tools(for: language)
        tools.forgetStems()
        var terms: [String] = []
        var capitalized = [Bool](repeating: false, count: parts.3.count)
        generation &+= 1
        var wordTerms = Segmenter.withBytes(of: text) { bytes in
            for (index, word) in parts.3.enumerated() {
                let first = bytes[Int(word.start)]
                if first < 0x80 {
                    capitalized[index] = first >= 0x41 && first <= 0x5A
                } else if let scalar = String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(word.start)..<min(Int(word.end), Int(word.start) + 4)]),
                                              as: UTF8.self).unicodeScalars.first {
                    capitalized[index] = scalar.properties.isUppercase
                }
            }
            let words = parts.3
            return tools.termIDs(count: words.count, in: bytes) { words[$0].kind == .letters ? words[$0].range : nil }
        }
        // Global stem ids become the document's own, numbered in order of first sight. The
        // stamped arrays are moved out of the object for the loop (no exclusivity check per word).
        var stamps: [UInt32] = [], localIDs: [Int32] = []
        swap(&stamps, &self.stamps)
        swap(&localIDs, &self.localIDs)
        let stems = tools.stems
        let generation = self.generation
        if stems.count > stamps.count {
            let size = max(stems.count, stamps.count * 2, 1024)
            stamps += [UInt32](repeating: 0, count: size - stamps.count)
            localIDs += [Int32](repeating: 0, count: size - localIDs.count)
        }
        for index in wordTerms.indices where wordTerms[index] >= 0 {
            let slot = Int(wordTerms[index])
            if stamps[slot] != generation {
                stamps[slot] = generation
                localIDs[slot] = Int32(terms.count)
                terms.append(stems[slot])
            }
            wordTerms[index] = localIDs[slot]
        }
        swap(&stamps, &self.stamps)
        swap(&localIDs, &self.localIDs)
        let termIndex = { (global: Int32) -> Int32? in
            Int(global) < self.stamps.count && self.stamps[Int(global)] == self.generation ? self.localIDs[Int(global)] : nil
        }
        let header = Header(lines: parts.0, givenTitle: title, fields: parts.4)
        // The title's stems, as ids of the body's terms (a stem only the title has cannot match).
        var titleTerms: [Int32] = []
        let titleText = title ?? header.line(.title).map { line in
            Segmenter.withBytes(of: text) { String(decoding: UnsafeBufferPointer(rebasing: $0[line.range]), as: UTF8.self) }
        }
        if let titleText, !titleText.isEmpty {
            let utf8 = Array(titleText.utf8)
            for word in segmenter.words(in: titleText) where word.kind == .letters {
                let form = String(decoding: utf8[word.range], as: UTF8.self)
                let global = tools.termID(Substring(form))
                if global >= 0, let local = termIndex(global) { titleTerms.append(local) }
            }
        }
        return Document(text: text, language: language, script: profile.dominant, header: header,
                        paragraphs: parts.1, sentences: parts.2, words: parts.3,
                        wordTerms: wordTerms, wordIsCapitalized: capitalized, terms: terms, titleTerms: titleTerms)
    }

    /// The segmentation language when none is given: from the script, English for Latin.
    public static func defaultLanguage(for script: Script) -> String {
        LanguageGuesser.language(for: script) ?? "en"
    }

    /// Paragraph byte ranges of the body: blocks between blank lines, also split after a line
    /// that ends a sentence (copied articles often have one paragraph per line).
    static func paragraphRanges(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var paragraphStart: Int?
        var position = start
        while position < bytes.count {
            var end = position
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let line = Segmenter.trimmingWhitespace(position..<end, in: bytes)
            if line.isEmpty {
                if let open = paragraphStart {
                    ranges.append(open..<lastContentEnd(bytes, before: position))
                    paragraphStart = nil
                }
            } else {
                if paragraphStart == nil { paragraphStart = line.lowerBound }
                if endsSentence(bytes, line), end < bytes.count {
                    ranges.append(paragraphStart!..<line.upperBound)
                    paragraphStart = nil
                }
            }
            position = end + 1
        }
        if let open = paragraphStart {
            ranges.append(open..<lastContentEnd(bytes, before: bytes.count))
        }
        return ranges.filter { !$0.isEmpty }
    }

    private static func lastContentEnd(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Int {
        var upper = end
        while upper > 0, Segmenter.isSpace(bytes[upper - 1]) { upper -= 1 }
        return upper
    }

    /// Whether a line ends with sentence-final punctuation, possibly inside closing quotes.
    private static func endsSentence(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var index = line.upperBound - 1
        // Skip closing quotes and brackets: " ' ) ] and ” ’ » (multi-byte).
        while index >= line.lowerBound {
            let byte = bytes[index]
            if byte == 0x22 || byte == 0x27 || byte == 0x29 || byte == 0x5D {
                index -= 1
            } else if index >= line.lowerBound + 2, bytes[index - 2] == 0xE2, bytes[index - 1] == 0x80,
                      bytes[index] == 0x9D || bytes[index] == 0x99 {
                index -= 3
            } else if index >= line.lowerBound + 1, bytes[index - 1] == 0xC2, byte == 0xBB {
                index -= 2
            } else {
                break
            }
        }
        guard index >= line.lowerBound else { return false }
        let byte = bytes[index]
        if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") { return true }
        // ؟ (D8 9F) and … (E2 80 A6)
        if index >= line.lowerBound + 1, bytes[index - 1] == 0xD8, byte == 0x9F { return true }
        if index >= line.lowerBound + 2, bytes[index - 2] == 0xE2, bytes[index - 1] == 0x80, byte == 0xA6 { return true }
        return false
    }
}
