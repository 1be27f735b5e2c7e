import ICUBridge

/// Unicode normalization through ICU, plus the Arabic clean-ups that search and matching need.
public enum TextNormalizer {
    /// A Unicode normalization form.
    public enum Form: Int32, Sendable, CaseIterable {
        case nfc = 0, nfkc = 1, nfd = 2, nfkd = 3
    }

    /// `text` in the given normalization form.
    public static func normalize(_ text: String, form: Form) throws(TextError) -> String {
        // Pure ASCII is already in every form; skipping ICU keeps decoding of English cheap.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        let units = Array(text.utf16)
        var status: Int32 = 0
        let normalized = units.withUnsafeBufferPointer { brief_is_normalized(form.rawValue, $0.baseAddress, Int32($0.count), &status) }
        try ICUStatus.check(status, "normalization check")
        if normalized == 1 { return text }
        let result = try withGrowingUTF16Buffer(initialCapacity: units.count + units.count / 4 + 8, operation: "normalization") {
            dest, capacity, status in
            units.withUnsafeBufferPointer { brief_normalize(form.rawValue, $0.baseAddress, Int32($0.count), dest, capacity, &status) }
        }
        return String(decoding: result, as: UTF16.self)
    }

    /// `text` without the Arabic tatweel (U+0640), which only stretches words for layout.
    public static func removingTatweel(_ text: String) -> String {
        guard text.unicodeScalars.contains("\u{0640}") else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter { $0 != "\u{0640}" })
        return String(scalars)
    }

    /// Whether a scalar is an Arabic vowel mark or other diacritic (harakat, tanwin, shadda,
    /// sukun, dagger alef, Quranic marks).
    public static func isArabicDiacritic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7, 0x06E8, 0x06EA...0x06ED:
            return true
        default:
            return false
        }
    }

    /// `text` without Arabic diacritics; letters are kept.
    public static func removingArabicDiacritics(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isArabicDiacritic) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter { !isArabicDiacritic($0) })
        return String(scalars)
    }
}
