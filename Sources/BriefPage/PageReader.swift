import BriefResources
import BriefText
#if canImport(Glibc)
import Glibc
#endif

/// Turns a page into a `Page`: HTML (charset, parse, metadata, main text) or text copied from a
/// page (cleaning, date).
///
/// Loads each part of its data on first use (a text never loads the HTML extractor's, and a text
/// without a digit near its head never loads the date lexicon); make one per thread and reuse
/// it across pages.
public final class PageReader {
    let data: DataDirectory
    public var maxBytes: Int
    private var loadedExtractor: MainTextExtractor?
    private var loadedCleaner: CopiedTextCleaner?
    private var loadedDates: DateReader?

    public init(data: DataDirectory, maxBytes: Int = 32 << 20) {
        self.data = data
        self.maxBytes = maxBytes
    }

    /// A reader over `data` (kept for callers of the first version).
    public static func load(from data: DataDirectory, maxBytes: Int = 32 << 20) throws -> PageReader {
        PageReader(data: data, maxBytes: maxBytes)
    }

    func extractor() throws -> MainTextExtractor {
        if let loadedExtractor { return loadedExtractor }
        let loaded = try MainTextExtractor.load(from: data)
        loadedExtractor = loaded
        return loaded
    }

    func cleaner() throws -> CopiedTextCleaner {
        if let loadedCleaner { return loadedCleaner }
        let loaded = try CopiedTextCleaner.load(from: data)
        loadedCleaner = loaded
        return loaded
    }

    func dates() throws -> DateReader {
        if let loadedDates { return loadedDates }
        let loaded = try DateReader.load(from: data)
        loadedDates = loaded
        return loaded
    }

    /// Copied pages are read line by line up to this size; larger texts are taken whole.
    public static let largestPage = (bytes: 2 << 20, lines: 20_000)

    static func lineCount(_ text: String) -> Int {
        var lines = 1
        for byte in text.utf8 where byte == 0x0A {
            lines += 1
            if lines > largestPage.lines { break }
        }
        return lines
    }

    /// Whether text holds a digit (ASCII, Arabic-Indic or Persian): every date form has one.
    static func containsDigit<S: StringProtocol>(_ text: S) -> Bool {
        text.unicodeScalars.contains { ("0"..."9").contains($0) || ("\u{0660}"..."\u{0669}").contains($0) || ("\u{06F0}"..."\u{06F9}").contains($0) }
    }

    /// Today, as the latest date an article can carry.
    public static func today() -> CalendarDay {
        CalendarDay(unixTime: Int(time(nil)))
    }

    /// The article in text copied from a page (or an article alone, which comes out whole):
    /// title, head lines, date, body.
    public func read(text original: String, language: String?, now: CalendarDay = PageReader.today()) throws -> Page {
        // Larger than any page a browser shows (a book, an archive merged into one file): no
        // page structure to read, and per-line bookkeeping would cost more than the text.
        guard original.utf8.count <= Self.largestPage.bytes, Self.lineCount(original) <= Self.largestPage.lines else {
            return Page(kind: .text)
        }
        let (text, dropped) = try prepared(original)
        let cleaned = try cleaner().clean(text, language: language)
        // The article's date is written above its body (a date line, the dateline, a "published"
        // line) or in a head line after it; never in the body itself.
        var above: [String] = []
        var clutterAbove: [String] = []
        if let firstBody = cleaned.labels.firstIndex(of: .body) {
            var index = 0
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                guard index < firstBody else { break }
                if cleaned.labels[index] != .blank { above.append(String(line)) }
                // Lines between the title and head lines count too ("In BasNews" above the title).
                switch cleaned.labels[index] {
                case .clutter: clutterAbove.append(String(line))
                case .blank, .title, .head: break
                case .body: clutterAbove.removeAll()
                }
                index += 1
            }
        }
        // A dateline glued to the lead ("Cairo, 6 August 2020 (SPA) - The minister…") counts too:
        // the first words of the body, not the rest of it.
        let lead = cleaned.paragraphs.first.map { String($0.prefix(100)) }
        let candidates = above + cleaned.head.filter { !above.contains($0) } + (lead.map { [$0] } ?? [])
        let date = candidates.contains(where: Self.containsDigit) ? try dates().articleDate(lines: candidates, now: now) : nil
        var page = Page(kind: .text, title: cleaned.title, date: date?.iso, language: nil, paragraphs: cleaned.paragraphs)
        page.head = cleaned.head
        page.clutterLines = cleaned.labels.lazy.filter { $0 == .clutter }.count + dropped
        // The last lines before the body, and the page's first line: the masthead ("تركيا الان").
        page.linesAboveBody = clutterAbove.count > 5 ? [clutterAbove[0]] + clutterAbove.suffix(5) : clutterAbove
        if let lastBody = cleaned.labels.lastIndex(of: .body) {
            var below: [String] = []
            for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(lastBody + 1).prefix(12).enumerated()
            where cleaned.labels[lastBody + 1 + offset] != .blank && below.count < 4 {
                if line.count <= 80 { below.append(String(line)) }
            }
            page.linesBelowBody = below
        }
        page.promotions = cleaned.promotions
        return page
    }

    /// The text the cleaner reads: image placeholders dropped, date stamps that open a line and
    /// blocks glued into one line put on lines of their own, glued clock stamps dropped; and how
    /// many pieces of clutter were dropped on the way.
    func prepared(_ original: String) throws -> (text: String, dropped: Int) {
        let withoutImages = Self.removingImageMarkers(original)
        let images = withoutImages.utf8.count == original.utf8.count ? 0 : 1
        let (text, stamps) = CopiedTextSeams.splitting(try splittingLeadingDates(withoutImages))
        return (text, images + stamps)
    }

    /// For `brief extract --explain`: each line the copied-text cleaner saw (after glued blocks
    /// were split), with its label, score and signals.
    public func explain(text original: String, language: String?) throws -> [String] {
        let (text, _) = try prepared(original)
        let verdicts = try cleaner().explain(text, language: language)
        return zip(verdicts, text.split(separator: "\n", omittingEmptySubsequences: false)).enumerated().compactMap { number, pair in
            pair.0 == "blank" ? nil : "\(number + 1)\t\(pair.0)\t\(pair.1.prefix(80))"
        }
    }

    /// Text without the image placeholders some page copies carry ("<image>alt text</image>"
    /// where a picture was): never article text, and glued to the lead when they are left in.
    static func removingImageMarkers(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let open = Array("<image>".utf8), close = Array("</image>".utf8)
        func matches(_ word: [UInt8], at index: Int) -> Bool {
            guard index + word.count <= bytes.count else { return false }
            for offset in 0..<word.count where MainTextExtractor.lower(bytes[index + offset]) != word[offset] { return false }
            return true
        }
        var result: [UInt8] = []
        var index = 0
        var changed = false
        while index < bytes.count {
            if bytes[index] == 0x3C, matches(open, at: index) {
                // The marker ends at its closing tag on the same line; an unclosed one stays.
                var end = index + open.count
                while end < bytes.count, bytes[end] != 0x0A, !matches(close, at: end) { end += 1 }
                if end < bytes.count, bytes[end] != 0x0A {
                    index = end + close.count
                    while index < bytes.count, bytes[index] == 0x20 { index += 1 }
                    changed = true
                    continue
                }
                // No closing tag on this line: no later marker on it closes either (linear time).
                result.append(contentsOf: bytes[index..<end])
                index = end
                continue
            }
            result.append(bytes[index])
            index += 1
        }
        return changed ? String(decoding: result, as: UTF8.self) : text
    }

    /// Text with a date stamp that starts a line and runs into more words ("2022-07-22 15:29
    /// Turkey tests…", "date 2025-08-09 فصيل عراقي…", where a page's line break was lost) put on
    /// a line of its own, so that the date is read as a date and the rest as what it is.
    func splittingLeadingDates(_ text: String) throws -> String {
        var lines: [Substring] = []
        var changed = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let start = line.prefix(24)
            guard Self.containsDigit(start), let split = try leadingDateEnd(line) else {
                lines.append(line)
                continue
            }
            let rest = line[split...].drop { $0 == " " || $0 == "-" || $0 == "|" || $0 == "\u{2013}" || $0 == "\u{2014}" || $0 == "\u{2022}" }
            guard rest.split(separator: " ").count >= 3 else {
                lines.append(line)
                continue
            }
            lines.append(line[..<split])
            lines.append(rest)
            changed = true
        }
        return changed ? lines.joined(separator: "\n") : text
    }

    /// Where a date that starts `line` (after at most a short label such as "date" or "Le")
    /// ends, when one does.
    private func leadingDateEnd(_ line: Substring) throws -> String.Index? {
        let head = String(line.prefix(48))
        guard let first = try dates().dates(in: head).first else { return nil }
        let before = head.utf8.prefix(first.range.lowerBound)
        guard before.count <= 8, !before.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let utf8 = line.utf8
        guard first.range.upperBound < head.utf8.count else { return nil }
        return utf8.index(utf8.startIndex, offsetBy: first.range.upperBound)
    }

    /// The article of an HTML page. `url` is where the page came from, when known;
    /// `charset` what the HTTP header declared.
    public func read(html bytes: [UInt8], url: String? = nil, charset: String? = nil) throws -> (page: Page, encoding: String) {
        let decoded = try PageCharset.decode(bytes, declaredByHeader: charset, maxBytes: maxBytes)
        // Bytes that were UTF-8 already go to the parser as they are (no second copy).
        let tree = try HTMLTree.parse(utf8: decoded.encoding == "UTF-8" && !decoded.hadByteOrderMark && decoded.text.utf8.count == bytes.count
                                      ? bytes : Array(decoded.text.utf8))
        let metadata = PageMetadata(tree: tree)
        let title = metadata.title ?? metadata.firstHeading ?? metadata.documentTitle
        let paragraphs = try extractor().paragraphs(in: tree, title: title).map { (try? TextNormalizer.normalize($0, form: .nfc)) ?? $0 }
        guard !paragraphs.isEmpty else { throw PageError.noArticle }
        let page = Page(kind: .html, title: title, outlet: metadata.siteName, author: metadata.author,
                        date: try metadata.published.map { try dates().parseISO($0) ?? Self.isoDay($0) } ?? nil, place: nil,
                        language: metadata.language.flatMap(Self.primaryLanguage), url: metadata.canonicalURL ?? url,
                        paragraphs: paragraphs)
        return (page, decoded.encoding)
    }

    /// "2019-11-18T14:05:00+00:00" → "2019-11-18T14:05"; "2019-11-18" stays.
    static func isoDay(_ value: String) -> String? {
        let bytes = Array(value.utf8)
        func digits(_ range: Range<Int>) -> Bool { range.upperBound <= bytes.count && bytes[range].allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        guard digits(0..<4), bytes.count >= 10, bytes[4] == 0x2D, digits(5..<7), bytes[7] == 0x2D, digits(8..<10) else { return nil }
        if bytes.count >= 16, bytes[10] == UInt8(ascii: "T") || bytes[10] == 0x20, digits(11..<13), bytes[13] == 0x3A, digits(14..<16) {
            return String(decoding: bytes[0..<10], as: UTF8.self) + "T" + String(decoding: bytes[11..<16], as: UTF8.self)
        }
        return String(decoding: bytes[0..<10], as: UTF8.self)
    }

    /// "en-US" → "en"; nil for anything that is not a language tag.
    static func primaryLanguage(_ value: String) -> String? {
        let primary = value.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        guard (2...3).contains(primary.count), primary.allSatisfy({ $0 >= "a" && $0 <= "z" }) else { return nil }
        return primary
    }
}
