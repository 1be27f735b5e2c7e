import ICUBridge

/// An ICU transliterator, opened once from a transform ID or from custom rules and reused.
public final class Transliterator {
    /// The transform ID or the name given to custom rules.
    public let id: String
    private let handle: OpaquePointer

    /// Opens one of ICU's transforms, e.g. "Any-Latin", "Arabic-Latin", "Latin-ASCII".
    public convenience init(transform id: String) throws(TextError) {
        try self.init(id: id, rules: nil)
    }

    /// Compiles custom ICU transform rules (the syntax of ICU's rule-based transliterators).
    public convenience init(name: String, rules: String) throws(TextError) {
        try self.init(id: name, rules: rules)
    }

    private init(id: String, rules: String?) throws(TextError) {
        let idUnits = Array(id.utf16)
        let ruleUnits = rules.map { Array($0.utf16) }
        var line: Int32 = 0
        var offset: Int32 = 0
        var status: Int32 = 0
        let opened: OpaquePointer? = idUnits.withUnsafeBufferPointer { idBuffer in
            if let ruleUnits {
                return ruleUnits.withUnsafeBufferPointer { ruleBuffer in
                    brief_translit_open(idBuffer.baseAddress, Int32(idBuffer.count), ruleBuffer.baseAddress,
                                        Int32(ruleBuffer.count), &line, &offset, &status)
                }
            }
            return brief_translit_open(idBuffer.baseAddress, Int32(idBuffer.count), nil, 0, &line, &offset, &status)
        }
        guard let opened, !ICUStatus.isFailure(status) else {
            if rules != nil {
                throw .transliterationRules(id: id, line: Int(line), offset: Int(offset), code: ICUStatus.name(status))
            }
            throw .icu(operation: "opening transform '\(id)'", code: ICUStatus.name(status))
        }
        self.id = id
        self.handle = opened
    }

    deinit {
        brief_translit_close(handle)
    }

    /// `text` transliterated. Long text is fed line by line: one ICU call over a very large
    /// buffer is quadratic.
    public func transliterate(_ text: String) throws(TextError) -> String {
        if text.utf16.count <= 4096 { return try transliterateChunk(text) }
        var pieces: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            pieces.append(try transliterateChunk(String(line)))
        }
        return pieces.joined(separator: "\n")
    }

    private func transliterateChunk(_ text: String) throws(TextError) -> String {
        let original = Array(text.utf16)
        guard !original.isEmpty else { return text }
        var capacity = original.count * 3 + 16
        for _ in 0..<8 {
            var buffer = original + [UInt16](repeating: 0, count: capacity - original.count)
            var status: Int32 = 0
            let length = buffer.withUnsafeMutableBufferPointer {
                brief_translit_apply(handle, $0.baseAddress, Int32(original.count), Int32(capacity), &status)
            }
            try ICUStatus.check(status, "transliteration '\(id)'")
            if Int(length) <= capacity {
                return String(decoding: buffer[0..<Int(length)], as: UTF16.self)
            }
            capacity = Int(length)
        }
        throw .icu(operation: "transliteration '\(id)'", code: "U_BUFFER_OVERFLOW_ERROR")
    }
}
