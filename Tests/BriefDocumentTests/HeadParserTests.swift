import BriefResources
import Foundation
import Testing
@testable import BriefDocument

private let root = "/" + String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")

/// One head of `Tests/Fixtures/heads/heads.jsonl` and what it must give.
struct HeadCase: Sendable, CustomStringConvertible {
    let name: String
    let text: String
    let expect: [String: String?]
    var description: String { name }

    static func all() throws -> [HeadCase] {
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/Tests/Fixtures/heads/heads.jsonl"))
        return try data.split(separator: UInt8(ascii: "\n")).filter { !$0.isEmpty }.map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            let expect = try #require(object["expect"] as? [String: Any])
            return HeadCase(name: object["name"] as! String, text: object["text"] as! String,
                            expect: expect.mapValues { $0 as? String })
        }
    }
}

@Suite struct HeadParserTests {
    let analyzer = Analyzer(data: DataDirectory(root: root))

    @Test(arguments: try HeadCase.all())
    func headsInRealForms(_ head: HeadCase) throws {
        let document = try analyzer.analyze(head.text)
        let fields = document.header.fields
        let got: [String: String?] = ["outlet": fields.outlet, "section": fields.section, "byline": fields.byline,
                                      "place": fields.place, "date": fields.date, "title": fields.title]
        for key in ["section", "date", "title"] {
            #expect(got[key]! == head.expect[key]!, "\(key)")
        }
        // "السومرية نيوز/ بغداد": which side is the place, the registry says (BriefNamesTests).
        if fields.placeOutletMayBeSwapped {
            #expect([fields.place, fields.outlet].contains(head.expect["place"]!), "place")
        } else {
            #expect(got["place"]! == head.expect["place"]!, "place")
        }
        // The registry decides between outlet and byline or place for some lines; both are
        // checked after it, in BriefNamesTests. Here: what the head says is found somewhere.
        for key in ["outlet", "byline"] {
            guard let want = head.expect[key]! else { continue }
            #expect([fields.outlet, fields.byline, fields.place].contains(want) || (fields.byline ?? "").contains(want), "\(key)")
        }
        let start = document.paragraphs.first?.range.lowerBound ?? document.text.utf8.count
        let body = String(decoding: Array(document.text.utf8)[start...], as: UTF8.self)
        let want = head.expect["body_starts"]!!
        #expect(String(String.UnicodeScalarView(body.unicodeScalars.prefix(want.unicodeScalars.count))) == want, "body")
    }
}
