import Foundation
import Testing
import ReadoutTestSupport
@testable import ReadoutCLI
#if canImport(Glibc)
import Glibc
#endif

/// The real `readout serve`: listens on 127.0.0.1 at a free port, serves the draft preview, and stops cleanly on
/// Ctrl-C (SIGINT): exit 0, "stopped", no longer listening, nothing in output/ (PreviewServerTests checks that
/// stopping removes the preview folder).
@Suite(.serialized) struct ServeCommandTests {
    /// One GET on a raw socket; the whole response.
    static func get(_ path: String, port: UInt16) -> String? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 300, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            guard n > 0 else { break }
            received += buffer[0..<n]
        }
        return String(decoding: received, as: UTF8.self)
    }

    @Test func servesAndStopsCleanlyOnInterrupt() throws {
        let dir = NSTemporaryDirectory() + "readout-serve-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try InstallCLITests.run(["init", "t1", "--sample"], in: dir).status == 0)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
        process.arguments = ["serve", "t1", "--port", "0"]
        process.currentDirectoryURL = URL(fileURLWithPath: dir)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read stdout until the line with the address (the first build comes before it).
        var text = ""
        let deadline = Date().addingTimeInterval(120)
        while !text.contains("(a draft"), Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        let port = text.split(separator: "\n").first { $0.hasPrefix("previewing") }
            .flatMap { $0.split(separator: ":").last?.split(separator: "/").first }.flatMap { UInt16($0) }
        #expect(port != nil, "no address in: \(text)")
        if let port {
            let page = Self.get("/t1/ia1/index.html", port: port) ?? ""
            #expect(page.hasPrefix("HTTP/1.1 200") && page.contains("DRAFT — DATA NOT LOCKED"))
        }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        let rest = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        #expect(rest.contains("stopped") || text.contains("stopped"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/t1/output") && !FileManager.default.fileExists(atPath: dir + "/output"))
        if let port { #expect(Self.get("/", port: port) == nil, "still listening after Ctrl-C") }
    }
}
