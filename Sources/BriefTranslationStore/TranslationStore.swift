// The translation cache's storage: SQLite through GRDB, built as its own shared library
// (libBriefTranslationStore.so) that brief opens only when it translates. GRDB needs Foundation,
// whose loading would cost every brief command a few milliseconds at start-up; behind this small
// C interface, only translation pays for it.
import Foundation
import GRDB

/// One cache database: translations keyed by engine, language pair, glossary version and segment.
final class TranslationStore {
    let queue: DatabaseQueue

    /// Where a damaged cache file was moved, when one was.
    private(set) var movedAside: String?

    init(path: String) throws {
        do {
            queue = try Self.open(path)
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            // Not a database, or a damaged one: kept for inspection, and a new cache made.
            let aside = path + ".corrupt-\(Int(Date().timeIntervalSince1970))"
            guard rename(path, aside) == 0 else { throw error }
            movedAside = aside
            queue = try Self.open(path)
        }
    }

    private static func open(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        // Two brief processes may share the cache (a batch and an interactive run).
        configuration.busyMode = .timeout(5)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS translation (
                    engine TEXT NOT NULL, pair TEXT NOT NULL, glossary TEXT NOT NULL, segment TEXT NOT NULL,
                    translation TEXT NOT NULL, created REAL NOT NULL,
                    PRIMARY KEY (engine, pair, glossary, segment))
                """)
        }
        return queue
    }

    // Segments and translations are bound as blobs: SQLite reads text bound by GRDB up to its
    // first NUL, so "a\0b" and "a\0c" would be one key.
    func lookup(_ key: [String]) throws -> String? {
        try queue.read { db in
            try Data.fetchOne(db, sql: "SELECT translation FROM translation WHERE engine = ? AND pair = ? AND glossary = ? AND segment = ?",
                              arguments: [key[0], key[1], key[2], Data(key[3].utf8)])
        }.map { String(decoding: $0, as: UTF8.self) }
    }

    func store(_ key: [String], _ value: String) throws {
        try queue.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO translation (engine, pair, glossary, segment, translation, created) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [key[0], key[1], key[2], Data(key[3].utf8), Data(value.utf8), Date().timeIntervalSince1970])
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

/// Key fields arrive as bytes with their lengths: a NUL inside a segment is part of it.
private func key(_ fields: UnsafePointer<UnsafePointer<UInt8>?>?, _ lengths: UnsafePointer<Int>?) -> [String] {
    (0..<4).map { index in
        guard let field = fields?[index], let length = lengths?[index] else { return "" }
        return String(decoding: UnsafeBufferPointer(start: field, count: length), as: UTF8.self)
    }
}

/// Opens (creating if needed) the cache at `path`; nil with `error` set (free it with
/// brief_store_free) when it cannot. `notice` says where a damaged file was moved, if one was.
@_cdecl("brief_store_open")
public func brief_store_open(_ path: UnsafePointer<CChar>, _ errorOut: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                             _ noticeOut: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> UnsafeMutableRawPointer? {
    do {
        let store = try TranslationStore(path: String(cString: path))
        if let aside = store.movedAside { noticeOut?.pointee = strdup(aside) }
        return Unmanaged.passRetained(store).toOpaque()
    } catch {
        report(error, errorOut)
        return nil
    }
}

/// The cached translation for the four key fields (engine, pair, glossary, segment), malloc'd
/// bytes with their count in `length`; nil when absent or on error (then `error` is set).
@_cdecl("brief_store_get")
public func brief_store_get(_ handle: UnsafeMutableRawPointer, _ fields: UnsafePointer<UnsafePointer<UInt8>?>?, _ lengths: UnsafePointer<Int>?,
                            _ length: UnsafeMutablePointer<Int>?,
                            _ errorOut: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> UnsafeMutablePointer<UInt8>? {
    let store = Unmanaged<TranslationStore>.fromOpaque(handle).takeUnretainedValue()
    do {
        guard let value = try store.lookup(key(fields, lengths)) else { return nil }
        let bytes = Array(value.utf8)
        let copy = malloc(max(1, bytes.count))!.assumingMemoryBound(to: UInt8.self)
        bytes.withUnsafeBufferPointer { copy.update(from: $0.baseAddress!, count: $0.count) }
        length?.pointee = bytes.count
        return copy
    } catch {
        report(error, errorOut)
        return nil
    }
}

/// Stores a translation (`count` bytes) under the four key fields; 0 on success.
@_cdecl("brief_store_put")
public func brief_store_put(_ handle: UnsafeMutableRawPointer, _ fields: UnsafePointer<UnsafePointer<UInt8>?>?, _ lengths: UnsafePointer<Int>?,
                            _ value: UnsafePointer<UInt8>, _ count: Int,
                            _ errorOut: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    let store = Unmanaged<TranslationStore>.fromOpaque(handle).takeUnretainedValue()
    do {
        try store.store(key(fields, lengths), String(decoding: UnsafeBufferPointer(start: value, count: count), as: UTF8.self))
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
public func brief_store_free(_ pointer: UnsafeMutableRawPointer?) {
    free(pointer)
}
