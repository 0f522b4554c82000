import Foundation

/// Where job records are kept (`StoredJobHistory`, in the app's SQLite store). Narrow on purpose:
/// the queue needs nothing more.
public protocol JobHistory: Sendable {
    /// Inserts the record, or replaces the one with its id.
    func save(_ record: JobRecord) throws
    /// The newest records first, at most `limit`.
    func recent(limit: Int) throws -> [JobRecord]
    func find(id: String) throws -> JobRecord?
}
