import Foundation
import Testing
@testable import DigitsKit

@Suite struct MNISTDownloaderTests {
    /// The committed gzip IDX fixtures, served under `/good/`, with their MD5s.
    private let files: [(name: String, bytes: [UInt8])]
    private let resources: [MNISTDownloader.Resource]

    init() throws {
        let folder = try DataFixtures.idxFolder
        files = try MNISTFileRole.allCases.map { role in
            (role.downloadName, try DataFixtures.bytes(role.downloadName, in: folder))
        }
        resources = files.map { MNISTDownloader.Resource(name: $0.name, md5: MD5.hex(of: $0.bytes)) }
    }

    private func server(extra: [String: LoopbackHTTPServer.Route] = [:]) throws -> LoopbackHTTPServer {
        var routes = extra
        for file in files { routes["/good/\(file.name)"] = .file(file.bytes) }
        return try LoopbackHTTPServer(routes: routes)
    }

    private func downloader(_ server: LoopbackHTTPServer, mirrors: [String]) -> MNISTDownloader {
        MNISTDownloader(mirrors: mirrors.map { server.baseURL.appendingPathComponent($0 + "/") },
                        resources: resources, timeout: 10)
    }

    private func contents(of folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func downloadsFromAGoodMirrorIntoALoadableFolder() async throws {
        let server = try server()
        let folder = try DataFixtures.temporaryFolder()
        let received = LockedCounter()
        let results = try await downloader(server, mirrors: ["good"]).download(to: folder) { progress in
            if progress.bytesReceived == progress.totalBytes { received.add(1) }
        }
        #expect(results.map(\.outcome) == Array(repeating: .downloaded(from: server.baseURL.appendingPathComponent("good/")), count: 4))
        #expect(try contents(of: folder) == files.map(\.name).sorted())
        #expect(try MNIST.load(from: folder) == MNIST.load(from: DataFixtures.idxFolder))
        #expect(received.value == 4)
    }

    @Test func fallsBackFromA404MirrorToAGoodOne() async throws {
        let server = try server()
        let folder = try DataFixtures.temporaryFolder()
        let results = try await downloader(server, mirrors: ["missing", "good"]).download(to: folder)
        #expect(results.allSatisfy { $0.outcome == .downloaded(from: server.baseURL.appendingPathComponent("good/")) })
        #expect(server.requestedPaths.filter { $0.hasPrefix("/missing/") }.count == 4)
    }

    @Test func rejectsCorruptedAndTruncatedBodiesAndLeavesNothingBehind() async throws {
        let first = files[0]
        var corrupted = first.bytes
        corrupted[corrupted.count / 2] ^= 0xff
        let server = try server(extra: [
            "/corrupt/\(first.name)": .file(corrupted),
            "/truncated/\(first.name)": .truncated(Array(first.bytes.prefix(40)), declaredLength: first.bytes.count),
        ])
        let folder = try DataFixtures.temporaryFolder()
        await #expect {
            try await downloader(server, mirrors: ["corrupt", "truncated"]).download(to: folder)
        } throws: { error in
            guard case let .allMirrorsFailed(file, attempts) = error as? DownloadError, file == first.name,
                  attempts.count == 2 else { return false }
            guard case .checksumMismatch = attempts[0].failure else { return false }
            return attempts[1].failure == .truncated(received: 40, expected: Int64(first.bytes.count))
        }
        // Neither the file nor a temporary `.partial` file may remain.
        #expect(try contents(of: folder).isEmpty)
    }

    @Test func everyMirrorsReasonIsListed() async throws {
        let server = try server()
        let refused = URL(string: "http://127.0.0.1:\(try LoopbackHTTPServer.closedPort())/")!
        let mirrors = [server.baseURL.appendingPathComponent("missing/"), refused]
        let folder = try DataFixtures.temporaryFolder()
        let loader = MNISTDownloader(mirrors: mirrors, resources: resources, timeout: 10)
        await #expect {
            try await loader.download(to: folder)
        } throws: { error in
            let text = "\(error)"
            return text.contains(files[0].name) && text.contains("HTTP 404") && text.contains("connection refused")
        }
        #expect(try contents(of: folder).isEmpty)
    }

    @Test func validFilesAlreadyPresentAreNotFetchedAgain() async throws {
        let server = try server()
        let folder = try DataFixtures.temporaryFolder()
        try DataFixtures.write(files[0].bytes, as: files[0].name, in: folder)
        // A damaged copy is replaced, not trusted.
        try DataFixtures.write(Array(files[1].bytes.dropLast()), as: files[1].name, in: folder)
        let results = try await downloader(server, mirrors: ["good"]).download(to: folder)
        #expect(results[0].outcome == .alreadyPresent)
        #expect(results[1].outcome != .alreadyPresent)
        #expect(!server.requestedPaths.contains("/good/\(files[0].name)"))
        #expect(try DataFixtures.bytes(files[1].name, in: folder) == files[1].bytes)
    }
}

/// A counter that progress callbacks on another thread can bump.
private final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add(_ n: Int) { lock.withLock { count += n } }
}
