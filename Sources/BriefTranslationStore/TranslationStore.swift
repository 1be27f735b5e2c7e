// The translation cache's storage: SQLite through GRDB, built as its own shared library
// (libBriefTranslationStore.so) that brief opens only when it translates. GRDB needs Foundation,
// whose loading would cost every brief command a few milliseconds at start-up; behind this small
// C interface, only translation pays for it.
import Foundation
import GRDB

/// One cache database: translations keyed by engine, language pair, glossary version and segment.
final class TranslationStore {
    let queue: DatabaseQueue

    init(path: String) throws {
        var configuration = Configuration()
        // Two brief processes may share the cache (a batch and an interactive run).
        configuration.busyMode = .timeout(5)
        queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS translation (
                    engine TEXT NOT NULL, pair TEXT NOT NULL, glossary TEXT NOT NULL, segment TEXT NOT NULL,
                    translation TEXT NOT NULL, created REAL NOT NULL,
                    PRIMARY KEY (engine, pair, glossary, segment))
                """)
        }
    }

    func lookup(_ key: [String]) throws -> String? {
        try queue.read { db in
            try String.fetchOne(db, sql: "SELECT translation FROM translation WHERE engine = ? AND pair = ? AND glossary = ? AND segment = ?",
                                arguments: StatementArguments(key))
        }
    }

    func store(_ key: [String], _ value: String) throws {
        try queue.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO translation (engine, pair, glossary, segment, translation, created) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: StatementArguments(key + [value]) + [Date().timeIntervalSince1970])
        }
    }
}

private func describe(_ error: Error) -> String {
    if let error = error as? DatabaseError { return error.message ?? "\(error)" }
    return "\(error)"
}

private func report(_ error: Error, _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) {
    out?.pointee = strdup(describe(error))
}

private func key(_ fields: UnsafePointer<UnsafePointer<CChar>?>?) -> [String] {
    (0..<4).map { index in fields?[index].map { String(cString: $0) } ?? "" }
}

/// Opens (creating if needed) the cache at `path`; nil with `error` set (free it with
/// brief_store_free) when it cannot.
@_cdecl("brief_store_open")
public func brief_store_open(_ path: UnsafePointer<CChar>, _ errorOut: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> UnsafeMutableRawPointer? {
    do {
        let store = try TranslationStore(path: String(cString: path))
        return Unmanaged.passRetained(store).toOpaque()
    } catch {
        report(error, errorOut)
        return nil
    }
}

/// The cached translation for the four key fields (engine, pair, glossary, segment), malloc'd;
/// nil when absent or on error (then `error` is set).
@_cdecl("brief_store_get")
public func brief_store_get(_ handle: UnsafeMutableRawPointer, _ fields: UnsafePointer<UnsafePointer<CChar>?>?,
                            _ errorOut: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> UnsafeMutablePointer<CChar>? {
    let store = Unmanaged<TranslationStore>.fromOpaque(handle).takeUnretainedValue()
    do {
        return try store.lookup(key(fields)).map { strdup($0) }
    } catch {
        report(error, errorOut)
        return nil
    }
}

/// Stores a translation under the four key fields; 0 on success.
@_cdecl("brief_store_put")
public func brief_store_put(_ handle: UnsafeMutableRawPointer, _ fields: UnsafePointer<UnsafePointer<CChar>?>?, _ value: UnsafePointer<CChar>,
                            _ errorOut: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    let store = Unmanaged<TranslationStore>.fromOpaque(handle).takeUnretainedValue()
    do {
        try store.store(key(fields), String(cString: value))
        return 0
    } catch {
        report(error, errorOut)
        return 1
    }
}

@_cdecl("brief_store_close")
public func brief_store_close(_ handle: UnsafeMutableRawPointer) {
    Unmanaged<TranslationStore>.fromOpaque(handle).release()
}

@_cdecl("brief_store_free")
public func brief_store_free(_ pointer: UnsafeMutablePointer<CChar>?) {
    free(pointer)
}
