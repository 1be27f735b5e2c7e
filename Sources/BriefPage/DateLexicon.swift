import BriefResources

/// What a cue word says about the date after it.
public enum DateLabel: String, Sendable, CaseIterable {
    /// "Published", "Publié le", "نشر في": the article's own date.
    case published
    /// "Updated", "Mis à jour", "آخر تحديث": a later edit.
    case updated
    /// A page's stamp of the day it was viewed ("Today is …", or an unlabelled date of today
    /// beside an older one): not the article's date.
    case today
    /// No cue.
    case none
}

/// The small words around dates that the scanner looks for after a year, a day or a time.
enum DateMarker: String, Sendable, CaseIterable {
    case ordinal, of, day, hijri, gregorian, time, hour, am, pm
}

/// Month, weekday, cue and marker words, read from `Lexicons/dates/` (see Lexicons/README.md).
struct DateLexicon: Sendable {
    static let folder = "Lexicons/dates"

    var months = PhraseTable<Int>()
    var hijriMonths = PhraseTable<Int>()
    var weekdays = PhraseTable<Int>()
    var cues = PhraseTable<DateLabel>()
    var markers: [DateMarker: PhraseTable<Bool>] = [:]

    func marker(_ kind: DateMarker) -> PhraseTable<Bool> { markers[kind] ?? PhraseTable() }

    /// Reads the five files; every malformed line is an error naming its file and line.
    static func load(from data: DataDirectory) throws -> DateLexicon {
        var lexicon = DateLexicon()
        func lines(_ name: String) throws -> (path: String, lines: [(number: Int, text: Substring)]) {
            let relative = folder + "/" + name
            return (data.path(relative), try data.numberedLines(relative))
        }
        let months = try lines("months.tsv")
        try readNumbered(months.lines, file: months.path, range: 1...12, into: &lexicon.months)
        let hijri = try lines("hijri-months.tsv")
        try readNumbered(hijri.lines, file: hijri.path, range: 1...12, into: &lexicon.hijriMonths)
        let weekdays = try lines("weekdays.tsv")
        try readNumbered(weekdays.lines, file: weekdays.path, range: 1...7, into: &lexicon.weekdays)
        let cues = try lines("cues.tsv")
        try readKinded(cues.lines, file: cues.path, kind: { DateLabel(rawValue: $0).flatMap { $0 == .none ? nil : $0 } }) {
            keys, label, form, line throws(DateLexiconError) in
            try add(keys, label, form: form, to: &lexicon.cues, file: cues.path, line: line)
        }
        let markers = try lines("markers.tsv")
        try readKinded(markers.lines, file: markers.path, kind: { DateMarker(rawValue: $0) }) {
            keys, kind, form, line throws(DateLexiconError) in
            try add(keys, true, form: form, to: &lexicon.markers[kind, default: PhraseTable()], file: markers.path, line: line)
        }
        for (table, name) in [(lexicon.months, "months.tsv"), (lexicon.weekdays, "weekdays.tsv")] where table.isEmpty {
            throw DateLexiconError.empty(file: data.path(folder + "/" + name))
        }
        return lexicon
    }

    /// `language<TAB>number<TAB>forms<TAB>source` lines (months, weekdays).
    private static func readNumbered(_ lines: [(number: Int, text: Substring)], file: String, range: ClosedRange<Int>,
                                     into table: inout PhraseTable<Int>) throws(DateLexiconError) {
        for (number, text) in lines {
            let fields = text.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            guard fields.count == 4, !fields[0].isEmpty, !fields[3].isEmpty else {
                throw .badLine(file: file, line: number, reason: "expected 4 tab-separated fields (language, number, forms, source)")
            }
            guard let value = Int(fields[1]), range.contains(value) else {
                throw .badLine(file: file, line: number, reason: "'\(fields[1])' is not a number in \(range.lowerBound)…\(range.upperBound)")
            }
            for form in try forms(fields[2], file: file, line: number) {
                try add(form.keys, value, form: form.text, to: &table, file: file, line: number)
            }
        }
    }

    /// `kind<TAB>language<TAB>forms<TAB>source` lines (cues, markers).
    private static func readKinded<Kind>(_ lines: [(number: Int, text: Substring)], file: String, kind: (String) -> Kind?,
                                         _ add: ([String], Kind, String, Int) throws(DateLexiconError) -> Void) throws(DateLexiconError) {
        for (number, text) in lines {
            let fields = text.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            guard fields.count == 4, !fields[1].isEmpty, !fields[3].isEmpty else {
                throw .badLine(file: file, line: number, reason: "expected 4 tab-separated fields (kind, language, forms, source)")
            }
            guard let value = kind(String(fields[0])) else {
                throw .badLine(file: file, line: number, reason: "unknown kind '\(fields[0])'")
            }
            for form in try forms(fields[2], file: file, line: number) {
                try add(form.keys, value, form.text, number)
            }
        }
    }

    private static func forms(_ field: Substring, file: String, line: Int) throws(DateLexiconError) -> [(text: String, keys: [String])] {
        var result: [(text: String, keys: [String])] = []
        for part in field.split(separator: "|", omittingEmptySubsequences: false) {
            let form = part.trimmedString()
            guard !form.isEmpty else { throw .badLine(file: file, line: line, reason: "empty form") }
            guard let keys = PhraseTable<Int>.keys(of: form), let first = form.unicodeScalars.first,
                  DateTokenizer.classify(first.value) == .letter else {
                throw .badLine(file: file, line: line, reason: "'\(form)' holds a digit, does not start with a letter, or has nothing to match")
            }
            result.append((form, keys))
        }
        return result
    }

    /// Adds a form, refusing one that folds like a form with another value ("Mar" cannot be both
    /// March and Tuesday within one file).
    private static func add<Value>(_ keys: [String], _ value: Value, form: String, to table: inout PhraseTable<Value>,
                                   file: String, line: Int) throws(DateLexiconError) {
        if let existing = table.value(for: keys), existing != value {
            throw .conflict(file: file, line: line, form: form, existing: "\(existing)", new: "\(value)")
        }
        table.insert(keys, value)
    }
}

/// Why the date words in `Lexicons/dates/` could not be read.
public enum DateLexiconError: Error, Equatable, CustomStringConvertible {
    case badLine(file: String, line: Int, reason: String)
    /// A form that, once folded, is already listed with another value.
    case conflict(file: String, line: Int, form: String, existing: String, new: String)
    case empty(file: String)

    public var description: String {
        switch self {
        case .badLine(let file, let line, let reason):
            return "\(file):\(line): \(reason)"
        case .conflict(let file, let line, let form, let existing, let new):
            return "\(file):\(line): '\(form)' is listed as \(new) but matches a form already listed as \(existing)"
        case .empty(let file):
            return "\(file): no entries"
        }
    }
}
