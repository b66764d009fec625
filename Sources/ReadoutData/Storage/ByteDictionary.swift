/// Distinct byte strings → dense `Int32` codes in order of first insertion: an open-addressing hash
/// table over one byte arena, so dictionary-encoding a cell allocates nothing and makes no `String`.
struct ByteDictionary: Sendable {
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Slot → the high 32 bits of the value's hash and its code plus one in the low 32 bits (0: empty),
    /// so that a probe rejects other values without reading `hashes` or the arena; power-of-two size,
    /// at most half full. The slot is the hash's low bits.
    private var table: [UInt64] = [UInt64](repeating: 0, count: 64)

    var count: Int { hashes.count }

    /// The bytes of `code`.
    func bytes(_ code: Int) -> ArraySlice<UInt8> { arena[starts[code]..<starts[code + 1]] }

    /// `body` applied to the bytes of `code`.
    func withBytes<R>(_ code: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[starts[code]..<starts[code + 1]])) }
    }

    /// The code of `key`, inserting it when new.
    @inline(__always)
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (code: Int32, inserted: Bool) {
        let hash = Self.hash(key)
        let tag = hash & Self.tagMask
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = table[slot]
            if entry == 0 { break }
            if entry & Self.tagMask == tag {
                let code = Int(truncatingIfNeeded: entry & ~Self.tagMask) - 1
                if equal(code, key) { return (Int32(code), false) }
            }
            slot = (slot + 1) & mask
        }
        let code = Int32(hashes.count)
        table[slot] = tag | UInt64(code + 1)
        hashes.append(hash)
        arena.append(contentsOf: key)
        starts.append(arena.count)
        if hashes.count * 2 > table.count { grow() }
        return (code, true)
    }

    /// The code of `key` when present.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = Self.hash(key)
        let tag = hash & Self.tagMask
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = table[slot]
            if entry == 0 { return nil }
            if entry & Self.tagMask == tag {
                let code = Int(truncatingIfNeeded: entry & ~Self.tagMask) - 1
                if equal(code, key) { return Int32(code) }
            }
            slot = (slot + 1) & mask
        }
    }

    private static let tagMask: UInt64 = 0xFFFF_FFFF_0000_0000

    /// Every value as a `String` (the caller validated UTF-8 when inserting).
    func strings() -> [String] {
        arena.withUnsafeBufferPointer { buffer in
            (0..<count).map { String(decoding: UnsafeBufferPointer(rebasing: buffer[starts[$0]..<starts[$0 + 1]]), as: UTF8.self) }
        }
    }

    @inline(__always)
    private func equal(_ code: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[code], length = starts[code + 1] - start
        guard length == key.count else { return false }
        return arena.withUnsafeBufferPointer { buffer in
            guard length > 0, let a = buffer.baseAddress, let b = key.baseAddress else { return true }
            return memoryEqual(a + start, b, length)
        }
    }

    private mutating func grow() {
        let size = table.count * 2
        var newTable = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        for (code, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while newTable[slot] != 0 { slot = (slot + 1) & mask }
            newTable[slot] = hash & Self.tagMask | UInt64(code + 1)
        }
        table = newTable
    }

    /// A 64-bit multiply-xorshift hash, eight bytes at a time.
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        guard let base = key.baseAddress else { return h }
        var i = 0
        let n = key.count
        while i + 8 <= n {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(base[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 31
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return h
    }
}

@inline(__always)
func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var i = 0
    while i + 8 <= count {
        if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) { return false }
        i += 8
    }
    while i < count {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}
