/// One glossary term found in a text.
public struct TermMatch: Sendable, Equatable {
    /// The concept's index in the glossary.
    public let concept: Int
    /// The glossary's spelling of the term that matched, and its language.
    public let term: String
    public let language: String
    /// UTF-8 offsets of the match in the text.
    public let start: Int
    public let end: Int
}

/// The terms' tokens as a trie in dictionaries, built from a glossary in memory.
struct MemoryTrie: Sendable {
    struct Edge: Hashable, Sendable {
        let node: Int32
        let token: String
    }

    struct Entry: Sendable {
        let concept: Int
        let term: String
        let language: String
        /// A one-word term written with a capital ("Patriot", "Rafale") matches only capitalized
        /// words, so that the common word ("patriot") is not taken for it.
        let needsCapital: Bool
    }

    var edges: [Edge: Int32] = [:]
    var terminals: [Int32: Entry] = [:]
    var nodeCount: Int32 = 1
    var longest = 0

    /// The order a concept's languages are indexed in: the known ones, then any other.
    static func languageOrder(_ concept: Concept) -> [String] {
        Glossary.languages + concept.terms.keys.filter { !Glossary.languages.contains($0) }.sorted()
    }

    init(glossary: Glossary) {
        for (index, concept) in glossary.concepts.enumerated() {
            for language in Self.languageOrder(concept) {
                for term in concept.terms[language] ?? [] { add(term, language: language, concept: index) }
            }
        }
    }

    private mutating func add(_ term: String, language: String, concept: Int) {
        let tokens = TermTokenizer.tokens(term)
        guard !tokens.isEmpty else { return }
        var node: Int32 = 0
        for token in tokens {
            let key = token.isArabic ? TermTokenizer.arabicKey(token.key) : token.key
            let edge = Edge(node: node, token: key)
            if let next = edges[edge] {
                node = next
            } else {
                edges[edge] = nodeCount
                node = nodeCount
                nodeCount += 1
            }
        }
        longest = max(longest, tokens.count)
        // The first concept to claim a spelling keeps it: files are read in a fixed order, and a
        // user's glossary is put first.
        guard terminals[node] == nil else { return }
        let single = tokens.count == 1 && !tokens[0].isNumber && !tokens[0].isArabic
        terminals[node] = Entry(concept: concept, term: term, language: language, needsCapital: single && tokens[0].capitalized)
    }
}

/// Finds every glossary term in a text in one left-to-right pass: the terms' tokens form a trie,
/// and each text token starts at most one walk as long as the longest term, so the cost is
/// linear in the text. Matches are leftmost-longest and do not overlap.
public struct TermMatcher: Sendable {
    private enum Backend: Sendable {
        case memory(MemoryTrie)
        case compiled(CompiledGlossary)
    }

    private let backend: Backend
    let longest: Int

    public init(glossary: Glossary) {
        let trie = MemoryTrie(glossary: glossary)
        backend = .memory(trie)
        longest = trie.longest
    }

    init(compiled: CompiledGlossary) {
        backend = .compiled(compiled)
        longest = compiled.longest
    }

    private func child(_ node: Int32, _ form: String) -> Int32? {
        switch backend {
        case .memory(let trie): return trie.edges[MemoryTrie.Edge(node: node, token: form)]
        case .compiled(let compiled): return compiled.child(node, form)
        }
    }

    private func terminal(_ node: Int32) -> (concept: Int, needsCapital: Bool)? {
        switch backend {
        case .memory(let trie): return trie.terminals[node].map { ($0.concept, $0.needsCapital) }
        case .compiled(let compiled): return compiled.terminal(node).map { ($0.concept, $0.needsCapital) }
        }
    }

    /// The glossary's spelling and language of the term ending at `node`.
    private func term(_ node: Int32) -> (term: String, language: String) {
        switch backend {
        case .memory(let trie):
            let entry = trie.terminals[node]!
            return (entry.term, entry.language)
        case .compiled(let compiled):
            return compiled.term(compiled.terminal(node)!.term)
        }
    }

    /// Every term of the glossary in `text`, in text order.
    public func matches(in text: String) -> [TermMatch] {
        let tokens = TermTokenizer.tokens(text)
        var found: [TermMatch] = []
        var index = 0
        // The forms of the tokens a match can still reach (at most `longest` from `index`, which
        // only grows), in a ring: forms for every token of the text at once cost an array per
        // word, more memory than the document on texts of many short lines.
        let window = max(1, longest) + 1
        var ring = [[String]](repeating: [], count: window)
        var ringPosition = [Int](repeating: -1, count: window)
        func forms(_ position: Int) -> [String] {
            let slot = position % window
            if ringPosition[slot] != position {
                ring[slot] = TermTokenizer.forms(of: tokens[position])
                ringPosition[slot] = position
            }
            return ring[slot]
        }
        while index < tokens.count {
            var active: [Int32] = [0]
            var best: (end: Int, node: Int32, concept: Int)?
            var position = index
            while position < tokens.count, position - index < longest, !active.isEmpty {
                if position > index, !tokens[position].joinsPrevious { break }
                var next: [Int32] = []
                for node in active {
                    for form in forms(position) {
                        if let child = child(node, form), !next.contains(child) { next.append(child) }
                    }
                }
                for node in next {
                    guard let entry = terminal(node) else { continue }
                    if entry.needsCapital, !tokens[index].capitalized { continue }
                    best = (position, node, entry.concept)
                    break
                }
                active = next
                position += 1
            }
            if let best {
                let (term, language) = term(best.node)
                found.append(TermMatch(concept: best.concept, term: term, language: language,
                                       start: tokens[index].start, end: tokens[best.end].end))
                index = best.end + 1
            } else {
                index += 1
            }
        }
        return found
    }
}
