/// One unit of a reading: its classes, and the first class as written (for the primary key).
struct Unit: Sendable {
    let mask: UInt32
    let first: Character
    let isConsonant: Bool
}

/// One alternative of a reading: a sequence of units (none: the grapheme is silent).
struct Alternative: Sendable {
    let diphthong: Bool
    let units: [Unit]
}

/// The costs of MATCHING.md section 6, by the names `[parameters]` gives them.
struct Costs: Sendable {
    var csub = 0.0, cnear = 0.0, vsub = 0.0, xsub = 0.0, diph = 0.0
    var cdel = 0.0, mdel = 0.0, dbl = 0.0, hdel = 0.0, silent = 0.0, finc = 0.0
    var lv = 0.0, lvo = 0.0, lvc = 0.0, lvc1 = 0.0, lvd = 0.0, lvd1 = 0.0, lvf = 0.0, lve = 0.0, lvi = 0.0
    var av = 0.0, ainit = 0.0, ain = 0.0, hamza = 0.0, afin = 0.0, atm = 0.0
    var never = 0.0

    static var names: [(String, WritableKeyPath<Costs, Double>)] { [
        ("CSUB", \.csub), ("CNEAR", \.cnear), ("VSUB", \.vsub), ("XSUB", \.xsub), ("DIPH", \.diph),
        ("CDEL", \.cdel), ("MDEL", \.mdel), ("DBL", \.dbl), ("HDEL", \.hdel), ("SILENT", \.silent), ("FINC", \.finc),
        ("LV", \.lv), ("LVO", \.lvo), ("LVC", \.lvc), ("LVC1", \.lvc1), ("LVD", \.lvd), ("LVD1", \.lvd1),
        ("LVF", \.lvf), ("LVE", \.lve), ("LVI", \.lvi),
        ("AV", \.av), ("AINIT", \.ainit), ("AIN", \.ain), ("HAMZA", \.hamza), ("AFIN", \.afin), ("ATM", \.atm),
        ("NEVER", \.never),
    ] }
}

/// Code point ranges, tested in order.
struct ScalarRanges: Sendable {
    let ranges: [ClosedRange<UInt32>]

    func contains(_ c: Unicode.Scalar) -> Bool {
        ranges.contains { $0.contains(c.value) }
    }
}

/// An Arabic letter's readings and unaligned costs; nil where the file gives none.
struct ArabicLetter: Sendable {
    var reading: [Alternative]?
    var initial: [Alternative]?
    var final: [Alternative]?
    var bothArabic: [Alternative]?
    var cost: Double?
    var initialCost: Double?
    var finalCost: Double?
}

/// Arabic letters read together (تش, or او at a token start), with their own unaligned cost.
struct ArabicPair: Sendable {
    let letters: [Unicode.Scalar]
    let reading: [Alternative]
    let unaligned: Double
}

/// A Latin grapheme rule: where it applies, and its reading.
struct LatinRule: Sendable {
    let hasContext: Bool
    let initial: Bool
    let final: Bool
    /// Each set must contain the letter after the grapheme.
    let before: [Set<Unicode.Scalar>]
    let reading: [Alternative]
}

/// Everything `Models/translit/name-matching.txt` holds, parsed and checked.
struct NameMatchingTables: Sendable {
    // Classes: one bit each, in the order the file lists them.
    var symbols: [Character] = []
    var isVowelClass: [Bool] = []
    var costs = Costs()
    var thresholds: [Double] = []
    /// Cost of aligning class p with class q, at p * symbols.count + q.
    var subTable: [Double] = []

    var arabicScript = ScalarRanges(ranges: [])
    var arabicMarks = ScalarRanges(ranges: [])
    var arabicLetterRanges = ScalarRanges(ranges: [])
    var arabicFolds: [Unicode.Scalar: String] = [:]
    var arabicRewrites: [[Unicode.Scalar]: [Unicode.Scalar]] = [:]
    var arabicLetters: [Unicode.Scalar: ArabicLetter] = [:]
    var arabicDigraphs: [ArabicPair] = []
    var arabicInitialDigraphs: [ArabicPair] = []
    var article: [Unicode.Scalar] = []
    var articleAfter: [[Unicode.Scalar]] = []
    var arabicArticleMinRest = 0
    var sunLetters: Set<Unicode.Scalar> = []
    var assimilatedArticle: UInt32 = 0
    var silentLast: Set<[Unicode.Scalar]> = []
    var longVowels: Set<Unicode.Scalar> = []
    var longVowelMaxSize = 0

    var latinLetters = ScalarRanges(ranges: [])
    var apostrophes: Set<Unicode.Scalar> = []
    var latinFolds: [Unicode.Scalar: String] = [:]
    var latinRewrites: [String: [Unicode.Scalar]] = [:]
    var graphemes: [String: [LatinRule]] = [:]
    var maxGraphemeLength = 0
    var vowelDigraphs: Set<String> = []
    var vowels: Set<Unicode.Scalar> = []
    var plainVowels: Set<Unicode.Scalar> = []
    var glides: Set<Unicode.Scalar> = []
    var roundedVowels: Set<Unicode.Scalar> = []
    var silentE: Set<Unicode.Scalar> = []
    var silentEEndings: [[Unicode.Scalar]] = []
    var aspirates: Set<Unicode.Scalar> = []
    var silentFinals: Set<Unicode.Scalar> = []
    var articles: Set<String> = []
    var articleVowels: Set<Unicode.Scalar> = []
    var articleConsonant: Unicode.Scalar = " "
    var latinArticleMinRest = 0
    var sunConsonants: [[Unicode.Scalar]] = []
    var abdPrefixes: [[Unicode.Scalar]] = []
    var abuPrefixes: [[Unicode.Scalar]] = []

    func threshold(_ size: Int) -> Double { thresholds[min(size, thresholds.count - 1)] }

    func isArabic(_ s: String) -> Bool { s.unicodeScalars.contains(where: arabicScript.contains) }

    /// The cheapest way to align a unit with classes x against one with classes y.
    func sub(_ x: UInt32, _ y: UInt32) -> Double {
        if x & y != 0 { return 0 }
        let count = symbols.count
        var r = costs.xsub
        var xs = x
        while xs != 0 {
            let p = xs.trailingZeroBitCount
            xs &= xs - 1
            var ys = y
            while ys != 0 {
                let q = ys.trailingZeroBitCount
                ys &= ys - 1
                r = min(r, subTable[p * count + q])
            }
        }
        return r
    }

    /// Parses the file's text; `file` names it in errors.
    init(parsing text: String, file: String) throws(NamesError) {
        let sections = try TableFile(text, file: file)
        try readClasses(sections)
        try readCosts(sections)
        try readArabic(sections)
        try readLatin(sections)
    }
}

// MARK: - The file

/// One entry: its line number and whitespace-separated fields.
private struct TableLine {
    let number: Int
    let fields: [Substring]
}

/// The file split into sections, with what errors need to name a place in it.
private struct TableFile {
    static let sectionNames = [
        "parameters", "thresholds", "classes", "vowel-pairs", "near-pairs",
        "arabic", "arabic-folds", "arabic-rewrites", "arabic-letters", "arabic-letter-pairs",
        "latin", "latin-folds", "latin-rewrites", "latin-graphemes",
    ]

    let file: String
    var sections: [String: (line: Int, entries: [TableLine])] = [:]

    init(_ text: String, file: String) throws(NamesError) {
        self.file = file
        var current: String?
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let number = index + 1
            let content = raw.firstIndex(of: "#").map { raw[..<$0] } ?? raw
            let fields = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if fields.isEmpty { continue }
            if fields[0].hasPrefix("[") {
                guard fields.count == 1, fields[0].hasSuffix("]") else { throw Self.error(file, number, "expected a section header like [parameters]") }
                let name = String(fields[0].dropFirst().dropLast())
                guard Self.sectionNames.contains(name) else {
                    throw Self.error(file, number, "unknown section [\(name)]; sections are \(Self.sectionNames.map { "[\($0)]" }.joined(separator: ", "))")
                }
                if let earlier = sections[name] { throw Self.error(file, number, "section [\(name)] given twice (first at line \(earlier.line))") }
                sections[name] = (number, [])
                current = name
                continue
            }
            guard let current else { throw Self.error(file, number, "entry before the first section header") }
            sections[current]!.entries.append(TableLine(number: number, fields: fields))
        }
        for name in Self.sectionNames where sections[name] == nil {
            throw NamesError(problem: "\(file): missing section [\(name)]")
        }
    }

    static func error(_ file: String, _ line: Int, _ problem: String) -> NamesError {
        NamesError(problem: "\(file):\(line): \(problem)")
    }

    func error(_ line: TableLine, _ problem: String) -> NamesError {
        Self.error(file, line.number, problem)
    }

    func entries(_ section: String) -> [TableLine] { sections[section]!.entries }

    /// The entries of a `key value...` section by key, each key given once and every key of
    /// `keys` present.
    func keyed(_ section: String, _ keys: [String]) throws(NamesError) -> [String: TableLine] {
        var out: [String: TableLine] = [:]
        for line in entries(section) {
            let key = String(line.fields[0])
            guard keys.contains(key) else { throw error(line, "unknown key \"\(key)\" in [\(section)]; keys are \(keys.joined(separator: ", "))") }
            if let earlier = out[key] { throw error(line, "\"\(key)\" given twice (first at line \(earlier.number))") }
            guard line.fields.count > 1 else { throw error(line, "\"\(key)\" has no value") }
            out[key] = line
        }
        for key in keys where out[key] == nil {
            throw NamesError(problem: "\(file):\(sections[section]!.line): [\(section)] lacks \"\(key)\"")
        }
        return out
    }

    func expect(_ line: TableLine, fields count: Int, _ what: String) throws(NamesError) {
        guard line.fields.count == count else { throw error(line, "expected \(count) fields (\(what)), found \(line.fields.count)") }
    }

    /// One character, written as itself or as U+XXXX.
    func scalar(_ field: Substring, _ line: TableLine) throws(NamesError) -> Unicode.Scalar {
        if field.hasPrefix("U+") {
            guard (6...8).contains(field.count), let value = UInt32(field.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) else {
                throw error(line, "\"\(field)\" is not a code point (U+ and 4 to 6 hexadecimal digits)")
            }
            return scalar
        }
        guard field.unicodeScalars.count == 1 else { throw error(line, "\"\(field)\" is not one character") }
        return field.unicodeScalars.first!
    }

    /// A character, or a range of them joined by `-`.
    func range(_ field: Substring, _ line: TableLine) throws(NamesError) -> ClosedRange<UInt32> {
        let ends = field.split(separator: "-", omittingEmptySubsequences: false)
        guard ends.count <= 2 else { throw error(line, "\"\(field)\" is not a character or a range like U+0600-U+06FF") }
        let low = try scalar(ends[0], line).value, high = try scalar(ends[ends.count - 1], line).value
        guard low <= high else { throw error(line, "range \"\(field)\" ends before it starts") }
        return low...high
    }

    /// A number of at least 0.
    func number(_ field: Substring, _ line: TableLine) throws(NamesError) -> Double {
        guard let value = Double(field), value.isFinite, value >= 0 else { throw error(line, "\"\(field)\" is not a number of 0 or more") }
        return value
    }

    func count(_ field: Substring, _ line: TableLine) throws(NamesError) -> Int {
        guard let value = Int(field), value >= 0 else { throw error(line, "\"\(field)\" is not a whole number of 0 or more") }
        return value
    }

    /// A count that must be at least 1 (a rest of 0 letters would let an article be the whole word).
    func positiveCount(_ field: Substring, _ line: TableLine) throws(NamesError) -> Int {
        guard let value = Int(field), value >= 1 else { throw error(line, "\"\(field)\" is not a whole number of 1 or more") }
        return value
    }

    /// A parameter named in a cost field.
    func cost(_ field: Substring, _ line: TableLine, _ costs: Costs) throws(NamesError) -> Double {
        guard let (_, path) = Costs.names.first(where: { $0.0 == field }) else {
            throw error(line, "\"\(field)\" is not a parameter of [parameters]")
        }
        return costs[keyPath: path]
    }
}

// MARK: - Sections

extension NameMatchingTables {
    private mutating func readClasses(_ file: TableFile) throws(NamesError) {
        for line in file.entries("classes") {
            let kind = line.fields[0]
            guard kind == "vowel" || kind == "consonant" else { throw file.error(line, "expected \"vowel\" or \"consonant\" and class symbols") }
            for field in line.fields.dropFirst() {
                guard field.count == 1, !".|*∅-".contains(field.first!) else { throw file.error(line, "class symbol \"\(field)\" must be one character other than . | * ∅ -") }
                guard !symbols.contains(field.first!) else { throw file.error(line, "class \"\(field)\" listed twice") }
                symbols.append(field.first!)
                isVowelClass.append(kind == "vowel")
            }
        }
        guard symbols.count <= 32 else { throw NamesError(problem: "\(file.file): more than 32 classes") }
        guard isVowelClass.contains(true), isVowelClass.contains(false) else {
            throw NamesError(problem: "\(file.file): [classes] needs vowel and consonant classes")
        }
    }

    private mutating func readCosts(_ file: TableFile) throws(NamesError) {
        var given: [String: Int] = [:]
        for line in file.entries("parameters") {
            try file.expect(line, fields: 2, "name and value")
            let name = String(line.fields[0])
            guard let (_, path) = Costs.names.first(where: { $0.0 == name }) else {
                throw file.error(line, "unknown parameter \"\(name)\"; parameters are \(Costs.names.map(\.0).joined(separator: " "))")
            }
            if let earlier = given[name] { throw file.error(line, "parameter \(name) given twice (first at line \(earlier))") }
            given[name] = line.number
            costs[keyPath: path] = try file.number(line.fields[1], line)
        }
        for (name, _) in Costs.names where given[name] == nil {
            throw NamesError(problem: "\(file.file):\(file.sections["parameters"]!.line): [parameters] lacks \(name)")
        }

        for line in file.entries("thresholds") {
            try file.expect(line, fields: 2, "token size and threshold")
            guard try file.count(line.fields[0], line) == thresholds.count else {
                throw file.error(line, "expected size \(thresholds.count): sizes run 0, 1, 2, ... in order")
            }
            thresholds.append(try file.number(line.fields[1], line))
        }
        guard !thresholds.isEmpty else { throw NamesError(problem: "\(file.file): [thresholds] is empty") }

        let n = symbols.count
        var vowelPairs: [Int: Double] = [:]
        for line in file.entries("vowel-pairs") {
            try file.expect(line, fields: 3, "two vowel classes and a cost")
            let (p, q) = try pair(line, file, vowels: true)
            let value = try file.number(line.fields[2], line)
            vowelPairs[p * n + q] = value
            vowelPairs[q * n + p] = value
        }
        var nearPairs: Set<Int> = []
        for line in file.entries("near-pairs") {
            try file.expect(line, fields: 2, "two consonant classes")
            let (p, q) = try pair(line, file, vowels: false)
            nearPairs.formUnion([p * n + q, q * n + p])
        }
        subTable = Array(repeating: 0, count: n * n)
        for p in 0..<n {
            for q in 0..<n {
                if isVowelClass[p] && isVowelClass[q] { subTable[p * n + q] = vowelPairs[p * n + q] ?? costs.vsub }
                else if !isVowelClass[p] && !isVowelClass[q] { subTable[p * n + q] = nearPairs.contains(p * n + q) ? costs.cnear : costs.csub }
                else { subTable[p * n + q] = costs.xsub }
            }
        }
    }

    private func pair(_ line: TableLine, _ file: TableFile, vowels: Bool) throws(NamesError) -> (Int, Int) {
        var bits: [Int] = []
        for field in line.fields.prefix(2) {
            guard field.count == 1, let bit = symbols.firstIndex(of: field.first!), isVowelClass[bit] == vowels else {
                throw file.error(line, "\"\(field)\" is not a \(vowels ? "vowel" : "consonant") class of [classes]")
            }
            bits.append(bit)
        }
        guard bits[0] != bits[1] else { throw file.error(line, "a class paired with itself (aligning it costs 0)") }
        return (bits[0], bits[1])
    }

    /// The classes of a unit as a mask.
    private func unit(_ text: Substring, _ line: TableLine, _ file: TableFile) throws(NamesError) -> Unit {
        guard let first = text.first else { throw file.error(line, "empty unit (two dots, or a dot at an end)") }
        var mask: UInt32 = 0
        var consonant = true
        for c in text {
            guard let bit = symbols.firstIndex(of: c) else { throw file.error(line, "\"\(c)\" is not a class of [classes]") }
            mask |= 1 << UInt32(bit)
            consonant = consonant && !isVowelClass[bit]
        }
        return Unit(mask: mask, first: first, isConsonant: consonant)
    }

    /// A reading in the notation of MATCHING.md section 2.
    private func reading(_ spec: Substring, _ line: TableLine, _ file: TableFile) throws(NamesError) -> [Alternative] {
        var out: [Alternative] = []
        for raw in spec.split(separator: "|", omittingEmptySubsequences: false) {
            var alt = raw
            let diphthong = alt.first == "*"
            if diphthong { alt = alt.dropFirst() }
            if alt == "∅" {
                guard !diphthong else { throw file.error(line, "a silent alternative cannot carry *") }
                out.append(Alternative(diphthong: false, units: []))
                continue
            }
            guard !alt.isEmpty else { throw file.error(line, "empty alternative in \"\(spec)\" (write ∅ for a silent one)") }
            var units: [Unit] = []
            for u in alt.split(separator: ".", omittingEmptySubsequences: false) { units.append(try unit(u, line, file)) }
            out.append(Alternative(diphthong: diphthong, units: units))
        }
        return out
    }

    private func scalars(_ line: TableLine, _ file: TableFile) throws(NamesError) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        for field in line.fields.dropFirst() { out.append(try file.scalar(field, line)) }
        return out
    }

    private func ranges(_ line: TableLine, _ file: TableFile) throws(NamesError) -> ScalarRanges {
        var out: [ClosedRange<UInt32>] = []
        for field in line.fields.dropFirst() { out.append(try file.range(field, line)) }
        return ScalarRanges(ranges: out)
    }

    private func words(_ line: TableLine) -> [[Unicode.Scalar]] {
        line.fields.dropFirst().map { Array($0.unicodeScalars) }
    }

    private func single<T>(_ line: TableLine, _ file: TableFile, _ read: (Substring, TableLine) throws(NamesError) -> T) throws(NamesError) -> T {
        guard line.fields.count == 2 else { throw file.error(line, "\"\(line.fields[0])\" takes one value") }
        return try read(line.fields[1], line)
    }

    /// A `from to` section: a character (or a token) and what it is read as.
    private func mapping(_ section: String, _ file: TableFile) throws(NamesError) -> [(from: Substring, to: Substring, line: TableLine)] {
        var out: [(from: Substring, to: Substring, line: TableLine)] = []
        for line in file.entries(section) {
            try file.expect(line, fields: 2, "what is written and what it is read as")
            if let earlier = out.first(where: { $0.from == line.fields[0] }) {
                throw file.error(line, "\"\(line.fields[0])\" given twice (first at line \(earlier.line.number))")
            }
            out.append((line.fields[0], line.fields[1], line))
        }
        return out
    }

    private mutating func readArabic(_ file: TableFile) throws(NamesError) {
        let keys = try file.keyed("arabic", ["script", "marks", "letters", "article", "article-after", "article-min-rest", "sun-letters",
                                             "assimilated-article", "silent-last", "long-vowels", "long-vowel-max-size"])
        arabicScript = try ranges(keys["script"]!, file)
        arabicMarks = try ranges(keys["marks"]!, file)
        arabicLetterRanges = try ranges(keys["letters"]!, file)
        article = try single(keys["article"]!, file) { field, _ in Array(field.unicodeScalars) }
        articleAfter = words(keys["article-after"]!)
        arabicArticleMinRest = try single(keys["article-min-rest"]!, file, file.positiveCount)
        sunLetters = Set(try scalars(keys["sun-letters"]!, file))
        let assimilated = try single(keys["assimilated-article"]!, file) { field, line throws(NamesError) in try unit(field, line, file) }
        assimilatedArticle = assimilated.mask
        silentLast = Set(words(keys["silent-last"]!))
        longVowels = Set(try scalars(keys["long-vowels"]!, file))
        longVowelMaxSize = try single(keys["long-vowel-max-size"]!, file, file.count)

        for (from, to, line) in try mapping("arabic-folds", file) {
            arabicFolds[try file.scalar(from, line)] = to.hasPrefix("U+") ? String(try file.scalar(to, line)) : String(to)
        }
        for (from, to, _) in try mapping("arabic-rewrites", file) { arabicRewrites[Array(from.unicodeScalars)] = Array(to.unicodeScalars) }

        var given: [String: Int] = [:]
        var positional: [(Unicode.Scalar, TableLine)] = []
        for line in file.entries("arabic-letters") {
            try file.expect(line, fields: 4, "where, letter, reading and unaligned cost")
            let (where_, readingField, costField) = (line.fields[0], line.fields[2], line.fields[3])
            let letter = try file.scalar(line.fields[1], line)
            let key = "\(where_) \(letter)"
            if let earlier = given[key] { throw file.error(line, "\(where_) \(letter) given twice (first at line \(earlier))") }
            given[key] = line.number
            let read: [Alternative]? = readingField == "-" ? nil : try reading(readingField, line, file)
            let cost: Double? = costField == "-" ? nil : try file.cost(costField, line, costs)
            var entry = arabicLetters[letter] ?? ArabicLetter()
            switch where_ {
            case "any":
                guard let read else { throw file.error(line, "an `any` row needs a reading") }
                entry.reading = read
                entry.cost = cost
            case "initial", "final":
                guard read != nil || cost != nil else { throw file.error(line, "a \(where_) row needs a reading or a cost") }
                if where_ == "initial" { (entry.initial, entry.initialCost) = (read, cost) } else { (entry.final, entry.finalCost) = (read, cost) }
                positional.append((letter, line))
            case "both-arabic":
                guard let read, cost == nil else { throw file.error(line, "a both-arabic row gives a reading and no cost") }
                entry.bothArabic = read
                positional.append((letter, line))
            default:
                throw file.error(line, "\"\(where_)\" is not any, initial, final or both-arabic")
            }
            arabicLetters[letter] = entry
        }
        for (letter, line) in positional where arabicLetters[letter]?.reading == nil {
            throw file.error(line, "\(letter) has no `any` row")
        }

        for line in file.entries("arabic-letter-pairs") {
            try file.expect(line, fields: 4, "where, letters, reading and unaligned cost")
            let letters = Array(line.fields[1].unicodeScalars)
            guard letters.count >= 2 else { throw file.error(line, "\"\(line.fields[1])\" is not two or more letters") }
            let pair = ArabicPair(letters: letters, reading: try reading(line.fields[2], line, file), unaligned: try file.cost(line.fields[3], line, costs))
            switch line.fields[0] {
            case "any": arabicDigraphs.append(pair)
            case "initial": arabicInitialDigraphs.append(pair)
            default: throw file.error(line, "\"\(line.fields[0])\" is not any or initial")
            }
        }
    }

    private mutating func readLatin(_ file: TableFile) throws(NamesError) {
        let keys = try file.keyed("latin", ["letters", "apostrophes", "vowels", "plain-vowels", "glides", "rounded-vowels", "silent-e",
                                            "silent-e-endings", "aspirates", "silent-finals", "vowel-digraphs", "articles", "article-vowels",
                                            "article-consonant", "article-min-rest", "sun-consonants", "abd-prefixes", "abu-prefixes"])
        latinLetters = try ranges(keys["letters"]!, file)
        apostrophes = Set(try scalars(keys["apostrophes"]!, file))
        vowels = Set(try scalars(keys["vowels"]!, file))
        plainVowels = Set(try scalars(keys["plain-vowels"]!, file))
        glides = Set(try scalars(keys["glides"]!, file))
        roundedVowels = Set(try scalars(keys["rounded-vowels"]!, file))
        silentE = Set(try scalars(keys["silent-e"]!, file))
        silentEEndings = words(keys["silent-e-endings"]!)
        aspirates = Set(try scalars(keys["aspirates"]!, file))
        silentFinals = Set(try scalars(keys["silent-finals"]!, file))
        articles = Set(keys["articles"]!.fields.dropFirst().map(String.init))
        articleVowels = Set(try scalars(keys["article-vowels"]!, file))
        articleConsonant = try single(keys["article-consonant"]!, file, file.scalar)
        latinArticleMinRest = try single(keys["article-min-rest"]!, file, file.positiveCount)
        sunConsonants = words(keys["sun-consonants"]!)
        abdPrefixes = words(keys["abd-prefixes"]!)
        abuPrefixes = words(keys["abu-prefixes"]!)

        for (from, to, line) in try mapping("latin-folds", file) { latinFolds[try file.scalar(from, line)] = String(to) }
        for (from, to, _) in try mapping("latin-rewrites", file) { latinRewrites[String(from)] = Array(to.unicodeScalars) }

        var given: [String: Int] = [:]
        for line in file.entries("latin-graphemes") {
            try file.expect(line, fields: 3, "grapheme, context and reading")
            let grapheme = String(line.fields[0]), context = line.fields[1]
            if let earlier = given["\(grapheme) \(context)"] { throw file.error(line, "\(grapheme) \(context) given twice (first at line \(earlier))") }
            given["\(grapheme) \(context)"] = line.number
            var initial = false, final = false
            var before: [Set<Unicode.Scalar>] = []
            if context != "any" {
                for part in context.split(separator: "-", omittingEmptySubsequences: false) {
                    if part == "initial" { initial = true }
                    else if part == "final" { final = true }
                    else if part.hasPrefix("before:") && part.count > 7 { before.append(Set(part.dropFirst(7).unicodeScalars)) }
                    else { throw file.error(line, "context \"\(context)\": \"\(part)\" is not initial, final or before:letters (parts joined by -)") }
                }
            }
            let rule = LatinRule(hasContext: context != "any", initial: initial, final: final, before: before,
                                 reading: try reading(line.fields[2], line, file))
            graphemes[grapheme, default: []].append(rule)
        }
        guard let longest = graphemes.keys.map(\.count).max() else {
            throw TableFile.error(file.file, file.sections["latin-graphemes"]!.line, "[latin-graphemes] has no grapheme")
        }
        maxGraphemeLength = longest
        let extraDigraphs = Set(keys["vowel-digraphs"]!.fields.dropFirst().map(String.init))
        vowelDigraphs = Set(graphemes.keys.filter { g in
            g.count > 1 && (g.unicodeScalars.allSatisfy { vowels.contains($0) } || extraDigraphs.contains(g))
        })
    }
}
