#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BriefGlossary
import BriefResources

/// Why the translation cache cannot be used (brief then translates without it).
public enum TranslationCacheError: Error, Sendable, Equatable, CustomStringConvertible {
    case libraryMissing(searched: [String])
    case libraryBroken(path: String, detail: String)
    case cannotOpen(path: String, detail: String)

    public var description: String {
        switch self {
        case .libraryMissing(let searched):
            return "the translation cache's library (libBriefTranslationStore.so) is not installed (looked in \(searched.joined(separator: ", ")); build it with swift build)"
        case .libraryBroken(let path, let detail): return "\(path): \(detail)"
        case .cannotOpen(let path, let detail): return "\(path): cannot open the translation cache (\(detail))"
        }
    }
}

/// Translations already made, in SQLite, keyed by engine, language pair, glossary version and
/// segment (the protected text sent to the engine): a second run over the same articles calls
/// no engine. The storage lives in libBriefTranslationStore.so (SQLite through GRDB), opened
/// here at run time so that commands that never translate do not load it.
public final class TranslationCache: @unchecked Sendable {
    private typealias Message = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    private typealias Open = @convention(c) (UnsafePointer<CChar>, Message?, Message?) -> UnsafeMutableRawPointer?
    // Key fields and values cross as bytes with their lengths: a NUL inside a segment is data.
    private typealias Get = @convention(c) (UnsafeMutableRawPointer, UnsafePointer<UnsafePointer<UInt8>?>?, UnsafePointer<Int>?,
                                            UnsafeMutablePointer<Int>?, Message?) -> UnsafeMutablePointer<UInt8>?
    private typealias Put = @convention(c) (UnsafeMutableRawPointer, UnsafePointer<UnsafePointer<UInt8>?>?, UnsafePointer<Int>?,
                                            UnsafePointer<UInt8>, Int, Message?) -> Int32
    private typealias Close = @convention(c) (UnsafeMutableRawPointer) -> Void
    private typealias Free = @convention(c) (UnsafeMutableRawPointer?) -> Void

    public let path: String
    private let handle: UnsafeMutableRawPointer
    private let get: Get, put: Put, closeStore: Close, free: Free
    /// Lookups answered and not answered since opening.
    public private(set) var hits = 0, misses = 0
    /// The first problem met writing, if any (the translation itself still stands).
    public private(set) var writeProblem: String?
    /// Where a damaged cache file found at `path` was moved (a new one was made), if one was.
    public private(set) var movedAside: String?

    /// Opens (creating it and its folder if needed) the cache at `path`.
    public init(path: String, libraryFolders: [String] = TranslationCache.libraryFolders()) throws(TranslationCacheError) {
        // Only a regular file (or nothing yet) can be the cache: a directory, a FIFO (whose open
        // would wait for a writer), a device or a symlink loop is refused before SQLite sees it.
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFREG else { throw .cannotOpen(path: path, detail: "not a regular file") }
        } else if errno != ENOENT {
            throw .cannotOpen(path: path, detail: String(cString: strerror(errno)))
        }
        let name = "libBriefTranslationStore.so"
        guard let library = libraryFolders.map({ $0 + "/" + name }).first(where: { access($0, R_OK) == 0 }) else {
            throw .libraryMissing(searched: libraryFolders)
        }
        // Never dlclose'd, not even on an error path: unloading Swift code (its type metadata and
        // runtime registrations) leaves dangling pointers that crash the process later.
        guard let opened = dlopen(library, RTLD_NOW | RTLD_LOCAL) else {
            throw .libraryBroken(path: library, detail: dlerror().map { String(cString: $0) } ?? "dlopen failed")
        }
        func symbol<T>(_ name: String, as type: T.Type) throws(TranslationCacheError) -> T {
            guard let pointer = dlsym(opened, name) else {
                throw .libraryBroken(path: library, detail: "no \(name)")
            }
            return unsafeBitCast(pointer, to: type)
        }
        let open = try symbol("brief_store_open", as: Open.self)
        get = try symbol("brief_store_get", as: Get.self)
        put = try symbol("brief_store_put", as: Put.self)
        closeStore = try symbol("brief_store_close", as: Close.self)
        free = try symbol("brief_store_free", as: Free.self)
        Self.makeFolder(of: path)
        var error: UnsafeMutablePointer<CChar>?, notice: UnsafeMutablePointer<CChar>?
        guard let handle = open(path, &error, &notice) else {
            let detail = error.map { String(cString: $0) } ?? "unknown error"
            free(error)
            throw .cannotOpen(path: path, detail: detail)
        }
        self.path = path
        self.handle = handle
        movedAside = notice.map { String(cString: $0) }
        free(notice)
    }

    // The library stays loaded once opened: unloading Swift code (its metadata, its runtime
    // registrations) is not safe.
    deinit {
        closeStore(handle)
    }

    /// The cached translation of a segment, if any.
    /// `counted`: false for a look that is not a use (whether a whole document is cached).
    public func lookup(engine: String, pair: LanguagePair, glossary: String, segment: String, counted: Bool = true) -> String? {
        var error: UnsafeMutablePointer<CChar>?
        var length = 0
        let value = withKey([engine, "\(pair.source)-\(pair.target)", glossary, segment]) { get(handle, $0, $1, &length, &error) }
        if let error { free(error) }
        defer { free(value) }
        guard let value else {
            if counted { misses += 1 }
            return nil
        }
        if counted { hits += 1 }
        return String(decoding: UnsafeBufferPointer(start: value, count: length), as: UTF8.self)
    }

    public func store(engine: String, pair: LanguagePair, glossary: String, segment: String, translation: String) {
        var error: UnsafeMutablePointer<CChar>?
        var value = translation
        let status = withKey([engine, "\(pair.source)-\(pair.target)", glossary, segment]) { fields, lengths in
            value.withUTF8 { put(handle, fields, lengths, $0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count, &error) }
        }
        if status != 0, writeProblem == nil { writeProblem = error.map { String(cString: $0) } ?? "write failed" }
        free(error)
    }

    /// The key fields as byte pointers and lengths, valid during `body`.
    private func withKey<R>(_ fields: [String], _ body: (UnsafePointer<UnsafePointer<UInt8>?>, UnsafePointer<Int>) -> R) -> R {
        let bytes = fields.map { Array($0.utf8) + [0] }
        let lengths = fields.map { $0.utf8.count }
        func nest(_ index: Int, _ pointers: [UnsafePointer<UInt8>?]) -> R {
            if index == bytes.count {
                return pointers.withUnsafeBufferPointer { p in lengths.withUnsafeBufferPointer { body(p.baseAddress!, $0.baseAddress!) } }
            }
            return bytes[index].withUnsafeBufferPointer { nest(index + 1, pointers + [$0.baseAddress]) }
        }
        return nest(0, [])
    }

    /// The cache file used when none is given: translations.sqlite in $BRIEF_CACHE_DIR,
    /// $XDG_CACHE_HOME/brief or ~/.cache/brief.
    public static func defaultPath() -> String? {
        LoadedGlossary.defaultCacheFolder().map { $0 + "/translations.sqlite" }
    }

    /// Where the library is looked for: $BRIEF_LIBRARY_DIR, beside the brief executable, and in
    /// ../lib/brief from it.
    public static func libraryFolders() -> [String] {
        LibraryFolders.search()
    }

    private static func makeFolder(of path: String) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/").dropLast() {
            prefix += "/" + part
            mkdir(prefix, 0o755)
        }
    }
}

/// An engine with the cache in front: segments found in the cache are not sent, the others go
/// to the engine in one call and are kept.
public struct CachedTranslator: Translator {
    public let base: any Translator
    public let cache: TranslationCache
    /// The engine as the cache knows it: its name and, for servers, their address.
    public let engineKey: String
    /// What the glossary says for this language pair, as a hash: a changed glossary is a new key.
    public let glossaryVersion: String

    public var name: String { base.name }

    public init(base: any Translator, cache: TranslationCache, engineKey: String, glossaryVersion: String) {
        self.base = base
        self.cache = cache
        self.engineKey = engineKey
        self.glossaryVersion = glossaryVersion
    }

    public func pairs() throws(TranslationError) -> [LanguagePair] {
        try base.pairs()
    }

    /// The cached translations of all `segments`, or nil when any is missing.
    public func cached(html segments: [String], pair: LanguagePair) -> [String]? {
        var results: [String] = []
        for segment in segments {
            if segment.isEmpty { results.append(""); continue }
            guard let hit = cache.lookup(engine: engineKey, pair: pair, glossary: glossaryVersion, segment: segment, counted: false) else { return nil }
            results.append(hit)
        }
        // Found whole: counted as used.
        for segment in segments where !segment.isEmpty {
            _ = cache.lookup(engine: engineKey, pair: pair, glossary: glossaryVersion, segment: segment)
        }
        return results
    }

    public func translate(html segments: [String], pair: LanguagePair) throws(TranslationError) -> [String] {
        var results = [String?](repeating: nil, count: segments.count)
        var missing: [Int] = []
        for (index, segment) in segments.enumerated() {
            if segment.isEmpty { results[index] = ""; continue }
            if let hit = cache.lookup(engine: engineKey, pair: pair, glossary: glossaryVersion, segment: segment) {
                results[index] = hit
            } else {
                missing.append(index)
            }
        }
        if !missing.isEmpty {
            let translated = try base.translate(html: missing.map { segments[$0] }, pair: pair)
            for (index, translation) in zip(missing, translated) {
                results[index] = translation
                cache.store(engine: engineKey, pair: pair, glossary: glossaryVersion, segment: segments[index], translation: translation)
            }
        }
        return results.map { $0 ?? "" }
    }

    /// A hash of the glossary's terms in the two languages of `pair`, hex.
    public static func glossaryVersion(_ glossary: LoadedGlossary?, pair: LanguagePair) -> String {
        guard let glossary else { return "none" }
        var hash: UInt64 = 0xcbf29ce484222325
        func mix(_ text: String) {
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
            hash = (hash ^ 0x1F) &* 0x100000001b3
        }
        for index in 0..<glossary.count {
            let concept = glossary.concept(index)
            mix(concept.id)
            mix(concept.type.rawValue)
            for language in [pair.source, pair.target] { for term in concept.terms[language] ?? [] { mix(term) } }
        }
        return String(hash, radix: 16)
    }
}
