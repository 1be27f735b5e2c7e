import BriefResources
import Foundation
import Testing
@testable import BriefRepair

let repositoryRoot = "/" + String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")
let sharedFolder = URL(fileURLWithPath: repositoryRoot).deletingLastPathComponent().appendingPathComponent("shared").path

func repairer(_ language: String = "en") throws -> Repairer {
    let model = try #require(try RepairModel.load(language: language, from: DataDirectory(root: repositoryRoot)))
    return Repairer(model: model)
}

@Suite struct WordFrequencyTableTests {
    @Test func findsWordsInPlace() throws {
        let table = try WordFrequencyTable(path: repositoryRoot + "/Models/wordfreq/en.tsv")
        #expect(table.count > 100_000)
        let the = try #require(table.zipf("the"))
        #expect(the > 7)
        #expect(try #require(table.zipf("raytheon")) > 2)
        #expect(table.zipf("defensesystems") == nil)
        #expect(table.zipf("") == nil)
        #expect(table.zipf("zzzzzzzzzzzz") == nil)
    }

    @Test func missingFileIsAnError() {
        #expect(throws: RepairModelError.missingFile("/no/such.tsv")) { try WordFrequencyTable(path: "/no/such.tsv") }
    }
}

@Suite struct RepairerTests {
    /// Clean text with one glitch takes the token path; it must report what the full pass would.
    @Test func glitchInCleanTextIsFixedInPlace() throws {
        let filler = String(repeating: "The ministry said the talks would continue next week in the capital. ", count: 9)
        let text = filler + "Officials heard.Shocking news came later.\nA\u{00A0}second line follows here."
        let fixed = try repairer().repair(text)
        #expect(fixed.text == filler + "Officials heard. Shocking news came later.\nA second line follows here.")
        let inserted = try #require(fixed.edits.first { $0.kind == .insertedSpace })
        #expect(inserted.line == 1)
        #expect(inserted.column == filler.unicodeScalars.count + 17)
        #expect(inserted.context == "cials heard.|Shocking new")
        let space = try #require(fixed.edits.first { $0.kind == .normalizedSpace })
        #expect(space.line == 2 && space.column == 2)
        // The same text with its glitch made a second time in another line must give the same
        // edit there: the token path and the full pass agree on where lines start.
        let twice = try repairer().repair(text + "\nThey heard.Shocking news again.")
        #expect(twice.text.hasSuffix("They heard. Shocking news again."))
        #expect(twice.edits.filter { $0.kind == .insertedSpace }.map(\.line) == [1, 3])
    }

    /// Long clean text with a few glitches and quotes: quotes whose role does not depend on the
    /// quotes before them keep the token path, and it finds what the full pass would.
    @Test func glitchesBesideQuotesInCleanText() throws {
        let filler = String(repeating: "The ministry said the talks would continue next week in the capital. ", count: 9)
        let text = "(CNN)Sofia met the envoy. " + filler + "He called it \"a good start,\" and left.Officials said the government's plan stands."
        let fixed = try repairer().repair(text)
        #expect(fixed.text == "(CNN) Sofia met the envoy. " + filler
                + "He called it \"a good start,\" and left. Officials said the government's plan stands.")
        #expect(fixed.insertedSpaces == 2)
    }

    /// In text with signs of glue, a long word joined by an apostrophe is weighed whole, as in
    /// the full pass.
    @Test func gluedElisionInFrenchTextWithGlitches() throws {
        let filler = String(repeating: "Le ministre a déclaré que les discussions continueront la semaine prochaine. ", count: 9)
        let fixed = try repairer("fr").repair(filler + "Il a parlé.Elle a appelé à faire le choix del'alternance fondamentale.")
        #expect(fixed.text.hasSuffix("Il a parlé. Elle a appelé à faire le choix de l'alternance fondamentale."))
    }

    @Test func sentencesGluedAtParagraphBreaks() throws {
        let result = try repairer().repair("Turkey wants the jets, Reuters reported.Turkey and the United States disagree. “We are ready,” he said.“We will act.”")
        #expect(result.text == "Turkey wants the jets, Reuters reported. Turkey and the United States disagree. “We are ready,” he said. “We will act.”")
        #expect(result.insertedSpaces == 2)
    }

    @Test func gluedWordsWithoutLayout() throws {
        let result = try repairer().repair("Talks with the UnitedStates continued on Tuesday.")
        #expect(result.text == "Talks with the United States continued on Tuesday.")
        #expect(result.edits.first?.reason == "glued words (word frequencies)")
    }

    @Test func abbreviationsDecimalsAndNamesStay() throws {
        let text = "The U.S. paid $2.5bn to Raytheon Co. for Patriot batteries; EUROSAM and MBDA offered SAMP-T. Hulusi Akar met Morgan Ortagus. CAATSA applies."
        #expect(try repairer().repair(text).text == text)
    }

    @Test func cleanTextIsLeftAlone() throws {
        // Seen in real CNN text: names, brands, censored words, addresses and tags are right as they are.
        let text = "Martin O'Neill told Downey Jr.'s fans on his iPad that he doesn't give a f--- about it. " +
            "Visit thepromise.sja.org.uk or www.example.com and follow #TransformYourself and @UnderArmourUK today."
        #expect(try repairer().repair(text).text == text)
    }

    @Test func longCleanTextWithNonBreakingSpaces() throws {
        // Long enough for the quick checks: only the spaces change, and each change is listed.
        let sentence = "The ministry said talks with three suppliers would continue until the budget is approved. "
        let text = String(repeating: sentence, count: 8) + "Mr.\u{00A0}Smith agreed."
        let result = try repairer().repair(text)
        #expect(result.text == String(repeating: sentence, count: 8) + "Mr. Smith agreed.")
        #expect(result.edits.map(\.kind) == [.normalizedSpace])
        #expect(result.edits.first?.column == sentence.count * 8 + 4)
    }

    @Test func characterRepairs() throws {
        let result = try repairer().repair("air\u{00AD}craft\u{00A0}carrier and\u{2009}drones\u{200B}")
        #expect(result.text == "aircraft carrier and drones")
        #expect(result.edits.map(\.kind) == [.removedCharacter, .normalizedSpace, .normalizedSpace, .removedCharacter])
        #expect(result.edits[0].line == 1 && result.edits[0].column == 4)
    }

    @Test func arabicPassesUnharmed() throws {
        let text = "قالت وزارة الدفاع التركية إنها تستعد لعقوبات أمريكية محتملة.وأضاف الوزير أن المحادثات مستمرة."
        #expect(try repairer().repair(text).text == text)
        #expect(Repairer(model: nil).repair(text).text == text)
    }

    @Test func frenchElisionsStay() throws {
        let text = "L’armée de l'air d’Ankara n’a pas reçu l’autorisation qu’elle attendait aujourd’hui."
        #expect(try repairer("fr").repair(text).text == text)
    }

    @Test func editsCarryLineColumnAndContext() throws {
        let result = try repairer().repair("First line.\nTalks with the UnitedStates went on.")
        let edit = try #require(result.edits.first)
        #expect(edit.kind == .insertedSpace)
        #expect(edit.line == 2 && edit.column == 22)
        #expect(edit.context.hasSuffix("United|States went "))
    }

    @Test func hardWrappedArticleIsUnwrapped() throws {
        // A paragraph hard-wrapped at 60 columns whose line breaks were then deleted.
        let original = """
        Iraq's defense ministry said on Sunday it had opened talks with three suppliers for a \
        medium-range air defense system, a month after drone attacks on bases in Anbar exposed \
        gaps in the country's radar coverage. The spokesman said offers from South Korea, France \
        and the United States were being studied by a technical committee, and that no decision \
        would be made before the budget for next year was approved by parliament in Baghdad.
        """
        var lines: [String] = []
        var line = ""
        for word in original.split(separator: " ") {
            if line.isEmpty { line = String(word) } else if line.count + 1 + word.count <= 60 { line += " " + word } else { lines.append(line); line = String(word) }
        }
        lines.append(line)
        let damaged = lines.joined()
        #expect(damaged != original)
        #expect(try repairer().repair(damaged).text == original)
    }
}

/// Word-boundary precision and recall on the evaluation set, the way ../shared/tools/score_repair.py
/// counts them (repair only inserts spaces, so characters align one to one).
@Suite struct RepairEvaluationTests {
    @Test func englishReachesTheIssueFigures() throws {
        let file = sharedFolder + "/eval/repair/rewrapped-en.jsonl"
        guard FileManager.default.fileExists(atPath: file) else {
            print("skipped: \(file) is absent (evaluation data lives in ../shared/eval)")
            return
        }
        let repair = try repairer()
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        for line in lines {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let damaged = try #require(record["damaged"] as? String), original = try #require(record["original"] as? String)
            let (gold, before) = (boundaries(original), boundaries(damaged))
            let predicted = boundaries(repair.repair(damaged).text)
            let wanted = gold.subtracting(before), got = predicted.subtracting(before)
            truePositives += wanted.intersection(got).count
            falsePositives += got.subtracting(wanted).count
            falseNegatives += wanted.subtracting(got).count
        }
        let precision = Double(truePositives) / Double(truePositives + falsePositives)
        let recall = Double(truePositives) / Double(truePositives + falseNegatives)
        let f1 = 2 * precision * recall / (precision + recall)
        print("repair on \(lines.count) rewrapped-en articles: precision \(precision), recall \(recall), F1 \(f1)")
        #expect(precision >= 0.98)
        #expect(f1 >= 0.95)
    }

    /// Positions (in non-space characters) where whitespace stands between two characters.
    func boundaries(_ text: String) -> Set<Int> {
        var result: Set<Int> = []
        var count = 0
        var pending = false
        for scalar in text.unicodeScalars where scalar != "\u{00AD}" && scalar != "\u{200B}" {
            if scalar.properties.isWhitespace { pending = true; continue }
            if pending && count > 0 { result.insert(count) }
            pending = false
            count += 1
        }
        return result
    }
}

@Suite struct HashTableTests {
    @Test func keepsEveryKeyThroughGrowth() {
        var table = HashTable<Int>()
        #expect(table[42] == nil)
        // Keys that share their low bits, and 0, which needs no special care.
        let keys: [UInt64] = [0] + (1...5_000).map { UInt64($0) << 40 | 7 }
        for (index, key) in keys.enumerated() { table.set(key, index) }
        #expect(table.count == keys.count)
        #expect(keys.enumerated().allSatisfy { table[$0.element] == $0.offset })
        table.set(keys[3], -1)
        #expect(table[keys[3]] == -1 && table.count == keys.count)
        #expect(table[UInt64(5_001) << 40 | 7] == nil)
        table.removeAll()
        #expect(table.count == 0 && table[keys[1]] == nil)
    }
}
