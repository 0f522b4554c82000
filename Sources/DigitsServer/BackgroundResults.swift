import Foundation
import NIOPosix

/// Slow results computed once, in the background, and kept in the store: the first request
/// starts the work and hears "computing" (202); later ones get the result. The work runs on the
/// blocking thread pool, never on an event loop, and each key is computed at most once at a time.
actor BackgroundResults {
    enum State: Sendable {
        case ready(Data)
        case computing
        case failed(String)
    }

    private let store: AppStore
    private var running: Set<String> = []
    private var failures: [String: String] = [:]

    init(store: AppStore) {
        self.store = store
    }

    /// The result for `key`, starting `compute` when there is none yet.
    func state(for key: String, compute: @escaping @Sendable () throws -> Data) async -> State {
        if let failure = failures[key] { return .failed(failure) }
        if running.contains(key) { return .computing }
        if let value = try? await store.cachedResult(key: key) { return .ready(value) }
        running.insert(key)
        Task { await self.run(key: key, compute: compute) }
        return .computing
    }

    /// Waits for `key` (tests, and callers that would rather wait than poll).
    func value(for key: String, compute: @escaping @Sendable () throws -> Data) async throws -> Data {
        while true {
            switch await state(for: key, compute: compute) {
            case let .ready(data): return data
            case let .failed(reason): throw BackgroundResultError(reason: reason)
            case .computing: try await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    private func run(key: String, compute: @escaping @Sendable () throws -> Data) async {
        do {
            let value = try await NIOThreadPool.singleton.runIfActive(compute)
            try await store.saveCachedResult(key: key, value: value)
        } catch {
            failures[key] = "\(error)"
        }
        running.remove(key)
    }
}

struct BackgroundResultError: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}
