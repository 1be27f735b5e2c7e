import BriefDocument

/// The source of an article, resolved: the outlet in both scripts (when the registry knows it),
/// section, author, dateline place and date, and title.
public struct Byline: Sendable, Equatable {
    /// The registry's outlet, when the name in the head is one of its spellings.
    public var outlet: Outlet?
    /// The outlet as the head writes it.
    public var outletName: String?
    public var section: String?
    public var author: String?
    public var place: String?
    public var date: String?
    public var title: String?

    public init() {}

    public var isEmpty: Bool { self == Byline() }
}

/// Turns what a head says into a `Byline`, deciding with the outlet registry what the parser
/// could not: "By Rudaw" names an outlet, not an author; "By SAMIR HADDAD, Associated Press"
/// ends with one; in "السومرية نيوز/ بغداد" the outlet comes first.
public struct BylineResolver: Sendable {
    public let registry: OutletRegistry
    /// The head forms of `Models/heads/forms.tsv`, when loaded.
    public let forms: HeadForms?

    public init(registry: OutletRegistry, forms: HeadForms? = nil) {
        self.registry = registry
        self.forms = forms
    }

    /// Where the article starts in `paragraph` when a head form opens it ("ERBIL (Kurdistan
    /// 24) – The commission…" → the offset of "The"), as a UTF-8 offset; nil when none does.
    public func headEnd(inLead paragraph: String) -> Int? {
        leadHeads(paragraph).last?.end
    }

    /// The heads that open `paragraph`, one after another ("(MENAFN- KUNA) BAGHDAD, Oct 16
    /// (KUNA) -- …": two), at most three, each with where the article goes on after it.
    func leadHeads(_ paragraph: String) -> [(reading: HeadForms.Reading, end: Int)] {
        guard let forms else { return [] }
        var heads: [(reading: HeadForms.Reading, end: Int)] = []
        // Three heads of 300 characters at most: the paragraph's start is all that is read.
        let start = Substring(paragraph.prefix(900))
        var end = 0
        for _ in 0..<3 {
            let rest = String(decoding: start.utf8.dropFirst(end), as: UTF8.self)
            guard let reading = forms.read(String(rest.prefix(300))), let opening = reading.bodyStart else { break }
            end += opening
            heads.append((reading, end))
        }
        return heads
    }

    /// What the head says, read first by the head forms on the lines around the article (head
    /// lines, credit lines after it) and on the start of its first paragraphs, then completed by
    /// the head parser where the forms found nothing: a known outlet wins over a name the
    /// registry does not know; a form's reading of a line wins over the parser's (which swaps
    /// or mislabels parts: "كتبت / أميمة حافظ" is an author, not an outlet with a place); a
    /// label or desk word ("متابعات", "كتبت") is never a name.
    /// Where no line names a known outlet, weaker evidence is read, most telling first: a
    /// known outlet glued to what follows it on a head line or the lead ("The Washington
    /// PostDemocracy Dies in Darkness"), one ending the title ("… – Archyde"), and the one the
    /// `body` credits ("told Reuters", "قال … لفرانس برس") when it credits only one.
    /// Last, the one known outlet the page's `promotions` name ("تغطية متواصلة على قناة موقع
    /// "عرب 48" في "تليغرام"").
    public func resolve(_ fields: HeadFields, lines: [String], leads: [String], body: [String] = [], promotions: [String] = []) -> Byline {
        var parsed = resolve(fields)
        guard let forms else { return parsed }
        // The parser's fields from a line of labels or desk words: "الحديدة نيوز/ متابعات" is
        // an outlet and a desk, not a place and an outlet; "Category: Kurdistan" is a section.
        if let name = parsed.outletName, parsed.outlet == nil, forms.isListPhrase(name) {
            parsed.outletName = parsed.place.flatMap { lookup($0) == nil ? $0 : nil }
            parsed.place = nil
        }
        if let place = parsed.place, forms.isListPhrase(place) {
            parsed.place = nil
            parsed.author = nil
        }
        if let author = parsed.author, forms.isListPhrase(author) { parsed.author = nil }
        // Names are words of two letters or more: "ت + ت - الحجم الطبيعي" is a font-size widget.
        // A line with such a part is a widget, not a head: none of its parts is a name.
        for keyPath in [\Byline.outletName, \Byline.place, \Byline.author] {
            if let value = parsed[keyPath: keyPath], parsed.outlet == nil || keyPath != \Byline.outletName,
               value.split(separator: " ").contains(where: { $0.count < 2 && !$0.allSatisfy(\.isLetter) || $0.count == 1 && value.count < 6 }) {
                parsed.place = nil
                parsed.author = nil
                if parsed.outlet == nil { parsed.outletName = nil }
            }
        }
        var readLines: Set<String> = []
        var readings: [HeadForms.Reading] = []
        for line in lines.prefix(24) {
            guard let reading = forms.read(line), reading.bodyStart == nil else { continue }
            readings.append(reading)
            readLines.insert(line.trimmingSpaces())
        }
        // A head line is not the title.
        if let title = parsed.title, readLines.contains(title.trimmingSpaces()) { parsed.title = nil }
        readings += leads.prefix(3).flatMap { leadHeads(String($0.prefix(300))).map(\.reading) }
        var byline = parsed
        let known = readings.first { $0.knownOutlet != nil }
        let named = known ?? readings.first { $0.outlet != nil }
        if let known, parsed.outlet == nil || parsed.outlet?.id == known.knownOutlet?.id {
            byline.outlet = known.knownOutlet
            byline.outletName = known.outlet
        } else if parsed.outlet == nil, let named {
            byline.outlet = nil
            byline.outletName = named.outlet
        }
        let source = named ?? readings.first
        byline.place = source?.place ?? readings.first { $0.place != nil }?.place ?? parsed.place
        byline.author = source?.author ?? readings.first { $0.author != nil }?.author ?? parsed.author
        // What the parser put in one field and a form in another is the form's.
        if let author = byline.author, author == byline.outletName, byline.outlet == nil { byline.outletName = nil }
        if let outletName = byline.outletName, lookup(outletName) == nil, forms.isListPhrase(outletName) { byline.outletName = nil }
        if let place = byline.place, forms.isListPhrase(place) || place == byline.outletName || place == byline.author { byline.place = nil }
        if let author = byline.author, let outlet = byline.outlet, lookup(author)?.id == outlet.id { byline.author = nil }
        if byline.outlet == nil, byline.outletName == nil,
           let (name, outlet) = (lines.prefix(24) + leads.prefix(6)).lazy.compactMap(gluedOutlet).first
            ?? (byline.title ?? fields.title).flatMap({ titleOutlet($0, body: body) }) ?? bodyCredit(body)
            ?? promotionOutlet(promotions) {
            byline.outlet = outlet
            byline.outletName = name
            if let author = byline.author, lookup(author)?.id == outlet.id { byline.author = nil }
        }
        return byline
    }

    /// A known outlet that opens `line` glued to the next words by a lost line break: a
    /// lowercase Latin letter followed by a capital ("The Washington PostDemocracy…", "Iran
    /// PressMiddle East: …").
    func gluedOutlet(_ line: String) -> (String, Outlet)? {
        var previous: Character = " "
        for (offset, character) in line.prefix(60).enumerated() {
            if character.isUppercase, character.isASCII, previous.isLowercase, previous.isASCII, offset >= 3 {
                let name = String(line.prefix(offset)).trimmingSpaces()
                guard name.split(separator: " ").count <= 5 else { return nil }
                return lookup(name).map { (name, $0) }
            }
            previous = character
        }
        return nil
    }

    /// A known outlet after the title's last separator ("… – Archyde", "… | Rudaw"). After a
    /// dash, an outlet the body names is the wire headline's attribution ("Egypt signs $2 bln
    /// deal – Kommersant" over "…, the Kommersant business daily cited"), not the page's.
    func titleOutlet(_ title: String, body: [String]) -> (String, Outlet)? {
        for separator in [" | ", " - ", " \u{2013} ", " \u{2014} "] {
            guard let range = title.ranges(of: separator).last else { continue }
            let name = String(title[range.upperBound...]).trimmingSpaces()
            guard !name.isEmpty, name.split(separator: " ").count <= 5, let outlet = lookup(name) else { continue }
            if separator != " | " {
                let folded = OutletRegistry.fold(name)
                if body.prefix(40).contains(where: { OutletRegistry.fold($0).contains(folded) }) { return nil }
            }
            return (name, outlet)
        }
        return nil
    }

    /// The one known outlet named in the page's invitations to follow it.
    func promotionOutlet(_ promotions: [String]) -> (String, Outlet)? {
        guard let forms else { return nil }
        return soleOutlet(promotions.prefix(5).lazy.compactMap { forms.outletNamed(in: $0) })
    }

    /// The one outlet the body credits, if it credits exactly one.
    func bodyCredit(_ body: [String]) -> (String, Outlet)? {
        guard let forms else { return nil }
        return soleOutlet(body.prefix(40).lazy.flatMap { forms.credits(in: $0) })
    }

    /// The outlet all of `named` name (the first spelling), or nil when they name two or none.
    private func soleOutlet<Named: Sequence>(_ named: Named) -> (String, Outlet)? where Named.Element == (name: String, outlet: Outlet) {
        var found: (String, Outlet)?
        for candidate in named {
            if let seen = found, seen.1.id != candidate.outlet.id { return nil }
            found = found ?? (candidate.name, candidate.outlet)
        }
        return found
    }

    public func resolve(_ fields: HeadFields) -> Byline {
        var byline = Byline()
        byline.section = fields.section
        byline.date = fields.date
        byline.title = fields.title
        var outletName = fields.outlet
        var place = fields.place
        var author = fields.byline
        if let name = author {
            if lookup(name) != nil, outletName == nil || lookup(outletName!) != nil {
                // "By Rudaw": the outlet signs, nobody else.
                outletName = name
                author = nil
            } else if let (person, outlet) = trailingOutlet(name) {
                // Named in the byline, the outlet is its first mention: it wins over the dateline's.
                author = person
                outletName = outlet
            }
        }
        if fields.placeOutletMayBeSwapped, let first = place, let second = outletName,
           lookup(first) != nil, lookup(second) == nil {
            place = second
            outletName = first
        }
        outletName = outletName.map(Self.withoutLabel)
        // A field brief is not sure of is left out: a name that holds a digit is a date, a time
        // or a count the head parser took for a name ("By: 2019/08/30"), unless it is a known
        // outlet's own spelling ("Kurdistan 24").
        let outlet = outletName.flatMap(lookup)
        byline.outlet = outlet
        byline.outletName = outlet != nil || !Self.holdsDigit(outletName) ? outletName : nil
        byline.place = Self.holdsDigit(place) ? nil : place
        byline.author = Self.holdsDigit(author) ? nil : author.map(Self.withoutLabel)
        return byline
    }

    static func holdsDigit(_ text: String?) -> Bool {
        text?.unicodeScalars.contains { $0.properties.numericType != nil } ?? false
    }

    /// "Source: Shafaq News" → "Shafaq News": a label the parser left in front of a name.
    static func withoutLabel(_ text: String) -> String {
        for label in ["Source:", "Sources:", "SOURCE:", "Source :", "المصدر:", "المصدر :", "By:", "Par:", "كتب:"] where text.hasPrefix(label) {
            return String(text.dropFirst(label.count)).trimmingSpaces()
        }
        return text
    }

    /// The registry's outlet for a name in either script, however spelled among its known forms.
    public func lookup(_ name: String) -> Outlet? {
        registry.outlet(named: name)
    }

    /// "SAMIR HADDAD, Associated Press", "NOUR KHALIL Associated Press": the name and the outlet.
    private func trailingOutlet(_ text: String) -> (String, String)? {
        if let comma = text.lastIndex(of: ",") {
            let tail = String(text[text.index(after: comma)...]).trimmingSpaces()
            if lookup(tail) != nil { return (String(text[..<comma]).trimmingSpaces(), tail) }
        }
        let words = text.split(separator: " ")
        for count in stride(from: min(3, words.count - 1), through: 1, by: -1) {
            let tail = words.suffix(count).joined(separator: " ")
            if tail.count >= 3, lookup(tail) != nil { return (words.dropLast(count).joined(separator: " "), tail) }
        }
        return nil
    }
}
