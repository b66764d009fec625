import Foundation
import Testing
import ReadoutCore
import ReadoutTestSupport
@testable import ReadoutBuild
@testable import ReadoutServe
import ReadoutRender
#if canImport(Glibc)
import Glibc
#endif

/// `readout serve` with a real HTTP client on 127.0.0.1: the draft preview is served, a change of a page rebuilds it
/// and announces `event: reload` on the event stream, nothing is written to the project's output/, and the
/// reload script is admitted by the page's CSP hash.
@Suite(.serialized) struct PreviewServerTests {
    /// A blocking HTTP/1.1 client on a raw socket (receive timeout `seconds`: generous, because in a full
    /// `swift test` run other suites' synchronous work can hold the cooperative threads the server runs on).
    final class Connection {
        let fd: Int32
        var received: [UInt8] = []

        init(port: UInt16, seconds: Int = 300) throws {
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var timeout = timeval(tv_sec: seconds, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let status = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard status == 0 else { close(fd); throw POSIXError(.ECONNREFUSED) }
        }

        deinit { close(fd) }

        func send(_ text: String) {
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
        }

        /// Reads until `marker` has been received (true) or the peer closes / the timeout passes (false).
        func read(until marker: String) -> Bool {
            let needle = Array(marker.utf8)
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                if received.count >= needle.count,
                   (0...(received.count - needle.count)).contains(where: { received[$0..<$0 + needle.count].elementsEqual(needle) }) { return true }
                let n = recv(fd, &buffer, buffer.count, 0)
                guard n > 0 else { return false }
                received += buffer[0..<n]
            }
        }

        var text: String { String(decoding: received, as: UTF8.self) }
    }

    /// GET `path`; the whole response (the server closes after it).
    static func get(_ path: String, port: UInt16) throws -> String {
        let connection = try Connection(port: port, seconds: 300)
        connection.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        _ = connection.read(until: "\u{0}never")
        return connection.text
    }

    /// Polls `path` until its response contains `text` (a rebuild takes a few seconds on a loaded machine).
    static func eventually(_ path: String, contains text: String, port: UInt16, seconds: Double = 300) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try get(path, port: port).contains(text) { return true }
            try await Task.sleep(for: .milliseconds(200))
        }
        return false
    }

    @Test func servesRebuildsAndReloads() async throws {
        let scratch = NSTemporaryDirectory() + "readout-serve-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let project = scratch + "/preview-trial"
        _ = try InitAction(directory: project, sample: true).run()
        let builder = try PreviewBuilder(project: project)
        let server = PreviewServer(builder: builder, port: 0, pollInterval: .milliseconds(200))
        let port = try server.start()
        #expect(port != 0)

        let home = try Self.get("/", port: port)
        #expect(home.hasPrefix("HTTP/1.1 200"))
        #expect(home.contains("preview-trial/ia1/index.html"))
        let page = try Self.get("/preview-trial/ia1/page-01-introduction.html", port: port)
        #expect(page.contains("DRAFT — DATA NOT LOCKED"))
        #expect(page.contains("<script>\(PreviewPage.reloadScript)</script>"))
        #expect(page.contains("script-src '\(PreviewPage.reloadHash)'; connect-src 'self';"))
        let search = try Self.get("/preview-trial/ia1/search.html", port: port)
        #expect(search.contains("script-src '\(PreviewPage.reloadHash)' '\(SearchScript.hash)'"))
        #expect(try Self.get("/preview-trial/ia1/../../../../etc/passwd", port: port).hasPrefix("HTTP/1.1 404"))
        #expect(try Self.get("/preview-trial/ia1/nothing.html", port: port).hasPrefix("HTTP/1.1 404"))
        // DNS rebinding: a page of another site that resolves to 127.0.0.1 sends its own Host.
        let foreign = try Connection(port: port, seconds: 300)
        foreign.send("GET / HTTP/1.1\r\nHost: attacker.example:\(port)\r\n\r\n")
        _ = foreign.read(until: "\u{0}never")
        #expect(foreign.text.hasPrefix("HTTP/1.1 403"))

        let events = try Connection(port: port)
        events.send("GET \(PreviewServer.eventsPath) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        #expect(events.read(until: "event: hello"))
        let markdown = project + "/pages/01-introduction.md"
        let text = try String(contentsOfFile: markdown, encoding: .utf8) + "\nA sentence written during the preview.\n"
        try text.write(toFile: markdown, atomically: true, encoding: .utf8)
        #expect(events.read(until: "event: reload"), "no reload after the page changed: \(events.text)")
        #expect(try await Self.eventually("/preview-trial/ia1/page-01-introduction.html", contains: "A sentence written during the preview.", port: port))

        // A broken plan: every page shows the diagnostics, and a fix brings the pages back.
        let yaml = try String(contentsOfFile: project + "/trial.yaml", encoding: .utf8)
        try (yaml + "\nunknownKey: 1\n").write(toFile: project + "/trial.yaml", atomically: true, encoding: .utf8)
        #expect(try await Self.eventually("/preview-trial/ia1/index.html", contains: "plan.unknown-key", port: port))
        #expect(try Self.get("/anything.html", port: port).contains("The preview does not build"))
        try yaml.write(toFile: project + "/trial.yaml", atomically: true, encoding: .utf8)
        #expect(try await Self.eventually("/preview-trial/ia1/index.html", contains: "Overview", port: port))

        #expect(!FileManager.default.fileExists(atPath: project + "/output"), "a preview never writes output/")
        server.stop()
        #expect(!FileManager.default.fileExists(atPath: builder.root))
        #expect(throws: (any Error).self) { _ = try Connection(port: port, seconds: 2) }
    }

    @Test func reloadHashIsTheScriptsHash() {
        let hex = Array(DatasetLoader.sha256(Array(PreviewPage.reloadScript.utf8)).utf8)
        let bytes = stride(from: 0, to: hex.count, by: 2).map { UInt8(String(decoding: hex[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
        #expect(PreviewPage.reloadHash == "sha256-" + Data(bytes).base64EncodedString())
    }
}
