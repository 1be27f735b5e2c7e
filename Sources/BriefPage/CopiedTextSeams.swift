/// Puts blocks of a page that a copy glued into one line back on lines of their own, so that the
/// copied-text cleaner can label each for what it is. Three seams are common where a line break
/// was lost:
///  - a transcript's or live blog's clock stamp glued to the words it stamps ("00:06مهلة…",
///    "15:00Arab Coalition…");
///  - an agency's end mark after the last sentence ("… لرام الله. // انتهى //19:52ت م 0132",
///    "… (انتهى)");
///  - a run of links after the last sentence ("… de l'Irak. Notre site : http://… Rejoignez-nous
///    sur Facebook : https://…").
/// Clock stamps are dropped (a line of its own would break the transcript into short pieces);
/// marks and links are put on lines of their own, and the cleaner decides what they are.
enum CopiedTextSeams {
    /// `text` with each glued block on its own line and glued clock stamps dropped (`text`
    /// itself when there is none), and how many stamps were dropped.
    static func splitting(_ text: String) -> (text: String, droppedStamps: Int) {
        var lines: [Substring] = []
        var changed = false
        var dropped = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var pieces: [Substring] = []
            var rest = line
            if let end = gluedClockEnd(rest) {
                dropped += 1
                rest = rest[end...]
            }
            var tail: Substring?
            if let start = endMarkStart(rest) ?? linkRunStart(rest) {
                tail = rest[start...]
                rest = rest[..<start]
                while rest.last == " " { rest = rest.dropLast() }
            }
            if rest.startIndex == line.startIndex && tail == nil {
                lines.append(line)
                continue
            }
            changed = true
            pieces.append(rest)
            if let tail { pieces.append(tail) }
            lines.append(contentsOf: pieces)
        }
        return (changed ? lines.joined(separator: "\n") : text, dropped)
    }

    // MARK: - Clock stamps

    /// Where a clock stamp that opens `line` and runs straight into a word ends ("00:06مهلة" →
    /// after "00:06"). A space after the stamp, or "am", "pm", "h", "GMT" after it, is how a
    /// time is written in prose, not a seam.
    static func gluedClockEnd(_ line: Substring) -> String.Index? {
        let scalars = line.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex, scalars[index] == " " { index = scalars.index(after: index) }
        func digits(_ range: ClosedRange<Int>) -> Bool {
            var count = 0
            while index < scalars.endIndex, isDigit(scalars[index]) {
                count += 1
                index = scalars.index(after: index)
            }
            return range.contains(count)
        }
        guard digits(1...2), index < scalars.endIndex, scalars[index] == ":" else { return nil }
        index = scalars.index(after: index)
        guard digits(2...2) else { return nil }
        if index < scalars.endIndex, scalars[index] == ":" {
            index = scalars.index(after: index)
            guard digits(2...2) else { return nil }
        }
        let end = index
        var letters = ""
        while index < scalars.endIndex, scalars[index].properties.isAlphabetic, letters.unicodeScalars.count < 4 {
            letters.unicodeScalars.append(scalars[index])
            index = scalars.index(after: index)
        }
        guard !letters.isEmpty, !clockSuffixes.contains(where: { letters.lowercased().hasPrefix($0) }) else { return nil }
        // The words after the stamp must be words, not "00:06h" or a code.
        guard letters.unicodeScalars.count >= 3 || isArabic(letters.unicodeScalars.first!) else { return nil }
        return end
    }

    /// What follows a time in prose ("10:30am", "10:30h", "10:30GMT").
    private static let clockSuffixes = ["am", "pm", "a.m", "p.m", "h", "gmt", "utc"]

    // MARK: - Agency end marks

    /// Where an agency's end mark closing `line` starts: "انتهى" (or "انتهي") after a slash, a
    /// bracket, a dash or a full stop, followed by nothing but codes and times ("//19:52ت م
    /// 0132"). "… انتهى الاجتماع." is prose, not a mark.
    static func endMarkStart(_ line: Substring) -> String.Index? {
        guard let found = lastEndWord(in: line) else { return nil }
        let rest = line[found.upperBound...]
        // What follows: at most a few short codes, no word of three letters or more.
        guard rest.utf8.count <= 48 else { return nil }
        for word in rest.split(whereSeparator: { !$0.unicodeScalars.allSatisfy { $0.properties.isAlphabetic } }) where word.count >= 3 {
            return nil
        }
        // What precedes: a delimiter, then the last sentence.
        var start = found.lowerBound
        var before = found.lowerBound
        while before > line.startIndex {
            let previous = line.index(before: before)
            let character = line[previous]
            if character == " " || markOpeners.contains(character) {
                before = previous
                if markOpeners.contains(character) { start = previous }
            } else {
                break
            }
        }
        guard before > line.startIndex else { return nil }
        let previous = line[line.index(before: before)]
        let delimited = start < found.lowerBound || sentenceEnds.contains(previous)
        guard delimited, line[..<before].split(separator: " ").count >= 3 else { return nil }
        return start
    }

    /// The last "انتهى" / "انتهي" in `line` that is a word of its own.
    private static func lastEndWord(in line: Substring) -> Range<String.Index>? {
        let word: [Unicode.Scalar] = ["\u{627}", "\u{646}", "\u{62A}", "\u{647}"]
        let scalars = line.unicodeScalars
        var found: Range<String.Index>?
        var index = scalars.startIndex
        var previous: Unicode.Scalar = " "
        while index < scalars.endIndex {
            if scalars[index] == word[0], !previous.properties.isAlphabetic {
                var position = index
                var matched = 0
                while matched < word.count, position < scalars.endIndex, scalars[position] == word[matched] {
                    matched += 1
                    position = scalars.index(after: position)
                }
                if matched == word.count, position < scalars.endIndex, scalars[position] == "\u{649}" || scalars[position] == "\u{64A}" {
                    let end = scalars.index(after: position)
                    if end == scalars.endIndex || !scalars[end].properties.isAlphabetic { found = index..<end }
                }
            }
            previous = scalars[index]
            index = scalars.index(after: index)
        }
        return found
    }

    private static let markOpeners: Set<Character> = ["/", "(", "[", "-", "\u{2013}", "\u{2014}"]
    private static let sentenceEnds: Set<Character> = [".", "!", "?", "\u{061F}", "\u{06D4}", "\u{2026}", "\"", "\u{201D}", "\u{00BB}", ")"]

    // MARK: - Runs of links

    /// Where a run of two links or more that closes `line` starts: at the end of the sentence
    /// before its first link, with at most a short label ("Notre site :") between them, and short
    /// labels only between the links and after the last.
    static func linkRunStart(_ line: Substring) -> String.Index? {
        let utf8 = line.utf8
        guard utf8.count >= 40 else { return nil }
        // Link starts and ends, in order.
        var links: [(start: String.Index, end: String.Index)] = []
        var index = utf8.startIndex
        while index < utf8.endIndex {
            if isLinkStart(utf8, at: index) {
                var end = index
                while end < utf8.endIndex, utf8[end] != 0x20 { end = utf8.index(after: end) }
                links.append((index, end))
                index = end
            } else {
                index = utf8.index(after: index)
            }
        }
        guard links.count >= 2 else { return nil }
        let label = 64
        // The closing run: walk back while the gaps stay short.
        guard utf8.distance(from: links.last!.end, to: utf8.endIndex) <= label else { return nil }
        var first = links.count - 1
        while first > 0, utf8.distance(from: links[first - 1].end, to: links[first].start) <= label { first -= 1 }
        guard links.count - first >= 2 else { return nil }
        // Back from the run's first link to the end of the sentence before it.
        let runStart = links[first].start
        var position = runStart
        var scanned = 0
        while position > utf8.startIndex, scanned <= label {
            let previous = utf8.index(before: position)
            if utf8[previous] == 0x20, previous > utf8.startIndex {
                let mark = utf8[utf8.index(before: previous)]
                if mark == 0x2E || mark == 0x21 || mark == 0x3F { break }
                // "؟" and "۔" end in these bytes.
                if mark == 0x9F || mark == 0x94 { break }
            }
            position = previous
            scanned += 1
        }
        guard scanned <= label, position > utf8.startIndex else { return nil }
        // The text before the run is the article's: at least a few words.
        guard line[..<position].split(separator: " ").count >= 5 else { return nil }
        return position
    }

    private static func isLinkStart(_ utf8: Substring.UTF8View, at index: String.Index) -> Bool {
        let rest = utf8[index...]
        func starts(_ prefix: String) -> Bool {
            var position = rest.startIndex
            for byte in prefix.utf8 {
                guard position < rest.endIndex else { return false }
                let value = rest[position] | (rest[position] >= 0x41 && rest[position] <= 0x5A ? 0x20 : 0)
                guard value == byte else { return false }
                position = rest.index(after: position)
            }
            return true
        }
        // A link starts a word.
        if index > utf8.startIndex, utf8[utf8.index(before: index)] != 0x20 { return false }
        return starts("http://") || starts("https://") || starts("www.")
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || (0x660...0x669).contains(scalar.value) || (0x6F0...0x6F9).contains(scalar.value)
    }

    private static func isArabic(_ scalar: Unicode.Scalar) -> Bool {
        (0x600...0x6FF).contains(scalar.value) || (0x750...0x77F).contains(scalar.value)
    }
}
