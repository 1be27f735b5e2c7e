/// An open-addressing table keyed by 64-bit word hashes. The keys are hashes already, so
/// Dictionary's hashing of them again (SipHash, per lookup) is work repair does not need: it
/// looks words up by the thousand in every article.
struct HashTable<Value> {
    private struct Slot {
        var key: UInt64
        var value: Value
    }

    /// Empty until the first key is set: a table that stays empty costs no allocation.
    private var slots: [Slot?] = []
    private(set) var count = 0

    init() {}

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Slot?](repeating: nil, count: size)
    }

    private func index(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & (slots.count - 1)
    }

    subscript(key: UInt64) -> Value? {
        guard !slots.isEmpty else { return nil }
        var slot = index(of: key)
        while let entry = slots[slot] {
            if entry.key == key { return entry.value }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    /// Sets the value of `key`, adding it if new.
    mutating func set(_ key: UInt64, _ value: Value) {
        if (count + 1) * 2 > slots.count { grow() }
        var slot = index(of: key)
        while let entry = slots[slot] {
            if entry.key == key {
                slots[slot] = Slot(key: key, value: value)
                return
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        slots[slot] = Slot(key: key, value: value)
        count += 1
    }

    mutating func removeAll() {
        slots = []
        count = 0
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot?](repeating: nil, count: max(16, old.count * 2))
        count = 0
        for case let entry? in old { set(entry.key, entry.value) }
    }
}
