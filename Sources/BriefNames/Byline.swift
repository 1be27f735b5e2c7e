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

    public init(registry: OutletRegistry) {
        self.registry = registry
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
