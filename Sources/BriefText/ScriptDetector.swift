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
        var counts: [Script: Int] = [:]
        var cache: [UInt32: Script] = [:]
        for scalar in text.unicodeScalars.prefix(limit) {
            let script: Script
            if scalar.isASCII {
                // Unicode property lookups are slow; ASCII letters are known without them.
                let value = scalar.value | 0x20
                guard value >= 0x61, value <= 0x7A else { continue }
                script = .latin
            } else if !scalar.properties.isAlphabetic {
                continue
            } else if let known = cache[scalar.value] {
                script = known
            } else {
                script = Self.script(of: scalar)
                cache[scalar.value] = script
            }
            counts[script, default: 0] += 1
        }
        return ScriptProfile(letterCounts: counts)
    }
}
