import Foundation
import NIOConcurrencyHelpers

/// Where job records are kept. Narrow on purpose: the in-memory store below serves tests and a
/// server without a database, and a SQLite store can stand in without the queue changing.
public protocol JobHistory: Sendable {
    /// Inserts the record, or replaces the one with its id.
    func save(_ record: JobRecord) throws
    /// The newest records first, at most `limit`.
    func recent(limit: Int) throws -> [JobRecord]
    func find(id: String) throws -> JobRecord?
}

/// Job records for the life of the process.
public final class InMemoryJobHistory: JobHistory {
    private let records = NIOLockedValueBox<[String: JobRecord]>([:])

    public init() {}

    public func save(_ record: JobRecord) {
        records.withLockedValue { $0[record.id] = record }
    }

    public func recent(limit: Int) -> [JobRecord] {
        let all = records.withLockedValue { Array($0.values) }
        return Array(all.sorted { ($0.created, $0.id) > ($1.created, $1.id) }.prefix(max(0, limit)))
    }

    public func find(id: String) -> JobRecord? {
        records.withLockedValue { $0[id] }
    }
}
