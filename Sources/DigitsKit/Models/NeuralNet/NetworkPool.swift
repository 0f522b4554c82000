import Foundation

/// Networks built from one model's fitted values, kept for the next prediction. Building one
/// allocates and fills every layer's buffers and copies every weight — for the flagship more
/// work than classifying a canvas drawing. A network's buffers serve one caller at a time, so
/// each concurrent caller takes its own and gives it back.
final class NetworkPool: @unchecked Sendable {
    /// More idle networks than cores would only hold memory.
    private static let limit = max(2, ProcessInfo.processInfo.activeProcessorCount)
    private let lock = NSLock()
    private var idle: [Network] = []

    /// Runs `body` with an idle network, or with a new one from `make`.
    func withNetwork<T>(make: () throws -> Network, _ body: (Network) throws -> T) throws -> T {
        let network = try take() ?? make()
        defer { giveBack(network) }
        return try body(network)
    }

    /// Runs `body` with `count` networks at once, idle ones first.
    func withNetworks<T>(_ count: Int, make: () throws -> Network, _ body: ([Network]) throws -> T) throws -> T {
        var networks: [Network] = []
        defer { networks.forEach(giveBack) }
        for _ in 0..<count { networks.append(try take() ?? make()) }
        return try body(networks)
    }

    private func take() -> Network? {
        lock.lock()
        defer { lock.unlock() }
        return idle.popLast()
    }

    private func giveBack(_ network: Network) {
        lock.lock()
        defer { lock.unlock() }
        if idle.count < Self.limit { idle.append(network) }
    }
}
