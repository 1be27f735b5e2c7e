import BriefResources

// Design notes: finding the article in text copied out of a browser
// =================================================================
//
// Input is what "select all, copy" gives on a news page: the article's paragraphs, one per line
// (browsers and `w3m -dump` put each block on its own line), surrounded by the page's menus,
// masthead, tickers, share widgets, captions, related links and comment forms. There is no
// markup left, so every decision rests on what a line looks like and where it stands.
//
// 0. Seams (CopiedTextSeams.swift): blocks a copy glued into one line are put back on lines of
//    their own first: an agency's end mark after the last sentence ("// انتهى //19:52"), a run of
//    links after it ("Notre site : http://… Rejoignez-nous sur Facebook : https://…"); clock
//    stamps glued to a transcript's lines ("00:06مهلة") are dropped.
// 1. Signals per line (CopiedTextLines.swift reads them in one pass over the UTF-8 bytes):
//    length in words (CJK letters count half a word), whether it ends a sentence (. ! ? ؟ … 。
//    and ۔, looking through closing quotes and brackets), the share of stop words of the page's
//    language (Models/stopwords, the lists BriefLanguage uses; Arabic "و"/"ف" glued to a stop word
//    is looked through), link shapes (URLs, "»" "›" " > " breadcrumbs, "|" menus), date and
//    clock shapes (digits plus month, weekday and clock words), "[gif]" image names and "[ ]"
//    form controls, list bullets (• □ …), ©, a trailing photo credit, boilerplate phrases
//    (Lexicons/boilerplate) that make up most of the line, a short line naming a social network
//    with a word that invites to follow it, and an ad slot's size ("728*90").
// 2. A score per line adds those signals with small weights (`CopiedTextAnalysis.score`): length
//    (+1 to +3, or -1/-2 for one to four words), a full stop (+1.5; "?" and "!" +0.5, as headlines
//    use them), no ending on a long line (-1), the stop-word share (+1 / -1.5), a long line with
//    hardly a comma (-2: glued headlines of a ticker); furniture shapes subtract 2.5 to 4 each. A
//    line is *good* (≥ 3: prose), *neutral* (a headline, a short sentence), *short* (too short,
//    nothing else against it) or *bad* (furniture). Lines printed more than once (captions, a
//    title printed twice, a body printed twice) are not prose: only the first copy of a sentence
//    can be body. Four or more lines in a row that are not prose are a list or a menu.
// 3. Position: the body is one contiguous stretch of prose. Each line gets a value (good: its
//    length; neutral: 0; short: -1; bad: -3 and more; a "Related articles" heading -30, a
//    comment-form heading -150) and the stretch with the largest sum (Kadane's maximum subarray)
//    is the body's extent. Long cookie notices above a menu, teasers after "Related", comments
//    after "Leave a reply" fall outside it even though they are prose. A page with no prose line
//    at all (a transcript, one truncated paragraph) lets its best near-prose lines stand in.
// 4. Context inside the stretch (as jusText does with its neighbours): good lines are body; a run
//    of neutral and short lines between two body lines is body when none of it is furniture
//    (crossheads, the rows of a table in the article), else only the neutral lines touching body
//    (never back across a "Read also" heading); a line whose words nearly all open the next body
//    line is a deck printed again, and summary bullets above a lead without bullets are head; the
//    text's last line or two right after the body are body (copies often stop mid-sentence).
// 5. Head: before the first body line, looking back at most ten lines, date lines, "By …"/"كتب"
//    bylines, "Source: …" lines and short "بغداد/ المدى" place-outlet lines are head; the title is
//    the longest remaining headline-shaped line, the upper one on a tie (4 to 30 words, no full
//    stop inside or at the end, not furniture, not a date, not a caption, not an item of a list,
//    not a long line without function words or commas), that speaks of what the body does (a
//    quarter of its content words, compared by their opening, are in the body: a ticker's
//    headline right above the lead shares a name at most). No candidate: no title; a wrong title is
//    worse than none. Source and credit lines right after the body ("المصدر: …", "(Reporting by
//    …)", "(Avec AFP)") are head too.
//
// Cost: one pass over the bytes with hashed words (no String per word, no regular expression),
// then a few passes over the lines: linear in the input whatever its shape.

/// What a line of copied text was found to be.
public enum LineLabel: String, Sendable, CaseIterable {
    case title, head, body, clutter, blank
}

/// An article found in text copied from a page: its title, head lines, body paragraphs, and the
/// label of every input line.
public struct CleanedText: Sendable, Equatable {
    /// The headline, or nil when no line could safely be taken for it.
    public var title: String?
    /// Dateline, byline, date and source lines kept apart from the body, in order.
    public var head: [String]
    /// The article body, one paragraph per element.
    public var paragraphs: [String]
    /// One label per line of the input (lines split at "\n").
    public var labels: [LineLabel]
    /// The language the stop-word signal used, or nil when none applied.
    public var language: String?
    /// The page's invitations to follow it ("تابعوا «السومرية نيوز» على تلغرام"), at most five:
    /// they name the page's own outlet.
    public var promotions: [String] = []

    public init(title: String? = nil, head: [String] = [], paragraphs: [String] = [], labels: [LineLabel] = [], language: String? = nil) {
        self.title = title
        self.head = head
        self.paragraphs = paragraphs
        self.labels = labels
        self.language = language
    }

    /// The body as text: paragraphs separated by a blank line.
    public var text: String { paragraphs.joined(separator: "\n\n") }
}

/// Separates an article's title, head and body from the page clutter around it in text copied
/// out of a browser (see the design notes at the top of this file).
public struct CopiedTextCleaner: Sendable {
    let lexicon: CopiedTextLexicon

    /// Reads the stop words (`Models/stopwords/`) and boilerplate phrases (`Lexicons/boilerplate/`).
    public static func load(from data: DataDirectory) throws -> CopiedTextCleaner {
        CopiedTextCleaner(lexicon: try CopiedTextLexicon.load(from: data))
    }

    init(lexicon: CopiedTextLexicon) {
        self.lexicon = lexicon
    }

    /// The article in `text`. `language` ("ar", "en", "fr" …) picks the stop words; nil guesses it
    /// from the script and the stop words themselves.
    public func clean(_ text: String, language: String?) -> CleanedText {
        var text = text
        return text.withUTF8 { bytes in
            let scanned = CopiedLines(bytes, lexicon: lexicon)
            var analysis = CopiedTextAnalysis(lines: scanned, lexicon: lexicon, language: language)
            analysis.run(bytes)
            return analysis.result(bytes)
        }
    }

    /// For `--explain`: per input line, the label and the score and signals it came from.
    public func explain(_ text: String, language: String?) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var analysis = CopiedTextAnalysis(lines: CopiedLines(bytes, lexicon: lexicon), lexicon: lexicon, language: language)
            analysis.run(bytes)
            return analysis.explanation()
        }
    }
}
