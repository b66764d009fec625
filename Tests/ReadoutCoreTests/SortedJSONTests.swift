import Foundation
import Testing
import ReadoutCore
import ReadoutTestSupport

/// `SortedJSON` must give exactly the bytes of Foundation's `JSONEncoder` with the same options.
@Suite struct SortedJSONTests {
    static func foundation<T: Encodable>(_ value: T, pretty: Bool) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    /// Both encoders, pretty and compact; the fast path must not fall back.
    static func check<T: Encodable>(_ value: T, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        for pretty in [true, false] {
            let fast = try SortedJSON.fastEncode(value, pretty: pretty)
            let expected = try foundation(value, pretty: pretty)
            #expect(fast == expected, "\(String(decoding: fast, as: UTF8.self)) ≠ \(String(decoding: expected, as: UTF8.self))",
                    sourceLocation: sourceLocation)
            #expect(try SortedJSON.encode(value, pretty: pretty) == expected, sourceLocation: sourceLocation)
        }
    }

    static let doubles: [Double] = [0, -0.0, 0.1, 0.2, 0.30000000000000004, 1, -1, 2.5, 100, 1e-7, 1e-6, 1e-5, 0.0001, 1e15, 1e16,
                                    1e17, 1e21, 1e22, 1.5e300, -2.5e-300, 5e-324, .leastNormalMagnitude, .greatestFiniteMagnitude,
                                    123456789.125, 9007199254740993, 1.0 / 3.0, -7.25, 3.14159, 0.05, 0.95, 1.96, 0.000123]

    static let strings: [String] = ["", "a", "plain text", "quote \" and backslash \\", "/", "a/b//c", "</script>",
                                    "\u{0}\u{1}\u{7}\u{8}\u{9}\u{A}\u{B}\u{C}\u{D}\u{E}\u{F}\u{10}\u{1B}\u{1F}\u{20}\u{7F}",
                                    "é e\u{301} ü ß → ✓ — ≥ ½", "😀👍🏽🇩🇪", "\u{2028}\u{2029}\u{FEFF}", "tab\tnew\nline\r\n",
                                    "{{result:x}}", "&amp; <b>", String(repeating: "long ", count: 200)]

    @Test func scalarsEqualFoundation() throws {
        for value in Self.doubles {
            try Self.check(value)
            try Self.check([value, -value])
        }
        for value in Self.strings { try Self.check(value) }
        try Self.check(Self.strings)
        try Self.check([Int.min, -1, 0, 1, 42, Int.max])
        try Self.check([UInt64.max, 0])
        try Self.check([Int8.min, Int8.max])
        try Self.check([Float(0.1), 1, -0.0, 1e-7, 3.4e38, 16_777_217])
        try Self.check([true, false])
        try Self.check(Double?.none)
        try Self.check([Double?.none, 1.5, nil])
        for seed in 0..<2_000 {
            var generator = SplitMix64(seed: UInt64(seed))
            let bits = generator.next()
            let value = Double(bitPattern: bits)
            if value.isFinite { try Self.check(value) }
            try Self.check(Double(Int64(bitPattern: bits) >> 20) / 1_000)
        }
    }

    struct Inner: Encodable, Equatable {
        var name: String
        var value: Double?
        var values: [Double?]
        var flags: [Bool] = []
    }

    struct Outer: Encodable {
        var title: String
        var zeta: Int = 1
        var Alpha: String = "upper first"
        var alpha: [Inner]
        var optional: Inner?
        var nested: [[Inner]]
        var map: [String: Inner]
        var intMap: [Int: String]
        var empty: [Int] = []
        var emptyMap: [String: Int] = [:]
        var deep: [String: [String: [Double]]]
    }

    /// Writes `null` for an absent value, like ReadoutPlan's `Nullable`.
    struct NullWhenAbsent: Encodable {
        var value: Double?
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            if let value { try container.encode(value) } else { try container.encodeNil() }
        }
    }

    struct ManualKeys: Encodable {
        enum Keys: String, CodingKey { case b, a, c, é, e, z10, z9, Z }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(1, forKey: .b)
            try container.encodeNil(forKey: .a)
            var nested = container.nestedContainer(keyedBy: Keys.self, forKey: .c)
            try nested.encode("x", forKey: .z10)
            try nested.encode("y", forKey: .z9)
            var list = container.nestedUnkeyedContainer(forKey: .é)
            try list.encode(1.5)
            try list.encodeNil()
            var inner = list.nestedContainer(keyedBy: Keys.self)
            try inner.encode(true, forKey: .Z)
            var innerList = list.nestedUnkeyedContainer()
            try innerList.encode("deep")
            try container.encode(NullWhenAbsent(value: nil), forKey: .e)
            try container.encode([NullWhenAbsent(value: 2), NullWhenAbsent(value: nil)], forKey: .z10)
        }
    }

    @Test func nestedValuesEqualFoundation() throws {
        let inner = Inner(name: "arm \"A\" / B", value: 0.1, values: [1, nil, -0.0, 1e-7], flags: [true])
        let outer = Outer(title: "Trial", alpha: [inner, Inner(name: "", value: nil, values: [])], optional: nil,
                          nested: [[], [inner]], map: ["b": inner, "a": inner, "B": inner, "é": inner, "e": inner, "10": inner, "9": inner],
                          intMap: [2: "two", 10: "ten", -1: "minus one"],
                          deep: ["x": ["y": [1, 2.5], "z": []], "": [:]])
        try Self.check(outer)
        try Self.check([outer, outer])
        try Self.check(ManualKeys())
        try Self.check(["only": ManualKeys()])
        try Self.check(NullWhenAbsent(value: nil))
        try Self.check([[[[[[1]]]]]])
        try Self.check([String: [Int]]())
        try Self.check([[String: Int]]())
    }

    struct Dated: Encodable {
        var date = Date(timeIntervalSinceReferenceDate: 12.5)
        var data = Data([1, 2, 3])
        var url = URL(string: "https://example.org/a b")
        var decimal = Decimal(string: "1.10")
    }

    struct TwiceSameKey: Encodable {
        enum Keys: String, CodingKey { case a }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(1, forKey: .a)
            try container.encode(2, forKey: .a)
        }
    }

    /// An object with the given keys (values 0, 1, …), in this order.
    struct Keys: Encodable {
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
        var keys: [String]
        init(_ keys: [String]) { self.keys = keys }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for (index, key) in keys.enumerated() { try container.encode(index, forKey: Key(stringValue: key)) }
        }
    }

    struct Nothing: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    @Test func whatItDoesNotReproduceFallsBackToFoundation() throws {
        #expect(throws: SortedJSON.Unsupported.self) { try SortedJSON.fastEncode(Dated(), pretty: true) }
        #expect(throws: SortedJSON.Unsupported.self) { try SortedJSON.fastEncode(TwiceSameKey(), pretty: true) }
        #expect(throws: SortedJSON.Unsupported.self) { try SortedJSON.fastEncode(Keys(["é", "a", "e\u{301}"]), pretty: true) }
        try Self.check(Keys(["é", "a", "e", "Z", "b10", "b9", ""]))
        for pretty in [true, false] {
            let equivalent = Keys(["é", "a", "e\u{301}"])
            #expect(try SortedJSON.encode(equivalent, pretty: pretty) == Self.foundation(equivalent, pretty: pretty))
            #expect(try SortedJSON.encode(Dated(), pretty: pretty) == Self.foundation(Dated(), pretty: pretty))
            #expect(try SortedJSON.encode(TwiceSameKey(), pretty: pretty) == Self.foundation(TwiceSameKey(), pretty: pretty))
            #expect(try SortedJSON.encode(["a": Nothing()], pretty: pretty) == Self.foundation(["a": Nothing()], pretty: pretty))
        }
        // Non-finite numbers are refused, as by JSONEncoder.
        #expect(throws: (any Error).self) { try SortedJSON.encode([1, Double.nan], pretty: true) }
        #expect(throws: (any Error).self) { try SortedJSON.encode(["x": Double.infinity], pretty: false) }
    }
}
