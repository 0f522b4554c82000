import Foundation
import GRDB

/// What the Models page caches about one model file: when it was first seen and its measured
/// single-image latency, tied to the file's size and modification time so that a replaced file
/// is measured again.
struct ModelRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "model"

    var name: String
    var firstSeen: Date
    var bytes: Int
    var modified: Double
    var latencyMs: Double? = nil
    var measuredAt: Date? = nil

    func describes(_ stamp: ModelFileStamp) -> Bool {
        bytes == stamp.bytes && modified == stamp.modified
    }
}

extension AppStore {
    func modelRecord(name: String) async throws(StoreError) -> ModelRecord? {
        try await read { db in try ModelRecord.fetchOne(db, key: name) }
    }

    /// Records a file's latency; the first-seen date survives re-measurements.
    func saveModelRecord(_ record: ModelRecord) async throws(StoreError) {
        try await write { db in
            var record = record
            if let existing = try ModelRecord.fetchOne(db, key: record.name) { record.firstSeen = existing.firstSeen }
            try record.save(db)
        }
    }
}
