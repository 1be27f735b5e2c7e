import BriefText

/// The character set of an HTML page, in the order browsers decide it: a byte order mark, the
/// HTTP header, strict UTF-8, the page's own `<meta charset>` / `http-equiv` declaration, then
/// ICU's detector.
public enum PageCharset {
    /// The page decoded to text, with the encoding used.
    public static func decode(_ bytes: [UInt8], declaredByHeader: String? = nil, maxBytes: Int) throws(TextError) -> DecodedText {
        let decoder = TextDecoder(maxBytes: maxBytes)
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if hasBOM { return try decoder.decode(bytes) }
        if let declaredByHeader, let decoded = try? decoder.decode(bytes, encoding: declaredByHeader) { return decoded }
        // Pages that are valid UTF-8 are UTF-8, whatever they declare: a declared legacy charset
        // on UTF-8 bytes is a stale template far more often than a real legacy page.
        // Taken as they are: the parser needs no normalized text, and the article's paragraphs
        // are normalized once extracted (a tenth of the page, or less).
        if let text = String(validating: bytes, as: UTF8.self) {
            guard bytes.count <= maxBytes else { throw .tooLarge(bytes: bytes.count, limit: maxBytes) }
            return DecodedText(text: text, encoding: "UTF-8", hadByteOrderMark: false)
        }
        if let declared = metaCharset(bytes), let decoded = try? decoder.decode(bytes, encoding: declared) { return decoded }
        return try decoder.decode(bytes)
    }

    /// The charset a page declares in a `<meta>` tag within its first 1024 bytes (the HTML
    /// standard's prescan looks no further).
    public static func metaCharset(_ bytes: [UInt8]) -> String? {
        let head = Array(bytes.prefix(1024)).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        var index = 0
        while let meta = find(Array("<meta".utf8), in: head, from: index) {
            let tagEnd = head[meta...].firstIndex(of: UInt8(ascii: ">")) ?? head.count
            let tag = Array(head[meta..<tagEnd])
            if let at = find(Array("charset".utf8), in: tag, from: 0) {
                var position = at + 7
                while position < tag.count, tag[position] == 0x20 || tag[position] == 0x09 { position += 1 }
                if position < tag.count, tag[position] == UInt8(ascii: "=") {
                    position += 1
                    while position < tag.count, tag[position] == 0x20 || tag[position] == 0x22 || tag[position] == 0x27 { position += 1 }
                    var end = position
                    while end < tag.count, isCharsetByte(tag[end]) { end += 1 }
                    if end > position { return String(decoding: tag[position..<end], as: UTF8.self) }
                }
            }
            index = tagEnd
        }
        return nil
    }

    static func isCharsetByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x3A
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count, start <= haystack.count - needle.count else { return nil }
        for index in start...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
        }
        return nil
    }

    /// Whether bytes look like an HTML page rather than text: a doctype, or an `<html>`,
    /// `<head>`, `<body>`, `<meta>`, `<title>`, `<div>`, `<p>` or `<script>` tag near the start.
    public static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let head = bytes[start..<min(bytes.count, start + 2048)].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        // UTF-16 pages: look at every other byte.
        let ascii: [UInt8]
        if head.count >= 2, (head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF) {
            ascii = head.filter { $0 != 0 && $0 < 0x80 }
        } else {
            ascii = head
        }
        var first = 0
        while first < ascii.count, ascii[first] == 0x20 || ascii[first] == 0x0A || ascii[first] == 0x0D || ascii[first] == 0x09 || ascii[first] == 0xFF || ascii[first] == 0xFE { first += 1 }
        let trimmed = Array(ascii[first...])
        for opening in ["<!doctype html", "<html", "<?xml", "<head", "<!--"] where trimmed.starts(with: Array(opening.utf8)) {
            return opening == "<?xml" || opening == "<!--" ? find(Array("<html".utf8), in: trimmed, from: 0) != nil : true
        }
        // Text copied from a page does not hold tags; a fragment of markup does, several of them.
        var tags = 0
        for tag in ["<html", "<head", "<body", "<meta ", "<title>", "<div", "<p>", "<p ", "<script", "<link ", "<article"] {
            if find(Array(tag.utf8), in: trimmed, from: 0) != nil { tags += 1 }
        }
        return tags >= 2
    }
}
