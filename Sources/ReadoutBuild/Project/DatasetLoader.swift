import Foundation
public import ReadoutCore
public import ReadoutData
internal import Crypto

/// A dataset read from disk, with the SHA-256 of its bytes for the data lock.
public struct LoadedDataset: Sendable {
    public var dataset: Dataset
    public var sha256: String
    public var path: String
}

/// Reads CSV or SAS XPT (by extension) into a `Dataset`.
public enum DatasetLoader {
    public static func load(path: String, display: String, name: String) throws(DiagnosticsError) -> LoadedDataset {
        BuildTimings.begin("read+hash " + name.uppercased())
        let bytes = try FileSystem.readBytes(path, display: display)
        let hash = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        let lower = path.lowercased()
        BuildTimings.begin("parse " + name.uppercased())
        do {
            let dataset: Dataset
            if lower.hasSuffix(".xpt") {
                var d = try XPTReader.read(bytes, source: display)
                d.name = name.uppercased()
                dataset = d
            } else if lower.hasSuffix(".csv") {
                dataset = try CSVReader.read(bytes, name: name.uppercased(), source: display)
            } else {
                throw DiagnosticsError([Diagnostic(.error, "data.unknown-format", at: SourceLocation(file: display),
                                                   "unknown dataset format", value: (path as NSString).pathExtension,
                                                   expected: ".csv or .xpt")])
            }
            return LoadedDataset(dataset: dataset, sha256: hash, path: display)
        } catch let error as DatasetError {
            throw DiagnosticsError([error.diagnostic])
        } catch let error as DiagnosticsError {
            throw error
        } catch {
            throw DiagnosticsError([Diagnostic(.error, "data.unreadable", at: SourceLocation(file: display), "\(error)")])
        }
    }

    /// SHA-256 of bytes, lower-case hex.
    public static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
