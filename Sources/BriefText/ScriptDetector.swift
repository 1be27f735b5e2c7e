import ICUBridge

/// A writing system as ICU names it ("Latin", "Arabic", "Cyrillic" …).
public struct Script: Hashable, Sendable, CustomStringConvertible {
    /// ICU's long script name.
    public let name: String
    public var description: String { name }

    public init(name: String) { self.name = name }

    public static let latin = Script(name: "Latin")
    public static let arabic = Script(name: "Arabic")
    public static let cyrillic = Script(name: "Cyrillic")
    public static let unknown = Script(name: "Unknown")
}

/// How many letters of a text belong to each script.
public struct ScriptProfile: Sendable, Equatable {
    /// Letter counts per script, for scripts with at least one letter.
    public let letterCounts: [Script: Int]

    /// The script with the most letters, or `.unknown` for text without letters.
    public var dominant: Script {
        letterCounts.max { $0.value < $1.value || ($0.value == $1.value && $0.key.name > $1.key.name) }?.key ?? .unknown
    }

    /// The share of letters in `script` (0…1).
    public func share(of script: Script) -> Double {
        let total = letterCounts.values.reduce(0, +)
        return total == 0 ? 0 : Double(letterCounts[script] ?? 0) / Double(total)
    }
}

/// Finds the scripts of text with ICU's Unicode script property.
public enum ScriptDetector {
    /// The script of one code point; "Common" and "Inherited" for shared characters.
    public static func script(of scalar: Unicode.Scalar) -> Script {
        if scalar.isASCII {
            let value = scalar.value
            return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) ? .latin : Script(name: "Common")
        }
        var status: Int32 = 0
        let code = brief_script_of(scalar.value, &status)
        guard !ICUStatus.isFailure(status), let name = brief_script_name(code) else { return .unknown }
        return Script(name: String(cString: name))
    }

    /// Letter counts per script over `text` (or its first `limit` scalars).
    public static func profile(of text: some StringProtocol, limit: Int = 20_000) -> ScriptProfile {
        // Counted by index, not by Script (hashing a script's name per letter costs more than
        // the rest of the scan); ASCII letters need no Unicode property lookup at all.
        var latin = 0
        var scripts: [Script] = []
        var counts: [Int] = []
        var index: [UInt32: Int] = [:]
        var seen = 0
        func count(_ scalar: Unicode.Scalar) {
            if let known = index[scalar.value] {
                if known >= 0 { counts[known] += 1 }
                return
            }
            guard scalar.properties.isAlphabetic else {
                index[scalar.value] = -1
                return
            }
            let script = Self.script(of: scalar)
            let slot = scripts.firstIndex(of: script) ?? {
                scripts.append(script)
                counts.append(0)
                return scripts.count - 1
            }()
            index[scalar.value] = slot
            counts[slot] += 1
        }
        // Bytes, not scalars: most text is mostly ASCII, and decoding every scalar costs more.
        let scanned: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var position = 0
            while position < bytes.count {
                seen += 1
                if seen > limit { break }
                let byte = bytes[position]
                if byte < 0x80 {
                    let value = byte | 0x20
                    if value >= 0x61, value <= 0x7A { latin += 1 }
                    position += 1
                    continue
                }
                // U+2000–U+203F (E2 80 xx: spaces, dashes, curly quotes) are never letters; news
                // text is full of them.
                if byte == 0xE2, position + 2 < bytes.count, bytes[position + 1] == 0x80 {
                    position += 3
                    continue
                }
                var length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                length = min(length, bytes.count - position)
                var decoder = UTF8()
                var iterator = UnsafeBufferPointer(rebasing: bytes[position..<(position + length)]).makeIterator()
                if case .scalarValue(let scalar) = decoder.decode(&iterator) { count(scalar) }
                position += length
            }
        }
        if scanned == nil {
            for scalar in text.unicodeScalars {
                seen += 1
                if seen > limit { break }
                if scalar.isASCII {
                    let value = scalar.value | 0x20
                    if value >= 0x61, value <= 0x7A { latin += 1 }
                    continue
                }
                count(scalar)
            }
        }
        var letterCounts: [Script: Int] = [:]
        if latin > 0 { letterCounts[.latin] = latin }
        for (slot, script) in scripts.enumerated() where counts[slot] > 0 { letterCounts[script, default: 0] += counts[slot] }
        return ScriptProfile(letterCounts: letterCounts)
    }
}
