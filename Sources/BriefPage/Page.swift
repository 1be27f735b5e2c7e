/// What a page gave: the article's metadata and its body, whatever the input was (a saved HTML
/// page, a URL's answer, or text copied out of a browser).
public struct Page: Sendable, Equatable {
    /// The kinds of input a page can come as.
    public enum Kind: String, Sendable, CaseIterable {
        case html, text
    }

    public var kind: Kind
    public var title: String?
    /// The outlet as the page names it (site name, publisher, host); resolved later.
    public var outlet: String?
    /// The outlet's own Latin name and its Arabic name, when the registry knows the outlet
    /// (`outlet` stays as the page writes it: "و م ع", "ALBAWABA").
    public var outletLatin: String?
    public var outletArabic: String?
    public var author: String?
    /// The article's date as ISO 8601 (a day, or a day and a time).
    public var date: String?
    /// The dateline place ("Baghdad", "بغداد").
    public var place: String?
    /// The language the page declares (`<html lang>`), or nil.
    public var language: String?
    /// The page's canonical address, when known.
    public var url: String?
    /// The article's paragraphs, in order, without page clutter.
    public var paragraphs: [String]
    /// Head lines found in copied text (dateline, byline, source), kept apart from the body.
    public var head: [String] = []
    /// Lines of copied text left out as page clutter; 0 when the text was an article alone.
    public var clutterLines = 0
    /// Up to five lines right above the body that the cleaner did not keep (copied text): the
    /// outlet's name on a line of its own ("Arab News", "In BasNews") sits there as often as
    /// menus do; only the source reader looks at them, and only for known outlets' forms.
    public var linesAboveBody: [String] = []
    /// The first short lines after the article's last paragraph, where credits close it ("و م ع",
    /// "ILKHA", "Site référencé: Orient XXI"); read only for the source, like `linesAboveBody`.
    public var linesBelowBody: [String] = []
    /// The page's invitations to follow it on a network, which name its own outlet.
    public var promotions: [String] = []

    public init(kind: Kind, title: String? = nil, outlet: String? = nil, author: String? = nil, date: String? = nil,
                place: String? = nil, language: String? = nil, url: String? = nil, paragraphs: [String] = []) {
        self.kind = kind
        self.title = title
        self.outlet = outlet
        self.author = author
        self.date = date
        self.place = place
        self.language = language
        self.url = url
        self.paragraphs = paragraphs
    }

    /// The body as text: paragraphs separated by a blank line.
    public var text: String { paragraphs.joined(separator: "\n\n") }
}
