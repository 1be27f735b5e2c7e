import BriefResources
import Foundation
import Testing
@testable import BriefGlossary

let repositoryRoot = "/" + String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")
let sharedFolder = URL(fileURLWithPath: repositoryRoot).deletingLastPathComponent().appendingPathComponent("shared").path

func builtIn() throws -> Glossary {
    try GlossaryReader.builtIn(from: DataDirectory(root: repositoryRoot))
}

/// The ids of the concepts found in `text`.
func found(_ text: String, in glossary: Glossary) -> [String] {
    TermMatcher(glossary: glossary).matches(in: text).map { glossary.concepts[$0.concept].id }
}

@Suite struct GlossaryReaderTests {
    @Test func builtInGlossaryIsLargeAndClean() throws {
        let glossary = try builtIn()
        let defense = glossary.concepts.filter { $0.category != "country" }
        #expect(defense.count >= 400)
        #expect(glossary.concepts.filter { $0.category == "country" }.count >= 190)
        for concept in glossary.concepts {
            #expect(concept.preferred("en") != nil && concept.preferred("ar") != nil, "\(concept.origin)")
            #expect(!concept.definition.isEmpty, "\(concept.origin)")
        }
    }

    @Test func recordProblemsNameTheLine() {
        let text = "id: x\ncategory: general\nen: a | \nar: ب\ndef: d\nsrc: en=editor\n\nid: x\ncategory: nonsense\nen: b\nar: ج\ndef: d\nsrc: en=editor\nbogus: 1\n"
        let (concepts, problems) = GlossaryReader.parseRecords(text, file: "g.txt")
        #expect(concepts.count == 2)
        let messages = (problems + GlossaryReader.duplicates(concepts)).map(\.description)
        #expect(messages.contains("g.txt:1: empty term in \"en\""))
        #expect(messages.contains("g.txt:8: unknown category \"nonsense\""))
        #expect(messages.contains("g.txt:14: unknown key \"bogus\""))
        #expect(messages.contains { $0.hasPrefix("g.txt:8: duplicate id \"x\"") })
    }

    @Test func deepLFilesReadBothWays() throws {
        let folder = sharedFolder + "/formats"
        guard FileManager.default.fileExists(atPath: folder) else {
            print("skipped: \(folder) absent")
            return
        }
        let tsv = try GlossaryReader.read(path: folder + "/deepl_en_ar.tsv")
        #expect(tsv.concepts.first?.terms["en"] == ["S-400 Triumf"])
        #expect(tsv.concepts.first?.terms["ar"] == ["إس-400 تريومف"])
        let csv = try GlossaryReader.read(path: folder + "/deepl_en_ar.csv")
        #expect(csv.concepts.contains { $0.terms["en"] == ["Countering America's Adversaries Through Sanctions Act"] })
        let tbx = try GlossaryReader.read(path: folder + "/tbx/glossary_min_tbx3_basic.tbx")
        #expect(tbx["c-s400"]?.terms["en"] == ["S-400 Triumf", "SA-21 Growler"])
        #expect(tbx["c-s400"]?.definition == "Russian long-range surface-to-air missile system.")
        let martif = try GlossaryReader.read(path: folder + "/tbx/glossary_min_tbx2_martif.tbx")
        #expect(martif["c-s400"]?.terms["ar"] == ["إس-400 تريومف"])
    }

    @Test func badUserFilesAreRefusedWithTheReason() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("brief-glossary-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func write(_ name: String, _ text: String) -> String {
            let path = folder + "/" + name
            FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
            return path
        }
        let (_, problems) = try GlossaryReader.check(path: write("a_en_ar.tsv", "S-400\tإس-400\ns-400\tاس 400\nPatriot\t\nF-35\tإف-35\textra\n"))
        #expect(problems.map(\.description) == [
            "\(folder)/a_en_ar.tsv:2: duplicate source term \"s-400\" (first on line 1)",
            "\(folder)/a_en_ar.tsv:3: empty target term",
            "\(folder)/a_en_ar.tsv:4: expected 2 columns, found 3",
        ])
        // External entities are never fetched; a broken document names the line.
        let entity = write("e.tbx", "<?xml version=\"1.0\"?>\n<!DOCTYPE tbx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<tbx><text><body><conceptEntry id=\"a\"><langSec xml:lang=\"en\"><termSec><term>&x;</term></termSec></langSec></conceptEntry></body></text></tbx>\n")
        let result = try? GlossaryReader.check(path: entity)
        #expect(result.map { !$0.0.concepts.contains { ($0.terms["en"] ?? []).contains { $0.contains("root:") } } } ?? true)
        #expect(throws: GlossaryError.self) { try GlossaryReader.read(path: write("b.tbx", "<tbx><text>\n<body></tbx>")) }
        #expect(throws: GlossaryError(file: folder + "/c.json", problem: "unknown glossary format (expected .txt, .tbx, .tsv or .csv)")) {
            try GlossaryReader.read(path: write("c.json", "{}"))
        }
    }
}

@Suite struct TermMatcherTests {
    @Test func designationsInEveryWriting() throws {
        let glossary = try builtIn()
        let s400 = try #require(glossary.concepts.first { $0.terms["en"]?.contains("S-400") == true }).id
        for text in ["the S-400 system", "the S400 system", "the S\u{2011}400 system", "two S-400s", "the S 400 system"] {
            #expect(found(text, in: glossary) == [s400], "\(text)")
        }
        #expect(found("F-35s and Patriots", in: glossary) == found("F-35", in: glossary) + found("Patriot", in: glossary))
        #expect(found("SAMP-T and SAMP/T", in: glossary).count == 2)
    }

    @Test func arabicWithCliticsAndSpellings() throws {
        let glossary = try builtIn()
        let s400 = found("S-400", in: glossary)
        #expect(found("إس-400", in: glossary) == s400)
        #expect(found("اشترت تركيا منظومة اس-400", in: glossary).contains(s400[0]))
        let patriot = found("باتريوت", in: glossary)
        #expect(patriot.count == 1)
        #expect(found("والباتريوت", in: glossary) == patriot)
        #expect(found("وحلف الناتو", in: glossary).count == 1)
    }

    @Test func commonWordsAreNotNames() throws {
        let glossary = try builtIn()
        #expect(found("a true patriot", in: glossary).isEmpty)
        #expect(!found("the Patriot missiles", in: glossary).isEmpty)
    }

    @Test func termsDoNotSpanPunctuation() {
        let glossary = Glossary(concepts: [Concept(id: "ad", category: "general", terms: ["en": ["air defense"], "ar": ["دفاع جوي"]])])
        #expect(found("air defense", in: glossary) == ["ad"])
        #expect(found("air-defense systems", in: glossary) == ["ad"])
        #expect(found("by air. Defense", in: glossary).isEmpty)
        #expect(found("air, defense", in: glossary).isEmpty)
    }

    @Test func seedTermsAreAllFound() throws {
        let path = sharedFolder + "/seed/hatha-al-youm-s400.txt"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            print("skipped: \(path) absent")
            return
        }
        let glossary = try builtIn()
        let ids = Set(found(text, in: glossary))
        let english = Set(ids.compactMap { glossary[$0]?.preferred("en") })
        for term in ["S-400", "CAATSA", "F-35", "Patriot", "SAMP/T", "EUROSAM", "NATO", "Raytheon", "Lockheed Martin"] {
            let concept = found(term, in: glossary).first
            #expect(concept.map(ids.contains) == true, "\(term) not found in the seed (found: \(english.sorted()))")
        }
    }
}

@Suite struct AcronymFinderTests {
    @Test func bothOrders() {
        let finder = AcronymFinder()
        let text = "Washington warned of its Countering America's Adversaries Through Sanctions Act (CAATSA). The THAAD (Terminal High Altitude Area Defense) battery arrived."
        let pairs = finder.definitions(in: text).map { [$0.short, $0.long] }
        #expect(pairs.contains(["CAATSA", "Countering America's Adversaries Through Sanctions Act"]))
        #expect(pairs.contains(["THAAD", "Terminal High Altitude Area Defense"]))
        #expect(finder.definitions(in: "He was born in 1990 (aged 30) in Ankara (Turkey).").isEmpty)
    }

    @Test func reachesTheIssueFiguresOnMED1250() throws {
        let path = sharedFolder + "/eval/abbreviations/med1250.jsonl"
        guard let data = FileManager.default.contents(atPath: path) else {
            print("skipped: \(path) absent")
            return
        }
        let finder = AcronymFinder()
        var predicted = 0, gold = 0, matched = 0
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            let text = (record["title"] as? String ?? "") + "\n\n" + (record["abstract"] as? String ?? "")
            let goldPairs = Set((record["pairs"] as? [[String]] ?? []).map { $0.joined(separator: "\u{1}") })
            let found = Set(finder.definitions(in: text).map { $0.short + "\u{1}" + $0.long })
            predicted += found.count
            gold += goldPairs.count
            matched += found.intersection(goldPairs).count
        }
        let precision = Double(matched) / Double(predicted), recall = Double(matched) / Double(gold)
        print("acronyms on MED1250: P \(precision) R \(recall)")
        #expect(precision >= 0.96)
        #expect(recall >= 0.85)
    }
}

@Suite struct GlossaryExportTests {
    @Test func deepLPairsHaveUniqueSources() throws {
        let glossary = try builtIn()
        let entries = try GlossaryExporter(glossary: glossary, languages: ["en", "es"]).pairEntries()
        #expect(entries.count > 400)
        #expect(Set(entries.map { $0.source.lowercased() }).count == entries.count)
        #expect(entries.allSatisfy { !$0.source.isEmpty && !$0.target.isEmpty && !$0.source.contains("\t") })
        #expect(throws: GlossaryExportError.self) { try GlossaryExporter(glossary: glossary, languages: ["en"]).render(.tsv) }
    }

    @Test func exportedTBXReadsBack() throws {
        let glossary = try builtIn()
        let text = try GlossaryExporter(glossary: glossary, languages: ["en", "ar"]).render(.tbx)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("brief-export-\(getpid()).tbx").path
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let back = try GlossaryReader.read(path: path)
        #expect(back.count == glossary.concepts.count)
        let s400 = try #require(glossary.concepts.first { $0.terms["en"]?.contains("S-400") == true })
        #expect(back["c-" + s400.id]?.terms["en"] == s400.terms["en"])
    }
}

@Suite struct CompiledGlossaryTests {
    /// The compact form finds exactly what the glossary read from its text finds.
    @Test func compactFormMatchesTheText() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("brief-cache-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let data = DataDirectory(root: repositoryRoot)
        let first = try LoadedGlossary.load(data: data, userFile: nil, cache: cache)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache)
        #expect(files.count == 1 && files[0].hasPrefix("glossary-v"))
        let mapped = try LoadedGlossary.load(data: data, userFile: nil, cache: cache)
        let text = try LoadedGlossary.load(data: data, userFile: nil, cache: nil)
        #expect(mapped.count == text.count && first.count == text.count)
        var samples = ["Turkey bought S-400s and F-35s; NATO, Raytheon and Lockheed Martin; CAATSA sanctions.",
                       "قالت تركيا إن منظومة إس-400 والباتريوت وحلف الناتو", "the Patriot and a patriot"]
        let seed = sharedFolder + "/seed/hatha-al-youm-s400.txt"
        if let article = try? String(contentsOfFile: seed, encoding: .utf8) { samples.append(article) }
        for sample in samples {
            #expect(mapped.matcher.matches(in: sample) == text.matcher.matches(in: sample))
            #expect(mapped.hits(in: sample) == text.hits(in: sample))
        }
        for index in [0, text.count / 2, text.count - 1] { #expect(mapped.concept(index) == text.concept(index)) }
        // A damaged compact form is not used.
        let path = cache + "/" + files[0]
        FileManager.default.createFile(atPath: path, contents: Data("BRGL broken".utf8))
        let rebuilt = try LoadedGlossary.load(data: data, userFile: nil, cache: cache)
        #expect(rebuilt.matcher.matches(in: samples[0]) == text.matcher.matches(in: samples[0]))
    }
}
