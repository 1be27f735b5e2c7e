import CZlib

/// Why gzip data could not be inflated.
public enum GzipError: Error, Equatable, CustomStringConvertible {
    case corrupt(String)
    case tooLarge(limit: Int)

    public var description: String {
        switch self {
        case .corrupt(let detail): return "corrupt gzip data (\(detail))"
        case .tooLarge(let limit): return "gzip data inflates to more than the \(limit)-byte limit (raise it with --max-size)"
        }
    }
}

/// gzip (RFC 1952) through zlib, bounded: a small file that inflates to gigabytes stops at the
/// limit instead of filling memory.
public enum Gzip {
    /// Whether bytes start with gzip's magic number.
    public static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// Inflates every gzip member of `bytes`, up to `maxBytes` of output.
    public static func inflate(_ bytes: [UInt8], maxBytes: Int) throws(GzipError) -> [UInt8] {
        var stream = z_stream()
        // 15 window bits + 32: gzip or zlib headers, detected.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corrupt("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = bytes
        let total = input.count
        var consumed = 0
        var status: Int32 = Z_OK
        try input.withUnsafeMutableBufferPointer { (buffer: inout UnsafeMutableBufferPointer<UInt8>) throws(GzipError) in
            stream.next_in = buffer.baseAddress
            stream.avail_in = UInt32(min(total, Int(UInt32.max)))
            while true {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return out.count - Int(stream.avail_out)
                }
                if produced > 0 {
                    guard output.count + produced <= maxBytes else { throw .tooLarge(limit: maxBytes) }
                    output.append(contentsOf: chunk[0..<produced])
                }
                switch status {
                case Z_STREAM_END:
                    consumed = total - Int(stream.avail_in)
                    // Another member may follow (concatenated gzip files are one stream).
                    guard consumed < total, isCompressed(Array(buffer[consumed..<min(total, consumed + 2)])) else { return }
                    guard inflateReset(&stream) == Z_OK else { throw .corrupt("zlib could not restart") }
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    if stream.avail_in == 0 { throw .corrupt("truncated") }
                    continue
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                    throw .corrupt(message)
                }
            }
        }
        return output
    }
}
