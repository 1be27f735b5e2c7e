import BriefResources
import BriefText

/// Turns a page (HTML bytes) into a `Page`: charset, parse, metadata, main text.
///
/// Holds the loaded extraction data; make one per thread and reuse it across pages.
public struct PageReader: Sendable {
    let extractor: MainTextExtractor
    public var maxBytes: Int

    public init(extractor: MainTextExtractor, maxBytes: Int = 32 << 20) {
        self.extractor = extractor
        self.maxBytes = maxBytes
    }

    /// Loads what extraction needs from the data folder.
    public static func load(from data: DataDirectory, maxBytes: Int = 32 << 20) throws(DataDirectoryError) -> PageReader {
        PageReader(extractor: try MainTextExtractor.load(from: data), maxBytes: maxBytes)
    }

    /// The article of an HTML page. `url` is where the page came from, when known;
    /// `charset` what the HTTP header declared.
    public func read(html bytes: [UInt8], url: String? = nil, charset: String? = nil) throws -> (page: Page, encoding: String) {
        let decoded = try PageCharset.decode(bytes, declaredByHeader: charset, maxBytes: maxBytes)
        let tree = try HTMLTree.parse(utf8: Array(decoded.text.utf8))
        let metadata = PageMetadata(tree: tree)
        let title = metadata.title ?? metadata.firstHeading ?? metadata.documentTitle
        let paragraphs = extractor.paragraphs(in: tree, title: title).map { (try? TextNormalizer.normalize($0, form: .nfc)) ?? $0 }
        guard !paragraphs.isEmpty else { throw PageError.noArticle }
        let page = Page(kind: .html, title: title, outlet: metadata.siteName, author: metadata.author,
                        date: metadata.published.flatMap(Self.isoDay), place: nil,
                        language: metadata.language.flatMap(Self.primaryLanguage), url: metadata.canonicalURL ?? url,
                        paragraphs: paragraphs)
        return (page, decoded.encoding)
    }

    /// "2019-11-18T14:05:00+00:00" → "2019-11-18T14:05"; "2019-11-18" stays.
    static func isoDay(_ value: String) -> String? {
        let bytes = Array(value.utf8)
        func digits(_ range: Range<Int>) -> Bool { range.upperBound <= bytes.count && bytes[range].allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        guard digits(0..<4), bytes.count >= 10, bytes[4] == 0x2D, digits(5..<7), bytes[7] == 0x2D, digits(8..<10) else { return nil }
        if bytes.count >= 16, bytes[10] == UInt8(ascii: "T") || bytes[10] == 0x20, digits(11..<13), bytes[13] == 0x3A, digits(14..<16) {
            return String(decoding: bytes[0..<10], as: UTF8.self) + "T" + String(decoding: bytes[11..<16], as: UTF8.self)
        }
        return String(decoding: bytes[0..<10], as: UTF8.self)
    }

    /// "en-US" → "en"; nil for anything that is not a language tag.
    static func primaryLanguage(_ value: String) -> String? {
        let primary = value.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        guard (2...3).contains(primary.count), primary.allSatisfy({ $0 >= "a" && $0 <= "z" }) else { return nil }
        return primary
    }
}
