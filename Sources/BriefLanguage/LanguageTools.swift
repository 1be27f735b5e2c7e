import BriefResources

/// What analysis needs for one language: its stemmer and stop words, loaded once.
///
/// Holds a Snowball handle and a cache of stems: one per thread.
public final class LanguageTools {
    /// The language code ("en", "ar" …).
    public let language: String
    public let stopwords: Set<String>
    private let stemmer: Stemmer?
    private var cache: [String: String] = [:]
    /// Per word form as written (by a 64-bit hash of its bytes): its global stem id, or -1 for a
    /// stop word. One lookup per word, with no string made.
    private var formIDs = FormTable()
    /// The stem of each global id.
    public private(set) var stems: [String] = []
    private var stemIDs: [String: Int32] = [:]

    /// Snowball algorithm names of the languages brief analyzes.
    public static let algorithms = ["en": "english", "ar": "arabic", "fr": "french", "es": "spanish",
                                    "ru": "russian", "tr": "turkish", "de": "german"]

    public init(language: String, stopwords: Set<String>, stemmer: Stemmer?) {
        self.language = language
        self.stopwords = stopwords
        self.stemmer = stemmer
    }

    /// Loads stop words from `Models/stopwords/<language>.txt` and opens the Snowball stemmer;
    /// a language without either gets lowercase forms and no stop words.
    public static func load(language: String, from data: DataDirectory?) throws -> LanguageTools {
        var stopwords: Set<String> = []
        if let data, data.exists("Models/stopwords/\(language).txt") {
            stopwords = Set(try data.lines("Models/stopwords/\(language).txt").map {
                language == "ar" ? ArabicNormalizer.normalize(String($0)) : String($0)
            })
        }
        let stemmer = try algorithms[language].map { try Stemmer(algorithm: $0) }
        return LanguageTools(language: language, stopwords: stopwords, stemmer: stemmer)
    }

    /// The normalized form of a word: lowercase, and for Arabic, one spelling of each letter.
    public func normalize(_ word: Substring) -> String {
        let lower = word.lowercased()
        return language == "ar" ? ArabicNormalizer.normalize(lower) : lower
    }

    public func isStopword(_ normalized: String) -> Bool {
        stopwords.contains(normalized)
    }

    /// The global stem id of a word as written (-1 for stop words), from one cache lookup for
    /// words seen before: analysis does this for every word of every article.
    public func termID(_ word: Substring) -> Int32 {
        if let id = word.utf8.withContiguousStorageIfAvailable({ termID(utf8: $0) }) { return id }
        return termID(utf8: Array(word.utf8).withUnsafeBufferPointer { UnsafeBufferPointer(start: $0.baseAddress, count: $0.count) })
    }

    /// The global stem id of a word given as UTF-8 bytes (-1 for stop words).
    public func termID(utf8 word: UnsafeBufferPointer<UInt8>) -> Int32 {
        var table = FormTable.placeholder
        swap(&table, &formIDs)
        defer { swap(&table, &formIDs) }
        return termID(utf8: word, table: &table)
    }

    /// The global stem id of each of `count` words of a document (-1 for stop words, and for words
    /// `range` gives no byte range for: those that are not letters).
    public func termIDs(count: Int, in bytes: UnsafeBufferPointer<UInt8>, range: (Int) -> Range<Int>?) -> [Int32] {
        // The form table is moved out of the object for the loop: touching a class's stored
        // property costs an exclusivity check, and this runs for every word of every article.
        var table = FormTable.placeholder
        swap(&table, &formIDs)
        defer { swap(&table, &formIDs) }
        var ids = [Int32](repeating: -1, count: count)
        for index in 0..<count {
            guard let word = range(index) else { continue }
            ids[index] = termID(utf8: UnsafeBufferPointer(rebasing: bytes[word]), table: &table)
        }
        return ids
    }

    private func termID(utf8 word: UnsafeBufferPointer<UInt8>, table: inout FormTable) -> Int32 {
        let hash = FormTable.hash(word)
        if let id = table[hash] { return id }
        let normalized = normalize(Substring(String(decoding: word, as: UTF8.self)))
        var id: Int32 = -1
        if !isStopword(normalized) {
            let stem = stem(normalized)
            if let known = stemIDs[stem] {
                id = known
            } else {
                id = Int32(stems.count)
                stems.append(stem)
                stemIDs[stem] = id
            }
        }
        if table.count > 200_000 { table = FormTable() }
        table.insert(hash, id)
        return id
    }

    /// Forgets every stem (and the forms that led to them) once there are more than `limit`. Call
    /// it between documents only: a document's ids must hold for the whole of it. A long batch,
    /// or random text, would otherwise grow the table without end (a fuzzer's process did).
    public func forgetStems(ifMoreThan limit: Int = 300_000) {
        guard stems.count > limit else { return }
        stems.removeAll()
        stemIDs.removeAll()
        formIDs = FormTable()
    }

    /// The stem of a normalized word (cached: news repeats its words).
    public func stem(_ normalized: String) -> String {
        if let cached = cache[normalized] { return cached }
        guard let stemmer else { return normalized }
        let input = language == "ar" ? ArabicNormalizer.strippingClitics(normalized) : normalized
        let stem = stemmer.stem(input)
        if cache.count > 100_000 { cache.removeAll(keepingCapacity: true) }
        cache[normalized] = stem
        return stem
    }
}

/// An open-addressing table from a 64-bit hash of a word form to an id: Dictionary would hash
/// the hash again, once per word of every article.
struct FormTable {
    /// 32 bits of the key and the id: eight bytes a slot, so that the table of a long batch stays
    /// in the processor's cache. The other bits of the key chose the slot; two forms would have
    /// to agree on those and on these 32 to be confused (about one lookup in 10^9 of a new form).
    private struct Slot {
        var check: UInt32
        var value: Int32
    }

    private var slots = [Slot](repeating: Slot(check: 0, value: 0), count: 1 << 12)
    /// Full keys, read only when the table grows.
    private var keys: [UInt64] = []
    private(set) var count = 0

    init() {}

    private init(slots: [Slot]) {
        self.slots = slots
    }

    /// An empty stand-in with no storage, for while the real table is moved out.
    static var placeholder: FormTable { FormTable(slots: []) }

    /// A 64-bit hash of a word's bytes, eight at a time.
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(word.count)
        var index = 0
        while index < word.count {
            var chunk: UInt64 = 0
            var shift: UInt64 = 0
            let end = min(index + 8, word.count)
            while index < end {
                chunk |= UInt64(word[index]) << shift
                shift += 8
                index += 1
            }
            hash = (hash ^ chunk) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
        }
        return hash
    }

    private func slot(for key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    private static func check(_ key: UInt64) -> UInt32 {
        let low = UInt32(truncatingIfNeeded: key)
        return low == 0 ? 1 : low
    }

    subscript(key: UInt64) -> Int32? {
        let check = Self.check(key)
        let mask = slots.count - 1
        guard mask >= 0 else { return nil }
        var slot = slot(for: key, mask: mask)
        return slots.withUnsafeBufferPointer { table -> Int32? in
            while true {
                let stored = table[slot].check
                if stored == check { return table[slot].value }
                if stored == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
    }

    mutating func insert(_ key: UInt64, _ value: Int32) {
        // Filled up to three quarters: probes stay within a cache line or two at eight bytes a
        // slot, and a smaller table stays in the cache.
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let check = Self.check(key)
        let mask = slots.count - 1
        var slot = slot(for: key, mask: mask)
        while slots[slot].check != 0, slots[slot].check != check { slot = (slot + 1) & mask }
        if slots[slot].check == 0 {
            count += 1
            keys.append(key)
        }
        slots[slot] = Slot(check: check, value: value)
    }

    private mutating func grow() {
        let old = slots, oldKeys = keys
        slots = [Slot](repeating: Slot(check: 0, value: 0), count: max(old.count * 2, 1 << 12))
        keys = []
        count = 0
        // Each key's id is found under its check in the old table before it is placed again.
        var ids: [Int32] = []
        ids.reserveCapacity(oldKeys.count)
        let previous = FormTable(slots: old)
        for key in oldKeys { ids.append(previous[key] ?? -1) }
        for (key, id) in zip(oldKeys, ids) { insert(key, id) }
    }
}
