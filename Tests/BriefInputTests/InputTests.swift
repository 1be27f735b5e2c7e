#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import BriefInput

private func temporaryFile(_ bytes: [UInt8]) -> String {
    var template = Array("/tmp/brief-input-XXXXXX".utf8CString)
    let descriptor = mkstemp(&template)
    _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    close(descriptor)
    return String(cString: template)
}

@Suite struct InputReaderTests {
    @Test func readsAFile() throws {
        let path = temporaryFile(Array("hello".utf8))
        defer { unlink(path) }
        #expect(try InputReader().read(path) == Array("hello".utf8))
    }

    @Test func missingFileAndDirectory() {
        #expect(throws: InputError.notFound("/no/such/article.txt")) { try InputReader().read("/no/such/article.txt") }
        #expect(throws: InputError.isDirectory("/tmp")) { try InputReader().read("/tmp") }
    }

    @Test func oversizedFileIsRefusedBeforeReading() {
        let path = temporaryFile([UInt8](repeating: 0x41, count: 2048))
        defer { unlink(path) }
        #expect(throws: InputError.tooLarge(path, bytes: 2048, limit: 1024)) { try InputReader(maxBytes: 1024).read(path) }
    }

    @Test func errorMessagesNameTheFile() {
        #expect(InputError.notFound("a.txt").description == "a.txt: no such file")
        #expect(InputError.tooLarge("big.txt", bytes: 50, limit: 10).description.hasPrefix("big.txt: input is 50 bytes"))
    }
}

@Suite struct JSONLinesTests {
    @Test func parsesARecord() throws {
        let line = Array(#"{"id": "a1", "text": "Body.", "title": "T", "lang": "fr", "extra": [1, 2]}"#.utf8)
        let record = try JSONLines.record(from: line, line: 1)
        #expect(record == ArticleRecord(id: .string("a1"), text: "Body.", title: "T", language: "fr"))
    }

    @Test func numericIdsAndNullTitle() throws {
        let record = try JSONLines.record(from: Array(#"{"id": 7, "text": "x", "title": null}"#.utf8), line: 3)
        #expect(record.id == .integer(7))
        #expect(record.title == nil)
    }

    @Test func otherTextField() throws {
        let record = try JSONLines.record(from: Array(#"{"id": "r", "damaged": "abc"}"#.utf8), line: 1, textField: "damaged")
        #expect(record.text == "abc")
    }

    @Test func badRecordsSayWhy() {
        #expect(throws: RecordError.notJSON(line: 4)) { try JSONLines.record(from: Array("{not json".utf8), line: 4) }
        #expect(throws: RecordError.notAnObject(line: 1)) { try JSONLines.record(from: Array("[1, 2]".utf8), line: 1) }
        #expect(throws: RecordError.missingField(line: 2, field: "text")) { try JSONLines.record(from: Array(#"{"id": "x"}"#.utf8), line: 2) }
        #expect(throws: RecordError.missingField(line: 2, field: "id")) { try JSONLines.record(from: Array(#"{"text": "x"}"#.utf8), line: 2) }
        #expect(throws: RecordError.wrongType(line: 5, field: "text", expected: "a string")) {
            try JSONLines.record(from: Array(#"{"id": "x", "text": 12}"#.utf8), line: 5)
        }
        #expect(JSONLines.id(of: Array(#"{"id": "x", "text": 12}"#.utf8)) == .string("x"))
    }

    @Test func readerSkipsBlankLinesAndCountsThem() throws {
        let path = temporaryFile(Array("{\"id\":1}\n\n  \n{\"id\":2}\r\n".utf8))
        defer { unlink(path) }
        let reader = try JSONLinesReader(path: path)
        let first = try #require(try reader.nextLine())
        let second = try #require(try reader.nextLine())
        #expect(first.number == 1)
        #expect(try first.bytes.get() == Array("{\"id\":1}".utf8))
        #expect(second.number == 4)
        #expect(try second.bytes.get() == Array("{\"id\":2}".utf8))
        #expect(try reader.nextLine() == nil)
    }

    @Test func linesOverTheLimitAreErrorsForThatLineOnly() throws {
        let path = temporaryFile(Array((String(repeating: "x", count: 100_000) + "\n{\"id\":2}\n" + String(repeating: "y", count: 70_000)).utf8))
        defer { unlink(path) }
        let reader = try JSONLinesReader(path: path, maxLineBytes: 65_536)
        let first = try #require(try reader.nextLine())
        #expect(throws: RecordError.tooLong(line: 1, limit: 65_536)) { try first.bytes.get() }
        let second = try #require(try reader.nextLine())
        #expect(try second.bytes.get() == Array("{\"id\":2}".utf8))
        let third = try #require(try reader.nextLine())
        #expect(throws: RecordError.tooLong(line: 3, limit: 65_536)) { try third.bytes.get() }
        #expect(try reader.nextLine() == nil)
    }

    @Test func numericIdsAreKeptAsWritten() throws {
        #expect(try JSONLines.record(from: Array(#"{"id": 12345678901234567890, "text": "x"}"#.utf8), line: 1).id == .number("12345678901234567890"))
        #expect(try JSONLines.record(from: Array(#"{"text": "x", "id": -2.50e3}"#.utf8), line: 1).id == .number("-2.50e3"))
        #expect(try JSONLines.record(from: Array(#"{"a": {"id": 1}, "id": 9, "text": "x"}"#.utf8), line: 1).id == .integer(9))
        #expect(throws: RecordError.wrongType(line: 3, field: "id", expected: "a string or a number")) {
            try JSONLines.record(from: Array(#"{"id": true, "text": "x"}"#.utf8), line: 3)
        }
    }
}
