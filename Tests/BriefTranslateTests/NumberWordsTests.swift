import BriefGlossary
import BriefResources
import Testing
@testable import BriefTranslate

private let root = "/" + String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")
private let data = DataDirectory(root: root)

private func words(_ target: String) throws -> NumberWords {
    try #require(try NumberWords.load(target: target, from: data))
}

/// The renderings of every amount found in `text`.
private func rendered(_ text: String, _ target: String = "es") throws -> [String] {
    try words(target).amounts(in: text).map(\.rendered)
}

@Suite struct NumberWordsTests {
    @Test func everyLexiconLoadsAndOthersAreNil() throws {
        for target in ["es", "fr", "ca", "gl", "pt", "it"] {
            let numbers = try words(target)
            #expect(numbers.language == target)
            #expect(numbers.amounts(in: "Turkey paid $2.5bn.").count == 1, "\(target)")
        }
        #expect(try NumberWords.load(target: "de", from: data) == nil)
        #expect(try NumberWords.load(target: "en", from: data) == nil)
    }

    @Test func spanishRenderings() throws {
        let cases: [(String, [String])] = [
            ("Turkey paid $2.5bn for the S-400.", ["2,5 mil millones de dólares"]),
            ("Turkey paid $2.5 billion for the S-400.", ["2,5 mil millones de dólares"]),
            ("It cost 2.5 billion dollars.", ["2,5 mil millones de dólares"]),
            ("A deal worth US$1.2 trillion.", ["1,2 billones de dólares"]),
            ("The contract was €3m.", ["3 millones de euros"]),
            ("They paid £40 million for it.", ["40 millones de libras"]),
            ("About 300 million people.", ["300 millones"]),
            ("It cost 1.5bn.", ["1,5 mil millones"]),
            ("The fee was $40,000.", ["40.000 dólares"]),
            ("It raised $1,200,000.50 in all.", ["1.200.000,50 dólares"]),
            ("It cost $1 billion and $1 million, then $1.", ["mil millones de dólares", "1 millón de dólares", "1 dólar"]),
            ("It cost $1.5 million and 3 thousand dollars.", ["1,5 millones de dólares", "3 mil dólares"]),
            ("A EUR 3 billion loan, USD 40bn in aid.", ["3 mil millones de euros", "40 mil millones de dólares"]),
            ("Headline: $2.5 Billion Deal (€300M).", ["2,5 mil millones de dólares", "300 millones de euros"]),
            ("“$2.5bn”, he said; (300 million).", ["2,5 mil millones de dólares", "300 millones"]),
        ]
        for (text, expected) in cases {
            #expect(try rendered(text) == expected, "\(text)")
        }
    }

    @Test func uncertainFormsAreLeftToTheEngine() throws {
        for text in [
            "a million people and millions of dollars",    // words, not digits
            "HK$2bn and A$3m",                              // other dollars
            "the S-400 and 3m of cable, 5G, 3rd, 2.5x",     // designations, metres, not amounts
            "$2-3bn, $2bn–$3bn, a $2.5 billion-dollar deal", // ranges and compounds
            "$2.5 billions, $3 m",                          // odd forms
            "2.5 thousand people, 1,2 and 3",               // no settled form; a list
            "40,000 people and 300 tanks",                  // plain numbers without currency
        ] {
            #expect(try rendered(text).isEmpty, "\(text)")
        }
        // "pounds" may be a weight: the bare amount is taken, and the engine translates the word.
        #expect(try words("es").amounts(in: "40 million pounds of grain").map { [$0.rendered, $0.link] } == [["40 millones", "of"]])
        // "$2 to $3 billion" is two billion: the first sum is not two dollars.
        #expect(try rendered("between $2 and $3 billion") == ["3 mil millones de dólares"])
        #expect(try rendered("from $2 to $3bn") == ["3 mil millones de dólares"])
    }

    @Test func rangesAreUTF8Offsets() throws {
        let text = "Türkiye’s €3m «1.5bn»"
        let amounts = try words("es").amounts(in: text)
        let utf8 = Array(text.utf8)
        #expect(amounts.map { String(decoding: utf8[$0.range], as: UTF8.self) } == ["€3m", "1.5bn"])
        #expect(amounts.map(\.source) == ["€3m", "1.5bn"])
        #expect(amounts[0].range == 13..<18)
    }

    @Test func bareAmountsLinkTheNounThatFollows() throws {
        let amounts = try words("es").amounts(in: "Some 300 million people, 1.5bn in aid, 2 billion US citizens, 3 million.")
        #expect(amounts.map(\.rendered) == ["300 millones", "1,5 mil millones", "2 mil millones", "3 millones"])
        #expect(amounts.map(\.link) == ["of", nil, "of", nil])
        // Sums with a currency carry their own "de".
        #expect(try words("es").amounts(in: "$3bn deal").map(\.link) == [nil])
    }

    @Test func frenchRenderings() throws {
        let cases: [(String, [String])] = [
            ("Turkey paid $2.5bn for the S-400.", ["2,5 milliards de dollars"]),
            ("It cost €1.5bn, or €3m, or £40 million.", ["1,5 milliard d'euros", "3 millions d'euros", "40 millions de livres"]),
            ("A deal worth US$1.2 trillion.", ["1,2 billion de dollars"]),
            ("The fee was $40,000, then $1.50.", ["40\u{202F}000 dollars", "1,50 dollar"]),
            ("It cost $1 billion and 3 thousand euros.", ["1 milliard de dollars", "3 mille euros"]),
            ("Some 300 million people.", ["300 millions"]),
        ]
        for (text, expected) in cases {
            #expect(try rendered(text, "fr") == expected, "\(text)")
        }
    }

    @Test func otherLanguages() throws {
        #expect(try rendered("$2.5bn and €3m", "ca") == ["2,5 mil milions de dòlars", "3 milions d'euros"])
        #expect(try rendered("$2.5bn and €3m", "gl") == ["2,5 mil millóns de dólares", "3 millóns de euros"])
        #expect(try rendered("$2.5bn and €3m and $1 billion", "it") == ["2,5 miliardi di dollari", "3 milioni di euro", "1 miliardo di dollari"])
        #expect(try rendered("$2.5bn and €40,000", "pt") == ["2,5 mil milhões de dólares", "40\u{A0}000 euros"])
        // Italian has no trillion line; Portuguese no settled singular under two.
        #expect(try rendered("US$1.2 trillion", "it").isEmpty)
        #expect(try rendered("$1.5bn", "pt").isEmpty)
    }

    @Test func checkFindsShortScaleMistakes() throws {
        let es = try words("es")
        let source = "Turkey paid $2.5bn for the S-400."
        let wrong = es.check(source: source, translation: "Turquía pagó 2.5 billones de dólares para el S-400.")
        #expect(wrong.count == 1)
        #expect(wrong.first?.found == "2.5 billones")
        #expect(wrong.first?.expected == "2,5 mil millones")
        #expect(wrong.first?.description == "“$2.5bn” should read “2,5 mil millones”; the translation has “2.5 billones”")
        #expect(es.check(source: source, translation: "Turquía pagó 2,5 mil millones de dólares para el S-400.").isEmpty)
        // Other correct ways to write the same value.
        #expect(es.check(source: source, translation: "Turquía pagó 2.500 millones de dólares.").isEmpty)
        #expect(es.check(source: source, translation: "Turquía pagó 2,5 miles de millones de dólares.").isEmpty)
        #expect(es.check(source: "It cost $1bn.", translation: "Costó mil millones de dólares.").isEmpty)
        #expect(es.check(source: "$1bn was paid.", translation: "Mil millones de dólares fueron pagados.").isEmpty)
        #expect(es.check(source: "It cost $1bn.", translation: "Costó 2 mil millones de dólares.").count == 1)
        // Left untranslated, or gone.
        #expect(es.check(source: "It cost 1.5bn.", translation: "Costó 1.5bn.").map(\.found) == ["1.5bn"])
        #expect(es.check(source: "It cost 1.5bn.", translation: "Costó mucho.").map(\.found) == [nil])
        // Sums without a scale word are not checked.
        #expect(es.check(source: "It cost $40,000.", translation: "Costó $40,000.").isEmpty)

        let fr = try words("fr")
        #expect(fr.check(source: source, translation: "La Turquie a payé 2,5 billions de dollars.").map(\.found) == ["2,5 billions"])
        #expect(fr.check(source: source, translation: "La Turquie a payé 2,5 milliards de dollars.").isEmpty)
        #expect(fr.check(source: source, translation: "La Turquie a payé 2\u{202F}500 millions de dollars.").isEmpty)
    }

    @Test func protectWrapsAmountsBesideTerms() throws {
        let glossary = try LoadedGlossary.load(data: data, userFile: nil, cache: nil)
        let enforcer = GlossaryEnforcer(glossary: glossary, pair: LanguagePair("en", "es"), numbers: try words("es"))
        let (html, terms) = enforcer.protect("Turkey paid $2.5bn for the S-400 & 300 million people.")
        #expect(html == "<apertium-notrans>Turquía</apertium-notrans> paid <apertium-notrans>2,5 mil millones de dólares</apertium-notrans> for the <apertium-notrans>S-400</apertium-notrans> &amp; <apertium-notrans>300 millones</apertium-notrans> of people.")
        #expect(terms.map(\.target) == ["Turquía", "S-400"])
        // Opening a sentence, the rendering takes a capital.
        #expect(enforcer.protect("$1bn was paid.").html == "<apertium-notrans>Mil millones de dólares</apertium-notrans> was paid.")
        // Without number words nothing changes.
        let plain = GlossaryEnforcer(glossary: glossary, pair: LanguagePair("en", "es"))
        #expect(plain.protect("It cost $2.5bn.").html == "It cost $2.5bn.")
    }

    @Test func restoreLeavesCleanSpacing() {
        let answer = "Turquía pagó <apertium-notrans>2,5 mil millones de dólares</apertium-notrans> . <apertium-notrans>40.000 dólares</apertium-notrans> Estuvo pagado ( <apertium-notrans>3 millones de euros</apertium-notrans> ) ."
        #expect(GlossaryEnforcer.restore(answer, source: "Turkey paid $2.5bn. $40,000 was paid ( €3m ).")
                == "Turquía pagó 2,5 mil millones de dólares. 40.000 dólares estuvo pagado (3 millones de euros).")
    }

    @Test func apertiumKeepsTheRenderedAmount() throws {
        guard ProcessRunner.find("apertium") != nil else { return print("skipped: apertium is not installed (apt install apertium apertium-eng-spa)") }
        let engine = ApertiumTranslator()
        guard try engine.pairs().contains(LanguagePair("en", "es")) else { return print("skipped: apertium-eng-spa is not installed") }
        let glossary = try LoadedGlossary.load(data: data, userFile: nil, cache: nil)
        let numbers = try words("es")
        let enforcer = GlossaryEnforcer(glossary: glossary, pair: LanguagePair("en", "es"), numbers: numbers)
        let sources = ["Turkey paid $2.5bn for the S-400.", "Some 300 million people live there and €3m was spent.",
                       "$1bn was paid to Ukraine, Reuters said."]
        let raw = try engine.translate(html: sources.map(GlossaryEnforcer.escape), pair: LanguagePair("en", "es"))
        #expect(numbers.check(source: sources[0], translation: raw[0]).count == 1, "the engine alone: \(raw[0])")
        let answers = try engine.translate(html: sources.map { enforcer.protect($0).html }, pair: LanguagePair("en", "es"))
        let restored = zip(answers, sources).map { GlossaryEnforcer.restore($0, source: $1) }
        #expect(restored[0].contains("2,5 mil millones de dólares"), "\(restored[0])")
        #expect(!restored[0].contains("billones"))
        #expect(restored[1].contains("300 millones de personas"), "\(restored[1])")
        #expect(restored[1].contains("3 millones de euros"), "\(restored[1])")
        #expect(restored[2].hasPrefix("Mil millones de dólares "), "\(restored[2])")
        for (source, translation) in zip(sources, restored) {
            #expect(numbers.check(source: source, translation: translation).isEmpty, "\(translation)")
            #expect(!translation.contains("  ") && !translation.contains(" ."), "\(translation)")
        }
    }
}
