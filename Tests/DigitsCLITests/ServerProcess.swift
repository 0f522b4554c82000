import DigitsKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The real `digits` executable running `digits serve` as a child process, for the tests that
/// need a process they can kill. `swift test` builds the executable beside the test bundle.
struct ServerProcess {
    let process: Process
    let port: Int

    static var executable: URL? {
        // The test runner is `.build/<config>/DigitsPackageTests.xctest` (a file on Linux, a
        // bundle folder on macOS): the executable lies beside it.
        let bundle = Bundle.main.bundleURL
        let folders = [Bundle.main.executableURL?.deletingLastPathComponent(), bundle, bundle.deletingLastPathComponent()]
        return folders.lazy.compactMap { $0?.appendingPathComponent("digits") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// A port nobody listens on now: bind port 0, read what the kernel chose, release it.
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socket, generic, length) == 0 && getsockname(socket, generic, &length) == 0
            }
        }
        try #require(bound, "cannot bind a loopback port")
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Starts `digits serve` with `arguments` on a free port and waits until /health answers.
    static func start(_ arguments: [String]) async throws -> ServerProcess {
        let executable = try #require(executable, "the digits executable is not built beside the tests (swift build)")
        let port = try freePort()
        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve", "--port", String(port)] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let server = ServerProcess(process: process, port: port)
        for _ in 0..<300 {
            if let (_, response) = try? await URLSession.shared.data(from: server.url("/health")),
               (response as? HTTPURLResponse)?.statusCode == 200 { return server }
            try await Task.sleep(for: .milliseconds(100))
        }
        server.kill()
        throw ServerProcessError.didNotStart(port: port)
    }

    func url(_ path: String) -> URL { Self.url(port: port, path) }

    static func url(port: Int, _ path: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)\(path)") ?? URL(fileURLWithPath: "/")
    }

    /// POSTs JSON to the server on `port`; static, so that concurrent tasks need only the port.
    static func post(port: Int, _ path: String, json: String) async throws -> (Int, Data) {
        var request = URLRequest(url: url(port: port, path))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(json.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    /// SIGKILL: no shutdown handler, no flushing — what a crash or the OOM killer does.
    func kill() {
        _ = Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

enum ServerProcessError: Error {
    case didNotStart(port: Int)
}
