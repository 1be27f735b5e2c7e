import BriefResources
import BriefText

/// A date written in a text: where it is, the day (and time) it names, and how it was written.
public struct FoundDate: Sendable, Hashable {
    /// How the date was written.
    public enum Kind: String, Sendable, CaseIterable {
        /// Digits only: `2022-07-22`, `22/07/2022`, `22.07.2022`.
        case numeric
        /// A Gregorian month name: `22 July 2022`, `15 آذار 2022`, `1er mars 2024`.
        case namedMonth
        /// A Hijri date, by month name or by a هـ after the year; `day` is its Gregorian day.
        case hijri
    }

    /// UTF-8 byte offsets of the date in the text, weekday and time included.
    public var range: Range<Int>
    /// The Gregorian day.
    public var day: CalendarDay
    /// The time written with the date, if any.
    public var time: TimeOfDay?
    public var kind: Kind
    /// The text gave a weekday but no year ("Tuesday, July 22"); the year was worked out from
    /// the weekday and the reader's `now`.
    public var yearInferred: Bool

    public init(range: Range<Int>, day: CalendarDay, time: TimeOfDay? = nil, kind: Kind, yearInferred: Bool = false) {
        self.range = range
        self.day = day
        self.time = time
        self.kind = kind
        self.yearInferred = yearInferred
    }

    /// Whether a time was written with the date.
    public var hasTime: Bool { time != nil }

    /// ISO 8601: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` when a time was given.
    public var iso: String { time.map { day.iso + "T" + $0.description } ?? day.iso }
}

/// The date chosen as an article's own, with where it was found and what labelled it.
public struct ArticleDate: Sendable, Equatable {
    public var date: FoundDate
    /// Index of the line it was found on.
    public var line: Int
    /// The cue before it ("Published", "Updated"), `.today` for a page stamp, or `.none`.
    public var label: DateLabel

    /// ISO 8601 value of the date.
    public var iso: String { date.iso }
}

/// Finds dates in text copied from news pages (Arabic, English, French), and the article's own
/// date among a page's head lines.
///
/// Forms read: ISO (`2022-07-22 15:29:41`, `2022/07/22`); day-month-year digits in the Arab and
/// French order (`22/07/2022`, `22-7-2022`, `22.07.2022`), month first only when the second number
/// cannot be a month (`7/22/2022`); two-digit years only when one reading alone survives (the other
/// orders impossible, out of range, or refused by a weekday); month names of `Lexicons/dates/`
/// in English, French and every Arabic family, with a weekday, ordinal, abbreviation stop, both
/// names (`15 آذار/مارس 2023`), an era mark (`م`, `هـ`) and a time; Hijri dates converted with
/// ICU's Umm al-Qura calendar. Digits may be ASCII, Arabic-Indic or Persian. Relative dates
/// ("yesterday", "أمس") are not read. Years outside 1990…`now.year + 1` (1990…2099 without a
/// `now`) are refused, as are days that do not exist.
public struct DateReader: Sendable {
    /// The earliest year taken for a date: older ones in news pages are history, not datelines.
    public static let earliestYear = 1990
    /// The latest year taken when no `now` is given.
    public static let latestYearWithoutNow = 2099

    let lexicon: DateLexicon
    /// The Hijri reckoning used to convert Hijri dates.
    public var hijriVariant: HijriCalendar.Variant = .ummAlQura

    init(lexicon: DateLexicon) {
        self.lexicon = lexicon
    }

    /// The reader with the month, weekday, cue and marker words of `Lexicons/dates/`.
    public static func load(from data: DataDirectory) throws -> DateReader {
        DateReader(lexicon: try DateLexicon.load(from: data))
    }

    /// Every date written in `text`, in order. With `now`, years after `now.year + 1` are refused
    /// and a weekday with a day and month but no year ("Tuesday, July 22") gets a year.
    public func dates(in text: String, now: CalendarDay? = nil) -> [FoundDate] {
        scanner(text, now: now).scan().map(\.found)
    }

    /// A metadata value (`2019-11-18T14:05:00+00:00`, `2019-11-18`, RFC 822's
    /// `Mon, 18 Nov 2019 14:05:00 GMT`, or any form `dates(in:)` reads) as ISO 8601, or nil when
    /// the value does not start with a date. The time is kept as written; its zone is dropped.
    public func parseISO(_ value: String) -> String? {
        // Metadata values are short; a long one is not a date, and is not scanned.
        guard value.utf8.count <= 256 else { return nil }
        guard let first = dates(in: value).first, !first.yearInferred else { return nil }
        let before = value.utf8.prefix(first.range.lowerBound)
        guard before.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return nil }
        return first.iso
    }

    /// The article's own date among `lines` (e.g. the head lines of a copied page), or nil.
    ///
    /// The rule, in order:
    /// 1. Dates after `now` plus one day (time zones) are never chosen.
    /// 2. Each date gets the label of the cue before it: a cue of `Lexicons/dates/cues.tsv` on its
    ///    line, at most six tokens before it with no number or other date between; or a cue that
    ///    ends the previous non-blank line, for the first date of a line.
    /// 3. A date with no cue that is `now` give or take a day, on a line above another candidate
    ///    of a different day, is taken for the page's stamp of the day it was viewed (mastheads
    ///    print today's date above the article's): it gets `.today`.
    /// 4. Labels rank published, then none, then updated, then today; then a written year before
    ///    a year worked out from a weekday; then the earlier line and position.
    /// 5. Among dates of the chosen day with that label, one with a time is preferred, then a
    ///    Gregorian one over its Hijri equivalent.
    public func articleDate(lines: [String], now: CalendarDay) -> ArticleDate? {
        var candidates: [ArticleDate] = []
        var carried: DateLabel?
        for (number, line) in lines.enumerated() {
            let scanner = self.scanner(line, now: now)
            let found = scanner.scan()
            let cues = self.cues(in: scanner)
            if found.isEmpty {
                if !scanner.tokens.isEmpty {
                    // A cue on a line of its own labels the next line's first date.
                    carried = cues.last.flatMap { cue in
                        scanner.tokens[cue.end...].allSatisfy { $0.kind == .punct } ? cue.label : nil
                    }
                }
                continue
            }
            var previousEnd = 0
            var nextCue = 0
            var lastCue: (start: Int, end: Int, label: DateLabel)?
            for (position, item) in found.enumerated() {
                // Dates and cues are both in order: one walk pairs them (linear on a hostile line).
                while nextCue < cues.count, cues[nextCue].end <= item.date.start {
                    lastCue = cues[nextCue]
                    nextCue += 1
                }
                var label = DateLabel.none
                if let cue = lastCue, cue.start >= previousEnd,
                   item.date.start - cue.end <= 6,
                   !scanner.tokens[cue.end..<item.date.start].contains(where: { $0.kind == .number }) {
                    label = cue.label
                } else if position == 0, let carried {
                    label = carried
                }
                previousEnd = item.date.end
                candidates.append(ArticleDate(date: item.found, line: number, label: label))
            }
            carried = nil
        }
        let latest = now.adding(days: 1)
        candidates.removeAll { $0.date.day > latest }
        // From the last line up: up to two distinct days seen on the lines below each candidate,
        // enough to say whether one of them differs from its own day.
        var below: [CalendarDay] = []
        var index = candidates.count - 1
        while index >= 0 {
            let line = candidates[index].line
            var first = index
            while first > 0, candidates[first - 1].line == line { first -= 1 }
            for position in first...index where candidates[position].label == .none {
                let day = candidates[position].date.day
                if abs(day.daysSinceEpoch - now.daysSinceEpoch) <= 1, below.contains(where: { $0 != day }) {
                    candidates[position].label = .today
                }
            }
            for position in first...index where below.count < 2 && !below.contains(candidates[position].date.day) {
                below.append(candidates[position].date.day)
            }
            index = first - 1
        }
        func rank(_ label: DateLabel) -> Int {
            switch label {
            case .published: return 0
            case .none: return 1
            case .updated: return 2
            case .today: return 3
            }
        }
        // Stable: equal ranks keep the order of the lines.
        let ordered = candidates.enumerated().sorted {
            let a = $0.element, b = $1.element
            if rank(a.label) != rank(b.label) { return rank(a.label) < rank(b.label) }
            if a.date.yearInferred != b.date.yearInferred { return !a.date.yearInferred }
            return $0.offset < $1.offset
        }.map(\.element)
        guard let best = ordered.first else { return nil }
        let sameDay = ordered.filter { $0.date.day == best.date.day && $0.label == best.label }
        return sameDay.first { $0.date.hasTime } ?? sameDay.first { $0.date.kind != .hijri } ?? best
    }

    // MARK: Internals

    func scanner(_ text: String, now: CalendarDay?) -> DateScanner {
        let latest = now.map { $0.year + 1 } ?? Self.latestYearWithoutNow
        return DateScanner(text: text, lexicon: lexicon, years: Self.earliestYear...max(Self.earliestYear, latest), now: now, variant: hijriVariant)
    }

    /// The cue phrases of a scanned text: token range and label.
    func cues(in scanner: DateScanner) -> [(start: Int, end: Int, label: DateLabel)] {
        var result: [(start: Int, end: Int, label: DateLabel)] = []
        var index = 0
        while index < scanner.tokens.count {
            if scanner.tokens[index].kind == .word, let cue = scanner.phrase(lexicon.cues, at: index) {
                result.append((index, cue.end, cue.value))
                index = cue.end
            } else {
                index += 1
            }
        }
        return result
    }
}
