#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import BriefText

private let fixtures = String(#filePath).split(separator: "/").dropLast(2).joined(separator: "/")
private func fixture(_ name: String) throws -> [UInt8] {
    let path = "/" + fixtures + "/Fixtures/" + name
    return try #require(readFile(path), "fixture \(path) missing")
}

private func readFile(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = fread(&chunk, 1, chunk.count, file)
        if count == 0 { break }
        bytes += chunk[0..<count]
    }
    return bytes
}

@Suite struct TextDecoderTests {
    let decoder = TextDecoder()

    @Test func plainUTF8() throws {
        let decoded = try decoder.decode(Array("Reuters reported.\r\nTurkey said.".utf8))
        #expect(decoded.encoding == "UTF-8")
        #expect(decoded.text == "Reuters reported.\nTurkey said.")
    }

    @Test func utf8WithByteOrderMark() throws {
        let decoded = try decoder.decode([0xEF, 0xBB, 0xBF] + Array("هذا اليوم".utf8))
        #expect(decoded.hadByteOrderMark)
        #expect(decoded.text == "هذا اليوم")
    }

    @Test func utf16WithByteOrderMark() throws {
        let text = "Hatha al-Youm — هذا اليوم"
        var little: [UInt8] = [0xFF, 0xFE]
        var big: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 {
            little += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            big += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        #expect(try decoder.decode(little).text == text)
        #expect(try decoder.decode(little).encoding == "UTF-16LE")
        #expect(try decoder.decode(big).text == text)
    }

    @Test func windows1256ArabicIsDetected() throws {
        let expected = String(decoding: try fixture("arabic-utf8.txt"), as: UTF8.self)
        let decoded = try decoder.decode(try fixture("arabic-windows-1256.txt"))
        #expect(decoded.encoding == "windows-1256")
        #expect(decoded.text == expected)
    }

    @Test func iso88596ArabicIsDetected() throws {
        let decoded = try decoder.decode(try fixture("arabic-iso-8859-6.txt"))
        #expect(decoded.encoding == "ISO-8859-6")
        #expect(decoded.text.contains("وزارة الدفاع العراقية"))
    }

    @Test func forcedEncoding() throws {
        let decoded = try decoder.decode(try fixture("arabic-windows-1256.txt"), encoding: "cp1256")
        #expect(decoded.text.hasPrefix("بغداد"))
        #expect(throws: TextError.unknownEncoding("no-such-charset")) {
            try decoder.decode(Array("abc".utf8), encoding: "no-such-charset")
        }
    }

    @Test func emptyAndBlankInputAreErrors() {
        #expect(throws: TextError.empty) { try decoder.decode([]) }
        #expect(throws: TextError.empty) { try decoder.decode(Array(" \n\t\n".utf8)) }
    }

    @Test func binaryIsAnError() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        #expect(throws: TextError.binary(offset: 8)) { try decoder.decode(png) }
        let controls = Array("text".utf8) + [UInt8](repeating: 0x01, count: 40)
        #expect {
            try decoder.decode(controls)
        } throws: { error in
            if case .binary = error as? TextError { return true }
            return false
        }
    }

    @Test func damagedUTF8IsNotTakenForALegacyEncoding() {
        // Valid Arabic UTF-8 with one stray byte: an error at that byte, never mojibake.
        let bytes = Array("قالت وزارة الدفاع".utf8) + [0xFF] + Array(" العراقية".utf8)
        #expect(throws: TextError.invalidUTF8(offset: 32)) { try decoder.decode(bytes) }
    }

    @Test func latin1FrenchIsDetected() throws {
        // "L'école de défense a été fermée après la visite du ministre français." in ISO-8859-1.
        let text = "L'école de défense a été fermée après la visite du ministre français. Les élèves sont rentrés chez eux."
        let bytes = text.unicodeScalars.map { UInt8($0.value) }
        let decoded = try decoder.decode(bytes)
        #expect(decoded.text == text)
        #expect(decoded.encoding.hasPrefix("ISO-8859-1") || decoded.encoding == "windows-1252")
    }

    @Test func sizeLimit() {
        let small = TextDecoder(maxBytes: 10)
        #expect(throws: TextError.tooLarge(bytes: 11, limit: 10)) { try small.decode(Array("hello world".utf8)) }
    }

    @Test func textIsNFC() throws {
        let decomposed = "e\u{301}cole"
        #expect(try decoder.decode(Array(decomposed.utf8)).text.unicodeScalars.count == 5)
    }
}
