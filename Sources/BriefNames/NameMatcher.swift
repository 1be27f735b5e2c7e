import BriefLanguage

/// Decides whether two spellings, in Arabic or Latin script, are the same name: both are read
/// as consonant skeletons (vowels, hamza and ain dropped, the article stripped, repeats
/// collapsed), with alternatives where a letter is ambiguous.
public struct NameMatcher: Sendable {
    public init() {}

    /// The matching key of a name: its consonant skeleton with the first alternative of each class.
    public func key(_ name: String) -> String {
        skeletons(name).first ?? ""
    }

    /// Whether `a` and `b` can be the same name.
    public func matches(_ a: String, _ b: String) -> Bool {
        let left = Set(skeletons(a)), right = skeletons(b)
        guard let first = right.first, !first.isEmpty else { return false }
        return right.contains { left.contains($0) }
    }

    /// Every skeleton a name can have, one per choice of alternatives (bounded).
    func skeletons(_ name: String) -> [String] {
        var results = [""]
        for classes in Self.classes(of: name) {
            var next: [String] = []
            for partial in results {
                for option in classes where next.count < 64 {
                    next.append(partial.hasSuffix(option) && !option.isEmpty ? partial : partial + option)
                }
            }
            results = next
        }
        return Array(Set(results)).sorted()
    }

    static let arabic: [Unicode.Scalar: [String]] = [
        "ب": ["B"], "ت": ["T"], "ط": ["T"], "ث": ["S", "T"], "ج": ["J", "G"], "ح": ["H"], "ه": ["H"], "خ": ["K"],
        "د": ["D"], "ض": ["D"], "ذ": ["S", "D"], "ر": ["R"], "ز": ["S"], "س": ["S"], "ص": ["S"], "ظ": ["S", "D"],
        "ش": ["X"], "غ": ["G"], "ف": ["F"], "ق": ["K"], "ك": ["K"], "ل": ["L"], "م": ["M"], "ن": ["N"],
        "پ": ["B"], "چ": ["X"], "ڤ": ["F"], "گ": ["G"],
    ]

    /// Per letter of the name, its consonant classes ([] to drop it).
    static func classes(of name: String) -> [[String]] {
        var scalars = Array(ArabicNormalizer.normalize(name.lowercased()).unicodeScalars)
        // The Arabic article, or a Latin "al-"/"el-", at the start.
        if scalars.count > 4, scalars[0] == "ا", scalars[1] == "ل" { scalars.removeFirst(2) }
        else if scalars.count > 4, (scalars[0] == "a" || scalars[0] == "e"), scalars[1] == "l", scalars[2] == "-" || scalars[2] == " " {
            scalars.removeFirst(3)
        }
        var out: [[String]] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : " "
            if let classes = arabic[scalar] { out.append(classes); index += 1; continue }
            switch (scalar, next) {
            case ("t", "h"): out.append(["S", "T"]); index += 2; continue
            case ("d", "h"): out.append(["S", "D"]); index += 2; continue
            case ("k", "h"): out.append(["K"]); index += 2; continue
            case ("g", "h"): out.append(["G"]); index += 2; continue
            case ("s", "h"), ("c", "h"): out.append(["X"]); index += 2; continue
            default: break
            }
            switch scalar {
            case "b", "p": out.append(["B"])
            case "t": out.append(["T"])
            case "d": out.append(["D"])
            case "j": out.append(["J"])
            case "g": out.append(["G", "J"])
            case "h": out.append(["H"])
            case "k", "q", "c": out.append(["K"])
            case "s", "z": out.append(["S"])
            case "r": out.append(["R"])
            case "l": out.append(["L"])
            case "m": out.append(["M"])
            case "n": out.append(["N"])
            case "f", "v": out.append(["F"])
            case "x": out.append(["K"]); out.append(["S"])
            default: break
            }
            index += 1
        }
        return out
    }
}
