import BriefResources
import Foundation
import Testing
@testable import BriefPage

/// The repository (three folders above this file) and the evaluation data beside it.
private let repositoryRoot = "/" + String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")
private let sharedFolder = URL(fileURLWithPath: repositoryRoot).deletingLastPathComponent().appendingPathComponent("shared").path
private let pressFile = sharedFolder + "/eval/press/press.jsonl"
private let copiedFile = sharedFolder + "/eval/extraction/copied.jsonl"

/// Runs the cleaner over the two development sets in ../shared/eval (read at run time, never
/// copied here), scores the predictions with the sets' own scripts and checks the figures stay
/// near what the cleaner reaches. Set BRIEF_CLEANER_DUMP to a folder to keep the predictions,
/// per-document scores and line labels for study.
@Suite struct CopiedTextEvaluationTests {
    static let cleaner = Result { try CopiedTextCleaner.load(from: DataDirectory(root: repositoryRoot)) }

    static func records(_ path: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try data.split(separator: UInt8(ascii: "\n")).filter { !$0.isEmpty }.map {
            try #require(try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any])
        }
    }

    /// Writes JSON lines to a file in the dump folder or a temporary one.
    static func write(_ objects: [[String: Any]], name: String) throws -> String {
        let folder = ProcessInfo.processInfo.environment["BRIEF_CLEANER_DUMP"] ?? NSTemporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/\(name)-\(getpid()).jsonl"
        var data = Data()
        for object in objects {
            data.append(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
            data.append(UInt8(ascii: "\n"))
        }
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Runs a scorer and parses the JSON it prints.
    static func score(_ arguments: [String]) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "scorer failed: \(arguments)")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func perDocument(_ name: String) -> [String] {
        guard let folder = ProcessInfo.processInfo.environment["BRIEF_CLEANER_DUMP"] else { return [] }
        return ["--per-doc", folder + "/\(name)-perdoc.jsonl"]
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: pressFile), "../shared/eval/press is absent: press evaluation skipped"))
    func pressPages() throws {
        let cleaner = try Self.cleaner.get()
        var predictions: [[String: Any]] = []
        var dump: [[String: Any]] = []
        var seconds = 0.0
        for record in try Self.records(pressFile) {
            var text = try #require(record["text"] as? String)
            // The corpus put " date 2024-02-03 " before some excerpts; nobody pastes that.
            if let prefix = record["corpus_prefix"] as? String, text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
            let clock = ContinuousClock.now
            let cleaned = cleaner.clean(text, language: nil)
            seconds += Double((ContinuousClock.now - clock).components.attoseconds) / 1e18
            predictions.append(["id": record["id"]!, "outlet": NSNull(), "date": NSNull(), "place": NSNull(), "author": NSNull(),
                                "title": cleaned.title ?? NSNull(), "body": cleaned.text])
            dump.append(["id": record["id"]!, "labels": cleaned.labels.map(\.rawValue), "title": cleaned.title ?? NSNull(),
                         "head": cleaned.head, "language": cleaned.language ?? NSNull(),
                         "explain": cleaner.explain(text, language: nil)])
        }
        let path = try Self.write(predictions, name: "press-predictions")
        _ = try Self.write(dump, name: "press-labels")
        let result = try Self.score(["\(sharedFolder)/tools/score_press.py", pressFile, path] + Self.perDocument("press"))
        let body = try #require(result["body"] as? [String: Any])
        let title = try #require(result["title"] as? [String: Any])
        let precision = body["precision"] as! Double, recall = body["recall"] as! Double, f1 = body["f1"] as! Double
        let clutter = result["docs_keeping_clutter_share"] as! Double
        let titleFound = title["found_when_present"] as! Double, titleInvented = title["invented_when_absent"] as! Double
        print("press: body P \(precision) R \(recall) F1 \(f1); clutter kept in \(clutter); title right \(titleFound), invented \(titleInvented); \(predictions.count) pages in \(Int(seconds * 1000)) ms")
        // Measured: F1 0.968, P 0.960, R 0.985, clutter kept in 8.8% of pages, title 0.917 / 0.024.
        #expect(f1 >= 0.955)
        #expect(precision >= 0.945)
        #expect(recall >= 0.97)
        #expect(clutter <= 0.11)
        #expect(titleFound >= 0.88)
        #expect(titleInvented <= 0.05)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: copiedFile), "../shared/eval/extraction is absent: copied-text evaluation skipped"))
    func copiedPages() throws {
        let cleaner = try Self.cleaner.get()
        var predictions: [[String: Any]] = []
        var dump: [[String: Any]] = []
        var seconds = 0.0
        for record in try Self.records(copiedFile) {
            let text = try #require(record["text"] as? String)
            let clock = ContinuousClock.now
            let cleaned = cleaner.clean(text, language: nil)
            seconds += Double((ContinuousClock.now - clock).components.attoseconds) / 1e18
            predictions.append(["id": record["id"]!, "text": cleaned.text])
            dump.append(["id": record["id"]!, "labels": cleaned.labels.map(\.rawValue), "title": cleaned.title ?? NSNull(),
                         "language": cleaned.language ?? NSNull()])
        }
        let path = try Self.write(predictions, name: "copied-predictions")
        _ = try Self.write(dump, name: "copied-labels")
        let result = try Self.score(["\(sharedFolder)/tools/score_extraction.py", copiedFile, path] + Self.perDocument("copied"))
        let f1 = result["f1"] as! Double, precision = result["precision"] as! Double, recall = result["recall"] as! Double
        print("copied: F1 \(f1) P \(precision) R \(recall) empty \(result["empty"] ?? 0); \(predictions.count) pages in \(Int(seconds * 1000)) ms")
        // Measured: F1 0.880, P 0.856, R 0.906.
        #expect(f1 >= 0.87)
        #expect(precision >= 0.84)
    }
}
