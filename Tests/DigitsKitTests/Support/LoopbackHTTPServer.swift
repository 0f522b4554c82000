import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal HTTP/1.1 server on 127.0.0.1 with an ephemeral port, for download tests: one
/// background thread, one connection at a time, a fixed route table, `Connection: close`.
final class LoopbackHTTPServer: @unchecked Sendable {
    enum Route: Sendable {
        /// 200 with these bytes.
        case file([UInt8])
        /// 200 declaring `declaredLength` bytes, sending `bytes` (fewer), then closing.
        case truncated([UInt8], declaredLength: Int)
    }

    struct StartError: Error { let call: String; let code: Int32 }

    let port: UInt16
    private let listener: Int32
    private let routes: [String: Route]
    private let lock = NSLock()
    private var paths: [String] = []

    /// The base URL of this server, ending in `/`.
    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/")! }

    /// The request paths served so far, in order.
    var requestedPaths: [String] { lock.withLock { paths } }

    init(routes: [String: Route]) throws {
        self.routes = routes
        let (listener, port) = try Self.listen()
        self.listener = listener
        self.port = port
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    deinit { stop() }

    /// Stops accepting: `accept` on a shut-down socket fails, which ends the thread.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// A port on which nothing listens, for "connection refused".
    static func closedPort() throws -> UInt16 {
        let (socket, port) = try listen()
        close(socket)
        return port
    }

    private static func listen() throws -> (Int32, UInt16) {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw StartError(call: "socket", code: errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(fd, generic, length) == 0 && getsockname(fd, generic, &length) == 0
            }
        }
        guard bound, Glibc.listen(fd, 16) == 0 else {
            close(fd)
            throw StartError(call: "bind/listen", code: errno)
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    private func serve() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            respond(on: client)
            close(client)
        }
    }

    private func respond(on client: Int32) {
        guard let path = readRequestPath(from: client) else { return }
        lock.withLock { paths.append(path) }
        switch routes[path] {
        case let .file(bytes)?:
            send(header: "200 OK", length: bytes.count, body: bytes, to: client)
        case let .truncated(bytes, declaredLength)?:
            send(header: "200 OK", length: declaredLength, body: bytes, to: client)
        case nil:
            let body = Array("not found\n".utf8)
            send(header: "404 Not Found", length: body.count, body: body, to: client)
        }
    }

    /// The path of a `GET` request, read up to the blank line that ends its headers.
    private func readRequestPath(from client: Int32) -> String? {
        var request = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while request.count < 65536, !request.ends(with: Array("\r\n\r\n".utf8)) {
            let count = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            request += chunk[0..<count]
        }
        let firstLine = String(decoding: request.prefix { $0 != UInt8(ascii: "\r") }, as: UTF8.self)
        let parts = firstLine.split(separator: " ")
        return parts.count == 3 && parts[0] == "GET" ? String(parts[1]) : nil
    }

    private func send(header status: String, length: Int, body: [UInt8], to client: Int32) {
        let head = "HTTP/1.1 \(status)\r\nContent-Length: \(length)\r\nContent-Type: application/octet-stream\r\n"
            + "Connection: close\r\n\r\n"
        let bytes = Array(head.utf8) + body
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(client, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return }
            offset += sent
        }
    }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix }
}
