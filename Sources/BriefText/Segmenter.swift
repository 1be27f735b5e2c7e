/// Sentence and word segmentation for one language: ICU break iterators plus an abbreviation
/// list, so that "Brig. Gen.", "U.S." and "Mr." do not end sentences.
///
/// Holds ICU handles opened once; not thread-safe, so use one per thread.
public final class Segmenter {
    /// The language code whose ICU rules are used ("en", "ar", "fr" …).
    public let language: String
    public let abbreviations: AbbreviationList
    private let sentenceIterator: BreakIterator
    private let wordIterator: BreakIterator

    public init(language: String, abbreviations: AbbreviationList = .empty) throws(TextError) {
        let base = language.isEmpty ? "en" : language
        // "ss=standard" turns on ICU's own sentence-break suppressions (Mr., Dr. …) for the locale.
        sentenceIterator = try BreakIterator(kind: .sentence, locale: "\(base)@ss=standard")
        wordIterator = try BreakIterator(kind: .word, locale: base)
        self.language = base
        self.abbreviations = abbreviations
    }

    /// Sentence ranges in UTF-8 offsets of `text`, trimmed of surrounding whitespace.
    public func sentences(in text: String) -> [Range<Int>] {
        Self.withBytes(of: text) { sentences(in: $0) }
    }

    /// Word tokens of `text` (letters and numbers; spaces and punctuation are skipped).
    public func words(in text: String) -> [WordToken] {
        Self.withBytes(of: text) { words(in: $0) }
    }

    /// Sentence ranges and word tokens within `bytes`, shifted by `base`: the same as
    /// `sentences(in:offset:)` and `words(in:offset:)`, with the text handed to ICU once.
    public func sentencesAndWords(in bytes: UnsafeBufferPointer<UInt8>, offset base: Int = 0) -> ([Range<Int>], [WordToken]) {
        // Empty text is never handed to ICU, so there would be no text of this call to share.
        guard !bytes.isEmpty else { return ([], []) }
        let sentences = sentences(in: bytes, offset: base)
        var tokens: [WordToken] = []
        tokens.reserveCapacity(bytes.count / 6)
        wordIterator.forEachSegment(ofTextIn: sentenceIterator) { start, end, status in
            guard let kind = WordKind(ruleStatus: status) else { return }
            tokens.append(WordToken(start: Int32(start + base), end: Int32(end + base), kind: kind))
        }
        return (sentences, tokens)
    }

    /// Sentence ranges within `bytes`, shifted by `base`, trimmed of surrounding whitespace.
    public func sentences(in bytes: UnsafeBufferPointer<UInt8>, offset base: Int = 0) -> [Range<Int>] {
        var merged: [Range<Int>] = []
        sentenceIterator.forEachSegment(in: bytes) { start, end, _ in
            if let last = merged.last, continuesAfter(boundary: last.upperBound, in: bytes) {
                merged[merged.count - 1] = last.lowerBound..<end
            } else {
                merged.append(start..<end)
            }
        }
        return merged.compactMap { range in
            let trimmed = Self.trimmingWhitespace(range, in: bytes)
            return trimmed.isEmpty ? nil : (trimmed.lowerBound + base)..<(trimmed.upperBound + base)
        }
    }

    /// Word tokens within `bytes`, shifted by `base`.
    public func words(in bytes: UnsafeBufferPointer<UInt8>, offset base: Int = 0) -> [WordToken] {
        var tokens: [WordToken] = []
        tokens.reserveCapacity(bytes.count / 6)
        wordIterator.forEachSegment(in: bytes) { start, end, status in
            guard let kind = WordKind(ruleStatus: status) else { return }
            tokens.append(WordToken(start: Int32(start + base), end: Int32(end + base), kind: kind))
        }
        return tokens
    }

    /// Whether ICU's break at `boundary` follows an abbreviation and should be undone.
    private func continuesAfter(boundary: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = boundary - 1
        while index >= 0, Self.isSpace(bytes[index]) {
            if bytes[index] == 0x0A { return false }  // a line break ends the sentence for sure
            index -= 1
        }
        guard index > 0, bytes[index] == UInt8(ascii: ".") else { return false }
        var start = index
        while start > 0, !Self.isSpace(bytes[start - 1]) { start -= 1 }
        var token = String(decoding: UnsafeBufferPointer(rebasing: bytes[start...index]), as: UTF8.self)[...]
        while let first = token.first, "([\"'“‘«".contains(first) { token = token.dropFirst() }
        guard let kind = abbreviations.kind(of: token) else { return false }
        if kind == .title { return true }
        let next = nextWord(after: boundary, in: bytes)
        guard let first = next.first else { return false }
        if first.isLowercase || first.isNumber { return true }
        return !abbreviations.openers.contains(next)
    }

    private func nextWord(after boundary: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        var start = boundary
        while start < bytes.count, Self.isSpace(bytes[start]) { start += 1 }
        var end = start
        while end < bytes.count, !Self.isSpace(bytes[end]), end - start < 64 { end += 1 }
        let chunk = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return String(chunk.drop { !$0.isLetter && !$0.isNumber }.prefix { $0.isLetter || $0.isNumber })
    }

    public static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }

    public static func trimmingWhitespace(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// Runs `body` over the UTF-8 bytes of `text` without copying when the string is native.
    public static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        let copy = Array(text.utf8)
        return copy.withUnsafeBufferPointer(body)
    }
}
