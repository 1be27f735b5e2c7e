import BriefLanguage
import BriefText

/// A word or number of a text, as the matcher compares it.
struct TermToken {
    /// Lowercased, accents folded; Arabic normalized (alef forms, ta marbuta, marks).
    var key: String
    /// UTF-8 offsets in the text, kept in 32 bits (a text has one token per few bytes, and inputs
    /// are far below 2 GB): 32 bytes a token instead of 40.
    private var start32: Int32
    private var end32: Int32
    /// Whether it begins with a capital in the text.
    var capitalized: Bool
    /// Whether the characters since the previous token let a term continue across them: spaces,
    /// hyphens of every kind, a slash, an apostrophe; not a comma, bracket or sentence end.
    var joinsPrevious: Bool
    var isArabic: Bool
    var isNumber: Bool

    var start: Int { Int(start32) }
    var end: Int { Int(end32) }

    init(key: String, start: Int, end: Int, capitalized: Bool, joinsPrevious: Bool, isArabic: Bool, isNumber: Bool) {
        self.key = key
        start32 = Int32(truncatingIfNeeded: start)
        end32 = Int32(truncatingIfNeeded: end)
        self.capitalized = capitalized
        self.joinsPrevious = joinsPrevious
        self.isArabic = isArabic
        self.isNumber = isNumber
    }
}

/// Splits text into the tokens terms are matched on: runs of letters or of digits, so that
/// "S-400", "S400", "S‑400" and "S 400" all read s · 400, and "SAMP/T" and "SAMP-T" samp · t.
enum TermTokenizer {
    static func tokens(_ text: String) -> [TermToken] {
        var tokens: [TermToken] = []
        var current = String.UnicodeScalarView()
        var start = 0
        var kind = 0  // 0 none, 1 letters, 2 digits
        var arabic = false
        var capital = false
        var gapJoins = true
        var gapHasSpace = false
        var gapHasPeriod = false
        var joins = true
        var offset = 0
        func flush(at end: Int) {
            guard kind != 0 else { return }
            var key = String(current)
            if arabic {
                key = ArabicNormalizer.normalize(key)
            } else if kind == 1 {
                key = fold(key)
            }
            current = String.UnicodeScalarView()
            let wasKind = kind
            kind = 0
            // "S-400s", "F-35s": an s glued to a number is a plural, not a token.
            if wasKind == 1, key == "s", let last = tokens.last, last.isNumber, last.end == start { return }
            tokens.append(TermToken(key: key, start: start, end: end, capitalized: capital,
                                    joinsPrevious: joins, isArabic: arabic, isNumber: wasKind == 2))
        }
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            // ASCII needs no Unicode property lookup (most terms and most English text are ASCII).
            let isDigit = scalar.isASCII ? (0x30...0x39).contains(scalar.value) : scalar.properties.numericType == .decimal
            let isLetter = scalar.isASCII ? ((0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value))
                : !isDigit && (scalar.properties.isAlphabetic || isMark(scalar))
            let newKind = isDigit ? 2 : isLetter ? 1 : 0
            if newKind != 0 {
                let isArabicScalar = !scalar.isASCII && (0x0600...0x06FF).contains(scalar.value) || (0x0750...0x077F).contains(scalar.value)
                    || (0xFB50...0xFDFF).contains(scalar.value) || (0xFE70...0xFEFF).contains(scalar.value)
                if kind != 0, newKind != kind || (newKind == 1 && isArabicScalar != arabic && !isMark(scalar)) {
                    flush(at: offset)
                }
                if kind == 0 {
                    // "U.S." joins, ". " ends a sentence; commas, brackets and the like never join.
                    joins = tokens.isEmpty || (gapJoins && !(gapHasPeriod && gapHasSpace))
                    gapJoins = true
                    gapHasSpace = false
                    gapHasPeriod = false
                    start = offset
                    kind = newKind
                    arabic = newKind == 1 && isArabicScalar
                    capital = scalar.isASCII ? (0x41...0x5A).contains(scalar.value) : scalar.properties.isUppercase
                }
                if newKind == 2, !scalar.isASCII, let value = scalar.properties.numericValue {
                    current.append(Unicode.Scalar(UInt8(48 + Int(value))))
                } else {
                    current.append(scalar)
                }
            } else {
                flush(at: offset)
                switch scalar {
                case " ", "\t", "\u{00A0}", "\u{202F}", "\u{2009}":
                    gapHasSpace = true
                case "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "/", "'", "\u{2019}", "\u{0640}":
                    break
                case ".":
                    gapHasPeriod = true
                default:
                    gapJoins = false
                }
            }
            offset += width
        }
        flush(at: offset)
        return tokens
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Lowercase without accents ("Türkiye" → "turkiye"); ASCII needs only the case.
    static func fold(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
        // Canonical decomposition (ICU), then without the combining marks.
        let decomposed = (try? TextNormalizer.normalize(word, form: .nfd)) ?? word
        var folded = String.UnicodeScalarView()
        folded.append(contentsOf: decomposed.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark })
        return String(folded).lowercased()
    }

    /// The forms a text token may stand for: itself; for English, without a plural ending; for
    /// Arabic, without a glued conjunction, preposition or article ("والباتريوت" → "باتريوت").
    static func forms(of token: TermToken) -> [String] {
        let key = token.key
        if token.isArabic { return arabicForms(key) }
        guard !token.isNumber else { return [key] }
        var forms = [key]
        let scalars = Array(key.unicodeScalars)
        let count = scalars.count
        if count >= 4, scalars[count - 1] == "s", scalars[count - 2] != "s" {
            forms.append(String(String.UnicodeScalarView(scalars.dropLast())))
            if scalars[count - 2] == "e" { forms.append(String(String.UnicodeScalarView(scalars.dropLast(2)))) }
            if count >= 5, scalars[count - 2] == "e", scalars[count - 3] == "i" {
                forms.append(String(String.UnicodeScalarView(scalars.dropLast(3))) + "y")
            }
        }
        return forms
    }

    /// The key of a glossary term's Arabic token: normalized, without the article.
    static func arabicKey(_ normalized: String) -> String {
        stripArticle(normalized)
    }

    static func stripArticle(_ word: String) -> String {
        if word.hasPrefix("ال"), word.count >= 4 { return String(word.dropFirst(2)) }
        return word
    }

    static let proclitics = ["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"]

    static func arabicForms(_ word: String) -> [String] {
        var forms: [String] = []
        for prefix in proclitics where word.hasPrefix(prefix) {
            let rest = String(word.dropFirst(prefix.count))
            guard rest.count >= 2 else { continue }
            let stripped = stripArticle(rest)
            if !forms.contains(stripped) { forms.append(stripped) }
            // ل + ال loses its alef: "للناتو" is ل + الناتو.
            if prefix.hasSuffix("ل"), rest.hasPrefix("ل"), rest.count >= 4 {
                let form = String(rest.dropFirst())
                if !forms.contains(form) { forms.append(form) }
            }
        }
        return forms
    }
}
