import Foundation

/// JSON with sorted keys, byte-identical to Foundation's `JSONEncoder` with `.sortedKeys`,
/// `.withoutEscapingSlashes` and optionally `.prettyPrinted`, but several times faster on Linux:
/// values are encoded into a small tree (`SortedJSON.Node`) that is then written straight to bytes.
///
/// What Foundation does and this copies exactly: keys sorted by their UTF-8 bytes; pretty output
/// indents by two spaces, writes `"key" : value`, and writes an empty array or object as `[`, an empty
/// line and `]`; a `Double` or `Float` is its shortest round-trip `description` without a trailing
/// `.0`; a string escapes `"`, `\`, `\b`, `\f`, `\n`, `\r`, `\t` and the other control characters
/// as `\u00xx` (lower-case hex), nothing else. Anything this encoder does not reproduce — a non-finite
/// number, `Date`, `Data`, `URL`, `Decimal`, a key encoded twice, `superEncoder()`, a value that encodes
/// nothing — makes it hand the value to `JSONEncoder` itself, so the result (or the error) is always
/// exactly Foundation's. The coding path given to `encode(to:)` is always empty.
public enum SortedJSON {
    /// The bytes `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]` (plus `.prettyPrinted`
    /// when `pretty`) gives for `value`; throws what it throws.
    public static func encode<T: Encodable>(_ value: T, pretty: Bool) throws -> [UInt8] {
        if let bytes = try? fastEncode(value, pretty: pretty) { return bytes }
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    /// The tree encoder alone; throws `Unsupported` where `encode` falls back to `JSONEncoder`
    /// (exposed for tests).
    public static func fastEncode<T: Encodable>(_ value: T, pretty: Bool) throws -> [UInt8] {
        let encoder = TreeEncoder()
        let root = try encoder.node(for: value)
        if encoder.unsupported { throw Unsupported() }
        var writer = Writer(pretty: pretty)
        try writer.write(root)
        return writer.bytes
    }

    /// A value `fastEncode` does not reproduce; `encode` then uses `JSONEncoder`.
    public struct Unsupported: Error {}

    enum Node {
        case null
        case bool(Bool)
        case int(Int64)
        case uint(UInt64)
        case double(Double)
        case float(Float)
        case string(String)
        case array(ArrayBox)
        case object(ObjectBox)
        /// Rows of scalars with the same keys (``JSONRows``), written as an array of objects.
        case rows(RowsBox)
    }

    final class ArrayBox {
        var items: [Node] = []
    }

    final class ObjectBox {
        var keys: [String] = []
        var values: [Node] = []

        @inline(__always) func append(_ key: String, _ value: Node) {
            keys.append(key)
            values.append(value)
        }
    }
}

// MARK: - Encoding into the tree

extension SortedJSON {
    /// One encoder for the whole value: a nested value is encoded by saving `single`, letting the value
    /// encode itself into this same object, and taking what it left in `single` (encoding is strictly nested).
    final class TreeEncoder: Encoder, SingleValueEncodingContainer {
        var single: Node?
        var unsupported = false

        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func node<T: Encodable>(for value: T) throws -> Node {
            if T.self == String.self { return .string(value as! String) }
            if T.self == Double.self { return try Self.number(value as! Double) }
            if T.self == Int.self { return .int(Int64(value as! Int)) }
            // JSONEncoder writes these in its own ways.
            if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self { throw Unsupported() }
            let saved = single
            single = nil
            defer { single = saved }
            try value.encode(to: self)
            guard let node = single else { throw Unsupported() }
            return node
        }

        static func number(_ value: Double) throws -> Node {
            guard value.isFinite else { throw Unsupported() }
            return .double(value)
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            let box: ObjectBox
            if case .object(let existing) = single {
                box = existing
            } else {
                if single != nil { unsupported = true }
                box = ObjectBox()
                single = .object(box)
            }
            return KeyedEncodingContainer(Keyed<Key>(encoder: self, box: box))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            let box: ArrayBox
            if case .array(let existing) = single {
                box = existing
            } else {
                if single != nil { unsupported = true }
                box = ArrayBox()
                single = .array(box)
            }
            return Unkeyed(encoder: self, box: box)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { self }

        /// ``JSONRows``' rows as the value being encoded.
        func setRows(_ box: RowsBox) { set(.rows(box)) }

        private func set(_ node: Node) {
            if single != nil { unsupported = true }
            single = node
        }

        func encodeNil() throws { set(.null) }
        func encode(_ value: Bool) throws { set(.bool(value)) }
        func encode(_ value: String) throws { set(.string(value)) }
        func encode(_ value: Double) throws { set(try Self.number(value)) }
        func encode(_ value: Float) throws {
            guard value.isFinite else { throw Unsupported() }
            set(.float(value))
        }
        func encode(_ value: Int) throws { set(.int(Int64(value))) }
        func encode(_ value: Int8) throws { set(.int(Int64(value))) }
        func encode(_ value: Int16) throws { set(.int(Int64(value))) }
        func encode(_ value: Int32) throws { set(.int(Int64(value))) }
        func encode(_ value: Int64) throws { set(.int(value)) }
        func encode(_ value: UInt) throws { set(.uint(UInt64(value))) }
        func encode(_ value: UInt8) throws { set(.uint(UInt64(value))) }
        func encode(_ value: UInt16) throws { set(.uint(UInt64(value))) }
        func encode(_ value: UInt32) throws { set(.uint(UInt64(value))) }
        func encode(_ value: UInt64) throws { set(.uint(value)) }
        func encode<T: Encodable>(_ value: T) throws {
            let node = try node(for: value)
            set(node)
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: TreeEncoder
        let box: ObjectBox
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { box.append(key.stringValue, .null) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { box.append(key.stringValue, .bool(value)) }
        mutating func encode(_ value: String, forKey key: Key) throws { box.append(key.stringValue, .string(value)) }
        mutating func encode(_ value: Double, forKey key: Key) throws { box.append(key.stringValue, try TreeEncoder.number(value)) }
        mutating func encode(_ value: Float, forKey key: Key) throws {
            guard value.isFinite else { throw Unsupported() }
            box.append(key.stringValue, .float(value))
        }
        mutating func encode(_ value: Int, forKey key: Key) throws { box.append(key.stringValue, .int(Int64(value))) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { box.append(key.stringValue, .int(Int64(value))) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { box.append(key.stringValue, .int(Int64(value))) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { box.append(key.stringValue, .int(Int64(value))) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { box.append(key.stringValue, .int(value)) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { box.append(key.stringValue, .uint(UInt64(value))) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { box.append(key.stringValue, .uint(UInt64(value))) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { box.append(key.stringValue, .uint(UInt64(value))) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { box.append(key.stringValue, .uint(UInt64(value))) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { box.append(key.stringValue, .uint(value)) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            box.append(key.stringValue, try encoder.node(for: value))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let nested = ObjectBox()
            box.append(key.stringValue, .object(nested))
            return KeyedEncodingContainer(Keyed<NestedKey>(encoder: encoder, box: nested))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = ArrayBox()
            box.append(key.stringValue, .array(nested))
            return Unkeyed(encoder: encoder, box: nested)
        }

        mutating func superEncoder() -> any Encoder {
            encoder.unsupported = true
            return TreeEncoder()
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            encoder.unsupported = true
            return TreeEncoder()
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let encoder: TreeEncoder
        let box: ArrayBox
        var codingPath: [any CodingKey] { [] }
        var count: Int { box.items.count }

        mutating func encodeNil() throws { box.items.append(.null) }
        mutating func encode(_ value: Bool) throws { box.items.append(.bool(value)) }
        mutating func encode(_ value: String) throws { box.items.append(.string(value)) }
        mutating func encode(_ value: Double) throws { box.items.append(try TreeEncoder.number(value)) }
        mutating func encode(_ value: Float) throws {
            guard value.isFinite else { throw Unsupported() }
            box.items.append(.float(value))
        }
        mutating func encode(_ value: Int) throws { box.items.append(.int(Int64(value))) }
        mutating func encode(_ value: Int8) throws { box.items.append(.int(Int64(value))) }
        mutating func encode(_ value: Int16) throws { box.items.append(.int(Int64(value))) }
        mutating func encode(_ value: Int32) throws { box.items.append(.int(Int64(value))) }
        mutating func encode(_ value: Int64) throws { box.items.append(.int(value)) }
        mutating func encode(_ value: UInt) throws { box.items.append(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt8) throws { box.items.append(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt16) throws { box.items.append(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt32) throws { box.items.append(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt64) throws { box.items.append(.uint(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { box.items.append(try encoder.node(for: value)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = ObjectBox()
            box.items.append(.object(nested))
            return KeyedEncodingContainer(Keyed<NestedKey>(encoder: encoder, box: nested))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = ArrayBox()
            box.items.append(.array(nested))
            return Unkeyed(encoder: encoder, box: nested)
        }

        mutating func superEncoder() -> any Encoder {
            encoder.unsupported = true
            return TreeEncoder()
        }
    }
}

// MARK: - Writing the tree

extension SortedJSON {
    struct Writer {
        let pretty: Bool
        var bytes: [UInt8] = []
        var indent = 0

        init(pretty: Bool) {
            self.pretty = pretty
            bytes.reserveCapacity(1 << 14)
        }

        mutating func write(_ node: Node) throws {
            switch node {
            case .null: append("null")
            case .bool(let value): append(value ? "true" : "false")
            case .int(let value): appendNumber(value.description)
            case .uint(let value): appendNumber(value.description)
            case .double(let value): appendNumber(value.description, trimmingPointZero: true)
            case .float(let value): appendNumber(value.description, trimmingPointZero: true)
            case .string(let value): writeString(value)
            case .array(let box): try writeArray(box.items)
            case .object(let box): try writeObject(box)
            case .rows(let box): try writeRows(box)
            }
        }

        @inline(__always) mutating func append(_ text: StaticString) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }

        mutating func appendNumber(_ text: String, trimmingPointZero: Bool = false) {
            var text = text
            text.withUTF8 { utf8 in
                var count = utf8.count
                if trimmingPointZero, count >= 2, utf8[count - 2] == UInt8(ascii: "."), utf8[count - 1] == UInt8(ascii: "0") { count -= 2 }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[..<count]))
            }
        }

        mutating func writeIndent() {
            for _ in 0..<indent { append("  ") }
        }

        mutating func writeArray(_ items: [Node]) throws {
            bytes.append(UInt8(ascii: "["))
            if pretty {
                bytes.append(0x0A)
                indent += 1
            }
            var first = true
            for item in items {
                if first {
                    first = false
                } else {
                    bytes.append(UInt8(ascii: ","))
                    if pretty { bytes.append(0x0A) }
                }
                if pretty { writeIndent() }
                try write(item)
            }
            if pretty {
                bytes.append(0x0A)
                indent -= 1
                writeIndent()
            }
            bytes.append(UInt8(ascii: "]"))
        }

        mutating func writeObject(_ box: ObjectBox) throws {
            let order = try Self.sortedOrder(box.keys)
            try writeFields(keys: box.keys, order: order) { box.values[$0] }
        }

        /// The indices of `keys` in the order of their UTF-8 bytes; throws `Unsupported` for a repeated key
        /// (Foundation keeps one value per key, compared as Swift strings; that is not reproduced here).
        static func sortedOrder(_ keys: [String]) throws -> [Int] {
            var order = Array(keys.indices)
            order.sort { keys[$0].utf8.lexicographicallyPrecedes(keys[$1].utf8) }
            if keys.contains(where: { $0.utf8.contains { $0 >= 0x80 } }) {
                if Set(keys).count != keys.count { throw Unsupported() }
            } else {
                for (a, b) in zip(order, order.dropFirst()) where keys[a].utf8.elementsEqual(keys[b].utf8) { throw Unsupported() }
            }
            return order
        }

        /// An object: `keys[i]` with `value(i)`, in `order`.
        mutating func writeFields(keys: [String], order: [Int], value: (Int) -> Node) throws {
            bytes.append(UInt8(ascii: "{"))
            if pretty {
                bytes.append(0x0A)
                indent += 1
                if !order.isEmpty { writeIndent() }
            }
            var first = true
            for index in order {
                if first {
                    first = false
                } else {
                    bytes.append(UInt8(ascii: ","))
                    if pretty {
                        bytes.append(0x0A)
                        writeIndent()
                    }
                }
                writeString(keys[index])
                if pretty { append(" : ") } else { bytes.append(UInt8(ascii: ":")) }
                try write(value(index))
            }
            if pretty {
                bytes.append(0x0A)
                indent -= 1
                writeIndent()
            }
            bytes.append(UInt8(ascii: "}"))
        }

        /// ``JSONRows``' rows: what `writeArray` writes for the array of their objects, keys sorted once.
        mutating func writeRows(_ box: RowsBox) throws {
            guard box.count > 0 else { return try writeArray([]) }
            let order = try Self.sortedOrder(box.keys)
            let width = box.keys.count
            bytes.append(UInt8(ascii: "["))
            if pretty {
                bytes.append(0x0A)
                indent += 1
            }
            for row in 0..<box.count {
                if row > 0 {
                    bytes.append(UInt8(ascii: ","))
                    if pretty { bytes.append(0x0A) }
                }
                if pretty { writeIndent() }
                let base = row * width
                try writeFields(keys: box.keys, order: order) { box.values[base + $0] }
            }
            if pretty {
                bytes.append(0x0A)
                indent -= 1
                writeIndent()
            }
            bytes.append(UInt8(ascii: "]"))
        }

        static let hex: [UInt8] = Array("0123456789abcdef".utf8)

        mutating func writeString(_ string: String) {
            bytes.append(UInt8(ascii: "\""))
            var string = string
            string.withUTF8 { utf8 in
                var mark = 0
                for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    if index > mark { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<index])) }
                    mark = index + 1
                    bytes.append(UInt8(ascii: "\\"))
                    switch byte {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                    case 0x08: bytes.append(UInt8(ascii: "b"))
                    case 0x0C: bytes.append(UInt8(ascii: "f"))
                    case 0x0A: bytes.append(UInt8(ascii: "n"))
                    case 0x0D: bytes.append(UInt8(ascii: "r"))
                    case 0x09: bytes.append(UInt8(ascii: "t"))
                    default:
                        append("u00")
                        bytes.append(Self.hex[Int(byte >> 4)])
                        bytes.append(Self.hex[Int(byte & 0x0F)])
                    }
                }
                if utf8.count > mark { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark...])) }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
