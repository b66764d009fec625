/// Text of one variable, dictionary-encoded: each row holds an `Int32` code into ``dictionary`` (the
/// distinct values, in order of first appearance), or ``missingCode``. One `String` per distinct value.
public struct TextColumn: Sendable, ExpressibleByArrayLiteral, RandomAccessCollection {
    /// The code of a missing value (empty field, blank SAS string).
    public static let missingCode: Int32 = -1
    /// One code per row.
    public private(set) var codes: [Int32]
    /// The distinct values; `codes` index into it.
    public private(set) var dictionary: [String]
    /// The reader's byte-keyed hash table of ``dictionary`` (same codes), kept for columns with many
    /// distinct values (identifiers) so that ``TextLookup`` joins on it without hashing them again.
    private(set) var byteDictionary: ByteDictionary?
    /// Identifies this column's dictionary: copies share it, and a column keyed to this one
    /// (``isKeyed(to:)``) records it.
    let origin = Origin()
    /// For a column the reader keyed to another (`CSVReader`'s `keys:`): that column's origin; the
    /// first ``keyedCount`` entries of ``dictionary`` are that column's dictionary, same codes.
    private(set) var keyOrigin: Origin?
    private(set) var keyedCount = 0

    /// An identity for a dictionary.
    final class Origin: Sendable {}

    /// From codes and their dictionary (codes must be ``missingCode`` or valid indices).
    public init(codes: [Int32], dictionary: [String]) {
        self.codes = codes
        self.dictionary = dictionary
    }

    /// From codes and the reader's dictionary, which is kept when it is large.
    init(codes: [Int32], bytes: ByteDictionary) {
        self.codes = codes
        self.dictionary = bytes.strings()
        if bytes.count >= Self.keptDictionarySize { byteDictionary = bytes }
    }

    /// From codes into `key`'s dictionary followed by `extras` (values not in `key`, codes from
    /// `key.dictionary.count` on): the key's strings are shared, not made again.
    init(codes: [Int32], keyedTo key: TextColumn, extras: ByteDictionary) {
        self.codes = codes
        var dictionary = key.dictionary
        if extras.count > 0 { dictionary.append(contentsOf: extras.strings()) }
        self.dictionary = dictionary
        keyOrigin = key.origin
        keyedCount = key.dictionary.count
    }

    /// Whether the first `key.dictionary.count` codes of this column are `key`'s codes of the same
    /// values (the reader keyed it to `key`): then joining needs no look-up of those values.
    public func isKeyed(to key: TextColumn) -> Bool {
        keyOrigin.map { $0 === key.origin } ?? false && keyedCount == key.dictionary.count
    }

    /// Distinct values from which the reader's hash table is kept for joins.
    static let keptDictionarySize = 1024

    /// Encodes optional values; `nil` is missing.
    public init(_ values: [String?]) {
        var lookup: [String: Int32] = [:]
        var dictionary: [String] = []
        codes = values.map { value in
            guard let value else { return Self.missingCode }
            if let code = lookup[value] { return code }
            let code = Int32(dictionary.count)
            lookup[value] = code
            dictionary.append(value)
            return code
        }
        self.dictionary = dictionary
    }

    public init(arrayLiteral elements: String?...) { self.init(elements) }

    public var count: Int { codes.count }
    public var startIndex: Int { 0 }
    public var endIndex: Int { codes.count }

    /// The value of `row`, `nil` when missing.
    public subscript(_ row: Int) -> String? {
        let code = codes[row]
        return code < 0 ? nil : dictionary[Int(code)]
    }

    /// The code of `value`, or `nil` when no row holds it.
    public func code(of value: String) -> Int32? {
        dictionary.firstIndex(of: value).map { Int32($0) }
    }

    /// Every value as an optional, for code that does not need the fast form.
    public var optionals: [String?] { codes.indices.map { self[$0] } }
}
