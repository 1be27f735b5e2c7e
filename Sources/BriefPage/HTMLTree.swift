import HTMLBridge

/// Why a page could not be read.
public enum PageError: Error, Equatable, CustomStringConvertible {
    case parserUnavailable(String)
    case unparsable
    case tooLarge(bytes: Int)
    case noArticle
    case notHTML(String)

    public var description: String {
        switch self {
        case .parserUnavailable(let why): return "cannot parse HTML: \(why)"
        case .unparsable: return "the HTML could not be parsed"
        case .tooLarge(let bytes): return "page of \(bytes) bytes is too large to parse"
        case .noArticle: return "no article found on the page"
        case .notHTML(let what): return "not an HTML page (\(what))"
        }
    }
}

/// A parsed HTML page as flat arrays in document order: elements and text nodes, each with its
/// parent and (for elements) the end of its subtree, so that walks need neither recursion nor
/// pointers. Built from libxml2's HTML parser (see `HTMLBridge`).
public struct HTMLTree: Sendable {
    /// What a node is.
    public enum Kind: UInt8, Sendable { case element, text }

    /// The parser's output, kept whole: names, attribute values and texts are ranges into it.
    let storage: [UInt8]
    public private(set) var kinds: [Kind] = []
    public private(set) var parents: [Int32] = []
    /// For an element, one past its last descendant; for a text node, its own index + 1.
    public private(set) var ends: [Int32] = []
    /// Element tag (lowercased); `.other` for the ones brief has no use for by name.
    public private(set) var tags: [HTMLTag] = []
    /// A text node's bytes, or an element's name.
    var ranges: [Range<Int32>] = []
    /// Per element, its attributes as a range into `attributeNames`/`attributeValues`.
    var attributeSpans: [Range<Int32>] = []
    var attributeNames: [Range<Int32>] = []
    var attributeValues: [Range<Int32>] = []

    public var count: Int { kinds.count }

    /// Parses UTF-8 HTML with libxml2's HTML parser.
    public static func parse(utf8 bytes: [UInt8]) throws(PageError) -> HTMLTree {
        guard bytes.count < Int(Int32.max) / 2 else { throw .tooLarge(bytes: bytes.count) }
        var message = [CChar](repeating: 0, count: 256)
        guard brief_html_load(&message, Int32(message.count)) == 0 else {
            throw .parserUnavailable(String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        var raw = brief_html_tree()
        let status = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                brief_html_parse(pointer, Int32(buffer.count), &raw)
            }
        }
        guard status == 0, let base = raw.bytes, raw.length < Int64(Int32.max) else {
            brief_html_free(&raw)
            throw .unparsable
        }
        let storage = Array(UnsafeBufferPointer(start: base, count: Int(raw.length)))
        brief_html_free(&raw)
        return HTMLTree(storage: storage, elements: Int(raw.elements))
    }

    private init(storage: [UInt8], elements: Int) {
        self.storage = storage
        kinds.reserveCapacity(elements * 2)
        parents.reserveCapacity(elements * 2)
        ends.reserveCapacity(elements * 2)
        tags.reserveCapacity(elements * 2)
        ranges.reserveCapacity(elements * 2)
        attributeSpans.reserveCapacity(elements * 2)
        storage.withUnsafeBufferPointer { read($0) }
    }

    /// Decodes the bridge's records (see html_bridge.h); a truncated record ends the tree.
    private mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        var open: [Int32] = []
        func u16() -> Int? {
            guard index + 2 <= bytes.count else { return nil }
            defer { index += 2 }
            return Int(bytes[index]) | Int(bytes[index + 1]) << 8
        }
        func u32() -> Int? {
            guard index + 4 <= bytes.count else { return nil }
            defer { index += 4 }
            return Int(bytes[index]) | Int(bytes[index + 1]) << 8 | Int(bytes[index + 2]) << 16 | Int(bytes[index + 3]) << 24
        }
        func span(_ length: Int) -> Range<Int32>? {
            guard length >= 0, index + length <= bytes.count else { return nil }
            defer { index += length }
            return Int32(index)..<Int32(index + length)
        }
        records: while index < bytes.count {
            let record = bytes[index]
            index += 1
            switch record {
            case UInt8(ascii: "E"):
                guard let nameLength = u16(), let name = span(nameLength), let attributeCount = u16() else { break records }
                let node = Int32(kinds.count)
                let firstAttribute = Int32(attributeNames.count)
                for _ in 0..<attributeCount {
                    guard let length = u16(), let attributeName = span(length), let valueLength = u32(), let value = span(valueLength) else { break records }
                    attributeNames.append(attributeName)
                    attributeValues.append(value)
                }
                kinds.append(.element)
                parents.append(open.last ?? -1)
                ends.append(node + 1)
                tags.append(HTMLTag(UnsafeBufferPointer(rebasing: bytes[Int(name.lowerBound)..<Int(name.upperBound)])))
                ranges.append(name)
                attributeSpans.append(firstAttribute..<Int32(attributeNames.count))
                open.append(node)
            case UInt8(ascii: "T"):
                guard let length = u32(), let text = span(length) else { break records }
                let node = Int32(kinds.count)
                kinds.append(.text)
                parents.append(open.last ?? -1)
                ends.append(node + 1)
                tags.append(.other)
                ranges.append(text)
                attributeSpans.append(0..<0)
            case UInt8(ascii: "C"):
                guard let node = open.popLast() else { continue }
                ends[Int(node)] = Int32(kinds.count)
            default:
                break records
            }
        }
        for node in open { ends[Int(node)] = Int32(kinds.count) }
    }

    /// The text of a text node.
    public func text(_ node: Int) -> String {
        let range = ranges[node]
        return String(decoding: storage[Int(range.lowerBound)..<Int(range.upperBound)], as: UTF8.self)
    }

    /// The bytes of a text node.
    func textBytes(_ node: Int) -> ArraySlice<UInt8> {
        let range = ranges[node]
        return storage[Int(range.lowerBound)..<Int(range.upperBound)]
    }

    /// An element's attribute value, by name (ASCII case ignored).
    public func attribute(_ name: String, of node: Int) -> String? {
        let span = attributeSpans[node]
        guard !span.isEmpty else { return nil }
        let wanted = name.utf8
        for index in Int(span.lowerBound)..<Int(span.upperBound) {
            let range = attributeNames[index]
            guard Int(range.upperBound - range.lowerBound) == wanted.count else { continue }
            var position = Int(range.lowerBound)
            var same = true
            for byte in wanted {
                if MainTextExtractor.lower(storage[position]) != MainTextExtractor.lower(byte) { same = false; break }
                position += 1
            }
            if same {
                let value = attributeValues[index]
                return String(decoding: storage[Int(value.lowerBound)..<Int(value.upperBound)], as: UTF8.self)
            }
        }
        return nil
    }

    /// Whether an element has attributes at all.
    func hasAttributes(_ node: Int) -> Bool { !attributeSpans[node].isEmpty }

    /// The concatenated text of a subtree (scripts and styles left out).
    public func textContent(of node: Int) -> String {
        var bytes: [UInt8] = []
        var index = node
        let end = Int(ends[node])
        while index < end {
            if kinds[index] == .element, tags[index].isInvisible {
                index = Int(ends[index])
                continue
            }
            if kinds[index] == .text { bytes.append(contentsOf: textBytes(index)) }
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The first element with a given tag, in document order.
    public func first(_ tag: HTMLTag, from start: Int = 0) -> Int? {
        var index = start
        while index < count {
            if kinds[index] == .element, tags[index] == tag { return index }
            index += 1
        }
        return nil
    }
}
