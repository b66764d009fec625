public import ReadoutCore
internal import Yams

/// Decodes `Decodable` values from YAML, strictly: every key in the file must be one the type reads,
/// and every problem is reported as a diagnostic at the YAML line and column where it is.
///
/// Works over Yams' composed node tree (which keeps a `Mark` per node) and records which keys each
/// mapping was asked for. Synthesized `Decodable` asks for every key it knows (`decodeIfPresent` for
/// optional ones), so a key never asked for is unknown: misspelled or unsupported.
public struct StrictYAMLDecoder {
    public init() {}

    /// Decodes `type` from `yaml`; `file` is the path shown in diagnostics.
    public func decode<T: Decodable>(_ type: T.Type, from yaml: String, file: String, lineOffset: Int = 0) throws(DiagnosticsError) -> T {
        try decodeWithSources(type, from: yaml, file: file, lineOffset: lineOffset).value
    }

    /// Tags are resolved for booleans only. `NodeDecoder` reads every other scalar from its text (`Int.construct`,
    /// `Double.construct`, null by its plain spelling), and Yams' `Bool.construct` alone looks at the tag (a quoted
    /// "true" is text). Yams' default resolver also compiles and matches int, float, null, merge, timestamp and
    /// value patterns (NSRegularExpression) for every scalar: a tenth of the sample build's YAML time, for nothing.
    static let resolver = Resolver.basic.appending(.bool)

    /// Decodes `type` from `yaml` and returns, with the value, the line of every value in it, for
    /// checks that run after decoding (`PlanValidation`).
    public func decodeWithSources<T: Decodable>(_ type: T.Type, from yaml: String, file: String,
                                                lineOffset: Int = 0) throws(DiagnosticsError) -> (value: T, sources: SourceMap) {
        let tracker = KeyTracker(file: file, lineOffset: lineOffset)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml, Self.resolver) else {
                throw DiagnosticsError([Diagnostic(.error, "yaml.empty", at: SourceLocation(file: file, line: 1 + lineOffset), "the file is empty", expected: "a YAML mapping")])
            }
            root = node
        } catch let error as DiagnosticsError {
            throw error
        } catch let error as YamlError {
            throw DiagnosticsError([Self.diagnostic(for: error, file: file, lineOffset: lineOffset)])
        } catch {
            throw DiagnosticsError([Diagnostic(.error, "yaml.syntax", at: SourceLocation(file: file), "cannot read YAML: \(error)")])
        }

        let decoder = NodeDecoder(node: root, codingPath: [], tracker: tracker)
        do {
            let value = try T(from: decoder)
            let unknown = tracker.unknownKeys()
            if !unknown.isEmpty {
                throw DiagnosticsError(unknown.map { entry in
                    Self.unknownKeyDiagnostic(entry, location: tracker.location(entry.mark))
                })
            }
            var sources = SourceMap(file: file)
            Self.record(root, path: "", in: &sources, tracker: tracker)
            return (value, sources)
        } catch let error as DiagnosticsError {
            throw error
        } catch let diagnostic as Diagnostic {
            throw DiagnosticsError([diagnostic])
        } catch let error as DecodingError {
            // A required key is missing. If the same mapping has an unknown key that looks like it, that is the cause.
            if case let .keyNotFound(key, context) = error {
                let mappingPath = KeyTracker.pathString(context.codingPath)
                let unknown = tracker.unknownKeys().filter { $0.mappingPath == mappingPath }
                if let likely = unknown.min(by: { editDistance($0.key, key.stringValue) < editDistance($1.key, key.stringValue) }),
                   editDistance(likely.key, key.stringValue) <= 3 {
                    throw DiagnosticsError([Self.unknownKeyDiagnostic(likely, location: tracker.location(likely.mark))])
                }
                let mark = tracker.mark(ofMapping: mappingPath)
                let path = mappingPath.isEmpty ? key.stringValue : "\(mappingPath).\(key.stringValue)"
                // A type that says more than "missing" (an endpoint naming its type) is quoted.
                let summary = context.debugDescription == "missing" ? "missing required key '\(key.stringValue)'" : context.debugDescription
                throw DiagnosticsError([Diagnostic(.error, "plan.missing-key", at: tracker.location(mark), summary, variable: path)])
            }
            let (path, debug, underlying): ([any CodingKey], String, (any Error)?) = switch error {
            case let .dataCorrupted(c), let .typeMismatch(_, c), let .valueNotFound(_, c): (c.codingPath, c.debugDescription, c.underlyingError)
            default: ([], "\(error)", nil)
            }
            let node = Self.node(at: path, in: root)
            // A type's own check (an endpoint key of another type) carries its diagnostic; it gets the line here.
            if var diagnostic = underlying as? Diagnostic {
                if diagnostic.location == nil { diagnostic.location = tracker.location(node?.mark) }
                throw DiagnosticsError([diagnostic])
            }
            throw DiagnosticsError([Diagnostic(.error, "plan.invalid-value", at: tracker.location(node?.mark),
                                               debug, variable: KeyTracker.pathString(path), value: node?.scalar?.string)])
        } catch {
            throw DiagnosticsError([Diagnostic(.error, "plan.invalid", at: SourceLocation(file: file), "\(error)")])
        }
    }

    /// Records the location of every value under `node`, by path.
    private static func record(_ node: Node, path: String, in sources: inout SourceMap, tracker: KeyTracker) {
        sources.record(path, tracker.location(node.mark))
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                record(value, path: path.isEmpty ? name : "\(path).\(name)", in: &sources, tracker: tracker)
            }
        case .sequence(let sequence):
            for (index, value) in sequence.enumerated() {
                record(value, path: "\(path)[\(index)]", in: &sources, tracker: tracker)
            }
        default:
            break
        }
    }

    /// The node at a coding path, to locate errors thrown by `init(from:)` implementations.
    private static func node(at path: [any CodingKey], in root: Node) -> Node? {
        var node: Node? = root
        for key in path {
            switch node {
            case .mapping(let mapping)?: node = mapping[key.stringValue]
            case .sequence(let sequence)?:
                guard let index = key.intValue, index < sequence.count else { return node }
                node = Array(sequence)[index]
            default: return node
            }
        }
        return node
    }

    private static func unknownKeyDiagnostic(_ entry: KeyTracker.UnknownKey, location: SourceLocation) -> Diagnostic {
        let path = entry.mappingPath.isEmpty ? entry.key : "\(entry.mappingPath).\(entry.key)"
        var notes: [String] = []
        let known = entry.knownKeys.sorted()
        if let suggestion = known.min(by: { editDistance($0, entry.key) < editDistance($1, entry.key) }),
           editDistance(suggestion, entry.key) <= 3 {
            notes.append("did you mean '\(suggestion)'?")
        }
        return Diagnostic(.error, "plan.unknown-key", at: location, "unknown key '\(entry.key)'",
                          variable: path, expected: known.isEmpty ? nil : "one of " + known.joined(separator: ", "), notes: notes)
    }

    private static func diagnostic(for error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return Diagnostic(.error, "yaml.syntax", at: SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column),
                              "YAML syntax error: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(.error, "yaml.duplicate-key", at: SourceLocation(file: file, line: context.mark.line + lineOffset, column: context.mark.column),
                              "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))")
        default:
            return Diagnostic(.error, "yaml.syntax", at: SourceLocation(file: file), "cannot read YAML: \(error)")
        }
    }
}

/// Levenshtein distance, for "did you mean" suggestions.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased()), b = Array(b.lowercased())
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
