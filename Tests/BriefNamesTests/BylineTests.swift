import BriefDocument
import BriefResources
import Foundation
import Testing
@testable import BriefNames

let repositoryRoot = "/" + String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")
let sharedFolder = URL(fileURLWithPath: repositoryRoot).deletingLastPathComponent().appendingPathComponent("shared").path

struct Head: Sendable, CustomStringConvertible {
    let name: String
    let text: String
    let expect: [String: String?]
    var description: String { name }

    static func all() throws -> [Head] {
        let data = try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/Tests/Fixtures/heads/heads.jsonl"))
        return try data.split(separator: UInt8(ascii: "\n")).filter { !$0.isEmpty }.map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            let expect = try #require(object["expect"] as? [String: Any])
            return Head(name: object["name"] as! String, text: object["text"] as! String, expect: expect.mapValues { $0 as? String })
        }
    }
}

@Suite struct OutletRegistryFileTests {
    @Test func aBadLineIsNamedByItsLineInTheFile() throws {
        let root = NSTemporaryDirectory() + "brief-outlets-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: root) }
        for folder in ["Models", "Lexicons"] { try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true) }
        // Comments and blank lines before the bad line count as lines.
        let text = "# outlets\n\nid\tarabic\tlatin\tvariants\tcountries\tdomain\tkind\tsource\n\n# a comment\nbroken\tline\n"
        try text.write(toFile: root + "/Lexicons/outlets.tsv", atomically: true, encoding: .utf8)
        #expect(throws: NamesError(problem: "Lexicons/outlets.tsv:6: expected 8 tab-separated fields with id, arabic and latin")) {
            try OutletRegistry.load(from: DataDirectory(root: root))
        }
    }
}

@Suite struct BylineTests {
    let analyzer = Analyzer(data: DataDirectory(root: repositoryRoot))
    let resolver = BylineResolver(registry: try! OutletRegistry.load(from: DataDirectory(root: repositoryRoot)))

    @Test(arguments: try Head.all())
    func resolvedHeads(_ head: Head) throws {
        let byline = resolver.resolve(try analyzer.analyze(head.text).header.fields)
        #expect(byline.outlet?.id == head.expect["outlet_id"]!, "outlet id")
        #expect(byline.outletName == head.expect["outlet"]!, "outlet")
        #expect(byline.author == head.expect["byline"]!, "byline")
        #expect(byline.place == head.expect["place"]!, "place")
        #expect(byline.section == head.expect["section"]!, "section")
        #expect(byline.date == head.expect["date"]!, "date")
        #expect(byline.title == head.expect["title"]!, "title")
    }

    @Test func seedOutletInBothScripts() throws {
        let path = sharedFolder + "/seed/hatha-al-youm-s400.txt"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return print("skipped: \(path) absent") }
        let byline = resolver.resolve(try analyzer.analyze(text).header.fields)
        #expect(byline.outlet?.latin == "Hatha al-Youm")
        #expect(byline.outlet?.arabic == "هذا اليوم")
        #expect(byline.section == "Iraq News")
    }

    @Test func outletSpellingsAcrossScripts() {
        for name in ["Hatha al-Youm", "Hadha al-Yawm", "Haza Al Yaum", "هذا اليوم", "HATHA AL YOUM"] {
            #expect(resolver.lookup(name)?.id == "hatha-al-youm", "\(name)")
        }
    }

    @Test func aDateOrALabelIsNeverAName() {
        var fields = HeadFields()
        fields.byline = "2019/08/30"
        fields.place = "09:45 ص 04"
        fields.outlet = "Source: Shafaq News"
        let byline = resolver.resolve(fields)
        #expect(byline.author == nil)
        #expect(byline.place == nil)
        #expect(byline.outletName == "Shafaq News")
        // A known outlet's own spelling may hold a number.
        var known = HeadFields()
        known.outlet = "Kurdistan 24"
        #expect(resolver.resolve(known).outletName == "Kurdistan 24")
    }
}


/// The spelling index's key is the hash of exactly what `OutletRegistry.fold` gives.
@Suite struct SpellingIndexTests {
    @Test func theKeyHashesTheFoldedSpelling() throws {
        let registry = try OutletRegistry.load(from: DataDirectory(root: repositoryRoot))
        let places = try PlaceGazetteer.load(from: DataDirectory(root: repositoryRoot))
        var spellings = registry.outlets.flatMap { [$0.arabic, $0.latin, $0.id] + $0.variants } + places.places.flatMap { [$0.arabic, $0.latin] }
        spellings += ["Al-Ḥayāt", "L'Orient-Le Jour", "DUBAÏ", "أ ف ب", "ـ", "", "--", "Ⅻ", "東京", "🙂 news"]
        for spelling in spellings {
            let folded = OutletRegistry.fold(spelling)
            var hash: UInt64 = 0xcbf29ce484222325
            for byte in folded.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
            #expect(SpellingIndex.key(spelling) == (folded.isEmpty ? nil : hash), "\(spelling)")
        }
    }
}
