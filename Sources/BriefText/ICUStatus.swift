import ICUBridge

/// Turns ICU's integer status codes into `TextError`s.
enum ICUStatus {
    static func isFailure(_ code: Int32) -> Bool { code > 0 }

    static func name(_ code: Int32) -> String {
        brief_icu_error_name(code).map { String(cString: $0) } ?? "error \(code)"
    }

    static func check(_ code: Int32, _ operation: String) throws(TextError) {
        if isFailure(code) { throw .icu(operation: operation, code: name(code)) }
    }

    /// The version of the ICU library brief is linked against, e.g. "72.1".
    static var version: String {
        var buffer = [CChar](repeating: 0, count: 32)
        brief_icu_version(&buffer, Int32(buffer.count))
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// Facts about the ICU library in use.
public enum ICULibrary {
    /// ICU's version string, e.g. "72.1".
    public static var version: String { ICUStatus.version }
}

/// Runs an ICU UTF-16 call that reports the length it needs, growing the buffer until it fits.
func withGrowingUTF16Buffer(
    initialCapacity: Int,
    operation: String,
    _ body: (UnsafeMutablePointer<UInt16>, Int32, inout Int32) -> Int32
) throws(TextError) -> [UInt16] {
    var capacity = max(initialCapacity, 16)
    for _ in 0..<8 {
        var buffer = [UInt16](repeating: 0, count: capacity)
        var status: Int32 = 0
        let needed = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!, Int32(capacity), &status) }
        try ICUStatus.check(status, operation)
        if Int(needed) <= capacity {
            buffer.removeLast(capacity - Int(needed))
            return buffer
        }
        capacity = Int(needed) + 16
    }
    throw .icu(operation: operation, code: "U_BUFFER_OVERFLOW_ERROR")
}
