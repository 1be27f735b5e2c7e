import BriefResources

/// English amounts ("$2.5bn", "300 million", "$40,000") in the target's words, and a check that a translation kept their value.
public struct NumberWords: Sendable {
    // Engines take the short-scale "billion" for the target's long-scale word (Apertium en→es gives
    // "2.5 billones de dólares", a thousand times too much) and keep English separators ("2.5" is a
    // thousands group in Spanish). An amount rendered here and protected from the engine cannot go
    // wrong that way. Only forms whose rendering is certain are taken: "a million", "millions of",
    // ranges and other dollars are left to the engine.

    /// How English writes amounts.
    public static let sourcePath = "Lexicons/numbers/from-en.tsv"

    /// The target language's file.
    public static func path(target: String) -> String { "Lexicons/numbers/\(target).tsv" }

    /// An English amount in a source text and how the target writes it.
    public struct Amount: Sendable, Equatable {
        /// UTF-8 byte offsets of the amount in the source text.
        public let range: Range<Int>
        /// As written in the source ("$2.5bn").
        public let source: String
        /// As the target writes it ("2,5 mil millones de dólares").
        public let rendered: String
        /// The number and scale word alone ("2,5 mil millones"), what a translation must carry;
        /// nil for a sum without a scale word ("$40,000").
        public let scaled: String?
        /// An English word for the engine after the protected amount: a bare "300 million" before
        /// a noun needs the target's "de" (or "d'"), and the engine makes it from "of".
        public let link: String?
        /// Value of a scaled amount, for the check.
        let value: Quantity?
        /// Digits as written, separators dropped: to point at the number the translation has.
        let digits: [UInt8]
    }

    /// A scaled amount of the source that the translation does not give with its value.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public let amount: Amount
        /// What the translation has for the number ("2.5 billones"), if it can be found.
        public let found: String?

        public var expected: String { amount.scaled ?? amount.rendered }

        public var description: String {
            let said = found.map { "has “\($0)”" } ?? "has no such amount"
            return "“\(amount.source)” should read “\(expected)”; the translation \(said)"
        }
    }

    /// Which numbers take the singular of a scale word or currency.
    enum SingularRule: Sendable { case exactlyOne, belowTwo }

    struct SourceScale: Sendable {
        let id: String
        let power: Int
        /// After a space or attached ("billion", "bn").
        let words: [String]
        /// Attached and after a currency only ("$3m": a bare "3m" is as likely metres).
        let currencyOnly: [String]
    }

    struct SourceCurrency: Sendable {
        let id: String
        let symbols: [String]
        let words: [String]
    }

    struct TargetScale: Sendable {
        let isNoun: Bool
        let plural: String
        let singular: String
        let one: String
        /// Every form that names this scale in a translation, longest first.
        let readings: [String]
    }

    struct TargetCurrency: Sendable {
        let plural: String
        let singular: String
        let afterNoun: String
    }

    public let language: String
    public let decimal: String
    /// Nil where a language's grouping is not known: numbers are then written without groups.
    public let group: String?
    let singular: SingularRule?
    let sourceScales: [SourceScale]
    let sourceCurrencies: [SourceCurrency]
    let rangeWords: [String]
    let linkWord: String?
    let notNouns: Set<String>
    /// First bytes of the currency symbols: most positions are ruled out with one lookup.
    let symbolStarts: Set<UInt8>
    let scales: [String: TargetScale]
    let currencies: [String: TargetCurrency]

    /// The number words for `target`, or nil when `Lexicons/numbers/` has no file for it.
    public static func load(target: String, from data: DataDirectory) throws(NumberWordsError) -> NumberWords? {
        guard data.exists(path(target: target)) else { return nil }
        let source: String, lexicon: String
        do {
            source = try data.text(sourcePath)
            lexicon = try data.text(path(target: target))
        } catch {
            throw .unreadable(error)
        }
        return try NumberWords(language: target, source: source, target: lexicon)
    }

    /// Number words from the texts of `from-en.tsv` and a target file.
    init(language: String, source: String, target: String) throws(NumberWordsError) {
        self.language = language
        var sourceScales: [SourceScale] = [], sourceCurrencies: [SourceCurrency] = []
        var rangeWords: [String] = [], linkWord: String?, notNouns: Set<String> = []
        for line in try Self.records(source, file: Self.sourcePath) {
            switch line.fields[0] {
            case "scale":
                try line.expect(4)
                guard let power = Int(line.fields[2]) else { throw line.error("power of ten is not a number") }
                sourceScales.append(SourceScale(id: line.fields[1], power: power, words: line.list(3).map { $0.lowercased() },
                                                currencyOnly: line.fields.count > 4 ? line.list(4).map { $0.lowercased() } : []))
            case "currency":
                try line.expect(4)
                sourceCurrencies.append(SourceCurrency(id: line.fields[1], symbols: line.list(2), words: line.list(3).map { $0.lowercased() }))
            case "range": try line.expect(2); rangeWords += line.list(1)
            case "link": try line.expect(2); linkWord = line.fields[1]
            case "notnoun": try line.expect(2); notNouns.formUnion(line.list(1))
            default: throw line.error("unknown line type “\(line.fields[0])”")
            }
        }
        let file = Self.path(target: language)
        var decimal: String?, group: String?, singular: SingularRule?
        var scales: [String: TargetScale] = [:], currencies: [String: TargetCurrency] = [:]
        var readings: [String: [String]] = [:]
        let scaleIDs = Set(sourceScales.map(\.id)), currencyIDs = Set(sourceCurrencies.map(\.id))
        for line in try Self.records(target, file: file) {
            switch line.fields[0] {
            case "decimal": try line.expect(2); decimal = line.value(1)
            case "group": try line.expect(2); group = line.value(1)
            case "singular":
                try line.expect(2)
                switch line.fields[1] {
                case "one": singular = .exactlyOne
                case "below-two": singular = .belowTwo
                default: throw line.error("singular must be “one” or “below-two”")
                }
            case "scale":
                try line.expect(6)
                guard scaleIDs.contains(line.fields[1]) else { throw line.error("no scale “\(line.fields[1])” in \(Self.sourcePath)") }
                guard ["noun", "numeral"].contains(line.fields[2]) else { throw line.error("the kind must be “noun” or “numeral”") }
                scales[line.fields[1]] = TargetScale(isNoun: line.fields[2] == "noun", plural: line.value(3), singular: line.value(4),
                                                     one: line.value(5), readings: [])
            case "currency":
                try line.expect(5)
                guard currencyIDs.contains(line.fields[1]) else { throw line.error("no currency “\(line.fields[1])” in \(Self.sourcePath)") }
                currencies[line.fields[1]] = TargetCurrency(plural: line.value(2), singular: line.value(3), afterNoun: line.value(4))
            case "reading":
                try line.expect(3)
                readings[line.fields[1], default: []] += line.list(2)
            default: throw line.error("unknown line type “\(line.fields[0])”")
            }
        }
        guard let decimal else { throw .badLine(file: file, line: 0, problem: "no decimal separator given") }
        for (id, forms) in readings {
            guard let scale = scales[id] else { throw .badLine(file: file, line: 0, problem: "reading for “\(id)”, which has no scale line") }
            scales[id] = TargetScale(isNoun: scale.isNoun, plural: scale.plural, singular: scale.singular, one: scale.one, readings: forms)
        }
        for (id, scale) in scales {
            let forms = Set([scale.plural, scale.singular] + scale.readings)
            scales[id] = TargetScale(isNoun: scale.isNoun, plural: scale.plural, singular: scale.singular, one: scale.one,
                                     readings: forms.sorted { $0.utf8.count > $1.utf8.count })
        }
        self.decimal = decimal
        self.group = group
        self.singular = singular
        self.sourceScales = sourceScales
        // Longest first, so that "US$" is taken before "$" and "US dollars" before "dollars".
        self.sourceCurrencies = sourceCurrencies.map {
            SourceCurrency(id: $0.id, symbols: $0.symbols.sorted { $0.utf8.count > $1.utf8.count }, words: $0.words.sorted { $0.utf8.count > $1.utf8.count })
        }
        self.rangeWords = rangeWords
        self.linkWord = linkWord
        self.notNouns = notNouns
        self.symbolStarts = Set(sourceCurrencies.flatMap(\.symbols).compactMap(\.utf8.first))
        self.scales = scales
        self.currencies = currencies
    }

    // MARK: Finding amounts

    /// The amounts of `text` that can be written in the target with certainty, in order.
    public func amounts(in text: String) -> [Amount] {
        let utf8 = Array(text.utf8)
        var found: [Amount] = []
        var index = 0
        while index < utf8.count {
            if let amount = amount(at: index, in: utf8) {
                found.append(amount)
                index = amount.range.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    /// The amount that starts at `start`, if one does and its rendering is certain.
    func amount(at start: Int, in utf8: [UInt8]) -> Amount? {
        let first = utf8[start]
        guard Self.isDigit(first) || symbolStarts.contains(first) else { return nil }
        guard Self.opensAmount(utf8, before: start) else { return nil }
        var position = start
        var currency: SourceCurrency?
        if !Self.isDigit(first) {
            currencies: for candidate in sourceCurrencies where currencies[candidate.id] != nil {
                for symbol in candidate.symbols where Self.has(symbol, in: utf8, at: position) {
                    currency = candidate
                    position += symbol.utf8.count
                    break currencies
                }
            }
            guard currency != nil else { return nil }
            if position < utf8.count, utf8[position] == 0x20 { position += 1 }
            guard position < utf8.count, Self.isDigit(utf8[position]) else { return nil }
        }

        // The number: digits, English thousands groups, a decimal part.
        let numberStart = position
        var integer: [UInt8] = [], fraction: [UInt8] = []
        while position < utf8.count, Self.isDigit(utf8[position]) { integer.append(utf8[position]); position += 1 }
        if integer.count <= 3 {
            while position + 3 < utf8.count, utf8[position] == UInt8(ascii: ","), (1...3).allSatisfy({ Self.isDigit(utf8[position + $0]) }),
                  position + 4 == utf8.count || !Self.isDigit(utf8[position + 4]) {
                integer += utf8[(position + 1)...(position + 3)]
                position += 4
            }
        }
        if position + 1 < utf8.count, utf8[position] == UInt8(ascii: "."), Self.isDigit(utf8[position + 1]) {
            position += 1
            while position < utf8.count, Self.isDigit(utf8[position]) { fraction.append(utf8[position]); position += 1 }
        }
        let numberEnd = position
        // "1,2" is a list, "2-3bn" and "$2bn–$3bn" are ranges: none is certain.
        if position + 1 < utf8.count, [UInt8(ascii: ","), UInt8(ascii: ".")].contains(utf8[position]), Self.isDigit(utf8[position + 1]) { return nil }
        if Self.joinsRange(utf8, at: position) { return nil }

        // The scale word, attached ("2.5bn") or after a space ("2.5 billion").
        var scale: SourceScale?
        let letters = Self.letterRun(utf8, from: position)
        if letters > position {
            let word = Self.lowercased(utf8[position..<letters])
            scale = sourceScales.first { $0.words.contains(word) || (currency != nil && $0.currencyOnly.contains(word)) }
            guard scale != nil else { return nil }
            position = letters
        } else if position < utf8.count, utf8[position] == 0x20 {
            let end = Self.letterRun(utf8, from: position + 1)
            let word = Self.lowercased(utf8[(position + 1)..<end])
            if let match = sourceScales.first(where: { $0.words.contains(word) }) {
                scale = match
                position = end
            } else if sourceScales.contains(where: { $0.currencyOnly.contains(word) || $0.words.contains { word.count > 3 && $0.count > 3 && word.hasPrefix($0) } }) {
                // "$3 m", "$2.5 billions": a scale is meant, in a form not certain enough to read.
                return nil
            }
        }
        if scale != nil, !Self.endsWord(utf8, at: position) || Self.joinsRange(utf8, at: position) { return nil }

        // A currency word after the number or scale ("2.5 billion dollars").
        if currency == nil, position < utf8.count, utf8[position] == 0x20 {
            words: for candidate in sourceCurrencies where currencies[candidate.id] != nil {
                for word in candidate.words where Self.hasWord(word, in: utf8, at: position + 1) {
                    currency = candidate
                    position += 1 + word.utf8.count
                    break words
                }
            }
        }
        guard scale != nil || currency != nil else { return nil }
        guard Self.endsWord(utf8, at: position), !Self.joinsRange(utf8, at: position) else { return nil }
        // "$2 to $3 billion" is two billion: a sum without a scale word that opens a range is not certain.
        if scale == nil, startsRange(utf8, at: position) { return nil }

        // The target's words.
        let isOne = integer == [UInt8(ascii: "1")] && fraction.isEmpty
        let belowTwo = integer.allSatisfy { $0 == UInt8(ascii: "0") } || integer.drop { $0 == UInt8(ascii: "0") } == [UInt8(ascii: "1")]
        let takesSingular: Bool
        if isOne {
            takesSingular = true
        } else if belowTwo {
            guard let singular else { return nil }
            takesSingular = singular == .belowTwo
        } else {
            takesSingular = false
        }
        let number = render(number: utf8[numberStart..<numberEnd])
        var rendered: String
        var scaled: String?
        var value: Quantity?
        if let scale {
            guard let target = scales[scale.id] else { return nil }
            // "2.5 thousand" has no settled form in these languages.
            if !target.isNoun, !fraction.isEmpty { return nil }
            rendered = isOne ? target.one : number + " " + (takesSingular ? target.singular : target.plural)
            scaled = rendered
            value = Quantity(integer: integer, fraction: fraction, power: scale.power)
            if let currency, let words = currencies[currency.id] {
                rendered += " " + (target.isNoun ? words.afterNoun : words.plural)
            }
        } else {
            guard let currency, let words = currencies[currency.id] else { return nil }
            rendered = number + " " + (takesSingular ? words.singular : words.plural)
        }
        var link: String?
        if let scale, currency == nil, scales[scale.id]?.isNoun == true, let linkWord, position + 1 < utf8.count, utf8[position] == 0x20 {
            let end = Self.letterRun(utf8, from: position + 1)
            let next = String(decoding: utf8[(position + 1)..<end], as: UTF8.self)
            if end > position + 1, !notNouns.contains(next), next != linkWord { link = linkWord }
        }
        return Amount(range: start..<position, source: String(decoding: utf8[start..<position], as: UTF8.self), rendered: rendered,
                      scaled: scaled, link: link, value: value, digits: integer + fraction)
    }

    /// The number with the target's separators.
    func render(number: ArraySlice<UInt8>) -> String {
        var out = ""
        for byte in number {
            switch byte {
            case UInt8(ascii: ","): out += group ?? ""
            case UInt8(ascii: "."): out += decimal
            default: out.append(Character(Unicode.Scalar(byte)))
            }
        }
        return out
    }

    /// Whether a range word and another number follow ("$2 to $3 billion", "$2 and $3bn").
    func startsRange(_ utf8: [UInt8], at position: Int) -> Bool {
        guard position < utf8.count, utf8[position] == 0x20 else { return false }
        for word in rangeWords where Self.hasWord(word, in: utf8, at: position + 1) {
            var next = position + 1 + word.utf8.count
            guard next < utf8.count, utf8[next] == 0x20 else { continue }
            next += 1
            for symbol in sourceCurrencies.flatMap(\.symbols) where Self.has(symbol, in: utf8, at: next) {
                next += symbol.utf8.count
                break
            }
            if next < utf8.count, Self.isDigit(utf8[next]) { return true }
        }
        return false
    }

    // MARK: Checking a translation

    /// The scaled amounts of `source` whose value `translation` does not give, e.g. a Spanish
    /// "2.5 billones" (10^12) for "$2.5bn".
    public func check(source: String, translation: String) -> [Problem] {
        let sourceAmounts = amounts(in: source).filter { $0.value != nil }
        guard !sourceAmounts.isEmpty else { return [] }
        let readings = read(translation)
        var problems: [Problem] = []
        for amount in sourceAmounts {
            guard let value = amount.value, !readings.contains(where: { $0.value == value }) else { continue }
            let found = readings.first { $0.digits == amount.digits }?.text
            problems.append(Problem(amount: amount, found: found))
        }
        return problems
    }

    /// A number in a translation, with its scale word if it has one.
    struct Reading {
        let text: String
        /// Read with the target's separators, or with English ones where the target's do not make a
        /// number (the engine left "2.5", which is no Spanish number); nil if neither does.
        let value: Quantity?
        let digits: [UInt8]
    }

    /// The numbers of a translation and what they are worth; a scale's phrase for exactly one
    /// with no digits ("mil millones") counts as one of it.
    func read(_ translation: String) -> [Reading] {
        let utf8 = Array(translation.utf8)
        let spaceGroups = group.map { Self.spaceWidth(Array($0.utf8), at: 0) > 0 } ?? false
        let targetGroups: [[UInt8]] = spaceGroups ? Self.spaces : group.map { [Array($0.utf8)] } ?? []
        let powers = Dictionary(sourceScales.map { ($0.id, $0.power) }, uniquingKeysWith: { first, _ in first })
        let forms: [(form: [UInt8], power: Int)] = scales.flatMap { id, scale in scale.readings.map { (Array($0.utf8), powers[id] ?? 0) } }
            .sorted { $0.form.count > $1.form.count }
        var readings: [Reading] = []
        var index = 0
        while index < utf8.count {
            guard Self.isDigit(utf8[index]), index == 0 || !(Self.isDigit(utf8[index - 1]) || Self.isASCIILetter(utf8[index - 1])) else { index += 1; continue }
            let start = index
            // Digit runs and the separators between them.
            var runs: [[UInt8]] = [[]], separators: [[UInt8]] = []
            while index < utf8.count {
                if Self.isDigit(utf8[index]) { runs[runs.count - 1].append(utf8[index]); index += 1; continue }
                var width = 0
                if [UInt8(ascii: "."), UInt8(ascii: ",")].contains(utf8[index]) {
                    width = 1
                } else if spaceGroups {
                    // A space groups digits only before exactly three ("2 500", not "en 2024 3 milliards").
                    width = Self.spaceWidth(utf8, at: index)
                    guard width > 0, index + width + 3 <= utf8.count, (0..<3).allSatisfy({ Self.isDigit(utf8[index + width + $0]) }),
                          index + width + 3 == utf8.count || !Self.isDigit(utf8[index + width + 3]) else { break }
                }
                guard width > 0, index + width < utf8.count, Self.isDigit(utf8[index + width]) else { break }
                separators.append(Array(utf8[index..<(index + width)]))
                runs.append([])
                index += width
            }
            var end = index
            var power = 0
            let after = index + Self.spaceWidth(utf8, at: index)
            if let match = forms.first(where: { Self.has($0.form, in: utf8, at: after) && Self.endsWord(utf8, at: after + $0.form.count) }) {
                power = match.power
                end = after + match.form.count
            } else {
                // Whatever word follows, to show what the translation says ("1.5bn", "2.5 billion").
                var word = index
                if word < utf8.count, utf8[word] == 0x20 { word += 1 }
                let wordEnd = Self.letterRun(utf8, from: word)
                if wordEnd > word { end = wordEnd }
            }
            let value = Self.value(runs: runs, separators: separators, decimal: Array(decimal.utf8), groups: targetGroups, power: power)
                ?? Self.value(runs: runs, separators: separators, decimal: [UInt8(ascii: ".")], groups: [[UInt8(ascii: ",")]], power: power)
            readings.append(Reading(text: String(decoding: utf8[start..<end], as: UTF8.self), value: value, digits: runs.flatMap { $0 }))
        }
        for (id, scale) in scales where !scale.one.contains(where: \.isNumber) {
            // As written, or opening a sentence ("Mil millones de dólares estuvo pagado").
            let forms = [scale.one, scale.one.prefix(1).uppercased() + scale.one.dropFirst()].map { Array($0.utf8) }
            var position = 0
            while position < utf8.count {
                if let form = forms.first(where: { Self.has($0, in: utf8, at: position) }), Self.endsWord(utf8, at: position + form.count),
                   !(Self.scalar(utf8, before: position)?.properties.isAlphabetic ?? false),
                   !Self.afterNumber(utf8, at: position), let power = powers[id] {
                    readings.append(Reading(text: scale.one, value: Quantity(integer: [UInt8(ascii: "1")], fraction: [], power: power), digits: [UInt8(ascii: "1")]))
                }
                position += 1
            }
        }
        return readings
    }

    /// The value of digit runs joined by separators, if they form a number under this convention.
    static func value(runs: [[UInt8]], separators: [[UInt8]], decimal: [UInt8], groups: [[UInt8]], power: Int) -> Quantity? {
        var integer = runs[0], fraction: [UInt8] = []
        for (offset, separator) in separators.enumerated() {
            let run = runs[offset + 1]
            if separator == decimal {
                guard offset == separators.count - 1 else { return nil }
                fraction = run
            } else if groups.contains(separator) {
                guard run.count == 3, runs[0].count <= 3 else { return nil }
                integer += run
            } else {
                return nil
            }
        }
        return Quantity(integer: integer, fraction: fraction, power: power)
    }

    // MARK: Bytes

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    static func letterRun(_ utf8: [UInt8], from start: Int) -> Int {
        var end = start
        while end < utf8.count, isASCIILetter(utf8[end]) { end += 1 }
        return end
    }

    static func lowercased(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map { isASCIILetter($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    static func has(_ text: String, in utf8: [UInt8], at position: Int) -> Bool {
        has(Array(text.utf8), in: utf8, at: position)
    }

    static func has(_ bytes: [UInt8], in utf8: [UInt8], at position: Int) -> Bool {
        guard position >= 0, position + bytes.count <= utf8.count else { return false }
        for offset in bytes.indices where utf8[position + offset] != bytes[offset] { return false }
        return true
    }

    /// `word` (lowercase ASCII, may hold spaces) at `position` in any case, ending a word.
    static func hasWord(_ word: String, in utf8: [UInt8], at position: Int) -> Bool {
        let bytes = Array(word.utf8)
        guard position + bytes.count <= utf8.count else { return false }
        for offset in bytes.indices {
            let byte = utf8[position + offset]
            if (isASCIILetter(byte) ? byte | 0x20 : byte) != bytes[offset] { return false }
        }
        return endsWord(utf8, at: position + bytes.count)
    }

    /// The scalar that starts at `position`.
    static func scalar(_ utf8: [UInt8], at position: Int) -> Unicode.Scalar? {
        guard position < utf8.count else { return nil }
        var iterator = utf8[position...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// The scalar that ends just before `position`.
    static func scalar(_ utf8: [UInt8], before position: Int) -> Unicode.Scalar? {
        var start = position - 1
        while start > 0, utf8[start] & 0xC0 == 0x80 { start -= 1 }
        return start >= 0 ? scalar(utf8, at: start) : nil
    }

    /// Whether no letter, digit or joining mark continues the text at `position`.
    static func endsWord(_ utf8: [UInt8], at position: Int) -> Bool {
        guard let next = scalar(utf8, at: position) else { return true }
        return !(next.properties.isAlphabetic || next.properties.numericType != nil || next == "-" || next == "$" || next == "€" || next == "£")
    }

    /// Whether an amount may start after what precedes `position`: the start of the text, a space,
    /// an opening bracket or quote. Not a letter ("HK$2bn" is not US dollars), a digit, a hyphen
    /// ("S-400") or a dash (the second half of a range).
    static func opensAmount(_ utf8: [UInt8], before position: Int) -> Bool {
        guard position > 0, let previous = scalar(utf8, before: position) else { return true }
        return previous.properties.isWhitespace || "([{\"'“‘«".unicodeScalars.contains(previous)
    }

    /// Whether a hyphen or dash joins what follows `position` ("2-3bn", "$2bn–$3bn", "billion-dollar").
    static func joinsRange(_ utf8: [UInt8], at position: Int) -> Bool {
        guard let next = scalar(utf8, at: position) else { return false }
        return next == "-" || next == "–" || next == "‑"
    }

    /// Spaces that can group digits: space, no-break, narrow no-break, thin.
    static let spaces: [[UInt8]] = [" ", "\u{A0}", "\u{202F}", "\u{2009}"].map { Array($0.utf8) }

    /// Width in bytes of a digit-grouping space at `position`, or 0.
    static func spaceWidth(_ utf8: [UInt8], at position: Int) -> Int {
        spaces.first { has($0, in: utf8, at: position) }?.count ?? 0
    }

    /// Whether a digit, and at most one space, come just before `position`.
    static func afterNumber(_ utf8: [UInt8], at position: Int) -> Bool {
        var index = position
        if let space = spaces.first(where: { has($0, in: utf8, at: position - $0.count) }) { index -= space.count }
        return index > 0 && isDigit(utf8[index - 1])
    }

    // MARK: Data lines

    struct Record {
        let file: String
        let number: Int
        let fields: [String]

        func expect(_ count: Int) throws(NumberWordsError) {
            guard fields.count >= count, fields.prefix(count).allSatisfy({ !$0.isEmpty }) else {
                throw error("expected \(count) tab-separated fields, found \(fields.count)")
            }
        }

        func error(_ problem: String) -> NumberWordsError {
            .badLine(file: file, line: number, problem: problem)
        }

        /// A field with `U+XXXX` written out.
        func value(_ index: Int) -> String {
            NumberWords.unescape(fields[index])
        }

        /// A ` | `-separated field; "-" is none.
        func list(_ index: Int) -> [String] {
            guard index < fields.count, fields[index] != "-" else { return [] }
            return fields[index].split(separator: "|").map { NumberWords.unescape(String($0).trimmedString()) }.filter { !$0.isEmpty }
        }
    }

    static func records(_ text: String, file: String) throws(NumberWordsError) -> [Record] {
        var records: [Record] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.trimmingWhitespace()
            guard !content.isEmpty, !content.hasPrefix("#") else { continue }
            records.append(Record(file: file, number: offset + 1, fields: content.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmedString() }))
        }
        return records
    }

    /// "U+202F" as the character; anything else as written.
    static func unescape(_ field: String) -> String {
        guard field.hasPrefix("U+"), let code = UInt32(field.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) else { return field }
        return String(Character(scalar))
    }
}

/// An exact decimal value, compared without floating point: digits and a power of ten.
struct Quantity: Hashable, Sendable {
    let digits: [UInt8]
    let power: Int

    init(integer: [UInt8], fraction: [UInt8], power: Int) {
        var digits = Array((integer + fraction).drop { $0 == UInt8(ascii: "0") })
        var power = power - fraction.count
        while let last = digits.last, last == UInt8(ascii: "0") { digits.removeLast(); power += 1 }
        self.digits = digits
        self.power = digits.isEmpty ? 0 : power
    }
}

/// Why the number lexicon could not be read, with the file and line to fix.
public enum NumberWordsError: Error, Equatable, CustomStringConvertible {
    case unreadable(DataDirectoryError)
    case badLine(file: String, line: Int, problem: String)

    public var description: String {
        switch self {
        case .unreadable(let error): return error.description
        case .badLine(let file, let line, let problem): return line > 0 ? "\(file):\(line): \(problem)" : "\(file): \(problem)"
        }
    }
}
