import BriefResources
import Foundation
import Testing
@testable import BriefEval

private let fixtures = "/" + String(#filePath).split(separator: "/").dropLast(2).joined(separator: "/") + "/Fixtures/rouge"

private func lines(_ name: String) throws -> [[String: Any]] {
    try String(contentsOfFile: fixtures + "/" + name, encoding: .utf8).split(separator: "\n").map {
        try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
}

/// Pins brief's ROUGE to Python rouge-score 0.1.2 on fixed pairs (see Tests/Fixtures/rouge/README.md).
@Suite struct RougeTests {
    func check(_ scores: RougeScores, _ expected: [String: Any], _ id: String) throws {
        for (name, score) in [("rouge1", scores.rouge1), ("rouge2", scores.rouge2), ("rougeLsum", scores.rougeLsum)] {
            let want = try #require(expected[name] as? [String: Any], "\(id) \(name)")
            let precision = (want["precision"] as? NSNumber)?.doubleValue ?? -1
            let recall = (want["recall"] as? NSNumber)?.doubleValue ?? -1
            let f1 = (want["fmeasure"] as? NSNumber)?.doubleValue ?? -1
            #expect(abs(score.precision - precision) < 1e-9, "\(id) \(name) precision")
            #expect(abs(score.recall - recall) < 1e-9, "\(id) \(name) recall")
            #expect(abs(score.f1 - f1) < 1e-9, "\(id) \(name) F1")
        }
    }

    @Test func matchesRougeScoreWithItsTokenizer() throws {
        let pairs = try lines("pairs.jsonl"), expected = try lines("expected.jsonl")
        #expect(pairs.count == expected.count && pairs.count >= 5)
        let root = "/" + String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")
        let tokenizer = try RougeTokenizer.load(language: "en", from: DataDirectory(root: root))
        #expect(tokenizer.tokens("Turkey's days of dying skies") == ["turkey", "s", "day", "of", "die", "sky"])
        for (pair, want) in zip(pairs, expected) {
            let id = pair["id"] as? String ?? "?"
            let prediction = (pair["prediction"] as? String ?? "").split(separator: "\n").map { tokenizer.tokens(String($0)) }
            let reference = (pair["reference"] as? String ?? "").split(separator: "\n").map { tokenizer.tokens(String($0)) }
            #expect(prediction.flatMap { $0 } == (want["prediction_tokens"] as? [String]), "\(id) prediction tokens")
            #expect(reference.flatMap { $0 } == (want["reference_tokens"] as? [String]), "\(id) reference tokens")
            try check(Rouge.score(prediction: prediction, reference: reference), want, id)
        }
    }

    @Test func unicodeTokenizerForOtherLanguages() throws {
        let pairs = try lines("pairs.jsonl"), expected = try lines("expected.jsonl")
        let tokenizer = try RougeTokenizer(language: "fr")
        #expect(tokenizer.tokens("L'été à Séoul: 58,5 %") == ["l", "été", "à", "séoul", "58", "5"])
        for (pair, want) in zip(pairs, expected) where pair["lang"] as? String == "fr" {
            let prediction = (pair["prediction"] as? String ?? "").split(separator: "\n").map { tokenizer.tokens(String($0)) }
            let reference = (pair["reference"] as? String ?? "").split(separator: "\n").map { tokenizer.tokens(String($0)) }
            try check(Rouge.score(prediction: prediction, reference: reference), try #require(want["unicode_nostem"] as? [String: Any]), "fr")
        }
    }

    @Test func bootstrapIntervalIsReproducibleAndHoldsTheMean() {
        let values = (0..<200).map { Double($0 % 17) / 17 }
        let a = BootstrapInterval(values), b = BootstrapInterval(values)
        #expect(a == b)
        let mean = values.reduce(0, +) / Double(values.count)
        #expect(a.low < mean && mean < a.high)
        #expect(a.high - a.low < 0.2)
        #expect(BootstrapInterval([]) == BootstrapInterval([], samples: 10))
    }
}
