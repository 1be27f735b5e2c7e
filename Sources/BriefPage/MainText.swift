import BriefResources

/// Finds the article's text in a parsed page.
///
/// Design notes. A page is read as blocks: the runs of inline text between block elements
/// (a `<p>`, a `<li>`, a `<div>`'s own text, a line ended by `<br>`), each with its length, the
/// share of it inside links, and the element that holds it. Then:
/// 1. Every block long enough to be prose (25 characters or more, under half of it links) votes
///    for the elements above it, as readability does: its container gets
///    1 + commas + min(length / 100, 3), the next one up half, the next ones a third.
///    An element starts from the weight its tag and class/id/role/itemprop words give it
///    (`Models/page/class-names.tsv`): "article-body" pulls, "comment" and "share" push away.
/// 2. The element with the best score, discounted by the share of its text in links, holds the
///    article; siblings of it that score near it (a body split into several `<div>`s) join it.
/// 3. Its blocks are kept in order, except those under page furniture inside it (a share bar,
///    a related-stories box, a comment form: class words of weight ≤ -50), link lists, and the
///    headline repeated at the top.
/// Text hidden from readers (`hidden`, `aria-hidden`, `display:none`) and elements never shown as
/// text (scripts, styles, forms' controls, media) are left out before any of this.
public struct MainTextExtractor: Sendable {
    /// A class/id word and what it says about an element.
    struct ClassWord: Sendable {
        var word: [UInt8]
        var weight: Int
    }

    let classWords: [ClassWord]
    var promotionShare = 0.75

    /// The words flat, ordered by first byte: `firstByteStart[b]..<firstByteStart[b + 1]` are
    /// the words that start with byte `b`, so each position of a class name is compared with the
    /// few words that can start there; their bytes sit at `wordStart[i]..<wordStart[i + 1]` in
    /// `wordBytes`. Flat arrays, read through buffers: this loop runs over every class name of
    /// every element of a page.
    let firstByteStart: [Int32]
    let wordStart: [Int32]
    let wordBytes: [UInt8]
    let wordWeight: [Int32]

    init(classWords: [ClassWord]) {
        self.classWords = classWords
        let sorted = classWords.sorted { $0.word[0] < $1.word[0] }
        var firstByteStart = [Int32](repeating: 0, count: 257)
        var wordStart: [Int32] = [0]
        var wordBytes: [UInt8] = []
        var wordWeight: [Int32] = []
        for word in sorted {
            firstByteStart[Int(word.word[0]) + 1] += 1
            wordBytes += word.word
            wordStart.append(Int32(wordBytes.count))
            wordWeight.append(Int32(clamping: word.weight))
        }
        for byte in 0..<256 { firstByteStart[byte + 1] += firstByteStart[byte] }
        self.firstByteStart = firstByteStart
        self.wordStart = wordStart
        self.wordBytes = wordBytes
        self.wordWeight = wordWeight
    }

    /// The strongest positive and negative weights of the class words found in `value`
    /// (anywhere in it, ignoring ASCII case).
    func classWeights(_ value: UnsafeBufferPointer<UInt8>) -> (most: Int, least: Int) {
        var most = 0, least = 0
        firstByteStart.withUnsafeBufferPointer { first in
            wordStart.withUnsafeBufferPointer { starts in
                wordBytes.withUnsafeBufferPointer { bytes in
                    wordWeight.withUnsafeBufferPointer { weights in
                        for start in 0..<value.count {
                            let byte = Int(Self.lower(value[start]))
                            for candidate in Int(first[byte])..<Int(first[byte + 1]) {
                                let wordBegin = Int(starts[candidate]), length = Int(starts[candidate + 1]) - wordBegin
                                guard start + length <= value.count else { continue }
                                var offset = 1
                                while offset < length, Self.lower(value[start + offset]) == bytes[wordBegin + offset] { offset += 1 }
                                if offset == length {
                                    most = max(most, Int(weights[candidate]))
                                    least = min(least, Int(weights[candidate]))
                                }
                            }
                        }
                    }
                }
            }
        }
        return (most, least)
    }

    /// Loads the class/id words from `Models/page/class-names.tsv`.
    public static func load(from data: DataDirectory) throws(DataDirectoryError) -> MainTextExtractor {
        let file = "Models/page/class-names.tsv"
        var words: [ClassWord] = []
        for (number, line) in try data.numberedLines(file) {
            let fields = line.split(separator: "\t")
            guard fields.count == 2, let weight = Int(fields[1].trimmingWhitespace()) else {
                throw .badLine(data.path(file), line: number)
            }
            words.append(ClassWord(word: Array(fields[0].lowercased().utf8), weight: weight))
        }
        return MainTextExtractor(classWords: words)
    }

    /// A run of text between block boundaries.
    struct Block {
        var text: String
        var characters: Int
        var linkCharacters: Int
        var commas: Int
        /// The nearest block element holding the text.
        var container: Int
        var tag: HTMLTag
    }

    /// The article's paragraphs, in page order; empty when the page has no article text.
    public func paragraphs(in tree: HTMLTree, title: String? = nil) -> [String] {
        let weights = elementWeights(tree)
        let blocks = blocks(of: tree, weights: weights)
        guard !blocks.isEmpty else { return [] }
        guard let chosen = chooseContainers(tree, blocks: blocks, weights: weights) else { return [] }
        return keep(blocks, in: chosen, tree: tree, weights: weights, title: title)
    }

    // MARK: Blocks

    /// The class/id weight of every element (0 for text nodes and plain elements).
    func elementWeights(_ tree: HTMLTree) -> [Int16] {
        var weights = [Int16](repeating: 0, count: tree.count)
        for node in 0..<tree.count where tree.kinds[node] == .element {
            var weight = 0
            switch tree.tags[node] {
            case .article, .main: weight += 25
            case .nav, .aside, .footer, .form: weight -= 50
            case .header: weight -= 10
            default: break
            }
            let span = tree.attributeSpans[node]
            if !span.isEmpty {
                var most = 0, least = 0
                for index in Int(span.lowerBound)..<Int(span.upperBound) {
                    let name = tree.attributeNames[index]
                    let nameBytes = tree.storage[Int(name.lowerBound)..<Int(name.upperBound)]
                    guard let which = Self.describingAttribute(nameBytes) else { continue }
                    let value = tree.attributeValues[index]
                    let valueBytes = tree.storage[Int(value.lowerBound)..<Int(value.upperBound)]
                    if which == .itemprop, Self.equalsIgnoringCase(valueBytes, "articlebody") { most = max(most, 60) }
                    let found = valueBytes.withUnsafeBufferPointer(classWeights)
                    most = max(most, found.most)
                    least = min(least, found.least)
                }
                weight += most + least
            }
            weights[node] = Int16(clamping: weight)
        }
        return weights
    }

    enum DescribingAttribute { case classOrID, role, itemprop }

    static func describingAttribute(_ name: ArraySlice<UInt8>) -> DescribingAttribute? {
        if equalsIgnoringCase(name, "class") || equalsIgnoringCase(name, "id") { return .classOrID }
        if equalsIgnoringCase(name, "role") { return .role }
        if equalsIgnoringCase(name, "itemprop") { return .itemprop }
        return nil
    }

    static func equalsIgnoringCase(_ bytes: ArraySlice<UInt8>, _ ascii: String) -> Bool {
        guard bytes.count == ascii.utf8.count else { return false }
        for (byte, wanted) in zip(bytes, ascii.utf8) where lower(byte) != wanted { return false }
        return true
    }

    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

    /// Whether `word` occurs in `bytes`, ignoring ASCII case.
    static func contains(_ bytes: ArraySlice<UInt8>, _ word: [UInt8]) -> Bool {
        guard word.count <= bytes.count, let first = word.first else { return false }
        var start = bytes.startIndex
        let last = bytes.endIndex - word.count
        while start <= last {
            if lower(bytes[start]) == first {
                var index = 1
                while index < word.count, lower(bytes[start + index]) == word[index] { index += 1 }
                if index == word.count { return true }
            }
            start += 1
        }
        return false
    }

    /// Whether an element is hidden from readers.
    static func isHidden(_ tree: HTMLTree, _ node: Int) -> Bool {
        let span = tree.attributeSpans[node]
        guard !span.isEmpty else { return false }
        for index in Int(span.lowerBound)..<Int(span.upperBound) {
            let name = tree.storage[Int(tree.attributeNames[index].lowerBound)..<Int(tree.attributeNames[index].upperBound)]
            let value = tree.storage[Int(tree.attributeValues[index].lowerBound)..<Int(tree.attributeValues[index].upperBound)]
            if equalsIgnoringCase(name, "hidden") { return true }
            if equalsIgnoringCase(name, "aria-hidden"), equalsIgnoringCase(value, "true") { return true }
            if equalsIgnoringCase(name, "style") {
                var compact: [UInt8] = []
                for byte in value where byte != 0x20 { compact.append(lower(byte)) }
                if contains(compact[...], Array("display:none".utf8)) || contains(compact[...], Array("visibility:hidden".utf8)) { return true }
            }
        }
        return false
    }

    /// The page's text blocks in order.
    func blocks(of tree: HTMLTree, weights: [Int16]) -> [Block] {
        struct Open {
            var end: Int
            var node: Int
            var isBlock: Bool
            var inLink: Bool
        }
        var blocks: [Block] = []
        var stack: [Open] = []
        var buffer: [UInt8] = []
        var linkBytes = 0
        var pendingSpace = false

        func container() -> Int { stack.last { $0.isBlock }?.node ?? -1 }
        func flush() {
            defer { buffer.removeAll(keepingCapacity: true); linkBytes = 0; pendingSpace = false }
            guard !buffer.isEmpty else { return }
            let text = String(decoding: buffer, as: UTF8.self)
            var characters = 0, commas = 0
            for scalar in text.unicodeScalars {
                characters += 1
                if scalar == "," || scalar == "\u{060C}" || scalar == "\u{FF0C}" || scalar == "\u{3001}" { commas += 1 }
            }
            let holder = container()
            // Link share measured in bytes of the buffer, which is all the block's text.
            let linkCharacters = buffer.isEmpty ? 0 : characters * linkBytes / buffer.count
            blocks.append(Block(text: text, characters: characters, linkCharacters: linkCharacters, commas: commas,
                                container: holder, tag: holder >= 0 ? tree.tags[holder] : .other))
        }
        /// Appends text with white space collapsed (the page's line breaks are not the article's).
        func append(_ bytes: ArraySlice<UInt8>, inLink: Bool) {
            var index = bytes.startIndex
            while index < bytes.endIndex {
                let byte = bytes[index]
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                    pendingSpace = true
                    index += 1
                    continue
                }
                // U+00A0 no-break space, as UTF-8.
                if byte == 0xC2, index + 1 < bytes.endIndex, bytes[index + 1] == 0xA0 {
                    pendingSpace = true
                    index += 2
                    continue
                }
                if pendingSpace, !buffer.isEmpty {
                    buffer.append(0x20)
                    if inLink { linkBytes += 1 }
                }
                pendingSpace = false
                buffer.append(byte)
                if inLink { linkBytes += 1 }
                index += 1
            }
        }

        var node = 0
        while node < tree.count {
            while let top = stack.last, top.end <= node {
                // The text read so far belongs to the element that closes here.
                if top.isBlock { flush() }
                stack.removeLast()
            }
            switch tree.kinds[node] {
            case .text:
                append(tree.textBytes(node), inLink: stack.last?.inLink ?? false)
                node += 1
            case .element:
                let tag = tree.tags[node]
                if tag.isInvisible || Self.isHidden(tree, node) {
                    if tag.isBlock { flush() }
                    node = Int(tree.ends[node])
                    continue
                }
                if tag == .br || tag == .hr {
                    flush()
                    node = Int(tree.ends[node])
                    continue
                }
                if tag.isBlock { flush() }
                // Inline elements keep words apart only when the page put a space there.
                stack.append(Open(end: Int(tree.ends[node]), node: node, isBlock: tag.isBlock,
                                  inLink: (stack.last?.inLink ?? false) || tag == .a))
                node += 1
            }
        }
        while let top = stack.last {
            if top.isBlock { flush() }
            stack.removeLast()
        }
        flush()
        return blocks
    }

    // MARK: Choosing the article's element

    func chooseContainers(_ tree: HTMLTree, blocks: [Block], weights: [Int16]) -> [Int]? {
        var score = [Double](repeating: 0, count: tree.count)
        var touched = [Bool](repeating: false, count: tree.count)
        var characters = [Int](repeating: 0, count: tree.count)
        var linkCharacters = [Int](repeating: 0, count: tree.count)
        func start(_ element: Int) {
            guard !touched[element] else { return }
            touched[element] = true
            var initial = Double(weights[element])
            switch tree.tags[element] {
            case .div, .article, .main, .section: initial += 5
            case .pre, .td, .blockquote: initial += 3
            case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: initial -= 3
            case .h1, .h2, .h3, .h4, .h5, .h6, .th: initial -= 5
            default: break
            }
            score[element] = initial
        }
        for block in blocks where block.container >= 0 {
            var element = block.container
            while element >= 0 {
                characters[element] += block.characters
                linkCharacters[element] += block.linkCharacters
                element = Int(tree.parents[element])
            }
        }
        var candidates: [Int] = []
        for block in blocks where block.container >= 0 && block.characters >= 25 && block.linkCharacters * 2 < block.characters {
            let points = 1 + Double(block.commas) + min(Double(block.characters) / 100, 3)
            // As readability does: a paragraph votes for the element that holds it, not for
            // itself; text written straight into a section or a div votes for that.
            var element = block.container
            switch block.tag {
            case .div, .section, .article, .main, .td, .body: break
            default: element = Int(tree.parents[element])
            }
            var level = 0
            while element >= 0, level < 5 {
                if tree.tags[element] == .body || tree.tags[element] == .html { break }
                if !touched[element] { start(element); candidates.append(element) }
                let share = level == 0 ? 1 : level == 1 ? 0.5 : 1 / Double(level * 3)
                score[element] += points * share
                element = Int(tree.parents[element])
                level += 1
            }
        }
        var best = -1
        var bestScore = -Double.infinity
        for element in candidates {
            let density = characters[element] > 0 ? Double(linkCharacters[element]) / Double(characters[element]) : 1
            let adjusted = score[element] * (1 - density)
            score[element] = adjusted
            if adjusted > bestScore { bestScore = adjusted; best = element }
        }
        guard best >= 0, bestScore > 0 else { return nil }
        // An article split by ads or pull quotes into parts under different parents: when
        // another strong candidate sits under a near ancestor of the best, that ancestor holds
        // the article (furniture inside it is dropped block by block later).
        let strong = candidates.filter { $0 != best && score[$0] >= bestScore * promotionShare }
        var ancestor = Int(tree.parents[best])
        var level = 0
        while ancestor >= 0, level < 3, tree.tags[ancestor] != .body, tree.tags[ancestor] != .html, weights[ancestor] > -50 {
            let end = Int(tree.ends[ancestor])
            let bestEnd = Int(tree.ends[best])
            // Another part: inside the ancestor, neither inside the best nor holding it.
            if strong.contains(where: { $0 > ancestor && $0 < end && ($0 >= bestEnd || Int(tree.ends[$0]) <= best) }) {
                best = ancestor
                bestScore = max(bestScore, score[ancestor])
            }
            ancestor = Int(tree.parents[ancestor])
            level += 1
        }
        // Siblings that score near the best one hold the rest of the article.
        var chosen: [Int] = []
        let parent = Int(tree.parents[best])
        guard parent >= 0 else { return [best] }
        let threshold = max(10, bestScore * 0.2)
        var child = parent + 1
        let end = Int(tree.ends[parent])
        while child < end {
            defer { child = Int(tree.ends[child]) }
            guard tree.kinds[child] == .element else { continue }
            if child == best { chosen.append(child); continue }
            if weights[child] <= -50 { continue }
            if touched[child], score[child] >= threshold { chosen.append(child); continue }
            if tree.tags[child] == .p, characters[child] > 80,
               Double(linkCharacters[child]) / Double(max(characters[child], 1)) < 0.25 {
                chosen.append(child)
            }
        }
        return chosen
    }

    // MARK: Keeping blocks

    func keep(_ blocks: [Block], in chosen: [Int], tree: HTMLTree, weights: [Int16], title: String?) -> [String] {
        var kept: [Block] = []
        let normalizedTitle = title.map(Self.folded)
        for block in blocks where block.container >= 0 {
            guard let root = chosen.first(where: { block.container >= $0 && block.container < Int(tree.ends[$0]) }) else { continue }
            // Furniture inside the article's element (a share bar, a related box, a figure's
            // caption) stays out.
            var element = block.container
            var furniture = false
            while element > root {
                if weights[element] <= -50 || tree.tags[element] == .figure || tree.tags[element] == .figcaption { furniture = true; break }
                element = Int(tree.parents[element])
            }
            if furniture { continue }
            if block.linkCharacters * 2 > block.characters, block.characters < 200 { continue }
            if kept.isEmpty, block.tag.isHeading, let normalizedTitle, Self.folded(block.text) == normalizedTitle { continue }
            kept.append(block)
        }
        // Labels at the edges of the article ("Related articles", "Advertisement", a section
        // name) are furniture; inside it, a short line between prose is a subheading and stays.
        while let first = kept.first, Self.isLabel(first), kept.count > 1 { kept.removeFirst() }
        while let last = kept.last, Self.isLabel(last), kept.count > 1 { kept.removeLast() }
        return kept.map(\.text)
    }

    /// A few words that name or announce something rather than say it; list items and table
    /// cells are content even when short.
    static func isLabel(_ block: Block) -> Bool {
        switch block.tag {
        case .li, .td, .th, .dd, .dt, .pre: return false
        default: break
        }
        guard block.characters < 40, block.text.split(separator: " ").count < 4 else { return false }
        guard let last = block.text.unicodeScalars.last else { return true }
        return !".!?\u{061F}\u{3002}".unicodeScalars.contains(last)
    }

    static func folded(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil })
    }
}
