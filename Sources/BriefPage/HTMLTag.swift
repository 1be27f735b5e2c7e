/// The HTML elements main-text extraction treats by name (the HTML standard's names); every
/// other element is `.other`.
public enum HTMLTag: UInt8, Sendable, CaseIterable {
    case other
    // Document
    case html, head, body, title, meta, link, base
    // Never text of the page
    case script, style, noscript, template, svg, math, iframe, frame, frameset, object, embed, canvas, video, audio, picture, source, img
    // Forms
    case form, input, button, select, option, textarea, label, fieldset
    // Sections
    case article, main, section, nav, aside, header, footer, address, hgroup
    // Blocks
    case div, p, h1, h2, h3, h4, h5, h6, blockquote, pre, ul, ol, li, dl, dt, dd, figure, figcaption, table, thead, tbody, tfoot, tr, td, th, caption, hr, br, center, details, summary, dialog, menu
    // Inline
    case a, span, em, strong, b, i, u, small, sub, sup, time, abbr, cite, q, mark, code, font, s, del, ins, wbr, bdi, bdo

    /// Tag from its lowercase ASCII name bytes.
    init(_ name: UnsafeBufferPointer<UInt8>) {
        guard name.count <= 10 else { self = .other; return }
        var key: UInt64 = 0
        for byte in name {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            key = key << 8 | UInt64(lower)
        }
        // A 64-bit key keeps the last 8 bytes; with the length it still tells every tag named
        // here apart (figcaption, blockquote).
        self = HTMLTag.byKey[HTMLTag.packed(key: key, length: name.count)] ?? .other
    }

    private static func packed(key: UInt64, length: Int) -> UInt64 {
        key &* 31 &+ UInt64(length)
    }

    private static let byKey: [UInt64: HTMLTag] = {
        var table: [UInt64: HTMLTag] = [:]
        for tag in HTMLTag.allCases where tag != .other {
            var key: UInt64 = 0
            for byte in String(describing: tag).utf8 { key = key << 8 | UInt64(byte) }
            table[packed(key: key, length: String(describing: tag).utf8.count)] = tag
        }
        return table
    }()

    /// Content never shown as text.
    var isInvisible: Bool {
        switch self {
        case .script, .style, .noscript, .template, .svg, .math, .iframe, .frame, .frameset, .object, .embed, .canvas,
             .video, .audio, .picture, .source, .head, .title, .meta, .link, .select, .option, .textarea, .button, .input, .dialog:
            return true
        default:
            return false
        }
    }

    /// Elements that start a new block of text (a paragraph break before and after them).
    var isBlock: Bool {
        switch self {
        case .p, .div, .h1, .h2, .h3, .h4, .h5, .h6, .blockquote, .pre, .ul, .ol, .li, .dl, .dt, .dd, .figure, .figcaption,
             .table, .thead, .tbody, .tfoot, .tr, .td, .th, .caption, .hr, .br, .center, .details, .summary, .menu,
             .article, .main, .section, .nav, .aside, .header, .footer, .address, .hgroup, .form, .fieldset, .body, .html:
            return true
        default:
            return false
        }
    }

    /// Headings.
    var isHeading: Bool {
        switch self {
        case .h1, .h2, .h3, .h4, .h5, .h6: return true
        default: return false
        }
    }
}
