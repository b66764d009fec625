/// Searching UTF-8 bytes for a byte pattern, for the passes that rewrite rendered HTML on bytes
/// (live references, live numbers) instead of on Characters.
public enum ByteSearch {
    /// The first index at or after `start` where `needle` (non-empty) begins in `bytes`, or nil.
    @inline(__always)
    public static func firstIndex(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let last = bytes.count - needle.count
        var index = start
        while index <= last {
            if bytes[index] == needle[0], UnsafeBufferPointer(rebasing: bytes[index..<index + needle.count]).elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}
