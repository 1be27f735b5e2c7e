import BriefText

/// What an article's head says, as written: the outlet, its section, the author, the dateline's
/// place and date, and the title. Which outlet a name stands for is decided later, against the
/// outlet registry.
public struct HeadFields: Hashable, Sendable {
    public var outlet: String?
    public var section: String?
    public var byline: String?
    public var place: String?
    public var date: String?
    public var title: String?
    /// Whether `place` and `outlet` came from a line such as "بغداد/ الصباح" whose order varies
    /// ("السومرية نيوز/ بغداد"): the registry may swap them.
    public var placeOutletMayBeSwapped = false

    public init() {}

    public var isEmpty: Bool { self == HeadFields() }
}

/// The head patterns, as text: compiled on first use (see `HeadParser`).
enum HeadPatterns {
    // Place names: a capitalized Latin word or a few, or Arabic words.
    static let latinPlace = #"[A-Z][A-Za-z'’.\-]*(?: [A-Z][A-Za-z'’.\-]*){0,2}"#
    static let arabicPlace = #"\p{Arabic}+(?: \p{Arabic}+)?"#
    static let place = "(?:\(latinPlace)|\(arabicPlace))"
    static let dash = #"(?:-{1,2}|–|—)"#
    // Spaces after "(" and "|" are taken whole (possessive) and the names start with a
    // non-space: otherwise a line of "(" and spaces backtracks through every split of them
    // (a fuzzer's 322-byte head took 1.7 s).
    static let sourceTag = #"^\(\s*+(?<outlet>[^|()\s][^|()\n]{1,39}?)\s*(?:\|\s*+(?<section>[^()\s][^()\n]{0,39}?)\s*)?\)\s*[-–—:]\s*"#
    static let gluedTag = #"^\((?<outlet>[A-Z][A-Za-z]{1,9})\)(?=\p{Lu})"#
    static let wireDateline = "^(?<place>\(place))(?:\\s*[,،]\\s*|\\s+[-–]\\s+|\\s+)?(?<date>[^()\\n]{1,40}?)?\\s*\\((?<agency>[^()\\n]{2,40})\\)(?:\\s*\(dash)\\s*|(?=\\p{Lu}))"
    static let commaAgency = "^(?<place>\(latinPlace)),\\s*(?:(?<date>[^\\n]{4,40}?),\\s*)?(?<agency>[A-Z]{2,6})\\s*\(dash)\\s*"
    static let slashAgency = "^(?<place>\(arabicPlace))\\s+في\\s+(?<date>[^/\\n]{2,30}?)\\s*/\\s*(?<agency>[^/\\n]{2,20}?)\\s*/\\s*"
    static let placeDash = "^(?<place>[A-Z][A-Z'’.\\-]+(?: [A-Z][A-Z'’.\\-]+){0,2}(?:, [A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2})?)\\s+\(dash)\\s+"
    static let placeColon = #"^(?<place>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,2}):\s+"#
    static let outletSlash = #"^(?<outlet>[^/\n]{2,30}?)/\s+"#
    static let byline = #"^(?:By|BY|Par|PAR)\s+(?<name>\p{Lu}[^\n]*)$"#
    static let arabicByline = #"^(?:كتب|كتبت|بقلم|إعداد|تقرير)\s*:\s*(?<name>[^\n]+)$"#
    static let source = #"^(?:Source|SOURCE|Sources|Source de l'article|المصدر)\s*:\s*(?<rest>[^\n]+)$"#
    static let dateLabel = #"^(?:Updated|Last updated|Published(?: on| On)?|Posted(?: on)?|Publié le|Mis à jour(?: le)?|آخر تحديث|تاريخ النشر|نشر في|تم النشر|نُشر في)\s*:?\s*(?<date>[^\n]+)$"#
    static let pipeDate = #"^(?<name>[^|\n]{3,40}?)\s*\|\s*(?<date>[^\n]+)$"#
    static let arabicAgencyLine = #"^(?<place>\p{Arabic}+)\s+(?<date>.*\d.*?)\s+(?<agency>\p{Arabic}+)$"#
}

/// Reads the head of an article in the forms real feeds use: "(Outlet | Section )-" source tags,
/// wire datelines ("ANKARA, April 3 (Reuters) -", "القاهرة في 5 مارس /أ ش أ/"), "By …", "Par …",
/// "كتب: …" bylines, "Source: …" and "Outlet - Date" lines, "Updated: …" dates, Arabic
/// "بغداد - هذا اليوم" lines, and a title line; and where the body starts.
///
/// Holds compiled regular expressions: one per analyzer (it is not shared across threads).
public final class HeadParser {
    /// Most lines looked at before the body.
    public var maxHeadLines = 8
    /// Longest line, in words, that can be a title.
    public var maxTitleWords = 30

    // Compiled on first use: most articles need one or two of them, and compiling them all
    // costs milliseconds at every start.
    private lazy var sourceTag = try! Regex(HeadPatterns.sourceTag)
    private lazy var gluedTag = try! Regex(HeadPatterns.gluedTag)
    private lazy var wireDateline = try! Regex(HeadPatterns.wireDateline)
    private lazy var commaAgency = try! Regex(HeadPatterns.commaAgency)
    private lazy var slashAgency = try! Regex(HeadPatterns.slashAgency)
    private lazy var placeDash = try! Regex(HeadPatterns.placeDash)
    private lazy var placeColon = try! Regex(HeadPatterns.placeColon)
    private lazy var outletSlash = try! Regex(HeadPatterns.outletSlash)
    private lazy var byline = try! Regex(HeadPatterns.byline)
    private lazy var arabicByline = try! Regex(HeadPatterns.arabicByline)
    private lazy var source = try! Regex(HeadPatterns.source)
    private lazy var dateLabel = try! Regex(HeadPatterns.dateLabel)
    private lazy var pipeDate = try! Regex(HeadPatterns.pipeDate)
    private lazy var arabicAgencyLine = try! Regex(HeadPatterns.arabicAgencyLine)
    private let dateWords: Set<String>

    public init() {
        dateWords = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "am", "pm", "gmt", "utc", "est", "edt", "cet", "ast", "st", "nd", "rd", "th", "at", "on",
            "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout", "septembre",
            "octobre", "novembre", "décembre", "decembre", "janv", "févr", "avr", "juil", "déc", "à", "h", "le",
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
            "يناير", "فبراير", "مارس", "أبريل", "إبريل", "ابريل", "مايو", "يونيو", "يوليو", "أغسطس", "اغسطس", "سبتمبر",
            "أكتوبر", "اكتوبر", "نوفمبر", "ديسمبر", "كانون", "الثاني", "شباط", "آذار", "اذار", "نيسان", "أيار", "ايار",
            "حزيران", "تموز", "آب", "اب", "أيلول", "ايلول", "تشرين", "الأول", "الاول",
            "محرم", "صفر", "ربيع", "الآخر", "جمادى", "الأولى", "الآخرة", "رجب", "شعبان", "رمضان", "شوال", "ذو", "القعدة", "الحجة",
            "هـ", "ه", "م", "الموافق", "في", "الساعة",
            "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الاربعاء", "الخميس", "الجمعة", "السبت",
        ]
    }

    /// The head found at the start of `bytes`: the lines it took (for `Header`), what they say,
    /// and the byte offset where the body starts.
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (lines: [HeaderLine], fields: HeadFields, bodyStart: Int) {
        var fields = HeadFields()
        var lines: [HeaderLine] = []
        var position = 0
        var examined = 0
        var bodyStart = 0
        while examined < maxHeadLines, let span = Self.nextLine(in: bytes, from: position) {
            // A line too long for a head is the body; its start may still carry a tag.
            let isFirst = examined == 0
            if span.content.count > 300 || !classifyLine(bytes, span, isFirst: isFirst, fields: &fields, lines: &lines) {
                bodyStart = span.content.lowerBound
                break
            }
            position = span.next
            bodyStart = position
            examined += 1
        }
        // The body's first line may open with a tag or dateline ("BAGHDAD (Reuters) - …").
        if let span = Self.nextLine(in: bytes, from: bodyStart) {
            let prefix = Self.string(bytes, span.content.lowerBound..<min(span.content.upperBound, span.content.lowerBound + 200))
            if let (field, length) = inlineTag(prefix, fields: &fields) {
                let tagEnd = span.content.lowerBound + length
                lines.append(HeaderLine(field: field, range: span.content.lowerBound..<Self.trimEnd(bytes, tagEnd, from: span.content.lowerBound)))
                bodyStart = tagEnd
                while bodyStart < bytes.count, Segmenter.isSpace(bytes[bodyStart]) { bodyStart += 1 }
            } else {
                bodyStart = span.content.lowerBound
            }
        }
        return (lines, fields, min(bodyStart, bytes.count))
    }

    /// How many whitespace-separated words a line has, by bytes when it is ASCII (most first
    /// lines are, and splitting by characters costs more than the rest of the check).
    static func wordCount(_ line: String) -> Int {
        let ascii = line.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var count = 0
            var inWord = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                let space = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                if !space, !inWord { count += 1 }
                inWord = !space
            }
            return count
        }
        if let ascii, let count = ascii { return count }
        return line.split(whereSeparator: \.isWhitespace).count
    }

    /// Reads one whole line of the head; false when the line is not a head line (the body starts).
    private func classifyLine(_ bytes: UnsafeBufferPointer<UInt8>, _ span: LineSpan, isFirst: Bool,
                              fields: inout HeadFields, lines: inout [HeaderLine]) -> Bool {
        let line = Self.string(bytes, span.content)
        let wordCount = Self.wordCount(line)
        guard wordCount > 0, wordCount <= maxTitleWords else { return false }
        func take(_ field: HeaderField) -> Bool {
            lines.append(HeaderLine(field: field, range: span.content))
            return true
        }
        // Cheap checks on the first bytes keep the regular expressions for the lines they can match:
        // every article's first line is read here.
        let utf8 = Array(line.utf8.prefix(12))
        func starts(_ prefixes: [String]) -> Bool { prefixes.contains { line.hasPrefix($0) } }
        let isArabic = (utf8.first.map { $0 >= 0xD8 && $0 <= 0xDB }) ?? false
        if starts(["By ", "BY ", "Par ", "PAR "]), let match = line.wholeMatch(of: byline), let name = match["name"]?.substring, isName(name) {
            if fields.byline == nil { fields.byline = String(name).trimmed }
            return take(.byline)
        }
        if isArabic, starts(["كتب", "بقلم", "إعداد", "تقرير"]), let match = line.wholeMatch(of: arabicByline), let name = match["name"]?.substring {
            if fields.byline == nil { fields.byline = String(name).trimmed }
            return take(.byline)
        }
        if starts(["Source", "SOURCE", "المصدر"]), let match = line.wholeMatch(of: source), let rest = match["rest"]?.substring {
            // "Reuters, 3 April 2024", "الجزيرة + وكالات"
            var outlet = String(rest)
            if let comma = outlet.firstIndex(where: { $0 == "," || $0 == "،" }) {
                let after = String(outlet[outlet.index(after: comma)...]).trimmed
                if isDate(after) { setDate(after, &fields) }
                outlet = String(outlet[..<comma])
            }
            if let plus = outlet.firstRange(of: " + ") { outlet = String(outlet[..<plus.lowerBound]) }
            if fields.outlet == nil { fields.outlet = outlet.trimmed }
            return take(.source)
        }
        if starts(["Updated", "Last updated", "Published", "Posted", "Publié", "Mis à jour", "آخر", "تاريخ", "نشر", "تم النشر", "نُشر"]),
           let match = line.wholeMatch(of: dateLabel), let date = match["date"]?.substring, isDateLabelled(String(date)) {
            var value = String(date)
            for separator in [" · ", " | ", " - Update", " – "] {
                if let cut = value.firstRange(of: separator) { value = String(value[..<cut.lowerBound]) }
            }
            setDate(value.trimmed, &fields)
            return take(.dateline)
        }
        if line.contains("|"), let match = line.wholeMatch(of: pipeDate), let name = match["name"]?.substring, let rest = match["date"]?.substring,
           let date = firstDate(in: String(rest)) {
            // "Ahmet Demir |03.04.2024 - Update : 03.04.2024"
            if fields.byline == nil { fields.byline = String(name).trimmed }
            setDate(date, &fields)
            return take(.byline)
        }
        if isDate(line) {
            setDate(line.trimmed, &fields)
            return take(.dateline)
        }
        if isArabic, line.utf8.count <= 160, line.contains(where: \.isNumber), let match = line.wholeMatch(of: arabicAgencyLine), let date = match["date"]?.substring, isDate(String(date)),
           let place = match["place"]?.substring, let agency = match["agency"]?.substring {
            // "الرياض 22 رمضان 1445 هـ الموافق 01 أبريل 2024 م واس"
            setPlace(String(place), &fields)
            setDate(String(date), &fields)
            if fields.outlet == nil { fields.outlet = String(agency) }
            return take(.dateline)
        }
        if wordCount <= 8, !Self.endsSentence(line), let parts = splitShortLine(line) {
            apply(parts, &fields)
            return take(parts.kind == .outletDate ? .source : .dateline)
        }
        if !isFirst, wordCount <= 4, line.allSatisfy({ !$0.isLowercase }), line.contains(where: \.isUppercase),
           !line.contains(where: \.isNumber) {
            // "ANKARA" alone under the byline; "RASHA AL-OMARI" under the title.
            if wordCount == 1 { setPlace(line, &fields); return take(.dateline) }
            if fields.byline == nil { fields.byline = line.trimmed }
            return take(.byline)
        }
        if isFirst, !Self.endsSentence(line), inlineTagLength(line) == nil, !Self.continuesOnNextLine(bytes, after: span),
           span.next < bytes.count || wordCount >= 2 {
            fields.title = line.trimmed
            return take(.title)
        }
        return false
    }

    /// The roles of the parts of a short line such as "بغداد - هذا اليوم" or "Al-Monitor - 12 March 2024".
    private struct ShortLine {
        enum Kind { case placeOutlet, outletDate, placeByline, placeBylineOutlet }
        var kind: Kind
        var parts: [String]
        var swappable = false
    }

    private func splitShortLine(_ line: String) -> ShortLine? {
        let trimmed = line.trimmed
        // "A - B" (spaced dash or en dash) first, then "A/ B[/ C]", then "A: B", then "A-B".
        for separator in [" - ", " – ", " — "] {
            if let range = trimmed.firstRange(of: separator) {
                let a = String(trimmed[..<range.lowerBound]).trimmed, b = String(trimmed[range.upperBound...]).trimmed
                guard !a.isEmpty, !b.isEmpty, a.split(separator: " ").count <= 4 else { return nil }
                if isDate(b) { return ShortLine(kind: .outletDate, parts: [a, b]) }
                guard b.split(separator: " ").count <= 4 else { return nil }
                return ShortLine(kind: .placeOutlet, parts: [a, b])
            }
        }
        if trimmed.contains("/") {
            let parts = trimmed.split(separator: "/").map { String($0).trimmed }.filter { !$0.isEmpty }
            guard parts.allSatisfy({ $0.split(separator: " ").count <= 3 }) else { return nil }
            if parts.count == 2 { return ShortLine(kind: .placeOutlet, parts: parts, swappable: true) }
            if parts.count == 3 { return ShortLine(kind: .placeBylineOutlet, parts: parts) }
            return nil
        }
        if let colon = trimmed.firstIndex(of: ":") {
            let a = String(trimmed[..<colon]).trimmed, b = String(trimmed[trimmed.index(after: colon)...]).trimmed
            // "بيروت: كمال العلي": a one-word place, then a short name.
            guard a.split(separator: " ").count == 1, !b.isEmpty, b.split(separator: " ").count <= 3,
                  a.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) else { return nil }
            return ShortLine(kind: .placeByline, parts: [a, b])
        }
        let pieces = trimmed.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        if pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty, !trimmed.contains(" ") {
            let (a, b) = (pieces[0], pieces[1])
            // "Baghdad-INA", "دمشق-سانا"; not a hyphenated word such as "Al-Monitor".
            let arabic = a.unicodeScalars.allSatisfy { $0.properties.isAlphabetic && !$0.isASCII }
                && b.unicodeScalars.allSatisfy { $0.properties.isAlphabetic && !$0.isASCII }
            let acronym = b.count >= 2 && b.allSatisfy(\.isUppercase) && a.first?.isUppercase == true && a.dropFirst().contains(where: \.isLowercase)
            if arabic || acronym { return ShortLine(kind: .placeOutlet, parts: [a, b]) }
        }
        return nil
    }

    private func apply(_ line: ShortLine, _ fields: inout HeadFields) {
        switch line.kind {
        case .outletDate:
            if fields.outlet == nil { fields.outlet = line.parts[0] }
            setDate(line.parts[1], &fields)
        case .placeOutlet:
            setPlace(line.parts[0], &fields)
            if fields.outlet == nil { fields.outlet = line.parts[1] }
            fields.placeOutletMayBeSwapped = line.swappable
        case .placeByline:
            setPlace(line.parts[0], &fields)
            if fields.byline == nil { fields.byline = line.parts[1] }
        case .placeBylineOutlet:
            setPlace(line.parts[0], &fields)
            if fields.byline == nil { fields.byline = line.parts[1] }
            if fields.outlet == nil { fields.outlet = line.parts[2] }
        }
    }

    /// A tag or dateline at the start of the body's first line: its field and its length in bytes.
    private func inlineTag(_ prefix: String, fields: inout HeadFields) -> (HeaderField, Int)? {
        func length(_ match: Regex<AnyRegexOutput>.Match) -> Int { prefix.utf8.distance(from: prefix.startIndex, to: match.range.upperBound) }
        func text(_ match: Regex<AnyRegexOutput>.Match, _ name: String) -> String? {
            match[name]?.substring.map { String($0).trimmed }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let head = Array(prefix.utf8.prefix(90))
        func within(_ limit: Int, _ bytes: [UInt8]) -> Bool { head.prefix(limit).contains { bytes.contains($0) } }
        let opensWithBracket = head.first == UInt8(ascii: "(")
        let arabicStart = (head.first.map { $0 >= 0xD8 && $0 <= 0xDB }) ?? false
        let latinCapital = (head.first.map { $0 >= 0x41 && $0 <= 0x5A }) ?? false
        // "-", "–"/"—" (E2 80 93/94), ":"
        let hasDash = within(90, [0x2D, 0x93, 0x94])
        if opensWithBracket, let match = prefix.prefixMatch(of: sourceTag), let outlet = text(match, "outlet") {
            if fields.outlet == nil { fields.outlet = outlet }
            if fields.section == nil { fields.section = text(match, "section") }
            return (.source, length(match))
        }
        if opensWithBracket, let match = prefix.prefixMatch(of: gluedTag), let outlet = text(match, "outlet") {
            if fields.outlet == nil { fields.outlet = outlet }
            return (.source, length(match))
        }
        if arabicStart, within(60, [UInt8(ascii: "/")]), let match = prefix.prefixMatch(of: slashAgency) {
            setPlace(text(match, "place"), &fields)
            setDate(text(match, "date"), &fields)
            if fields.outlet == nil { fields.outlet = text(match, "agency") }
            return (.dateline, length(match))
        }
        if latinCapital || arabicStart, within(70, [UInt8(ascii: "(")]), let match = prefix.prefixMatch(of: wireDateline), let agency = text(match, "agency"), agency.split(separator: " ").count <= 4 {
            let date = text(match, "date")
            // "(Reuters)" after anything but a place and a date is a parenthesis of the body.
            if let date, !isDate(date) { return nil }
            setPlace(text(match, "place"), &fields)
            setDate(date, &fields)
            if fields.outlet == nil { fields.outlet = agency }
            return (.dateline, length(match))
        }
        if latinCapital, hasDash, within(60, [UInt8(ascii: ",")]), let match = prefix.prefixMatch(of: commaAgency) {
            if let date = text(match, "date"), !isDate(date) { return nil }
            setPlace(text(match, "place"), &fields)
            setDate(text(match, "date"), &fields)
            if fields.outlet == nil { fields.outlet = text(match, "agency") }
            return (.dateline, length(match))
        }
        if latinCapital, head.count > 1, head[1] >= 0x41, head[1] <= 0x5A, hasDash || within(40, [UInt8(ascii: ":")]),
           let match = prefix.prefixMatch(of: placeDash) ?? prefix.prefixMatch(of: placeColon) {
            setPlace(text(match, "place"), &fields)
            return (.dateline, length(match))
        }
        if within(40, [UInt8(ascii: "/")]), let match = prefix.prefixMatch(of: outletSlash), let outlet = text(match, "outlet"), outlet.split(separator: " ").count <= 3,
           !Self.endsSentence(outlet) {
            // "Shafaq News/ The ministry …"
            if fields.outlet == nil { fields.outlet = outlet }
            return (.source, length(match))
        }
        return nil
    }

    private func inlineTagLength(_ line: String) -> Int? {
        var scratch = HeadFields()
        return inlineTag(String(line.prefix(200)), fields: &scratch).map(\.1)
    }

    private func setPlace(_ place: String?, _ fields: inout HeadFields) {
        if fields.place == nil, let place, !place.isEmpty { fields.place = place }
    }

    private func setDate(_ date: String?, _ fields: inout HeadFields) {
        // "03.04.2024 - Update …" cut at the dash leaves the dash: separators do not end a date.
        guard fields.date == nil, let date else { return }
        let clean = date.trimmingCharacters(" -–—,،|·:")
        if !clean.isEmpty { fields.date = clean }
    }

    /// A name after "By": capitalized words, "and", commas; not "By 2025, …" nor a sentence.
    private func isName(_ text: Substring) -> Bool {
        let words = text.split(separator: " ")
        guard words.count <= 10, !Self.endsSentence(String(text)) else { return false }
        let joiners: Set<String> = ["and", "et", "&", "de", "al", "el", "bin", "ibn", "van", "von", "der", "la", "le"]
        return words.allSatisfy { word in
            let clean = word.trimmingCharacters(",")
            return joiners.contains(clean.lowercased()) || clean.first?.isUppercase == true
        }
    }

    /// Whether text is a date (and time) and nothing else: "April 3, 2024 4:15 PM GMT+3",
    /// "03.04.2024", "الأربعاء 3 نيسان 2024", "3 - 4".
    func isDate(_ text: String) -> Bool {
        // Length first, counted no further than needed: every article's first line is asked.
        guard text.prefix(61).count <= 60, text.contains(where: \.isNumber) else { return false }
        var wordCount = 0
        for token in text.split(whereSeparator: { " ,،./:-–+·()".contains($0) }) {
            wordCount += 1
            if token.allSatisfy(\.isNumber) { continue }
            let lower = token.lowercased()
            if dateWords.contains(lower) { continue }
            // "3rd", "10h15", "GMT+3" pieces: digits with a short suffix.
            let letters = lower.filter(\.isLetter)
            if token.contains(where: \.isNumber), letters.count <= 3 { continue }
            if dateWords.contains(lower.trimmingCharacters(".")) { continue }
            return false
        }
        return wordCount > 0
    }

    /// A labelled date ("Updated: …") must start with one: "Published figures show" is a sentence.
    private func isDateLabelled(_ text: String) -> Bool {
        firstDate(in: text) != nil
    }

    /// The date at the start of `text`, up to where it stops being one.
    private func firstDate(in text: String) -> String? {
        var words = text.split(separator: " ").map(String.init)
        while !words.isEmpty {
            let candidate = words.joined(separator: " ")
            if isDate(candidate) { return candidate.trimmed }
            words.removeLast()
        }
        return nil
    }

    // MARK: Lines

    struct LineSpan {
        var content: Range<Int>
        var next: Int
    }

    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    static func trimEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int, from start: Int) -> Int {
        var upper = end
        while upper > start, Segmenter.isSpace(bytes[upper - 1]) { upper -= 1 }
        return upper
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

    static func endsSentence(_ line: String) -> Bool {
        var trimmed = Substring(line).trimmingWhitespace()
        while let last = trimmed.last, "\"”’'»)]".contains(last) { trimmed = trimmed.dropLast() }
        guard let last = trimmed.last else { return false }
        return ".!;:؟…".contains(last)
    }

    /// Whether the line right after `line` (no blank line between) starts with a lowercase letter.
    static func continuesOnNextLine(_ bytes: UnsafeBufferPointer<UInt8>, after line: LineSpan) -> Bool {
        var position = line.content.upperBound
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 || bytes[position] == 0x0D { position += 1 }
        guard position < bytes.count, bytes[position] == 0x0A else { return false }
        position += 1
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        guard position < bytes.count, bytes[position] != 0x0A else { return false }
        let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<min(bytes.count, position + 4)]), as: UTF8.self)
        return rest.first?.isLowercase == true
    }
}

extension StringProtocol {
    /// Without surrounding whitespace.
    var trimmed: String { String(Substring(self).trimmingWhitespace()) }

    func trimmingCharacters(_ characters: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
