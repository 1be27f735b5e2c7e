/// Arabic spelling normalization before stemming and matching: one form for letters that writers
/// interchange, and no marks.
public enum ArabicNormalizer {
    /// `word` with alef forms (أ إ آ ٱ) as ا, ta marbuta (ة) as ه, alef maksura (ى) as ي,
    /// and diacritics and tatweel removed.
    public static func normalize(_ word: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            switch scalar.value {
            case 0x0623, 0x0625, 0x0622, 0x0671: scalars.append("\u{0627}")
            case 0x0629: scalars.append("\u{0647}")
            case 0x0649: scalars.append("\u{064A}")
            case 0x0640, 0x064B...0x065F, 0x0670: continue
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// `word` without a conjunction or preposition glued before the article ("والصواريخ" →
    /// "الصواريخ"), which Snowball's Arabic stemmer does not strip.
    public static func strippingClitics(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count > 4 else { return word }
        // و ف ب ك ل before ال
        let proclitics: Set<UInt32> = [0x0648, 0x0641, 0x0628, 0x0643, 0x0644]
        if proclitics.contains(scalars[0].value), scalars[1] == "\u{0627}", scalars[2] == "\u{0644}" {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars.dropFirst())
            return String(view)
        }
        // وال + ل… ("للصواريخ" is ل + الصواريخ with the alef dropped): leave to the stemmer.
        return word
    }
}
