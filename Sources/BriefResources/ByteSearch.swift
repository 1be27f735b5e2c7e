// Search and replace over UTF-8 bytes. String's own `replacing` and `firstRange(of:)` compare
// Characters, and finding a Character boundary inside a long run of regional indicators (flags)
// walks back over the whole run: text of flags made them quadratic. UTF-8 is self-synchronizing,
// so matching the bytes of a whole string finds the same places.

extension String {
    /// The byte offsets (UTF-8) where `needle` starts, left to right, not overlapping.
    public func byteOffsets(of needle: String) -> [Int] {
        var offsets: [Int] = []
        var haystack = self
        var needle = needle
        haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard n.count > 0, n.count <= h.count else { return }
                var index = 0
                let first = n[0]
                while index + n.count <= h.count {
                    if h[index] == first, memcmpEqual(h, index, n) {
                        offsets.append(index)
                        index += n.count
                    } else {
                        index += 1
                    }
                }
            }
        }
        return offsets
    }

    /// Every occurrence of `target` replaced with `replacement`, by bytes.
    public func replacingBytes(of target: String, with replacement: String) -> String {
        let offsets = byteOffsets(of: target)
        guard !offsets.isEmpty else { return self }
        var out: [UInt8] = []
        let bytes = Array(utf8)
        out.reserveCapacity(bytes.count + offsets.count * max(0, replacement.utf8.count - target.utf8.count))
        var copied = 0
        let length = target.utf8.count
        for offset in offsets {
            out.append(contentsOf: bytes[copied..<offset])
            out.append(contentsOf: replacement.utf8)
            copied = offset + length
        }
        out.append(contentsOf: bytes[copied...])
        return String(decoding: out, as: UTF8.self)
    }
}

private func memcmpEqual(_ h: UnsafeBufferPointer<UInt8>, _ at: Int, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
    for k in 0..<n.count where h[at + k] != n[k] { return false }
    return true
}
