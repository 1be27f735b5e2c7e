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

/// Finds every glossary term in a text in one left-to-right pass: the terms' tokens form a trie,
/// and each text token starts at most one walk as long as the longest term, so the cost is
/// linear in the text. Matches are leftmost-longest and do not overlap.
public struct TermMatcher: Sendable {
    private struct Edge: Hashable, Sendable {
        let node: Int32
        let token: String
    }

    private struct Entry: Sendable {
        let concept: Int
        let term: String
        let language: String
        /// A one-word term written with a capital ("Patriot", "Rafale") matches only capitalized
        /// words, so that the common word ("patriot") is not taken for it.
        let needsCapital: Bool
    }

    private var edges: [Edge: Int32] = [:]
    private var terminals: [Int32: Entry] = [:]
    private var nodeCount: Int32 = 1
    private(set) var longest = 0

    public init(glossary: Glossary) {
        for (index, concept) in glossary.concepts.enumerated() {
            for language in Glossary.languages + concept.terms.keys.filter({ !Glossary.languages.contains($0) }).sorted() {
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

    /// Every term of the glossary in `text`, in text order.
    public func matches(in text: String) -> [TermMatch] {
        let tokens = TermTokenizer.tokens(text)
        var found: [TermMatch] = []
        var index = 0
        var forms: [[String]] = []
        forms.reserveCapacity(tokens.count)
        for token in tokens { forms.append(TermTokenizer.forms(of: token)) }
        while index < tokens.count {
            var active: [Int32] = [0]
            var best: (end: Int, entry: Entry)?
            var position = index
            while position < tokens.count, position - index < longest, !active.isEmpty {
                if position > index, !tokens[position].joinsPrevious { break }
                var next: [Int32] = []
                for node in active {
                    for form in forms[position] {
                        if let child = edges[Edge(node: node, token: form)], !next.contains(child) { next.append(child) }
                    }
                }
                for node in next {
                    guard let entry = terminals[node] else { continue }
                    if entry.needsCapital, !tokens[index].capitalized { continue }
                    best = (position, entry)
                    break
                }
                active = next
                position += 1
            }
            if let best {
                found.append(TermMatch(concept: best.entry.concept, term: best.entry.term, language: best.entry.language,
                                       start: tokens[index].start, end: tokens[best.end].end))
                index = best.end + 1
            } else {
                index += 1
            }
        }
        return found
    }
}
