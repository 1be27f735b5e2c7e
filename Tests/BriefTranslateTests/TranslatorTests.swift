import Foundation
import BriefGlossary
import BriefResources
import Testing
@testable import BriefTranslate

private let root = "/" + String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")

@Suite struct GlossaryEnforcerTests {
    let glossary = try! LoadedGlossary.load(data: DataDirectory(root: root), userFile: nil, cache: nil)

    @Test func termsBecomeTheirApprovedEquivalents() {
        let enforcer = GlossaryEnforcer(glossary: glossary, pair: LanguagePair("en", "es"), knownNames: ["Trump"])
        let (html, terms) = enforcer.protect("Turkey's S-400s & NATO; Trump & Kenya.")
        #expect(html == "<apertium-notrans>Turquía</apertium-notrans> <apertium-notrans>S-400</apertium-notrans> &amp; <apertium-notrans>OTAN</apertium-notrans>; <apertium-notrans>Trump</apertium-notrans> &amp; <apertium-notrans>Kenia</apertium-notrans>.")
        #expect(terms.map(\.target) == ["Turquía", "S-400", "OTAN", "Kenia"])
    }

    @Test func restoringUndoesTheProtection() {
        let answer = "<apertium-notrans>Turquía</apertium-notrans> Comprado el <apertium-notrans>S-400</apertium-notrans> , &amp;  más."
        #expect(GlossaryEnforcer.restore(answer, source: "Turkey bought the S-400, & more.") == "Turquía comprado el S-400, & más.")
    }
}

@Suite struct ApertiumTests {
    @Test func translatesSegmentsInOneProcess() throws {
        guard ProcessRunner.find("apertium") != nil else { return print("skipped: apertium is not installed (apt install apertium apertium-eng-spa)") }
        let engine = ApertiumTranslator()
        let pairs = try engine.pairs()
        guard pairs.contains(LanguagePair("en", "es")) else { return print("skipped: apertium-eng-spa is not installed") }
        let out = try engine.translate(html: ["The house is red.", "", "<apertium-notrans>Patriot</apertium-notrans> missiles."], pair: LanguagePair("en", "es"))
        #expect(out.count == 3)
        #expect(out[0] == "La casa es roja.")
        #expect(out[1] == "")
        #expect(out[2].contains("<apertium-notrans>Patriot</apertium-notrans>"))
    }

    @Test func missingEngineIsAClearError() {
        let engine = ApertiumTranslator(executable: "/no/such/apertium")
        #expect(throws: TranslationError.self) { try engine.pairs() }
        do {
            _ = try engine.translate(html: ["x"], pair: LanguagePair("en", "es"))
        } catch {
            #expect(error.description.contains("not installed"))
        }
    }
}

/// The cache's keys are bytes with their length (issue 12, 12): a NUL inside a segment is data.
@Suite struct TranslationCacheKeyTests {
    @Test func segmentsThatShareTextBeforeANulAreTwoEntries() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("brief-cache-\(UUID().uuidString)").path
        let cache: TranslationCache
        do {
            cache = try TranslationCache(path: folder + "/t.sqlite")
        } catch .libraryMissing {
            return print("skipped: libBriefTranslationStore.so is not built beside the tests")
        }
        let pair = LanguagePair("en", "es")
        cache.store(engine: "apertium", pair: pair, glossary: "g", segment: "a\u{0}b", translation: "uno\u{0}dos")
        #expect(cache.lookup(engine: "apertium", pair: pair, glossary: "g", segment: "a\u{0}c") == nil)
        #expect(cache.lookup(engine: "apertium", pair: pair, glossary: "g", segment: "a") == nil)
        #expect(cache.lookup(engine: "apertium", pair: pair, glossary: "g", segment: "a\u{0}b") == "uno\u{0}dos")
    }
}
