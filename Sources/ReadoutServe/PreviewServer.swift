import Foundation
public import ReadoutCore
public import ReadoutBuild
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `readout serve`: the preview on 127.0.0.1 only. Serves the last successful draft build of `PreviewBuilder`,
/// polls the project and theme for changes, rebuilds, and tells open pages to reload through a server-sent
/// events stream (`/__readout/events`). HTML responses get the reload script and its hash in their CSP (the bytes
/// on disk are untouched); while a build fails, every page shows its diagnostics. A small HTTP/1.1 server on POSIX
/// sockets: GET and HEAD, one thread per connection, `Connection: close`, a `Host` of 127.0.0.1 or localhost only.
public final class PreviewServer: @unchecked Sendable {
    public static let eventsPath = "/__readout/events"
    let builder: PreviewBuilder
    let requestedPort: UInt16
    let interval: Duration
    let state = NSCondition()
    var generation = 0
    var diagnostics: [Diagnostic] = []
    var stopping = false
    var listener: Int32 = -1
    var connections: Set<Int32> = []
    let watcherDone = DispatchSemaphore(value: 0)
    var log: @Sendable (String) -> Void = { _ in }

    public init(builder: PreviewBuilder, port: UInt16, pollInterval: Duration = .milliseconds(400)) {
        self.builder = builder
        self.requestedPort = port
        self.interval = pollInterval
    }

    /// Builds once, starts listening and watching; returns the port it listens on.
    public func start(log: @escaping @Sendable (String) -> Void = { _ in }) throws(DiagnosticsError) -> UInt16 {
        self.log = log
        let first = builder.build()
        state.withLock {
            diagnostics = first
            generation = 1
        }
        log(first.contains { $0.severity == .error } ? first.map(\.description).joined(separator: "\n") : "built")
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = requestedPort.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard fd >= 0, bound == 0, listen(fd, 64) == 0 else {
            let reason = String(cString: strerror(errno))
            if fd >= 0 { close(fd) }
            builder.removeAll()
            throw DiagnosticsError([Diagnostic(.error, "serve.cannot-listen", "cannot listen on 127.0.0.1: \(reason)",
                                               variable: "--port", value: String(requestedPort), expected: "a free port, or 0 for any")])
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        Thread.detachNewThread { self.acceptLoop(fd) }
        Thread.detachNewThread { self.watchLoop() }
        return UInt16(bigEndian: actual.sin_port)
    }

    /// Stops watching and listening, ends every connection and removes the preview builds.
    public func stop() {
        let open: Set<Int32> = state.withLock {
            stopping = true
            state.broadcast()
            return connections
        }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for fd in open { shutdown(fd, Int32(SHUT_RDWR)) }
        watcherDone.wait()
        builder.removeAll()
    }

    var isStopping: Bool { state.withLock { stopping } }

    func acceptLoop(_ fd: Int32) {
        while true {
            let client = accept(fd, nil, nil)
            if client < 0 {
                if isStopping { return }
                continue
            }
            let accepted: Bool = state.withLock {
                guard !stopping else { return false }
                connections.insert(client)
                return true
            }
            guard accepted else { close(client); return }
            Thread.detachNewThread {
                self.handle(client)
                self.state.withLock { _ = self.connections.remove(client) }
                close(client)
            }
        }
    }

    func watchLoop() {
        var last = builder.fingerprint()
        let pause = UInt32(max(1, interval.components.attoseconds / 1_000_000_000_000 + interval.components.seconds * 1_000_000))
        while !isStopping {
            usleep(pause)
            let now = builder.fingerprint()
            guard now != last, !isStopping else { continue }
            last = now
            let found = builder.build()
            log(found.contains { $0.severity == .error } ? found.map(\.description).joined(separator: "\n") : "rebuilt")
            state.withLock {
                diagnostics = found
                generation += 1
                state.broadcast()
            }
        }
        watcherDone.signal()
    }

    /// Reads one request head and answers it.
    func handle(_ fd: Int32) {
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let end = Array("\r\n\r\n".utf8)
        while head.count < 16_384 {
            let n = recv(fd, &buffer, buffer.count, 0)
            guard n > 0 else { return }
            head += buffer[0..<n]
            if head.count >= 4, (0...(head.count - 4)).contains(where: { head[$0..<$0 + 4].elementsEqual(end) }) { break }
        }
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        let parts = (lines.first ?? "").split(separator: " ")
        guard parts.count == 3 else { return respond(fd, 400, "text/plain; charset=utf-8", Array("bad request\n".utf8)) }
        let method = String(parts[0])
        let host = lines.dropFirst().first { $0.lowercased().hasPrefix("host:") }
            .map { $0.dropFirst(5).trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let hostName = host.hasPrefix("[") ? String(host.prefix { $0 != "]" }) + "]" : String(host.split(separator: ":").first ?? "")
        guard ["127.0.0.1", "localhost", "[::1]"].contains(hostName) else {
            return respond(fd, 403, "text/plain; charset=utf-8", Array("the preview answers only to 127.0.0.1 and localhost\n".utf8))
        }
        guard method == "GET" || method == "HEAD" else {
            return respond(fd, 405, "text/plain; charset=utf-8", Array("method not allowed\n".utf8))
        }
        var path = String(parts[1])
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<cut]) }
        if path == Self.eventsPath { return events(fd) }
        let (status, type, body) = file(path)
        respond(fd, status, type, method == "HEAD" ? [] : body, length: body.count)
    }

    func file(_ path: String) -> (Int, String, [UInt8]) {
        let errors: [Diagnostic] = state.withLock { diagnostics.filter { $0.severity == .error } }
        if !errors.isEmpty || builder.servedRoot == nil {
            return (200, "text/html; charset=utf-8", Array(PreviewPage.inject(PreviewPage.failure(errors)).utf8))
        }
        guard let bytes = builder.read(urlPath: path) else { return (404, "text/plain; charset=utf-8", Array("not found\n".utf8)) }
        let type = PreviewPage.contentType(path)
        if type.hasPrefix("text/html") {
            return (200, type, Array(PreviewPage.inject(String(decoding: bytes, as: UTF8.self)).utf8))
        }
        return (200, type, bytes)
    }

    /// `text/event-stream`: `event: hello` with the current generation, then `event: reload` after every build,
    /// until the server stops or the page goes away.
    func events(_ fd: Int32) {
        var seen: Int = state.withLock { generation }
        let header = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n"
        guard write(fd, Array((header + "retry: 1000\nevent: hello\ndata: \(seen)\n\n").utf8)) else { return }
        while true {
            let next: Int? = state.withLock {
                while generation == seen && !stopping { state.wait() }
                return stopping ? nil : generation
            }
            guard let next else { return }
            seen = next
            guard write(fd, Array("event: reload\ndata: \(next)\n\n".utf8)) else { return }
        }
    }

    static let reasons = [200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed"]

    func respond(_ fd: Int32, _ status: Int, _ type: String, _ body: [UInt8], length: Int? = nil) {
        let head = "HTTP/1.1 \(status) \(Self.reasons[status] ?? "")\r\nContent-Type: \(type)\r\nContent-Length: \(length ?? body.count)\r\n"
            + "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"
        _ = write(fd, Array(head.utf8) + body)
    }

    /// Writes everything (no SIGPIPE when the peer has gone); false when the connection is closed.
    func write(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { return false }
            offset += n
        }
        return true
    }
}
