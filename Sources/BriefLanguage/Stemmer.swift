import CStemmer

/// Why language data could not be loaded.
public enum LanguageError: Error, Equatable, CustomStringConvertible {
    case noStemmer(String)

    public var description: String {
        switch self {
        case .noStemmer(let algorithm): return "no Snowball stemmer named '\(algorithm)' in libstemmer"
        }
    }
}

/// A Snowball stemmer from libstemmer, opened once and reused. Not thread-safe: one per thread.
public final class Stemmer {
    /// The Snowball algorithm's name ("english", "arabic", "porter" …).
    public let algorithm: String
    private let handle: OpaquePointer

    public init(algorithm: String) throws(LanguageError) {
        guard let handle = sb_stemmer_new(algorithm, nil) else { throw .noStemmer(algorithm) }
        self.algorithm = algorithm
        self.handle = handle
    }

    deinit {
        sb_stemmer_delete(handle)
    }

    /// The names of every algorithm libstemmer has.
    public static var algorithms: [String] {
        var names: [String] = []
        guard var list = sb_stemmer_list() else { return names }
        while let name = list.pointee {
            names.append(String(cString: name))
            list += 1
        }
        return names
    }

    /// The stem of a lowercase word.
    public func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { stem(utf8: $0) }
    }

    /// The stem of a lowercase word given as UTF-8 bytes.
    public func stem(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
        guard let result = sb_stemmer_stem(handle, base, Int32(bytes.count)) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        let length = Int(sb_stemmer_length(handle))
        return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
    }
}
