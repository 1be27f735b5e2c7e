import Foundation
import Testing

/// Every bad input gives the right output or one error line naming the file, never a crash or hang.
@Suite struct BadInputTests {
    func expectOneLineError(_ result: BriefBinary.Result, file: String, saying problem: String) {
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "brief: \(file): \(problem)\n" || result.stderr.hasPrefix("brief: \(file): \(problem)"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func emptyFile() throws {
        let path = try BriefBinary.temporaryFile("empty.txt", Data())
        expectOneLineError(try BriefBinary.run(["summarize", path]), file: path, saying: "empty input")
    }

    @Test func binaryFile() throws {
        var bytes = Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00])
        bytes.append(Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }))
        let path = try BriefBinary.temporaryFile("program.bin", bytes)
        expectOneLineError(try BriefBinary.run(["summarize", path]), file: path, saying: "binary data, not text")
    }

    @Test func invalidUTF8() throws {
        // UTF-8 with curly quotes and accents, damaged by one stray byte: never read as another charset.
        let bytes = Data("Turkey’s minister said “we are ready”. The talks go on ".utf8) + Data([0xC3, 0x28])
            + Data(" with the United States and the café owners.".utf8)
        let path = try BriefBinary.temporaryFile("broken.txt", bytes)
        expectOneLineError(try BriefBinary.run(["summarize", path]), file: path, saying: "invalid UTF-8 at byte offset 61")
    }

    @Test func fiftyMegabyteFile() throws {
        let path = try BriefBinary.temporaryFile("huge.txt", Data())
        // A sparse file: 50 MB long without using the disk; brief refuses it before reading.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 50 << 20)
        try handle.close()
        let result = try BriefBinary.run(["summarize", path], timeout: 30)
        expectOneLineError(result, file: path, saying: "input is 52428800 bytes, over the 33554432-byte limit (raise it with --max-size)")
    }

    @Test func oversizedStandardInputStopsAtTheLimit() throws {
        let bytes = Data(String(repeating: "The ministry said the talks continue. ", count: 4000).utf8)
        let result = try BriefBinary.run(["summarize", "-", "--max-size", "64K"], input: bytes)
        expectOneLineError(result, file: "-", saying: "input is more than 65536 bytes")
    }

    @Test func utf16WithByteOrderMark() throws {
        let text = "(Hatha al-Youm | Iraq News )- Turkey said it was ready. The talks go on."
        var bytes = Data([0xFF, 0xFE])
        for unit in text.utf16 { bytes.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        let path = try BriefBinary.temporaryFile("utf16.txt", bytes)
        let result = try BriefBinary.run(["summarize", path, "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains(#""encoding": "UTF-16LE""#))
        #expect(result.stdout.contains(#""text": "Turkey said it was ready.""#))
    }

    @Test func windows1256Arabic() throws {
        let result = try BriefBinary.run(["summarize", "Tests/Fixtures/arabic-windows-1256.txt", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains(#""encoding": "windows-1256""#))
        #expect(result.stdout.contains(#""language": "ar""#))
        #expect(result.stdout.contains("قالت وزارة الدفاع العراقية"))
    }

    @Test func oneSentence() throws {
        let path = try BriefBinary.temporaryFile("one.txt", Data("Turkey said it was preparing for potential US sanctions.\n".utf8))
        let result = try BriefBinary.run(["summarize", path])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Turkey said it was preparing for potential US sanctions.\n\nGlossary (en → ar):\n"))
    }

    @Test func onlyATitle() throws {
        let path = try BriefBinary.temporaryFile("title.txt", Data("Turkey prepares for US sanctions\n".utf8))
        let result = try BriefBinary.run(["summarize", path])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Turkey prepares for US sanctions\n\n(no body text to summarize)\n"))
        #expect(result.stderr == "brief: \(path): no body text to summarize\n")
    }

    @Test func missingFileAndDirectory() throws {
        expectOneLineError(try BriefBinary.run(["summarize", "/no/such/article.txt"]), file: "/no/such/article.txt", saying: "no such file")
        expectOneLineError(try BriefBinary.run(["summarize", "Tests"]), file: "Tests", saying: "is a directory")
    }

    @Test func unknownEncoding() throws {
        expectOneLineError(try BriefBinary.run(["summarize", "Examples/al-mada-air-defense.txt", "--encoding", "klingon-8"]),
                           file: "Examples/al-mada-air-defense.txt", saying: "unknown encoding 'klingon-8'")
    }
}
