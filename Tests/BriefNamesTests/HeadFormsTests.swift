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
