import BriefResources
import BriefText
import Foundation
import Testing
@testable import BriefPage

private let repositoryRoot = "/" + String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")
private let sharedFolder = URL(fileURLWithPath: repositoryRoot).deletingLastPathComponent().appendingPathComponent("shared").path

private func reader() throws -> DateReader {
    try DateReader.load(from: DataDirectory(root: repositoryRoot))
}

private func day(_ iso: String) throws -> CalendarDay {
    try #require(CalendarDay(iso: iso))
}

/// The ISO values of every date in `text`.
private func isos(_ text: String, now: String? = nil) throws -> [String] {
    try reader().dates(in: text, now: now.map(day)).map(\.iso)
}

/// The text a found date covers.
private func written(_ date: FoundDate, in text: String) -> String {
    String(decoding: Array(text.utf8)[date.range], as: UTF8.self)
}

@Suite struct DateReaderFormTests {
    @Test func isoWithTime() throws {
        let text = "2022-07-22 15:29:41"
        let found = try #require(try reader().dates(in: text).first)
        #expect(found.iso == "2022-07-22T15:29")
        #expect(found.kind == .numeric && found.hasTime)
        #expect(written(found, in: text) == text)
        #expect(try isos("2022/07/22") == ["2022-07-22"])
        #expect(try isos("2023-12-31 12:30:06 - Source: Shafaq News") == ["2023-12-31T12:30"])
    }

    @Test func numericDayFirstAndUSOrder() throws {
        #expect(try isos("كتب : مصراوي\n\n09:45 ص 04/03/2026\n") == ["2026-03-04T09:45"])
        #expect(try isos("• 20-4-2022 | 17:59") == ["2022-04-20T17:59"])
        #expect(try isos("من طراز... 27.12.2025\nوقال") == ["2025-12-27"])
        #expect(try isos("Posted 7/22/2022") == ["2022-07-22"])
        // Both readings possible: day first, as the Arab and French press write.
        #expect(try isos("05/04/2022") == ["2022-04-05"])
        #expect(try isos("٢٧ / ٠٩ / ٢٠١١") == ["2011-09-27"])
    }

    @Test func levantineMonthWithWeekday() throws {
        let text = "الثلاثاء 15 آذار 2022"
        let found = try #require(try reader().dates(in: text).first)
        #expect(found.iso == "2022-03-15")
        #expect(found.kind == .namedMonth)
        #expect(written(found, in: text) == text)
        #expect(try isos("23 تشرين الأول 2017 - 11:08") == ["2017-10-23T11:08"])
        #expect(try isos("5 كانون ثاني 2020") == ["2020-01-05"])
    }

    @Test func egyptianAndMaghrebMonthsInEveryDigitScript() throws {
        #expect(try isos("١٥ مارس ٢٠٢٣") == ["2023-03-15"])
        #expect(try isos("۱۵ مارس ۲۰۲۳") == ["2023-03-15"])
        let text = "الأحد، 3 جويلية 2022"
        let found = try #require(try reader().dates(in: text).first)
        #expect(found.iso == "2022-07-03")
        #expect(written(found, in: text) == text)
        #expect(try isos("الخميس 5 أوت 2021") == ["2021-08-05"])
        #expect(try isos("12 غشت 2019 و1 شتنبر 2019") == ["2019-08-12", "2019-09-01"])
        #expect(try isos("السبت، 28 فبراير 2026 03:06 م") == ["2026-02-28T15:06"])
        #expect(try isos("في الاثنين 3 نوفمبر 2025 09:28 مساءً - قال") == ["2025-11-03T21:28"])
    }

    @Test func arabicSpellingVariantsAndBothNames() throws {
        // Alef without hamza, diacritics, tatweel, Egyptian final ha.
        #expect(try isos("15 اذار 2022 و3 ابريل 2021 و9 يونيه 2020") == ["2022-03-15", "2021-04-03", "2020-06-09"])
        #expect(try isos("15 آذَار 2022 و1 مـــارس 2023") == ["2022-03-15", "2023-03-01"])
        let text = "15 آذار/مارس 2023"
        let found = try reader().dates(in: text)
        #expect(found.map(\.iso) == ["2023-03-15"])
        #expect(found.first.map { written($0, in: text) } == text)
        #expect(try isos("15 آذار (مارس) 2023") == ["2023-03-15"])
        #expect(try isos("06 أغسطس 2020 م واس") == ["2020-08-06"])
        #expect(try isos("يوم الثلاثاء 19 أغسطس 2025") == ["2025-08-19"])
    }

    @Test func englishForms() throws {
        #expect(try isos("Jul. 22, 2022") == ["2022-07-22"])
        #expect(try isos("July 22nd, 2022 at 3:45 p.m.") == ["2022-07-22T15:45"])
        #expect(try isos("Thursday, 17 September, 2020 - 15:00Arab Coalition") == ["2020-09-17T15:00"])
        #expect(try isos("Fri 17 Nov 2023 | 11:24 PM") == ["2023-11-17T23:24"])
        #expect(try isos("JUNE 5, 2023 / 10:04 AM, Sun 22 Jan 2023, Sept. 9th, 2019") == ["2023-06-05T10:04", "2023-01-22", "2019-09-09"])
        #expect(try isos("the 22nd of July 2022") == ["2022-07-22"])
        // No year: placed only with a weekday and a `now`.
        #expect(try isos("Tuesday, July 22") == [])
        let inferred = try reader().dates(in: "Tuesday, July 22", now: day("2025-07-25"))
        #expect(inferred.map(\.iso) == ["2025-07-22"])
        #expect(inferred.first?.yearInferred == true)
        #expect(try isos("They may 5 times refuse; March 15 missiles") == [])
    }

    @Test func frenchForms() throws {
        #expect(try isos("mardi 1er mars 2022 à 10h30") == ["2022-03-01T10:30"])
        #expect(try isos("Publié le Jeudi 22 août 2024") == ["2024-08-22"])
        #expect(try isos("le 3 fevrier 2021 a 9 h 05") == ["2021-02-03T09:05"])
        #expect(try isos("22 juil. 2022") == ["2022-07-22"])
    }

    @Test func hijriDatesBecomeGregorian() throws {
        // 1 Ramadan 1445 AH is 11 March 2024 in the Umm al-Qura calendar.
        let text = "1 رمضان 1445 هـ"
        let found = try #require(try reader().dates(in: text).first)
        #expect(found.iso == "2024-03-11")
        #expect(found.kind == .hijri)
        #expect(written(found, in: text) == text)
        #expect(try isos("1445/09/12هـ") == ["2024-03-22"])
        #expect(try isos("12/09/1445 هـ") == ["2024-03-22"])
        // The SPA's dateline gives both: 16 Dhu al-Hijja 1441 is 6 August 2020.
        #expect(try isos("القاهرة 16 ذو الحجة 1441 هـ الموافق 06 أغسطس 2020 م واس") == ["2020-08-06", "2020-08-06"])
        #expect(try isos("12 Ramadan 1445 AH") == ["2024-03-22"])
        // A Hijri month with a Gregorian year is no date.
        #expect(try isos("5 رمضان 2023") == [])
    }

    @Test func impossibleAndOutOfRangeDatesAreRefused() throws {
        #expect(try isos("31 February 2022, 31/02/2022, 2022-02-30, 32/01/2022") == [])
        #expect(try isos("12 July 1985") == [])
        #expect(try isos("5 May 2030", now: "2024-03-05") == [])
        #expect(try isos("5 May 2025", now: "2024-03-05") == ["2025-05-05"])
        // Not dates: numbers in longer chains, times alone, version numbers.
        #expect(try isos("call 0770-12-07-2022-5, at 10:30, v1.2.3") == [])
    }

    @Test func twoDigitYearsOnlyWhenOneReadingSurvives() throws {
        #expect(try isos("22/07/98") == ["1998-07-22"])
        #expect(try isos("22/07/19") == [])
        #expect(try isos("22/07/19", now: "2020-01-01") == ["2019-07-22"])
        // 22 July 2019 was a Monday, 19 July 2022 a Tuesday.
        #expect(try isos("Mon 22/07/19") == ["2019-07-22"])
        #expect(try isos("Tue 22/07/19") == ["2022-07-19"])
    }

    @Test func metadataValues() throws {
        let reader = try reader()
        #expect(reader.parseISO("2019-11-18T14:05:00+00:00") == "2019-11-18T14:05")
        #expect(reader.parseISO("2019-11-18T14:05:00.000Z") == "2019-11-18T14:05")
        #expect(reader.parseISO("2019-11-18") == "2019-11-18")
        #expect(reader.parseISO("Mon, 18 Nov 2019 14:05:00 GMT") == "2019-11-18T14:05")
        #expect(reader.parseISO(" 18 novembre 2019") == "2019-11-18")
        #expect(reader.parseISO("Posted 2019-11-18") == nil)
        #expect(reader.parseISO("1970-01-01T00:00:00Z") == nil)
        #expect(reader.parseISO("") == nil)
        #expect(reader.parseISO("not a date") == nil)
    }
}

@Suite struct ArticleDateTests {
    @Test func publishedBeatsUpdated() throws {
        let chosen = try #require(try reader().articleDate(lines: ["Published: July 22, 2022 | Updated: July 23, 2022"], now: day("2024-01-01")))
        #expect(chosen.iso == "2022-07-22")
        #expect(chosen.label == .published)
        let arabic = try #require(try reader().articleDate(lines: ["آخر تحديث: 23 يوليو 2022", "نشر في: 22 يوليو 2022"], now: day("2024-01-01")))
        #expect(arabic.iso == "2022-07-22" && arabic.line == 1)
        let french = try #require(try reader().articleDate(lines: ["Mis à jour le 23 juillet 2022", "Publié le", "22 juillet 2022 à 08h15"], now: day("2024-01-01")))
        #expect(french.iso == "2022-07-22T08:15" && french.label == .published)
    }

    @Test func mastheadStampLosesToTheArticleDate() throws {
        let lines = ["الثلاثاء 5 مارس 2024", "قائد الجيش يزور الحدود", "3 مارس 2024 - 10:15", "قال مصدر عسكري إن..."]
        let chosen = try #require(try reader().articleDate(lines: lines, now: day("2024-03-05")))
        #expect(chosen.iso == "2024-03-03T10:15")
        #expect(chosen.line == 2)
        // Alone, today's date may well be the article's.
        #expect(try reader().articleDate(lines: ["الثلاثاء 5 مارس 2024", "قائد الجيش يزور الحدود"], now: day("2024-03-05"))?.iso == "2024-03-05")
        let labelled = try reader().articleDate(lines: ["Today is Tuesday, March 5, 2024", "Headline", "March 3, 2024"], now: day("2024-03-05"))
        #expect(labelled?.iso == "2024-03-03")
    }

    @Test func futureDatesAreRefused() throws {
        let reader = try reader()
        #expect(reader.articleDate(lines: ["12 March 2030"], now: try day("2024-03-05")) == nil)
        #expect(reader.articleDate(lines: ["Event on 20 March 2024", "4 March 2024"], now: try day("2024-03-05"))?.iso == "2024-03-04")
        // One day of slack for time zones.
        #expect(reader.articleDate(lines: ["6 March 2024"], now: try day("2024-03-05"))?.iso == "2024-03-06")
    }

    @Test func gregorianPreferredToItsHijriEquivalent() throws {
        let lines = ["الثلاثاء ٢٩ شوال ١٤٣٢ هـ - الموافق ٢٧ / أيلول / ٢٠١١ م"]
        let chosen = try #require(try reader().articleDate(lines: lines, now: day("2024-01-01")))
        #expect(chosen.iso == "2011-09-27")
        #expect(chosen.date.kind == .namedMonth)
    }
}

@Suite struct DateSupportTests {
    @Test func calendarDays() throws {
        let day = try #require(CalendarDay(year: 2024, month: 3, day: 11))
        #expect(day.iso == "2024-03-11" && day.weekday == 1)
        #expect(CalendarDay(daysSinceEpoch: day.daysSinceEpoch) == day)
        #expect(CalendarDay(daysSinceEpoch: 0).iso == "1970-01-01")
        #expect(CalendarDay(unixTime: 1_710_115_200 + 3600).iso == "2024-03-11")
        #expect(CalendarDay(year: 2023, month: 2, day: 29) == nil && CalendarDay(year: 2024, month: 2, day: 29) != nil)
        #expect(day.adding(days: 21).iso == "2024-04-01")
        #expect(CalendarDay(iso: "2024-03-11T09:30")?.iso == "2024-03-11" && CalendarDay(iso: "2024-3-11") == nil)
    }

    @Test func hijriCalendarThroughICU() throws {
        #expect(try HijriCalendar.gregorian(year: 1445, month: 9, day: 1) == .init(year: 2024, month: 3, day: 11))
        #expect(try HijriCalendar.gregorian(year: 1441, month: 12, day: 16) == .init(year: 2020, month: 8, day: 6))
        // Sha'ban 1445 had 29 days in Umm al-Qura; months have no 31st.
        #expect(try HijriCalendar.gregorian(year: 1445, month: 8, day: 30) == nil)
        #expect(try HijriCalendar.gregorian(year: 1445, month: 9, day: 31) == nil)
        #expect(try HijriCalendar.gregorian(year: 1445, month: 13, day: 1) == nil)
        #expect(try HijriCalendar.gregorian(year: 1445, month: 9, day: 1, variant: .civil) != nil)
    }

    @Test func badLexiconLinesNameFileAndLine() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("brief-dates-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/Lexicons/dates"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/Models", withIntermediateDirectories: true)
        for name in ["months.tsv", "hijri-months.tsv", "weekdays.tsv", "cues.tsv", "markers.tsv"] {
            try FileManager.default.copyItem(atPath: repositoryRoot + "/Lexicons/dates/" + name, toPath: folder + "/" + name)
        }
        let months = folder + "/months.tsv"
        try Data("# months\nen\t1\tJanuary\tcldr:en\nen\t13\tSmarch\teditor\n".utf8).write(to: URL(fileURLWithPath: months))
        #expect { try DateReader.load(from: DataDirectory(root: root)) } throws: { error in
            "\(error)" == "\(months):3: '13' is not a number in 1…12"
        }
        try Data("en\t1\tJanuary\tcldr:en\nfr\t2\tjanvier | JANUARY\teditor\n".utf8).write(to: URL(fileURLWithPath: months))
        #expect { try DateReader.load(from: DataDirectory(root: root)) } throws: { error in
            (error as? DateLexiconError) == .conflict(file: months, line: 2, form: "JANUARY", existing: "1", new: "2")
        }
        try Data("en\t1\tJan 1st\teditor\n".utf8).write(to: URL(fileURLWithPath: months))
        #expect { try DateReader.load(from: DataDirectory(root: root)) } throws: { error in
            "\(error)".hasPrefix("\(months):1: 'Jan 1st' holds a digit")
        }
    }

    /// Hostile input: a megabyte on one line is read in linear time.
    @Test func megabyteLinesStayLinear() throws {
        let reader = try reader()
        let pieces = ["1/", "22 ", "12 رمضان 1445 هـ ", "July ", "الثلاثاء 15 آذار ", String(repeating: "ب", count: 5000) + " ", "2022-07-22T", "10h"]
        for piece in pieces {
            let line = String(repeating: piece, count: 1_000_000 / piece.utf8.count)
            let clock = ContinuousClock()
            let elapsed = clock.measure { _ = reader.dates(in: line) }
            // Debug builds on a loaded 2-core machine: generous, still far below quadratic.
            print("dates in 1 MB of '\(piece.prefix(12))…': \(elapsed)")
            #expect(elapsed < .seconds(20), "\(piece.prefix(20)): \(elapsed)")
        }
        // Many dates and cues on one line, all of them today's or not.
        let now = try day("2024-03-05")
        for piece in ["Published 5 March 2024 ", "Updated 4 March 2024 5 March 2024 "] {
            let line = String(repeating: piece, count: 1_000_000 / piece.utf8.count)
            let clock = ContinuousClock()
            let elapsed = clock.measure { _ = reader.articleDate(lines: [line, line], now: now) }
            print("article date in 2 × 1 MB of '\(piece.prefix(12))…': \(elapsed)")
            #expect(elapsed < .seconds(20), "\(piece.prefix(20)): \(elapsed)")
        }
    }
}

@Suite struct PressDateTests {
    /// The gold dates of ../shared/eval/press: found where written, with the right day.
    @Test func findsTheGoldDatesOfThePressSet() throws {
        let path = sharedFolder + "/eval/press/press.jsonl"
        guard let data = FileManager.default.contents(atPath: path) else {
            print("skipped: \(path) is absent (evaluation data lives in ../shared/eval)")
            return
        }
        let reader = try reader()
        var withDate = 0, found = 0
        var misses: [String] = []
        var chosenRight = 0, chosenWrong = 0, invented = 0, goldDates = 0
        var choiceNotes: [String] = []
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            let text = try #require(record["text"] as? String)
            let gold = try #require(record["gold"] as? [String: Any])
            let id = record["id"] as? String ?? "?"
            let goldDate = gold["date"] as? String
            if let asWritten = gold["date_as_written"] as? String, let goldDate {
                withDate += 1
                let bytes = Array(text.utf8), needle = Array(asWritten.utf8)
                // Every place the gold string occurs, as UTF-8 ranges.
                var occurrences: [Range<Int>] = []
                if needle.count <= bytes.count {
                    for start in 0...(bytes.count - needle.count) where bytes[start..<start + needle.count].elementsEqual(needle) {
                        occurrences.append(start..<start + needle.count)
                    }
                }
                let dates = reader.dates(in: text)
                if dates.contains(where: { date in date.day.iso == goldDate && occurrences.contains { $0.overlaps(date.range) } }) {
                    found += 1
                } else {
                    misses.append("\(id) \(asWritten)")
                }
            }
            // The article date from the first lines, for information: the head finder's job.
            let head = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(20).map(String.init)
            let chosen = reader.articleDate(lines: head, now: CalendarDay(year: 2026, month: 12, day: 31)!)
            if let goldDate, (gold["date_source"] as? String) == "text" {
                goldDates += 1
                if chosen?.date.day.iso == goldDate { chosenRight += 1 } else if let chosen {
                    chosenWrong += 1
                    choiceNotes.append("\(id): \(chosen.iso) for \(goldDate)")
                }
            } else if goldDate == nil, let chosen {
                invented += 1
                choiceNotes.append("\(id): \(chosen.iso) for none")
            }
        }
        print("press dates found where written: \(found) of \(withDate); missed: \(misses)")
        print("press article date from the first 20 lines: \(chosenRight) right, \(chosenWrong) wrong of \(goldDates) written in the text; \(invented) chosen where gold has none \(choiceNotes)")
        #expect(withDate > 0)
        #expect(Double(found) >= 0.9 * Double(withDate))
    }
}
