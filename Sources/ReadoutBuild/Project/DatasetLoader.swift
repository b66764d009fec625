import Dispatch
import Synchronization
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

/// Reads CSV or SAS XPT (by extension) into a `Dataset`, hashing the bytes concurrently with parsing.
public enum DatasetLoader {
    /// - Parameter variables: the variables to read from a CSV file (any case; `nil` all): the values
    ///   of the others are skipped (`CSVReader`), their bytes are still hashed. XPT files are read whole.
    /// - Parameter keys: text columns to encode CSV variables against (`CSVReader`'s `keys:`), e.g.
    ///   `["USUBJID": ADSL's USUBJID]` for ADTTE and ADAE.
    /// - Parameter hash: whether to compute the SHA-256 (`readout estimate` needs none; `sha256` is then empty).
    /// - Throws: the reader's diagnostics; `data.unknown-format`; `data.dataset.no-rows` for a file
    ///   with no observations (one root cause instead of a cascade of "subject is not in ADSL").
    public static func load(path: String, display: String, name: String,
                            variables: Set<String>? = nil, keys: [String: TextColumn] = [:],
                            hash hashing: Bool = true) throws(DiagnosticsError) -> LoadedDataset {
        BuildTimings.begin("read " + name.uppercased())
        let lower = path.lowercased()
        // CSV files are mapped, not copied (`FileSystem.mapBytes`); XPT files are read into an array.
        // The bytes are released (`release()`, `contents = []`) once parsed and hashed, before the
        // columns of parallel chunks are merged: a large file's bytes and both forms of its columns
        // are never all in memory at once.
        let isCSV = lower.hasSuffix(".csv")
        let mapped = isCSV ? try FileSystem.mapBytes(path, display: display) : nil
        let file = FileBytes(isCSV ? [] : try FileSystem.readBytes(path, display: display))
        guard lower.hasSuffix(".xpt") || isCSV else {
            throw DiagnosticsError([Diagnostic(.error, "data.unknown-format", at: SourceLocation(file: display),
                                               "unknown dataset format", value: (path as NSString).pathExtension,
                                               expected: ".csv or .xpt")])
        }
        BuildTimings.begin("parse+hash " + name.uppercased())
        let hash = Mutex<String>("")
        let group = DispatchGroup()
        if hashing {
            DispatchQueue.global().async(group: group) {
                let digest = if let mapped { sha256(UnsafeRawBufferPointer(mapped.buffer)) } else { sha256(file.contents) }
                hash.withLock { $0 = digest }
            }
        }
        // The parsed records are moved into `assemble`, which releases each chunk's column once merged.
        var xpt: Dataset?
        var records: CSVReader.Parsed?
        var failure: DiagnosticsError?
        do throws(DiagnosticsError) {
            if let mapped {
                records = try CSVReader.parse(mapped.buffer, name: name.uppercased(), source: display,
                                              variables: variables, keys: keys)
            } else {
                var d = try XPTReader.read(file.contents, source: display)
                d.name = name.uppercased()
                xpt = d
            }
        } catch {
            failure = error
        }
        group.wait()
        mapped?.release()
        file.contents = []
        if let failure { throw failure }
        let dataset: Dataset
        if let xpt { dataset = xpt } else { dataset = try CSVReader.assemble(records.take()!) }
        guard dataset.rowCount > 0 else {
            throw DiagnosticsError([Diagnostic(.error, "data.dataset.no-rows", at: SourceLocation(file: display),
                                               "\(dataset.name) has no rows", expected: "at least one observation")])
        }
        return LoadedDataset(dataset: dataset, sha256: hash.withLock { $0 }, path: display)
    }

    /// A file's bytes, shared by the parser and the hashing thread until both are done.
    private final class FileBytes: @unchecked Sendable {
        var contents: [UInt8]
        init(_ contents: [UInt8]) { self.contents = contents }
    }

    /// SHA-256 of bytes, lower-case hex.
    public static func sha256(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { sha256($0) }
    }

    /// SHA-256 of the bytes in memory, lower-case hex.
    static func sha256(_ bytes: UnsafeRawBufferPointer) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        var hasher = SHA256()
        hasher.update(bufferPointer: bytes)
        for byte in hasher.finalize() {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
