import Foundation
import ReadoutCore
internal import Yams

/// A `Decoder` over one Yams node, reporting type errors with the node's mark and recording
/// asked-for keys in a ``KeyTracker``.
struct NodeDecoder: Decoder {
    let node: Node
    let codingPath: [any CodingKey]
    let tracker: KeyTracker
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    var pathString: String { KeyTracker.pathString(codingPath) }

    /// A value of the wrong type or form, at this node's line.
    func fail(_ expected: String, identifier: String = "plan.invalid-value", summary: String? = nil) -> Diagnostic {
        let shown: String?
        switch node {
        case .scalar(let s): shown = s.string
        case .mapping: shown = "a mapping"
        case .sequence: shown = "a list"
        case .alias: shown = "an alias"
        }
        return Diagnostic(.error, identifier, at: tracker.location(node.mark), summary ?? "'\(pathString)' must be \(expected)",
                          variable: pathString.isEmpty ? nil : pathString, value: shown, expected: expected)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node else { throw fail("a mapping of keys to values") }
        tracker.register(mapping: mapping, path: pathString)
        return KeyedDecodingContainer(NodeKeyedContainer<Key>(decoder: self, mapping: mapping))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .sequence(let sequence) = node else { throw fail("a list") }
        return NodeUnkeyedContainer(decoder: self, nodes: Array(sequence))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        NodeSingleValueContainer(decoder: self)
    }

    func child(_ node: Node, key: any CodingKey) -> NodeDecoder {
        NodeDecoder(node: node, codingPath: codingPath + [key], tracker: tracker)
    }
}

struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

struct NodeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoder
    let mapping: Node.Mapping
    var codingPath: [any CodingKey] { decoder.codingPath }

    /// The keys present, without counting them as read: a dictionary reads each key it lists, and a
    /// type that lists keys to reject some (an endpoint's keys of another type) reads only its own.
    var allKeys: [Key] {
        mapping.keys.compactMap { $0.string.flatMap(Key.init(stringValue:)) }
    }

    private func value(_ key: Key) -> Node? {
        decoder.tracker.asked(key.stringValue, in: decoder.pathString)
        return mapping[key.stringValue]
    }

    func contains(_ key: Key) -> Bool { value(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let node = value(key) else { return true }
        if case .scalar(let scalar) = node, NSNull.construct(from: scalar) != nil { return true }
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        guard let node = value(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing"))
        }
        return try T(from: decoder.child(node, key: key))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        guard let node = value(key) else { throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing")) }
        return try decoder.child(node, key: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        guard let node = value(key) else { throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing")) }
        return try decoder.child(node, key: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder {
        guard let node = value(key) else { throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing")) }
        return decoder.child(node, key: key)
    }
}

struct NodeUnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: NodeDecoder
    let nodes: [Node]
    var currentIndex = 0
    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { nodes.count }
    var isAtEnd: Bool { currentIndex >= nodes.count }

    private mutating func next() throws -> NodeDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "end of list"))
        }
        defer { currentIndex += 1 }
        return decoder.child(nodes[currentIndex], key: IndexKey(currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, case .scalar(let scalar) = nodes[currentIndex], NSNull.construct(from: scalar) != nil else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: next()) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { try next() }
}

struct NodeSingleValueContainer: SingleValueDecodingContainer {
    let decoder: NodeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    private func scalar(_ expected: String) throws -> Node.Scalar {
        guard case .scalar(let scalar) = decoder.node else { throw decoder.fail(expected) }
        return scalar
    }

    private func construct<T>(_ expected: String, _ make: (Node.Scalar) -> T?) throws -> T {
        let s = try scalar(expected)
        guard let value = make(s) else { throw decoder.fail(expected) }
        return value
    }

    func decodeNil() -> Bool {
        if case .scalar(let scalar) = decoder.node { return NSNull.construct(from: scalar) != nil }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool { try construct("true or false", Bool.construct) }
    /// Text: not null (`~`, `null` or nothing), without control characters other than tab and line feed.
    func decode(_ type: String.Type) throws -> String {
        let s = try scalar("a text value")
        if NSNull.construct(from: s) != nil {
            throw decoder.fail("a text value", identifier: "plan.null-value", summary: "'\(decoder.pathString)' is required and cannot be null")
        }
        if s.string.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" }) {
            throw decoder.fail("text without control characters", identifier: "plan.control-character",
                               summary: "'\(decoder.pathString)' contains a control character")
        }
        return s.string
    }

    /// A finite number: `.nan`, `.inf` and numbers too large for a Double (`1e400`) are errors.
    func decode(_ type: Double.Type) throws -> Double {
        let value = try construct("a number", Double.construct)
        guard value.isFinite else { throw decoder.fail("a finite number") }
        return value
    }
    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    func decode(_ type: Int.Type) throws -> Int { try construct("a whole number", Int.construct) }
    func decode(_ type: Int8.Type) throws -> Int8 { try narrow(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try narrow(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try narrow(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { Int64(try decode(Int.self)) }
    func decode(_ type: UInt.Type) throws -> UInt { try narrow(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try narrow(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try narrow(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try narrow(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try narrow(type) }

    private func narrow<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard let value = T(exactly: try decode(Int.self)) else { throw decoder.fail("a whole number in range") }
        return value
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: decoder) }
}
