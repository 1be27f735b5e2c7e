import BriefResources
import BriefGlossary

/// A glossary term held to its approved equivalent in a translation.
public struct EnforcedTerm: Sendable, Equatable {
    public let conceptID: String
    /// As written in the source text.
    public let source: String
    /// What the translation must say.
    public let target: String
}

/// Holds glossary terms to their approved equivalents: each term found in the source is replaced
/// by its equivalent in the target language (names and designations without one are kept as
/// written) and wrapped so that the engine leaves it alone; afterwards the wrapping goes and the
/// spacing and capitals it disturbed are put right.
public struct GlossaryEnforcer {
    public let glossary: LoadedGlossary
    public let pair: LanguagePair

    /// People's names brief knows (their Latin spellings): kept as written, never translated
    /// ("Trump" is not "triunfo").
    public let knownNames: Set<String>

    /// Amounts written the target's way before the engine sees them ("$2.5bn" → "2,5 mil millones
    /// de dólares"): engines take "billion" for the target's 10^12 word.
    public let numbers: NumberWords?

    public init(glossary: LoadedGlossary, pair: LanguagePair, knownNames: Set<String> = [], numbers: NumberWords? = nil) {
        self.glossary = glossary
        self.pair = pair
        self.knownNames = knownNames
        self.numbers = numbers
    }

    /// The target term for a concept found as `surface`: for a designation the surface itself where
    /// the target writes it the same way ("S-400"), an acronym for an acronym ("NATO" → "OTAN"),
    /// else the preferred term.
    func equivalent(of concept: Concept, for surface: String) -> String? {
        guard let terms = concept.terms[pair.target], let preferred = terms.first else { return nil }
        let folded = surface.lowercased()
        // Designations are written as the article writes them when the target allows it; other
        // terms take the target's preferred form even when a variant matches ("Kenya" → "Kenia").
        if concept.type == .designation, let same = terms.first(where: { $0.lowercased() == folded }) { return same }
        let isAcronym: (String) -> Bool = { $0.count >= 2 && $0.count <= 8 && $0.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "-" } }
        if isAcronym(surface), let acronym = terms.first(where: isAcronym) { return acronym }
        return preferred
    }

    /// Byte ranges of known names in the text (capitalized words in `knownNames`, in runs).
    func names(in utf8: [UInt8]) -> [Range<Int>] {
        guard !knownNames.isEmpty else { return [] }
        var ranges: [Range<Int>] = []
        var index = 0
        while index < utf8.count {
            guard utf8[index] >= 0x41, utf8[index] <= 0x5A, index == 0 || !Self.isLetter(utf8[index - 1]) else { index += 1; continue }
            var end = index
            while end < utf8.count, Self.isLetter(utf8[end]) || utf8[end] == UInt8(ascii: "-") { end += 1 }
            if knownNames.contains(String(decoding: utf8[index..<end], as: UTF8.self)) {
                ranges.append(index..<end)
            }
            index = end
        }
        return ranges
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }

    static let open = "<apertium-notrans>", close = "</apertium-notrans>"

    /// The segment as escaped HTML with protected terms, and the terms it holds.
    public func protect(_ text: String) -> (html: String, terms: [EnforcedTerm]) {
        let utf8 = Array(text.utf8)
        var html = ""
        var terms: [EnforcedTerm] = []
        var copied = 0
        var spans: [(start: Int, end: Int, concept: Concept?, amount: NumberWords.Amount?)] =
            glossary.matcher.matches(in: text).map { ($0.start, $0.end, glossary.concept($0.concept), nil) }
        spans += names(in: utf8).map { ($0.lowerBound, $0.upperBound, nil, nil) }
        if let numbers {
            let taken = spans
            for amount in numbers.amounts(in: text)
            where !taken.contains(where: { $0.start < amount.range.upperBound && amount.range.lowerBound < $0.end }) {
                spans.append((amount.range.lowerBound, amount.range.upperBound, nil, amount))
            }
        }
        spans.sort { $0.start < $1.start }
        for span in spans where span.start >= copied {
            if let amount = span.amount {
                var target = amount.rendered
                if Self.opensSentence(utf8, at: span.start), let first = target.first, first.isLowercase {
                    target = first.uppercased() + target.dropFirst()
                }
                html += Self.escape(String(decoding: utf8[copied..<span.start], as: UTF8.self))
                html += Self.open + Self.escape(target) + Self.close
                // Outside the protection, so that the engine makes the target's "de" / "d'" from it.
                if let link = amount.link { html += " " + link }
                copied = span.end
                continue
            }
            var end = span.end
            // "S-400s", "Turkey's": the plural or possessive ending goes with the term, which the
            // target writes its own way.
            if end < utf8.count, utf8[end] == UInt8(ascii: "s"), end + 1 == utf8.count || !Self.isLetter(utf8[end + 1]) { end += 1 }
            else if end + 1 < utf8.count, utf8[end] == UInt8(ascii: "'"), utf8[end + 1] == UInt8(ascii: "s"),
                    end + 2 == utf8.count || !Self.isLetter(utf8[end + 2]) { end += 2 }
            else if end + 3 < utf8.count, utf8[end] == 0xE2, utf8[end + 1] == 0x80, utf8[end + 2] == 0x99, utf8[end + 3] == UInt8(ascii: "s"),
                    end + 4 == utf8.count || !Self.isLetter(utf8[end + 4]) { end += 4 }
            let surface = String(decoding: utf8[span.start..<end], as: UTF8.self)
            var target: String
            if let concept = span.concept {
                if let equivalent = equivalent(of: concept, for: String(decoding: utf8[span.start..<span.end], as: UTF8.self)) {
                    target = equivalent
                } else if concept.type != .term {
                    target = surface
                } else {
                    continue
                }
            } else {
                target = surface
            }
            if Self.opensSentence(utf8, at: span.start), let first = target.first, first.isLowercase {
                target = first.uppercased() + target.dropFirst()
            }
            html += Self.escape(String(decoding: utf8[copied..<span.start], as: UTF8.self))
            html += Self.open + Self.escape(target) + Self.close
            if let concept = span.concept { terms.append(EnforcedTerm(conceptID: concept.id, source: surface, target: target)) }
            copied = end
        }
        html += Self.escape(String(decoding: utf8[copied...], as: UTF8.self))
        return (html, terms)
    }

    /// The engine's HTML answer as plain text: no protection tags, entities decoded, spacing tidied.
    public static func restore(_ html: String, source: String = "") -> String {
        // After a protected term that opens a sentence the engine capitalizes the next word
        // ("Turquía Comprado el …"): a capitalized word there that the source does not write
        // with its capital is a translated common word, and goes back to lowercase.
        // Everything here works on bytes (see ByteSearch.swift: flags made Character search quadratic).
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var copied = 0
        for offset in html.byteOffsets(of: close + " ") {
            let after = offset + close.utf8.count + 1
            guard after >= copied else { continue }
            out.append(contentsOf: bytes[copied..<after])
            copied = after
            let word = Substring(String(decoding: bytes[after...].prefix(64), as: UTF8.self)).prefix { $0.isLetter }
            if let first = word.first, first.isUppercase, word.count == 1 || !word.allSatisfy(\.isUppercase),
               !containsWord(source, word) {
                out.append(contentsOf: word.lowercased().utf8)
                copied += word.utf8.count
            }
        }
        out.append(contentsOf: bytes[copied...])
        var text = String(decoding: out, as: UTF8.self).replacingBytes(of: open, with: "").replacingBytes(of: close, with: "")
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&amp;", "&")] {
            text = text.replacingBytes(of: entity, with: character)
        }
        // The tags can leave doubled spaces or a space before punctuation.
        while !text.byteOffsets(of: "  ").isEmpty { text = text.replacingBytes(of: "  ", with: " ") }
        for mark in [",", ".", ";", ":", ")"] { text = text.replacingBytes(of: " " + mark, with: mark) }
        text = text.replacingBytes(of: "( ", with: "(")
        return text
    }

    /// Whether `text` has `word` as a whole word: "Y" is not in "Youm".
    static func containsWord(_ text: String, _ word: Substring) -> Bool {
        let bytes = Array(text.utf8)
        let length = word.utf8.count
        for offset in text.byteOffsets(of: String(word)) {
            let before = offset > 0 ? String(decoding: bytes[max(0, offset - 4)..<offset], as: UTF8.self).unicodeScalars.last : nil
            let end = offset + length
            let after = end < bytes.count ? String(decoding: bytes[end..<min(bytes.count, end + 4)], as: UTF8.self).unicodeScalars.first : nil
            if !(before.map { $0.properties.isAlphabetic } ?? false), !(after.map { $0.properties.isAlphabetic } ?? false) { return true }
        }
        return false
    }

    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Whether nothing but spaces, quotes and brackets stands between `offset` and the start of
    /// the text or a sentence end.
    static func opensSentence(_ utf8: [UInt8], at offset: Int) -> Bool {
        var index = offset - 1
        while index >= 0, [0x20, 0x22, 0x28, 0x27, 0x0A].contains(utf8[index]) { index -= 1 }
        return index < 0 || [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(utf8[index])
    }
}
