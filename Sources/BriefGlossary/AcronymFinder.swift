// Abbreviation definitions after Schwartz & Hearst (2003), "A simple algorithm for identifying
// abbreviation definitions in biomedical text", tightened with Ab3P-style rules. Measured with
// scripts/bench/score-acronyms.py on shared/eval/abbreviations/med1250.jsonl (title + abstract):
// P 98.9 / R 87.1, against P 94.9 / R 78.7 for a plain port of the paper and 96.9 / 83.6 for Ab3P.
//
// The text is an array of Unicode scalars: lengths, limits and comparisons are by code point, as
// the rules were tuned and as the scorer compares; String equality (canonical equivalence) and
// Character indexing would make them depend on normalisation.

/// An abbreviation (short form) and the long form a text defines it with.
public struct AcronymDefinition: Hashable, Sendable {
    public let short: String
    public let long: String

    public init(short: String, long: String) {
        self.short = short
        self.long = long
    }
}

/// Finds definitions such as "magnetic resonance imaging (MRI)" or "MRI (magnetic resonance imaging)".
public struct AcronymFinder: Sendable {
    public init() {}

    /// The definitions in document order, each distinct pair once.
    public func definitions(in text: String) -> [AcronymDefinition] {
        let scan = Scan(Array(text.unicodeScalars))
        var out: [AcronymDefinition] = []
        var seen = Set<[UInt32]>()
        let t = scan.t
        for i in t.indices where isOpen(t[i]) {
            let e = scan.matchClose(i)
            guard e > 0, let (sf, lf) = scan.candidate(i, e) else { continue }
            // Keyed by scalars, not String, whose equality is canonical equivalence.
            let key = sf.map(\.value) + [UInt32.max] + lf.map(\.value)
            if seen.insert(key).inserted {
                out.append(AcronymDefinition(short: string(sf), long: string(lf)))
            }
        }
        return out
    }
}

// MARK: - Limits and word lists

/// The paper's longest short form (it wants at least 2; single capitals are taken too, see `validShortForm`).
private let maxShort = 10
/// A bracket not closed within this many scalars is prose, not a definition.
private let maxInner = 400
/// How far back a closing bracket inside a long form may look for its opening one.
private let maxBack = 300
/// How far before its bracket a long form may begin.
private let maxLongForm = 400

private let stopWords: Set<String> = [
    "of", "the", "and", "in", "for", "to", "with", "by", "on", "at", "from", "a", "an", "or", "as", "into",
]
/// Lower-case words that look like short forms in brackets but are prose: "(and ...)", "(see ...)".
private let commonWords: Set<String> = [
    "not", "no", "see", "but", "nor", "yes", "all", "any", "each", "per", "via", "vs", "eg", "ie", "ca", "etc",
    "is", "are", "was", "were", "be", "has", "had", "its", "it", "we", "he", "she", "his", "her", "our", "who",
    "if", "so", "up", "out", "off", "two", "one", "six", "ten", "new", "old", "day", "age", "aged", "year",
    "both", "also", "only", "than", "then", "that", "this", "may", "can", "less", "more", "most", "some",
]
/// Words before a full stop that does not end the sentence ("e.g.", "Fig.").
private let abbreviations: Set<String> = [
    "e.g", "i.e", "vs", "al", "fig", "figs", "no", "nos", "dr", "mr", "mrs", "ms", "prof", "approx", "ca", "cf",
    "etc", "st", "sp", "spp", "var", "resp",
]
/// Case matters: "mM" is a unit, "MM" may be an abbreviation.
private let units: Set<String> = [
    "mM", "mg", "kg", "ml", "mL", "h", "min", "s", "d", "nm", "g", "l", "L", "M", "%", "ng", "mmol", "mol",
    "micrograms", "microg", "mug", "ug", "cm", "km", "mm", "hr", "hrs", "wk", "wks", "yr", "yrs", "days", "months",
    "years", "weeks", "hours", "mmHg", "kDa", "kd", "kD", "bp", "kb", "MBq", "Gy", "cGy", "mU", "IU", "U", "mV",
    "Hz", "kHz", "pg", "fmol", "pmol", "nmol", "mumol", "microM", "micromol", "nM", "pM", "microm", "ms", "sec",
    "x", "degrees", "C",
]
/// A digit of a short form may stand for a whole number word: "three-dimensional (3D)".
private let numberWords: [String: [[Unicode.Scalar]]] = [
    "1": ["one", "first", "mono", "uni"], "2": ["two", "second", "di", "bi"],
    "3": ["three", "third", "tri"], "4": ["four", "fourth", "tetra"],
].mapValues { $0.map { Array($0.unicodeScalars) } }
private let romanDigits: Set<String> = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"]

// MARK: - Scalars

private func isOpen(_ c: Unicode.Scalar) -> Bool { c == "(" || c == "[" }
private func isClose(_ c: Unicode.Scalar) -> Bool { c == ")" || c == "]" }
private func closer(_ c: Unicode.Scalar) -> Unicode.Scalar { c == "(" ? ")" : "]" }
private func opener(_ c: Unicode.Scalar) -> Unicode.Scalar { c == ")" ? "(" : "[" }

private func isLetter(_ c: Unicode.Scalar) -> Bool {
    if c.value < 128 { return (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A }
    switch c.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
    default: return false
    }
}

private func isDigit(_ c: Unicode.Scalar) -> Bool {
    if c.value < 128 { return c.value >= 0x30 && c.value <= 0x39 }
    return c.properties.generalCategory == .decimalNumber
}

private func isAlnum(_ c: Unicode.Scalar) -> Bool { isLetter(c) || isDigit(c) }

private func isUpper(_ c: Unicode.Scalar) -> Bool {
    if c.value < 128 { return c.value >= 0x41 && c.value <= 0x5A }
    return c.properties.generalCategory == .uppercaseLetter
}

private func isLower(_ c: Unicode.Scalar) -> Bool {
    if c.value < 128 { return c.value >= 0x61 && c.value <= 0x7A }
    return c.properties.generalCategory == .lowercaseLetter
}

private func isSpace(_ c: Unicode.Scalar) -> Bool {
    if c.value < 128 { return c.value == 0x20 || (c.value >= 0x09 && c.value <= 0x0D) }
    return c.properties.isWhitespace
}

/// Full lower-case mapping, which may be longer than one scalar ("İ").
private func fold(_ c: Unicode.Scalar) -> String {
    if c.value < 128 {
        return String(isUpper(c) ? Unicode.Scalar(c.value | 0x20)! : c)
    }
    return c.properties.lowercaseMapping
}

/// The lower-cased scalars as a String if they are all ASCII, else nil: every word list here is
/// ASCII, and this keeps list look-ups free of String's canonical equivalence.
private func asciiKey(_ s: ArraySlice<Unicode.Scalar>, lower: Bool) -> String? {
    var out = String.UnicodeScalarView()
    for c in s {
        if lower {
            for m in fold(c).unicodeScalars {
                guard m.value < 128 else { return nil }
                out.append(m)
            }
        } else {
            guard c.value < 128 else { return nil }
            out.append(c)
        }
    }
    return String(out)
}

private func string<S: Sequence>(_ s: S) -> String where S.Element == Unicode.Scalar {
    var v = String.UnicodeScalarView()
    v.append(contentsOf: s)
    return String(v)
}

private func splitSpace(_ s: ArraySlice<Unicode.Scalar>) -> [ArraySlice<Unicode.Scalar>] {
    s.split(whereSeparator: isSpace)
}

private func stripSpace(_ s: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
    var a = s.startIndex
    var b = s.endIndex
    while a < b && isSpace(s[a]) { a += 1 }
    while b > a && isSpace(s[b - 1]) { b -= 1 }
    return s[a..<b]
}

private func find(_ needle: [Unicode.Scalar], in s: ArraySlice<Unicode.Scalar>, last: Bool = false) -> Int? {
    guard s.count >= needle.count else { return nil }
    let starts = s.startIndex...(s.endIndex - needle.count)
    let hit: (Int) -> Bool = { i in needle.indices.allSatisfy { s[i + $0] == needle[$0] } }
    return last ? starts.reversed().first(where: hit) : starts.first(where: hit)
}

private let semicolonSpace: [Unicode.Scalar] = [";", " "]
private let commaSpace: [Unicode.Scalar] = [",", " "]

private func isRoman(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
    for (x, v, i) in [("x", "v", "i"), ("X", "V", "I")] as [(Unicode.Scalar, Unicode.Scalar, Unicode.Scalar)] {
        guard s.allSatisfy({ $0 == x || $0 == v || $0 == i }) else { continue }
        var k = s.startIndex
        while k < s.endIndex && k - s.startIndex < 3 && s[k] == x { k += 1 }
        let rest = string(s[k...].map { $0 == x ? "x" : $0 == v ? "v" : "i" } as [Unicode.Scalar])
        if romanDigits.contains(rest) { return true }
    }
    return false
}

/// A number with units, "10 mg/kg", "0.1 mM", "5h": measurements are bracketed often.
private func isMeasure(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
    var i = s.startIndex
    while i < s.endIndex && (isDigit(s[i]) || s[i] == "." || s[i] == ",") { i += 1 }
    let rest = stripSpace(s[i...])
    if rest.isEmpty { return true }
    let words = splitSpace(ArraySlice(rest.map { $0 == "/" ? " " : $0 }))
    return words.allSatisfy { w in asciiKey(w, lower: false).map(units.contains) ?? false }
}

/// Quotes that open a long form and punctuation that closes it belong to the sentence.
private func trimLong(_ s: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
    let quotes: [Unicode.Scalar] = ["\"", "\u{201C}", "\u{201D}"]
    var a = s.startIndex
    var b = s.endIndex
    while a < b && quotes.contains(s[a]) { a += 1 }
    while b > a && (s[b - 1] == "," || s[b - 1] == ";" || s[b - 1] == ":") { b -= 1 }
    if b > a && quotes.contains(s[b - 1]) && s[a..<b].filter({ $0 == s[b - 1] }).count == 1 { b -= 1 }
    return s[a..<b]
}

/// The text holds a bracketed group with two or more letters, as "(GABA)-" does.
private func hasLetteredGroup(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
    var depth = 0
    var letters = 0
    for c in s {
        if isOpen(c) {
            depth += 1
        } else if isClose(c) {
            depth -= 1
            if depth == 0 {
                if letters >= 2 { return true }
                letters = 0
            }
        } else if depth > 0 && isLetter(c) {
            letters += 1
        }
    }
    return false
}

// MARK: - Search

private struct Scan {
    let t: [Unicode.Scalar]

    init(_ t: [Unicode.Scalar]) { self.t = t }

    func matchClose(_ i: Int) -> Int {
        var stack = [closer(t[i])]
        var j = i + 1
        while j < t.count && j - i < maxInner {
            let c = t[j]
            if isOpen(c) {
                stack.append(closer(c))
            } else if isClose(c) {
                if c != stack.last! { return -1 }
                stack.removeLast()
                if stack.isEmpty { return j }
            }
            j += 1
        }
        return -1
    }

    func matchOpen(_ i: Int) -> Int {
        var stack = [opener(t[i])]
        var j = i - 1
        let lo = max(0, i - maxBack)
        while j >= lo {
            let c = t[j]
            if isClose(c) {
                stack.append(opener(c))
            } else if isOpen(c) {
                if c != stack.last! { return -1 }
                stack.removeLast()
                if stack.isEmpty { return j }
            }
            j -= 1
        }
        return -1
    }

    /// t[i] is a '.', '!' or '?' that ends a sentence: before a capital, digit or bracket, and
    /// not after an initial ("S. aureus") or a listed abbreviation.
    func sentenceEnd(at i: Int) -> Bool {
        let n = t.count
        if i + 1 >= n || !isSpace(t[i + 1]) { return false }
        var j = i + 1
        while j < n && isSpace(t[j]) { j += 1 }
        if j >= n { return true }
        let next = t[j]
        if !(isUpper(next) || isDigit(next) || isOpen(next)) { return false }
        if t[i] != "." { return true }
        var k = i
        while k > 0 && !isSpace(t[k - 1]) { k -= 1 }
        let word = t[k..<i]
        if word.count == 1 && isUpper(word.first!) { return false }
        return !(asciiKey(word, lower: true).map(abbreviations.contains) ?? false)
    }

    /// Where the text a long form ending at `o` may come from begins: the sentence, clause or
    /// bracket it is in. Balanced bracket groups are stepped over; commas do not stop it
    /// ("Non-A, non-B hepatitis (NANB)").
    func leftBound(_ o: Int) -> Int {
        // A long form is a few words: looking further back than `maxLongForm` scalars finds
        // none, and would make a sentence with many brackets cost the square of its length.
        let floor = max(0, o - maxLongForm)
        var j = o - 1
        while j >= floor {
            let c = t[j]
            if isClose(c) {
                let k = matchOpen(j)
                if k < 0 { return j + 1 }
                j = k - 1
                continue
            }
            if isOpen(c) { return j + 1 }
            if (c == "." || c == "!" || c == "?") && sentenceEnd(at: j) { return j + 1 }
            if (c == ";" || c == ":") && j + 1 < t.count && isSpace(t[j + 1]) { return j + 1 }
            if c == "\n" {
                var k = j - 1
                while k >= 0 && (t[k] == " " || t[k] == "\t" || t[k] == "\r") { k -= 1 }
                if k >= 0 && t[k] == "\n" { return j + 1 }
            }
            j -= 1
        }
        guard floor > 0 else { return 0 }
        // Start at a word, not inside one.
        var k = floor
        while k < o && !isSpace(t[k]) { k += 1 }
        return k
    }

    func validShortForm(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = s.first, s.count <= maxShort, isAlnum(first), s.contains(where: isLetter) else { return false }
        let words = splitSpace(s)
        if words.count > 2 { return false }
        if s.count == 1 {
            // Single capitals are defined often in this domain ("testosterone (T)"); I, V, X are numerals.
            return isUpper(first) && first != "I" && first != "V" && first != "X"
        }
        if s.contains(where: { $0 == "=" || $0 == "<" || $0 == ">" }) { return false }
        if isRoman(s) { return false }
        // Doses and concentrations: "(10 mg/kg)", "(0.1 mM)".
        if isDigit(first) && isMeasure(s) { return false }
        if s.allSatisfy(isLower) {
            // Lower-case short forms are short ("aa", "dppe"); longer ones are words: "(sterile)".
            if s.count > 4 { return false }
            if let key = asciiKey(s, lower: false), stopWords.contains(key) || commonWords.contains(key) { return false }
        }
        // "(group 2)", "(days 3-5)"
        if words.count == 2 && words[0].count > 3 && words[0].allSatisfy({ isLower($0) || $0 == "-" }) { return false }
        return true
    }

    /// "(A) ... (B)": a single letter in brackets beside its neighbour letter labels a list.
    func enumerated(_ letter: Unicode.Scalar) -> Bool {
        for d in [-1, 1] {
            guard let other = Unicode.Scalar(Int(letter.value) + d), isLetter(other) else { continue }
            if find(["(", other, ")"], in: t[...]) != nil { return true }
        }
        return false
    }

    func candidate(_ o: Int, _ e: Int) -> ([Unicode.Scalar], [Unicode.Scalar])? {
        let inner = stripSpace(t[(o + 1)..<e])
        if inner.isEmpty { return nil }
        // "(SF; 0.1 pmol)", "(SF, 8 weeks of age)": what follows the short form is a remark.
        var cut = inner.endIndex
        for sep in [semicolonSpace, commaSpace] {
            if let k = find(sep, in: inner), k < cut { cut = k }
        }
        let sf = stripSpace(inner[..<cut])
        let attached = o > 0 && !isSpace(t[o - 1])
        if validShortForm(sf) {
            // A bracket glued to a word is notation ("GABA(A)", "Lys(Z)") unless a capitalised
            // short form follows a lower-case word.
            if attached && !(sf.count >= 2 && isUpper(sf.first!) && isLower(t[o - 1])
                && (e + 1 >= t.count || !isAlnum(t[e + 1]))) {
                return nil
            }
            if sf.count == 1 && enumerated(sf.first!) { return nil }
            let lo = leftBound(o)
            var hi = o
            while hi > lo && isSpace(t[hi - 1]) { hi -= 1 }
            let start: Int?
            if attached {
                // "clozapine(CLP)": the long form is the word the bracket is glued to.
                var k = hi
                while k > lo && !isSpace(t[k - 1]) { k -= 1 }
                start = align(Array(sf), t, rlo: lo, lo: k, hi: hi, firstToken: true)
            } else {
                start = align(Array(sf), t, rlo: lo, lo: lo, hi: hi, firstToken: false)
            }
            guard let start else { return nil }
            return checked(sf, t[start..<hi])
        }
        if attached { return nil }
        if cut < inner.endIndex, let k = find(commaSpace, in: inner, last: true) {
            // "(blood-brain barrier, BBB)": both forms inside, the short one last.
            let sf2 = stripSpace(inner[(k + 2)...])
            let lf2 = Array(stripSpace(inner[..<k]))
            if validShortForm(sf2) && find(commaSpace, in: lf2[...]) == nil && find(semicolonSpace, in: lf2[...]) == nil
                && lf2.count > sf2.count
                && align(Array(sf2), lf2, rlo: 0, lo: 0, hi: lf2.count, firstToken: true) == 0 {
                return checked(sf2, lf2[...])
            }
        }
        // "SF (long form)": several words in the brackets, or one too long to be a short form.
        if splitSpace(sf).count < 2 && sf.count <= maxShort { return nil }
        var k = o - 1
        while k >= 0 && isSpace(t[k]) { k -= 1 }
        let end = k + 1
        while k >= 0 && !isSpace(t[k]) { k -= 1 }
        let w = t[(k + 1)..<end]
        guard w.count >= 2, isAlnum(w.last!), w.contains(where: isUpper), validShortForm(w) else { return nil }
        let lf = Array(sf)
        if align(Array(w), lf, rlo: 0, lo: 0, hi: lf.count, firstToken: true) == 0 {
            return checked(w, lf[...])
        }
        return nil
    }

    func checked(_ sf: ArraySlice<Unicode.Scalar>, _ lf: ArraySlice<Unicode.Scalar>) -> ([Unicode.Scalar], [Unicode.Scalar])? {
        let lfWords = splitSpace(trimLong(lf))
        let long = Array(lfWords.joined(separator: [" "]))
        let short = Array(splitSpace(sf).joined(separator: [" "]))
        // "GM1 ganglioside (GM1)" explains nothing.
        if lfWords.contains(where: { $0.elementsEqual(short) }) { return nil }
        if long.count <= short.count { return nil }
        return (short, long)
    }

    /// Start of the long form for `sf` in u[lo..<hi] (brackets there balanced from `rlo`), or nil.
    /// With `firstToken` the long form must begin in the first word; otherwise it may begin in
    /// any of the last min(|SF| + 5, 2|SF|) words, as in the paper.
    func align(_ sf: [Unicode.Scalar], _ u: [Unicode.Scalar], rlo: Int, lo: Int, hi: Int, firstToken: Bool) -> Int? {
        let chars = sf.filter(isAlnum).map(fold)
        var variants = [chars]
        // "ERPs" for "event-related potentials": try the singular first.
        if sf.count >= 3 && sf[sf.count - 1] == "s" && isUpper(sf[sf.count - 2]) {
            variants = [Array(chars.dropLast()), chars]
        }
        var toks: [Range<Int>] = []
        var j = lo
        while j < hi {
            while j < hi && isSpace(u[j]) { j += 1 }
            if j >= hi { break }
            var k = j
            while k < hi && !isSpace(u[k]) { k += 1 }
            toks.append(j..<k)
            j = k
        }
        if toks.isEmpty { return nil }
        let maxWords = min(chars.count + 5, chars.count * 2)
        if firstToken {
            if toks.count > maxWords { return nil }
        } else if toks.count > maxWords {
            toks.removeFirst(toks.count - maxWords)
        }
        for cs in variants {
            if let start = bestAlignment(cs, u, toks, rlo: rlo, hi: hi, firstToken: firstToken) { return start }
        }
        return nil
    }

    func bestAlignment(_ cs: [String], _ u: [Unicode.Scalar], _ toks: [Range<Int>], rlo: Int, hi: Int, firstToken: Bool) -> Int? {
        let n = cs.count
        let lo = toks[0].lowerBound
        var depth = [Int](repeating: 0, count: hi - rlo)
        var d = 0
        for p in rlo..<hi {
            if isClose(u[p]) { d -= 1 }
            depth[p - rlo] = d
            if isOpen(u[p]) { d += 1 }
        }
        var tokOf = [Int](repeating: -1, count: hi - lo)
        for (ti, r) in toks.enumerated() {
            for p in r { tokOf[p - lo] = ti }
        }
        let ntok = toks.count
        let content = toks.map { r in !(asciiKey(u[r], lower: true).map(stopWords.contains) ?? false) }
        let folded = (lo..<hi).map { fold(u[$0]) }

        func initial(_ p: Int) -> Bool { p == 0 || !isAlnum(u[p - 1]) }

        func matches(_ c: String, _ p: Int) -> Bool {
            if folded[p - lo] == c { return true }
            if let words = numberWords[c], initial(p) {
                // "3D" = three-dimensional
                for w in words where p + w.count <= u.count {
                    if w.indices.allSatisfy({ fold(u[p + $0]) == String(w[$0]) }) { return true }
                }
            }
            return false
        }

        let positions: [[Int]] = cs.map { c in (lo..<hi).filter { isAlnum(u[$0]) && matches(c, $0) } }

        func gap(_ ta: Int, _ tb: Int) -> Int {
            var count = 0
            var x = ta + 1
            while x < tb {
                if content[x] { count += 1 }
                x += 1
            }
            return count
        }

        // score[k][i], next[k][i]: best placement of cs[k...] with cs[k] at positions[k][i].
        // A word-initial letter scores 2, a letter right after the previous one 1, and each
        // skipped word that is not a stop word costs 3: the paper's shortest match would take
        // "chemokine receptor 7" for CCR7 where the text says "CC chemokine receptor 7".
        var score = positions.map { [Int?](repeating: nil, count: $0.count) }
        var next = positions.map { [Int](repeating: -1, count: $0.count) }
        for k in stride(from: n - 1, through: 0, by: -1) {
            for (i, p) in positions[k].enumerated() {
                let base = initial(p) ? 2 : 0
                if k == n - 1 {
                    score[k][i] = base - 3 * gap(tokOf[p - lo], ntok)
                    continue
                }
                var best: Int?
                var bestAt = -1
                for (m, q) in positions[k + 1].enumerated() {
                    guard q > p, let s = score[k + 1][m] else { continue }
                    var s2 = s + base - 3 * gap(tokOf[p - lo], tokOf[q - lo])
                    if q == p + 1 { s2 += 1 }
                    if best == nil || s2 > best! {
                        best = s2
                        bestAt = m
                    }
                }
                if let best {
                    score[k][i] = best
                    next[k][i] = bestAt
                }
            }
        }
        // Best score first, then the nearest word (the paper's shortest long form).
        var starts: [(score: Int, tok: Int, index: Int)] = []
        for (i, p) in positions[0].enumerated() {
            guard let s = score[0][i], initial(p), depth[p - rlo] == 0 else { continue }
            let ti = tokOf[p - lo]
            if firstToken && ti != 0 { continue }
            starts.append((s, ti, i))
        }
        starts.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.tok != b.tok { return a.tok > b.tok }
            return positions[0][a.index] < positions[0][b.index]
        }
        for s in starts {
            var path = [positions[0][s.index]]
            var i = s.index
            var k = 0
            while next[k][i] >= 0 {
                i = next[k][i]
                k += 1
                path.append(positions[k][i])
            }
            if let start = accept(n, u, toks, s.tok, path, { tokOf[$0 - lo] }, content, initial) { return start }
        }
        return nil
    }

    /// Start of the long form if this alignment is plausible, else nil.
    func accept(_ n: Int, _ u: [Unicode.Scalar], _ toks: [Range<Int>], _ ti: Int, _ path: [Int],
                _ tokOf: (Int) -> Int, _ content: [Bool], _ initial: (Int) -> Bool) -> Int? {
        let a = toks[ti].lowerBound
        let b = toks[ti].upperBound
        let p0 = path[0]
        // Ab3P strips determiners; here a long form never starts with one ("of hydroxyl radicals").
        if !content[ti] { return nil }
        if n == 1 {
            // A single capital stands for one whole word.
            return toks.count - ti == 1 && p0 == a && b - a >= 3 ? a : nil
        }
        let matched = Set(path.map(tokOf))
        let withInitial = Set(path.filter(initial).map(tokOf))
        // Letters picked from inside words other than the last are a chance alignment
        // ("Finger arterial pressure was monitored continuously (Finapres)").
        if matched.contains(where: { $0 != toks.count - 1 && !withInitial.contains($0) }) { return nil }
        var unmatched = 0
        for x in ti..<toks.count where !matched.contains(x) && content[x] { unmatched += 1 }
        // One word may go unused ("neurointermediate lobe of the pituitary (NIL)"); more means
        // the long form reaches into the rest of the sentence.
        if unmatched > 1 { return nil }
        if p0 > a {
            let prefix = u[a..<p0]
            // After a slash or a dash the word is a new one: "(SCID)/beige (bg)",
            // "malformations--persistent truncus arteriosus (PTA)".
            if prefix.last == "/" || (prefix.count >= 2 && prefix.suffix(2).elementsEqual(["-", "-"])) { return p0 }
            // "(GABA)-induced chloride current" begins with a bracketed abbreviation.
            if hasLetteredGroup(prefix) { return nil }
        }
        return a
    }
}
