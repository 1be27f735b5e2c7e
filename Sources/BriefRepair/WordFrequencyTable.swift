#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A word-frequency list (`word<TAB>zipf*100`, sorted by UTF-8 bytes) searched in place.
///
/// The file is memory-mapped and binary-searched without being parsed, so opening it costs
/// microseconds however long the list is: the text stays both the source of truth and the
/// run-time form.
public final class WordFrequencyTable: @unchecked Sendable {
    /// The file the table was read from.
    public let path: String
    private let base: UnsafeRawPointer
    private let length: Int
    /// Byte offset of the start of every line, built once; 4 bytes per word.
    private let lineStarts: [UInt32]
    /// For each first two bytes of a word, the first line index holding it (a bucket index that
    /// shortens each binary search by about ten steps). Entry 65536 closes the last bucket.
    private let buckets: [UInt32]

    /// Maps `path`; the file must be sorted by UTF-8 bytes (checked while indexing).
    public init(path: String) throws(RepairModelError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .missingFile(path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size > 0, info.st_size < Int(UInt32.max) else {
            throw .badFile(path, reason: "empty or unreadable")
        }
        let size = Int(info.st_size)
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else {
            throw .badFile(path, reason: "cannot be mapped")
        }
        let bytes = UnsafeRawPointer(mapped)
        var starts: [UInt32] = []
        starts.reserveCapacity(size / 12)
        var position = 0
        while position < size {
            starts.append(UInt32(position))
            guard let newline = memchr(bytes + position, 0x0A, size - position) else { break }
            position = bytes.distance(to: UnsafeRawPointer(newline)) + 1
        }
        var buckets = [UInt32](repeating: UInt32.max, count: 65537)
        for (index, start) in starts.enumerated() {
            let key = Self.bucket(bytes, Int(start), size)
            if buckets[key] == UInt32.max { buckets[key] = UInt32(index) }
        }
        buckets[65536] = UInt32(starts.count)
        // Empty buckets start where the next non-empty one does, so every bucket is a range.
        for key in stride(from: 65535, through: 0, by: -1) where buckets[key] == UInt32.max {
            buckets[key] = buckets[key + 1]
        }
        self.path = path
        self.base = bytes
        self.length = size
        self.lineStarts = starts
        self.buckets = buckets
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), length)
    }

    /// How many words the table holds.
    public var count: Int { lineStarts.count }

    /// The Zipf frequency of a lowercase word (log10 of occurrences per billion words), or nil.
    public func zipf(_ word: String) -> Double? {
        var key = word
        return key.withUTF8 { lookup($0) }
    }

    /// The Zipf frequency of a lowercase word given as UTF-8 bytes, or nil.
    public func zipf(utf8 key: UnsafeBufferPointer<UInt8>) -> Double? {
        lookup(key)
    }

    /// The bucket of the word starting at `start`: its first two bytes (a tab or newline counts as 0).
    private static func bucket(_ bytes: UnsafeRawPointer, _ start: Int, _ size: Int) -> Int {
        func byte(_ offset: Int) -> Int {
            guard start + offset < size else { return 0 }
            let value = bytes.load(fromByteOffset: start + offset, as: UInt8.self)
            return value == 0x09 || value == 0x0A ? 0 : Int(value)
        }
        let first = byte(0)
        return first == 0 ? 0 : first << 8 | byte(1)
    }

    private func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !key.isEmpty else { return nil }
        let bucket = Int(key[0]) << 8 | (key.count > 1 ? Int(key[1]) : 0)
        var low = Int(buckets[bucket])
        var high = Int(buckets[bucket + 1]) - 1
        while low <= high {
            let middle = (low + high) / 2
            let start = Int(lineStarts[middle])
            let order = compare(key, lineAt: start)
            if order == 0 { return value(lineAt: start, skipping: key.count) }
            if order < 0 { high = middle - 1 } else { low = middle + 1 }
        }
        return nil
    }

    /// Compares `key` with the word of the line at `start` (the bytes before its tab).
    private func compare(_ key: UnsafeBufferPointer<UInt8>, lineAt start: Int) -> Int {
        let line = base + start
        var index = 0
        while true {
            let lineByte: UInt8 = start + index < length ? line.load(fromByteOffset: index, as: UInt8.self) : 0x0A
            let wordEnded = lineByte == 0x09 || lineByte == 0x0A
            if index == key.count { return wordEnded ? 0 : -1 }
            if wordEnded { return 1 }
            let keyByte = key[index]
            if keyByte != lineByte { return keyByte < lineByte ? -1 : 1 }
            index += 1
        }
    }

    private func value(lineAt start: Int, skipping wordLength: Int) -> Double? {
        var index = start + wordLength + 1
        var number = 0
        var digits = 0
        while index < length {
            let byte = base.load(fromByteOffset: index, as: UInt8.self)
            guard byte >= 0x30, byte <= 0x39 else { break }
            number = number * 10 + Int(byte - 0x30)
            digits += 1
            index += 1
        }
        return digits == 0 ? nil : Double(number) / 100
    }
}
