import BriefResources

/// The forms in which the press writes an article's source on a line of its own or at the
/// start of the lead ("شفق نيوز- بغداد", "المصدر : السومرية نيوز", "ERBIL (Kurdistan 24) –"),
/// read from `Models/heads/forms.tsv` so that an editor adds a form without touching Swift.
/// A line is read by every form; the reading the registry confirms most wins.
public struct HeadForms: Sendable {
    public static let path = "Models/heads/forms.tsv"

    /// One element of a form's pattern.
    enum Element: Sendable, Equatable {
        case outlet, name, place, author, date
        /// A place the gazetteer knows.
        case city
        /// One of the phrases of list `n`.
        case list(Int)
        case punctuation(Character)
        /// The article goes on after the form (it opens the lead).
        case rest
    }

    struct Part: Sendable, Equatable {
        var element: Element
        var optional: Bool
    }

    /// One form: its pattern, and the example it must read (a test).
    public struct Form: Sendable {
        public let name: String
        let parts: [Part]
        /// What a NAME slot is in this form: "outlet" or "author".
        let nameField: String
        public let example: String
        public let expected: [String: String]
    }

    /// What a line says by a form.
    public struct Reading: Sendable, Equatable {
        public var form: String
        public var outlet: String?
        /// The registry's outlet for `outlet`, when it knows it.
        public var knownOutlet: Outlet?
        public var place: String?
        public var author: String?
        public var date: String?
        /// Where the article starts in the line (a UTF-8 offset), for forms that open the lead.
        public var bodyStart: Int?
        var score: Int
    }

    let lists: [[[String]]]
    /// The lists' names, in the order of `lists`.
    let listNames: [String]
    public let forms: [Form]
    let registry: OutletRegistry
    let places: PlaceGazetteer?

    /// Reads the forms and lists from `Models/heads/forms.tsv`.
    public static func load(from data: DataDirectory, registry: OutletRegistry, places: PlaceGazetteer? = nil) throws(NamesError) -> HeadForms {
        let lines: [(number: Int, text: Substring)]
        do { lines = try data.numberedLines(path) } catch { throw NamesError(problem: error.description) }
        var listNames: [String] = []
        var lists: [[[String]]] = []
        var forms: [Form] = []
        for (number, line) in lines where !line.hasPrefix("#") && !line.allSatisfy({ $0 == " " }) {
            let fields = line.fields(separatedBy: 0x09)
            if line.hasPrefix("@") {
                guard fields.count == 2, fields[0].count > 1 else { throw NamesError(problem: "\(path):\(number): expected @name<TAB>phrase | phrase …") }
                listNames.append(String(fields[0].dropFirst()))
                lists.append(fields[1].split(separator: "|").map { Self.words(String($0)).map { $0.folded } }.filter { !$0.isEmpty })
                continue
            }
            guard fields.count == 4 else { throw NamesError(problem: "\(path):\(number): expected name, pattern, example and fields, tab-separated") }
            var parts: [Part] = []
            for token in fields[1].split(separator: " ") {
                var text = String(token)
                let optional = text.count > 1 && text.hasSuffix("?")
                if optional { text.removeLast() }
                let element: Element
                switch text {
                case "OUTLET": element = .outlet
                case "NAME": element = .name
                case "PLACE": element = .place
                case "CITY": element = .city
                case "AUTHOR": element = .author
                case "DATE": element = .date
                case "...": element = .rest
                default:
                    if text.hasPrefix("@"), let index = listNames.firstIndex(of: String(text.dropFirst())) {
                        element = .list(index)
                    } else if text.count == 1, let character = text.first, let canonical = Self.punctuation(character) {
                        element = .punctuation(canonical)
                    } else {
                        throw NamesError(problem: "\(path):\(number): unknown pattern element '\(text)'")
                    }
                }
                parts.append(Part(element: element, optional: optional))
            }
            if let rest = parts.firstIndex(where: { $0.element == .rest }), rest != parts.count - 1 {
                throw NamesError(problem: "\(path):\(number): '...' must end the pattern")
            }
            var expected: [String: String] = [:]
            for pair in fields[3].split(separator: ";") {
                let keyValue = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces() }
                guard keyValue.count == 2, ["outlet", "place", "author", "date"].contains(keyValue[0]) else {
                    throw NamesError(problem: "\(path):\(number): expected field=value pairs (outlet, place, author, date)")
                }
                expected[keyValue[0]] = keyValue[1]
            }
            forms.append(Form(name: fields[0], parts: parts, nameField: expected["outlet"] != nil ? "outlet" : "author",
                              example: fields[2], expected: expected))
        }
        return HeadForms(lists: lists, listNames: listNames, forms: forms, registry: registry, places: places)
    }

    // MARK: - Tokens

    /// A word or a punctuation mark of a line, with where it ends in the line.
    struct Token {
        var text: Substring
        var folded: String
        var punctuation: Character?
        var end: String.Index
    }

    /// Punctuation a pattern can name, in one spelling: every dash is "-", "،" is ",".
    static func punctuation(_ character: Character) -> Character? {
        switch character {
        case "-", "\u{2013}", "\u{2014}", "\u{0640}": return "-"
        case ",", "\u{060C}": return ","
        case ":", "/", "|", "(", ")", "«", "»", "{", "}", "[", "]": return character
        default: return nil
        }
    }

    static func words(_ text: String) -> [Token] { tokens(Substring(text)).filter { $0.punctuation == nil } }

    /// The tokens of `line`: punctuation apart, except a dash, a colon or a slash between two
    /// letters or digits ("Al-Mada", "12:30", "2024/07/20"), which stays in its word.
    static func tokens(_ line: Substring) -> [Token] {
        var tokens: [Token] = []
        var wordStart: String.Index?
        var previous: Character = " "
        var index = line.startIndex
        func finish(_ end: String.Index) {
            guard let start = wordStart else { return }
            let text = line[start..<end]
            tokens.append(Token(text: text, folded: OutletRegistry.fold(String(text)), punctuation: nil, end: end))
            wordStart = nil
        }
        while index < line.endIndex {
            let character = line[index]
            let next = line.index(after: index)
            if character.isWhitespace || character == "\u{201C}" || character == "\u{201D}" || character == "\"" {
                finish(index)
            } else if let mark = punctuation(character) {
                let following: Character = next < line.endIndex ? line[next] : " "
                let inside = wordStart != nil && (character == "-" && (previous.isLetter || previous.isNumber) && (following.isLetter || following.isNumber)
                    || (character == ":" || character == "/") && previous.isNumber && following.isNumber)
                if inside {
                    // Part of the word: "Al-Mada", "12:30".
                } else if character == "\u{0640}", wordStart != nil {
                    // Tatweel inside an Arabic word stretches it; only a free-standing one is a dash.
                } else {
                    finish(index)
                    tokens.append(Token(text: line[index..<next], folded: String(mark), punctuation: mark, end: next))
                }
            } else if wordStart == nil {
                wordStart = index
            }
            previous = character
            index = next
        }
        finish(line.endIndex)
        return tokens
    }

    // MARK: - Reading

    /// The best reading of `line` by the forms that read it whole (or, for forms that open the
    /// lead, its start), or nil.
    public func read(_ line: String) -> Reading? {
        // Head lines are short; a long line is a paragraph (and never tokenized whole).
        guard line.utf8.count <= 600 else { return nil }
        let text = Substring(line)
        let tokens = Self.tokens(text)
        guard !tokens.isEmpty, tokens.count <= 200 else { return nil }
        var best: Reading?
        for form in forms {
            var reading = Reading(form: form.name, score: 0)
            guard match(form, 0, tokens, 0, &reading) else { continue }
            if best == nil || reading.score > best!.score { best = reading }
        }
        return best
    }

    private func match(_ form: Form, _ part: Int, _ tokens: [Token], _ at: Int, _ reading: inout Reading) -> Bool {
        if part == form.parts.count { return at == tokens.count }
        let current = form.parts[part]
        if current.optional {
            var skipped = reading
            if match(form, part + 1, tokens, at, &skipped) {
                var taken = reading
                if take(form, part, tokens, at, &taken), taken.score >= skipped.score {
                    reading = taken
                } else {
                    reading = skipped
                }
                return true
            }
        }
        return take(form, part, tokens, at, &reading)
    }

    /// Matches part `part` at token `at` and the rest of the form after it.
    private func take(_ form: Form, _ part: Int, _ tokens: [Token], _ at: Int, _ reading: inout Reading) -> Bool {
        let element = form.parts[part].element
        switch element {
        case .rest:
            // Some article after the form (a few words at least), or nothing: the head line
            // alone, put on a line of its own.
            guard at > 0 else { return false }
            if at == tokens.count { return true }
            guard tokens.count - at >= 3 else { return false }
            let end = tokens[at - 1].end
            let line = tokens[at].text.base
            var start = end
            while start < line.endIndex, line[start].isWhitespace { start = line.index(after: start) }
            reading.bodyStart = line.utf8.distance(from: line.utf8.startIndex, to: start)
            return true
        case .punctuation(let mark):
            guard at < tokens.count, tokens[at].punctuation == mark else { return false }
            var next = reading
            next.score += 1
            guard match(form, part + 1, tokens, at + 1, &next) else { return false }
            reading = next
            return true
        case .list(let list):
            for phrase in lists[list] where at + phrase.count <= tokens.count {
                guard (0..<phrase.count).allSatisfy({ tokens[at + $0].punctuation == nil && tokens[at + $0].folded == phrase[$0] }) else { continue }
                var next = reading
                next.score += 1
                if match(form, part + 1, tokens, at + phrase.count, &next) {
                    reading = next
                    return true
                }
            }
            return false
        case .outlet, .name, .place, .author, .date, .city:
            // Word runs of the slot's lengths, longest first.
            var words = 0
            while at + words < tokens.count, tokens[at + words].punctuation == nil, words < 12 { words += 1 }
            let range: ClosedRange<Int>
            switch element {
            case .place, .city: range = 1...3
            case .author: range = 2...5
            // "16 ذو الحجة 1441 هـ الموافق 06 أغسطس 2020 م": Hijri and Gregorian together.
            case .date: range = 1...12
            default: range = 1...6
            }
            for count in stride(from: min(words, range.upperBound), through: range.lowerBound, by: -1) {
                let span = tokens[at..<(at + count)]
                let value = String(tokens[at].text.base[tokens[at].text.startIndex..<span.last!.end])
                var next = reading
                guard fill(element, form, value, span, &next) else { continue }
                if match(form, part + 1, tokens, at + count, &next) {
                    reading = next
                    return true
                }
            }
            return false
        }
    }

    /// Puts `value` in the slot's field when it can be what the slot says.
    private func fill(_ element: Element, _ form: Form, _ value: String, _ span: ArraySlice<Token>, _ reading: inout Reading) -> Bool {
        let hasDigit = span.contains { $0.text.contains(where: \.isNumber) }
        let known = registry.outlet(named: value)
        // A known place is a place, not an outlet or a person, unless the registry says otherwise
        // ("الرياض" is Riyadh and the newspaper Al Riyadh: a form's OUTLET slot decides).
        let knownPlace = places?.place(named: value)
        switch element {
        case .outlet:
            guard let known else { return false }
            reading.outlet = value
            reading.knownOutlet = known
            reading.score += 2
        case .name:
            guard !hasDigit || known != nil, known != nil || !holdsListWord(span), known != nil || knownPlace == nil else { return false }
            if known != nil || form.nameField == "outlet" {
                reading.outlet = value
                reading.knownOutlet = known
                reading.score += known != nil ? 2 : 0
            } else {
                reading.author = value
            }
        case .place:
            guard !hasDigit, known == nil, !holdsListWord(span), span.allSatisfy(Self.isNameWord) else { return false }
            // "ERBIL, Irak (Reuters)": the dateline's place is the first; a country may follow.
            if reading.place == nil { reading.place = value }
            if knownPlace != nil { reading.score += 2 }
        case .city:
            guard knownPlace != nil, !hasDigit else { return false }
            if reading.place == nil { reading.place = value }
            reading.score += 2
        case .author:
            guard !hasDigit, known == nil, knownPlace == nil, !holdsListWord(span),
                  span.allSatisfy({ Self.isNameWord($0) || ["and", "et", "bin", "ibn", "de", "al", "el"].contains($0.folded) }) else { return false }
            reading.author = value
        case .date:
            guard hasDigit else { return false }
            reading.date = value
        default:
            return false
        }
        return true
    }

    // MARK: - Credits in the body

    /// The known outlets the body credits as the one a source spoke to or that reported the
    /// story: "told Reuters", "rapporté par RFI" (a phrase of `@credit` right before the outlet),
    /// "وأكد مصدر … لفرانس برس", "قال … لـ«العين الإخبارية»" (after a speaking verb of `@said`,
    /// within twelve words, the outlet after a word of `@to` or glued to a prefix of
    /// `@to-prefix`). Only the first 1,500 characters of a paragraph are read.
    public func credits(in paragraph: String) -> [(name: String, outlet: Outlet)] {
        guard let credit = listIndex("credit"), let said = listIndex("said"), let to = listIndex("to"),
              let prefixes = listIndex("to-prefix") else { return [] }
        let tokens = Self.tokens(paragraph.prefix(1500))
        var found: [(name: String, outlet: Outlet)] = []
        var spokenUntil = -1
        var index = 0
        while index < tokens.count {
            if let length = phraseLength(lists[said], tokens, index) { spokenUntil = index + length + 12 }
            if let length = phraseLength(lists[credit], tokens, index) ?? (index < spokenUntil ? phraseLength(lists[to], tokens, index) : nil),
               let named = outletAt(tokens, index + length, firstWord: nil) {
                found.append(named)
            } else if index < spokenUntil, tokens[index].punctuation == nil {
                // An Arabic preposition glued to the outlet's first word: "لفرانس برس".
                let word = tokens[index].text
                for prefix in lists[prefixes] where prefix.count == 1 && tokens[index].folded.hasPrefix(prefix[0]) {
                    let letters = prefix[0].count
                    guard word.count > letters + 2 else { continue }
                    let rest = word.dropFirst(letters)
                    // "للجزيرة": the article's alif falls after the preposition (ل + الجزيرة).
                    let restored: Substring? = rest.hasPrefix("\u{0644}") ? Substring("\u{0627}" + rest) : nil
                    // One word glued to the preposition must not be a word with the article
                    // ("لليوم الثاني" is "for the second day", not the outlet اليوم).
                    if let named = outletAt(tokens, index, firstWord: rest) ?? restored.flatMap({ outletAt(tokens, index, firstWord: $0) }),
                       named.name.contains(" ") || !named.name.hasPrefix("\u{0627}\u{0644}") {
                        found.append(named)
                        break
                    }
                }
            }
            index += 1
        }
        return found
    }

    /// The first known outlet of up to four words named anywhere in a short `line`.
    public func outletNamed(in line: String) -> (name: String, outlet: Outlet)? {
        guard line.utf8.count <= 300 else { return nil }
        let tokens = Self.tokens(Substring(line))
        for index in tokens.indices where tokens[index].punctuation == nil {
            if let named = outletAt(tokens, index, firstWord: nil) { return named }
        }
        return nil
    }

    private func listIndex(_ name: String) -> Int? { listNames.firstIndex(of: name) }

    /// How many tokens a phrase of `list` spans at `at`, if one starts there.
    private func phraseLength(_ list: [[String]], _ tokens: [Token], _ at: Int) -> Int? {
        for phrase in list where at + phrase.count <= tokens.count
            && (0..<phrase.count).allSatisfy({ tokens[at + $0].punctuation == nil && tokens[at + $0].folded == phrase[$0] }) {
            return phrase.count
        }
        return nil
    }

    /// The longest known outlet spelled by up to four words from `at` (quotes and « » skipped),
    /// the first word replaced by `firstWord` when given.
    private func outletAt(_ tokens: [Token], _ at: Int, firstWord: Substring?) -> (name: String, outlet: Outlet)? {
        var start = at
        while start < tokens.count, firstWord == nil, tokens[start].punctuation == "«" { start += 1 }
        var words: [Substring] = []
        while start + words.count < tokens.count, words.count < 4, tokens[start + words.count].punctuation == nil {
            words.append(words.isEmpty && firstWord != nil ? firstWord! : tokens[start + words.count].text)
        }
        // French elides the article into the name: "à l'AFP", "d'Al Jazeera".
        if let first = words.first, first.count > 3, ["l'", "l\u{2019}", "d'", "d\u{2019}"].contains(where: { first.lowercased().hasPrefix($0) }) {
            words[0] = first.dropFirst(2)
        }
        for count in stride(from: words.count, through: 1, by: -1) {
            let name = words.prefix(count).joined(separator: " ")
            if let outlet = registry.outlet(named: name) { return (name, outlet) }
        }
        return nil
    }

    /// A word of a name: Arabic, or Latin starting with a capital ("Al-Mada", "ERBIL").
    static func isNameWord(_ token: Token) -> Bool {
        guard let first = token.text.first else { return false }
        if first.unicodeScalars.first.map({ (0x600...0x6FF).contains($0.value) }) == true { return true }
        return first.isUppercase
    }

    /// Whether `text` is one of the lists' phrases (a label, a desk word), whatever its case.
    public func isListPhrase(_ text: String) -> Bool {
        let words = Self.words(text)
        return !words.isEmpty && isListWord(words[...])
    }

    /// Whether a word of `span` is a list's phrase by itself ("في" in "ابوظبي في الاثنين"): a
    /// name does not run across a label or a preposition of the head.
    private func holdsListWord(_ span: ArraySlice<Token>) -> Bool {
        span.contains { token in lists.contains { list in list.contains { $0.count == 1 && $0[0] == token.folded } } }
    }

    private func isListWord(_ span: ArraySlice<Token>) -> Bool {
        lists.contains { list in list.contains { phrase in phrase.count == span.count && zip(phrase, span).allSatisfy { $0 == $1.folded } } }
    }
}
