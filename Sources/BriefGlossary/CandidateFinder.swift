/// Terms an article uses that the glossary does not know yet: designations ("Su-57", "HQ-9B")
/// and capitalized phrases of two words or more used at least twice ("Iron Beam").
public struct CandidateFinder: Sendable {
    /// Phrases must appear this often to be proposed; designations once is enough.
    public var minimumCount = 2

    public init() {}

    /// Candidates in order of first use, each with how often it appears, leaving out what
    /// `matches` already covers.
    public func candidates(in text: String, excluding matches: [TermMatch]) -> [(term: String, count: Int)] {
        let tokens = TermTokenizer.tokens(text)
        let utf8 = Array(text.utf8)
        var covered = [Bool](repeating: false, count: tokens.count)
        var matchIndex = 0
        for (index, token) in tokens.enumerated() {
            while matchIndex < matches.count, matches[matchIndex].end <= token.start { matchIndex += 1 }
            if matchIndex < matches.count, matches[matchIndex].start <= token.start, token.end <= matches[matchIndex].end { covered[index] = true }
        }
        var counts: [String: Int] = [:]
        var order: [String] = []
        var designations = Set<String>()
        func note(_ range: ClosedRange<Int>, designation: Bool) {
            let surface = String(decoding: utf8[tokens[range.lowerBound].start..<tokens[range.upperBound].end], as: UTF8.self)
            if counts[surface] == nil { order.append(surface) }
            counts[surface, default: 0] += 1
            if designation { designations.insert(surface) }
        }
        var index = 0
        while index < tokens.count {
            defer { index += 1 }
            guard !covered[index] else { continue }
            let token = tokens[index]
            // A designation: a short capitalized code glued by a hyphen to a number ("Su-57", "J-20").
            if !token.isNumber, !token.isArabic, token.capitalized, token.key.count <= 4, index + 1 < tokens.count,
               tokens[index + 1].isNumber, !covered[index + 1], tokens[index + 1].start - token.end <= 1,
               tokens[index + 1].joinsPrevious {
                var end = index + 1
                // "HQ-9B": a letter glued after the number belongs to the code.
                if end + 1 < tokens.count, !tokens[end + 1].isNumber, tokens[end + 1].start == tokens[end].end, tokens[end + 1].key.count == 1 { end += 1 }
                note(index...end, designation: true)
                index = end
                continue
            }
            // A capitalized phrase: two or more capitalized words in a row, not after a sentence end.
            guard token.capitalized, !token.isNumber, !token.isArabic else { continue }
            var end = index
            while end + 1 < tokens.count, tokens[end + 1].capitalized, !tokens[end + 1].isNumber, tokens[end + 1].joinsPrevious,
                  !covered[end + 1], utf8[tokens[end].end..<tokens[end + 1].start].allSatisfy({ $0 == 0x20 }) {
                end += 1
            }
            if end > index {
                note(index...end, designation: false)
                index = end
            }
        }
        return order.filter { designations.contains($0) || counts[$0]! >= minimumCount }.map { ($0, counts[$0]!) }
    }
}
