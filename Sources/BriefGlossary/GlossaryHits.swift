/// A concept found in an article: how often, and how it was written there.
public struct GlossaryHit: Sendable, Equatable {
    public let concept: Concept
    public let count: Int
    /// The article's own spellings, in order of first use.
    public let surfaces: [String]
}

extension TermMatcher {
    /// The concepts found in `text`, in order of first use; `concept` gives a concept by index.
    public func hits(in text: String, concept: (Int) -> Concept) -> [GlossaryHit] {
        var order: [Int] = []
        var counts: [Int: Int] = [:]
        var surfaces: [Int: [String]] = [:]
        let utf8 = Array(text.utf8)
        for match in matches(in: text) {
            if counts[match.concept] == nil { order.append(match.concept) }
            counts[match.concept, default: 0] += 1
            let surface = String(decoding: utf8[match.start..<match.end], as: UTF8.self)
            if !(surfaces[match.concept] ?? []).contains(surface) { surfaces[match.concept, default: []].append(surface) }
        }
        return order.map { GlossaryHit(concept: concept($0), count: counts[$0]!, surfaces: surfaces[$0]!) }
    }

    /// The concepts of `glossary` found in `text`, in order of first use.
    public func hits(in text: String, glossary: Glossary) -> [GlossaryHit] {
        hits(in: text) { glossary.concepts[$0] }
    }
}
