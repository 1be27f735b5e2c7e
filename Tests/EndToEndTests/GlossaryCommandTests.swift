import Foundation
import Testing

@Suite struct GlossaryCommandTests {
    var seed: String { BriefBinary.shared + "/seed/hatha-al-youm-s400.txt" }

    @Test func summarizeShowsTheGlossarySection() throws {
        guard FileManager.default.fileExists(atPath: seed) else { return print("skipped: \(seed) absent") }
        let text = try BriefBinary.run(["summarize", seed])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Glossary (en → ar):"))
        #expect(text.stdout.contains("= إف-35"))
        let json = try BriefBinary.run(["summarize", seed, "--format", "json", "--to", "fr"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["second_language"] as? String == "fr")
        let glossary = try #require(object["glossary"] as? [[String: Any]])
        #expect(glossary.contains { ($0["in_text"] as? [String])?.contains("CAATSA") == true })
        let none = try BriefBinary.run(["summarize", seed, "--no-glossary"])
        #expect(!none.stdout.contains("Glossary"))
    }

    @Test func extractListsTermsAcronymsAndCandidates() throws {
        guard FileManager.default.fileExists(atPath: seed) else { return print("skipped: \(seed) absent") }
        let result = try BriefBinary.run(["glossary", "extract", seed, "--format", "json"])
        #expect(result.status == 0)
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let acronyms = try #require(reports.first?["acronyms"] as? [[String: Any]])
        #expect(acronyms.contains { $0["short"] as? String == "CAATSA" && $0["glossary_id"] is String })
        let terms = try #require(reports.first?["terms"] as? [[String: Any]])
        #expect(terms.count >= 9)
    }

    @Test func exportedTBXValidatesAgainstTheCoreSchema() throws {
        let schema = BriefBinary.shared + "/formats/tbx/TBXcoreStructV03.rng"
        guard FileManager.default.fileExists(atPath: schema) else { return print("skipped: \(schema) absent") }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint") else { return print("skipped: xmllint absent (apt install libxml2-utils)") }
        let output = try BriefBinary.temporaryFile("g.tbx", Data())
        let export = try BriefBinary.run(["glossary", "export", "--format", "tbx", "--langs", "en,ar,fr,es,ru,tr", "-o", output])
        #expect(export.status == 0, "\(export.stderr)")
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        check.arguments = ["--noout", "--relaxng", schema, output]
        let pipe = Pipe()
        check.standardError = pipe
        try check.run()
        let message = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        #expect(check.terminationStatus == 0, "\(message)")
    }

    @Test func deepLExportAndItsValidation() throws {
        let tsv = try BriefBinary.run(["glossary", "export", "--format", "tsv", "--langs", "en,es"])
        #expect(tsv.status == 0)
        let lines = tsv.stdout.split(separator: "\n")
        #expect(lines.count > 400)
        #expect(lines.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 2 })
        let path = try BriefBinary.temporaryFile("mine_en_es.tsv", Data(tsv.stdout.utf8))
        let valid = try BriefBinary.run(["glossary", "validate", path])
        #expect(valid.status == 0, "\(valid.stderr)")
        let bad = try BriefBinary.temporaryFile("bad_en_ar.tsv", Data("S-400\tإس-400\nS-400\tاس\n\t\n".utf8))
        let invalid = try BriefBinary.run(["glossary", "validate", bad])
        #expect(invalid.status == 1)
        #expect(invalid.stderr.contains("bad_en_ar.tsv:2: duplicate source term"))
        let refused = try BriefBinary.run(["glossary", "export", "--format", "tsv", "--langs", "en"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("two codes"))
    }

    @Test func userGlossaryComesFirst() throws {
        let mine = try BriefBinary.temporaryFile("mine_en_ar.tsv", Data("Growler jammer\tمشوش غراولر\n".utf8))
        let article = try BriefBinary.temporaryFile("a.txt", Data("The Growler jammer flew over the base on Monday. It was the first flight of the Growler jammer there since the summer began.".utf8))
        let result = try BriefBinary.run(["summarize", article, "--glossary", mine])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Growler jammer = مشوش غراولر"))
        let missing = try BriefBinary.run(["summarize", article, "--glossary", "/no/such.tsv"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("/no/such.tsv"))
    }

    @Test func acronymsAsJSONLines() throws {
        let input = Data(#"{"id": "a", "text": "The Terminal High Altitude Area Defense (THAAD) system."}"#.utf8 + [0x0A])
        let result = try BriefBinary.run(["glossary", "acronyms", "--jsonl", "-"], input: input)
        #expect(result.stdout == #"{"id":"a","pairs":[["THAAD","Terminal High Altitude Area Defense"]]}"# + "\n")
    }
}

@Suite struct BilingualBriefTests {
    var seed: String { BriefBinary.shared + "/seed/hatha-al-youm-s400.txt" }

    @Test func spanishBriefKeepsTheGlossary() throws {
        guard FileManager.default.fileExists(atPath: seed) else { return print("skipped: \(seed) absent") }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/apertium") else { return print("skipped: apertium is not installed") }
        let json = try BriefBinary.run(["summarize", seed, "--to", "es", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let translation = try #require(object["translation"] as? [String: Any])
        #expect(translation["available"] as? Bool == true)
        let sentences = try #require(translation["sentences"] as? [String])
        #expect(sentences.count == 3)
        #expect(sentences.joined().contains("OTAN") && sentences.joined().contains("S-400") && sentences.joined().contains("Trump"))
        let markdown = try BriefBinary.run(["summarize", seed, "--to", "es", "--format", "md"])
        #expect(markdown.stdout.contains("## Brief (es)") && markdown.stdout.contains("| en | es | definition |"))
    }

    @Test func secondTranslationComesFromTheCacheAndNumbersAreChecked() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/apertium") else { return print("skipped: apertium is not installed") }
        let cache = try BriefBinary.temporaryFile("translations.sqlite", Data())
        try FileManager.default.removeItem(atPath: cache)
        let text = Data("Turkey paid $2.5bn for the S-400.\n\nNATO said nothing.\n".utf8)
        let first = try BriefBinary.run(["translate", "-", "--to", "es", "--cache", cache], input: text)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("2,5 mil millones de dólares") && first.stdout.contains("OTAN"))
        // Again with no engine to be found: the cache answers alone.
        let second = try BriefBinary.run(["translate", "-", "--to", "es", "--cache", cache], input: text, environment: ["PATH": "/nonexistent"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout == first.stdout)
        // Without the glossary the engine's own "billones" is caught and said.
        let plain = try BriefBinary.run(["translate", "-", "--to", "es", "--no-glossary", "--no-cache"], input: text)
        #expect(plain.stderr.contains("-: number check (en→es): “$2.5bn” should read “2,5 mil millones”"), "\(plain.stderr)")
        // In a batch, the warning names the record.
        let records = Data(#"{"id": "a7", "text": "It cost $1.5bn."}"#.utf8 + [0x0A])
        let batch = try BriefBinary.run(["translate", "--jsonl", "-", "--to", "es", "--no-glossary", "--no-cache"], input: records)
        #expect(batch.stderr.contains("-: line 1 (id a7): number check (en→es): “$1.5bn”"), "\(batch.stderr)")
    }

    @Test func unreachableServerIsOneClearError() throws {
        let result = try BriefBinary.run(["translate", "-", "--to", "es", "--engine", "apy", "--server", "http://127.0.0.1:1", "--no-cache"],
                                         input: Data("Hello.".utf8))
        #expect(result.status != 0)
        #expect(result.stderr.contains("apy: http://127.0.0.1:1: cannot connect to 127.0.0.1:1 (connection refused: is the server running?)"))
        let bad = try BriefBinary.run(["translate", "-", "--to", "es", "--engine", "systran"], input: Data("Hello.".utf8))
        #expect(bad.status == 64 && bad.stderr.contains("engine 'systran' is not valid (expected apertium, apy, libretranslate)"))
    }

    @Test func arabicWithoutAnEngineSaysSoAndSucceeds() throws {
        guard FileManager.default.fileExists(atPath: seed) else { return print("skipped: \(seed) absent") }
        let result = try BriefBinary.run(["summarize", seed, "--to", "ar"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Translation (ar): not available:"))
        #expect(result.stdout.contains("Hatha al-Youm (هذا اليوم)"))
        #expect(result.stdout.contains("= إف-35"))
    }
}
