import BriefResources
import Testing
@testable import BriefText

private let repositoryRoot = "/" + String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")

@Suite struct TextNormalizerTests {
    @Test func nfcAndNfkc() throws {
        #expect(try TextNormalizer.normalize("e\u{301}", form: .nfc) == "\u{E9}")
        #expect(try TextNormalizer.normalize("ﬁve ２", form: .nfkc) == "five 2")
        #expect(try TextNormalizer.normalize("\u{E9}", form: .nfd).unicodeScalars.count == 2)
    }

    @Test func arabicTatweelAndDiacritics() {
        #expect(TextNormalizer.removingTatweel("الـــيـــوم") == "اليوم")
        #expect(TextNormalizer.removingArabicDiacritics("مُحَمَّد") == "محمد")
        // Letters, including hamza forms, are kept.
        #expect(TextNormalizer.removingArabicDiacritics("إسرائيل") == "إسرائيل")
    }
}

@Suite struct ScriptDetectorTests {
    @Test func dominantScript() {
        #expect(ScriptDetector.profile(of: "هذا اليوم Iraq").dominant == .arabic)
        #expect(ScriptDetector.profile(of: "Turkey's S-400").dominant == .latin)
        #expect(ScriptDetector.profile(of: "Министерство обороны").dominant == .cyrillic)
        #expect(ScriptDetector.profile(of: "2024 — 12").dominant == .unknown)
        #expect(ScriptDetector.script(of: "ب") == .arabic)
    }
}

@Suite struct TransliteratorTests {
    @Test func icuTransformByID() throws {
        let latin = try Transliterator(transform: "Cyrillic-Latin")
        #expect(try latin.transliterate("Москва") == "Moskva")
        let ascii = try Transliterator(transform: "Latin-ASCII")
        #expect(try ascii.transliterate("Pyrénées") == "Pyrenees")
    }

    @Test func unknownTransformIsAnError() {
        #expect(throws: TextError.self) { try Transliterator(transform: "Klingon-Latin") }
    }

    @Test func customRulesFromModels() throws {
        let data = DataDirectory(root: repositoryRoot)
        let rules = try data.text("Models/translit/arabic-latin-readable.txt")
        let readable = try Transliterator(name: "brief-Arabic-Latin", rules: rules)
        let output = try readable.transliterate("الشمس")
        #expect(output.hasPrefix("ash-"))
        #expect(output.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func badRulesSayWhere() {
        #expect {
            try Transliterator(name: "broken", rules: "a > ;\n$undefined > b ;")
        } throws: { error in
            if case .transliterationRules(let id, _, _, _) = error as? TextError { return id == "broken" }
            return false
        }
    }

    @Test func longTextIsFedInPieces() throws {
        let latin = try Transliterator(transform: "Cyrillic-Latin")
        let line = String(repeating: "Москва ", count: 200)
        let text = Array(repeating: line, count: 10).joined(separator: "\n")
        let output = try latin.transliterate(text)
        #expect(output.split(separator: "\n").count == 10)
        #expect(output.hasPrefix("Moskva Moskva"))
    }
}
