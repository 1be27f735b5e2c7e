/// Output for people: outside text (articles, engine and server answers) may carry control
/// characters that drive a terminal (`ESC ] 0 ; … BEL` sets its title, CSI moves the cursor) or
/// bidi overrides that reorder what is shown. None of them reaches text output.
public enum TerminalSafety {
    /// C0 controls other than tab and newline, DEL, C1 controls, and the bidi embeddings,
    /// overrides and isolates (U+202A–U+202E, U+2066–U+2069). Marks such as U+200F (RLM) and
    /// U+061C (ALM) stay: Arabic text uses them.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return false
        case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `text` without unsafe characters (the same string when it has none, checked by bytes).
    public static func clean(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return text }
        var scalars = String.UnicodeScalarView()
        var changed = false
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) { changed = true } else { scalars.append(scalar) }
        }
        return changed ? String(scalars) : text
    }
}
