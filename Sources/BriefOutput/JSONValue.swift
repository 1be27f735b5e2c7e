import BriefInput

/// A JSON value whose objects keep their keys in the order written, so output reads the same
/// on every run and every platform (Foundation's encoder does not promise an order).
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    /// A JSON number's text, written as it is (an id kept as the input wrote it).
    case numberText(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// A string, or null for nil.
    public static func optional(_ value: String?) -> JSONValue {
        value.map { .string($0) } ?? .null
    }

    /// A record id as it came in.
    public init(_ id: RecordID) {
        switch id {
        case .string(let value): self = .string(value)
        case .integer(let value): self = .int(value)
        case .number(let value): self = .numberText(value)
        case .missing: self = .null
        }
    }

    /// Compact JSON on one line, or indented by two spaces when `pretty`.
    public func serialized(pretty: Bool = false) -> String {
        var out = ""
        write(to: &out, pretty: pretty, depth: 0)
        return out
    }

    private func write(to out: inout String, pretty: Bool, depth: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .double(let value): out += value.isFinite ? String(value) : "null"
        case .numberText(let value): out += value
        case .string(let value): Self.writeString(value, to: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                if pretty { Self.newline(&out, depth + 1) }
                item.write(to: &out, pretty: pretty, depth: depth + 1)
            }
            if pretty { Self.newline(&out, depth) }
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += "," }
                if pretty { Self.newline(&out, depth + 1) }
                Self.writeString(key, to: &out)
                out += pretty ? ": " : ":"
                value.write(to: &out, pretty: pretty, depth: depth + 1)
            }
            if pretty { Self.newline(&out, depth) }
            out += "}"
        }
    }

    private static func newline(_ out: inout String, _ depth: Int) {
        out += "\n" + String(repeating: "  ", count: depth)
    }

    private static func writeString(_ value: String, to out: inout String) {
        out += "\""
        // By UTF-8 bytes, copying the runs between escapes whole: every escape starts at a
        // scalar's first byte, so each run is valid UTF-8.
        var value = value
        value.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            func hex(_ value: UInt32) -> String {
                let digits = String(value, radix: 16)
                return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            }
            while index < bytes.count {
                let byte = bytes[index]
                var escape: String?
                var width = 1
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                // C0 and C1 controls, DEL, the line and paragraph separators and the bidi
                // controls escaped: valid JSON either way, and nothing in it can drive a terminal.
                case 0x00..<0x20, 0x7F: escape = hex(UInt32(byte))
                case 0xC2 where index + 1 < bytes.count && bytes[index + 1] >= 0x80 && bytes[index + 1] <= 0x9F:
                    escape = hex(UInt32(bytes[index + 1]))
                    width = 2
                case 0xE2 where index + 2 < bytes.count:
                    let second = bytes[index + 1], third = bytes[index + 2]
                    if second == 0x80 && third >= 0xA8 && third <= 0xAE || second == 0x81 && third >= 0xA6 && third <= 0xA9 {
                        escape = hex(0x2000 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F))
                        width = 3
                    }
                default: break
                }
                guard let escape else {
                    index += 1
                    continue
                }
                if index > runStart { out += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self) }
                out += escape
                index += width
                runStart = index
            }
            if bytes.count > runStart { out += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart...]), as: UTF8.self) }
        }
        out += "\""
    }
}
