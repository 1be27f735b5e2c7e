import BriefResources
import Synchronization
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The glossary as a command uses it: a matcher, and the concepts by index. The built-in
/// glossary alone comes from its compact form (see `CompiledGlossary`), made at first use in the
/// cache folder; with a user's glossary, both are read from their text.
public final class LoadedGlossary: @unchecked Sendable {
    /// Built on first use: exporting or validating a large user glossary never needs it, and its
    /// trie costs more memory than the concepts. Behind a lock: a LoadedGlossary may be shared.
    public var matcher: TermMatcher {
        matcherCache.withLock { cached in
            if let cached { return cached }
            let made: TermMatcher
            switch source {
            case .memory(let glossary): made = TermMatcher(glossary: glossary)
            case .compiled(let compiled): made = TermMatcher(compiled: compiled)
            }
            cached = made
            return made
        }
    }
    private let matcherCache = Mutex<TermMatcher?>(nil)
    public let count: Int
    private let source: Source

    private enum Source {
        case memory(Glossary)
        case compiled(CompiledGlossary)
    }

    private init(count: Int, source: Source) {
        self.count = count
        self.source = source
    }

    /// A glossary held in memory.
    public convenience init(_ glossary: Glossary) {
        self.init(count: glossary.count, source: .memory(glossary))
    }

    public func concept(_ index: Int) -> Concept {
        switch source {
        case .memory(let glossary): return glossary.concepts[index]
        case .compiled(let compiled): return compiled.concept(index)
        }
    }

    /// Every concept, in order (decoded in full: for exports, not for every brief).
    public var glossary: Glossary {
        switch source {
        case .memory(let glossary): return glossary
        case .compiled: return Glossary(concepts: (0..<count).map(concept))
        }
    }

    /// The concepts found in `text`, in order of first use.
    public func hits(in text: String) -> [GlossaryHit] {
        matcher.hits(in: text, concept: concept)
    }

    /// The user's glossary (if any) before the built-in one. `cache` is where the compact form
    /// of the built-in glossary is kept; nil reads the text every time.
    public static func load(data: DataDirectory?, userFile: String?, cache: String?) throws(GlossaryError) -> LoadedGlossary {
        var glossary = Glossary()
        if let userFile { glossary = try GlossaryReader.read(path: userFile) }
        guard let data, data.exists("Lexicons/glossary") else { return LoadedGlossary(glossary) }
        if userFile == nil, let cache, let compiled = try compiledBuiltIn(data: data, cache: cache) {
            return LoadedGlossary(count: compiled.conceptCount, source: .compiled(compiled))
        }
        let builtIn = try GlossaryReader.builtIn(from: data)
        for concept in builtIn.concepts where glossary[concept.id] == nil { glossary.add(concept) }
        return LoadedGlossary(glossary)
    }

    /// The default cache folder: $BRIEF_CACHE_DIR, $XDG_CACHE_HOME/brief or ~/.cache/brief.
    public static func defaultCacheFolder() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let folder = environment["BRIEF_CACHE_DIR"], !folder.isEmpty { return folder }
        if let folder = environment["XDG_CACHE_HOME"], !folder.isEmpty { return folder + "/brief" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/brief" }
        return nil
    }

    /// The compact form of the built-in glossary, made from the text when there is none for this
    /// text yet. A cache that cannot be written is not an error: the text is read instead.
    static func compiledBuiltIn(data: DataDirectory, cache: String) throws(GlossaryError) -> CompiledGlossary? {
        let folder = data.path("Lexicons/glossary")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder).filter({ $0.hasSuffix(".txt") }).sorted() else { return nil }
        // Named by a hash of every file's name, size and modification time (to the nanosecond), so
        // an edit makes a new compact form; reading every byte at each start would cost more.
        var hash: UInt64 = 0xcbf29ce484222325
        func mix(_ value: UInt64) {
            var value = value
            for _ in 0..<8 { hash = (hash ^ (value & 0xFF)) &* 0x100000001b3; value >>= 8 }
        }
        for name in names {
            var info = stat()
            guard stat(folder + "/" + name, &info) == 0 else { return nil }
            for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
            mix(UInt64(info.st_size))
            #if os(Linux)
            let modified = info.st_mtim
            #else
            let modified = info.st_mtimespec
            #endif
            mix(UInt64(bitPattern: Int64(modified.tv_sec)))
            mix(UInt64(bitPattern: Int64(modified.tv_nsec)))
        }
        let path = "\(cache)/glossary-v\(CompiledGlossary.version)-\(String(hash, radix: 16)).bin"
        if let compiled = CompiledGlossary(path: path) { return compiled }
        let glossary = try GlossaryReader.builtIn(from: data)
        let bytes = CompiledGlossary.encode(glossary, trie: MemoryTrie(glossary: glossary))
        do {
            try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
            // Written aside and renamed, so a reader never maps half a file.
            let temporary = path + ".\(getpid()).tmp"
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, path) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
        } catch {
            return nil
        }
        return CompiledGlossary(path: path)
    }
}
