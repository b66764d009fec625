import ReadoutCore
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
    }

    private var mappings: [String: MappingRecord] = [:]
    private var order: [String] = []
    /// The file as shown in diagnostics, and the line of the file where the YAML starts minus one.
    let file: String
    let lineOffset: Int

    init(file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
    }

    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(file: file, line: mark.map { $0.line + lineOffset }, column: mark?.column)
    }

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

    func mark(ofMapping path: String) -> Mark? { mappings[path]?.mark }

    func unknownKeys() -> [UnknownKey] {
        var result: [UnknownKey] = []
        for path in order {
            guard let record = mappings[path] else { continue }
            for (key, mark) in record.keys where !record.asked.contains(key) {
                result.append(UnknownKey(mappingPath: path, key: key, mark: mark, knownKeys: record.asked))
            }
        }
        return result
    }
}
