/// Finds the code of a text in a ``TextColumn``'s dictionary by its UTF-8 bytes: built once, then one
/// hash of the bytes per look-up (no `String` hashing), for joining datasets on identifiers.
public struct TextLookup: Sendable {
    private var table = ByteDictionary()
    /// The column's code of each entry of `table` (equal unless the dictionary repeats a value).
    private var codes: [Int32] = []

    /// A look-up over `column`'s distinct values; a value that appears twice keeps its first code.
    public init(_ column: TextColumn) {
        if let bytes = column.byteDictionary {
            // The reader's table: distinct values, codes equal to the column's.
            table = bytes
            codes = (0..<Int32(bytes.count)).map { $0 }
            return
        }
        for (code, value) in column.dictionary.enumerated() {
            let inserted = Self.withBytes(value) { table.insert($0).inserted }
            if inserted { codes.append(Int32(code)) }
        }
    }

    /// The code of `value`, or `nil` when the column never holds it.
    public func code(of value: String) -> Int32? {
        Self.withBytes(value) { bytes in table.find(bytes).map { codes[Int($0)] } }
    }

    /// For each distinct value of `other`, its code here (or -1): one look-up per distinct value.
    public func codes(of other: TextColumn) -> [Int32] {
        if let bytes = other.byteDictionary {
            return (0..<bytes.count).map { code in bytes.withBytes(code) { table.find($0).map { codes[Int($0)] } ?? -1 } }
        }
        return other.dictionary.map { code(of: $0) ?? -1 }
    }

    private static func withBytes<R>(_ value: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = value.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(value.utf8).withUnsafeBufferPointer(body)
    }
}
