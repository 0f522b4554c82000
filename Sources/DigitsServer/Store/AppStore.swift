import Foundation
import GRDB

/// The web app's state in one SQLite database: feedback samples and what the Models page caches
/// about each model file. Models themselves stay files in the models folder.
///
/// A file store is a WAL-mode `DatabasePool` (pages read while a sample is written); tests use an
/// in-memory `DatabaseQueue` through the same code. Every write is one transaction that has
/// committed, with `synchronous = FULL`, before the call returns: an acknowledged sample
/// survives a kill -9 of the server and a power cut.
public final class AppStore: Sendable {
    let writer: any DatabaseWriter
    /// Where the database lives; nil in memory.
    public let location: URL?

    /// Opens (creating when needed) the database at `url` and brings its tables up to date.
    public init(url: URL) throws(StoreError) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .cannotOpen(path: url.path, reason: error.localizedDescription)
        }
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // WAL's default NORMAL can lose the last commits on power loss; a feedback sample
            // is acknowledged only once it is on disk.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        configuration.busyMode = .timeout(5)
        do {
            writer = try DatabasePool(path: url.path, configuration: configuration)
        } catch {
            throw .cannotOpen(path: url.path, reason: "\(error)")
        }
        location = url
        try migrate()
    }

    /// A private database that disappears with this object (tests, and `--store :memory:`).
    public init() throws(StoreError) {
        do {
            writer = try DatabaseQueue()
        } catch {
            throw .cannotOpen(path: ":memory:", reason: "\(error)")
        }
        location = nil
        try migrate()
    }

    /// The store `digits serve` uses when none is named: `$XDG_DATA_HOME/digits/digits.sqlite`,
    /// else `~/.local/share/digits/digits.sqlite`.
    public static func defaultLocation(environment: [String: String] = ProcessInfo.processInfo.environment,
                                       home: URL = FileManager.default.homeDirectoryForCurrentUser) -> URL {
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? URL(fileURLWithPath: $0, isDirectory: true) : nil }
            ?? home.appendingPathComponent(".local/share", isDirectory: true)
        return dataHome.appendingPathComponent("digits/digits.sqlite")
    }

    /// Opens `path`, or the default location when nil; `:memory:` is a throw-away store.
    public static func open(path: String?) throws(StoreError) -> AppStore {
        guard let path else { return try AppStore(url: defaultLocation()) }
        if path == ":memory:" { return try AppStore() }
        return try AppStore(url: URL(fileURLWithPath: path).standardizedFileURL)
    }

    private func migrate() throws(StoreError) {
        do {
            try Self.migrator.migrate(writer)
        } catch {
            throw .migration(path: location?.path ?? ":memory:", reason: "\(error)")
        }
    }

    /// Runs `work` as one write transaction off the caller's thread (GRDB's writer queue) and
    /// returns once it has committed.
    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await writer.write(work)
        } catch {
            throw .database(reason: "\(error)")
        }
    }

    func read<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await writer.read(work)
        } catch {
            throw .database(reason: "\(error)")
        }
    }

    /// Synchronous read, for the command line.
    func readNow<T>(_ work: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(work)
        } catch {
            throw .database(reason: "\(error)")
        }
    }
}

/// Why the store cannot be used.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case cannotOpen(path: String, reason: String)
    case migration(path: String, reason: String)
    case database(reason: String)
    case noFeedback(path: String)
    case missing(path: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            "cannot open the database \(path): \(reason); choose another file with --store FILE"
        case let .migration(path, reason):
            "cannot bring the database \(path) up to date (\(reason)); was it written by a newer digits? choose another file with --store FILE"
        case let .database(reason): "database error: \(reason)"
        case let .missing(path): "no feedback database at \(path); pass the file `digits serve --store` used"
        case let .noFeedback(path): "\(path) holds no feedback samples yet; correct a drawing on the Draw page first"
        }
    }
}
