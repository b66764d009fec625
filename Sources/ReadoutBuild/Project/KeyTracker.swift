internal import Yams

/// Records, per YAML mapping, which keys the decoder asked for, to find keys nobody reads.
final class KeyTracker {
    struct UnknownKey {
        var mappingPath: String
        var key: String
        var mark: Mark?
        var knownKeys: Set<String>
    }

    private struct MappingRecord {
        var keys: [(String, Mark?)]
        var mark: Mark?
        var asked: Set<String> = []
        var isDictionary = false
    }

    private var mappings: [String: MappingRecord] = [:]
    private var order: [String] = []

    static func pathString(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
        }
        return text
    }

    func register(mapping: Node.Mapping, path: String) {
        guard mappings[path] == nil else { return }
        let keys = mapping.map { ($0.key.string ?? "", $0.key.mark) }
        mappings[path] = MappingRecord(keys: keys, mark: mapping.mark)
        order.append(path)
    }

    func asked(_ key: String, in path: String) {
        mappings[path]?.asked.insert(key)
    }

    /// Dictionaries read all their keys.
    func markDictionary(_ path: String) {
        mappings[path]?.isDictionary = true
    }

    func mark(ofMapping path: String) -> Mark? { mappings[path]?.mark }

    func unknownKeys() -> [UnknownKey] {
        var result: [UnknownKey] = []
        for path in order {
            guard let record = mappings[path], !record.isDictionary else { continue }
            for (key, mark) in record.keys where !record.asked.contains(key) {
                result.append(UnknownKey(mappingPath: path, key: key, mark: mark, knownKeys: record.asked))
            }
        }
        return result
    }
}
