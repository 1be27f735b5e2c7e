import BriefText

/// A date as the scanner read it, before it became a `FoundDate`: token positions and the
/// readings of its numbers (more than one only for a two-digit year).
struct ScannedDate {
    struct Reading: Equatable {
        var year: Int?
        var month: Int
        var day: Int
    }

    var start: Int
    var end: Int
    var readings: [Reading]
    var hijri: Bool
    var kind: FoundDate.Kind
    var time: TimeOfDay?
    var weekday: Int?
}

/// Memo of folded word keys and Hijri conversions for one scan: a reference type because the
/// phrase matcher reads keys through a closure while the scanner walks the tokens.
final class DateScanCache {
    /// Only words near a number are ever folded: a dictionary holds those without a slot per token.
    var keys: [Int: String] = [:]
    var hijri: [Int: CalendarDay?] = [:]
}

/// Reads dates token by token: at each position a bounded number of patterns is tried, each
/// looking at a bounded number of tokens, so the work is linear in the text whatever it holds.
struct DateScanner {
    let bytes: [UInt8]
    let tokens: [DateToken]
    let lexicon: DateLexicon
    let years: ClosedRange<Int>
    let now: CalendarDay?
    let variant: HijriCalendar.Variant
    let cache: DateScanCache

    init(text: String, lexicon: DateLexicon, years: ClosedRange<Int>, now: CalendarDay?, variant: HijriCalendar.Variant) {
        bytes = Array(text.utf8)
        tokens = DateTokenizer.tokens(bytes)
        self.lexicon = lexicon
        self.years = years
        self.now = now
        self.variant = variant
        cache = DateScanCache()
    }

    // MARK: Tokens

    /// The folded key of a word or punctuation token; nil for numbers and past the end.
    func key(_ index: Int) -> String? {
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        switch token.kind {
        case .number: return nil
        case .punct: return Unicode.Scalar(UInt32(token.value)).map { String(Character($0)) }
        case .word:
            if let known = cache.keys[index] { return known }
            let folded = DateWordKey.fold(bytes[token.start..<token.end])
            cache.keys[index] = folded
            return folded
        }
    }

    /// Whether token `index` exists and is on the same line as the one before it.
    func sameLine(_ index: Int) -> Bool { index < tokens.count && tokens[index].gap != .newline }

    /// Whether token `index` exists and touches the one before it.
    func glued(_ index: Int) -> Bool { index < tokens.count && tokens[index].gap == .none }

    func punct(_ index: Int) -> UInt32? {
        index < tokens.count && tokens[index].kind == .punct ? UInt32(tokens[index].value) : nil
    }

    /// The value of a number token with a digit count in `digits`.
    func number(_ index: Int, digits: ClosedRange<Int>) -> Int? {
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        return token.kind == .number && token.value >= 0 && digits.contains(token.digits) ? token.value : nil
    }

    /// A phrase of `table` starting at `first`, all on one line.
    func phrase<Value>(_ table: PhraseTable<Value>, at first: Int) -> (value: Value, end: Int)? {
        // Every phrase starts with a word (the loader checks): other tokens need no lookup.
        guard first < tokens.count, tokens[first].kind == .word else { return nil }
        return table.match(at: first) { index in
            index == first || self.sameLine(index) ? self.key(index) : nil
        }
    }

    func marker(_ kind: DateMarker, at index: Int) -> Int? {
        phrase(lexicon.marker(kind), at: index)?.end
    }

    /// A Gregorian or Hijri month name at `index`: its number, calendar and end.
    func month(at index: Int) -> (month: Int, hijri: Bool, end: Int)? {
        if let found = phrase(lexicon.months, at: index) { return (found.value, false, found.end) }
        if let found = phrase(lexicon.hijriMonths, at: index) { return (found.value, true, found.end) }
        return nil
    }

    // MARK: Scanning

    /// Every date in the text, in order, none overlapping.
    func scan() -> [(date: ScannedDate, found: FoundDate)] {
        var result: [(date: ScannedDate, found: FoundDate)] = []
        var index = 0
        while index < tokens.count {
            if let date = match(at: index), let found = resolve(date) {
                result.append((date, found))
                index = date.end
            } else {
                index += 1
            }
        }
        return result
    }

    /// The date that starts at token `index`, if any.
    func match(at index: Int) -> ScannedDate? {
        let token = tokens[index]
        switch token.kind {
        case .punct:
            return nil
        case .number:
            return datePart(at: index, start: index, weekday: nil)
        case .word:
            // A date holds a number close by: most words are never looked up at all.
            guard numberAhead(of: index, within: 8) else { return nil }
            var next = index
            if let end = marker(.day, at: next), sameLine(end) { next = end }
            if let weekday = phrase(lexicon.weekdays, at: next) {
                var after = weekday.end
                if sameLine(after), let p = punct(after), Self.afterWeekday.contains(p) { after += 1 }
                if sameLine(after), let date = datePart(at: after, start: index, weekday: weekday.value) { return date }
            }
            return datePart(at: index, start: index, weekday: nil)
        }
    }

    private func numberAhead(of index: Int, within count: Int) -> Bool {
        var next = index + 1
        while next < tokens.count, next <= index + count, tokens[next].gap != .newline {
            if tokens[next].kind == .number { return true }
            next += 1
        }
        return false
    }

    /// A date, possibly after a time ("09:45 ص 04/03/2026").
    private func datePart(at index: Int, start: Int, weekday: Int?) -> ScannedDate? {
        if let time = timeCore(at: index, spacedHour: false) {
            var next = time.end
            if sameLine(next), let p = punct(next), Self.timeSeparators.contains(p) { next += 1 }
            guard sameLine(next), var date = dated(at: next, start: start, weekday: weekday) else { return nil }
            date.time = date.time ?? time.time
            return date
        }
        return dated(at: index, start: start, weekday: weekday)
    }

    /// A date's numbers and names, then the era marker and time that may follow.
    private func dated(at index: Int, start: Int, weekday: Int?) -> ScannedDate? {
        guard var date = numeric(at: index) ?? dayFirst(at: index) ?? monthFirst(at: index) else { return nil }
        date.start = start
        date.weekday = weekday
        guard date.readings.first?.year != nil else { return date }
        if sameLine(date.end), let end = marker(.hijri, at: date.end) {
            // "1445/09/12هـ": digits say nothing of the calendar; the marker does. A month name
            // already says it, and a Gregorian name with a Hijri marker is left as written.
            if date.kind == .numeric, date.readings.count == 1 {
                date.hijri = true
                date.kind = .hijri
                date.end = end
            } else if date.hijri {
                date.end = end
            }
        } else if !date.hijri, sameLine(date.end), let end = marker(.gregorian, at: date.end) {
            date.end = end
        }
        if let time = timeSuffix(at: date.end, iso: date.kind == .numeric) {
            date.time = time.time
            date.end = time.end
        }
        return date
    }

    /// `2022-07-22`, `2022/07/22`, `22/07/2022`, `22-7-2022`, `22.07.2022`, `7/22/2022`, `22/07/19`.
    private func numeric(at index: Int) -> ScannedDate? {
        guard index + 4 < tokens.count, let first = number(index, digits: 1...4), let separator = punct(index + 1),
              Self.numericSeparators.contains(separator) else { return nil }
        // "27 / 09 / 2011" is written with spaces; hyphens and dots are glued or are something else.
        let spaced = separator == Self.code("/")
        func joins(_ position: Int) -> Bool {
            tokens[position].gap == .none || (spaced && tokens[position].gap == .space)
        }
        guard joins(index + 1), let second = number(index + 2, digits: 1...2), joins(index + 2),
              punct(index + 3) == separator, joins(index + 3), tokens[index + 4].kind == .number, joins(index + 4),
              tokens[index + 4].value >= 0 else { return nil }
        // Not one piece of a longer chain ("1.22.07.2022", "0770-12-07-2022-5").
        if index >= 2, tokens[index].gap == .none, let p = punct(index - 1), Self.numericSeparators.contains(p),
           tokens[index - 1].gap == .none, tokens[index - 2].kind == .number { return nil }
        if index + 6 < tokens.count, tokens[index + 5].gap == .none, let p = punct(index + 5), Self.numericSeparators.contains(p),
           tokens[index + 6].gap == .none, tokens[index + 6].kind == .number { return nil }
        let firstDigits = tokens[index].digits, third = tokens[index + 4].value, thirdDigits = tokens[index + 4].digits
        var readings: [ScannedDate.Reading] = []
        if firstDigits == 4, thirdDigits <= 2 {
            readings = [.init(year: first, month: second, day: third)]
        } else if firstDigits <= 2, thirdDigits == 4 {
            // Day first, as the Arab and French press write; month first only when the second
            // number cannot be a month.
            readings = [first <= 12 && second > 12 ? .init(year: third, month: first, day: second) : .init(year: third, month: second, day: first)]
        } else if firstDigits <= 2, thirdDigits == 2 {
            // Two-digit years: every reading is kept, and the date stands only if one survives.
            readings = [.init(year: Self.century(third), month: second, day: first),
                        .init(year: Self.century(first), month: second, day: third)]
            if second > 12 { readings.append(.init(year: Self.century(third), month: first, day: second)) }
        } else {
            return nil
        }
        return ScannedDate(start: index, end: index + 5, readings: readings, hijri: false, kind: .numeric)
    }

    /// `22 July 2022`, `1er mars 2024`, `22-Jul-2022`, `15 آذار/مارس 2023`, `12 رمضان 1445`.
    private func dayFirst(at index: Int) -> ScannedDate? {
        guard let day = number(index, digits: 1...2), (1...31).contains(day) else { return nil }
        var next = index + 1
        if glued(next), let end = marker(.ordinal, at: next) { next = end }
        if sameLine(next), let p = punct(next), Self.dayMonthSeparators.contains(p) { next += 1 }
        if sameLine(next), let end = marker(.of, at: next) { next = end }
        guard sameLine(next), let name = month(at: next) else { return nil }
        let named = afterMonth(name.end, month: name.month, hijri: name.hijri)
        return withYear(start: index, after: named.end, yearless: named.nameEnd, month: name.month, day: day, hijri: name.hijri)
    }

    /// `July 22, 2022`, `Jul. 22nd 2022`, `Ramadan 12, 1445`.
    private func monthFirst(at index: Int) -> ScannedDate? {
        guard let name = month(at: index) else { return nil }
        let named = afterMonth(name.end, month: name.month, hijri: name.hijri)
        var next = named.end
        guard sameLine(next), let day = number(next, digits: 1...2), (1...31).contains(day) else { return nil }
        next += 1
        if glued(next), let end = marker(.ordinal, at: next) { next = end }
        return withYear(start: index, after: next, yearless: next, month: name.month, day: day, hijri: name.hijri)
    }

    /// The optional full stop of an abbreviation, then a second name for the same month
    /// ("آذار/مارس", "آذار (مارس)").
    private func afterMonth(_ index: Int, month: Int, hijri: Bool) -> (end: Int, nameEnd: Int) {
        var next = index, nameEnd = index
        if glued(next), punct(next) == Self.code(".") { next += 1 }
        if sameLine(next), let p = punct(next), p == Self.code("/") || p == Self.code("("),
           sameLine(next + 1), let other = self.month(at: next + 1), other.month == month, other.hijri == hijri {
            next = other.end
            nameEnd = next
            if glued(next), punct(next) == Self.code(".") { next += 1 }
            if p == Self.code("("), sameLine(next), punct(next) == Self.code(")") {
                next += 1
                nameEnd = next
            }
        }
        return (next, nameEnd)
    }

    /// The four-digit year after a day and month, with one separator allowed before it; without
    /// one the date is yearless and ends at `yearless`.
    private func withYear(start: Int, after index: Int, yearless: Int, month: Int, day: Int, hijri: Bool) -> ScannedDate {
        var next = index
        if sameLine(next), let p = punct(next), Self.beforeYear.contains(p) { next += 1 }
        let kind: FoundDate.Kind = hijri ? .hijri : .namedMonth
        if sameLine(next), let year = number(next, digits: 4...4) {
            return ScannedDate(start: start, end: next + 1, readings: [.init(year: year, month: month, day: day)], hijri: hijri, kind: kind)
        }
        return ScannedDate(start: start, end: yearless, readings: [.init(year: nil, month: month, day: day)], hijri: hijri, kind: kind)
    }

    // MARK: Times

    /// A time after a date: `15:29:41`, `T14:05:00+00:00`, `- 11:08`, `| 11:24 PM`, `à 10h30`,
    /// `الساعة 18:34`, `09:28 مساءً`.
    private func timeSuffix(at index: Int, iso: Bool) -> (time: TimeOfDay, end: Int)? {
        var next = index
        if iso, glued(next), key(next) == "t", glued(next + 1), let time = timeCore(at: next + 1, spacedHour: false) {
            return (time.time, zone(after: time.end))
        }
        var separators = 0
        while separators < 2, sameLine(next), let p = punct(next), Self.timeSeparators.contains(p) {
            next += 1
            separators += 1
        }
        var word = false
        if sameLine(next), let end = marker(.time, at: next) {
            next = end
            word = true
        }
        guard sameLine(next), let time = timeCore(at: next, spacedHour: word) else { return nil }
        return time
    }

    /// `HH:MM[:SS[.fff]]` or French `10h30`, `10 h 30` (spaced only after "à"), then am/pm.
    private func timeCore(at index: Int, spacedHour: Bool) -> (time: TimeOfDay, end: Int)? {
        guard var hour = number(index, digits: 1...2) else { return nil }
        var next = index + 1
        var minute = 0
        if glued(next), punct(next) == Self.code(":") {
            guard glued(next + 1), let minutes = number(next + 1, digits: 2...2) else { return nil }
            minute = minutes
            next += 2
            if glued(next), punct(next) == Self.code(":"), glued(next + 1), number(next + 1, digits: 2...2) != nil {
                next += 2
                if glued(next), punct(next) == Self.code("."), glued(next + 1), tokens[next + 1].kind == .number { next += 2 }
            }
        } else if spacedHour ? sameLine(next) : glued(next), let end = marker(.hour, at: next) {
            next = end
            if spacedHour ? sameLine(next) : glued(next), let minutes = number(next, digits: 2...2) {
                minute = minutes
                next += 1
            }
        } else {
            return nil
        }
        if sameLine(next), let end = marker(.pm, at: next) {
            if hour < 12 { hour += 12 }
            next = end
        } else if sameLine(next), let end = marker(.am, at: next) {
            if hour == 12 { hour = 0 }
            next = end
        }
        guard let time = TimeOfDay(hour: hour, minute: minute) else { return nil }
        return (time, next)
    }

    /// The end of an ISO time zone after a time: `Z`, `+00:00`, `-0500`.
    private func zone(after index: Int) -> Int {
        if glued(index), key(index) == "z" { return index + 1 }
        guard glued(index), let sign = punct(index), sign == Self.code("+") || sign == Self.code("-"),
              glued(index + 1), number(index + 1, digits: 2...4) != nil else { return index }
        switch tokens[index + 1].digits {
        case 2:
            if glued(index + 2), punct(index + 2) == Self.code(":"), glued(index + 3), number(index + 3, digits: 2...2) != nil {
                return index + 4
            }
            return index + 2
        case 4: return index + 2
        default: return index
        }
    }

    // MARK: Checking

    /// The one valid day a scanned date stands for, or nil (impossible, out of range, ambiguous).
    func resolve(_ date: ScannedDate) -> FoundDate? {
        var days: [(day: CalendarDay, inferred: Bool)] = []
        for reading in date.readings {
            if let year = reading.year {
                guard let day = self.day(year: year, month: reading.month, day: reading.day, hijri: date.hijri),
                      years.contains(day.year) else { continue }
                // A weekday settles a two-digit year; on a single reading a wrong weekday is the
                // writer's slip, not a reason to drop the date.
                if date.readings.count > 1, let weekday = date.weekday, day.weekday != weekday { continue }
                if !days.contains(where: { $0.day == day }) { days.append((day, false)) }
            } else if let day = inferredYear(month: reading.month, day: reading.day, weekday: date.weekday, hijri: date.hijri) {
                days.append((day, true))
            }
        }
        guard days.count == 1 else { return nil }
        let range = tokens[date.start].start..<tokens[date.end - 1].end
        return FoundDate(range: range, day: days[0].day, time: date.time, kind: date.kind, yearInferred: days[0].inferred)
    }

    private func day(year: Int, month: Int, day: Int, hijri: Bool) -> CalendarDay? {
        guard hijri else { return CalendarDay(year: year, month: month, day: day) }
        // Only Hijri years whose dates can fall in the accepted Gregorian years reach ICU.
        // A Hijri year is about 32/33 of a Gregorian one, counted from 622.
        let hijriYears = (years.lowerBound - 622) * 33 / 32 - 2...(years.upperBound - 622) * 33 / 32 + 2
        guard hijriYears.contains(year), (1...12).contains(month), (1...30).contains(day) else { return nil }
        let key = (year * 100 + month) * 100 + day
        if let known = cache.hijri[key] { return known }
        let converted = (try? HijriCalendar.gregorian(year: year, month: month, day: day, variant: variant)).flatMap { $0 }
            .flatMap { CalendarDay(year: $0.year, month: $0.month, day: $0.day) }
        cache.hijri[key] = converted
        return converted
    }

    /// "Tuesday, July 22": the latest year that puts that day on that weekday, no later than
    /// tomorrow and no earlier than last year. Without a weekday or `now`, no year is guessed.
    private func inferredYear(month: Int, day: Int, weekday: Int?, hijri: Bool) -> CalendarDay? {
        guard !hijri, let weekday, let now else { return nil }
        let latest = now.adding(days: 1)
        for year in [latest.year, latest.year - 1, latest.year - 2] {
            if let candidate = CalendarDay(year: year, month: month, day: day), candidate <= latest,
               candidate >= now.adding(days: -366), candidate.weekday == weekday, years.contains(year) {
                return candidate
            }
        }
        return nil
    }

    /// The year of a two-digit year: 90–99 are the 1990s, the rest this century.
    static func century(_ twoDigits: Int) -> Int { twoDigits >= 90 ? 1900 + twoDigits : 2000 + twoDigits }

    /// A character's scalar value, for comparing with punctuation tokens.
    static func code(_ scalar: Unicode.Scalar) -> UInt32 { scalar.value }

    static let numericSeparators: Set<UInt32> = [Self.code("-"), Self.code("/"), Self.code(".")]
    static let dayMonthSeparators: Set<UInt32> = [Self.code("-"), Self.code("/"), Self.code("."), Self.code(",")]
    static let beforeYear: Set<UInt32> = [Self.code(","), Self.code("-"), Self.code("/"), Self.code("."), 0x060C]
    static let afterWeekday: Set<UInt32> = [Self.code(","), Self.code("-"), 0x060C, 0x2013, 0x2014]
    static let timeSeparators: Set<UInt32> = [Self.code(","), Self.code("-"), Self.code("|"), Self.code("/"), 0x060C, 0x2013, 0x2014, 0x2022, 0xB7]
}
