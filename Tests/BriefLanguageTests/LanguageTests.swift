import BriefResources
import Testing
@testable import BriefLanguage

private let repositoryRoot = "/" + String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")

@Suite struct StemmerTests {
    @Test func snowballStemmersForEveryAnalyzedLanguage() throws {
        let available = Set(Stemmer.algorithms)
        for algorithm in LanguageTools.algorithms.values { #expect(available.contains(algorithm), "\(algorithm)") }
        #expect(try Stemmer(algorithm: "english").stem("sanctions") == "sanction")
        #expect(try Stemmer(algorithm: "french").stem("sanctions") == "sanction")
        #expect(try Stemmer(algorithm: "porter").stem("missiles") == "missil")
        #expect(throws: LanguageError.noStemmer("klingon")) { try Stemmer(algorithm: "klingon") }
    }

    @Test func arabicCliticsAndSpellings() throws {
        let tools = try LanguageTools.load(language: "ar", from: DataDirectory(root: repositoryRoot))
        let plain = tools.stem(tools.normalize("الصواريخ"))
        #expect(plain == tools.stem(tools.normalize("والصواريخ")))
        #expect(ArabicNormalizer.normalize("إسرائيل") == "اسرائيل")
        #expect(ArabicNormalizer.normalize("مدرسة") == "مدرسه")
        #expect(ArabicNormalizer.normalize("مُحَمَّد") == "محمد")
        #expect(ArabicNormalizer.normalize("مستشفى") == "مستشفي")
        #expect(tools.isStopword(tools.normalize("في")))
    }

    @Test func stopwordsPerLanguage() throws {
        let data = DataDirectory(root: repositoryRoot)
        for (language, word) in [("en", "the"), ("fr", "les"), ("es", "los"), ("de", "und"), ("ru", "и"), ("tr", "ve")] {
            let tools = try LanguageTools.load(language: language, from: data)
            #expect(tools.isStopword(word), "\(language): \(word)")
            #expect(!tools.isStopword(tools.normalize("missile")), "\(language)")
        }
    }
}
