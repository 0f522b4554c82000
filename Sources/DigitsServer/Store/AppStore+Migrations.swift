import GRDB

/// The schema, as an append-only list of migrations: a new table is one more
/// `registerMigration`, and a database written by an older server is brought up to date when
/// it is opened. Never edit a migration that has shipped; add another.
extension AppStore {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 feedback") { db in
            try db.create(table: FeedbackSample.databaseTableName) { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("created", .datetime).notNull()
                // The 28×28 grey levels, row by row, white ink on black as in MNIST.
                table.column("pixels", .blob).notNull().check { length($0) == 784 }
                table.column("label", .integer).notNull().check { (0...9).contains($0) }
                table.column("predicted", .integer).check { $0 == nil || (0...9).contains($0) }
                table.column("model", .text)
                table.column("source", .text).notNull()
                table.column("original", .blob)
            }
        }
        migrator.registerMigration("v1 model registry") { db in
            try db.create(table: ModelRecord.databaseTableName) { table in
                table.primaryKey("name", .text)
                table.column("firstSeen", .datetime).notNull()
                // The file the cached figures belong to: a changed file is measured again.
                table.column("bytes", .integer).notNull()
                table.column("modified", .double).notNull()
                table.column("latencyMs", .double)
                table.column("measuredAt", .datetime)
            }
        }
        migrator.registerMigration("v1 result cache") { db in
            // Results that take seconds to minutes (t-SNE, a model's test-set evaluation),
            // computed once and kept across restarts; the key names what they were computed from.
            try db.create(table: CachedResult.databaseTableName) { table in
                table.primaryKey("key", .text)
                table.column("created", .datetime).notNull()
                table.column("value", .blob).notNull()
            }
        }
        migrator.registerMigration("v1 training jobs") { db in
            // The whole record as JSON: it is only ever read whole, by id or newest first.
            try db.create(table: StoredJob.databaseTableName) { table in
                table.primaryKey("id", .text)
                table.column("created", .datetime).notNull().indexed()
                table.column("state", .text).notNull()
                table.column("record", .blob).notNull()
            }
        }
        return migrator
    }
}
