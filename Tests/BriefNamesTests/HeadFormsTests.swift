import BriefDocument
import BriefResources
import Foundation
import Testing
@testable import BriefNames

/// The head forms of Models/heads/forms.tsv: every form's example reads as the file says, and
/// hostile lines read as nothing rather than as a wrong field.
@Suite struct HeadFormsTests {
    let forms: HeadForms

    init() throws {
        let data = DataDirectory(root: repositoryRoot)
        forms = try HeadForms.load(from: data, registry: try OutletRegistry.load(from: data), places: try PlaceGazetteer.load(from: data))
    }

    @Test func everyFormReadsItsExample() throws {
        #expect(forms.forms.count >= 20)
        for form in forms.forms {
            let reading = try #require(forms.read(form.example), "\(form.name): \(form.example)")
            for (field, value) in form.expected {
                let found: String? = switch field {
                case "outlet": reading.outlet
                case "place": reading.place
                case "author": reading.author
                default: reading.date
                }
                #expect(found == value, "\(form.name): \(field) of \(form.example)")
            }
            let opensLead = form.parts.last?.element == .rest
            #expect((reading.bodyStart != nil) == opensLead, "\(form.name): where the article starts")
        }
    }

    @Test func theArticleStartsAfterADatelineThatOpensTheLead() throws {
        let lead = "ERBIL (Kurdistan 24) – The commission announced the final results at midnight."
        let start = try #require(forms.read(lead)?.bodyStart)
        #expect(String(lead.utf8.dropFirst(start))! == "The commission announced the final results at midnight.")
    }

    @Test func prosAndLabelsAreNotHeads() {
        // A sentence is not a head line, and a desk word or a label is never a name.
        #expect(forms.read("The ministry said on Monday that talks would resume in Geneva next week.") == nil)
        #expect(forms.read("بغداد - متابعات")?.outlet == nil)
        #expect(forms.read("بغداد - متابعات")?.place == "بغداد")
        #expect(forms.read("Source:") == nil)
        #expect(forms.isListPhrase("متابعات"))
        #expect(!forms.isListPhrase("Reuters"))
    }

    @Test func hostileLinesReadAsNothingQuickly() {
        #expect(forms.read(String(repeating: "بغداد - ", count: 2_000)) == nil)
        #expect(forms.read(String(repeating: "( ", count: 250)) == nil)
        #expect(forms.read(String(repeating: "-:/|", count: 100)) == nil)
        // Bidi controls inside a name: read or left out, never a crash.
        _ = forms.read("\u{202E}Reuters\u{202C} - بغداد")
    }

    @Test func aBadPatternIsNamedByItsLine() throws {
        let root = NSTemporaryDirectory() + "brief-heads-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/Models/heads", withIntermediateDirectories: true)
        try "# forms\n@desk\tمتابعات\nbroken\tOUTLET ~ PLACE\tx\toutlet=x\n".write(toFile: root + "/Models/heads/forms.tsv", atomically: true, encoding: .utf8)
        #expect(throws: NamesError(problem: "Models/heads/forms.tsv:3: unknown pattern element '~'")) {
            try HeadForms.load(from: DataDirectory(root: root), registry: OutletRegistry(outlets: []))
        }
    }
}

/// Weaker evidence of the outlet, read only when no head line names one: an outlet glued to
/// what follows it, one ending the title, and the one the body credits.
@Suite struct OutletEvidenceTests {
    let resolver: BylineResolver

    init() throws {
        let data = DataDirectory(root: repositoryRoot)
        let registry = try OutletRegistry.load(from: data)
        resolver = BylineResolver(registry: registry, forms: try HeadForms.load(from: data, registry: registry, places: try PlaceGazetteer.load(from: data)))
    }

    func outlet(lines: [String] = [], leads: [String] = [], title: String? = nil, body: [String] = [], promotions: [String] = []) -> String? {
        var fields = HeadFields()
        fields.title = title
        return resolver.resolve(fields, lines: lines, leads: leads, body: body, promotions: promotions).outlet?.id
    }

    @Test func thePagesInvitationToFollowItNamesItsOutlet() {
        #expect(outlet(promotions: ["تغطية متواصلة على قناة موقع \"عرب 48\" في \"تليغرام\""]) == "arab48")
        #expect(outlet(promotions: ["Follow us on Telegram"]) == nil)
        // A head line that names an outlet wins over the invitation.
        #expect(outlet(lines: ["Source: Reuters"], promotions: ["Follow Rudaw on Telegram"]) == "reuters")
    }

    @Test func theBodyCreditsTheOutletASourceSpokeTo() {
        #expect(outlet(body: ["وأكّد مصدر في حركة الجهاد الاسلامي لفرانس برس أن ممثلي مصر وقطر نقلوا مبادرة جديدة."]) == "afp")
        #expect(outlet(body: ["وأوضح المتحدث باسم الكتائب لوكالة شفق نيوز، أن الدعوات لحصر السلاح قد تستهدف السلاح المنفلت."]) == "shafaq-news")
        #expect(outlet(body: ["قال مصدر فى تصريح لـ”العين الإخبارية”، إن العشرات نظموا تظاهرة."]) == "al-ain-news")
        #expect(outlet(body: ["Two officials told Reuters the talks had stalled."]) == "reuters")
        #expect(outlet(body: ["« L'attaque a été menée aux drones », assure la force par communiqué rapporté par RFI."]) == "rfi")
    }

    @Test func aWordWithTheArticleAfterThePrepositionIsNotACredit() {
        // "لليوم الثاني": for the second day, not the outlet اليوم.
        #expect(outlet(body: ["أفاد مصدر عسكري بأن مسيّرات استهدفت الأربعاء لليوم الثاني على التوالي مطار الخرطوم."]) == nil)
    }

    @Test func twoOutletsCreditedAreNoEvidence() {
        #expect(outlet(body: ["Officials told Reuters the deal was signed.", "A diplomat told AFP the talks would resume."]) == nil)
    }

    @Test func anOutletGluedToTheNextLineIsTheMasthead() {
        #expect(outlet(lines: ["The Washington PostDemocracy Dies in Darkness"]) == "washington-post")
        #expect(outlet(leads: ["Iran PressMiddle East: Earlier, the agency said the ballot boxes were ready."]) == "iran-press")
        #expect(outlet(lines: ["McDonald's opens in Baghdad"]) == nil)
    }

    @Test func aTitleEndingWithAnOutletNamesItUnlessTheBodyCitesIt() {
        #expect(outlet(title: "UAE intercepts two missiles aimed at Abu Dhabi – Archyde", body: ["The UAE said it intercepted two missiles."]) == "archyde")
        // A wire headline's attribution: the body says who reported it.
        #expect(outlet(title: "Egypt signs $2 bln deal to buy Russian fighter jets – Kommersant",
                       body: ["Egypt has signed a deal, the Kommersant business daily cited two sources as saying."]) == nil)
    }

    @Test func wireDatelinesThatFollowOneAnotherAreAllHead() throws {
        let lead = "(MENAFN- Kuwait News Agency (KUNA)) BAGHDAD, Oct 16 (KUNA) -- Iraq's electoral commission announced the results."
        let end = try #require(resolver.headEnd(inLead: lead))
        #expect(String(lead.utf8.dropFirst(end))! == "Iraq's electoral commission announced the results.")
        let byline = resolver.resolve(HeadFields(), lines: [], leads: [lead])
        #expect(byline.outlet?.id == "kuna")
        #expect(byline.place == "BAGHDAD")
    }
}
