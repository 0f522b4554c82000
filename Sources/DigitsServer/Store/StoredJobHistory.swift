import Foundation
import GRDB

/// One training job's row: the record as JSON, with the columns the queries order and filter by.
struct StoredJob: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "job"

    var id: String
    var created: Date
    var state: String
    var record: Data

    init(_ job: JobRecord) throws {
        id = job.id
        created = job.created
        state = job.state.rawValue
        record = try JSONEncoder().encode(job)
    }

    func job() throws -> JobRecord {
        try JSONDecoder().decode(JobRecord.self, from: record)
    }
}

/// The job history in the app's SQLite store, so the Train page's recent jobs survive a restart.
///
/// A job still queued or running when the server stopped (a kill, a crash) cannot finish
/// any more: opening the history marks it cancelled, with a message saying so.
final class StoredJobHistory: JobHistory {
    let store: AppStore

    init(store: AppStore) throws(StoreError) {
        self.store = store
        try markInterruptedJobs()
    }

    func save(_ record: JobRecord) throws {
        let row = try StoredJob(record)
        try store.writer.write { db in try row.save(db) }
    }

    func recent(limit: Int) throws -> [JobRecord] {
        let rows = try store.writer.read { db in
            try StoredJob.order(Column("created").desc, Column("id").desc).limit(max(0, limit)).fetchAll(db)
        }
        return try rows.map { try $0.job() }
    }

    func find(id: String) throws -> JobRecord? {
        try store.writer.read { db in try StoredJob.fetchOne(db, key: id) }
            .map { try $0.job() }
    }

    private func markInterruptedJobs() throws(StoreError) {
        do {
            try store.writer.write { db in
                let unfinished = try StoredJob.filter([JobState.queued.rawValue, JobState.running.rawValue].contains(Column("state")))
                    .fetchAll(db)
                for row in unfinished {
                    var record = try row.job()
                    record.state = .cancelled
                    record.finished = record.finished ?? Date()
                    record.message = "the server stopped before the job finished"
                    try StoredJob(record).save(db)
                }
            }
        } catch {
            throw .database(reason: "\(error)")
        }
    }
}
