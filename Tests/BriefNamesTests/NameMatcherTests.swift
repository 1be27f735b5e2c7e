import Foundation
import Testing
@testable import BriefNames

@Suite struct NameMatcherTests {
    let matcher = NameMatcher()

    @Test func sameNameAcrossScripts() {
        for (a, b) in [("Mohammed", "محمد"), ("Muhammad", "محمد"), ("Hatha al-Youm", "هذا اليوم"), ("Hadha al-Yawm", "هذا اليوم"),
                       ("Haza Al Yaum", "هذا اليوم"), ("Mohamed", "Muhammad")] {
            #expect(matcher.matches(a, b), "\(a) / \(b)")
        }
    }

    @Test func sameRootNamesAreDifferentNames() {
        for (a, b) in [("Hassan", "حسين"), ("Mahmoud", "محمد"), ("Mohamed Hassan", "محمد حسين")] {
            #expect(!matcher.matches(a, b), "\(a) / \(b)")
        }
    }

    /// The figures, on the first 1,500 gold pairs of each file (the whole sets and ten
    /// draws of non-pairs are in scripts/bench/translit.sh).
    @Test func goldPairsMatchAndOthersDoNot() throws {
        for name in ["ar-en-google", "ar-en-wikidata"] {
            let path = sharedFolder + "/eval/translit/\(name).tsv"
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return print("skipped: \(path) absent") }
            let pairs = text.split(separator: "\n").prefix(1500).compactMap { line -> (String, String)? in
                let fields = line.split(separator: "\t")
                return fields.count >= 2 ? (String(fields[0]), String(fields[1])) : nil
            }
            let matched = pairs.filter { matcher.matches($0.0, $0.1) }.count
            // Each Arabic name against the English of another pair, far away in the (sorted) file:
            // a fixed shuffle by a prime stride.
            let others = pairs.indices.map { (pairs[$0].0, pairs[($0 * 7919 + 13) % pairs.count].1) }.filter { pair in !pairs.contains { $0 == pair } }
            let false_ = others.filter { matcher.matches($0.0, $0.1) }.count
            print("\(name): \(matched) of \(pairs.count) gold pairs matched, \(false_) of \(others.count) non-pairs")
            #expect(Double(matched) >= 0.95 * Double(pairs.count))
            #expect(Double(false_) <= 0.002 * Double(others.count))
        }
    }
}
