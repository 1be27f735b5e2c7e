import BriefText

/// Decides whether two spellings, in Arabic or Latin script, are the same name (Models/translit/MATCHING.md).
public struct NameMatcher: Sendable {
    public init() {}

    /// The primary consonant skeleton of a name (MATCHING.md 7.1), for display and grouping only.
    public func key(_ name: String) -> String {
        let arabic = Script.isArabic(name)
        let tokens = arabic ? Tokens.arabic(name) : Tokens.latin(name)
        return Keys.collapse(tokens.map { Keys.primary($0, arabic: arabic, collapse: true) }.joined())
    }

    /// Whether `a` and `b` can be the same name: the cheapest alignment of their graphs is within
    /// every token's threshold and the vowel checks hold (MATCHING.md 5).
    public func matches(_ a: String, _ b: String) -> Bool {
        let bothArabic = Script.isArabic(a) && Script.isArabic(b)
        let g1 = NameGraph(a, bothArabic: bothArabic), g2 = NameGraph(b, bothArabic: bothArabic)
        if g1.sizes.isEmpty || g2.sizes.isEmpty { return false }
        // Every step is charged once to a token of each name, so the total is bounded by the sum
        // of either name's thresholds; cells above it need not be extended.
        let limit = min(g1.sizes.reduce(0.0) { $0 + Cost.threshold($1) },
                        g2.sizes.reduce(0.0) { $0 + Cost.threshold($1) }) + 1e-9
        let (cost, steps) = Alignment.align(g1, g2, limit: limit)
        if cost > limit { return false }
        // A long Latin vowel after the first syllable must correspond to something.
        for (g, side) in [(g1, 0), (g2, 1)] where Alignment.droppedVowelGroups(g, steps, side: side).contains(where: { !$0 }) {
            return false
        }
        // Both Arabic: an unaligned long vowel in a short token separates same-root names (محمد / محمود).
        if g1.arabic && g2.arabic {
            for (g, side) in [(g1, 0), (g2, 1)]
            where Alignment.droppedLongVowels(g, steps, side: side).contains(where: { g.sizes[$0] <= Cost.arArLongVowelMaxSize }) {
                return false
            }
        }
        let (c1, c2) = Alignment.tokenCosts(g1, g2, steps)
        return zip(c1, g1.sizes).allSatisfy { $0 <= Cost.threshold($1) + 1e-9 }
            && zip(c2, g2.sizes).allSatisfy { $0 <= Cost.threshold($1) + 1e-9 }
    }
}

// MARK: - Parameters

/// Costs and thresholds (MATCHING.md 6); kept as Doubles summed in the prototype's order so that
/// borderline decisions and tie-breaks agree with it.
private enum Cost {
    static let csub = 1.0, cnear = 0.7, vsub = 0.5, xsub = 1.0, diph = 0.2
    static let cdel = 1.0, mdel = 1.0, dbl = 0.0, hdel = 0.2, silent = 0.3, finc = 0.3
    static let lv = 0.3, lvo = 0.4, lvc = 0.4, lvd = 1.0, lvd1 = 0.5, lvc1 = 0.3, lvf = 1.0, lve = 0.0, lvi = 1.0
    static let av = 0.7, ainit = 0.5, ain = 0.2, hamza = 0.1, afin = 0.1, atm = 0.7
    /// A multi-letter Latin grapheme is never dropped whole; its letters are dropped one by one.
    static let never = 99.0
    static let thresholds = [0.4, 0.4, 0.5, 0.7, 1.3, 1.5]
    static let arArLongVowelMaxSize = 4

    static func threshold(_ size: Int) -> Double { thresholds[min(size, thresholds.count - 1)] }
}

// MARK: - Units

/// Class symbols as bits: vowels a e i o u first, so a vowel is a bit below 5.
private enum Classes {
    static let symbols: [Character] = ["a", "e", "i", "o", "u", "B", "D", "F", "G", "H", "J", "K", "L", "M", "N", "Q", "R", "S", "T", "W", "X", "Y"]
    static let vowelBits = 5

    static func bit(_ c: Character) -> Int { symbols.firstIndex(of: c)! }

    static func mask<S: Sequence>(_ s: S) -> UInt32 where S.Element == Character {
        s.reduce(0) { $0 | (1 << UInt32(bit($1))) }
    }

    /// Vowel pairs cheaper than VSUB; the Latin side already reads e as {e, i} and o as {o, u}.
    static let vowelPairs: [String: Double] = ["ao": 0.2, "au": 0.7, "eo": 0.7, "eu": 0.7, "io": 0.7, "iu": 0.7]
    static let nearPairs: Set<String> = ["BF", "DT", "SX", "MN", "GK", "HK", "JX", "LR", "JY", "FW", "BW"]

    static let subTable: [[Double]] = {
        var table = Array(repeating: Array(repeating: 0.0, count: symbols.count), count: symbols.count)
        for p in 0..<symbols.count {
            for q in 0..<symbols.count {
                let pair = String([symbols[p], symbols[q]].sorted())
                if p < vowelBits && q < vowelBits { table[p][q] = vowelPairs[pair] ?? Cost.vsub }
                else if p >= vowelBits && q >= vowelBits { table[p][q] = nearPairs.contains(pair) ? Cost.cnear : Cost.csub }
                else { table[p][q] = Cost.xsub }
            }
        }
        return table
    }()

    static func sub(_ x: UInt32, _ y: UInt32) -> Double {
        if x & y != 0 { return 0 }
        var r = Cost.xsub
        var xs = x
        while xs != 0 {
            let p = xs.trailingZeroBitCount
            xs &= xs - 1
            var ys = y
            while ys != 0 {
                let q = ys.trailingZeroBitCount
                ys &= ys - 1
                r = min(r, subTable[p][q])
            }
        }
        return r
    }
}

/// One unit of a reading: its classes, and the first class as written (for the primary key).
private struct Unit {
    let mask: UInt32
    let first: Character
    let isConsonant: Bool
}

/// One alternative of a reading: a sequence of units (none: the grapheme is silent).
private struct Alternative {
    let diphthong: Bool
    let units: [Unit]
}

/// Parses the table notation: `|` between alternatives, `.` between units, `*` for DIPH.
private func reading(_ spec: String) -> [Alternative] {
    spec.split(separator: "|", omittingEmptySubsequences: false).map { raw in
        var alt = Substring(raw)
        let diphthong = alt.first == "*"
        if diphthong { alt = alt.dropFirst() }
        if alt.isEmpty { return Alternative(diphthong: diphthong, units: []) }
        let units = alt.split(separator: ".", omittingEmptySubsequences: false).map { u in
            Unit(mask: Classes.mask(u), first: u.first!, isConsonant: u.allSatisfy(\.isUppercase))
        }
        return Alternative(diphthong: diphthong, units: units)
    }
}

// MARK: - Tables

private enum ArabicTable {
    static let letters: [Unicode.Scalar: [Alternative]] = [
        "ا": "a", "أ": "aeiou", "إ": "i", "آ": "a",
        "ب": "B", "پ": "B", "ت": "T", "ط": "T", "ث": "ST", "ج": "JG", "چ": "X",
        "ح": "H", "خ": "KH", "د": "D", "ذ": "SD", "ر": "R", "ز": "S", "س": "S", "ش": "X",
        "ص": "S", "ض": "DS", "ظ": "SD", "ع": "aeiou", "غ": "G", "ف": "F", "ڤ": "F",
        "ق": "KG", "ك": "K", "گ": "G", "ل": "L", "م": "M", "ن": "N", "ه": "H",
        "و": "uW", "ي": "iY", "ى": "ai", "ة": "aeHT|ae.HT",
        "ء": "aeiou", "ؤ": "uW", "ئ": "iY",
    ].mapValues(reading)
    /// Token-initial readings (token of 2+ letters).
    static let initial: [Unicode.Scalar: [Alternative]] = ["ا": "aeiou", "و": "W", "ي": "Y"].mapValues(reading)
    /// Token-final readings (token of 2+ letters).
    static let final: [Unicode.Scalar: [Alternative]] = ["ه": "Hae"].mapValues(reading)
    static let digraphs: [([Unicode.Scalar], [Alternative])] = [(["ت", "ش"], reading("X"))]
    static let initialDigraphs: [([Unicode.Scalar], [Alternative])] = [
        (["ا", "و"], reading("u")), (["أ", "و"], reading("u")), (["ا", "ي"], reading("i")),
        (["أ", "ي"], reading("i")), (["إ", "ي"], reading("i")),
    ]
    /// Only when both names are Arabic is ain a letter of its own rather than a vowel.
    static let ainArabic = reading("Q")
    static let fold: [Unicode.Scalar: String] = [
        "ی": "ي", "ې": "ي", "ے": "ي", "ک": "ك", "ٱ": "ا", "ۀ": "ه", "ە": "ه", "ھ": "ه",
        "ڨ": "ق", "ڭ": "گ", "ﻻ": "لا",
    ]
    static let vowelLetters: Set<Unicode.Scalar> = ["ا", "و", "ى", "ي", "آ"]
    static let hamzas: Set<Unicode.Scalar> = ["ء", "ؤ", "ئ", "أ", "إ"]
    /// Prefixes after which a glued ال may be skipped (عبدالرحمن, أبوالخير).
    static let articleAfter: [[Unicode.Scalar]] = [["ع", "ب", "د"], ["ا", "ب", "و"], ["أ", "ب", "و"], ["ب", "و"]]
    static let sun: Set<Unicode.Scalar> = ["ت", "ث", "د", "ذ", "ر", "ز", "س", "ش", "ص", "ض", "ط", "ظ", "ل", "ن"]
    static let article: [Unicode.Scalar] = ["ا", "ل"]
    /// The silent waw of عمرو.
    static let amr: [Unicode.Scalar] = ["ع", "م", "ر", "و"]
}

/// A Latin grapheme rule: its context (`initial`, `final`, `before:xy`, joined by `-`) and reading.
private struct LatinRule {
    let context: String
    let reading: [Alternative]
}

private enum LatinTable {
    static let graphemes: [String: [LatinRule]] = {
        let raw: [String: [(String, String)]] = [
            // vowels
            "a": [("", "a|*a.iY")], "e": [("", "ei")], "i": [("", "i|*a.iY")], "o": [("", "ou")],
            "u": [("", "u")], "y": [("", "iY|*a.iY"), ("initial-before:aeiou", "Y")],
            "aa": [("", "ao")], "ae": [("", "eai")], "ai": [("", "eia|a.iY")], "ay": [("", "eia|a.iY")],
            "au": [("", "oua|a.uW")], "aw": [("", "o|a.uW")], "ea": [("", "iea")], "ee": [("", "ie")],
            "ei": [("", "ie|a.iY")], "ey": [("", "ei|a.iY")], "eu": [("", "oue|o.iY")],
            "eau": [("", "o")], "eo": [("", "oe")], "ie": [("", "ie")], "ii": [("", "i")],
            "oa": [("", "o")], "oe": [("", "ueo")], "oi": [("", "o.iY|uW.a")], "oo": [("", "uo")],
            "ou": [("", "u|a.uW"), ("initial", "W")], "ow": [("", "o|a.uW")], "uu": [("", "u")],
            "ij": [("", "iY|a.iY")], "iy": [("", "i")], "igh": [("", "i|a.iY")], "eigh": [("", "ie|a.iY")],
            // consonants
            "b": [("", "B")], "p": [("", "B")], "ph": [("", "F")], "f": [("", "F")],
            "v": [("", "FW")], "w": [("", "WF")],
            "t": [("", "T"), ("final", "TD")], "th": [("", "TS")], "tch": [("", "X")],
            "tsch": [("", "X")], "dt": [("", "T")],
            "d": [("", "D"), ("final", "DT")], "dh": [("", "DS")], "dj": [("", "J")],
            "dz": [("", "J")],
            "s": [("", "S"), ("before:tp", "SX")], "sh": [("", "X")], "sch": [("", "X")],
            "shch": [("", "X")], "sz": [("", "SX")], "sc": [("before:ei", "X")],
            "z": [("", "S|T.S")], "zh": [("", "JX")],
            "c": [("", "K|T.S"), ("before:eiy", "SXKJ|T.S"), ("final", "KX|T.S")],
            "ch": [("", "XK")], "cz": [("", "X")], "cs": [("", "X")], "ck": [("", "K")],
            "cq": [("", "K")],
            "k": [("", "K")], "kh": [("", "KH")],
            "q": [("", "KG"), ("before:i", "KGX")], "qu": [("", "KG|KG.W")],
            "g": [("", "GJK")], "gh": [("", "GH|")], "gn": [("", "N.iY")], "gli": [("", "L.iY")],
            "gu": [("before:ei", "GJK")],
            "h": [("", "H")], "j": [("", "JYKH")],
            "l": [("", "L")], "ll": [("", "L|iY")], "lh": [("", "L.iY")],
            "m": [("", "M")], "n": [("", "N")], "nh": [("", "N.iY")], "r": [("", "R")],
            "x": [("", "K.S|X|S|KH")],
            // spellings of a token's start or end
            "mc": [("initial", "M.a.K")], "kn": [("initial", "N")], "wr": [("initial", "R")],
            "wh": [("initial", "W")], "ier": [("final", "iY.iY.e|iY.e")],
        ]
        return raw.mapValues { $0.map { LatinRule(context: $0.0, reading: reading($0.1)) } }
    }()
    static let maxLength = graphemes.keys.map(\.count).max()!
    static let vowels: Set<Unicode.Scalar> = ["a", "e", "i", "o", "u", "y"]
    static let vowelDigraphs: Set<String> = Set(graphemes.keys.filter { g in
        g.count > 1 && (g.unicodeScalars.allSatisfy { vowels.contains($0) } || ["aw", "ow", "ij", "igh", "eigh"].contains(g))
    })
    static let fold: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "å": "aa", "ł": "l", "đ": "d", "ð": "d",
        "þ": "th", "ñ": "ny", "ş": "sh", "ș": "sh", "š": "sh", "č": "ch", "ć": "ch",
        "ž": "zh", "ç": "s", "ı": "i", "ğ": "g", "ţ": "t", "ț": "t",
    ]
    static let articles: Set<String> = [
        "al", "el", "ul", "il", "ad", "ar", "as", "ash", "ach", "at", "az", "an", "ed", "er", "ech",
        "es", "esh", "et", "ez", "en", "ath", "adh", "eth", "edh",
    ]
    /// Doubled sun consonants of an assimilated article, in the order the prototype's regex tries them.
    static let sunConsonants: [[Unicode.Scalar]] = ["th", "dh", "sh", "t", "d", "r", "z", "s", "n"].map { Array($0.unicodeScalars) }
}

// MARK: - Script and tokens

private enum Script {
    static func isArabicScalar(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0600...0x06FF, 0x0750...0x077F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return true
        default: return false
        }
    }

    static func isArabic(_ s: String) -> Bool { s.unicodeScalars.contains(where: isArabicScalar) }
}

private typealias Token = [Unicode.Scalar]

private enum Tokens {
    static func normalized(_ s: String, _ form: TextNormalizer.Form) -> String {
        (try? TextNormalizer.normalize(s, form: form)) ?? s
    }

    static func isArabicMark(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x0640, 0x06D6...0x06ED: return true
        default: return false
        }
    }

    static func isArabicLetter(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0621...0x064A, 0x067E, 0x0686, 0x06A4, 0x06AF: return true
        default: return false
        }
    }

    static func arabic(_ s: String) -> [Token] {
        var scalars: [Unicode.Scalar] = []
        for c in normalized(s, .nfc).unicodeScalars where !isArabicMark(c) {
            if let folded = ArabicTable.fold[c] { scalars.append(contentsOf: folded.unicodeScalars) } else { scalars.append(c) }
        }
        return split(scalars, isArabicLetter).map { $0 == ["ا", "ب", "ن"] ? ["ب", "ن"] : $0 }
    }

    static func latin(_ s: String) -> [Token] {
        var folded = ""
        for c in s.lowercased().unicodeScalars {
            if let f = LatinTable.fold[c] { folded += f } else { folded.unicodeScalars.append(c) }
        }
        let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{02BF}", "\u{02BE}", "`"]
        let scalars = normalized(folded, .nfd).unicodeScalars.filter {
            $0.properties.canonicalCombiningClass.rawValue == 0 && !apostrophes.contains($0)
        }
        return split(Array(scalars), { ("a"..."z").contains($0) }).map { tok in
            let word = String(String.UnicodeScalarView(tok))
            return ["ibn", "bin", "ben"].contains(word) ? ["b", "n"] : tok
        }
    }

    static func split(_ scalars: [Unicode.Scalar], _ keep: (Unicode.Scalar) -> Bool) -> [Token] {
        var out: [Token] = [], current: Token = []
        for c in scalars {
            if keep(c) { current.append(c) } else if !current.isEmpty { out.append(current); current = [] }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}

private func hasPrefix(_ tok: Token, _ p: [Unicode.Scalar], at i: Int = 0) -> Bool {
    i + p.count <= tok.count && tok[i..<(i + p.count)].elementsEqual(p)
}

// MARK: - Latin rules

private enum Latin {
    static let plainVowels: Set<Unicode.Scalar> = ["a", "e", "i", "o", "u"]

    /// Whether position i lies in the token's first vowel group not at its start.
    static func inFirstVowelGroup(_ tok: Token, _ i: Int) -> Bool {
        var k = 0
        while k + 1 < tok.count {
            if !LatinTable.vowels.contains(tok[k]) && LatinTable.vowels.contains(tok[k + 1]) {
                var end = k + 1
                while end < tok.count && LatinTable.vowels.contains(tok[end]) { end += 1 }
                return k + 1 <= i && i < end
            }
            k += 1
        }
        return false
    }

    static func contextHolds(_ context: String, _ tok: Token, _ i: Int, _ length: Int) -> Bool {
        if context.isEmpty { return true }
        let n = tok.count
        for part in context.split(separator: "-", omittingEmptySubsequences: false) {
            if part == "initial" {
                if i != 0 { return false }
            } else if part == "final" {
                if i + length != n { return false }
            } else if part.hasPrefix("before:") {
                var k = i + length
                if length == 1 { while k < n && tok[k] == tok[i] { k += 1 } }
                if k >= n || !part.dropFirst(7).unicodeScalars.contains(tok[k]) { return false }
            }
        }
        return true
    }

    /// (length, reading) of every rule that applies at position i, shortest grapheme first.
    static func rules(_ tok: Token, _ i: Int) -> [(Int, [Alternative])] {
        var out: [(Int, [Alternative])] = []
        for length in 1...LatinTable.maxLength where i + length <= tok.count {
            let grapheme = String(String.UnicodeScalarView(tok[i..<(i + length)]))
            guard let all = LatinTable.graphemes[grapheme] else { continue }
            var rules = all.filter { contextHolds($0.context, tok, i, length) }
            if length == 1 && rules.contains(where: { !$0.context.isEmpty }) { rules = rules.filter { !$0.context.isEmpty } }
            out += rules.map { (length, $0.reading) }
        }
        return out
    }

    static func deleteCost(_ tok: Token, _ i: Int) -> Double {
        let c = tok[i], n = tok.count
        if i > 0 && tok[i - 1] == c && !plainVowels.contains(c) { return Cost.dbl }
        if c == "h" { return Cost.hdel }
        if LatinTable.vowels.contains(c) && !(c == "y" && 0 < i && i < n - 1 && plainVowels.contains(tok[i + 1])) {
            if c == "e" && 0 < i && i < n - 1 && [["s"], ["n", "t"], ["n", "t", "s"]].contains(Array(tok[(i + 1)...])) { return Cost.lve }
            if i == n - 1 { return c == "e" ? Cost.lve : Cost.lvf }
            if i == 0 { return Cost.lvi }
            if plainVowels.contains(tok[i - 1]) || plainVowels.contains(tok[i + 1]) {
                return inFirstVowelGroup(tok, i) ? Cost.lvc1 : Cost.lvc
            }
            return c == "o" || c == "u" ? Cost.lvo : Cost.lv
        }
        if i == n - 1 && ["t", "s", "x", "z", "d"].contains(c) { return Cost.finc }
        return Cost.cdel
    }

    /// Length of a doubled sun consonant (`rr`, `shsh`) at position i, if any.
    static func doubledSun(_ tok: Token, at i: Int) -> Int? {
        LatinTable.sunConsonants.first { hasPrefix(tok, $0 + $0, at: i) }?.count
    }

    /// Letter spans of a glued article that may be skipped (al-, as-s..., abdul, abu-l...).
    static func articleSpans(_ tok: Token) -> [(Int, Int)] {
        var spans: [(Int, Int)] = []
        let n = tok.count
        if (hasPrefix(tok, ["a", "l"]) || hasPrefix(tok, ["e", "l"])) && n - 2 >= 3 { spans.append((0, 2)) }
        if n > 0, tok[0] == "a" || tok[0] == "e", let m = doubledSun(tok, at: 1), n - 1 - m >= 3 { spans.append((0, 1 + m)) }
        if hasPrefix(tok, ["a", "b", "d"]) && n >= 5 {
            if plainVowels.contains(tok[3]) && tok[4] == "l" { spans.append((3, 5)) }
            if plainVowels.contains(tok[3]), let m = doubledSun(tok, at: 4) { spans.append((3, 4 + m)) }
        }
        for p in ["abou", "abu", "abo", "bou", "bu"] {
            let p = Array(p.unicodeScalars)
            if hasPrefix(tok, p) && n > p.count + 3 && tok[p.count] == "l" {
                spans.append((p.count, p.count + 1))
                break
            }
        }
        return spans
    }
}

// MARK: - Keys

private enum Keys {
    static func collapse(_ k: String) -> String {
        var out = ""
        for c in k where c != out.last { out.append(c) }
        return out
    }

    /// The consonant skeleton of one token read greedily (longest grapheme, first rule, first
    /// alternative, first class); without collapse only a doubled letter is written once, which
    /// is the token's size (MATCHING.md 5.3).
    static func primary(_ tok: Token, arabic: Bool, collapse: Bool) -> String {
        var out = ""
        var i = 0
        let n = tok.count
        while i < n {
            var length = 1
            var spec: [Alternative]
            if arabic {
                spec = ArabicTable.letters[tok[i]] ?? []
                for (dg, dspec) in ArabicTable.digraphs where hasPrefix(tok, dg, at: i) { length = dg.count; spec = dspec }
                if length == 1 && i == 0 && n > 1, let s = ArabicTable.initial[tok[i]] { spec = s }
                else if length == 1 && i == n - 1 && n > 1, let s = ArabicTable.final[tok[i]] { spec = s }
            } else {
                let rules = Latin.rules(tok, i)
                if rules.isEmpty { i += 1; continue }
                length = rules.map(\.0).max()!
                spec = rules.first { $0.0 == length }!.1
            }
            let doubled = i > 0 && tok[i] == tok[i - 1]
            for unit in spec.first?.units ?? [] where unit.isConsonant && !doubled { out.append(unit.first) }
            i += length
        }
        return collapse ? Keys.collapse(out) : out
    }
}

// MARK: - Graph

private struct Edge {
    var to: Int
    /// Class bits; 0 for an ε edge (something that may be skipped).
    let mask: UInt32
    let unaligned: Double
    let extra: Double
    let token: Int
    let span: (Int, Int)
}

/// A name read as a DAG of units (MATCHING.md 5.1); nodes end up in topological order.
private struct NameGraph {
    var out: [[Edge]] = [[]]
    var sizes: [Int] = []
    var tokens: [Token] = []
    var arabic = false

    var count: Int { out.count }

    init(_ s: String, bothArabic: Bool) {
        arabic = Script.isArabic(s)
        tokens = arabic ? Tokens.arabic(s) : Tokens.latin(s)
        var current = 0
        for (t, tok) in tokens.enumerated() {
            let start = current
            let skippable: Bool
            if arabic {
                current = addArabicToken(from: start, tok, t, bothArabic: bothArabic)
                skippable = tok == ArabicTable.article
            } else {
                current = addLatinToken(from: start, tok, t)
                skippable = LatinTable.articles.contains(String(String.UnicodeScalarView(tok))) && t + 1 < tokens.count
            }
            if skippable { edge(start, current, 0, 0, t, (0, tok.count)) }
            sizes.append(Keys.primary(tok, arabic: arabic, collapse: false).count)
        }
        finish()
    }

    mutating func node() -> Int {
        out.append([])
        return out.count - 1
    }

    mutating func edge(_ a: Int, _ b: Int, _ mask: UInt32, _ unaligned: Double, _ token: Int, _ span: (Int, Int), extra: Double = 0) {
        out[a].append(Edge(to: b, mask: mask, unaligned: unaligned, extra: extra, token: token, span: span))
    }

    mutating func addAlternatives(_ a: Int, _ b: Int, _ spec: [Alternative], _ unaligned: Double, _ token: Int, _ span: (Int, Int)) {
        for alt in spec {
            let extra = alt.diphthong ? Cost.diph : 0.0
            if alt.units.isEmpty {
                edge(a, b, 0, Cost.silent, token, span)
                continue
            }
            let d = alt.units.count == 1 ? unaligned : Cost.mdel
            var u = a
            for (k, unit) in alt.units.enumerated() {
                let v = k == alt.units.count - 1 ? b : node()
                edge(u, v, unit.mask, d, token, span, extra: k == 0 ? extra : 0)
                u = v
            }
        }
    }

    /// Renumbers nodes topologically (the prototype's stack order, which fixes tie-breaks).
    mutating func finish() {
        let n = out.count
        var indegree = Array(repeating: 0, count: n)
        for edges in out { for e in edges { indegree[e.to] += 1 } }
        var order: [Int] = [], stack = [0]
        while let v = stack.popLast() {
            order.append(v)
            for e in out[v] {
                indegree[e.to] -= 1
                if indegree[e.to] == 0 { stack.append(e.to) }
            }
        }
        var number = Array(repeating: 0, count: n)
        for (k, v) in order.enumerated() { number[v] = k }
        out = order.map { v in out[v].map { var e = $0; e.to = number[e.to]; return e } }
    }

    static func arabicDeleteCost(_ tok: Token, _ i: Int) -> Double {
        let c = tok[i], n = tok.count
        if tok == ArabicTable.amr && i == 3 { return 0 }
        if i == 0 && (c == "ا" || c == "أ" || c == "إ") && n > 1 { return Cost.ainit }
        if ArabicTable.vowelLetters.contains(c) { return Cost.av }
        if c == "ع" { return Cost.ain }
        if ArabicTable.hamzas.contains(c) { return Cost.hamza }
        if c == "ة" { return Cost.atm }
        if c == "ه" && i == n - 1 && n > 1 { return Cost.afin }
        if i > 0 && tok[i - 1] == c { return Cost.dbl }
        return Cost.cdel
    }

    mutating func addArabicToken(from start: Int, _ tok: Token, _ t: Int, bothArabic: Bool) -> Int {
        let n = tok.count
        var pos = [start]
        for _ in tok { pos.append(node()) }
        for (i, c) in tok.enumerated() {
            guard var spec = ArabicTable.letters[c] else {
                edge(pos[i], pos[i + 1], 0, 0, t, (i, i + 1))
                continue
            }
            if bothArabic && c == "ع" { spec = ArabicTable.ainArabic }
            if i == 0 && n > 1, let s = ArabicTable.initial[c] { spec = s }
            else if i == n - 1 && n > 1, let s = ArabicTable.final[c] { spec = s }
            addAlternatives(pos[i], pos[i + 1], spec, Self.arabicDeleteCost(tok, i), t, (i, i + 1))
            for (dg, dspec) in ArabicTable.digraphs where hasPrefix(tok, dg, at: i) {
                addAlternatives(pos[i], pos[i + dg.count], dspec, Cost.cdel, t, (i, i + dg.count))
            }
            if i == 0 {
                for (dg, dspec) in ArabicTable.initialDigraphs where hasPrefix(tok, dg) && n > dg.count {
                    addAlternatives(pos[0], pos[dg.count], dspec, Cost.av, t, (0, dg.count))
                }
            }
        }
        let starts = [0] + ArabicTable.articleAfter.filter { hasPrefix(tok, $0) }.map(\.count)
        for st in starts where hasPrefix(tok, ArabicTable.article, at: st) && n - st - 2 >= 2 {
            edge(pos[st], pos[st + 2], 0, 0, t, (st, st + 2))
            // The assimilated article as Latin writes it: as-, ash-, an-, es-, ech-.
            if ArabicTable.sun.contains(tok[st + 2]) { edge(pos[st], pos[st + 2], Classes.mask("ae"), 0, t, (st, st + 2)) }
        }
        return pos[n]
    }

    mutating func addLatinToken(from start: Int, _ tok: Token, _ t: Int) -> Int {
        let n = tok.count
        var pos = [start]
        for _ in tok { pos.append(node()) }
        for i in 0..<n {
            let rules = Latin.rules(tok, i)
            for (length, spec) in rules {
                let unaligned: Double
                if length == 1 {
                    unaligned = Latin.deleteCost(tok, i)
                } else if LatinTable.vowelDigraphs.contains(String(String.UnicodeScalarView(tok[i..<(i + length)]))) {
                    unaligned = Latin.inFirstVowelGroup(tok, i) && i + length < n ? Cost.lvd1 : Cost.lvd
                } else {
                    unaligned = Cost.never
                }
                addAlternatives(pos[i], pos[i + length], spec, unaligned, t, (i, i + length))
            }
            if rules.isEmpty { edge(pos[i], pos[i + 1], 0, 0, t, (i, i + 1)) }
        }
        for (a, b) in Latin.articleSpans(tok) { edge(pos[a], pos[b], 0, 0, t, (a, b)) }
        return pos[n]
    }
}

// MARK: - Alignment

/// One step of the cheapest path: an edge of each name (nil: not consumed) and its cost.
private struct Step {
    let e1: Edge?
    let e2: Edge?
    let cost: Double
}

private enum Alignment {
    /// Cheapest alignment (MATCHING.md 5.2); ties keep the first value found, in the prototype's
    /// visiting order, because the vowel checks look at the path.
    static func align(_ g1: NameGraph, _ g2: NameGraph, limit: Double) -> (Double, [Step]) {
        let n = g1.count, m = g2.count
        var d = Array(repeating: Double.infinity, count: n * m)
        // Back-pointer: previous cell, edge index out of it in each name (-1: none), step cost.
        var back = Array(repeating: (cell: -1, k1: -1, k2: -1, cost: 0.0), count: n * m)
        d[0] = 0
        for i in 0..<n {
            for j in 0..<m {
                let here = d[i * m + j]
                if here > limit { continue }
                let cell = i * m + j
                for (k, e1) in g1.out[i].enumerated() {
                    let v = here + e1.unaligned
                    if v < d[e1.to * m + j] { d[e1.to * m + j] = v; back[e1.to * m + j] = (cell, k, -1, e1.unaligned) }
                }
                for (k, e2) in g2.out[j].enumerated() {
                    let v = here + e2.unaligned
                    if v < d[i * m + e2.to] { d[i * m + e2.to] = v; back[i * m + e2.to] = (cell, -1, k, e2.unaligned) }
                }
                for (k1, e1) in g1.out[i].enumerated() where e1.mask != 0 {
                    for (k2, e2) in g2.out[j].enumerated() where e2.mask != 0 {
                        let c = Classes.sub(e1.mask, e2.mask) + e1.extra + e2.extra
                        let v = here + c
                        let target = e1.to * m + e2.to
                        if v < d[target] { d[target] = v; back[target] = (cell, k1, k2, c) }
                    }
                }
            }
        }
        let cost = d[n * m - 1]
        if cost == .infinity { return (cost, []) }
        var steps: [Step] = []
        var cell = n * m - 1
        while cell != 0 {
            let b = back[cell]
            let (pi, pj) = (b.cell / m, b.cell % m)
            steps.append(Step(e1: b.k1 >= 0 ? g1.out[pi][b.k1] : nil, e2: b.k2 >= 0 ? g2.out[pj][b.k2] : nil, cost: b.cost))
            cell = b.cell
        }
        return (cost, steps.reversed())
    }

    /// Cost charged to each token of either name: to the token a step consumes on a side, or
    /// else to that side's last consumed token (the first before any).
    static func tokenCosts(_ g1: NameGraph, _ g2: NameGraph, _ steps: [Step]) -> ([Double], [Double]) {
        var c1 = Array(repeating: 0.0, count: g1.sizes.count), c2 = Array(repeating: 0.0, count: g2.sizes.count)
        var t1 = 0, t2 = 0
        for step in steps {
            if let e1 = step.e1 { t1 = e1.token }
            if let e2 = step.e2 { t2 = e2.token }
            c1[t1] += step.cost
            c2[t2] += step.cost
        }
        return (c1, c2)
    }

    /// For each Latin vowel run of 2+ letters none of whose letters is aligned or skipped with an
    /// article: whether it is the token's first vowel group.
    static func droppedVowelGroups(_ g: NameGraph, _ steps: [Step], side: Int) -> [Bool] {
        if g.arabic { return [] }
        var used = Array(repeating: Set<Int>(), count: g.tokens.count)
        for step in steps {
            guard let e = side == 0 ? step.e1 : step.e2 else { continue }
            let other = side == 0 ? step.e2 : step.e1
            if e.mask == 0 || other != nil { used[e.token].formUnion(e.span.0..<e.span.1) }
        }
        var out: [Bool] = []
        for (t, tok) in g.tokens.enumerated() {
            var i = 0
            while i < tok.count {
                guard LatinTable.vowels.contains(tok[i]) else { i += 1; continue }
                var end = i
                while end < tok.count && LatinTable.vowels.contains(tok[end]) { end += 1 }
                if end - i >= 2 && !(i..<end).contains(where: { used[t].contains($0) }) {
                    out.append(Latin.inFirstVowelGroup(tok, i))
                }
                i = end
            }
        }
        return out
    }

    /// Tokens of the Arabic long vowel letters (ا و ي ى, not token-initial) left unaligned.
    static func droppedLongVowels(_ g: NameGraph, _ steps: [Step], side: Int) -> [Int] {
        var out: [Int] = []
        for step in steps {
            guard let e = side == 0 ? step.e1 : step.e2, (side == 0 ? step.e2 : step.e1) == nil, e.mask != 0 else { continue }
            let (i, j) = e.span
            if j - i == 1 && i > 0 && ["ا", "و", "ي", "ى"].contains(g.tokens[e.token][i]) { out.append(e.token) }
        }
        return out
    }
}
