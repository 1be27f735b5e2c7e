#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The built-in glossary in a compact binary form, derived from the text files at first use and
/// mapped into memory afterwards: parsing ~1,000 records and tokenizing ~20,000 spellings at every
/// start would cost more than the rest of `brief summarize`. The text stays the source of truth:
/// the file is named by a hash of the text, so any edit makes a new one.
///
/// Layout (little-endian UInt32 words): a header; concepts (11 words each: id, category,
/// definition, origin as offset/length into the string blob, type, first term, term count);
/// terms (6 words: language, term, source); terminals (2 words per trie node: concept or
/// UInt32.max, term index with the needs-capital flag in the top bit); the edge hash table
/// (4 words per slot: node or UInt32.max, token offset, token length, child); then the strings.
final class CompiledGlossary: @unchecked Sendable {
    static let magic: UInt32 = 0x4C47_5242  // "BRGL"
    static let version: UInt32 = 1
    static let headerWords = 10
    static let empty = UInt32.max

    private let base: UnsafeRawPointer
    private let size: Int
    let conceptCount: Int
    let termCount: Int
    let nodeCount: Int
    let edgeCapacity: Int
    let longest: Int
    private let concepts: UnsafePointer<UInt32>
    private let terms: UnsafePointer<UInt32>
    private let terminals: UnsafePointer<UInt32>
    private let edges: UnsafePointer<UInt32>
    private let strings: UnsafePointer<UInt8>
    private let stringsSize: Int

    /// Maps a compiled file; nil when it is missing, truncated or of another version.
    init?(path: String) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size >= Self.headerWords * 4 else { return nil }
        let size = Int(info.st_size)
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else { return nil }
        let words = UnsafeRawPointer(mapped).bindMemory(to: UInt32.self, capacity: size / 4)
        let header = (0..<Self.headerWords).map { UInt32(littleEndian: words[$0]) }
        let conceptCount = Int(header[2]), termCount = Int(header[3]), nodeCount = Int(header[4])
        let edgeCapacity = Int(header[5]), stringsSize = Int(header[7])
        let wordCount = Self.headerWords + conceptCount * 11 + termCount * 6 + nodeCount * 2 + edgeCapacity * 4
        guard header[0] == Self.magic, header[1] == Self.version, edgeCapacity > 0, edgeCapacity & (edgeCapacity - 1) == 0,
              wordCount * 4 + stringsSize == size else {
            munmap(mapped, size)
            return nil
        }
        base = UnsafeRawPointer(mapped)
        self.size = size
        self.conceptCount = conceptCount
        self.termCount = termCount
        self.nodeCount = nodeCount
        self.edgeCapacity = edgeCapacity
        longest = Int(header[6])
        concepts = words + Self.headerWords
        terms = concepts + conceptCount * 11
        terminals = terms + termCount * 6
        edges = terminals + nodeCount * 2
        strings = UnsafeRawPointer(edges + edgeCapacity * 4).assumingMemoryBound(to: UInt8.self)
        self.stringsSize = stringsSize
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), size)
    }

    private func word(_ pointer: UnsafePointer<UInt32>, _ index: Int) -> Int {
        Int(UInt32(littleEndian: pointer[index]))
    }

    private func string(_ offset: Int, _ length: Int) -> String {
        guard offset + length <= stringsSize else { return "" }
        return String(decoding: UnsafeBufferPointer(start: strings + offset, count: length), as: UTF8.self)
    }

    static func hash(node: UInt32, _ token: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        var value = node
        for _ in 0..<4 {
            hash = (hash ^ UInt64(value & 0xFF)) &* 0x100000001b3
            value >>= 8
        }
        for byte in token { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return hash
    }

    /// The trie node reached from `node` by `token`.
    func child(_ node: Int32, _ token: String) -> Int32? {
        var token = token
        return token.withUTF8 { bytes -> Int32? in
            let mask = edgeCapacity - 1
            var slot = Int(truncatingIfNeeded: Self.hash(node: UInt32(node), bytes)) & mask
            while true {
                let row = edges + slot * 4
                let stored = UInt32(littleEndian: row[0])
                if stored == Self.empty { return nil }
                if stored == UInt32(node), Int(UInt32(littleEndian: row[2])) == bytes.count {
                    let offset = Int(UInt32(littleEndian: row[1]))
                    if offset + bytes.count <= stringsSize, bytes.isEmpty || memcmp(strings + offset, bytes.baseAddress!, bytes.count) == 0 {
                        return Int32(UInt32(littleEndian: row[3]))
                    }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The term that ends at `node`: its concept, term index and whether it needs a capital.
    func terminal(_ node: Int32) -> (concept: Int, term: Int, needsCapital: Bool)? {
        guard Int(node) < nodeCount else { return nil }
        let concept = UInt32(littleEndian: terminals[Int(node) * 2])
        guard concept != Self.empty else { return nil }
        let packed = UInt32(littleEndian: terminals[Int(node) * 2 + 1])
        return (Int(concept), Int(packed & 0x7FFF_FFFF), packed & 0x8000_0000 != 0)
    }

    /// A term of the terms table and its language.
    func term(_ index: Int) -> (term: String, language: String) {
        let row = index * 6
        return (string(word(terms, row + 2), word(terms, row + 3)), string(word(terms, row), word(terms, row + 1)))
    }

    /// One concept, decoded from the tables.
    func concept(_ index: Int) -> Concept {
        let row = index * 11
        var termsByLanguage: [String: [String]] = [:]
        var sources: [String: String] = [:]
        let first = word(concepts, row + 9), count = word(concepts, row + 10)
        for termIndex in first..<(first + count) {
            let (term, language) = self.term(termIndex)
            termsByLanguage[language, default: []].append(term)
            let source = string(word(terms, termIndex * 6 + 4), word(terms, termIndex * 6 + 5))
            if !source.isEmpty { sources[language] = source }
        }
        return Concept(id: string(word(concepts, row), word(concepts, row + 1)),
                       category: string(word(concepts, row + 2), word(concepts, row + 3)),
                       type: TermType.allCases[min(word(concepts, row + 8), TermType.allCases.count - 1)],
                       terms: termsByLanguage,
                       definition: string(word(concepts, row + 4), word(concepts, row + 5)),
                       sources: sources,
                       origin: string(word(concepts, row + 6), word(concepts, row + 7)))
    }

    // MARK: Writing

    /// The compact form of a glossary and its in-memory trie.
    static func encode(_ glossary: Glossary, trie: MemoryTrie) -> [UInt8] {
        var blob: [UInt8] = []
        var offsets: [String: (Int, Int)] = [:]
        func intern(_ text: String) -> (Int, Int) {
            if let known = offsets[text] { return known }
            let value = (blob.count, text.utf8.count)
            blob += Array(text.utf8)
            offsets[text] = value
            return value
        }
        var conceptWords: [UInt32] = []
        var termWords: [UInt32] = []
        var termIndex: [String: Int] = [:]  // "concept\u{1}language\u{1}term" → index
        for (index, concept) in glossary.concepts.enumerated() {
            let start = termWords.count / 6
            for language in MemoryTrie.languageOrder(concept) {
                for term in concept.terms[language] ?? [] {
                    termIndex["\(index)\u{1}\(language)\u{1}\(term)"] = termWords.count / 6
                    let l = intern(language), t = intern(term), s = intern(concept.sources[language] ?? "")
                    termWords += [l.0, l.1, t.0, t.1, s.0, s.1].map { UInt32($0) }
                }
            }
            let id = intern(concept.id), category = intern(concept.category), definition = intern(concept.definition), origin = intern(concept.origin)
            let type = TermType.allCases.firstIndex(of: concept.type) ?? 0
            conceptWords += [id.0, id.1, category.0, category.1, definition.0, definition.1, origin.0, origin.1,
                             type, start, termWords.count / 6 - start].map { UInt32($0) }
        }
        var terminalWords = [UInt32](repeating: empty, count: Int(trie.nodeCount) * 2)
        for (node, entry) in trie.terminals {
            let index = termIndex["\(entry.concept)\u{1}\(entry.language)\u{1}\(entry.term)"] ?? 0
            terminalWords[Int(node) * 2] = UInt32(entry.concept)
            terminalWords[Int(node) * 2 + 1] = UInt32(index) | (entry.needsCapital ? 0x8000_0000 : 0)
        }
        var capacity = 1024
        while capacity < trie.edges.count * 2 { capacity *= 2 }
        var edgeWords = [UInt32](repeating: 0, count: capacity * 4)
        for slot in 0..<capacity { edgeWords[slot * 4] = empty }
        for (edge, child) in trie.edges.sorted(by: { $0.value < $1.value }) {
            let token = intern(edge.token)
            var slot = Array(edge.token.utf8).withUnsafeBufferPointer { Int(truncatingIfNeeded: hash(node: UInt32(edge.node), $0)) } & (capacity - 1)
            while edgeWords[slot * 4] != empty { slot = (slot + 1) & (capacity - 1) }
            edgeWords[slot * 4] = UInt32(edge.node)
            edgeWords[slot * 4 + 1] = UInt32(token.0)
            edgeWords[slot * 4 + 2] = UInt32(token.1)
            edgeWords[slot * 4 + 3] = UInt32(child)
        }
        let header: [UInt32] = [magic, version, UInt32(glossary.count), UInt32(termWords.count / 6), UInt32(trie.nodeCount),
                                UInt32(capacity), UInt32(trie.longest), UInt32(blob.count), 0, 0]
        var bytes: [UInt8] = []
        bytes.reserveCapacity((header.count + conceptWords.count + termWords.count + terminalWords.count + edgeWords.count) * 4 + blob.count)
        for word in header + conceptWords + termWords + terminalWords + edgeWords {
            withUnsafeBytes(of: word.littleEndian) { bytes += $0 }
        }
        return bytes + blob
    }
}
