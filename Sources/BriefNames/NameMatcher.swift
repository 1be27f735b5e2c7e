import BriefResources
import BriefText

/// Decides whether two spellings, in Arabic or Latin script, are the same name (Models/translit/MATCHING.md).
public struct NameMatcher: Sendable {
    /// The matcher's classes, costs and letter tables, under the data folder.
    public static let tablesPath = "Models/translit/name-matching.txt"

    let tables: NameMatchingTables

    /// A matcher with the tables of `text`, in the format of `tablesPath`; `file` names it in errors.
    public init(tables text: String, file: String = NameMatcher.tablesPath) throws(NamesError) {
        tables = try NameMatchingTables(parsing: text, file: file)
    }

    /// The matcher with the data folder's tables. Each call reads and parses the file: callers
    /// load once and keep the matcher (only the commands that match names pay for it).
    public static func load(from data: DataDirectory) throws(NamesError) -> NameMatcher {
        let text: String
        do { text = try data.text(tablesPath) } catch { throw NamesError(problem: error.description) }
        return try NameMatcher(tables: text, file: data.path(tablesPath))
    }

    /// The primary consonant skeleton of a name (MATCHING.md 7.1), for display and grouping only.
    public func key(_ name: String) -> String {
        let t = tables
        let arabic = t.isArabic(name)
        let tokens = arabic ? Tokens.arabic(name, t) : Tokens.latin(name, t)
        return Keys.collapse(tokens.map { Keys.primary($0, arabic: arabic, collapse: true, t) }.joined())
    }

    /// Longest name matched, in Unicode scalars: far above any real name, and it bounds the
    /// alignment table (cells grow with the product of the two lengths).
    public static let maxNameLength = 256

    /// Why a name cannot be matched: nil when it can.
    public static func problem(with name: String) -> NamesError? {
        let length = name.unicodeScalars.count
        guard length > maxNameLength else { return nil }
        return NamesError(problem: "a name of \(length) characters, over the \(maxNameLength)-character limit of name matching")
    }

    /// Whether `a` and `b` can be the same name: the cheapest alignment of their graphs is within
    /// every token's threshold and the vowel checks hold (MATCHING.md 5). Names over
    /// `maxNameLength` never match (callers say why with `problem(with:)`).
    public func matches(_ a: String, _ b: String) -> Bool {
        if Self.problem(with: a) != nil || Self.problem(with: b) != nil { return false }
        let t = tables
        let bothArabic = t.isArabic(a) && t.isArabic(b)
        let g1 = NameGraph(a, bothArabic: bothArabic, t), g2 = NameGraph(b, bothArabic: bothArabic, t)
        if g1.sizes.isEmpty || g2.sizes.isEmpty { return false }
        // Every step is charged once to a token of each name, so the total is bounded by the sum
        // of either name's thresholds; cells above it need not be extended. The epsilon absorbs
        // the rounding of sums of tenths.
        let limit = min(g1.sizes.reduce(0.0) { $0 + t.threshold($1) },
                        g2.sizes.reduce(0.0) { $0 + t.threshold($1) }) + 1e-9
        let (cost, steps) = Alignment.align(g1, g2, limit: limit, t)
        if cost > limit { return false }
        // A long Latin vowel after the first syllable must correspond to something.
        for (g, side) in [(g1, 0), (g2, 1)] where Alignment.droppedVowelGroups(g, steps, side: side, t).contains(where: { !$0 }) {
            return false
        }
        // Both Arabic: an unaligned long vowel in a short token separates same-root names (محمد / محمود).
        if g1.arabic && g2.arabic {
            for (g, side) in [(g1, 0), (g2, 1)]
            where Alignment.droppedLongVowels(g, steps, side: side, t).contains(where: { g.sizes[$0] <= t.longVowelMaxSize }) {
                return false
            }
        }
        let (c1, c2) = Alignment.tokenCosts(g1, g2, steps)
        return zip(c1, g1.sizes).allSatisfy { $0 <= t.threshold($1) + 1e-9 }
            && zip(c2, g2.sizes).allSatisfy { $0 <= t.threshold($1) + 1e-9 }
    }
}

// MARK: - Script and tokens

private typealias Token = [Unicode.Scalar]

private enum Tokens {
    static func normalized(_ s: String, _ form: TextNormalizer.Form) -> String {
        (try? TextNormalizer.normalize(s, form: form)) ?? s
    }

    static func arabic(_ s: String, _ t: NameMatchingTables) -> [Token] {
        var scalars: [Unicode.Scalar] = []
        for c in normalized(s, .nfc).unicodeScalars where !t.arabicMarks.contains(c) {
            if let folded = t.arabicFolds[c] { scalars.append(contentsOf: folded.unicodeScalars) } else { scalars.append(c) }
        }
        return split(scalars, t.arabicLetterRanges.contains).map { t.arabicRewrites[$0] ?? $0 }
    }

    static func latin(_ s: String, _ t: NameMatchingTables) -> [Token] {
        var folded = ""
        for c in s.lowercased().unicodeScalars {
            if let f = t.latinFolds[c] { folded += f } else { folded.unicodeScalars.append(c) }
        }
        let scalars = normalized(folded, .nfd).unicodeScalars.filter {
            $0.properties.canonicalCombiningClass.rawValue == 0 && !t.apostrophes.contains($0)
        }
        return split(Array(scalars), t.latinLetters.contains).map { tok in
            t.latinRewrites[String(String.UnicodeScalarView(tok))] ?? tok
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
    /// Whether position i lies in the token's first vowel group not at its start.
    static func inFirstVowelGroup(_ tok: Token, _ i: Int, _ t: NameMatchingTables) -> Bool {
        var k = 0
        while k + 1 < tok.count {
            if !t.vowels.contains(tok[k]) && t.vowels.contains(tok[k + 1]) {
                var end = k + 1
                while end < tok.count && t.vowels.contains(tok[end]) { end += 1 }
                return k + 1 <= i && i < end
            }
            k += 1
        }
        return false
    }

    static func contextHolds(_ rule: LatinRule, _ tok: Token, _ i: Int, _ length: Int) -> Bool {
        let n = tok.count
        if rule.initial && i != 0 { return false }
        if rule.final && i + length != n { return false }
        for letters in rule.before {
            var k = i + length
            if length == 1 { while k < n && tok[k] == tok[i] { k += 1 } }
            if k >= n || !letters.contains(tok[k]) { return false }
        }
        return true
    }

    /// (length, reading) of every rule that applies at position i, shortest grapheme first.
    static func rules(_ tok: Token, _ i: Int, _ t: NameMatchingTables) -> [(Int, [Alternative])] {
        var out: [(Int, [Alternative])] = []
        for length in 1...t.maxGraphemeLength where i + length <= tok.count {
            let grapheme = String(String.UnicodeScalarView(tok[i..<(i + length)]))
            guard let all = t.graphemes[grapheme] else { continue }
            var rules = all.filter { contextHolds($0, tok, i, length) }
            if length == 1 && rules.contains(where: \.hasContext) { rules = rules.filter(\.hasContext) }
            out += rules.map { (length, $0.reading) }
        }
        return out
    }

    static func deleteCost(_ tok: Token, _ i: Int, _ t: NameMatchingTables) -> Double {
        let c = tok[i], n = tok.count, cost = t.costs
        if i > 0 && tok[i - 1] == c && !t.plainVowels.contains(c) { return cost.dbl }
        if t.aspirates.contains(c) { return cost.hdel }
        if t.vowels.contains(c) && !(t.glides.contains(c) && 0 < i && i < n - 1 && t.plainVowels.contains(tok[i + 1])) {
            if t.silentE.contains(c) && 0 < i && i < n - 1 && t.silentEEndings.contains(Array(tok[(i + 1)...])) { return cost.lve }
            if i == n - 1 { return t.silentE.contains(c) ? cost.lve : cost.lvf }
            if i == 0 { return cost.lvi }
            if t.plainVowels.contains(tok[i - 1]) || t.plainVowels.contains(tok[i + 1]) {
                return inFirstVowelGroup(tok, i, t) ? cost.lvc1 : cost.lvc
            }
            return t.roundedVowels.contains(c) ? cost.lvo : cost.lv
        }
        if i == n - 1 && t.silentFinals.contains(c) { return cost.finc }
        return cost.cdel
    }

    /// Length of a doubled sun consonant (`rr`, `shsh`) at position i, if any.
    static func doubledSun(_ tok: Token, at i: Int, _ t: NameMatchingTables) -> Int? {
        t.sunConsonants.first { hasPrefix(tok, $0 + $0, at: i) }?.count
    }

    /// Letter spans of a glued article that may be skipped (al-, as-s..., abdul, abu-l...).
    static func articleSpans(_ tok: Token, _ t: NameMatchingTables) -> [(Int, Int)] {
        var spans: [(Int, Int)] = []
        let n = tok.count, rest = t.latinArticleMinRest, l = t.articleConsonant
        if n >= 2 && t.articleVowels.contains(tok[0]) && tok[1] == l && n - 2 >= rest { spans.append((0, 2)) }
        if n > 0, t.articleVowels.contains(tok[0]), let m = doubledSun(tok, at: 1, t), n - 1 - m >= rest { spans.append((0, 1 + m)) }
        for p in t.abdPrefixes where hasPrefix(tok, p) && n >= p.count + 2 {
            let k = p.count
            if t.plainVowels.contains(tok[k]) && tok[k + 1] == l { spans.append((k, k + 2)) }
            if t.plainVowels.contains(tok[k]), let m = doubledSun(tok, at: k + 1, t) { spans.append((k, k + 1 + m)) }
        }
        for p in t.abuPrefixes where hasPrefix(tok, p) && n - p.count - 1 >= rest && tok[p.count] == l {
            spans.append((p.count, p.count + 1))
            break
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
    static func primary(_ tok: Token, arabic: Bool, collapse: Bool, _ t: NameMatchingTables) -> String {
        var out = ""
        var i = 0
        let n = tok.count
        while i < n {
            var length = 1
            var spec: [Alternative]
            if arabic {
                let letter = t.arabicLetters[tok[i]]
                spec = letter?.reading ?? []
                for pair in t.arabicDigraphs where hasPrefix(tok, pair.letters, at: i) { length = pair.letters.count; spec = pair.reading }
                if length == 1 && i == 0 && n > 1, let s = letter?.initial { spec = s }
                else if length == 1 && i == n - 1 && n > 1, let s = letter?.final { spec = s }
            } else {
                let rules = Latin.rules(tok, i, t)
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

    init(_ s: String, bothArabic: Bool, _ tables: NameMatchingTables) {
        arabic = tables.isArabic(s)
        tokens = arabic ? Tokens.arabic(s, tables) : Tokens.latin(s, tables)
        var current = 0
        for (t, tok) in tokens.enumerated() {
            let start = current
            let skippable: Bool
            if arabic {
                current = addArabicToken(from: start, tok, t, bothArabic: bothArabic, tables)
                skippable = tok == tables.article
            } else {
                current = addLatinToken(from: start, tok, t, tables)
                skippable = tables.articles.contains(String(String.UnicodeScalarView(tok))) && t + 1 < tokens.count
            }
            if skippable { edge(start, current, 0, 0, t, (0, tok.count)) }
            sizes.append(Keys.primary(tok, arabic: arabic, collapse: false, tables).count)
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

    mutating func addAlternatives(_ a: Int, _ b: Int, _ spec: [Alternative], _ unaligned: Double, _ token: Int, _ span: (Int, Int),
                                  _ cost: Costs) {
        for alt in spec {
            let extra = alt.diphthong ? cost.diph : 0.0
            if alt.units.isEmpty {
                edge(a, b, 0, cost.silent, token, span)
                continue
            }
            let d = alt.units.count == 1 ? unaligned : cost.mdel
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

    /// The cost of leaving letter i unaligned: a silent letter's 0, then the letter's cost for
    /// its position, its general cost, and a consonant's (DBL after the same letter, else CDEL).
    static func arabicDeleteCost(_ tok: Token, _ i: Int, _ t: NameMatchingTables) -> Double {
        let c = tok[i], n = tok.count
        if i == n - 1 && t.silentLast.contains(tok) { return 0 }
        let letter = t.arabicLetters[c]
        if i == 0 && n > 1, let cost = letter?.initialCost { return cost }
        if i == n - 1 && n > 1, let cost = letter?.finalCost { return cost }
        if let cost = letter?.cost { return cost }
        if i > 0 && tok[i - 1] == c { return t.costs.dbl }
        return t.costs.cdel
    }

    mutating func addArabicToken(from start: Int, _ tok: Token, _ t: Int, bothArabic: Bool, _ tables: NameMatchingTables) -> Int {
        let n = tok.count
        var pos = [start]
        for _ in tok { pos.append(node()) }
        for (i, c) in tok.enumerated() {
            guard let letter = tables.arabicLetters[c], var spec = letter.reading else {
                edge(pos[i], pos[i + 1], 0, 0, t, (i, i + 1))
                continue
            }
            if bothArabic, let s = letter.bothArabic { spec = s }
            if i == 0 && n > 1, let s = letter.initial { spec = s }
            else if i == n - 1 && n > 1, let s = letter.final { spec = s }
            addAlternatives(pos[i], pos[i + 1], spec, Self.arabicDeleteCost(tok, i, tables), t, (i, i + 1), tables.costs)
            for pair in tables.arabicDigraphs where hasPrefix(tok, pair.letters, at: i) {
                addAlternatives(pos[i], pos[i + pair.letters.count], pair.reading, pair.unaligned, t, (i, i + pair.letters.count), tables.costs)
            }
            if i == 0 {
                for pair in tables.arabicInitialDigraphs where hasPrefix(tok, pair.letters) && n > pair.letters.count {
                    addAlternatives(pos[0], pos[pair.letters.count], pair.reading, pair.unaligned, t, (0, pair.letters.count), tables.costs)
                }
            }
        }
        let starts = [0] + tables.articleAfter.filter { hasPrefix(tok, $0) }.map(\.count)
        let k = tables.article.count
        for st in starts where hasPrefix(tok, tables.article, at: st) && n - st - k >= tables.arabicArticleMinRest {
            edge(pos[st], pos[st + k], 0, 0, t, (st, st + k))
            // The assimilated article as Latin writes it: as-, ash-, an-, es-, ech-.
            if tables.sunLetters.contains(tok[st + k]) { edge(pos[st], pos[st + k], tables.assimilatedArticle, 0, t, (st, st + k)) }
        }
        return pos[n]
    }

    mutating func addLatinToken(from start: Int, _ tok: Token, _ t: Int, _ tables: NameMatchingTables) -> Int {
        let n = tok.count
        var pos = [start]
        for _ in tok { pos.append(node()) }
        for i in 0..<n {
            let rules = Latin.rules(tok, i, tables)
            for (length, spec) in rules {
                let unaligned: Double
                if length == 1 {
                    unaligned = Latin.deleteCost(tok, i, tables)
                } else if tables.vowelDigraphs.contains(String(String.UnicodeScalarView(tok[i..<(i + length)]))) {
                    unaligned = Latin.inFirstVowelGroup(tok, i, tables) && i + length < n ? tables.costs.lvd1 : tables.costs.lvd
                } else {
                    unaligned = tables.costs.never
                }
                addAlternatives(pos[i], pos[i + length], spec, unaligned, t, (i, i + length), tables.costs)
            }
            if rules.isEmpty { edge(pos[i], pos[i + 1], 0, 0, t, (i, i + 1)) }
        }
        for (a, b) in Latin.articleSpans(tok, tables) { edge(pos[a], pos[b], 0, 0, t, (a, b)) }
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
    static func align(_ g1: NameGraph, _ g2: NameGraph, limit: Double, _ t: NameMatchingTables) -> (Double, [Step]) {
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
                        let c = t.sub(e1.mask, e2.mask) + e1.extra + e2.extra
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
    static func droppedVowelGroups(_ g: NameGraph, _ steps: [Step], side: Int, _ tables: NameMatchingTables) -> [Bool] {
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
                guard tables.vowels.contains(tok[i]) else { i += 1; continue }
                var end = i
                while end < tok.count && tables.vowels.contains(tok[end]) { end += 1 }
                if end - i >= 2 && !(i..<end).contains(where: { used[t].contains($0) }) {
                    out.append(Latin.inFirstVowelGroup(tok, i, tables))
                }
                i = end
            }
        }
        return out
    }

    /// Tokens of the Arabic long vowel letters (not token-initial) left unaligned.
    static func droppedLongVowels(_ g: NameGraph, _ steps: [Step], side: Int, _ tables: NameMatchingTables) -> [Int] {
        var out: [Int] = []
        for step in steps {
            guard let e = side == 0 ? step.e1 : step.e2, (side == 0 ? step.e2 : step.e1) == nil, e.mask != 0 else { continue }
            let (i, j) = e.span
            if j - i == 1 && i > 0 && tables.longVowels.contains(g.tokens[e.token][i]) { out.append(e.token) }
        }
        return out
    }
}
