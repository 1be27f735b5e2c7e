import BriefResources
import Foundation
import Testing
@testable import BriefNames

/// Read once for every test, from the repository's Models/ as brief reads it.
private let loadedMatcher = Result { () throws(NamesError) in try NameMatcher.load(from: DataDirectory(root: repositoryRoot)) }

@Suite struct NameMatcherTests {
    let matcher: NameMatcher

    init() throws {
        matcher = try loadedMatcher.get()
    }

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

    /// Each broken line of the real table file is reported by file and line, with what is wrong.
    @Test(arguments: [
        ("x      any", "x      any   K.Z", "\"Z\" is not a class"),
        ("CNEAR ", "CNEAR     seven", "not a number"),
        ("any       تش", "any       تش  X   CDELL", "\"CDELL\" is not a parameter"),
        ("y      initial-before", "y      initial-after:aeiou   Y", "\"after:aeiou\" is not initial, final or before"),
        ("a o ", "a o", "expected 3 fields"),
        ("gh     any", "gh     any   GH|", "empty alternative"),
        ("initial   أ", "initial   أ   -   -", "needs a reading or a cost"),
        ("article-min-rest 3", "article-min-rest three", "not a whole number"),
        ("article-min-rest 3", "article-min-rest 0", "not a whole number of 1 or more"),
        ("[near-pairs]", "[near-pair]", "unknown section [near-pair]"),
    ])
    func malformedTableLine(_ start: String, _ replacement: String, _ problem: String) throws {
        let text = try String(contentsOfFile: repositoryRoot + "/" + NameMatcher.tablesPath, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(lines.firstIndex { $0.hasPrefix(start) }, "no line starts with \(start)")
        lines[index] = replacement
        let error = #expect(throws: NamesError.self) {
            _ = try NameMatcher(tables: lines.joined(separator: "\n"), file: "name-matching.txt")
        }
        let message = error?.problem ?? ""
        #expect(message.hasPrefix("name-matching.txt:\(index + 1): ") && message.contains(problem), "\(message)")
    }

    @Test func emptyGraphemeSectionIsAnError() throws {
        let text = try String(contentsOfFile: repositoryRoot + "/" + NameMatcher.tablesPath, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.firstIndex(of: "[latin-graphemes]"))
        // Keep the header; drop its entries up to the next section or the end.
        var end = header + 1
        while end < lines.count, !lines[end].hasPrefix("[") { end += 1 }
        lines.removeSubrange((header + 1)..<end)
        #expect(throws: NamesError(problem: "name-matching.txt:\(header + 1): [latin-graphemes] has no grapheme")) {
            _ = try NameMatcher(tables: lines.joined(separator: "\n"), file: "name-matching.txt")
        }
    }

    @Test func missingSectionNamesTheFile() {
        #expect(throws: NamesError(problem: "tables.txt: missing section [parameters]")) {
            _ = try NameMatcher(tables: "# nothing yet\n", file: "tables.txt")
        }
    }

    @Test func loadErrorNamesTheDataFile() {
        #expect(throws: NamesError(problem: "/nonexistent/Models/translit/name-matching.txt: data file missing or unreadable")) {
            _ = try NameMatcher.load(from: DataDirectory(root: "/nonexistent"))
        }
    }
}
