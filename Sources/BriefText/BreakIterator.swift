import ICUBridge

/// What a word segment contains, from ICU's word-break rule status.
public enum WordKind: UInt8, Sendable {
    case number, letters, kana, ideographic

    init?(ruleStatus: Int32) {
        switch ruleStatus {
        case 100..<200: self = .number
        case 200..<300: self = .letters
        case 300..<400: self = .kana
        case 400..<500: self = .ideographic
        default: return nil
        }
    }
}

/// A word in a text: UTF-8 byte offsets and its kind. Compact because articles hold many.
public struct WordToken: Hashable, Sendable {
    public var start: Int32
    public var end: Int32
    public var kind: WordKind

    public init(start: Int32, end: Int32, kind: WordKind) {
        self.start = start
        self.end = end
        self.kind = kind
    }

    /// The UTF-8 byte range of the word.
    public var range: Range<Int> { Int(start)..<Int(end) }
}

/// An ICU break iterator over UTF-8 text, opened once and reused for every text.
///
/// Not thread-safe: use one per thread.
public final class BreakIterator {
    /// Sentence or word boundaries.
    public enum Kind: Sendable { case sentence, word }

    public let kind: Kind
    public let locale: String
    private let handle: OpaquePointer

    /// Opens an iterator; `locale` is an ICU locale ID such as "en@ss=standard" or "ar".
    public init(kind: Kind, locale: String) throws(TextError) {
        var status: Int32 = 0
        guard let handle = brief_breaker_open(kind == .sentence ? 0 : 1, locale, &status), !ICUStatus.isFailure(status) else {
            throw .icu(operation: "opening a \(kind) break iterator for '\(locale)'", code: ICUStatus.name(status))
        }
        self.kind = kind
        self.locale = locale
        self.handle = handle
    }

    deinit {
        brief_breaker_close(handle)
    }

    /// Calls `body(start, end, ruleStatus)` for each segment of `bytes`, in order; offsets are
    /// relative to `bytes`. The bytes are copied in (as UTF-16) before the first call.
    public func forEachSegment(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Int, Int32) -> Void) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        var status: Int32 = 0
        base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            brief_breaker_set_text(handle, $0, Int64(bytes.count), &status)
        }
        guard !ICUStatus.isFailure(status) else { return }
        segments(body)
    }

    /// Calls `body` for each segment of the text `other` was last given (converted once for
    /// both); `other` must not be given new text meanwhile, which this scoped call ensures for
    /// callers that hold both.
    public func forEachSegment(ofTextIn other: BreakIterator, _ body: (Int, Int, Int32) -> Void) {
        var status: Int32 = 0
        brief_breaker_share_text(handle, other.handle, &status)
        guard !ICUStatus.isFailure(status) else { return }
        segments(body)
    }

    private func segments(_ body: (Int, Int, Int32) -> Void) {
        let capacity = 512
        var boundaries = [Int64](repeating: 0, count: capacity)
        var statuses = [Int32](repeating: 0, count: capacity)
        var previous: Int?
        while true {
            let count = Int(brief_breaker_next(handle, &boundaries, &statuses, Int64(capacity)))
            if count == 0 { break }
            for index in 0..<count {
                let position = Int(boundaries[index])
                if let start = previous { body(start, position, statuses[index]) }
                previous = position
            }
        }
    }
}
