#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a page says about its article in markup: JSON-LD (`NewsArticle` and kin), OpenGraph
/// and article meta tags, `<time datetime>`, `<html lang>`, `<link rel=canonical>`, `<title>`
/// and the first `<h1>`.
public struct PageMetadata: Sendable, Equatable {
    public var title: String?
    public var siteName: String?
    public var author: String?
    /// As written by the page (ISO 8601 in almost every page; read by `DateReader`).
    public var published: String?
    public var language: String?
    public var canonicalURL: String?
    /// The `<title>` element, which often carries the site's name after a separator.
    public var documentTitle: String?
    public var firstHeading: String?

    public init() {}

    /// Reads the metadata of a parsed page.
    public init(tree: HTMLTree) {
        var metas: [String: String] = [:]
        var timeValue: String?
        var jsonLD: [String] = []
        for node in 0..<tree.count where tree.kinds[node] == .element {
            switch tree.tags[node] {
            case .html:
                if language == nil { language = tree.attribute("lang", of: node) ?? tree.attribute("xml:lang", of: node) }
            case .meta:
                guard let content = tree.attribute("content", of: node)?.trimmedForMetadata, !content.isEmpty else { continue }
                for key in ["property", "name", "itemprop"] {
                    if let name = tree.attribute(key, of: node)?.lowercased(), metas[name] == nil { metas[name] = content }
                }
            case .link:
                if canonicalURL == nil, tree.attribute("rel", of: node)?.lowercased() == "canonical" {
                    canonicalURL = tree.attribute("href", of: node)?.trimmedForMetadata
                }
            case .title:
                if documentTitle == nil { documentTitle = tree.textContentIncludingHidden(of: node).trimmedForMetadata }
            case .time:
                if timeValue == nil { timeValue = tree.attribute("datetime", of: node)?.trimmedForMetadata }
            case .h1:
                if firstHeading == nil { firstHeading = tree.textContent(of: node).trimmedForMetadata.nilIfEmpty }
            case .script:
                if let type = tree.attribute("type", of: node)?.lowercased(), type.contains("ld+json") {
                    jsonLD.append(tree.textContentIncludingHidden(of: node))
                }
            default:
                if published == nil, tree.hasAttributes(node), let property = tree.attribute("itemprop", of: node)?.lowercased(), property == "datepublished" {
                    published = tree.attribute("datetime", of: node) ?? tree.attribute("content", of: node)
                }
            }
        }
        let article = jsonLD.lazy.compactMap(Self.newsArticle(in:)).first
        func first(_ values: String?...) -> String? { values.lazy.compactMap { $0 }.first }
        title = first(article?.headline, metas["og:title"], metas["twitter:title"], metas["headline"])
        siteName = first(metas["og:site_name"], article?.publisher, metas["application-name"])
        let metaAuthor = metas["article:author"].flatMap { $0.hasPrefix("http") ? nil : $0 }
        author = first(article?.author, metas["author"], metaAuthor, metas["byl"])
        published = first(article?.datePublished, metas["article:published_time"], metas["og:published_time"], metas["datepublished"],
                          published, metas["pubdate"], metas["publishdate"], metas["date"], metas["dc.date"], metas["dc.date.issued"],
                          metas["sailthru.date"], timeValue)
        canonicalURL = canonicalURL ?? metas["og:url"]
        title = title?.trimmedForMetadata.nilIfEmpty
        siteName = siteName?.trimmedForMetadata.nilIfEmpty
        author = author?.trimmedForMetadata.nilIfEmpty
    }

    /// The parts of a JSON-LD article object brief reads.
    struct LinkedArticle {
        var headline: String?
        var author: String?
        var publisher: String?
        var datePublished: String?
    }

    static let articleTypes: Set<String> = ["newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                                            "opinionnewsarticle", "backgroundnewsarticle", "webpage", "report", "liveblogposting"]

    /// The first article object in a JSON-LD script (top level, in an array, or in `@graph`).
    static func newsArticle(in script: String) -> LinkedArticle? {
        // Decoding is the costly part; a script that names none of the types (a site's
        // Organization, its BreadcrumbList) cannot hold an article.
        guard script.utf8.count < 4 << 20, namesAnArticleType(script), let json = try? JSONDecoder().decode(LinkedData.self, from: Data(script.utf8)) else { return nil }
        var queue: [LinkedData] = [json]
        var fallback: LinkedArticle?
        var visited = 0
        while !queue.isEmpty, visited < 200 {
            let item = queue.removeFirst()
            visited += 1
            if case .array(let array) = item { queue.append(contentsOf: array); continue }
            guard case .object(let object) = item else { continue }
            if let graph = object["@graph"] { queue.append(graph) }
            let types: [String]
            switch object["@type"] {
            case .string(let type)?: types = [type]
            case .array(let list)?: types = list.compactMap { if case .string(let type) = $0 { return type } else { return nil } }
            default: types = []
            }
            guard types.contains(where: { articleTypes.contains($0.lowercased()) }) else { continue }
            let found = LinkedArticle(headline: string(object["headline"]) ?? string(object["name"]),
                                      author: name(object["author"]), publisher: name(object["publisher"]),
                                      datePublished: string(object["datePublished"]) ?? string(object["dateCreated"]))
            // A page's WebPage object is a last resort: its name is often the site's.
            if types.contains(where: { $0.lowercased() == "webpage" }) { fallback = fallback ?? found; continue }
            return found
        }
        return fallback
    }

    /// Whether `script` holds the name of an article type anywhere, ignoring ASCII case (the
    /// type names all contain one of these words).
    static func namesAnArticleType(_ script: String) -> Bool {
        let words = ["article", "posting", "webpage", "report"].map { Array($0.utf8) }
        var script = script
        return script.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index] | 0x20
                for word in words where word[0] == byte && index + word.count <= bytes.count {
                    var offset = 1
                    while offset < word.count, bytes[index + offset] | 0x20 == word[offset] { offset += 1 }
                    if offset == word.count { return true }
                }
                index += 1
            }
            return false
        }
    }

    static func string(_ value: LinkedData?) -> String? {
        switch value {
        case .string(let text)?: return text.trimmedForMetadata.nilIfEmpty
        case .array(let array)?: return array.lazy.compactMap { string($0) }.first
        default: return nil
        }
    }

    /// A person's or an organization's name: a string, an object with `name`, or a list of them.
    static func name(_ value: LinkedData?) -> String? {
        switch value {
        case .string(let text)?: return text.hasPrefix("http") ? nil : text.trimmedForMetadata.nilIfEmpty
        case .object(let object)?: return string(object["name"])
        case .array(let array)?:
            let names = array.compactMap { name($0) }
            return names.isEmpty ? nil : names.joined(separator: ", ")
        default: return nil
        }
    }
}

/// A JSON value as JSON-LD scripts hold them (numbers and booleans are of no use here).
indirect enum LinkedData: Decodable {
    case object([String: LinkedData])
    case array([LinkedData])
    case string(String)
    case other

    init(from decoder: any Decoder) throws {
        // Strings and objects first: they make up JSON-LD, and every failed attempt costs an error.
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let object = try? container.decode([String: LinkedData].self) {
            self = .object(object)
        } else if let array = try? container.decode([LinkedData].self) {
            self = .array(array)
        } else {
            self = .other
        }
    }
}

extension HTMLTree {
    /// The text of a subtree, including script and title text (for `<title>` and JSON-LD).
    func textContentIncludingHidden(of node: Int) -> String {
        var bytes: [UInt8] = []
        for index in node..<Int(ends[node]) where kinds[index] == .text { bytes.append(contentsOf: textBytes(index)) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    /// White space collapsed and trimmed, as metadata values are shown.
    var trimmedForMetadata: String {
        // By scalars, not Characters: the same white space as Character.isWhitespace (a
        // combining mark never follows white space in metadata worth keeping), at a fraction of
        // the cost on long texts.
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                pendingSpace = !out.isEmpty
            default:
                if pendingSpace {
                    out.append(" ")
                    pendingSpace = false
                }
                out.append(scalar)
            }
        }
        return String(out)
    }

    var nilIfEmpty: String? { isEmpty ? nil : self }
}
