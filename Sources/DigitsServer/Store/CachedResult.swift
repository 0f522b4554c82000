import Foundation
import GRDB

/// One slow result (JSON) kept under a key that names its inputs, so a changed input is a new
/// key rather than a stale answer.
struct CachedResult: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "cached_result"

    var key: String
    var created: Date
    var value: Data
}

extension AppStore {
    func cachedResult(key: String) async throws(StoreError) -> Data? {
        try await read { db in try CachedResult.fetchOne(db, key: key)?.value }
    }

    func saveCachedResult(key: String, value: Data) async throws(StoreError) {
        try await write { db in try CachedResult(key: key, created: Date(), value: value).save(db) }
    }
}
