import BriefResources
import BriefText

/// Separates an article's head (title, byline, dateline, source tag) from its body.
///
/// Works on the first lines only, and on a source tag that opens the body such as
/// "(Hatha al-Youm | Iraq News )-" or "CAIRO (Reuters) -". Full byline parsing across scripts
/// builds on this.
public struct HeaderSplitter: Sendable {
    /// Longest line, in words, that can be a title.
    public var maxTitleWords = 30
    /// Most head lines looked at before the body.
    public var maxHeaderLines = 5

    public init() {}

    /// The head pieces and the byte offset where the body starts.
    public func split(_ bytes: UnsafeBufferPointer<UInt8>) -> (lines: [HeaderLine], bodyStart: Int) {
        var found: [HeaderLine] = []
        var position = 0
        var examined = 0
        var hasTitle = false
        while examined < maxHeaderLines {
            guard let line = Self.nextLine(in: bytes, from: position) else { break }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[line.content]), as: UTF8.self)
            guard let field = classify(text, isFirst: examined == 0, hasTitle: hasTitle) else { break }
            // A first line that runs on into a lowercase line is a wrapped sentence, not a title.
            if field == .title, Self.continuesOnNextLine(bytes, after: line) { break }
            found.append(HeaderLine(field: field, range: line.content))
            if field == .title { hasTitle = true }
            position = line.next
            examined += 1
        }
        var bodyStart = position
        if let line = Self.nextLine(in: bytes, from: position),
           let tagEnd = sourceTagEnd(in: bytes, line: line.content) {
            // "(Outlet | Section )-" names the source; "CAIRO (Reuters) -" is a dateline.
            let field: HeaderField = bytes[line.content.lowerBound] == UInt8(ascii: "(") ? .source : .dateline
            found.append(HeaderLine(field: field, range: line.content.lowerBound..<tagEnd.tag))
            bodyStart = tagEnd.body
        }
        return (found, bodyStart)
    }

    private func classify(_ line: String, isFirst: Bool, hasTitle: Bool) -> HeaderField? {
        // Checked first: a body with no line breaks is one very long first line.
        guard line.utf8.count <= 300 else { return nil }
        let words = line.split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty, words.count <= maxTitleWords else { return nil }
        let lower = line.lowercased()
        if lower.hasPrefix("by "), words.count <= 10, !Self.endsSentence(line) { return .byline }
        if lower.hasPrefix("source:") || line.hasPrefix("المصدر:") || line.hasPrefix("المصدر :") { return .source }
        if Self.looksLikeDate(words), !Self.endsSentence(line) { return .dateline }
        if isFirst, !hasTitle, !Self.endsSentence(line), sourceTagEnd(in: line) == nil {
            // A lone first line without final punctuation is a title, even with no body after it.
            return .title
        }
        return nil
    }

    /// Where a source tag such as "(Outlet | Section )-" or "CAIRO (Reuters) -" ends.
    private func sourceTagEnd(in bytes: UnsafeBufferPointer<UInt8>, line: Range<Int>) -> (tag: Int, body: Int)? {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[line]), as: UTF8.self)
        guard let end = sourceTagEnd(in: text) else { return nil }
        let tag = line.lowerBound + end.tag
        var body = line.lowerBound + end.body
        while body < bytes.count, Segmenter.isSpace(bytes[body]) { body += 1 }
        return (tag, body)
    }

    /// Byte offsets (in `line`) of the tag's end and of the body text after its dash.
    func sourceTagEnd(in line: String) -> (tag: Int, body: Int)? {
        let utf8 = Array(line.utf8.prefix(160))
        var index = 0
        func skipSpaces() { while index < utf8.count, utf8[index] == 0x20 { index += 1 } }
        func dashLength(at position: Int) -> Int {
            guard position < utf8.count else { return 0 }
            if utf8[position] == UInt8(ascii: "-") || utf8[position] == UInt8(ascii: ":") { return 1 }
            // – (E2 80 93) and — (E2 80 94)
            if position + 2 < utf8.count, utf8[position] == 0xE2, utf8[position + 1] == 0x80,
               utf8[position + 2] == 0x93 || utf8[position + 2] == 0x94 { return 3 }
            return 0
        }
        if utf8.first == UInt8(ascii: "(") {
            // "(Outlet | Section )-"
            guard let close = utf8.firstIndex(of: UInt8(ascii: ")")), close > 1 else { return nil }
            index = close + 1
            skipSpaces()
            let dash = dashLength(at: index)
            guard dash > 0 else { return nil }
            let tagEnd = index + dash
            return (tagEnd, tagEnd)
        }
        // "CAIRO (Reuters) -", "WASHINGTON —", "BAGHDAD, March 3 (AP) —": a capitalised place first.
        var sawUpper = false
        while index < utf8.count {
            let byte = utf8[index]
            if (0x41...0x5A).contains(byte) { sawUpper = true; index += 1; continue }
            if byte == 0x20 || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "'") { index += 1; continue }
            break
        }
        guard sawUpper, index >= 3 else { return nil }
        let place = String(decoding: utf8[0..<index], as: UTF8.self).trimmedString()
        guard place.count >= 3, place.allSatisfy({ !$0.isLowercase }) else { return nil }
        // Optional date and "(Agency)" before the dash.
        var rest = index
        if let open = utf8[rest...].firstIndex(of: UInt8(ascii: "(")), open - rest < 30,
           let close = utf8[open...].firstIndex(of: UInt8(ascii: ")")), close - open < 40 {
            rest = close + 1
        }
        index = rest
        skipSpaces()
        let dash = dashLength(at: index)
        guard dash > 0, index + dash < utf8.count, utf8[index + dash] == 0x20 || dash == 3 else { return nil }
        return (index + dash, index + dash)
    }

    static func endsSentence(_ line: String) -> Bool {
        var trimmed = Substring(line).trimmingWhitespace()
        while let last = trimmed.last, "\"”’'»)]".contains(last) { trimmed = trimmed.dropLast() }
        guard let last = trimmed.last else { return false }
        return ".!;:؟…".contains(last)
    }

    static func looksLikeDate(_ words: [Substring]) -> Bool {
        guard words.count <= 8 else { return false }
        let months: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august",
                                   "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                                   "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                                   "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                                   "septembre", "octobre", "novembre", "décembre"]
        let hasYear = words.contains { word in
            let digits = word.filter(\.isNumber)
            return digits.count == 4 && (digits.hasPrefix("19") || digits.hasPrefix("20"))
        }
        let hasMonth = words.contains { months.contains($0.lowercased().trimmingCharacters(",.")) }
        let isoDate = words.count == 1 && words[0].filter { $0 == "-" || $0 == "/" }.count == 2
            && words[0].allSatisfy { $0.isNumber || $0 == "-" || $0 == "/" }
        return (hasYear && hasMonth) || isoDate
    }

    /// Whether the line right after `line` (no blank line between) starts with a lowercase letter.
    static func continuesOnNextLine(_ bytes: UnsafeBufferPointer<UInt8>, after line: LineSpan) -> Bool {
        var position = line.content.upperBound
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        guard position < bytes.count, bytes[position] == 0x0A else { return false }
        position += 1
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        guard position < bytes.count, bytes[position] != 0x0A else { return false }
        let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<min(bytes.count, position + 4)]), as: UTF8.self)
        return rest.first?.isLowercase == true
    }

    struct LineSpan {
        var content: Range<Int>
        var next: Int
    }

    /// The next non-blank line at or after `start`, trimmed, and where the line after it starts.
    static func nextLine(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> LineSpan? {
        var position = start
        while position < bytes.count {
            var end = position
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let trimmed = Segmenter.trimmingWhitespace(position..<end, in: bytes)
            let next = min(end + 1, bytes.count)
            if !trimmed.isEmpty { return LineSpan(content: trimmed, next: next) }
            position = next
        }
        return nil
    }
}

extension StringProtocol {
    func trimmingCharacters(_ characters: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
