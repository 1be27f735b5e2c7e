import ICUBridge

/// Text decoded from bytes, with the encoding it was found in.
public struct DecodedText: Sendable, Equatable {
    /// The text in NFC with line endings turned into "\n" and any byte-order mark removed.
    public var text: String
    /// The encoding the bytes were in, e.g. "UTF-8", "UTF-16LE", "windows-1256".
    public var encoding: String
    /// Whether the input started with a byte-order mark.
    public var hadByteOrderMark: Bool
    /// What the user should know about how the bytes were read, when a guess was involved.
    public var note: String?

    public init(text: String, encoding: String, hadByteOrderMark: Bool, note: String? = nil) {
        self.text = text
        self.encoding = encoding
        self.hadByteOrderMark = hadByteOrderMark
        self.note = note
    }
}

/// Decodes article bytes to text: BOMs, UTF-8, UTF-16/32, and legacy encodings found with ICU's
/// charset detector. Binary and undecodable input is an error, never garbage.
public struct TextDecoder: Sendable {
    /// Largest input accepted, in bytes.
    public var maxBytes: Int
    /// Share of control characters above which decoded text is taken for binary data.
    public var maxControlShare: Double = 0.01

    public init(maxBytes: Int = 64 << 20) {
        self.maxBytes = maxBytes
    }

    /// Decodes `bytes`; `encoding` forces an ICU converter name instead of detecting one.
    public func decode(_ bytes: [UInt8], encoding forced: String? = nil) throws(TextError) -> DecodedText {
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= maxBytes else { throw .tooLarge(bytes: bytes.count, limit: maxBytes) }

        if let forced {
            return try finish(convert(bytes, from: forced, dropping: 0), encoding: forced, bom: false)
        }
        if let (name, length) = Self.byteOrderMark(bytes) {
            if name == "UTF-8" {
                let body = Array(bytes[length...])
                guard let text = String(validating: body, as: UTF8.self) else {
                    throw .invalidUTF8(offset: length + Self.firstInvalidUTF8Offset(body))
                }
                return try finish(text, encoding: name, bom: true)
            }
            return try finish(convert(bytes, from: name, dropping: length), encoding: name, bom: true)
        }
        if let nul = bytes.firstIndex(of: 0) {
            // NUL bytes mean UTF-16/32 without a BOM, or binary data.
            if let (name, confidence) = Self.detect(bytes), name.hasPrefix("UTF-16") || name.hasPrefix("UTF-32"),
               confidence >= 50 {
                return try finish(convert(bytes, from: name, dropping: 0), encoding: name, bom: false)
            }
            throw .binary(offset: nul)
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return try finish(text, encoding: "UTF-8", bom: false)
        }
        // Valid multi-byte UTF-8 next to invalid bytes is damaged UTF-8, not a legacy encoding:
        // guessing a single-byte charset would turn every valid character into mojibake.
        let invalidOffset = Self.firstInvalidUTF8Offset(bytes)
        if Self.isMostlyUTF8(bytes) {
            throw .invalidUTF8(offset: invalidOffset)
        }
        guard let (name, confidence) = Self.detect(bytes), name != "UTF-8", confidence >= 10 else {
            throw .invalidUTF8(offset: invalidOffset)
        }
        var decoded = try finish(convert(bytes, from: name, dropping: 0), encoding: name, bom: false)
        // A few stray bytes in ASCII text (damage, not an encoding): read, but say so, and what
        // they became.
        let outside = bytes.lazy.filter { $0 >= 0x80 }.count
        if outside * 100 < bytes.count {
            let byte = bytes[invalidOffset]
            let shown = (try? convert([byte], from: name, dropping: 0)).map { "'\($0)'" } ?? "?"
            decoded.note = "not UTF-8: \(outside) byte\(outside == 1 ? "" : "s") outside ASCII in ASCII text, read as \(name) (detected); the first, 0x\(String(byte, radix: 16, uppercase: true)) at byte offset \(invalidOffset), became \(shown) (use --encoding to choose)"
        }
        return decoded
    }

    private func convert(_ bytes: [UInt8], from charset: String, dropping prefix: Int) throws(TextError) -> String {
        guard brief_charset_known(charset) != 0 else { throw .unknownEncoding(charset) }
        let body = Array(bytes[prefix...])
        do {
            let units = try withGrowingUTF16Buffer(initialCapacity: body.count + 1, operation: "conversion from \(charset)") {
                dest, capacity, status in
                body.withUnsafeBufferPointer { source in
                    source.baseAddress!.withMemoryRebound(to: CChar.self, capacity: source.count) {
                        brief_convert_to_utf16(charset, $0, Int32(source.count), dest, capacity, &status)
                    }
                }
            }
            return String(decoding: units, as: UTF16.self)
        } catch {
            if case .icu(_, let code) = error, code == "U_INVALID_CHAR_FOUND" || code == "U_ILLEGAL_CHAR_FOUND"
                || code == "U_TRUNCATED_CHAR_FOUND" {
                throw .undecodable(charset: charset, detail: "bytes that are not \(charset) (\(code))")
            }
            throw error
        }
    }

    private func finish(_ raw: String, encoding: String, bom: Bool) throws(TextError) -> DecodedText {
        var text = raw
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        if let offset = controlCharacterOffset(text) { throw .binary(offset: offset) }
        text = Self.unifyLineEndings(text)
        text = try TextNormalizer.normalize(text, form: .nfc)
        guard text.contains(where: { !$0.isWhitespace }) else { throw .empty }
        return DecodedText(text: text, encoding: encoding, hadByteOrderMark: bom, note: nil)
    }

    /// The UTF-8 offset of the first control character if they are too many for text.
    private func controlCharacterOffset(_ text: String) -> Int? {
        var count = 0
        var total = 0
        var first: Int?
        var offset = 0
        for scalar in text.unicodeScalars {
            total += 1
            let value = scalar.value
            if (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D && value != 0x0C) || value == 0x7F {
                count += 1
                if first == nil { first = offset }
            }
            offset += scalar.utf8.count
        }
        guard let first, Double(count) > max(2, Double(total) * maxControlShare) else { return nil }
        return first
    }

    static func unifyLineEndings(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousCR = false
        for byte in text.utf8 {
            if byte == 0x0D {
                bytes.append(0x0A)
                previousCR = true
                continue
            }
            if byte == 0x0A && previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func byteOrderMark(_ bytes: [UInt8]) -> (String, Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return ("UTF-8", 3) }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return ("UTF-32LE", 4) }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return ("UTF-32BE", 4) }
        if bytes.starts(with: [0xFF, 0xFE]) { return ("UTF-16LE", 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return ("UTF-16BE", 2) }
        return nil
    }

    static func detect(_ bytes: [UInt8]) -> (String, Int)? {
        var name = [CChar](repeating: 0, count: 64)
        var confidence: Int32 = 0
        var status: Int32 = 0
        // The detector only needs a sample; a large prefix keeps it linear and fast.
        let sample = bytes.prefix(1 << 20)
        let found = sample.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                brief_detect_charset($0, Int32(buffer.count), &name, Int32(name.count), &confidence, &status)
            }
        }
        guard found != 0, !ICUStatus.isFailure(status) else { return nil }
        let text = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (text, Int(confidence))
    }

    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            if length == 0 { return index }
            index += length
        }
        return bytes.count
    }

    /// Whether the non-ASCII bytes are mostly well-formed UTF-8 sequences. Legacy single-byte
    /// text forms a valid sequence now and then by chance, but far more often it does not.
    static func isMostlyUTF8(_ bytes: [UInt8]) -> Bool {
        var valid = 0
        var invalid = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            let length = validSequenceLength(bytes, at: index)
            if length > 1 {
                valid += 1
                index += length
            } else {
                invalid += 1
                index += 1
            }
        }
        return valid > invalid
    }

    /// Length of the well-formed UTF-8 sequence starting at `index`, or 0.
    static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            let (lower, upper) = offset == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
            if byte < lower || byte > upper { return 0 }
        }
        return length
    }
}
