import Foundation
import Testing

@Suite struct SummarizeCommandTests {
    let example = "Examples/al-mada-air-defense.txt"

    @Test func summarizesTheBundledExample() throws {
        let result = try BriefBinary.run(["summarize", example])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasPrefix("Source: Al-Mada (المدى) · Iraq Politics\n\nIraq’s defense ministry said on Sunday"))
        #expect(result.stdout.contains("Brig. Gen. Yahya Rasool"))
    }

    @Test func jsonFromStandardInput() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: BriefBinary.repositoryRoot + "/" + example))
        let result = try BriefBinary.run(["summarize", "-", "--format", "json", "--sentences", "2"], input: bytes)
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["source"] as? String == "-")
        let sentences = try #require(object["sentences"] as? [[String: Any]])
        #expect(sentences.map { $0["index"] as? Int } == [0, 1])
    }

    @Test func seedArticle() throws {
        let seed = BriefBinary.shared + "/seed/hatha-al-youm-s400.txt"
        guard FileManager.default.fileExists(atPath: seed) else {
            print("skipped: \(seed) is absent (the seed article lives in ../shared)")
            return
        }
        let result = try BriefBinary.run(["summarize", seed, "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let sentences = try #require(object["sentences"] as? [[String: Any]])
        #expect(sentences.count == 3)
        #expect((sentences[0]["text"] as? String)?.hasPrefix("Turkey’s defense minister said") == true)
        #expect((object["head"] as? [String: String])?["source"] == "(Hatha al-Youm | Iraq News )-")
    }

    @Test func jsonLinesWithABadRecordGoesOn() throws {
        let input = """
        {"id": "a", "text": "First sentence. Second sentence. Third sentence.", "lang": "en"}
        {"id": "b", "text": 42}
        not json at all
        {"id": 3, "text": "   "}
        {"id": "c", "title": "T", "text": "Only one sentence here."}
        """
        let result = try BriefBinary.run(["summarize", "--jsonl", "-", "--sentences", "2"], input: Data(input.utf8))
        #expect(result.status == 3)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines == [
            #"{"id":"a","sentences":["First sentence.","Second sentence."]}"#,
            #"{"id":"b","error":"line 2: 'text' must be a string"}"#,
            #"{"id":null,"error":"line 3: not valid JSON"}"#,
            #"{"id":3,"error":"line 4: empty input"}"#,
            #"{"id":"c","sentences":["Only one sentence here."]}"#,
        ])
        #expect(result.stderr.contains("3 of 5 lines failed"))
    }

    @Test func evaluationDataRunsWithoutErrors() throws {
        let data = BriefBinary.shared + "/eval/summarization/cnndm.jsonl"
        guard FileManager.default.fileExists(atPath: data) else {
            print("skipped: \(data) is absent (evaluation data lives in ../shared/eval)")
            return
        }
        let result = try BriefBinary.run(["summarize", "--jsonl", data, "--sentences", "3"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        let inputLines = try String(contentsOfFile: data, encoding: .utf8).split(separator: "\n").count
        #expect(lines.count == inputLines)
        #expect(lines.allSatisfy { !$0.contains(#""error":"#) })
    }

    @Test func helpAndVersion() throws {
        let help = try BriefBinary.run(["summarize", "--help"])
        #expect(help.status == 0)
        for option in ["--sentences", "--format", "--jsonl", "--encoding", "--lang", "--max-size"] {
            #expect(help.stdout.contains(option))
        }
        let version = try BriefBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("brief "))
    }

    @Test func usageErrors() throws {
        #expect(try BriefBinary.run(["summarize"]).status == 64)
        #expect(try BriefBinary.run(["summarize", example, "--sentences", "0"]).status == 64)
        #expect(try BriefBinary.run(["summarize", example, "--format", "pdf"]).status == 64)
        #expect(try BriefBinary.run(["summarize", example, "--lang", "../../etc"]).status == 64)
    }
}

@Suite struct RepairCommandTests {
    let seed = BriefBinary.shared + "/seed/hatha-al-youm-s400.txt"

    @Test func seedGluedWordsRepairedNamesIntact() throws {
        guard FileManager.default.fileExists(atPath: seed) else {
            print("skipped: \(seed) is absent (the seed article lives in ../shared)")
            return
        }
        let result = try BriefBinary.run(["repair", seed])
        #expect(result.status == 0)
        let text = result.stdout
        for repaired in ["for potential", "defense systems", "United States", "several fronts", "Minister Hulusi",
                         "Ortagus said", "Syria east", "battery in", "reported. Turkey", "F-35s and", "threats. “We"] {
            #expect(text.contains(repaired), "expected '\(repaired)'")
        }
        for glued in ["forpotential", "defensesystems", "UnitedStates", "severalfronts", "MinisterHulusi", "Ortagussaid",
                      "Syriaeast", "batteryin", "reported.Turkey"] {
            #expect(!text.contains(glued), "still glued: '\(glued)'")
        }
        let words = Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { String($0).trimmingCharacters(in: .punctuationCharacters) })
        for name in ["Hulusi", "Akar", "Ortagus", "Raytheon", "CAATSA", "EUROSAM", "SAMP-T", "Euphrates", "Hatha", "al-Youm"] {
            #expect(words.contains(name), "name broken: '\(name)'")
        }
    }

    @Test func explainListsChanges() throws {
        let input = Data("Talks with the UnitedStates went on.Turkey waits.".utf8)
        let result = try BriefBinary.run(["repair", "-", "--explain"], input: input)
        #expect(result.status == 0)
        #expect(result.stdout.contains("1:22: inserted space \"h the United|States went \": glued words (word frequencies)"))
        #expect(result.stdout.hasSuffix("2 changes, 2 spaces inserted\n"))
    }

    @Test func jsonlWithField() throws {
        let input = """
        {"id": 1, "damaged": "It said so.Then it left."}
        {"id": 2, "text": "no damaged field"}
        """
        let result = try BriefBinary.run(["repair", "--jsonl", "-", "--field", "damaged"], input: Data(input.utf8))
        #expect(result.status == 3)
        #expect(result.stdout == "{\"id\":1,\"text\":\"It said so. Then it left.\"}\n{\"id\":2,\"error\":\"line 2: no 'damaged' field\"}\n")
    }

    @Test func summarizeRepairsByDefault() throws {
        let input = Data("Turkey wants the jets, Reuters reported.Turkey and the United States disagree.".utf8)
        let repaired = try BriefBinary.run(["summarize", "-", "--format", "json"], input: input)
        #expect(repaired.stdout.contains("\"sentence_count\": 2"))
        let raw = try BriefBinary.run(["summarize", "-", "--format", "json", "--no-repair"], input: input)
        #expect(raw.stdout.contains("\"sentence_count\": 1"))
    }
}

@Suite struct EvalAndMethodsTests {
    let records = """
    {"id": "a", "text": "Turkey bought Russian S-400 missiles on Monday. Washington threatened sanctions. A football match was played. The weather stayed mild.", "summaries": ["Turkey bought S-400 missiles.\\nWashington threatened sanctions."]}
    {"id": "b", "text": "Iraq opened talks on air defense. Three suppliers made offers. Parliament must approve the budget.", "summaries": ["Iraq opened air defense talks with three suppliers."]}
    {"id": "c", "text": 12, "summaries": []}
    """

    @Test func evalPrintsRougeWithIntervals() throws {
        let path = try BriefBinary.temporaryFile("eval.jsonl", Data(records.utf8))
        let predictions = path + ".predictions.jsonl"
        let result = try BriefBinary.run(["eval", "--data", path, "--method", "lead", "--sentences", "2", "--predictions", predictions])
        #expect(result.status == 0)
        #expect(result.stdout.contains("2 articles, method lead, 2 sentences"))
        for name in ["ROUGE-1", "ROUGE-2", "ROUGE-Lsum"] { #expect(result.stdout.contains(name)) }
        #expect(result.stdout.contains("95% CI"))
        #expect(result.stderr.contains("line 3: not an evaluation record"))
        let written = try String(contentsOfFile: predictions, encoding: .utf8)
        #expect(written.hasPrefix(#"{"id":"a","sentences":["Turkey bought Russian S-400 missiles on Monday.","Washington threatened sanctions."]}"#))
    }

    @Test func methodsBudgetsAndExplain() throws {
        let example = "Examples/al-mada-air-defense.txt"
        for method in ["default", "lead", "centrality"] {
            let result = try BriefBinary.run(["summarize", example, "--method", method, "--format", "json"])
            #expect(result.status == 0, "\(method)")
            #expect(result.stdout.contains("\"method\": \"\(method)\""))
        }
        let words = try BriefBinary.run(["summarize", example, "--words", "40", "--format", "json"])
        #expect(words.status == 0)
        let explained = try BriefBinary.run(["summarize", example, "--explain"])
        #expect(explained.stdout.contains("method default"))
        #expect(explained.stdout.contains("centrality="))
        #expect(try BriefBinary.run(["summarize", example, "--words", "10", "--sentences", "2"]).status == 64)
        #expect(try BriefBinary.run(["summarize", example, "--ratio", "1.5"]).status == 64)
        #expect(try BriefBinary.run(["summarize", example, "--method", "magic"]).status == 64)
    }
}

@Suite struct LanguagesEndToEndTests {
    @Test func arabicArticlesSummarizeWithoutErrors() throws {
        let data = BriefBinary.shared + "/eval/summarization/arabic-dw114-nosummaries.jsonl"
        guard FileManager.default.fileExists(atPath: data) else {
            print("skipped: \(data) is absent (evaluation data lives in ../shared/eval)")
            return
        }
        let result = try BriefBinary.run(["summarize", "--jsonl", data, "--sentences", "2"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 114)
        #expect(lines.allSatisfy { $0.contains("\"sentences\":[\"") })
    }

    @Test func languageIsDetectedAndCanBeForced() throws {
        let french = Data("Le ministre de la Défense a annoncé mardi que les négociations avec les États-Unis se poursuivaient. Il a ajouté que la Turquie ne renoncerait pas au système russe.".utf8)
        let detected = try BriefBinary.run(["summarize", "-", "--format", "json"], input: french)
        #expect(detected.stdout.contains("\"language\": \"fr\""))
        let forced = try BriefBinary.run(["summarize", "-", "--format", "json", "--lang", "es"], input: french)
        #expect(forced.stdout.contains("\"language\": \"es\""))
    }
}
