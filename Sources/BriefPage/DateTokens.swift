import BriefLanguage
import BriefText

/// One token of text as the date scanner sees it: a run of digits, a run of letters, or one other
/// character. Offsets are UTF-8 byte offsets into the scanned text.
struct DateToken: Sendable {
    enum Kind: UInt8, Sendable { case number, word, punct }
    /// What separates a token from the one before it; dates never span a line break.
    enum Gap: UInt8, Sendable { case none, space, newline }

    var kind: Kind
    var gap: Gap
    // 32-bit fields keep a token at 16 bytes: a hostile megabyte of "1/1/1/…" is a million tokens.
    private var digitCount: UInt16
    private var startOffset: Int32
    private var endOffset: Int32
    private var storedValue: Int32

    init(kind: Kind, gap: Gap, start: Int, end: Int, value: Int, digits: Int) {
        self.kind = kind
        self.gap = gap
        digitCount = UInt16(clamping: digits)
        startOffset = Int32(clamping: start)
        endOffset = Int32(clamping: end)
        storedValue = Int32(clamping: value)
    }

    var start: Int { Int(startOffset) }
    var end: Int {
        get { Int(endOffset) }
        set { endOffset = Int32(clamping: newValue) }
    }
    /// A number's value (-1 past nine digits), or a punctuation token's scalar value.
    var value: Int {
        get { Int(storedValue) }
        set { storedValue = Int32(clamping: newValue) }
    }
    /// How many digits a number has.
    var digits: Int {
        get { Int(digitCount) }
        set { digitCount = UInt16(clamping: newValue) }
    }
}

/// Splits text into `DateToken`s in one pass; linear in the input, whatever it holds.
enum DateTokenizer {
    /// Offsets are 32-bit: text past 2 GB is not read (no page comes near it).
    static let maximumBytes = Int(Int32.max) - 8

    static func tokens(_ bytes: [UInt8]) -> [DateToken] {
        var tokens: [DateToken] = []
        tokens.reserveCapacity(bytes.count / 4)
        var gap = DateToken.Gap.none
        var index = 0
        let count = min(bytes.count, maximumBytes)
        while index < count {
            let (scalar, width) = decode(bytes, at: index)
            let start = index
            index += width
            if let digit = digit(scalar) {
                // Digits of any of the three scripts extend a number, as in "٢٠٢٣" or "2023".
                if let last = tokens.last, last.kind == .number, last.end == start {
                    tokens[tokens.count - 1].end = index
                    tokens[tokens.count - 1].digits += 1
                    if last.value >= 0 { tokens[tokens.count - 1].value = last.digits >= 9 ? -1 : last.value * 10 + digit }
                } else {
                    tokens.append(DateToken(kind: .number, gap: gap, start: start, end: index, value: digit, digits: 1))
                    gap = .none
                }
                continue
            }
            switch classify(scalar) {
            case .newline:
                gap = .newline
            case .space:
                if gap == .none { gap = .space }
            case .ignorable:
                // Direction marks, zero-width joiners, soft hyphens: part of whatever they sit in.
                if let last = tokens.last, last.end == start, last.kind != .punct { tokens[tokens.count - 1].end = index }
            case .letter, .apostrophe:
                if let last = tokens.last, last.kind == .word, last.end == start {
                    tokens[tokens.count - 1].end = index
                } else if classify(scalar) == .letter {
                    tokens.append(DateToken(kind: .word, gap: gap, start: start, end: index, value: 0, digits: 0))
                    gap = .none
                } else {
                    tokens.append(DateToken(kind: .punct, gap: gap, start: start, end: index, value: Int(scalar), digits: 0))
                    gap = .none
                }
            case .other:
                tokens.append(DateToken(kind: .punct, gap: gap, start: start, end: index, value: Int(scalar), digits: 0))
                gap = .none
            }
        }
        return tokens
    }

    enum Class { case letter, apostrophe, space, newline, ignorable, other }

    static func classify(_ scalar: UInt32) -> Class {
        switch scalar {
        case 0x41...0x5A, 0x61...0x7A: return .letter
        case 0x20, 0x09, 0x0B, 0x0C, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: return .newline
        case 0xAD, 0x061C, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF: return .ignorable
        // "Rabi'", "l'hégire", "Shaʻban": inside a word only (a lone quote stays punctuation).
        case 0x27, 0x60, 0x2019, 0x02BB, 0x02BC: return .apostrophe
        case 0..<0x80: return .other
        default:
            guard let value = Unicode.Scalar(scalar) else { return .other }
            let properties = value.properties
            if properties.isAlphabetic { return .letter }
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return .letter
            default: return .other
            }
        }
    }

    /// The value of an ASCII, Arabic-Indic or Persian (Extended Arabic-Indic) digit.
    static func digit(_ scalar: UInt32) -> Int? {
        switch scalar {
        case 0x30...0x39: return Int(scalar - 0x30)
        case 0x0660...0x0669: return Int(scalar - 0x0660)
        case 0x06F0...0x06F9: return Int(scalar - 0x06F0)
        default: return nil
        }
    }

    /// The scalar at `index` of valid UTF-8 (a Swift String's bytes) and its width in bytes.
    static func decode(_ bytes: [UInt8], at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        func next(_ offset: Int) -> UInt32 { UInt32(bytes[index + offset] & 0x3F) }
        switch lead {
        case 0..<0x80: return (lead, 1)
        case 0xC0..<0xE0: return ((lead & 0x1F) << 6 | next(1), 2)
        case 0xE0..<0xF0: return ((lead & 0x0F) << 12 | next(1) << 6 | next(2), 3)
        default: return ((lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3), 4)
        }
    }
}

/// The form words are compared in: lowercase, without Latin accents, with Arabic letters that
/// writers interchange made one (BriefLanguage's `ArabicNormalizer`) and without marks.
enum DateWordKey {
    /// Longer words are never a month, weekday or cue word: they are not folded at all, which
    /// keeps a hostile megabyte-long "word" cheap.
    static let maximumBytes = 64

    static func fold(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.count <= maximumBytes else { return "" }
        if bytes.allSatisfy({ $0 < 0x80 }) {
            var ascii = [UInt8]()
            ascii.reserveCapacity(bytes.count)
            for byte in bytes where DateTokenizer.classify(UInt32(byte)) == .letter {
                ascii.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            }
            return String(decoding: ascii, as: UTF8.self)
        }
        var word = String(decoding: bytes, as: UTF8.self)
        word = ArabicNormalizer.normalize(TextNormalizer.removingArabicDiacritics(word))
        // Canonical decomposition (ICU), then without the combining accents: "août" → "aout".
        if word.unicodeScalars.contains(where: { $0.value >= 0xC0 && $0.value < 0x0250 }) {
            word = (try? TextNormalizer.normalize(word, form: .nfd)) ?? word
        }
        var kept = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            switch DateTokenizer.classify(scalar.value) {
            case .apostrophe, .ignorable: continue
            default:
                if scalar.properties.generalCategory == .nonspacingMark { continue }
                kept.append(scalar)
            }
        }
        return String(kept).lowercased()
    }
}

/// Phrases of one or more tokens ("Jul", "كانون الثاني", "a.m.") with a value each, found at a
/// token position by looking at that token's key first: constant work per position.
struct PhraseTable<Value: Sendable & Equatable>: Sendable {
    /// Phrases by the key of their first token, longest first.
    private(set) var entries: [String: [(keys: [String], value: Value)]] = [:]

    var isEmpty: Bool { entries.isEmpty }

    /// The keys of a phrase as written in a data file, or nil when it holds a digit.
    static func keys(of form: String) -> [String]? {
        let bytes = Array(form.utf8)
        var keys: [String] = []
        for token in DateTokenizer.tokens(bytes) {
            switch token.kind {
            case .number: return nil
            case .word: keys.append(DateWordKey.fold(bytes[token.start..<token.end]))
            case .punct: keys.append(String(Unicode.Scalar(UInt32(token.value)).map(Character.init) ?? " "))
            }
        }
        return keys.isEmpty || keys.contains("") ? nil : keys
    }

    /// The value already given to these keys, if any.
    func value(for keys: [String]) -> Value? {
        entries[keys[0]]?.first { $0.keys == keys }?.value
    }

    mutating func insert(_ keys: [String], _ value: Value) {
        var list = entries[keys[0], default: []]
        guard !list.contains(where: { $0.keys == keys }) else { return }
        list.append((keys, value))
        list.sort { $0.keys.count > $1.keys.count }
        entries[keys[0]] = list
    }

    /// The longest phrase starting at `first` whose keys `key(i)` gives: its value and the index
    /// after it. `key` returns nil past the line or the text.
    func match(at first: Int, key: (Int) -> String?) -> (value: Value, end: Int)? {
        guard let head = key(first), let candidates = entries[head] else { return nil }
        for candidate in candidates {
            var matched = true
            for offset in 1..<max(candidate.keys.count, 1) where key(first + offset) != candidate.keys[offset] {
                matched = false
                break
            }
            if matched { return (candidate.value, first + candidate.keys.count) }
        }
        return nil
    }
}
