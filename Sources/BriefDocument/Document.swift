import BriefText

/// A part of an article's head.
public enum HeaderField: String, Sendable, Codable, CaseIterable {
    case title, byline, dateline, source
}

/// One piece of the head found in the text, with its UTF-8 byte range.
public struct HeaderLine: Hashable, Sendable {
    public var field: HeaderField
    public var range: Range<Int>

    public init(field: HeaderField, range: Range<Int>) {
        self.field = field
        self.range = range
    }
}

/// The head of an article (title, byline, dateline, source) kept apart from its body.
public struct Header: Hashable, Sendable {
    /// Head pieces found in the text, in text order.
    public var lines: [HeaderLine]
    /// A title given alongside the text (e.g. a JSON Lines `title`), preferred over one found.
    public var givenTitle: String?
    /// What the head says: outlet, section, byline, place, date, title, as written.
    public var fields: HeadFields

    public init(lines: [HeaderLine] = [], givenTitle: String? = nil, fields: HeadFields = HeadFields()) {
        self.lines = lines
        self.givenTitle = givenTitle
        self.fields = fields
    }

    /// The first piece of a given kind.
    public func line(_ field: HeaderField) -> HeaderLine? {
        lines.first { $0.field == field }
    }
}

/// A paragraph of the body: its byte range and the sentences it holds.
///
/// Stored as 32-bit offsets (texts are bounded well below 2 GiB, see `Analyzer`): a text of
/// many one-line paragraphs holds one of these per line, and 64-bit ranges doubled its memory.
public struct Paragraph: Hashable, Sendable {
    private var start: Int32, end: Int32
    private var firstSentence: Int32, endSentence: Int32

    public init(range: Range<Int>, sentences: Range<Int>) {
        (start, end) = (Int32(range.lowerBound), Int32(range.upperBound))
        (firstSentence, endSentence) = (Int32(sentences.lowerBound), Int32(sentences.upperBound))
    }

    public var range: Range<Int> {
        get { Int(start)..<Int(end) }
        set { (start, end) = (Int32(newValue.lowerBound), Int32(newValue.upperBound)) }
    }
    /// Indices into `Document.sentences`.
    public var sentences: Range<Int> {
        get { Int(firstSentence)..<Int(endSentence) }
        set { (firstSentence, endSentence) = (Int32(newValue.lowerBound), Int32(newValue.upperBound)) }
    }
}

/// A sentence of the body: its byte range, paragraph, and words (32-bit, as `Paragraph`).
public struct Sentence: Hashable, Sendable {
    private var start: Int32, end: Int32
    private var paragraphIndex: Int32
    private var firstWord: Int32, endWord: Int32

    public init(range: Range<Int>, paragraph: Int, words: Range<Int>) {
        (start, end) = (Int32(range.lowerBound), Int32(range.upperBound))
        paragraphIndex = Int32(paragraph)
        (firstWord, endWord) = (Int32(words.lowerBound), Int32(words.upperBound))
    }

    public var range: Range<Int> {
        get { Int(start)..<Int(end) }
        set { (start, end) = (Int32(newValue.lowerBound), Int32(newValue.upperBound)) }
    }
    /// Index into `Document.paragraphs`.
    public var paragraph: Int {
        get { Int(paragraphIndex) }
        set { paragraphIndex = Int32(newValue) }
    }
    /// Indices into `Document.words`.
    public var words: Range<Int> {
        get { Int(firstWord)..<Int(endWord) }
        set { (firstWord, endWord) = (Int32(newValue.lowerBound), Int32(newValue.upperBound)) }
    }
}

/// An analyzed article: the one model every later stage reads.
///
/// All ranges are UTF-8 byte offsets into `text`, so slicing is O(1) and offsets survive a
/// round trip through JSON.
public struct Document: Sendable {
    /// The text the offsets refer to (decoded, and repaired once repair exists).
    public let text: String
    /// The language code used for segmentation ("en", "ar" …).
    public let language: String
    /// The dominant script of the text.
    public let script: Script
    public let header: Header
    public let paragraphs: [Paragraph]
    public let sentences: [Sentence]
    public let words: [WordToken]
    /// Per word: the index of its stem in `terms`, or -1 for stop words and numbers.
    public let wordTerms: [Int32]
    /// Per word: whether it starts with a capital letter (names, acronyms).
    public let wordIsCapitalized: [Bool]
    /// The distinct stems of the content words, in order of first appearance.
    public let terms: [String]
    /// The title's content words as indices into `terms` (empty without a title).
    public let titleTerms: [Int32]

    public init(text: String, language: String, script: Script, header: Header,
                paragraphs: [Paragraph], sentences: [Sentence], words: [WordToken],
                wordTerms: [Int32] = [], wordIsCapitalized: [Bool] = [], terms: [String] = [], titleTerms: [Int32] = []) {
        self.text = text
        self.language = language
        self.script = script
        self.header = header
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.words = words
        self.wordTerms = wordTerms.count == words.count ? wordTerms : [Int32](repeating: -1, count: words.count)
        self.wordIsCapitalized = wordIsCapitalized.count == words.count ? wordIsCapitalized : [Bool](repeating: false, count: words.count)
        self.terms = terms
        self.titleTerms = titleTerms
    }

    /// The text in a byte range.
    public subscript(range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let upper = utf8.index(lower, offsetBy: range.count)
        return text[lower..<upper]
    }

    /// The text of sentence `index`.
    public func text(ofSentence index: Int) -> Substring {
        self[sentences[index].range]
    }

    /// The words of sentence `index`.
    public func words(ofSentence index: Int) -> ArraySlice<WordToken> {
        words[sentences[index].words]
    }

    /// The text of a head field, the given title first for `.title`.
    public func headerText(_ field: HeaderField) -> String? {
        if field == .title, let given = header.givenTitle, !given.isEmpty { return given }
        return header.line(field).map { String(self[$0.range]) }
    }
}
