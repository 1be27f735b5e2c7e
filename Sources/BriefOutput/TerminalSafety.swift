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

    /// Whether `text` holds an unsafe character, read by its UTF-8 bytes (C1 controls are
    /// C2 80–9F; the bidi controls E2 80 AA–AE and E2 81 A6–A9).
    static func mayBeUnsafe(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20 && byte != 0x09 && byte != 0x0A || byte == 0x7F { return true }
                if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] >= 0x80, bytes[index + 1] <= 0x9F { return true }
                if byte == 0xE2, index + 2 < bytes.count {
                    let second = bytes[index + 1], third = bytes[index + 2]
                    if second == 0x80 && third >= 0xAA && third <= 0xAE || second == 0x81 && third >= 0xA6 && third <= 0xA9 { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// `text` without unsafe characters (the same string when it has none, checked by bytes).
    public static func clean(_ text: String) -> String {
        guard mayBeUnsafe(text) else { return text }
        var scalars = String.UnicodeScalarView()
        var changed = false
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) { changed = true } else { scalars.append(scalar) }
        }
        return changed ? String(scalars) : text
    }
}
